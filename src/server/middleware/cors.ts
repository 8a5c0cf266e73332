/**
 * CORS for the APIs that other tools call from pages on their own origin:
 * OpenRefine registers a reconciliation service, asks for suggestions and
 * proposes properties from its page (http://localhost:3333), and yente's
 * browser clients call `/match`, `/search`, `/entities`. Any origin may read
 * them, without credentials: a cross-origin request carries no room39 cookie
 * (browsers send none without `credentials: "include"`, which `*` refuses),
 * so it acts as an anonymous caller. Preflights are answered here.
 */
import { cors } from 'hono/cors';
import type { App } from '../context.ts';

const OPEN = cors({ origin: '*', allowMethods: ['GET', 'POST', 'OPTIONS'], maxAge: 86_400, exposeHeaders: ['x-batch-size'] });

/** Opens each path pattern (Hono's: `/reconcile`, `/reconcile/*`) to cross-origin reads. */
export function openCrossOrigin(app: App, patterns: readonly string[]): void {
  for (const p of patterns) app.use(p, OPEN);
}
