/** What changed between list versions: the diff listing (CLI `diff`, `GET /api/changes`) and one entity's list history. */
import { Room39Error } from '../../errors.ts';
import type { Queryable } from '../../store/db.ts';

export interface ChangeView {
  dataset: string;
  version: string;
  source_id: string;
  change: 'added' | 'changed' | 'removed';
  entry_id: string;
  entity_id: string;
  schema: string;
  caption: string;
  dprk: boolean;
  details: unknown;
}

export interface ChangeQuery {
  /** Versions on or after this date (ISO). */
  since?: string | null;
  dataset?: string | null;
  change?: 'added' | 'changed' | 'removed' | null;
  /** Include the entries of the first imported version of each list (all "added"); off by default. */
  includeInitial?: boolean;
  limit?: number;
  offset?: number;
}

export interface ChangeListing {
  since: string | null;
  dataset: string | null;
  total: number;
  counts: { added: number; changed: number; removed: number };
  versions: { dataset: string; version: string; source_id: string; entries: number; added: number; changed: number; removed: number }[];
  changes: ChangeView[];
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export async function listChanges(q: Queryable, opts: ChangeQuery = {}): Promise<ChangeListing> {
  const since = opts.since ?? null;
  if (since !== null && !DATE.test(since)) throw new Room39Error('invalid_input', `since must be a date (YYYY-MM-DD), got "${since}"`);
  // A `dprk` filter means the DPRK-related entries of every list.
  const dprkOnly = opts.dataset === 'dprk';
  const dataset = dprkOnly ? null : opts.dataset ?? null;
  const where = [
    '($1::text IS NULL OR c.version >= $1)',
    '($2::text IS NULL OR c.dataset = $2)',
    '($3::text IS NULL OR c.change = $3)',
    '($4::bool = false OR c.dprk)',
    `($5::bool OR NOT (c.change = 'added' AND (c.details->>'first_version') = 'true'))`,
  ].join(' AND ');
  const params = [since, dataset, opts.change ?? null, dprkOnly, opts.includeInitial === true];
  const counts = await q.query<{ change: string; n: number }>(`SELECT c.change, count(*)::int AS n FROM list_changes c WHERE ${where} GROUP BY c.change`, params);
  const rows = await q.query<ChangeView>(
    `SELECT c.dataset, c.version, c.source_id, c.change, c.entry_id, c.entity_id, c.schema, c.caption, c.dprk, c.details
       FROM list_changes c WHERE ${where}
      ORDER BY c.version DESC, c.dataset, c.change, c.entry_id LIMIT $6 OFFSET $7`,
    [...params, Math.min(Math.max(opts.limit ?? 1000, 1), 100_000), Math.max(opts.offset ?? 0, 0)],
  );
  const versions = await q.query<ChangeListing['versions'][number]>(
    `SELECT dataset, version, source_id, entries, added, changed, removed FROM list_versions
      WHERE ($1::text IS NULL OR version >= $1) AND ($2::text IS NULL OR dataset = $2) ORDER BY version, dataset`,
    [since, dataset],
  );
  const c = { added: 0, changed: 0, removed: 0 };
  for (const r of counts) if (r.change in c) c[r.change as keyof typeof c] = r.n;
  return {
    since, dataset: opts.dataset ?? null, total: c.added + c.changed + c.removed, counts: c, versions,
    changes: rows.map((r) => ({ ...r, details: typeof r.details === 'string' ? JSON.parse(r.details) : r.details })),
  };
}

/** Every recorded change of one entity (by its own id or any linked record's), oldest first. */
export async function entityListHistory(q: Queryable, entityId: string): Promise<ChangeView[]> {
  const rows = await q.query<ChangeView>(
    `SELECT c.dataset, c.version, c.source_id, c.change, c.entry_id, c.entity_id, c.schema, c.caption, c.dprk, c.details
       FROM list_changes c
      WHERE c.entity_id = $1
         OR c.entity_id IN (SELECT member_id FROM entity_links WHERE canonical_id = $1 AND undone_at IS NULL AND judgement = 'positive')
      ORDER BY c.version, c.dataset`,
    [entityId],
  );
  return rows.map((r) => ({ ...r, details: typeof r.details === 'string' ? JSON.parse(r.details) : r.details }));
}
