/**
 * Mounts the security layer on the app, before any route: extra security
 * headers, the refusal of control characters in paths, queries and headers
 * (request-guard.ts), body limits for the non-/api doors, rate limits, authentication,
 * CSRF and the policy table (auth.ts), and the upload checks on document
 * submission (upload.ts). Called once from app.ts.
 */
import { bodyLimit } from 'hono/body-limit';
import { Room39Error } from '../../errors.ts';
import { errorResponse } from '../errors.ts';
import type { App } from '../context.ts';
import type { Services } from '../../services.ts';
import { securityState } from '../security-state.ts';
import { authMiddleware } from './auth.ts';
import { securityHeaders } from './security-headers.ts';
import { uploadGuard } from './upload.ts';
import { requestGuard } from './request-guard.ts';

export const MAX_BODY_BYTES = 25 * 1024 * 1024;
export const MAX_MATCH_BODY_BYTES = 10 * 1024 * 1024;

const limitBody = (maxSize: number) => bodyLimit({
  maxSize,
  onError: (c) => errorResponse(c, new Room39Error('too_large', `the request body is over ${maxSize / 1048576} MB`)),
});

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
  const guard = uploadGuard(security.maxUploadBytes);
  for (const p of ['/api/documents', '/api/documents/*']) {
    app.use(p, async (c, next) => (c.req.method === 'POST' || c.req.method === 'PUT' ? guard(c, next) : next()));
  }
}
