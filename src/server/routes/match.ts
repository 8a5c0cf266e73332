/**
 * POST /match/{dataset}: the OpenSanctions yente matching API, request and
 * response as yente has them, so yente clients work unchanged. Queries are
 * keyed by the client's ids, each an FtM entity example (schema and
 * properties); responses come keyed by the same ids with scored results.
 * Datasets: `default` (everything), `dprk`, or any dataset name of the graph
 * (`us_ofac_sdn`, `un_sc_sanctions`, `room39_seeds`).
 */
import { z } from 'zod';
import type { RouteRegistrar } from '../context.ts';
import { invalidInput } from '../../errors.ts';
import { DEFAULT_THRESHOLD } from '../../match/matcher.ts';
import { isKnownQuerySchema } from '../../match/score-schema.ts';
import type { MatchQuery, MatchResult, ExplanationItem } from '../../match/types.ts';
import { screeningService, datasetFilter } from '../../screen/index.ts';

export const MAX_BATCH = 100;
const MAX_LIMIT = 50;

const values = z.union([z.string(), z.number(), z.array(z.union([z.string(), z.number(), z.null()]))]).transform((v) => (Array.isArray(v) ? v : [v]).filter((x) => x !== null).map(String));
const example = z.object({ id: z.string().nullish(), schema: z.string().min(1), properties: z.record(z.string(), values) });
const matchBody = z.object({
  queries: z.record(z.string(), example.nullable()),
  weights: z.record(z.string(), z.number()).optional(),
  config: z.record(z.string(), z.unknown()).optional(),
});

/** The props of a yente example that feed each feature. */
function toQuery(schema: string, p: Record<string, string[]>): MatchQuery {
  const pick = (...keys: string[]) => keys.flatMap((k) => p[k] ?? []);
  return {
    names: pick('name', 'alias', 'previousName', 'weakAlias', 'firstName', 'lastName').length
      ? [...pick('name', 'alias', 'previousName', 'weakAlias'), ...(p['firstName'] || p['lastName'] ? [`${pick('firstName').join(' ')} ${pick('middleName').join(' ')} ${pick('lastName').join(' ')}`.replace(/\s+/g, ' ').trim()] : [])].filter(Boolean)
      : [],
    schema: schema === 'Thing' || schema === 'LegalEntity' ? (schema === 'LegalEntity' ? 'LegalEntity' : null) : schema,
    birthDates: pick('birthDate'),
    countries: pick('nationality', 'citizenship', 'country', 'jurisdiction', 'mainCountry', 'flag'),
    identifiers: pick('idNumber', 'passportNumber', 'registrationNumber', 'taxNumber', 'imoNumber', 'innCode', 'ogrnCode', 'leiCode', 'swiftBic', 'vatCode'),
  };
}

function features(explanation: ExplanationItem[]): { features: Record<string, number>; explanations: Record<string, { score: number; detail: string; query: string | null; candidate: string | null }> } {
  const f: Record<string, number> = {};
  const e: Record<string, { score: number; detail: string; query: string | null; candidate: string | null }> = {};
  for (const x of explanation) {
    const key = x.feature === 'name' ? 'name_match' : x.feature === 'birth_date' ? 'dob_match' : x.feature === 'country' ? 'country_match' : x.feature === 'identifier' ? 'identifier_match' : x.feature;
    if (e[key]) continue;
    f[key] = x.score;
    e[key] = { score: x.score, detail: x.detail, query: x.query, candidate: x.candidate };
  }
  return { features: f, explanations: e };
}

export function yenteResult(r: MatchResult) {
  const { features: f, explanations } = features(r.explanation);
  return {
    id: r.entity.id, caption: r.entity.caption, schema: r.entity.schema, properties: r.entity.properties,
    datasets: r.entity.datasets, referents: [], target: r.entity.topics.includes('sanction'),
    first_seen: null, last_seen: null, last_change: null,
    score: r.score, features: f, explanations, match: r.match, token: null,
    // room39 additions (yente clients ignore unknown fields): the risks the graph knows, each with its source.
    flags: r.entity.flags,
  };
}

