/**
 * The rule run's buckets: records that share a name key (of one kind) or an
 * identifier are compared, in buckets of 2 to 60 records. Kept per dataset
 * after each run (store/resolver.ts `markRuled`, table resolver_buckets) with
 * the records the name-uniqueness counts count (seed records, DPRK-related
 * list records), so the next list version's run can find the records its
 * changes meet without reading every record (incremental.ts).
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
