/**
 * The submitted documents as a library: the list (newest first, or by
 * relevance to a full-text query, PostgreSQL `websearch_to_tsquery` over the
 * title and text, on PGlite too), each with its source, date, submitter and
 * how many of its claims wait, were accepted or rejected; and one document
 * with its text, the extraction made when it was submitted, and its claims
 * with their review state (offsets into the text, for highlighting).
 */
import type { Queryable } from '../../store/db.ts';
import { notFound } from '../../errors.ts';

export interface ClaimCounts {
  pending: number;
  accepted: number;
  rejected: number;
}

export interface DocumentSummary {
  id: string;
  title: string;
  publisher: string | null;
  published: string | null;
  url: string | null;
  format: string;
  filename: string | null;
  bytes: number;
  submitted_by: string;
  submitted_at: string;
  /** Claims of the document waiting for review (kept for older clients; `claims.pending` too). */
  pending: number;
  claims: ClaimCounts;
  /** With a search: the passage that matched, as parts, `hit` marking the words found (plain text: the client escapes it). */
  snippet?: { text: string; hit: boolean }[];
}

export type DocumentMeta = Omit<DocumentSummary, 'pending' | 'claims' | 'snippet'>;

export interface DocumentClaim {
  id: string;
  kind: 'mention' | 'figure';
  type: string;
  text: string;
  start: number;
  end: number;
  quote_start: number;
  quote_end: number;
  status: string;
  reviewer: string | null;
}

export interface StoredDocument {
  document: DocumentMeta & { claims: ClaimCounts };
  text: string;
  extraction: unknown;
  claims: DocumentClaim[];
}

/** The indexed text of a document (migration 021): title and the first 300,000 characters. */
const DOCUMENT_TSV = `to_tsvector('english', coalesce(s.title, '') || ' ' || left(coalesce(s.body, ''), 300000))`;
const COUNTS = `(SELECT count(*) FILTER (WHERE r.status = 'pending')::int FROM review_items r WHERE r.source_id = d.source_id) AS pending,
  (SELECT count(*) FILTER (WHERE r.status = 'accepted')::int FROM review_items r WHERE r.source_id = d.source_id) AS accepted,
  (SELECT count(*) FILTER (WHERE r.status = 'rejected')::int FROM review_items r WHERE r.source_id = d.source_id) AS rejected`;
const META = `s.id, s.title, s.publisher, s.published, s.url, d.format, d.filename, d.bytes, d.submitted_by, d.submitted_at`;
/** Marks around the words ts_headline finds: control characters no document text keeps (read.ts refuses binary). */
const START = '\u0002';
const STOP = '\u0003';

type Row = DocumentMeta & { pending: number; accepted: number; rejected: number; headline?: string };

function summary(r: Row): DocumentSummary {
  const { pending, accepted, rejected, headline, ...meta } = r;
  return {
    ...meta,
    submitted_at: new Date(meta.submitted_at).toISOString(),
    pending,
    claims: { pending, accepted, rejected },
    ...(headline !== undefined ? { snippet: snippetParts(headline) } : {}),
  };
}

function snippetParts(headline: string): { text: string; hit: boolean }[] {
  const parts: { text: string; hit: boolean }[] = [];
  for (const piece of headline.split(START)) {
    const [hit, rest] = piece.includes(STOP) ? (piece.split(STOP) as [string, string]) : [null, piece];
    if (hit) parts.push({ text: hit, hit: true });
    if (rest) parts.push({ text: rest, hit: false });
  }
  return parts;
}

export interface ListOptions {
  limit: number;
  offset: number;
  /** Full-text query (web-search syntax: words, "a phrase", -not, or). */
  q?: string | undefined;
}

export async function listDocuments(q: Queryable, page: ListOptions): Promise<{ documents: DocumentSummary[]; total: number }> {
  const search = page.q?.trim();
  if (!search) {
    const [count] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM documents');
    const rows = await q.query<Row>(
      `SELECT ${META}, ${COUNTS} FROM documents d JOIN sources s ON s.id = d.source_id ORDER BY d.submitted_at DESC, s.id LIMIT $1 OFFSET $2`,
      [page.limit, page.offset],
    );
    return { documents: rows.map(summary), total: count?.n ?? 0 };
  }
  const match = `s.kind = 'document' AND ${DOCUMENT_TSV} @@ websearch_to_tsquery('english', $1)`;
  const [count] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM documents d JOIN sources s ON s.id = d.source_id WHERE ${match}`, [search]);
  const rows = await q.query<Row>(
    `SELECT ${META}, ${COUNTS},
            ts_headline('english', left(coalesce(s.body, ''), 300000), websearch_to_tsquery('english', $1),
                        'StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') AS headline
       FROM documents d JOIN sources s ON s.id = d.source_id
      WHERE ${match}
      ORDER BY ts_rank(${DOCUMENT_TSV}, websearch_to_tsquery('english', $1)) DESC, d.submitted_at DESC, s.id
      LIMIT $2 OFFSET $3`,
    [search, page.limit, page.offset],
  );
  return { documents: rows.map(summary), total: count?.n ?? 0 };
}

export async function getDocument(q: Queryable, id: string): Promise<StoredDocument> {
  const [row] = await q.query<Row & { body: string; extraction: unknown }>(
    `SELECT ${META}, s.body, d.extraction, ${COUNTS} FROM documents d JOIN sources s ON s.id = d.source_id WHERE d.source_id = $1`,
    [id],
  );
  if (!row) throw notFound(`no submitted document "${id.slice(0, 120)}"`);
  const { body, extraction, ...rest } = row;
  const { pending: _pending, snippet: _snippet, ...document } = summary(rest);
  const claims = await q.query<DocumentClaim>(
    `SELECT id, kind, type, text, start_offset AS start, end_offset AS end, quote_start, quote_end, status, reviewer
       FROM review_items WHERE source_id = $1 ORDER BY start_offset, id`,
    [id],
  );
  return { document, text: body, extraction, claims };
}
