/**
 * The W3C Reconciliation Service API, version 0.2, as OpenRefine speaks it,
 * at `/reconcile` (everything) and `/reconcile/{dataset}` (one dataset or
 * collection of /catalog; another name is 404):
 * - GET: the service manifest; with `queries=` a batch, with `extend=` a data
 *   extension (JSONP `callback` for old clients);
 * - POST: `queries=` or `extend=` as form fields (as OpenRefine sends them) or JSON;
 * - `/preview?id=`: an HTML card OpenRefine shows in an `<iframe sandbox>`
 *   (its framing headers: src/server/middleware/security-headers.ts);
 * - `/suggest/entity|type|property?prefix=`, `/flyout/entity?id=`;
 * - `/extend/propose?type=`: the columns proposed for a type.
 * CORS is open on all of it (src/server/middleware/cors.ts). The answers are
 * built in src/screen/reconcile-*.ts.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import type { App, RouteRegistrar } from '../context.ts';
import { invalidInput, notFound } from '../../errors.ts';
import { countryName } from '../../model/countries.ts';
import { escapeHtml, knownDatasets, resolveDataset, screeningService, type DatasetScope } from '../../screen/index.ts';
import { reconcileBatch } from '../../screen/reconcile-query.ts';
import { extendEntities, proposeProperties } from '../../screen/reconcile-extend.ts';
import { flyoutHtml, suggestEntities, suggestProperties, suggestTypes } from '../../screen/reconcile-suggest.ts';
import { schemaLabel } from '../../store/ftm.ts';
import type { Services } from '../../services.ts';
import { openCrossOrigin } from '../middleware/cors.ts';

const TYPES = ['Person', 'Organization', 'Company', 'LegalEntity', 'Vessel', 'Airplane'];
const extendQuery = z.object({ ids: z.array(z.string()), properties: z.array(z.object({ id: z.string().min(1), settings: z.record(z.string(), z.unknown()).optional() })) });

function baseUrl(c: Context): string {
  const url = new URL(c.req.url);
  const proto = c.req.header('x-forwarded-proto') ?? url.protocol.replace(':', '');
  const host = c.req.header('x-forwarded-host') ?? url.host;
  return `${proto}://${host}`;
}

function manifest(c: Context, path: string, dataset: string | null) {
  const base = baseUrl(c);
  const service = (p: string) => ({ service_url: base, service_path: `${path}${p}` });
  return {
    versions: ['0.2'],
    name: `room39${dataset ? ` (${dataset})` : ''}: North Korean overseas labour and sanctions`,
    identifierSpace: `${base}/entities/`,
    schemaSpace: 'https://followthemoney.tech/explorer/schemata/',
    documentation: `${base}/openapi.json`,
    defaultTypes: TYPES.map((t) => ({ id: t, name: schemaLabel(t) })),
    view: { url: `${base}/entity/{{id}}` },
    preview: { url: `${base}${path}/preview?id={{id}}`, width: 430, height: 300 },
    suggest: {
      entity: { ...service('/suggest/entity'), flyout_service_path: `${path}/flyout/entity?id=\${id}` },
      type: service('/suggest/type'),
      property: service('/suggest/property'),
    },
    extend: { propose_properties: service('/extend/propose'), property_settings: [] },
    batchSize: 20,
  };
}

function jsonp(c: Context, body: unknown) {
  const cb = c.req.query('callback');
  if (cb && /^[A-Za-z_$][\w$.]{0,63}$/.test(cb)) return c.body(`${cb}(${JSON.stringify(body)});`, 200, { 'content-type': 'application/javascript; charset=utf-8' });
  return c.json(body);
}

const whole = (v: string | undefined, fallback: number) => (v !== undefined && /^\d{1,6}$/.test(v) ? Number(v) : fallback);

/** `queries=` or `extend=`, from the query string, a form, or a JSON body. */
async function requestFields(c: Context): Promise<{ queries: string | null; extend: string | null }> {
  const pick = (v: unknown) => (typeof v === 'string' ? v : v && typeof v === 'object' ? JSON.stringify(v) : null);
  if (c.req.method === 'GET') return { queries: c.req.query('queries') ?? null, extend: c.req.query('extend') ?? null };
  if ((c.req.header('content-type') ?? '').toLowerCase().includes('application/json')) {
    const body = (await c.req.json()) as Record<string, unknown>;
    return { queries: pick(body['queries']), extend: pick(body['extend']) };
  }
  const form = await c.req.parseBody();
  return { queries: pick(form['queries']), extend: pick(form['extend']) };
}

function parseExtend(raw: string): z.infer<typeof extendQuery> {
  let parsed: unknown;
  try { parsed = JSON.parse(raw); } catch { throw invalidInput('extend is not valid JSON: send {"ids":[…],"properties":[{"id":"country"}]}', 'extend'); }
  return extendQuery.parse(parsed);
}

