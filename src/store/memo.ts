/**
 * Answers computed from the store and kept until it is written: on PGlite
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
