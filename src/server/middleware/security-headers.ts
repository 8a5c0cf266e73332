/**
 * The security headers of every answer, from one place (Hono's
 * `secure-headers` middleware): a CSP without inline scripts or styles, no
 * framing, no sniffing, no referrer, cross-origin isolation, no powerful
 * browser features, HSTS for HTTPS deployments.
 */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

const SELF = ["'self'"];
const NONE = ["'none'"];

export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: SELF, scriptSrc: SELF, styleSrc: SELF, imgSrc: [...SELF, 'data:', 'blob:'], connectSrc: SELF,
      objectSrc: NONE, baseUri: NONE, formAction: SELF, frameAncestors: NONE,
    },
    xContentTypeOptions: 'nosniff',
    referrerPolicy: 'no-referrer',
    xFrameOptions: 'DENY',
    crossOriginOpenerPolicy: 'same-origin',
    crossOriginResourcePolicy: 'same-origin',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [], usb: [] },
    xPermittedCrossDomainPolicies: 'none',
    strictTransportSecurity: 'max-age=31536000',
    // Headers room39 does not send.
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xXssProtection: false,
  });
}
