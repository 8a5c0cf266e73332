/**
 * POST /match/{dataset}: the OpenSanctions yente matching API, request and
 * response as yente has them, so yente clients work unchanged. Queries are
 * keyed by the client's ids, each an FtM entity example (schema and
 * properties); responses come keyed by the same ids with scored results.
 * Datasets: `default` (everything), `dprk`, or any dataset name of the graph.
 * The translation to and from room39's matcher is src/screen/yente.ts.
 */
import { z } from 'zod';
import type { RouteRegistrar } from '../context.ts';
import { invalidInput } from '../../errors.ts';
import {
  parseScreeningOptions, queryFromProperties, querySchemaOf, screeningService, yenteMatcherDocs, yenteResult,
} from '../../screen/index.ts';

export const MAX_BATCH = 100;

const values = z.union([z.string(), z.number(), z.array(z.union([z.string(), z.number(), z.null()]))]).transform((v) => (Array.isArray(v) ? v : [v]).filter((x) => x !== null).map(String));
const example = z.object({ id: z.string().nullish(), schema: z.string().min(1), properties: z.record(z.string(), values) });
const matchBody = z.object({
  queries: z.record(z.string(), example.nullable()),
  weights: z.record(z.string(), z.number()).optional(),
  config: z.record(z.string(), z.unknown()).optional(),
});

export const registerMatchRoutes: RouteRegistrar = (app, { db, settings }) => {
  app.post('/match/:dataset', async (c) => {
    const q = c.req.query();
    const options = parseScreeningOptions({ threshold: q.threshold, cutoff: q.cutoff, limit: q.limit, dataset: c.req.param('dataset'), algorithm: q.algorithm });
    const excludeSchema = new Set(c.req.queries('exclude_schema') ?? []);
    const includeDataset = c.req.queries('include_dataset') ?? [];
    const body = matchBody.parse(await c.req.json());
    const entries = Object.entries(body.queries);
    if (entries.length > MAX_BATCH) throw invalidInput(`Too many queries in one batch (limit: ${MAX_BATCH})`, 'queries');
    if (entries.length === 0) throw invalidInput('No queries provided.', 'queries');
    const service = await screeningService(db);
    const responses: Record<string, unknown> = {};
    for (const [key, ex] of entries) {
      if (!ex) continue;
      const schema = querySchemaOf(ex.schema);
      if (schema === undefined) throw invalidInput(`Cannot parse example entity: unknown schema "${ex.schema.slice(0, 40)}"`, `queries.${key}.schema`);
      const query = queryFromProperties(schema, ex.properties);
      const results = query.names.length === 0 && query.identifiers.length === 0 ? [] : service.matcher.match(query, {
        threshold: options.threshold, cutoff: options.cutoff, limit: options.limit + excludeSchema.size * 5,
        datasets: includeDataset.length ? includeDataset : options.dataset.filter,
      }).filter((r) => !excludeSchema.has(r.entity.schema)).slice(0, options.limit);
      responses[key] = {
        status: 200,
        results: results.map(yenteResult),
        total: { value: results.length, relation: 'eq' },
        query: { id: ex.id ?? null, schema: ex.schema, properties: ex.properties },
      };
    }
    c.header('x-batch-size', String(Object.keys(responses).length));
    return c.json({ responses, matcher: yenteMatcherDocs(), limit: options.limit });
  });
};
