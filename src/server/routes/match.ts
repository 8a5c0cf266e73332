/**
 * POST /match/{dataset}: the OpenSanctions yente matching API, request and
 * response as yente has them, so yente clients work unchanged. Queries are
 * keyed by the client's ids, each an FtM entity example (schema and
 * properties); responses come keyed by the same ids with scored results.
 * Datasets: those of /catalog (`default` and `dprk` are collections); another
 * name is 404, never an empty answer. Every query parameter yente documents
 * is honoured or refused: threshold, cutoff, limit (≤ 500), algorithm (see
 * /algorithms), include_dataset, exclude_dataset, exclude_schema, topics,
 * changed_since, exclude_entity_ids; in the body, `weights` of the features
 * beside the name, and `config` (room39's matcher has no configuration: any
 * key is refused, as yente refuses keys its algorithm does not have).
 * The translation to and from room39's matcher is src/screen/yente*.ts; under sustained load batches are matched
 * by worker threads holding their own index (src/screen/match-pool.ts), with the same answers.
 */
import { z } from 'zod';
import type { Context } from 'hono';
import type { RouteRegistrar } from '../context.ts';
import { invalidInput } from '../../errors.ts';
import { ALGORITHM_NAME } from '../../match/features.ts';
import {
  MATCH_MAX_LIMIT, entityDates, expandEntityIds, knownDatasets, parseScreeningOptions, parseWeights,
  querySchemaOf, screeningService, type YenteFilters,
} from '../../screen/index.ts';
import { yenteAnswer, yenteAnswerBytes, yenteEntries, type YenteBatch, type YenteExample } from '../../screen/yente-batch.ts';
import { matchPoolFor } from '../../screen/match-pool.ts';
import { openCrossOrigin } from '../middleware/cors.ts';
import { yenteFilterParams } from './yente-params.ts';

export const MAX_BATCH = 100;

const values = z.union([z.string(), z.number(), z.array(z.union([z.string(), z.number(), z.null()]))]).transform((v) => (Array.isArray(v) ? v : [v]).filter((x) => x !== null).map(String));
const example = z.object({ id: z.string().nullish(), schema: z.string().min(1), properties: z.record(z.string(), values) });
const matchBody = z.object({
  queries: z.record(z.string(), example.nullable()),
  weights: z.record(z.string(), z.number()).optional(),
  config: z.record(z.string(), z.unknown()).optional(),
});

async function readBody(c: Context): Promise<z.infer<typeof matchBody>> {
  const body = matchBody.parse(await c.req.json());
  for (const key of Object.keys(body.config ?? {})) {
    throw invalidInput(`Invalid configuration parameter: ${key.slice(0, 40)} for algorithm ${ALGORITHM_NAME} (it takes none; see /algorithms)`);
  }
  const count = Object.keys(body.queries).length;
  if (count > MAX_BATCH) throw invalidInput(`Too many queries in one batch (limit: ${MAX_BATCH})`);
  if (Object.values(body.queries).every((q) => q === null)) throw invalidInput('No queries provided.');
  return body;
}

export const registerMatchRoutes: RouteRegistrar = (app, { db }) => {
  openCrossOrigin(app, ['/match/*']);
  app.post('/match/:dataset', async (c) => {
    const service = await screeningService(db);
    const known = await knownDatasets(db, service);
    const q = c.req.query();
    const options = parseScreeningOptions(
      { threshold: q.threshold, cutoff: q.cutoff, limit: q.limit, dataset: c.req.param('dataset'), algorithm: q.algorithm },
      { maxLimit: MATCH_MAX_LIMIT, knownDatasets: known },
    );
    const params = yenteFilterParams(c, known);
    const body = await readBody(c);
    const weights = parseWeights(body.weights);
    const filters: YenteFilters = { ...params, excludeIds: await expandEntityIds(db, params.excludeEntityIds) };
    const dates = await entityDates(db, service);
    const queries: [string, YenteExample][] = [];
    for (const [key, ex] of Object.entries(body.queries)) {
      if (!ex) continue;
      if (querySchemaOf(ex.schema) === undefined) throw invalidInput(`Cannot parse example entity: unknown schema "${ex.schema.slice(0, 40)}"`, `queries.${key}.schema`);
      queries.push([key, ex]);
    }
    const batch: YenteBatch = { queries, options, filters, weights };
    const keys = queries.map(([key]) => key);
    const fromWorker = await matchPoolFor(service, dates)?.run(batch);
    c.header('x-batch-size', String(queries.length));
    c.header('content-type', 'application/json');
    if (fromWorker) return c.body(yenteAnswerBytes(keys, fromWorker, options.limit));
    return c.body(yenteAnswer(keys, yenteEntries(service, batch, dates), options.limit));
  });
};
