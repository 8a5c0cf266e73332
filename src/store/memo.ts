/**
 * What caches of derived data check. `entitiesStamp` fingerprints the
 * entities (the search index and the screening service rebuild when it
 * moves). `memoUntilWrite` keeps answers computed from the store until it is written: on PGlite
 * (db.ts `writeGeneration`: one process does every write) an answer stands
 * while the handle's count of writes is unchanged and it is younger than
 * `maxAgeMs` (answers that also depend on the clock, such as a list being
 * stale, age out). Elsewhere (PostgreSQL, a transaction) it is computed each time.
 */
import { writeGeneration, type Queryable } from './db.ts';

interface Kept { writes: number; at: number; value: Promise<unknown> }
const KEPT = new WeakMap<Queryable, Map<string, Kept>>();

export function memoUntilWrite<T>(q: Queryable, key: string, maxAgeMs: number, compute: () => Promise<T>): Promise<T> {
  const writes = writeGeneration(q);
  if (writes === null) return compute();
  let kept = KEPT.get(q);
  if (!kept) KEPT.set(q, (kept = new Map()));
  const now = Date.now();
  const have = kept.get(key);
  if (have && have.writes === writes && now - have.at < maxAgeMs) return have.value as Promise<T>;
  const value = compute();
  const entry: Kept = { writes, at: now, value };
  kept.set(key, entry);
  value.catch(() => { if (kept.get(key) === entry) kept.delete(key); });
  return value;
}

/**
 * A cheap fingerprint of the entities: it moves when an import, a review, a
 * curation load or a judgement touches any, and with each list version (a
 * version changes the last seen of what it still lists without touching those entities).
 */
export async function entitiesStamp(q: Queryable): Promise<string> {
  const [row] = await q.query<{ stamp: string }>(
    `SELECT (SELECT count(*) FROM entities)::text || '/' || (SELECT count(*) FROM entity_names)::text || '/' ||
       coalesce((SELECT max(updated_at) FROM entities)::text, '') || '/' || coalesce((SELECT version FROM resolver_state WHERE id = 1)::text, '') || '/' ||
       (SELECT count(*) FROM list_versions)::text AS stamp`);
  return row?.stamp ?? '';
}
