/**
 * Entity views: assembled from accepted statements, never stored as truth.
 * The `entities` and `entity_names` tables are derived caches, refreshed
 * from statements after every write.
 */
import type { EntityView, Reliability, ReviewStatus } from '../model/index.ts';
import { NAME_PROPS } from '../model/index.ts';
import { Room39Error } from '../errors.ts';
import type { Queryable } from './db.ts';
import { edgeLabel, ftmModel, ftmSchema, reconcileSchemas, schemaLabel } from './ftm.ts';
import { searchKey } from './normalize.ts';
import type { RiskFlag } from '../match/types.ts';
import { canonicalRows } from './canonical.ts';
import { designationsOf, type DesignationView } from './designations.ts';
import { flagsOf } from './flags.ts';
import { ENTITY_LAST_SEEN, JOIN_LIST_SEEN, STATEMENT_LAST_SEEN } from './list-seen.ts';
import { canonicalIds, clusterIds, judgementsOf, resolveId, type Judgement } from './resolver.ts';
import { statementCorrections, type Correction } from './corrections.ts';

const RELIABILITY_ORDER = (r: string) => (r.charCodeAt(0) - 65) * 10 + Number(r[1]);

/** Props whose values are ids of other entities. */
export const REFERENCE_PROPS = [
  'entity', 'member', 'organization', 'employee', 'employer', 'director', 'owner', 'asset', 'subject', 'object',
  'person', 'associate', 'relative', 'holder', 'post', 'involved', 'organizer', 'programId',
] as const;

/** On an entity's page, relations are read through these: the references, and a Documentation's `document` (the document that mentions the entity). */
const RELATION_PROPS: readonly string[] = [...REFERENCE_PROPS, 'document'];

/**
 * `prop IN (…)` over RELATION_PROPS, written out in the SQL: so the planner can use the
 * partial index on statements (value) of migration 060 in a generic plan too, where
 * `prop = ANY($2)` alone says nothing of which props it may hold.
 */
export const REFERENCE_VALUE_INDEXED = `prop IN (${RELATION_PROPS.map((p) => `'${p}'`).join(', ')})`;

const FALLBACK_CAPTION_PROPS = ['name', 'title', 'role', 'program', 'summary'];
const captionPropsCache = new Map<string, string[]>();
function captionProps(schema: string): string[] {
  let props = captionPropsCache.get(schema);
  if (!props) captionPropsCache.set(schema, (props = [...(ftmSchema(schema)?.caption ?? ['name']), ...FALLBACK_CAPTION_PROPS]));
  return props;
}

/** Props an entity row is derived from beyond its schema, datasets and dates: caption candidates, names, topics. */
const KEPT_PROPS = new Set<string>([
  ...Object.values(ftmModel.schemata).flatMap((s) => s?.caption ?? []), 'name', ...FALLBACK_CAPTION_PROPS, ...NAME_PROPS, 'topics',
]);
const SEARCH_NAME_PROPS = new Set<string>(NAME_PROPS.filter((p) => p !== 'firstName' && p !== 'lastName'));

const reconcileCache = new Map<string, string>();
function reconcile(a: string, b: string): string {
  if (a === b) return a;
  const key = `${a}\u0000${b}`;
  let r = reconcileCache.get(key);
  if (r === undefined) reconcileCache.set(key, (r = reconcileSchemas(a, b)));
  return r;
}

interface CaptionRow { prop: string; value: string; reliability: string }

function pickCaption(schema: string, rows: readonly CaptionRow[]): string {
  for (const prop of captionProps(schema)) {
    const candidates = rows.filter((r) => r.prop === prop);
    if (candidates.length === 0) continue;
    // Prefer the best-graded value, then one written in mixed case (list names are often upper case), then the shortest.
    candidates.sort(
      (a, b) =>
        RELIABILITY_ORDER(a.reliability) - RELIABILITY_ORDER(b.reliability) ||
        Number(a.value === a.value.toUpperCase()) - Number(b.value === b.value.toUpperCase()) ||
        a.value.length - b.value.length,
    );
    return candidates[0]!.value;
  }
  return schemaLabel(schema);
}

/**
 * What an entity's derived rows (entities, entity_names) are computed from:
 * a running summary of its accepted statements, in the order they come.
 * refreshEntities builds it from the stored statements; a writer that knows
 * every accepted statement of an entity (a list import creating it) builds
 * it from its own statements and calls writeEntitySummaries, with the same
 * result and without reading the statements back.
 */