function previewHtml(services: Services, id: string) {
  return screeningService(services.db).then((service) => {
    const e = service.byId.get(id);
    if (!e) throw notFound(`no entity with id "${id.slice(0, 80)}"`);
    const names = e.names.filter((n) => n.strength !== 'weak').slice(0, 8).map((n) => escapeHtml(n.value)).join('<br>');
    const flags = e.flags.map((f) => `<li>${escapeHtml(f.label)} <small>(${escapeHtml(f.source.title)})</small></li>`).join('');
    const countries = [...new Set(e.countries.map(countryName))].join(', ');
    return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(e.caption)}</title>`
      + '<style>body{font:13px system-ui,sans-serif;margin:8px;color:#222}h3{margin:0 0 4px}small{color:#666}ul{padding-left:16px}</style></head><body>'
      + `<h3>${escapeHtml(e.caption)}</h3><small>${escapeHtml(schemaLabel(e.schema))} · ${escapeHtml(e.id)} · ${escapeHtml(e.datasets.join(', '))}</small>`
      + `<p>${names}</p>${e.birthDates.length ? `<p>Born ${escapeHtml(e.birthDates.join(', '))}</p>` : ''}`
      + `${countries ? `<p>${escapeHtml(countries)}</p>` : ''}${e.programs.length ? `<p>Programmes: ${escapeHtml(e.programs.join(', '))}</p>` : ''}`
      + `${flags ? `<ul>${flags}</ul>` : ''}</body></html>`;
  });
}

function register(app: App, services: Services, path: string) {
  const { db } = services;
  const scopeOf = async (c: Context): Promise<{ scope: DatasetScope; dataset: string | null }> => {
    const dataset = c.req.param('dataset') ?? null;
    if (dataset === null) return { scope: resolveDataset('default'), dataset };
    const service = await screeningService(db);
    return { scope: resolveDataset(dataset, 'dataset', await knownDatasets(db, service)), dataset };
  };
  const serviceRequest = async (c: Context) => {
    const { scope, dataset } = await scopeOf(c);
    const { queries, extend } = await requestFields(c);
    if (queries) return reconcileBatch(await screeningService(db), queries, scope);
    if (extend) {
      const e = parseExtend(extend);
      return extendEntities(db, e.ids, e.properties.map((p) => p.id), baseUrl(c));
    }
    if (c.req.method === 'GET') return manifest(c, path.replace(':dataset', dataset ?? ''), dataset);
    throw invalidInput('send the queries as the form field queries={"q0":{"query":"…"}}, or a data extension as extend={"ids":[…],"properties":[…]}', 'queries');
  };
  app.get(path, async (c) => jsonp(c, await serviceRequest(c)));
  app.post(path, async (c) => c.json(await serviceRequest(c)));
  app.get(`${path}/preview`, async (c) => {
    await scopeOf(c);
    return c.html(await previewHtml(services, c.req.query('id') ?? ''));
  });
  app.get(`${path}/suggest/:kind`, async (c) => {
    const { scope } = await scopeOf(c);
    const prefix = c.req.query('prefix') ?? '';
    const type = c.req.query('type') || c.req.query('schema') || null;
    const cursor = whole(c.req.query('cursor'), 0);
    const limit = whole(c.req.query('limit'), 10);
    const kind = c.req.param('kind');
    if (kind === 'entity') return jsonp(c, { result: await suggestEntities(db, prefix, scope, type, cursor, limit) });
    if (kind === 'type') return jsonp(c, { result: suggestTypes(prefix, cursor, limit) });
    if (kind === 'property') return jsonp(c, { result: suggestProperties(prefix, type, cursor, limit) });
    throw notFound(`no suggest service "${kind.slice(0, 20)}"; there are entity, type and property`);
  });
  app.get(`${path}/flyout/entity`, async (c) => {
    await scopeOf(c);
    const id = c.req.query('id') ?? '';
    const e = (await screeningService(db)).byId.get(id);
    if (!e) throw notFound(`no entity with id "${id.slice(0, 80)}"`);
    return jsonp(c, { id, html: flyoutHtml(e) });
  });
  app.get(`${path}/extend/propose`, async (c) => {
    await scopeOf(c);
    const type = c.req.query('type') || null;
    const limit = Math.min(whole(c.req.query('limit'), 20), 100);
    return jsonp(c, { ...(type ? { type } : {}), limit, properties: proposeProperties(type, limit) });
  });
}

export const registerReconcileRoutes: RouteRegistrar = (app, services) => {
  openCrossOrigin(app, ['/reconcile', '/reconcile/*']);
  register(app, services, '/reconcile');
  register(app, services, '/reconcile/:dataset');
};
