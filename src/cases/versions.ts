/** The list versions a case run was screened against, as an auditor reads them: list, version, publication date, file SHA-256, when imported. */
import type { Queryable } from '../store/db.ts';

export interface ListVersionDetail {
  dataset: string;
  version: string;
  source_id: string;
  title: string;
  publisher: string | null;
  published: string | null;
  sha256: string;
  entries: number;
  imported_at: string;
  url: string | null;
}

export async function listVersionDetails(q: Queryable, sourceIds: readonly string[]): Promise<ListVersionDetail[]> {
  if (!sourceIds.length) return [];
  const rows = await q.query<Omit<ListVersionDetail, 'imported_at'> & { imported_at: unknown }>(
    `SELECT v.dataset, v.version, v.source_id, s.title, s.publisher, s.published, v.sha256, v.entries, v.imported_at, s.url
       FROM list_versions v JOIN sources s ON s.id = v.source_id WHERE v.source_id = ANY($1::text[]) ORDER BY v.dataset, v.version`,
    [sourceIds]);
  return rows.map((r) => ({ ...r, published: r.published === null ? null : String(r.published), imported_at: r.imported_at instanceof Date ? r.imported_at.toISOString() : String(r.imported_at) }));
}