export interface EntitySummary {
  schema: string;
  datasets: Set<string>;
  firstSeen: string | null;
  lastSeen: string | null;
  /** The statements that can give the caption, a searchable name or a topic (a small part of all). */
  rows: CaptionRow[];
}

export interface SummaryInput {
  schema: string;
  prop: string;
  value: string;
  dataset: string;
  reliability: string;
  firstSeen: string;
  lastSeen: string;
}

/** Adds one accepted statement to its entity's summary (created on first use); give each statement once. */
export function summarise(into: Map<string, EntitySummary>, entityId: string, s: SummaryInput): void {
  let sum = into.get(entityId);
  if (!sum) {
    sum = { schema: s.schema, datasets: new Set(), firstSeen: null, lastSeen: null, rows: [] };
    into.set(entityId, sum);
  } else {
    sum.schema = reconcile(sum.schema, s.schema);
  }
  sum.datasets.add(s.dataset);
  if (sum.firstSeen === null || s.firstSeen < sum.firstSeen) sum.firstSeen = s.firstSeen;
  if (sum.lastSeen === null || s.lastSeen > sum.lastSeen) sum.lastSeen = s.lastSeen;
  if (KEPT_PROPS.has(s.prop)) sum.rows.push({ prop: s.prop, value: s.value, reliability: s.reliability });
}

/**
 * Whether looking these ids up one by one in the statements' index costs more than reading the table once: a list's
 * first version asks about ~36,000 new entities, and on PGlite as many index probes took ~0.5–1.5 s of CPU where one
 * pass over the statements took ~0.15 s. By the planner's row estimate (none before the table's first ANALYZE).
 */
async function scanCheaper(q: Queryable, ids: readonly string[]): Promise<boolean> {
  if (ids.length < MANY_IDS) return false;
  const [row] = await q.query<{ n: number }>(`SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'statements'::regclass`);
  return row !== undefined && row.n >= 0 && ids.length * 20 >= row.n;
}
const MANY_IDS = 1000;

/**
 * Topics that come from other entities or tables: sanctioned (a Sanction points at it), labour sender, labour host.
 * Each set holds at least those of the ids that have the flag: for many ids, every id the table gives it (deployments
 * have no index on either column, so they are read whole either way).
 */
async function derivedFlags(q: Queryable, ids: readonly string[]) {
  const these = (column: string, all: boolean) => (all ? '' : ` AND ${column} = ANY($1::text[])`);
  const allSanctioned = await scanCheaper(q, ids);
  const sanctioned = new Set(
    (await q.query<{ value: string }>(
      `SELECT DISTINCT value FROM statements WHERE prop = 'entity' AND schema = 'Sanction' AND review_status = 'accepted'${these('value', allSanctioned)}`,
      allSanctioned ? [] : [ids],
    )).map((r) => r.value),
  );
  const allDeployed = ids.length >= MANY_IDS;
  const params = allDeployed ? [] : [ids];
  const senders = new Set((await q.query<{ id: string }>(`SELECT DISTINCT sender_id AS id FROM deployments WHERE sender_id IS NOT NULL${these('sender_id', allDeployed)}`, params)).map((r) => r.id));
  const employers = new Set((await q.query<{ id: string }>(`SELECT DISTINCT employer_id AS id FROM deployments WHERE employer_id IS NOT NULL${these('employer_id', allDeployed)}`, params)).map((r) => r.id));
  return { sanctioned, senders, employers };
}

const BATCH = 2000;
const WRITE_BATCH = 10_000;

