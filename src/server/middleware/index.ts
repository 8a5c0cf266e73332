/**
 * Mounts the security layer on the app, before any route: extra security
 * headers, the refusal of control characters in paths, queries and headers
 * (request-guard.ts), body limits for the non-/api doors, rate limits, authentication,
 * CSRF and the policy table (auth.ts), and the upload checks on document
 * submission (upload.ts). Called once from app.ts.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { Room39Error } from '../../errors.ts';
import { errorResponse } from '../errors.ts';
import type { App } from '../context.ts';
import type { Services } from '../../services.ts';
import { securityState } from '../security-state.ts';
import { authMiddleware } from './auth.ts';
import { securityHeaders } from './security-headers.ts';
import { uploadGuard } from './upload.ts';
import { jsonBodyGuard, requestGuard } from './request-guard.ts';

export const MAX_BODY_BYTES = 25 * 1024 * 1024;
export const MAX_MATCH_BODY_BYTES = 10 * 1024 * 1024;

/**
 * Refuses a body over `maxSize`. A request that states its length (and is not chunked) is judged by that header alone,
 * as Hono's bodyLimit does, but without touching `c.req.raw.body`: on @hono/node-server that would build a web Request
 * and stream the body through it, where the route's `c.req.json()` otherwise reads the socket directly. Bodies of
 * unstated length go through Hono's bodyLimit, which counts them as they arrive.
 */
const limitBody = (maxSize: number): MiddlewareHandler => {
  const tooLarge = (c: Context) => errorResponse(c, new Room39Error('too_large', `the request body is over ${maxSize / 1048576} MB`));
  const counted = bodyLimit({ maxSize, onError: tooLarge });
  return (c, next) => {
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number.parseInt(length, 10) > maxSize ? Promise.resolve(tooLarge(c)) : next();
    }
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return counted(c, next);
  };
};

export function installSecurity(app: App, services: Services): void {
  const { security } = securityState(services);
  app.use('*', securityHeaders());
  app.use('*', requestGuard(services));
  app.use('/api/*', limitBody(MAX_BODY_BYTES));
  const tooLarge = limitBody(MAX_MATCH_BODY_BYTES);
  app.use('/match/*', tooLarge);
  app.use('/reconcile', tooLarge);
  app.use('/reconcile/*', tooLarge);
  app.use('*', authMiddleware(services));
  app.use('*', jsonBodyGuard());
  const guard = uploadGuard(security.maxUploadBytes);
  // The two doors that take a document's bytes; a decision on a suggestion (`/api/documents/suggestions/…`) carries none.
  for (const p of ['/api/documents', '/api/documents/suggest']) {
    app.use(p, async (c, next) => (c.req.method === 'POST' || c.req.method === 'PUT' ? guard(c, next) : next()));
  }
}
