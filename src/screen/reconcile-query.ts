/**
 * Reconciliation queries (W3C Reconciliation Service API 0.2, as OpenRefine
 * sends them) answered by room39's matcher. A batch is a JSON object of
 * queries keyed by the client's ids; each query is checked on its own, so
 * one malformed query answers `{"result": [], "error": …}` and the rest of
 * the batch is answered. Every value type the query schema allows is taken:
 * strings, numbers, booleans, `{id, name}` objects (also `{name}` alone) and
 * arrays of them; `limit` is clamped, not refused; several types are each
 * matched and the candidates merged.
 */
import { z } from 'zod';
import { invalidInput } from '../errors.ts';
import type { MatchQuery, MatchResult } from '../match/types.ts';
import { schemaLabel } from '../store/ftm.ts';
import { MATCH_MAX_LIMIT, SCREENING_DEFAULTS } from './options.ts';
import { QUERY_PROPERTIES, queryFromProperties, querySchemaOf } from './query.ts';
import type { DatasetScope } from './datasets.ts';
import type { ScreeningService } from './service.ts';

/** Most queries in one batch (OpenRefine sends the manifest's batchSize, 20 here). */
export const MAX_RECON_BATCH = 100;

const entityValue = z.object({ id: z.string().optional(), name: z.string().optional() }).refine((o) => o.id !== undefined || o.name !== undefined, 'an object value needs an id or a name');
const propertyValue = z.union([z.string(), z.number(), z.boolean(), entityValue]);
const reconQuery = z.object({
  query: z.string().max(2000).optional(),
  type: z.union([z.string(), z.array(z.string())]).optional(),
  type_strict: z.string().optional(),
  limit: z.number().optional(),
  properties: z.array(z.object({ pid: z.string().min(1), v: z.union([propertyValue, z.array(propertyValue)]) })).optional(),
});
export type ReconQuery = z.infer<typeof reconQuery>;
type PropertyValue = z.infer<typeof propertyValue>;

export interface ReconCandidate {
  id: string;
  name: string;
  type: { id: string; name: string }[];
  score: number;
  match: boolean;
  description: string;
  features: { id: string; value: number }[];
}

export interface ReconAnswer {
  result: ReconCandidate[];
  /** Why this query could not be answered (the others of the batch are). */
  error?: { code: 'invalid_input'; message: string };
}

const COUNTRY_PROPS: readonly string[] = QUERY_PROPERTIES.countries;

/** The texts a property value gives the matcher; a boolean says nothing about a name, date, country or number. */
function texts(pid: string, v: PropertyValue): string[] {
  if (typeof v === 'boolean') return [];
  if (typeof v === 'string' || typeof v === 'number') return [String(v)];
  // A reconciled value: its name is what the matcher compares; a country's id may be its code.
  if (COUNTRY_PROPS.includes(pid)) return [v.id, v.name].filter((x): x is string => !!x);
  return [v.name ?? v.id ?? ''].filter((x) => x !== '');
}

/** The match query of a reconciliation query, for one FtM schema (null: any). */
export function toMatchQuery(q: ReconQuery, schema: string | null): MatchQuery {
  const props: Record<string, string[]> = {};
  for (const p of q.properties ?? []) {
    for (const v of Array.isArray(p.v) ? p.v : [p.v]) (props[p.pid] ??= []).push(...texts(p.pid, v));
  }
  return queryFromProperties(schema, props, q.query ? [q.query] : []);
}

/** The schemata a query names (unknown types are left out; none: any schema). */
function schemataOf(q: ReconQuery): (string | null)[] {
  const asked = q.type === undefined ? [] : Array.isArray(q.type) ? q.type : [q.type];
  const known = [...new Set(asked.map((t) => querySchemaOf(t)).filter((s): s is string | null => s !== undefined))];
  return known.length ? known : [null];
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit) || limit < 1) return SCREENING_DEFAULTS.limit;
  return Math.min(Math.floor(limit), MATCH_MAX_LIMIT);
}

function candidate(r: MatchResult): ReconCandidate {
  return {
    id: r.entity.id,
    name: r.entity.caption,
    type: [{ id: r.entity.schema, name: schemaLabel(r.entity.schema) }],
    score: r.score,
    match: r.match,
    description: [r.entity.datasets.join(', '), ...r.entity.flags.map((f) => f.label)].filter(Boolean).join(' · '),
    features: r.explanation.filter((e) => e.feature !== 'schema').map((e) => ({ id: e.feature, value: e.score })),
  };
}

/** One query against the index: the best candidates over every type it names. */
export function reconcileOne(service: ScreeningService, q: ReconQuery, scope: DatasetScope, threshold: number): ReconCandidate[] {
  const limit = clampLimit(q.limit);
  const best = new Map<string, MatchResult>();
  for (const schema of schemataOf(q)) {
    const query = toMatchQuery(q, schema);
    if (query.names.length === 0) continue;
    for (const r of service.matcher.match(query, { threshold, limit, datasets: scope.filter, cutoff: SCREENING_DEFAULTS.cutoff })) {
      const prev = best.get(r.entity.id);
      if (!prev || r.score > prev.score) best.set(r.entity.id, r);
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || b.entity.datasets.length - a.entity.datasets.length || a.entity.id.localeCompare(b.entity.id)).slice(0, limit).map(candidate);
}

/** Parses a batch: the JSON must be an object of queries; each query is checked on its own. */
export function parseBatch(raw: string): Map<string, ReconQuery | { error: string }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw invalidInput('queries is not valid JSON: send {"q0":{"query":"…"}}', 'queries');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalidInput('queries must be a JSON object of queries keyed by your ids: {"q0":{"query":"…"}}', 'queries');
  const entries = Object.entries(parsed);
  if (entries.length > MAX_RECON_BATCH) throw invalidInput(`Too many queries in one batch (limit: ${MAX_RECON_BATCH})`, 'queries');
  const out = new Map<string, ReconQuery | { error: string }>();
  for (const [key, value] of entries) {
    const r = reconQuery.safeParse(value);
    if (r.success) {
      const names = toMatchQuery(r.data, null).names;
      out.set(key, names.length ? r.data : { error: 'the query has no name: give "query" or a "name" property' });
    } else {
      const issue = r.error.issues[0];
      out.set(key, { error: `${issue?.path.length ? `${issue.path.join('.')}: ` : ''}${issue?.message ?? 'not a reconciliation query'}` });
    }
  }
  return out;
}

/** Answers a whole batch, query by query. */
export function reconcileBatch(service: ScreeningService, raw: string, scope: DatasetScope): Record<string, ReconAnswer> {
  const out: Record<string, ReconAnswer> = {};
  for (const [key, q] of parseBatch(raw)) {
    out[key] = 'error' in q
      ? { result: [], error: { code: 'invalid_input', message: q.error } }
      : { result: reconcileOne(service, q, scope, SCREENING_DEFAULTS.threshold) };
  }
  return out;
}
