/**
 * The security headers of every answer, from one place (Hono's
 * `secure-headers` middleware): a CSP without inline scripts or styles, no
 * framing, no sniffing, no referrer, cross-origin isolation, no powerful
 * browser features, HSTS for HTTPS deployments.
 *
 * Two exceptions, each for the paths that need it and nothing more:
 * - the APIs other tools call from their own origin (OpenRefine's
 *   `/reconcile*`, yente's `/match`, `/search/{dataset}`, `/entities`, …)
 *   may be read cross-origin (`Cross-Origin-Resource-Policy: cross-origin`;
 *   CORS itself is set by their routes);
 * - OpenRefine's entity previews (`/reconcile[/{dataset}]/preview`) are shown
 *   inside OpenRefine, in an `<iframe sandbox>`: they may be framed by any
 *   page, and their CSP allows no script and nothing but their own inline style;
 * - a case's HTML audit report (`/api/cases/{name}/report/html`, cases/report-html.ts)
 *   is one self-contained page with its style inline: its CSP allows that style
 *   and nothing else (no script, no other source), so it reads as styled in the
 *   browser as the saved file does.
 */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

type SecureHeadersOptions = NonNullable<Parameters<typeof secureHeaders>[0]>;

const SELF = ["'self'"];
const NONE = ["'none'"];

const PREVIEW_PATH = /^\/reconcile(?:\/[a-z0-9_-]{1,64})?\/preview\/?$/;
const CASE_REPORT_HTML = /^\/api\/cases\/.+\/report\/(?:report\.)?html\/?$/;
const CROSS_ORIGIN_API = /^\/(?:reconcile|match|entities|catalog|algorithms|readyz)(?:\/|$)|^\/search\/./;

/** OpenRefine's preview of an entity, shown in an iframe on OpenRefine's origin. */
export function isPreviewPath(path: string): boolean {
  return PREVIEW_PATH.test(path);
}

/** An API that other tools call from pages on their own origin. */
export function isCrossOriginApi(path: string): boolean {
  return CROSS_ORIGIN_API.test(path);
}

const COMMON: SecureHeadersOptions = {
  xContentTypeOptions: 'nosniff',
  referrerPolicy: 'no-referrer',
  crossOriginOpenerPolicy: 'same-origin',
  permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [], usb: [] },
  xPermittedCrossDomainPolicies: 'none',
  strictTransportSecurity: 'max-age=31536000',
  // Headers room39 does not send.
  originAgentCluster: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xXssProtection: false,
};

const APP_CSP = {
  defaultSrc: SELF, scriptSrc: SELF, styleSrc: SELF, imgSrc: [...SELF, 'data:', 'blob:'], connectSrc: SELF,
  objectSrc: NONE, baseUri: NONE, formAction: SELF, frameAncestors: NONE,
};

export function securityHeaders(): MiddlewareHandler {
  const app = secureHeaders({ ...COMMON, contentSecurityPolicy: APP_CSP, xFrameOptions: 'DENY', crossOriginResourcePolicy: 'same-origin' });
  const api = secureHeaders({ ...COMMON, contentSecurityPolicy: APP_CSP, xFrameOptions: 'DENY', crossOriginResourcePolicy: 'cross-origin' });
  const preview = secureHeaders({
    ...COMMON,
    contentSecurityPolicy: { defaultSrc: NONE, styleSrc: ["'unsafe-inline'"], imgSrc: ['data:'], baseUri: NONE, formAction: NONE },
    xFrameOptions: false,
    crossOriginResourcePolicy: 'cross-origin',
  });
  const report = secureHeaders({
    ...COMMON,
    contentSecurityPolicy: { defaultSrc: NONE, styleSrc: ["'unsafe-inline'"], imgSrc: ['data:'], baseUri: NONE, formAction: NONE, frameAncestors: NONE },
    xFrameOptions: 'DENY',
    crossOriginResourcePolicy: 'same-origin',
  });
  return (c, next) => {
    const path = c.req.path;
    if (isPreviewPath(path)) return preview(c, next);
    if (CASE_REPORT_HTML.test(path)) return report(c, next);
    return isCrossOriginApi(path) ? api(c, next) : app(c, next);
  };
}
