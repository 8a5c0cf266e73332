/**
 * Headers added to every answer on top of those app.ts sets (CSP without
 * inline scripts, nosniff, no referrer, no framing): cross-origin isolation,
 * no powerful browser features, HSTS for HTTPS deployments.
 */
import type { MiddlewareHandler } from 'hono';

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    c.header('Cross-Origin-Resource-Policy', 'same-origin');
    c.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()');
    c.header('X-Permitted-Cross-Domain-Policies', 'none');
    c.header('Strict-Transport-Security', 'max-age=31536000');
  };
}
