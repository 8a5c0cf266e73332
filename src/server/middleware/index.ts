/**
 * Mounts the security layer on the app, before any route: extra security
 * headers, body limits for the non-/api doors, rate limits, authentication,
 * CSRF and the policy table (auth.ts), and the upload checks on document
 * submission (upload.ts). Called once from app.ts.
 */
import { bodyLimit } from 'hono/body-limit';
import type { App } from '../context.ts';
import type { Services } from '../../services.ts';
import { securityState } from '../security-state.ts';
import { authMiddleware } from './auth.ts';
import { securityHeaders } from './security-headers.ts';
import { uploadGuard } from './upload.ts';

export const MAX_MATCH_BODY_BYTES = 10 * 1024 * 1024;

export function installSecurity(app: App, services: Services): void {
  const { security } = securityState(services);
  app.use('*', securityHeaders());
  const tooLarge = bodyLimit({
    maxSize: MAX_MATCH_BODY_BYTES,
    onError: (c) => c.json({ error: { code: 'too_large', message: `the request body is over ${MAX_MATCH_BODY_BYTES / 1048576} MB` } }, 413),
  });
  app.use('/match/*', tooLarge);
  app.use('/reconcile', tooLarge);
  app.use('/reconcile/*', tooLarge);
  app.use('*', authMiddleware(services));
  const guard = uploadGuard(security.maxUploadBytes);
  for (const p of ['/api/documents', '/api/documents/*']) {
    app.use(p, async (c, next) => (c.req.method === 'POST' || c.req.method === 'PUT' ? guard(c, next) : next()));
  }
}
