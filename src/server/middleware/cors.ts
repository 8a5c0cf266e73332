/**
 * CORS for the APIs that other tools call from pages on their own origin:
 * OpenRefine registers a reconciliation service, asks for suggestions and
 * proposes properties from its page (http://localhost:3333), and yente's
 * browser clients call `/match`, `/search`, `/entities`. Any origin may read
 * them, without credentials: a cross-origin request carries no room39 cookie
 * (browsers send none without `credentials: "include"`, which `*` refuses),
 * so it acts as an anonymous caller. Preflights are answered here.
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { App } from '../context.ts';

const EXPOSE = ['x-batch-size'];
const PREFLIGHT = cors({ origin: '*', allowMethods: ['GET', 'POST', 'OPTIONS'], maxAge: 86_400, exposeHeaders: EXPOSE });

/**
 * Preflights answered by Hono's cors; on other requests the same two headers Hono's cors gives them
 * (`Access-Control-Allow-Origin: *`, `Access-Control-Expose-Headers`), set on the answer after the route.
 * Hono's cors sets them before the route, on a response it creates early, and the route's own response is
 * then copied into a new one through a stream (Hono's `set res`): on @hono/node-server the answer is
 * written chunked through a ReadableStream instead of in one write with its length.
 */
const OPEN: MiddlewareHandler = async (c, next) => {
  if (c.req.method === 'OPTIONS') return PREFLIGHT(c, next);
  await next();
  c.res.headers.set('Access-Control-Allow-Origin', '*');
  c.res.headers.set('Access-Control-Expose-Headers', EXPOSE.join(','));
};

/** Opens each path pattern (Hono's: `/reconcile`, `/reconcile/*`) to cross-origin reads. */
export function openCrossOrigin(app: App, patterns: readonly string[]): void {
  for (const p of patterns) app.use(p, OPEN);
}