export const MATCHER_DOCS = {
  name_match: { description: 'Best name comparison (Korean-aware: MR/RR/DPRK spellings, joined and split given names, Hangul), weighted by the strength of the matched name', coefficient: 1, url: 'https://github.com/room39/room39/blob/main/src/match/score-name.ts' },
  dob_match: { description: 'Date of birth: exact, same year, or years apart', coefficient: 0.5, url: 'https://github.com/room39/room39/blob/main/src/match/score-birth-date.ts' },
  country_match: { description: 'Nationality or country agreement', coefficient: 0.1, url: 'https://github.com/room39/room39/blob/main/src/match/score-country.ts' },
  identifier_match: { description: 'Same passport, registration or IMO number', coefficient: 0.6, url: 'https://github.com/room39/room39/blob/main/src/match/score-identifier.ts' },
};

/** Dataset path segment → matcher filter. */
export function datasetsFor(dataset: string): string[] | undefined {
  if (dataset === 'default' || dataset === 'all' || dataset === 'sanctions') return undefined;
  if (dataset === 'dprk') return datasetFilter('dprk');
  if (!/^[a-z0-9_-]{1,64}$/.test(dataset)) throw invalidInput(`unknown dataset "${dataset.slice(0, 40)}"`, 'dataset');
  return [dataset];
}

export const registerMatchRoutes: RouteRegistrar = (app, { db, settings }) => {
  app.post('/match/:dataset', async (c) => {
    const dataset = c.req.param('dataset');
    const datasets = datasetsFor(dataset);
    const q = c.req.query();
    const limit = q.limit !== undefined ? Number(q.limit) : 5;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw invalidInput(`limit must be a whole number from 1 to ${MAX_LIMIT}`, 'limit');
    const threshold = q.threshold !== undefined ? Number(q.threshold) : DEFAULT_THRESHOLD;
    const cutoff = q.cutoff !== undefined ? Math.min(Number(q.cutoff), threshold) : 0.5;
    if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1 || !Number.isFinite(cutoff)) throw invalidInput('threshold and cutoff must be numbers from 0 to 1', 'threshold');
    const excludeSchema = new Set(c.req.queries('exclude_schema') ?? []);
    const includeDataset = c.req.queries('include_dataset') ?? [];
    const body = matchBody.parse(await c.req.json());
    const entries = Object.entries(body.queries);
    if (entries.length > MAX_BATCH) throw invalidInput(`Too many queries in one batch (limit: ${MAX_BATCH})`, 'queries');
    if (entries.length === 0) throw invalidInput('No queries provided.', 'queries');
    const service = await screeningService(db, settings.bundleRoot);
    const responses: Record<string, unknown> = {};
    for (const [key, ex] of entries) {
      if (!ex) continue;
      if (!isKnownQuerySchema(ex.schema)) throw invalidInput(`Cannot parse example entity: unknown schema "${ex.schema.slice(0, 40)}"`, `queries.${key}.schema`);
      const query = toQuery(ex.schema, ex.properties);
      const results = query.names.length === 0 && query.identifiers.length === 0 ? [] : service.matcher.match(query, {
        threshold, cutoff, limit: limit + excludeSchema.size * 5, datasets: includeDataset.length ? includeDataset : datasets,
      }).filter((r) => !excludeSchema.has(r.entity.schema)).slice(0, limit);
      responses[key] = {
        status: 200,
        results: results.map(yenteResult),
        total: { value: results.length, relation: 'eq' },
        query: { id: ex.id ?? null, schema: ex.schema, properties: ex.properties },
      };
    }
    c.header('x-batch-size', String(Object.keys(responses).length));
    return c.json({ responses, matcher: MATCHER_DOCS, limit });
  });
};
