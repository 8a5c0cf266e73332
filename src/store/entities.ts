/**
 * Entity views: assembled from accepted statements, never stored as truth.
 * The `entities` and `entity_names` tables are derived caches, refreshed
 * from statements after every write.
 */
import type { EntityView, Reliability, ReviewStatus } from '../model/index.ts';
import { NAME_PROPS } from '../model/index.ts';
import { Room39Error } from '../errors.ts';
import type { Queryable } from './db.ts';
import { ftmSchema, reconcileSchemas, schemaLabel } from './ftm.ts';
import { searchKey } from './normalize.ts';

interface StatementRow {
  id: string;
  entity_id: string;
  schema: string;
  prop: string;
  value: string;
  dataset: string;
  reliability: Reliability;
  first_seen: string;
  last_seen: string;
}

const RELIABILITY_ORDER = (r: string) => (r.charCodeAt(0) - 65) * 10 + Number(r[1]);

/** Props whose values are ids of other entities. */
export const REFERENCE_PROPS = [
  'entity', 'member', 'organization', 'employee', 'employer', 'director', 'owner', 'asset', 'subject', 'object',
  'person', 'associate', 'relative', 'holder', 'post', 'involved', 'organizer', 'programId',
] as const;

function pickCaption(schema: string, rows: StatementRow[]): string {
  const props = [...(ftmSchema(schema)?.caption ?? ['name']), 'name', 'title', 'role', 'program', 'summary'];
  for (const prop of props) {
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

/** Recomputes the derived rows (entities, entity_names) of the given entities from their accepted statements. */
export async function refreshEntities(q: Queryable, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 2000) {
    const batch = unique.slice(i, i + 2000);
    const rows = await q.query<StatementRow>(
      `SELECT id, entity_id, schema, prop, value, dataset, reliability, first_seen, last_seen
         FROM statements WHERE entity_id = ANY($1::text[]) AND review_status = 'accepted'`,
      [batch],
    );
    const sanctioned = new Set(
      (await q.query<{ value: string }>(
        `SELECT DISTINCT value FROM statements WHERE prop = 'entity' AND schema = 'Sanction' AND review_status = 'accepted' AND value = ANY($1::text[])`,
        [batch],
      )).map((r) => r.value),
    );
    const senders = new Set((await q.query<{ id: string }>(`SELECT DISTINCT sender_id AS id FROM deployments WHERE sender_id = ANY($1::text[])`, [batch])).map((r) => r.id));
    const employers = new Set((await q.query<{ id: string }>(`SELECT DISTINCT employer_id AS id FROM deployments WHERE employer_id = ANY($1::text[])`, [batch])).map((r) => r.id));

    const byEntity = new Map<string, StatementRow[]>();
    for (const r of rows) {
      const list = byEntity.get(r.entity_id);
      if (list) list.push(r);
      else byEntity.set(r.entity_id, [r]);
    }
    const cols: unknown[][] = [[], [], [], [], [], [], []];
    const names: unknown[][] = [[], [], [], []];
    for (const [id, list] of byEntity) {
      const schema = list.map((r) => r.schema).reduce(reconcileSchemas);
      const topics = new Set(list.filter((r) => r.prop === 'topics').map((r) => r.value));
      if (sanctioned.has(id)) topics.add('sanction');
      if (senders.has(id)) topics.add('labour.export');
      if (employers.has(id)) topics.add('labour.host');
      const datasets = [...new Set(list.map((r) => r.dataset))].sort();
      const firstSeen = list.map((r) => r.first_seen).sort()[0] ?? null;
      const lastSeen = list.map((r) => r.last_seen).sort().at(-1) ?? null;
      [id, schema, pickCaption(schema, list), datasets, [...topics].sort(), firstSeen, lastSeen].forEach((v, k) => cols[k]!.push(v));
      const seen = new Set<string>();
      for (const r of list) {
        if (!(NAME_PROPS as readonly string[]).includes(r.prop) || r.prop === 'firstName' || r.prop === 'lastName') continue;
        const key = `${r.value}\u0000${r.prop}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const norm = searchKey(r.value);
        if (!norm) continue;
        [id, r.value, norm, r.prop].forEach((v, k) => names[k]!.push(v));
      }
    }
    const gone = batch.filter((id) => !byEntity.has(id));
    if (gone.length) await q.query('DELETE FROM entities WHERE id = ANY($1::text[])', [gone]);
    await q.query('DELETE FROM entity_names WHERE entity_id = ANY($1::text[])', [batch]);
    if (cols[0]!.length) {
      await q.query(
        `INSERT INTO entities (id, schema, caption, datasets, topics, first_seen, last_seen, updated_at)
         SELECT u.id, u.schema, u.caption, string_to_array(u.datasets, '|'), string_to_array(u.topics, '|'), u.first_seen, u.last_seen, now()
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
             AS u(id, schema, caption, datasets, topics, first_seen, last_seen)
         ON CONFLICT (id) DO UPDATE SET schema = EXCLUDED.schema, caption = EXCLUDED.caption, datasets = EXCLUDED.datasets,
           topics = EXCLUDED.topics, first_seen = EXCLUDED.first_seen, last_seen = EXCLUDED.last_seen, updated_at = now()`,
        [cols[0], cols[1], cols[2], (cols[3] as string[][]).map((d) => d.join('|')), (cols[4] as string[][]).map((t) => t.join('|')), cols[5], cols[6]],
      );
    }
    if (names[0]!.length) {
      await q.query(
        `INSERT INTO entity_names (entity_id, name, norm, prop) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
         ON CONFLICT DO NOTHING`,
        names,
      );
    }
  }
}

/** The canonical id of an entity: itself, or the entity it has been linked into. */
export async function canonicalId(q: Queryable, id: string): Promise<string> {
  const rows = await q.query<{ canonical_id: string }>(
    `SELECT canonical_id FROM entity_links WHERE member_id = $1 AND judgement = 'positive' AND undone_at IS NULL ORDER BY created_at LIMIT 1`,
    [id],
  );
  return rows[0]?.canonical_id ?? id;
}

/** All record ids that make up one entity: the canonical id and every record linked into it. */
export async function clusterIds(q: Queryable, canonical: string): Promise<string[]> {
  const rows = await q.query<{ member_id: string }>(
    `SELECT member_id FROM entity_links WHERE canonical_id = $1 AND judgement = 'positive' AND undone_at IS NULL`,
    [canonical],
  );
  return [canonical, ...rows.map((r) => r.member_id).filter((m) => m !== canonical)];
}

export interface StatementView {
  id: string;
  entity_id: string;
  prop: string;
  value: string;
  dataset: string;
  source: { id: string; title: string; kind: string; published: string | null; url: string | null };
  quote: string | null;
  quote_start: number | null;
  quote_end: number | null;
  reliability: Reliability;
  first_seen: string;
  last_seen: string;
  recorded_by: string;
  review_status: ReviewStatus;
}

export interface RelationView {
  /** The edge entity (Sanction, Membership, UnknownLink, Event, …). */
  id: string;
  schema: string;
  caption: string;
  /** The property through which this entity takes part in the edge (`entity`, `member`, `organization`, `involved`, …). */
  role: string;
  /** What the edge says, in words (FtM's edge label, or the schema's). */
  label: string;
  /** The entities at the other end of the edge. */
  others: { id: string; schema: string; caption: string; role: string }[];
}

export interface EntityDetail {
  entity: EntityView & { referents: string[] };
  statements: StatementView[];
  relations: RelationView[];
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
    'SELECT id, schema, caption, datasets, topics, first_seen, last_seen FROM entities WHERE id = ANY($1::text[])',
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

async function statementsOf(q: Queryable, ids: readonly string[]): Promise<StatementView[]> {
  const rows = await q.query<Omit<StatementView, 'source'> & { source_id: string; title: string; kind: string; published: string | null; url: string | null }>(
    `SELECT s.id, s.entity_id, s.prop, s.value, s.dataset, s.quote, s.quote_start, s.quote_end, s.reliability,
            s.first_seen, s.last_seen, s.recorded_by, s.review_status, s.source_id, src.title, src.kind, src.published, src.url
       FROM statements s JOIN sources src ON src.id = s.source_id
      WHERE s.entity_id = ANY($1::text[]) AND s.review_status = 'accepted'
      ORDER BY s.prop, s.reliability, s.value`,
    [ids],
  );
  return rows.map(({ source_id, title, kind, published, url, ...s }) => ({ ...s, source: { id: source_id, title, kind, published, url } }));
}

export async function getEntity(q: Queryable, requestedId: string): Promise<EntityDetail> {
  const id = await canonicalId(q, requestedId);
  const ids = await clusterIds(q, id);
  const rows = await getEntityRows(q, ids);
  const main = rows.get(id) ?? [...rows.values()][0];
  if (!main) throw new Room39Error('not_found', `no entity with id "${requestedId}"`);
  const statements = await statementsOf(q, ids);
  const properties: Record<string, string[]> = {};
  for (const s of statements) {
    const values = (properties[s.prop] ??= []);
    if (!values.includes(s.value)) values.push(s.value);
  }
  const memberRows = [...rows.values()];
  const schema = memberRows.map((r) => r.schema).reduce(reconcileSchemas, main.schema);
  const entity: EntityDetail['entity'] = {
    id,
    schema,
    caption: main.caption,
    properties,
    datasets: [...new Set(memberRows.flatMap((r) => r.datasets))].sort(),
    topics: [...new Set(memberRows.flatMap((r) => r.topics))].sort(),
    firstSeen: memberRows.map((r) => r.first_seen).filter((v): v is string => !!v).sort()[0] ?? null,
    lastSeen: memberRows.map((r) => r.last_seen).filter((v): v is string => !!v).sort().at(-1) ?? null,
    referents: ids.filter((x) => x !== id),
  };
  return { entity, statements, relations: await relationsOf(q, ids, statements) };
}

async function relationsOf(q: Queryable, ids: string[], own: StatementView[]): Promise<RelationView[]> {
  const incoming = await q.query<{ entity_id: string; prop: string }>(
    `SELECT DISTINCT entity_id, prop FROM statements
      WHERE value = ANY($1::text[]) AND prop = ANY($2::text[]) AND review_status = 'accepted'`,
    [ids, REFERENCE_PROPS as readonly string[]],
  );
  // Outgoing references of the entity itself (an edge entity points at its ends).
  const outgoing = own.filter((s) => (REFERENCE_PROPS as readonly string[]).includes(s.prop) && s.prop !== 'programId');
  const edgeIds = [...new Set(incoming.map((r) => r.entity_id))];
  const edgeRefs = edgeIds.length
    ? await q.query<{ entity_id: string; prop: string; value: string }>(
        `SELECT DISTINCT entity_id, prop, value FROM statements
          WHERE entity_id = ANY($1::text[]) AND prop = ANY($2::text[]) AND review_status = 'accepted'`,
        [edgeIds, REFERENCE_PROPS.filter((p) => p !== 'programId')],
      )
    : [];
  const allIds = [...edgeIds, ...edgeRefs.map((r) => r.value), ...outgoing.map((s) => s.value)];
  const entityRows = await getEntityRows(q, allIds);
  const canonicalOf = new Map<string, string>();
  if (allIds.length) {
    const links = await q.query<{ member_id: string; canonical_id: string }>(
      `SELECT member_id, canonical_id FROM entity_links WHERE member_id = ANY($1::text[]) AND judgement = 'positive' AND undone_at IS NULL`,
      [allIds],
    );
    for (const l of links) canonicalOf.set(l.member_id, l.canonical_id);
  }
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
    const fs = ftmSchema(schema);
    relations.push({
      id: edgeId,
      schema,
      caption: edge?.caption ?? edgeId,
      role: prop,
      label: fs?.edge?.label ?? fs?.label ?? schema,
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
  const { entity, statements, relations } = detail;
  return {
    entity: {
      id: entity.id, schema: entity.schema, caption: entity.caption, properties: entity.properties, datasets: entity.datasets,
      topics: entity.topics, referents: entity.referents, first_seen: entity.firstSeen, last_seen: entity.lastSeen,
    },
    statements: statements.map((s) => ({
      id: s.id, entity_id: s.entity_id, prop: s.prop, value: s.value, source: s.source, quote: s.quote,
      quote_start: s.quote_start, quote_end: s.quote_end, reliability: s.reliability, dataset: s.dataset,
      first_seen: s.first_seen, last_seen: s.last_seen, recorded_by: s.recorded_by, review_status: s.review_status,
    })),
    relations,
  };
}
export type EntityDocument = ReturnType<typeof entityDocument>;
