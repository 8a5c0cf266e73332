/**
 * The rule run's buckets: records that share a name key (of one kind) or an
 * identifier are compared, in buckets of 2 to 60 records. Kept per dataset
 * after each run (store/resolver-buckets.ts `markRuled`, table resolver_buckets) with
 * the records the name-uniqueness counts count (seed records, DPRK-related
 * list records), so the next list version's run can find the records its
 * changes meet without reading every record (incremental.ts). Such a run
 * stores only what it changed (BucketChange), read back after the buckets.
 */
import { SEED_DATASET, type ResolveRecord } from './records.ts';

export const MAX_BUCKET = 60;

/** The buckets a record is in: `n:<kind>:<name key>` and `i:<identifier key>`. */
export function bucketKeysOf(r: ResolveRecord): string[] {
  return [...[...r.nameKeys].map((n) => `n:${r.kind}:${n}`), ...[...r.identifiers.keys()].map((i) => `i:${i}`)];
}

/** Does nameCounts count this record (rules.ts)? */
export const counted = (r: ResolveRecord) => r.dataset === SEED_DATASET || r.dprk;

/** One dataset's records by bucket, which of them are counted, and all of them. */
export interface DatasetBuckets {
  buckets: Map<string, string[]>;
  counted: Set<string>;
  ids: Set<string>;
}

export const noBuckets = (): DatasetBuckets => ({ buckets: new Map(), counted: new Set(), ids: new Set() });

export function bucketsByDataset(recs: readonly ResolveRecord[]): Map<string, DatasetBuckets> {
  const out = new Map<string, DatasetBuckets>();
  for (const r of recs) addRecord(out, r);
  return out;
}

export function addRecord(into: Map<string, DatasetBuckets>, r: ResolveRecord): void {
  let ds = into.get(r.dataset);
  if (!ds) into.set(r.dataset, (ds = noBuckets()));
  ds.ids.add(r.id);
  for (const k of bucketKeysOf(r)) {
    const list = ds.buckets.get(k);
    if (list) list.push(r.id); else ds.buckets.set(k, [r.id]);
  }
  if (counted(r)) ds.counted.add(r.id);
}

export function encodeBuckets(b: DatasetBuckets): string {
  return JSON.stringify({ b: [...b.buckets], c: [...b.counted], r: [...b.ids] });
}

export function decodeBuckets(s: string): DatasetBuckets {
  const o = JSON.parse(s) as { b: [string, string[]][]; c: string[]; r: string[] };
  return { buckets: new Map(o.b), counted: new Set(o.c), ids: new Set(o.r) };
}

/**
 * What a list version's run changed in its dataset's buckets: the records taken out (every changed record the buckets
 * held), each with the buckets it was in, then the records put in (the changed records as they now are), in that order.
 */
export interface BucketChange {
  out: [id: string, keys: string[]][];
  in: [id: string, keys: string[], counted: boolean][];
}

/** The change that takes `changed` out of `old` and puts `now` in. */
export function bucketChangeOf(old: DatasetBuckets, changed: ReadonlySet<string>, now: readonly ResolveRecord[]): BucketChange {
  const keysOf = new Map<string, string[]>();
  for (const id of changed) if (old.ids.has(id)) keysOf.set(id, []);
  for (const [k, ids] of old.buckets) {
    for (const id of ids) if (changed.has(id)) (keysOf.get(id) ?? keysOf.set(id, []).get(id)!).push(k);
  }
  return { out: [...keysOf], in: now.map((r) => [r.id, bucketKeysOf(r), counted(r)]) };
}

/** `old` with a change made: a new value; `old` and the arrays it holds are left as they were. */
export function withChange(old: DatasetBuckets, change: BucketChange): DatasetBuckets {
  const b = { buckets: new Map(old.buckets), counted: new Set(old.counted), ids: new Set(old.ids) };
  makeChange(b, change);
  return b;
}

/** Makes a change to buckets whose maps and sets are the caller's own (a bucket's array is replaced, never written to). */
function makeChange(b: DatasetBuckets, change: BucketChange): void {
  for (const [id, keys] of change.out) {
    for (const k of keys) {
      const kept = b.buckets.get(k)?.filter((x) => x !== id);
      if (kept?.length) b.buckets.set(k, kept); else b.buckets.delete(k);
    }
    b.counted.delete(id);
    b.ids.delete(id);
  }
  for (const [id, keys, isCounted] of change.in) {
    for (const k of keys) b.buckets.set(k, [...(b.buckets.get(k) ?? []), id]);
    b.ids.add(id);
    if (isCounted) b.counted.add(id);
  }
}

export function encodeBucketChange(c: BucketChange): string {
  return JSON.stringify({ o: c.out, i: c.in });
}

/** What is stored of a dataset's buckets: the size of its full write, and the changes after it, how many and how large. */
export interface StoredShape { changes: number; fullChars: number; changeChars: number }

export const shapeOf = (stored: { data: string; changes: readonly string[] }): StoredShape =>
  ({ changes: stored.changes.length, fullChars: stored.data.length, changeChars: stored.changes.reduce((n, c) => n + c.length, 0) });

/** Buckets as a full write left them, with the changes stored after it made in order. */
export function decodeStoredBuckets(stored: { data: string; changes: readonly string[] }): DatasetBuckets {
  const b = decodeBuckets(stored.data);
  for (const c of stored.changes) {
    const o = JSON.parse(c) as { o: BucketChange['out']; i: BucketChange['in'] };
    makeChange(b, { out: o.o, in: o.i });
  }
  return b;
}
