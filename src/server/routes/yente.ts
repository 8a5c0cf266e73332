/**
 * The rest of yente's API that its clients call beside /match:
 * GET /catalog (datasets with versions and dates), GET /algorithms (room39's
 * matcher, its features generated from src/match/features.ts),
 * GET /search/{dataset}, GET /entities/{id} (308 to the entity a merged
 * record belongs to; a browser asking for HTML goes to the entity's page)
 * and GET /readyz. Errors are yente's `{"detail": …}` (src/server/errors.ts).
 */
import type { Context } from 'hono';
import type { RouteRegistrar } from '../context.ts';
import { Room39Error, invalidOption } from '../../errors.ts';
import { isKnownQuerySchema } from '../../match/score-schema.ts';
import {
  entityDates, expandEntityIds, knownDatasets, resolveDataset, screeningReady, screeningService, yenteAlgorithms, yenteCatalog,
} from '../../screen/index.ts';
import { yenteEntity } from '../../screen/yente-entity.ts';
import { SEARCH_FACETS, yenteSearch, type SearchFacetName } from '../../screen/yente-search.ts';
import type { Services } from '../../services.ts';
import { openCrossOrigin } from '../middleware/cors.ts';
import { boolParam, listParam, yenteFilterParams } from './yente-params.ts';
import { memoUntilWrite } from '../../store/memo.ts';

/** yente's bounds for /search paging. */
const SEARCH_MAX_LIMIT = 500;
const SEARCH_MAX_OFFSET = 9999 - SEARCH_MAX_LIMIT;

function wholeParam(c: Context, name: string, fallback: number, min: number, max: number): number {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw invalidOption(name, `must be a whole number from ${min} to ${max} (got "${raw.slice(0, 20)}")`);
  return n;
}

function facetParam(c: Context): SearchFacetName[] {
  const asked = c.req.queries('facets');
  if (!asked) return ['countries', 'topics', 'datasets'];
  for (const f of asked) if (!(SEARCH_FACETS as readonly string[]).includes(f)) throw invalidOption('facets', `unknown facet "${f.slice(0, 30)}"; room39 counts ${SEARCH_FACETS.join(', ')}`);
  return asked as SearchFacetName[];
}

async function search(c: Context, { db }: Services) {
  const service = await screeningService(db);
  const known = await knownDatasets(db, service);
  const scope = resolveDataset(c.req.param('dataset') ?? '', 'dataset', known);
  const schema = c.req.query('schema') || 'Thing';
  if (!isKnownQuerySchema(schema)) throw invalidOption('schema', `Invalid schema "${schema.slice(0, 40)}"`);
  if (listParam(c, 'sort').length) throw invalidOption('sort', 'room39 sorts by relevance only');
  boolParam(c, 'fuzzy'); // room39's search always tolerates spelling, accents, word order and Korean romanisation
  boolParam(c, 'simple');
  const params = yenteFilterParams(c, known);
  const datasets = listParam(c, 'datasets');
  for (const d of datasets) if (!known.has(d)) throw invalidOption('datasets', `no such dataset "${d.slice(0, 40)}"; see /catalog`);
  const result = await yenteSearch(db, service, await entityDates(db, service), {
    q: (c.req.query('q') ?? '').slice(0, 1000),
    schema: schema === 'Thing' ? null : schema,
    scope,
    filters: { ...params, excludeIds: await expandEntityIds(db, params.excludeEntityIds) },
    datasets,
    countries: listParam(c, 'countries'),
    target: boolParam(c, 'target'),
    limit: wholeParam(c, 'limit', 10, 0, SEARCH_MAX_LIMIT),
    offset: wholeParam(c, 'offset', 0, 0, SEARCH_MAX_OFFSET),
    facets: facetParam(c),
  });
  return c.json(result);
}

/** A browser opening an entity URL (the reconciliation identifier space) wants the entity's page. */
function wantsPage(c: Context): boolean {
  const accept = c.req.header('accept') ?? '';
  return /text\/html/.test(accept) && !/application\/json/.test(accept.split('text/html')[0] ?? '');
}

export const registerYenteRoutes: RouteRegistrar = (app, services) => {
  const { db } = services;
  openCrossOrigin(app, ['/catalog', '/algorithms', '/readyz', '/search/*', '/entities/*']);

  app.get('/algorithms', (c) => c.json(yenteAlgorithms()));

  app.get('/catalog', async (c) => {
    const service = await screeningService(db);
    const known = await knownDatasets(db, service);
    // Kept until the store is written or a minute has passed (it counts every dataset's entities).
    return c.json(await memoUntilWrite(db, `catalog:${[...known].sort().join(',')}`, 60_000, () => yenteCatalog(db, known)));
  });

  app.get('/readyz', async (c) => {
    // Ready when the screening index is built and current; asking starts the build (or the rebuild after a store
    // change) and is answered at once: the index is built in slices while the server goes on answering.
    if (!(await screeningReady(db))) throw new Room39Error('not_ready', 'Index not ready: the screening index is being built; try again in a few seconds');
    return c.json({ status: 'ok' });
  });

  app.get('/search/:dataset', (c) => search(c, services));

  app.get('/entities/:id', async (c) => {
    const id = c.req.param('id');
    if (wantsPage(c)) return c.redirect(`/entity/${encodeURIComponent(id)}`, 303);
    const nested = boolParam(c, 'nested') ?? true;
    const found = await yenteEntity(db, id, nested);
    if ('canonical' in found) {
      const url = new URL(c.req.url);
      return c.redirect(`/entities/${encodeURIComponent(found.canonical)}${url.search}`, 308);
    }
    return c.json(found.entity);
  });
};
