/**
 * The screening index built from the store: one matchable entity per
 * canonical entity (store/resolver.ts), with the names, birth dates,
 * countries and identifiers of all its records, `referents` (every record
 * id behind it), the datasets of all, and the risks the graph knows for it
 * (store/flags.ts: sanctioned with each list, programme and date;
 * labour-export company; employer or host of North Korean workers), each
 * with the source that says so. A record whose list entry was removed still
 * stands in its entity; the entity is found through its other records.
 */
import type { Queryable } from '../store/db.ts';
import { scanInChunks } from '../store/batches.ts';
import { canonicalGroups, canonicalIndex, mergeRows } from '../store/canonical.ts';
import { flagsOf } from '../store/flags.ts';
import { entityLastSeen, latestListDates } from '../store/list-seen.ts';
import { allClusters } from '../store/resolver.ts';
import { fromEntityView } from '../match/entity.ts';
import { slicesOf, type Slices } from '../match/candidate-index.ts';
import { isMatchableSchema } from '../match/score-schema.ts';
import type { MatchableEntity } from '../match/types.ts';
import type { EntityView } from '../model/index.ts';

const PROPS = [
  'name', 'alias', 'weakAlias', 'previousName', 'firstName', 'lastName', 'birthDate', 'nationality', 'citizenship', 'country',
  'jurisdiction', 'mainCountry', 'flag', 'idNumber', 'passportNumber', 'registrationNumber', 'imoNumber', 'taxNumber', 'innCode',
  'ogrnCode', 'swiftBic', 'leiCode', 'program', 'topics',
];

/**
 * Rows read at a time while the index is built: small enough that the
 * server's copy of a batch dies young (its memory does not grow by the size
 * of the store each time a command builds an index through it).
 */
const STATEMENT_BATCH = 5_000;

interface EntityRow { id: string; schema: string; caption: string; datasets: string[] | null; topics: string[] | null; first_seen: string | null; last_seen: string | null }
interface PropRow { entity_id: string; prop: string; value: string }

/** Every record's properties, for the records wanted. */
async function recordProperties(q: Queryable, wanted: ReadonlySet<string>): Promise<Map<string, Record<string, string[]>>> {
  const props = new Map<string, Record<string, string[]>>();
  // In batches: the server that holds the store (and the local socket) never carries every statement at once, nor holds
  // its thread for the whole read (store/batches.ts).
  const sql = (range: string) => `SELECT entity_id, prop, value FROM statements WHERE ${range} AND review_status = 'accepted' AND prop = ANY($1::text[])`;
  await scanInChunks<PropRow>(q, { table: 'statements', sql, params: [PROPS] }, STATEMENT_BATCH, (rows) => {
    for (const r of rows) {
      if (!wanted.has(r.entity_id)) continue;
      const p = props.get(r.entity_id) ?? {};
      const list = p[r.prop] ?? (p[r.prop] = []);
      if (!list.includes(r.value)) list.push(r.value);
      props.set(r.entity_id, p);
    }
  });
  return props;
}

/** The properties of an entity's records, together (first name of the canonical record first). */
function mergeProperties(records: readonly string[], props: ReadonlyMap<string, Record<string, string[]>>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const id of records) {
    for (const [prop, values] of Object.entries(props.get(id) ?? {})) {
      const list = out[prop] ?? (out[prop] = []);
      for (const v of values) if (!list.includes(v)) list.push(v);
    }
  }
  return out;
}

/**
 * All matchable canonical entities of the store, with their risk flags. Read a range at a time and put together in
 * slices (`slices`, default 10 ms): a server holding the store keeps answering while its index is built.
 */
export async function loadMatchableFromStore(q: Queryable, slices: Slices = slicesOf(10)): Promise<MatchableEntity[]> {
  const latest = await latestListDates(q);
  const rows: EntityRow[] = [];
  const sql = (range: string) => `SELECT id, schema, caption, datasets, topics, first_seen, last_seen FROM entities WHERE ${range}`;
  await scanInChunks<EntityRow>(q, { table: 'entities', sql, params: [] }, STATEMENT_BATCH, (batch) => {
    // What is still on a list is seen on its newest version (store/list-seen.ts).
    for (const r of batch) if (isMatchableSchema(r.schema)) rows.push({ ...r, last_seen: entityLastSeen(r.last_seen, r.datasets, latest) });
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const clusters = await allClusters(q);
  const canonicalOf = canonicalIndex(clusters);
  const groups = canonicalGroups(rows.map((r) => r.id), clusters, canonicalOf);
  const props = await recordProperties(q, new Set(byId.keys()));
  const flags = await flagsOf(q, (id) => canonicalOf.get(id) ?? id);
  const out: MatchableEntity[] = [];
  for (const [id, records] of groups) {
    if (slices.due()) await slices.pause();
    const row = mergeRows(id, records, byId);
    if (!row) continue;
    const view: EntityView = {
      id, schema: row.schema, caption: row.caption, properties: mergeProperties(records.filter((r) => byId.has(r)), props),
      datasets: row.datasets, topics: row.topics, firstSeen: row.first_seen, lastSeen: row.last_seen,
    };
    const e = fromEntityView(view, flags.get(id) ?? []);
    if (records.length > 1) e.referents = records;
    if (e.names.length > 0) out.push(e);
  }
  return out;
}
