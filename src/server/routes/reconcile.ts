/**
 * The OpenRefine Reconciliation Service API (v0.2, as OpenRefine and yente
 * speak it): GET /reconcile gives the service manifest; queries come batched
 * as the form field `queries=` (POST, as OpenRefine sends them) or the query
 * parameter (GET, with optional JSONP `callback`); GET /reconcile/preview
 * renders a small HTML card of an entity. `/reconcile/{dataset}` works the
 * same over one dataset (`dprk`, `us_ofac_sdn`, …).
 */
import type { Context } from 'hono';
import { z } from 'zod';
import type { App, RouteRegistrar } from '../context.ts';
import { invalidInput, notFound } from '../../errors.ts';
import type { MatchQuery } from '../../match/types.ts';
import { escapeHtml, parseScreeningOptions, queryFromProperties, querySchemaOf, resolveDataset, screeningService } from '../../screen/index.ts';
import type { Services } from '../../services.ts';
import { MAX_BATCH } from './match.ts';

const TYPES = ['Person', 'Organization', 'Company', 'LegalEntity', 'Vessel', 'Airplane'];

const reconQuery = z.object({
  query: z.string().max(2000).optional(),
  type: z.union([z.string(), z.array(z.string())]).optional(),
  type_strict: z.string().optional(),
  limit: z.number().int().min(1).optional(),
  properties: z.array(z.object({ pid: z.string(), v: z.union([z.string(), z.number(), z.array(z.union([z.string(), z.number()])), z.object({ id: z.string() })]) })).optional(),
});
const batch = z.record(z.string(), reconQuery);

function baseUrl(c: Context): string {
  const url = new URL(c.req.url);
  const proto = c.req.header('x-forwarded-proto') ?? url.protocol.replace(':', '');
  const host = c.req.header('x-forwarded-host') ?? url.host;
  return `${proto}://${host}`;
}

function manifest(c: Context, dataset: string | null) {
  const base = baseUrl(c);
  const path = dataset ? `/reconcile/${dataset}` : '/reconcile';
  return {
    versions: ['0.2'],
    name: `room39${dataset ? ` (${dataset})` : ''}: North Korean overseas labour and sanctions`,
    identifierSpace: `${base}/entities/`,
    schemaSpace: 'https://followthemoney.tech/explorer/schemata/',
    defaultTypes: TYPES.map((t) => ({ id: t, name: t })),
    view: { url: `${base}/entities/{{id}}` },
    preview: { url: `${base}${path}/preview?id={{id}}`, width: 430, height: 300 },
    documentation: `${base}/openapi.json`,
    batchSize: 20,
  };
}

function toQuery(q: z.infer<typeof reconQuery>): MatchQuery {
  const type = Array.isArray(q.type) ? q.type[0] : q.type;
  const props: Record<string, string[]> = {};
  for (const p of q.properties ?? []) {
    const v = typeof p.v === 'object' && !Array.isArray(p.v) ? [p.v.id] : (Array.isArray(p.v) ? p.v : [p.v]).map(String);
    (props[p.pid] ??= []).push(...v);
  }
  // An unknown type matches any schema rather than failing the query.
  return queryFromProperties(type ? querySchemaOf(type) ?? null : null, props, q.query ? [q.query] : []);
}

async function answer(services: Services, dataset: string | null, raw: string) {
  let parsed: unknown;
  try { parsed = JSON.parse(raw); } catch { throw invalidInput('queries is not valid JSON', 'queries'); }
  const queries = batch.parse(parsed);
  if (Object.keys(queries).length > MAX_BATCH) throw invalidInput(`Too many queries in one batch (limit: ${MAX_BATCH})`, 'queries');
  const service = await screeningService(services.db);
  const out: Record<string, { result: unknown[] }> = {};
  for (const [key, q] of Object.entries(queries)) {
    const options = parseScreeningOptions({ limit: q.limit, dataset: dataset ?? undefined }, { clampLimit: true });
    const query = toQuery(q);
    const results = query.names.length ? service.matcher.match(query, { threshold: options.threshold, limit: options.limit, datasets: options.dataset.filter, cutoff: options.cutoff }) : [];
    out[key] = {
      result: results.map((r) => ({
        id: r.entity.id,
        name: r.entity.caption,
        type: [{ id: r.entity.schema, name: r.entity.schema }],
        score: r.score,
        match: r.match,
        description: [r.entity.datasets.join(', '), ...r.entity.flags.map((f) => f.label)].filter(Boolean).join(' · '),
        features: r.explanation.map((e) => ({ id: e.feature, value: e.score })),
      })),
    };
  }
  return out;
}

function jsonp(c: Context, body: unknown) {
  const cb = c.req.query('callback');
  if (cb && /^[A-Za-z_$][\w$.]{0,63}$/.test(cb)) return c.body(`${cb}(${JSON.stringify(body)});`, 200, { 'content-type': 'application/javascript; charset=utf-8' });
  return c.json(body);
}

function register(app: App, services: Services, path: string, datasetOf: (c: Context) => string | null) {
  app.get(path, async (c) => {
    const dataset = datasetOf(c);
    if (dataset) resolveDataset(dataset);
    const queries = c.req.query('queries');
    return jsonp(c, queries ? await answer(services, dataset, queries) : manifest(c, dataset));
  });
  app.post(path, async (c) => {
    const dataset = datasetOf(c);
    const type = (c.req.header('content-type') ?? '').toLowerCase();
    let queries: string | null = null;
    if (type.includes('application/json')) {
      const body = (await c.req.json()) as { queries?: unknown };
      queries = typeof body.queries === 'string' ? body.queries : body.queries ? JSON.stringify(body.queries) : null;
    } else {
      const form = await c.req.parseBody();
      queries = typeof form['queries'] === 'string' ? form['queries'] : null;
    }
    if (!queries) throw invalidInput('send the queries as the form field queries={"q0":{"query":"…"}}', 'queries');
    return c.json(await answer(services, dataset, queries));
  });
  app.get(`${path}/preview`, async (c) => {
    const id = c.req.query('id') ?? '';
    const service = await screeningService(services.db);
    const e = service.byId.get(id);
    if (!e) throw notFound(`no entity with id "${id.slice(0, 80)}"`);
    const names = e.names.filter((n) => n.strength !== 'weak').slice(0, 8).map((n) => escapeHtml(n.value)).join('<br>');
    const flags = e.flags.map((f) => `<li>${escapeHtml(f.label)} <small>(${escapeHtml(f.source.title)})</small></li>`).join('');
    return c.html(`<!doctype html><html><head><meta charset="utf-8"><style>body{font:13px system-ui,sans-serif;margin:8px}h3{margin:0 0 4px}small{color:#666}</style></head><body>`
      + `<h3>${escapeHtml(e.caption)}</h3><small>${escapeHtml(e.schema)} · ${escapeHtml(e.id)} · ${escapeHtml(e.datasets.join(', '))}</small>`
      + `<p>${names}</p>${e.birthDates.length ? `<p>Born ${escapeHtml(e.birthDates.join(', '))}</p>` : ''}${flags ? `<ul>${flags}</ul>` : ''}</body></html>`);
  });
}

export const registerReconcileRoutes: RouteRegistrar = (app, services) => {
  register(app, services, '/reconcile', () => null);
  register(app, services, '/reconcile/:dataset', (c) => {
    const d = c.req.param('dataset') ?? null;
    return d === 'preview' ? null : d;
  });
};
