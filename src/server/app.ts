/** Builds the HTTP app: security headers, body limits, the API surfaces, the OpenAPI description and the web app's files. */
import fs from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import type { Services } from '../services.ts';
import type { AppEnv } from './context.ts';
import { errorResponse } from './errors.ts';
import { routeRegistrars } from './routes/index.ts';
import { openApiDocument } from './openapi.ts';
import { REPO_ROOT } from '../config/settings.ts';
import { installSecurity } from './middleware/index.ts';
import { notFound } from '../errors.ts';
import { countEntities } from '../store/entities.ts';
import { listsNote, listStatus } from '../ingest/lists/status.ts';
import { memoUntilWrite } from '../store/memo.ts';
import { warmSearchIndex } from '../store/search.ts';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2',
};

/** The web app's pages (web/src/main.tsx routes them); only these are answered with index.html. */
export const WEB_ROUTE = /^\/(?:|search|timeline|screen|estimates|resolve(?:\/[^/]+)?|cases(?:\/[^/]+)*|documents(?:\/[^/]+)?|entity\/[^/]+|network\/[^/]+|country\/[a-zA-Z]{2})\/?$/;
/** Paths of the APIs: an unknown one is a JSON 404. */
const API_PATH = /^\/(?:api|match|entities|catalog|algorithms|readyz|healthz|reconcile|statements|manifest|updatez|openapi\.json)(?:\/|$)|^\/search\/./;

export function createApp(services: Services, webRoot = path.join(REPO_ROOT, 'web/dist')): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // Security headers, body limits, accounts, CSRF, rate limits and upload checks (src/server/middleware, policy in src/auth/policy.ts).
  installSecurity(app, services);

  app.onError((err, c) => errorResponse(c, err));

  app.get('/healthz', async (c) => {
    // Each official list's version, publication and last check: a stale or missing list is visible to monitoring.
    // Kept until the store is written or a minute has passed: monitoring polls it, and it counts every entity.
    return c.json(await memoUntilWrite(services.db, 'healthz', 60_000, async () => {
      const { lists } = await listStatus(services.db, services.settings.lists);
      return {
        status: 'ok', database: services.db.kind, entities: await countEntities(services.db),
        lists: lists.map((l) => ({
          list: l.list, version: l.version, published: l.published, fetched_at: l.fetched_at, entries: l.entries, stale: l.stale,
          checked_at: l.checked_at, last_check: l.last_check, last_error: l.last_error,
        })),
        lists_stale: lists.filter((l) => l.stale).map((l) => l.list),
        // What to do about them, in words: a machine started without its lists says so here as in its log and banner.
        lists_note: listsNote(lists),
      };
    }));
  });
  app.get('/openapi.json', (c) => c.json(openApiDocument()));

  for (const register of routeRegistrars) register(app, services);

  // Unknown API paths answer a JSON 404 (yente's paths in yente's words), never the web app's HTML.
  app.all('*', async (c, next) => {
    if (!API_PATH.test(c.req.path) && (c.req.method === 'GET' || c.req.method === 'HEAD')) return next();
    return errorResponse(c, notFound(`no API endpoint ${c.req.method} ${c.req.path.slice(0, 200)}; see /openapi.json`));
  });

  // The web app: its files from web/dist, and index.html for its pages (client-side routes).
  app.get('*', (c) => {
    const rel = path.normalize(decodeURIComponent(c.req.path)).replace(/^(\.\.[/\\])+/, '');
    const file = path.join(webRoot, rel);
    if (file.startsWith(webRoot) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      const type = MIME[path.extname(file)] ?? 'application/octet-stream';
      const cache = rel.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      return c.body(fs.readFileSync(file), 200, { 'Content-Type': type, 'Cache-Control': cache });
    }
    const page = WEB_ROUTE.test(c.req.path);
    // Another path gets the app's "page not found" only when a browser asks for a page; anything else a JSON 404.
    if (!page && !/text\/html/.test(c.req.header('accept') ?? '')) {
      return errorResponse(c, notFound(`nothing at ${c.req.path.slice(0, 200)}; the API is described at /openapi.json`));
    }
    // Whoever opens the web app is about to search: the search index is built now, in slices, if the store changed.
    if (page) void warmSearchIndex(services.db);
    const index = path.join(webRoot, 'index.html');
    const status = page ? 200 : 404;
    if (fs.existsSync(index)) return c.body(fs.readFileSync(index), status, { 'Content-Type': MIME['.html']!, 'Cache-Control': 'no-cache' });
    return c.text('room39 API is running. The web app is not built: run `npm run build:web`. API description: /openapi.json', status);
  });

  return app;
}
