/**
 * "Last seen" of what the official lists state, derived when read
 * (migration 047): a list version writes only what it adds or changes, so
 * a statement or entry still listed keeps the row its first version wrote,
 * and is seen on the date of its list's newest version. The entity rows
 * store the last_seen of their statements as written; readers take the
 * later of that and the newest version date of each list dataset the
 * entity's statements come from.
 */
import type { Queryable } from './db.ts';

/** Each list dataset's newest version date (YYYY-MM-DD). */
export async function latestListDates(q: Queryable): Promise<Map<string, string>> {
  const rows = await q.query<{ dataset: string; seen: string }>('SELECT dataset, seen FROM list_latest');
  return new Map(rows.map((r) => [r.dataset, r.seen]));
}

/** An entity's last_seen: its stored one, or the newest version date of a list it is on, whichever is later. */
export function entityLastSeen(stored: string | null, datasets: readonly string[] | null, latest: ReadonlyMap<string, string>): string | null {
  let out = stored;
  for (const d of datasets ?? []) {
    const seen = latest.get(d);
    if (seen !== undefined && (out === null || seen > out)) out = seen;
  }
  return out;
}

/**
 * The SQL for a statement's last_seen, given the statement as `s` and a
 * `LEFT JOIN list_seen ls ON ls.source_id = s.source_id` (the caller's):
 * a list statement still stored is on its list's newest version.
 */
export const STATEMENT_LAST_SEEN = 'greatest(s.last_seen, ls.seen)';
export const JOIN_LIST_SEEN = 'LEFT JOIN list_seen ls ON ls.source_id = s.source_id';

/** The SQL for an entity's last_seen, given the entity row as `e` (see entityLastSeen). */
export const ENTITY_LAST_SEEN = 'greatest(e.last_seen, (SELECT max(l.seen) FROM list_latest l WHERE l.dataset = ANY(e.datasets)))';
