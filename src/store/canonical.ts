/**
 * Canonical entity rows: what a door shows for one real entity made of
 * several records (store/resolver.ts): the caption of its canonical record
 * (or, when that record has left every list, of the next one that still
 * has statements), the most specific schema, the datasets and topics of all
 * its records, the first and last dates any was seen, and `referents`, every
 * record id behind it (the canonical one first).
 */
import type { Queryable } from './db.ts';
import { reconcileSchemas } from './ftm.ts';
import { canonicalOrder, clustersOf } from './resolver.ts';
import { ENTITY_LAST_SEEN } from './list-seen.ts';

export interface CanonicalRow {
  id: string;
  schema: string;
  caption: string;
  datasets: string[];
  topics: string[];
  first_seen: string | null;
  last_seen: string | null;
  /** Every record id merged into this entity, the canonical one first (a record standing alone: itself). */
  referents: string[];
}

interface EntityRow { id: string; schema: string; caption: string; datasets: string[] | null; topics: string[] | null; first_seen: string | null; last_seen: string | null }

/** Merges the rows of one entity's records (given in canonical order) into its canonical row; null when none has a row. */
export function mergeRows(id: string, referents: readonly string[], rows: ReadonlyMap<string, EntityRow>): CanonicalRow | null {
  const present = referents.map((r) => rows.get(r)).filter((r): r is EntityRow => !!r);
  const main = present[0];
  if (!main) return null;
  const dates = (pick: (r: EntityRow) => string | null) => present.map(pick).filter((v): v is string => !!v).sort();
  return {
    id,
    schema: present.map((r) => r.schema).reduce(reconcileSchemas, main.schema),
    caption: main.caption,
    datasets: [...new Set(present.flatMap((r) => r.datasets ?? []))].sort(),
    topics: [...new Set(present.flatMap((r) => r.topics ?? []))].sort(),
    first_seen: dates((r) => r.first_seen)[0] ?? null,
    last_seen: dates((r) => r.last_seen).at(-1) ?? null,
    referents: [...referents],
  };
}

/** Record id → canonical id, from the clusters (canonical id → its records). */
export function canonicalIndex(clusters: ReadonlyMap<string, readonly string[]>): Map<string, string> {
  const of = new Map<string, string>();
  for (const [c, records] of clusters) for (const r of records) of.set(r, c);
  return of;
}

/** The canonical entities of the given records, each with its records in canonical order (the canonical one first); a record in no cluster stands alone. */
export function canonicalGroups(
  ids: Iterable<string>, clusters: ReadonlyMap<string, readonly string[]>, of: ReadonlyMap<string, string> = canonicalIndex(clusters),
): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const c = of.get(id) ?? id;
    if (!groups.has(c)) groups.set(c, [c, ...(clusters.get(c) ?? []).filter((r) => r !== c).sort(canonicalOrder)]);
  }
  return groups;
}

/** Canonical rows of canonical ids (ids with no record left are absent). */
export async function canonicalRows(q: Queryable, canonicals: readonly string[]): Promise<Map<string, CanonicalRow>> {
  const clusters = await clustersOf(q, canonicals);
  const all = [...new Set([...clusters.values()].flat())];
  const rows = all.length
    ? await q.query<EntityRow>(`SELECT e.id, e.schema, e.caption, e.datasets, e.topics, e.first_seen, ${ENTITY_LAST_SEEN} AS last_seen
        FROM entities e WHERE e.id = ANY($1::text[])`, [all])
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out = new Map<string, CanonicalRow>();
  for (const [id, records] of clusters) {
    const ordered = [id, ...records.filter((r) => r !== id).sort(canonicalOrder)];
    const row = mergeRows(id, ordered, byId);
    if (row) out.set(id, row);
  }
  return out;
}
