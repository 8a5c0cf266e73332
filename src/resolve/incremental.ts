/**
 * The rule run after a list version that says what it changed: the pairs a
 * full run would newly propose, found without reading every record. Valid
 * only while the store shows what the last run saw (store/resolver.ts
 * `ruledStampHolds`): then every pair the last run proposed was judged,
 * kept in one entity or left apart for good (clusters only grow), and a pair
 * can be newly proposed only if
 *   - one of its records changed (added, changed or delisted: the pairs of
 *     the new record with the records of its buckets), or
 *   - a bucket it shares crossed the size limit (2 to 60 records), or the
 *     number of counted records of the list bearing a name key it shares
 *     changed (the "only record of that name" rules): every pair of that
 *     bucket is looked at again.
 * The rest of a full run's proposals judge nothing new. Each pair looked at
 * is proposed exactly as the full run would: some shared bucket of 2 to 60
 * records (sizes over every dataset's buckets) and a rule that joins it, with
 * the name counts of every record.
 */
import type { Queryable } from '../store/db.ts';
import { storedBuckets } from '../store/resolver.ts';
import { addRecord, bucketKeysOf, countKeyOf, decodeBuckets, MAX_BUCKET, type DatasetBuckets } from './buckets.ts';
import { loadResolveRecords, type ResolveRecord } from './records.ts';
import { judgePair, RULES, type NameCounts, type RuleMatch } from './rules.ts';

export interface Proposal { a: ResolveRecord; b: ResolveRecord; match: RuleMatch }

/** A bucket larger than this, met by a change, is not walked pair by pair: the full run is cheaper to reason about. */
const WALK_LIMIT = 400;

const fits = (n: number) => n >= 2 && n <= MAX_BUCKET;

export function sortProposals(out: Iterable<Proposal>): Proposal[] {
  const order = (p: Proposal) => RULES.indexOf(p.match.rule);
  return [...out].sort((x, y) => order(x) - order(y) || x.a.id.localeCompare(y.a.id) || x.b.id.localeCompare(y.b.id));
}

export interface IncrementalRun {
  proposals: Proposal[];
  /** Every dataset's buckets after the version (the changed list's updated). */
  buckets: Map<string, DatasetBuckets>;
  /** The dataset of a record any bucket holds. */
  datasetOf: Map<string, string>;
}

/** Sizes of buckets over every dataset. */
function sizes(all: ReadonlyMap<string, DatasetBuckets>): Map<string, number> {
  const out = new Map<string, number>();
  for (const ds of all.values()) for (const [k, ids] of ds.buckets) out.set(k, (out.get(k) ?? 0) + ids.length);
  return out;
}

/** nameCounts (rules.ts) from the buckets: counted records of each dataset by name key. */
function counts(all: ReadonlyMap<string, DatasetBuckets>): NameCounts {
  const out: NameCounts = new Map();
  for (const [dataset, ds] of all) {
    for (const [k, ids] of ds.buckets) {
      const key = countKeyOf(dataset, k);
      if (!key) continue;
      let n = 0;
      for (const id of ids) if (ds.counted.has(id)) n++;
      if (n) out.set(key, n);
    }
  }
  return out;
}

/** The list's buckets with the changed records taken out and their new state put in. */
function updated(old: DatasetBuckets, changed: ReadonlySet<string>, now: readonly ResolveRecord[], dataset: string): DatasetBuckets | null {
  const buckets = new Map<string, string[]>();
  for (const [k, ids] of old.buckets) {
    const kept = ids.some((id) => changed.has(id)) ? ids.filter((id) => !changed.has(id)) : ids;
    if (kept.length) buckets.set(k, kept === ids ? [...ids] : kept);
  }
  const into = new Map([[dataset, { buckets, counted: new Set([...old.counted].filter((id) => !changed.has(id))) }]]);
  for (const r of now) {
    if (r.dataset !== dataset) return null;
    addRecord(into, r);
  }
  return into.get(dataset)!;
}

/** The pairs to look at again: ids of both records, smaller first. */
function pairsToJudge(
  before: ReadonlyMap<string, DatasetBuckets>, after: ReadonlyMap<string, DatasetBuckets>, now: readonly ResolveRecord[], changed: ReadonlySet<string>, dataset: string,
): Set<string> | null {
  const sizeBefore = sizes(before), sizeAfter = sizes(after);
  const L0 = before.get(dataset), L1 = after.get(dataset)!;
  const countIn = (ds: DatasetBuckets | undefined, k: string) => (ds?.buckets.get(k) ?? []).filter((id) => ds!.counted.has(id)).length;
  const members = (k: string) => [...after.values()].flatMap((ds) => ds.buckets.get(k) ?? []);
  const pairs = new Set<string>();
  const pair = (x: string, y: string) => { if (x !== y) pairs.add(x < y ? `${x}|${y}` : `${y}|${x}`); };
  const touched = new Set<string>();
  for (const [k, ids] of L0?.buckets ?? []) if (ids.some((id) => changed.has(id))) touched.add(k);
  for (const r of now) {
    for (const k of bucketKeysOf(r)) {
      touched.add(k);
      if (fits(sizeAfter.get(k) ?? 0)) for (const z of members(k)) pair(r.id, z);
    }
  }
  for (const k of touched) {
    const crossed = fits(sizeBefore.get(k) ?? 0) !== fits(sizeAfter.get(k) ?? 0);
    const recount = k.startsWith('n:') && countIn(L0, k) !== countIn(L1, k);
    if (!crossed && !recount) continue;
    const all = members(k);
    if (all.length > WALK_LIMIT) return null;
    for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) pair(all[i]!, all[j]!);
  }
  return pairs;
}

/** The proposals of a list version's changes, or null when only a full run can say (no stored buckets, a bucket too large). */
export async function changedProposals(q: Queryable, changed: readonly string[], dataset: string): Promise<IncrementalRun | null> {
  const stored = await storedBuckets(q);
  if (!stored.size) return null;
  const before = new Map([...stored].map(([ds, s]) => [ds, decodeBuckets(s)]));
  const changedIds = new Set(changed);
  const now = changedIds.size ? await loadResolveRecords(q, [...changedIds]) : [];
  const list = updated(before.get(dataset) ?? { buckets: new Map(), counted: new Set() }, changedIds, now, dataset);
  if (!list) return null;
  const after = new Map(before);
  after.set(dataset, list);
  const pairs = pairsToJudge(before, after, now, changedIds, dataset);
  if (!pairs) return null;
  const datasetOf = new Map<string, string>();
  for (const [ds, b] of after) for (const ids of b.buckets.values()) for (const id of ids) datasetOf.set(id, ds);
  const wanted = new Set([...pairs].flatMap((p) => p.split('|')));
  const byId = new Map(now.map((r) => [r.id, r]));
  const missing = [...wanted].filter((id) => !byId.has(id));
  if (missing.length) for (const r of await loadResolveRecords(q, missing)) byId.set(r.id, r);
  const size = sizes(after);
  const nameCounts = counts(after);
  const out: Proposal[] = [];
  for (const p of pairs) {
    const [x, y] = p.split('|') as [string, string];
    const a = byId.get(x), b = byId.get(y);
    if (!a || !b) continue;
    const keysB = new Set(bucketKeysOf(b));
    if (!bucketKeysOf(a).some((k) => keysB.has(k) && fits(size.get(k) ?? 0))) continue;
    const match = judgePair(a, b, nameCounts);
    if (match) out.push({ a, b, match });
  }
  return { proposals: sortProposals(out), buckets: after, datasetOf };
}
