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

/**
 * The search index (migration 053), stored so that no search parses text: each document's vector of its title and
 * first 300,000 characters (`documents.tsv`), and its text in passages of 20,000 characters overlapping by 1,000
 * (`document_passages`). A tsvector's word positions stop at 16,383, so a phrase past that in the whole text's vector
 * is never found; in a passage it is, and a passage reaches past the first 300,000 characters.
 */
const PASSAGE_CHARS = 20000;
const PASSAGE_STEP = 19000;
/**
 * The query of a search parameter, in the web-search syntax people type: `websearch_to_tsquery('english')` with its
 * Hangul words less their particles (migration 054), as the vectors hold them too (`room39_tsvector`).
 */
const tsQuery = (param: string) => `room39_tsquery(${param})`;
const QUERY = tsQuery('$1');
/** The query ts_headline marks words by: also the forms its Hangul words take with a particle (러시아 marks 러시아에). */
const HEADLINE_QUERY = `coalesce(${QUERY} || room39_ko_forms($1), ${QUERY})`;
/** The first passage of the document `s` that the query `$1` matches. */
const PASSAGE_MATCH = `SELECT p.body FROM document_passages p WHERE p.source_id = s.id AND p.tsv @@ ${QUERY} ORDER BY p.n LIMIT 1`;
/**
 * The documents a query matches: its vector does, or one of its passages does (a phrase late in a long document,
 * words past the first 300,000 characters) and, when the query excludes words (its `-word`s, the parameter
 * `excludedParam`), none of them stands anywhere in it.
 */
function hits(excludedParam: string | null): string {
  const whole = (param: string) => `SELECT d.source_id FROM documents d WHERE d.tsv @@ ${tsQuery(param)}`;
  const passages = (param: string) => `SELECT p.source_id FROM document_passages p WHERE p.tsv @@ ${tsQuery(param)}`;
  return `${whole('$1')} UNION (${passages('$1')}${excludedParam ? ` EXCEPT (${passages(excludedParam)} UNION ${whole(excludedParam)})` : ''})`;
}

/** The words and phrases a web-search query excludes ("-word", "-\"a phrase\""), as a query of their own: any of them. */
export function excludedTerms(query: string): string {
  // A quoted phrase is one token: a "-" inside it excludes nothing.
  return [...query.matchAll(/(?:^|\s)(-?)("[^"]*"?|[^\s"]+)/g)].filter((m) => m[1]).map((m) => m[2]!).join(' or ');
}

/**
 * Indexes a new document for search: its vector and its passages (the same cut as migration 053 made of the documents
 * before it; the vectors of migration 054, `english` with Korean particles stripped).
 */
export async function indexDocumentText(q: Queryable, sourceId: string): Promise<void> {
  await q.query(
    `UPDATE documents d SET tsv = room39_tsvector(coalesce(s.title, '') || ' ' || left(coalesce(s.body, ''), 300000))
       FROM sources s WHERE s.id = d.source_id AND d.source_id = $1`,
    [sourceId],
  );
  await q.query(
    `INSERT INTO document_passages (source_id, n, body, tsv)
       SELECT x.id, x.n, x.body, room39_tsvector(x.body) FROM (
         SELECT s.id, g.n, substr(s.body, g.n * ${PASSAGE_STEP} + 1, ${PASSAGE_CHARS}) AS body FROM sources s
          CROSS JOIN LATERAL generate_series(0, greatest(0, ceil((length(coalesce(s.body, '')) - ${PASSAGE_CHARS}) / ${PASSAGE_STEP}.0)::int)) AS g(n)
          WHERE s.id = $1) x
     ON CONFLICT DO NOTHING`,
    [sourceId],
  );
}

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
  const excluded = excludedTerms(search) || null;
  const [count] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${hits(excluded && '$2')}) h`, excluded ? [search, excluded] : [search]);
  // The passage shown: from the first passage the query matches, else from the start of the text.
  const rows = await q.query<Row>(
    `SELECT ${META}, ${COUNTS},
            ts_headline('english', coalesce((${PASSAGE_MATCH}), left(coalesce(s.body, ''), 300000)), ${HEADLINE_QUERY},
                        'StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') AS headline
       FROM documents d JOIN sources s ON s.id = d.source_id
      WHERE d.source_id IN (${hits(excluded && '$4')})
      ORDER BY ts_rank(d.tsv, ${QUERY}) DESC, d.submitted_at DESC, s.id
      LIMIT $2 OFFSET $3`,
    excluded ? [search, page.limit, page.offset, excluded] : [search, page.limit, page.offset],
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
