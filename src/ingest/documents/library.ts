/**
 * The submitted documents as a library: the list (newest first, with how many
 * of their claims wait for review) and one document with its text and the
 * extraction made when it was submitted.
 */
import type { Queryable } from '../../store/db.ts';
import { notFound } from '../../errors.ts';

export interface DocumentSummary {
  id: string;
  title: string;
  published: string | null;
  url: string | null;
  format: string;
  filename: string | null;
  bytes: number;
  submitted_by: string;
  submitted_at: string;
  /** Claims of the document still waiting for review. */
  pending: number;
}

export type DocumentMeta = Omit<DocumentSummary, 'pending'>;

export interface StoredDocument {
  document: DocumentMeta;
  text: string;
  extraction: unknown;
}

export async function listDocuments(q: Queryable, page: { limit: number; offset: number }): Promise<DocumentSummary[]> {
  return q.query<DocumentSummary>(
    `SELECT s.id, s.title, s.published, s.url, d.format, d.filename, d.bytes, d.submitted_by, d.submitted_at,
            (SELECT count(*)::int FROM review_items r WHERE r.source_id = d.source_id AND r.status = 'pending') AS pending
       FROM documents d JOIN sources s ON s.id = d.source_id ORDER BY d.submitted_at DESC, s.id LIMIT $1 OFFSET $2`,
    [page.limit, page.offset],
  );
}

export async function getDocument(q: Queryable, id: string): Promise<StoredDocument> {
  const [row] = await q.query<DocumentMeta & { body: string; extraction: unknown }>(
    `SELECT s.id, s.title, s.published, s.url, s.body, d.format, d.filename, d.bytes, d.submitted_by, d.submitted_at, d.extraction
       FROM documents d JOIN sources s ON s.id = d.source_id WHERE d.source_id = $1`,
    [id],
  );
  if (!row) throw notFound(`no submitted document "${id.slice(0, 120)}"`);
  const { body, extraction, ...document } = row;
  return { document, text: body, extraction };
}
