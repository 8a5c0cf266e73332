/**
 * yente's `EntityResponse` of one entity (`GET /entities/{id}`): its
 * properties from every record merged into it, its datasets, the record ids
 * merged (`referents`), whether it is a sanctions target, its dates, and, as
 * yente nests them, the entities that point at it (its sanctions,
 * memberships, links) under FtM's reverse property names (`sanctions`,
 * `membershipMember`, …), each with its own properties.
 */
import type { Queryable } from '../store/db.ts';
import { canonicalId, getEntity, type EntityDetail } from '../store/entities.ts';
import { ftmSchema } from '../store/ftm.ts';
import { isoTimestamp } from './index-facts.ts';
import type { YenteEntityHead } from './yente.ts';

export interface YenteEntity extends YenteEntityHead {
  properties: Record<string, (string | YenteEntity)[]>;
}

/** At most this many entities are nested under one entity. */
const MAX_NESTED = 100;

interface PropRow { entity_id: string; prop: string; value: string; dataset: string }

async function propertiesOf(q: Queryable, ids: readonly string[]): Promise<PropRow[]> {
  if (ids.length === 0) return [];
  return q.query<PropRow>(
    `SELECT entity_id, prop, value, dataset FROM statements WHERE entity_id = ANY($1::text[]) AND review_status = 'accepted' ORDER BY prop, value`,
    [ids],
  );
}

/** The FtM name of the property on the pointed-at entity that lists the edges pointing at it through `role`. */
function reverseName(edgeSchema: string, role: string): string {
  try {
    const p = ftmSchema(edgeSchema)?.getProperty(role);
    return p?.hasReverse ? p.getReverse().name : `${role}Of`;
  } catch {
    return `${role}Of`;
  }
}

async function nestedEdges(q: Queryable, detail: EntityDetail, memberIds: ReadonlySet<string>): Promise<Record<string, YenteEntity[]>> {
  const own = new Set(detail.statements.map((s) => `${s.prop}\u0000${s.value}`));
  const incoming = detail.relations.filter((r) => !own.has(`${r.role}\u0000${r.id}`)).slice(0, MAX_NESTED);
  const rows = await propertiesOf(q, incoming.map((r) => r.id));
  const out: Record<string, YenteEntity[]> = {};
  for (const rel of incoming) {
    const properties: Record<string, string[]> = {};
    const datasets = new Set<string>();
    for (const r of rows) {
      if (r.entity_id !== rel.id) continue;
      datasets.add(r.dataset);
      if (memberIds.has(r.value)) continue; // the reference back to the entity itself
      const list = (properties[r.prop] ??= []);
      if (!list.includes(r.value)) list.push(r.value);
    }
    (out[reverseName(rel.schema, rel.role)] ??= []).push({
      id: rel.id, caption: rel.caption, schema: rel.schema, properties, datasets: [...datasets].sort(), referents: [], target: false,
      first_seen: null, last_seen: null, last_change: null,
    });
  }
  return out;
}

/**
 * The entity an id names. `canonical` is set instead when the id is a
 * record merged into another entity (yente answers 308 to it).
 */
export async function yenteEntity(q: Queryable, id: string, nested: boolean): Promise<{ canonical: string } | { entity: YenteEntity }> {
  const canonical = await canonicalId(q, id);
  if (canonical !== id) return { canonical };
  const detail = await getEntity(q, id);
  const e = detail.entity;
  const properties: YenteEntity['properties'] = { ...e.properties };
  if (nested) {
    const members = new Set([e.id, ...e.referents]);
    for (const [prop, list] of Object.entries(await nestedEdges(q, detail, members))) properties[prop] = [...(properties[prop] ?? []), ...list];
  }
  const lastChange = detail.statements.map((s) => s.first_seen).filter(Boolean).sort().at(-1) ?? e.lastSeen;
  return {
    entity: {
      id: e.id, caption: e.caption, schema: e.schema, properties, datasets: e.datasets, referents: e.referents,
      target: e.topics.includes('sanction'),
      first_seen: isoTimestamp(e.firstSeen), last_seen: isoTimestamp(e.lastSeen), last_change: isoTimestamp(lastChange),
    },
  };
}
