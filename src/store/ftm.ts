/** FollowTheMoney schema access: validation of schema and property names, and schema reconciliation. */
import { defaultModel, Model, type Schema } from '@alephdata/followthemoney';
import { ROOM39_SCHEMATA } from '../model/index.ts';

/** Properties of room39's own LegalInstrument schema (exported to FtM as Document). */
const LEGAL_INSTRUMENT_PROPS = new Set(['name', 'alias', 'summary', 'date', 'country', 'notes', 'sourceUrl', 'publisher']);

/** The FtM model, built once from the schema data the library ships. */
export const ftmModel = new Model(defaultModel);

export const ROOM39_SCHEMA_NAMES: readonly string[] = ROOM39_SCHEMATA;

export function isKnownSchema(name: string): boolean {
  return (ROOM39_SCHEMATA as readonly string[]).includes(name) || ftmSchema(name) !== null;
}

/** A schema of the FtM model by its name; never what every object has ("constructor", "__proto__"), whatever a user sends. */
export function ftmSchema(name: string): Schema | null {
  return Object.hasOwn(ftmModel.schemata, name) ? ftmModel.schemata[name] ?? null : null;
}

export function hasProperty(schema: string, prop: string): boolean {
  if (schema === 'LegalInstrument') return LEGAL_INSTRUMENT_PROPS.has(prop);
  const s = ftmSchema(schema);
  return s !== null && s.hasProperty(prop);
}

/** Is this property a reference to another entity? */
export function isEntityReference(schema: string, prop: string): boolean {
  const s = ftmSchema(schema);
  if (!s || !s.hasProperty(prop)) return false;
  return s.getProperty(prop).type.name === 'entity';
}

export function isEdgeSchema(schema: string): boolean {
  const s = ftmSchema(schema);
  return s !== null && (s.isEdge || s.isA('Interval')) && !s.isA('Thing');
}

/**
 * Two sources may give the same entity different schemas (a list's
 * LegalEntity, the seed's Company). Keep the more specific one when one
 * extends the other; otherwise keep the first.
 */
export function reconcileSchemas(a: string, b: string): string {
  if (a === b) return a;
  const sa = ftmSchema(a);
  const sb = ftmSchema(b);
  if (!sa || !sb) return a;
  if (sb.isA(sa)) return b;
  return a;
}

export function schemaLabel(schema: string): string {
  if (schema === 'LegalInstrument') return 'Legal instrument';
  return ftmSchema(schema)?.label ?? schema;
}

/**
 * The words for an edge seen from the entity that takes part through `prop`:
 * from its source end, FtM's edge label ("directs", "owns"); from the target
 * end of a directed edge, the name of the source end ("Director", "Owner"),
 * so an organisation's page says who directs it, not that it "directs" its director.
 */
export function edgeLabel(schema: string, prop: string): string {
  const s = ftmSchema(schema);
  const edge = s?.edge;
  if (!s || !edge) return s?.label ?? schema;
  if (edge.directed && prop === edge.target && s.hasProperty(edge.source)) return s.getProperty(edge.source).label;
  return edge.label ?? s.label;
}
