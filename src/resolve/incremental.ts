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
import { bucketsToken, storedBuckets } from '../store/resolver-buckets.ts';
import { bucketChangeOf, bucketKeysOf, decodeStoredBuckets, MAX_BUCKET, noBuckets, shapeOf, withChange, type BucketChange, type DatasetBuckets, type StoredShape } from './buckets.ts';
import { loadResolveRecords, type ResolveRecord } from './records.ts';
import { judgePair, RULES, type RuleMatch } from './rules.ts';

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
  /** What the version changed in its list's buckets. */
  change: BucketChange;
  /** What is stored of each dataset's buckets before this run writes. */
  shapes: ReadonlyMap<string, StoredShape>;
  /** The dataset of a record some dataset's buckets hold. */
  datasetOf: (id: string) => string | undefined;
}

/** A bucket's size over every dataset. */
const sizeOf = (all: ReadonlyMap<string, DatasetBuckets>, k: string) => {
  let n = 0;
  for (const ds of all.values()) n += ds.buckets.get(k)?.length ?? 0;
  return n;
};

/** How many counted records of a dataset are in a bucket. */
const countIn = (ds: DatasetBuckets | undefined, k: string) => {
  let n = 0;
  for (const id of ds?.buckets.get(k) ?? []) if (ds!.counted.has(id)) n++;
  return n;
};

/** nameCounts (rules.ts) read from the buckets when asked: counted records of each dataset by name key. */
class BucketCounts extends Map<string, number> {
  constructor(private readonly all: ReadonlyMap<string, DatasetBuckets>) { super(); }
  override get(key: string): number | undefined {
    // rules.ts countKey: `<dataset>|<kind>|<name key>`.
    const i = key.indexOf('|'), j = key.indexOf('|', i + 1);
    return countIn(this.all.get(key.slice(0, i)), `n:${key.slice(i + 1, j)}:${key.slice(j + 1)}`) || undefined;
  }
}

/** The pairs to look at again: ids of both records, smaller first. */
function pairsToJudge(
  before: ReadonlyMap<string, DatasetBuckets>, after: ReadonlyMap<string, DatasetBuckets>, now: readonly ResolveRecord[], change: BucketChange, dataset: string,
): Set<string> | null {
  const L0 = before.get(dataset), L1 = after.get(dataset)!;
  const members = (k: string) => [...after.values()].flatMap((ds) => ds.buckets.get(k) ?? []);
  const pairs = new Set<string>();
  const pair = (x: string, y: string) => { if (x !== y) pairs.add(x < y ? `${x}|${y}` : `${y}|${x}`); };
  // The buckets a changed record was in, and those it is in now.
  const touched = new Set(change.out.flatMap(([, keys]) => keys));
  for (const r of now) {
    for (const k of bucketKeysOf(r)) {
      touched.add(k);
      if (fits(sizeOf(after, k))) for (const z of members(k)) pair(r.id, z);
    }
  }
  for (const k of touched) {
    const crossed = fits(sizeOf(before, k)) !== fits(sizeOf(after, k));
    const recount = k.startsWith('n:') && countIn(L0, k) !== countIn(L1, k);
    if (!crossed && !recount) continue;
    const all = members(k);
    if (all.length > WALK_LIMIT) return null;
    for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) pair(all[i]!, all[j]!);
  }
  return pairs;
}

/** Buckets as this process last wrote (or read) them, under the token the store keeps with them. */
interface KnownBuckets { token: string; buckets: ReadonlyMap<string, DatasetBuckets>; shapes: ReadonlyMap<string, StoredShape> }
let remembered: KnownBuckets | null = null;

/**
 * Remembers the buckets a run wrote, under the token of that write: the next list version's run in this process (a
 * server's scheduled update) uses them instead of reading a few MB back, while the store still shows that token.
 * They are never written to (a run makes new values from them).
 */
export function rememberBuckets(known: KnownBuckets): void {
  remembered = known;
}

/** Every dataset's stored buckets, from memory while the store's token is the one remembered. */
async function currentBuckets(q: Queryable): Promise<Omit<KnownBuckets, 'token'>> {
  const token = await bucketsToken(q);
  if (token && remembered?.token === token) return remembered;
  const stored = await storedBuckets(q);
  return {
    buckets: new Map([...stored].map(([ds, s]) => [ds, decodeStoredBuckets(s)])),
    shapes: new Map([...stored].map(([ds, s]) => [ds, shapeOf(s)])),
  };
}

/** The proposals of a list version's changes, or null when only a full run can say (no stored buckets, a bucket too large). */
export async function changedProposals(q: Queryable, changed: readonly string[], dataset: string): Promise<IncrementalRun | null> {
  const { buckets: before, shapes } = await currentBuckets(q);
  if (!before.size) return null;
  const changedIds = new Set(changed);
  const now = changedIds.size ? await loadResolveRecords(q, [...changedIds]) : [];
  if (now.some((r) => r.dataset !== dataset)) return null;
  // The list's buckets with the changed records taken out and their new state put in.
  const list = before.get(dataset) ?? noBuckets();
  const change = bucketChangeOf(list, changedIds, now);
  const after = new Map(before);
  after.set(dataset, withChange(list, change));
  const pairs = pairsToJudge(before, after, now, change, dataset);
  if (!pairs) return null;
  const datasetOf = (id: string) => { for (const [ds, b] of after) if (b.ids.has(id)) return ds; return undefined; };
  const wanted = new Set([...pairs].flatMap((p) => p.split('|')));
  const byId = new Map(now.map((r) => [r.id, r]));
  const missing = [...wanted].filter((id) => !byId.has(id));
  if (missing.length) for (const r of await loadResolveRecords(q, missing)) byId.set(r.id, r);
  const nameCounts = new BucketCounts(after);
  const out: Proposal[] = [];
  for (const p of pairs) {
    const [x, y] = p.split('|') as [string, string];
    const a = byId.get(x), b = byId.get(y);
    if (!a || !b) continue;
    const keysB = new Set(bucketKeysOf(b));
    if (!bucketKeysOf(a).some((k) => keysB.has(k) && fits(sizeOf(after, k)))) continue;
    const match = judgePair(a, b, nameCounts);
    if (match) out.push({ a, b, match });
  }
  return { proposals: sortProposals(out), buckets: after, datasetOf, change, shapes };
}
