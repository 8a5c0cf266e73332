/**
 * Every table a list import writes, as sorted text rows: two stores compare
 * equal when their dumps do (bench/ingest/dump.ts, test/ingest/skip-unchanged.test.ts).
 * Times of day are left out; the rule run's buckets are compared as a run
 * reads them (the last full write and the changes after it), with each
 * bucket's ids sorted (their order is the order records were met in).
 */
import type { Queryable } from '../../src/store/db.ts';
import { storedBuckets } from '../../src/store/resolver-buckets.ts';
import { decodeStoredBuckets } from '../../src/resolve/buckets.ts';

export const DUMPED_TABLES: Record<string, string> = {
  sources: 'id, kind, title, publisher, author, published, url, dataset, version, sha256, file, note, grade, grade_reason, source_class',
  statements: 'id, entity_id, schema, prop, value, original_value, dataset, source_id, quote, quote_start, quote_end, page, reliability, first_seen, last_seen, recorded_by, review_status, locator',
  entities: 'id, schema, caption, datasets, topics, first_seen, last_seen',
  entity_names: 'entity_id, name, norm, prop',
  list_versions: 'source_id, dataset, version, format, sha256, file, entries, dprk_entries, added, changed, removed, published, published_assumed, source_url, fetched_at',
  list_entries: 'dataset, entry_id, entity_id, schema, caption, content_hash, snapshot, dprk, first_seen, last_seen, source_id, removed_on',
  list_changes: 'id, dataset, source_id, version, entry_id, entity_id, schema, caption, change, dprk, details',
  list_entry_digests: 'dataset, entry_id, entity_id, schema, caption, dprk, content_hash, raw_hash, linked_to',
  judgements: 'id, left_id, right_id, judgement, rule, made_by, evidence, score, undone_by, undo_reason',
  canonical_ids: 'record_id, canonical_id',
};

/** Table name → its rows as sorted text (resolver_buckets normalised). */
export async function dumpTables(q: Queryable): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const [table, cols] of Object.entries(DUMPED_TABLES)) {
    const rows = await q.query<{ r: string }>(`SELECT row(${cols})::text AS r FROM ${table}`);
    out.set(table, rows.map((x) => x.r).sort());
  }
  // The buckets as a run reads them: the last full write with the changes stored after it.
  const buckets = [...await storedBuckets(q)].sort(([x], [y]) => (x < y ? -1 : 1));
  out.set('resolver_buckets', buckets.map(([dataset, stored]) => {
    const o = decodeStoredBuckets(stored);
    const b = [...o.buckets].filter(([, ids]) => ids.length).map(([k, ids]): [string, string[]] => [k, [...ids].sort()]).sort((x, y) => (x[0] < y[0] ? -1 : 1));
    return `${dataset} ${JSON.stringify({ b, c: [...o.counted].sort(), r: [...o.ids].sort() })}`;
  }));
  return out;
}
