/**
 * Checks one FtM entity against @alephdata/followthemoney's model: the schema
 * exists and is concrete, every property belongs to it, and typed values
 * (countries, topics, dates, genders, entity references) are well formed.
 * The JS library has no validator of its own; it carries the model this reads.
 */
import { defaultModel } from '@alephdata/followthemoney';

/** The FtM model's spec of a schema by its name; never what every object has ("constructor", "__proto__"), whatever a file holds. */
export const schemaSpec = (name: string) => (Object.hasOwn(defaultModel.schemata, name) ? defaultModel.schemata[name] : undefined);

export interface FtmEntityJson {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
  [key: string]: unknown;
}

const DATE = /^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2})?)?)?)?)?$/;

/** Problems with the entity, or an empty list when it is valid. */
export function ftmProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['not a JSON object'];
  const e = value as Record<string, unknown>;
  const out: string[] = [];
  if (typeof e.id !== 'string' || e.id.length === 0) out.push('missing id');
  const schemaName = typeof e.schema === 'string' ? e.schema : '';
  const schema = schemaSpec(schemaName);
  if (!schema) return [...out, `unknown schema ${JSON.stringify(e.schema)}`];
  if (schema.abstract) out.push(`schema ${schemaName} is abstract`);
  const props = e.properties;
  if (typeof props !== 'object' || props === null || Array.isArray(props)) return [...out, 'properties is not an object'];
  const all = new Map<string, { type: string; maxLength?: number }>();
  const collect = (name: string) => {
    const s = schemaSpec(name);
    if (!s) return;
    for (const [p, d] of Object.entries(s.properties)) if (!all.has(p)) all.set(p, { type: d.type, maxLength: d.maxLength });
    for (const parent of s.extends) collect(parent);
  };
  collect(schemaName);
  for (const [prop, values] of Object.entries(props as Record<string, unknown>)) {
    const def = all.get(prop);
    if (!def) { out.push(`${schemaName} has no property ${prop}`); continue; }
    if (!Array.isArray(values)) { out.push(`${prop} is not a list`); continue; }
    const type = defaultModel.types[def.type];
    for (const v of values) {
      if (typeof v !== 'string' || v.length === 0) { out.push(`${prop} holds a non-string or empty value`); continue; }
      if (type?.values && Object.keys(type.values).length && !Object.hasOwn(type.values, v)) out.push(`${prop}: "${v}" is not a valid ${def.type}`);
      if (def.type === 'date' && !DATE.test(v)) out.push(`${prop}: "${v}" is not an ISO date`);
      const max = def.maxLength ?? type?.maxLength;
      if (max && v.length > max) out.push(`${prop}: value longer than ${max} characters`);
    }
  }
  return out;
}