/** The derived rows of entities from their summaries: entities' columns and entity_names' rows, in the order of `ids`. */
export async function derivedRows(q: Queryable, summaries: ReadonlyMap<string, EntitySummary>, ids: readonly string[]) {
  const flags = await derivedFlags(q, ids);
  const cols: [string[], string[], string[], string[][], string[][], (string | null)[], (string | null)[]] = [[], [], [], [], [], [], []];
  const names: [string, string, string, string][] = [];
  for (const id of ids) {
    const sum = summaries.get(id);
    if (!sum) continue;
    const topics = new Set<string>();
    for (const r of sum.rows) if (r.prop === 'topics') topics.add(r.value);
    if (flags.sanctioned.has(id)) topics.add('sanction');
    if (flags.senders.has(id)) topics.add('labour.export');
    if (flags.employers.has(id)) topics.add('labour.host');
    cols[0].push(id); cols[1].push(sum.schema); cols[2].push(pickCaption(sum.schema, sum.rows));
    cols[3].push([...sum.datasets].sort()); cols[4].push([...topics].sort()); cols[5].push(sum.firstSeen); cols[6].push(sum.lastSeen);
    const seen = new Set<string>();
    for (const r of sum.rows) {
      if (!SEARCH_NAME_PROPS.has(r.prop)) continue;
      const key = `${r.value}\u0000${r.prop}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const norm = searchKey(r.value);
      if (norm) names.push([id, r.value, norm, r.prop]);
    }
  }
  return { cols, names };
}

/** Writes the derived rows (entities, entity_names) of entities from their summaries. */
async function writeDerived(q: Queryable, summaries: ReadonlyMap<string, EntitySummary>, ids: readonly string[]): Promise<void> {
  const { cols, names } = await derivedRows(q, summaries, ids);
  await q.query('DELETE FROM entity_names WHERE entity_id = ANY($1::text[])', [ids]);
  if (cols[0].length) {
    await q.query(
      `INSERT INTO entities (id, schema, caption, datasets, topics, first_seen, last_seen, updated_at)
       SELECT u.id, u.schema, u.caption, string_to_array(u.datasets, '|'), string_to_array(u.topics, '|'), u.first_seen, u.last_seen, clock_timestamp()
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
           AS u(id, schema, caption, datasets, topics, first_seen, last_seen)
       ON CONFLICT (id) DO UPDATE SET schema = EXCLUDED.schema, caption = EXCLUDED.caption, datasets = EXCLUDED.datasets,
         topics = EXCLUDED.topics, first_seen = EXCLUDED.first_seen, last_seen = EXCLUDED.last_seen, updated_at = EXCLUDED.updated_at`,
      [cols[0], cols[1], cols[2], cols[3].map((d) => d.join('|')), cols[4].map((t) => t.join('|')), cols[5], cols[6]],
    );
  }
  if (names.length) {
    await q.query(
      `INSERT INTO entity_names (entity_id, name, norm, prop) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
       ON CONFLICT DO NOTHING`,
      [0, 1, 2, 3].map((k) => names.map((n) => n[k])),
    );
  }
}

/** Recomputes the derived rows (entities, entity_names) of the given entities from their accepted statements. */
/** How many entities the store holds. */
export async function countEntities(q: Queryable): Promise<number> {
  const [row] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM entities');
  return row?.n ?? 0;
}

export async function refreshEntities(q: Queryable, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += BATCH) {
    const batch = unique.slice(i, i + BATCH);
    const rows = await q.query<{ entity_id: string; schema: string; prop: string; value: string; dataset: string; reliability: string; first_seen: string; last_seen: string }>(
      `SELECT entity_id, schema, prop, value, dataset, reliability, first_seen, last_seen
         FROM statements WHERE entity_id = ANY($1::text[]) AND review_status = 'accepted'`,
      [batch],
    );
    const summaries = new Map<string, EntitySummary>();
    for (const r of rows) {
      summarise(summaries, r.entity_id, {
        schema: r.schema, prop: r.prop, value: r.value, dataset: r.dataset, reliability: r.reliability, firstSeen: r.first_seen, lastSeen: r.last_seen,
      });
    }
    const gone = batch.filter((id) => !summaries.has(id));
    if (gone.length) {
      await q.query('DELETE FROM entities WHERE id = ANY($1::text[])', [gone]);
      // A removal leaves no updated_at behind: the rule run's stamp (store/resolver.ts) counts these rows.
      await q.query('INSERT INTO entity_removals (entities) VALUES ($1)', [gone.length]);
    }
    await writeDerived(q, summaries, batch);
  }
}

/**
 * The bulk path beside refreshEntities: writes the derived rows of entities
 * from summaries the caller built (see summarise) out of every accepted
 * statement those entities have in the store. Only for entities whose
 * statements the caller wrote itself, in this transaction, and that had no
 * statements before (a list version's new entries): the result is then the
 * same as refreshEntities', without reading the statements back.
 */
export async function writeEntitySummaries(q: Queryable, summaries: ReadonlyMap<string, EntitySummary>): Promise<void> {
  const ids = [...summaries.keys()];
  for (let i = 0; i < ids.length; i += WRITE_BATCH) await writeDerived(q, summaries, ids.slice(i, i + WRITE_BATCH));
}

export { canonicalId, clusterIds } from './resolver.ts';

export interface StatementView {
  id: string;
  entity_id: string;
  prop: string;
  value: string;
  dataset: string;
  /** `grade` and `grade_reason`: the source's Admiralty letter by the rubric of docs/grading.md and why (curated sources). */
  source: { id: string; title: string; kind: string; published: string | null; url: string | null; grade: string | null; grade_reason: string | null };
  quote: string | null;
  quote_start: number | null;
  quote_end: number | null;
  /** Where in a cited (not bundled) source the value stands. */
  locator: string | null;
  reliability: Reliability;
  first_seen: string;
  last_seen: string;
  recorded_by: string;
  review_status: ReviewStatus;
  /** Present when a reviewer changed the value a document gave: the quote then says `from`. */
  correction?: Correction;
}

export interface RelationView {
  /** The edge entity (Sanction, Membership, UnknownLink, Event, …). */
  id: string;
  schema: string;
  caption: string;
  /** The property through which this entity takes part in the edge (`entity`, `member`, `organization`, `involved`, …). */
  role: string;
  /** What the edge says, in words, from this entity's end (ftm.ts `edgeLabel`: "directs", or "Director" from the organisation's page). */
  label: string;
  /** The entities at the other end of the edge. */
  others: { id: string; schema: string; caption: string; role: string }[];
}

export interface EntityDetail {
  entity: EntityView & { referents: string[] };
  /** The id asked for, when it is another record of this entity (a door answers with the canonical id). */
  requestedId: string;
  statements: StatementView[];
  relations: RelationView[];
  /** Every designation of its records, current and ended. */
  designations: DesignationView[];
  /** The risks known for the entity, over all its records. */
  flags: RiskFlag[];
  /** The judgements that join its records (or keep others apart), standing and undone. */
  judgements: Judgement[];
}

interface EntityRow {
  id: string;
  schema: string;
  caption: string;
  datasets: string[];
  topics: string[];
  first_seen: string | null;
  last_seen: string | null;
}

export async function getEntityRows(q: Queryable, ids: readonly string[]): Promise<Map<string, EntityRow>> {
  if (ids.length === 0) return new Map();
  const rows = await q.query<EntityRow>(
    `SELECT e.id, e.schema, e.caption, e.datasets, e.topics, e.first_seen, ${ENTITY_LAST_SEEN} AS last_seen FROM entities e WHERE e.id = ANY($1::text[])`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

async function statementsOf(q: Queryable, ids: readonly string[]): Promise<StatementView[]> {
  const rows = await q.query<Omit<StatementView, 'source'> & { source_id: string; title: string; kind: string; published: string | null; url: string | null; grade: string | null; grade_reason: string | null }>(
    `SELECT s.id, s.entity_id, s.prop, s.value, s.dataset, s.quote, s.quote_start, s.quote_end, s.locator, s.reliability,
            s.first_seen, ${STATEMENT_LAST_SEEN} AS last_seen, s.recorded_by, s.review_status, s.source_id, src.title, src.kind, src.published, src.url,
            src.grade, src.grade_reason
       FROM statements s JOIN sources src ON src.id = s.source_id ${JOIN_LIST_SEEN}
      WHERE s.entity_id = ANY($1::text[]) AND s.review_status = 'accepted'
      ORDER BY s.prop, s.reliability, s.value`,
    [ids],
  );
  const corrections = await statementCorrections(q, rows.filter((r) => r.kind === 'document'));
  return rows.map(({ source_id, title, kind, published, url, grade, grade_reason, ...s }) => {
    const correction = corrections.get(s.id);
    return { ...s, source: { id: source_id, title, kind, published, url, grade, grade_reason }, ...(correction ? { correction } : {}) };
  });
}

export async function getEntity(q: Queryable, requestedId: string): Promise<EntityDetail> {
  const { canonical: id } = await resolveId(q, requestedId);
  const ids = await clusterIds(q, id);
  const row = (await canonicalRows(q, [id])).get(id);
  if (!row) throw new Room39Error('not_found', `no entity with id "${requestedId}"`);
  const statements = await statementsOf(q, ids);
  const properties: Record<string, string[]> = {};
  for (const s of statements) {
    const values = (properties[s.prop] ??= []);
    if (!values.includes(s.value)) values.push(s.value);
  }
  const entity: EntityDetail['entity'] = {
    id, schema: row.schema, caption: row.caption, properties, datasets: row.datasets, topics: row.topics,
    firstSeen: row.first_seen, lastSeen: row.last_seen, referents: row.referents,
  };
  const flags = (await flagsOf(q, () => id, ids)).get(id) ?? [];
  const judgements = await judgementsOf(q, ids);
  return { entity, requestedId, statements, relations: await relationsOf(q, ids, statements), designations: await designationsOf(q, ids), flags, judgements };
}

async function relationsOf(q: Queryable, ids: string[], own: StatementView[]): Promise<RelationView[]> {
  const incoming = await q.query<{ entity_id: string; prop: string }>(
    `SELECT DISTINCT entity_id, prop FROM statements
      WHERE value = ANY($1::text[]) AND ${REFERENCE_VALUE_INDEXED} AND prop = ANY($2::text[]) AND review_status = 'accepted'`,
    [ids, RELATION_PROPS],
  );
  // Outgoing references of the entity itself (an edge entity points at its ends).
  const outgoing = own.filter((s) => RELATION_PROPS.includes(s.prop) && s.prop !== 'programId');
  const edgeIds = [...new Set(incoming.map((r) => r.entity_id))];
  const edgeRefs = edgeIds.length
    ? await q.query<{ entity_id: string; prop: string; value: string }>(
        `SELECT DISTINCT entity_id, prop, value FROM statements
          WHERE entity_id = ANY($1::text[]) AND prop = ANY($2::text[]) AND review_status = 'accepted'`,
        [edgeIds, RELATION_PROPS.filter((p) => p !== 'programId')],
      )
    : [];
  const allIds = [...edgeIds, ...edgeRefs.map((r) => r.value), ...outgoing.map((s) => s.value)];
  const entityRows = await getEntityRows(q, allIds);
  const canonicalOf = await canonicalIds(q, allIds);
  const describe = (eid: string, role: string) => {
    const row = entityRows.get(eid);
    return { id: canonicalOf.get(eid) ?? eid, schema: row?.schema ?? 'Thing', caption: row?.caption ?? eid, role };
  };
  const relations: RelationView[] = [];
  const seen = new Set<string>();
  for (const { entity_id: edgeId, prop } of incoming) {
    if (ids.includes(edgeId) || seen.has(`${edgeId}|${prop}`)) continue;
    seen.add(`${edgeId}|${prop}`);
    const edge = entityRows.get(edgeId);
    const schema = edge?.schema ?? 'Thing';
    relations.push({
      id: edgeId,
      schema,
      caption: edge?.caption ?? edgeId,
      role: prop,
      label: edgeLabel(schema, prop),
      others: edgeRefs
        .filter((r) => r.entity_id === edgeId && !ids.includes(r.value))
        .map((r) => describe(r.value, r.prop)),
    });
  }
  for (const s of outgoing) {
    if (seen.has(`out|${s.value}|${s.prop}`)) continue;
    seen.add(`out|${s.value}|${s.prop}`);
    const target = describe(s.value, s.prop);
    relations.push({ id: target.id, schema: target.schema, caption: target.caption, role: s.prop, label: s.prop, others: [] });
  }
  return relations;
}

/** The JSON document of one entity, the same for `room39 entity --json` and `GET /api/entities/{id}`. */
export function entityDocument(detail: EntityDetail) {
  const { entity, statements, relations, designations, flags, judgements } = detail;
  return {
    entity: {
      id: entity.id, schema: entity.schema, caption: entity.caption, properties: entity.properties, datasets: entity.datasets,
      topics: entity.topics, referents: entity.referents, first_seen: entity.firstSeen, last_seen: entity.lastSeen,
    },
    statements: statements.map((s) => ({
      id: s.id, entity_id: s.entity_id, prop: s.prop, value: s.value, source: s.source, quote: s.quote,
      quote_start: s.quote_start, quote_end: s.quote_end, locator: s.locator, reliability: s.reliability, dataset: s.dataset,
      first_seen: s.first_seen, last_seen: s.last_seen, recorded_by: s.recorded_by, review_status: s.review_status,
      ...(s.correction ? { correction: s.correction } : {}),
    })),
    relations,
    designations,
    flags,
    judgements,
    ...(detail.requestedId !== entity.id ? { requested_id: detail.requestedId } : {}),
  };
}
export type EntityDocument = ReturnType<typeof entityDocument>;
