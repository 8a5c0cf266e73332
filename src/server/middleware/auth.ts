/**
 * Settles who is asking and whether they may: rate limits per address and
 * per account, the session cookie or API token, CSRF for cookie-authenticated
 * state-changing requests, and the policy table (src/auth/policy.ts).
 *
 * CSRF: a request authenticated by the session cookie that changes state
 * must carry the session's token in X-CSRF-Token. Without it, a request to a
 * public door (screening, matching, document submission) goes on as
 * anonymous (a forged request can do nothing an anonymous one cannot), and
 * any other is refused. Bearer-token and anonymous requests carry no ambient
 * credential and need no CSRF token.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Services } from '../../services.ts';
import { resolveApiToken, resolveSession } from '../../auth/service.ts';
import { ANONYMOUS, setPrincipal, type Principal } from '../../auth/principal.ts';
import { decide, ruleFor, SAFE_METHODS } from '../../auth/policy.ts';
import { sameSecret } from '../../auth/tokens.ts';
import { securityState } from '../security-state.ts';
import { clientAddress } from './client-address.ts';
import { appendAudit } from '../../audit/log.ts';
import { actorOf } from '../../auth/principal.ts';
import { sessionCookieName } from './session-cookie.ts';
import { Room39Error } from '../../errors.ts';
import { errorResponse } from '../errors.ts';

export const CSRF_HEADER = 'X-CSRF-Token';

/** Paths whose refusals are recorded in the audit trail. */
export const PROTECTED_PATH = /^\/api\/(testimony|audit|users)(\/|$)/;

function refuse(c: Context, code: 'unauthorized' | 'forbidden' | 'csrf_failed' | 'rate_limited', message: string, headers: Record<string, string> = {}) {
  for (const [k, v] of Object.entries(headers)) c.header(k, v);
  c.header('Cache-Control', 'no-store');
  return errorResponse(c, new Room39Error(code, message));
}

export function authMiddleware(services: Services): MiddlewareHandler {
  return async (c, next) => {
    const state = securityState(services);
    const { security } = state;
    const address = clientAddress(c, security.trustProxy);

    const byAddress = state.byAddress.take(`addr:${address}`);
    if (!byAddress.ok) {
      return refuse(c, 'rate_limited', `too many requests from your address; try again in ${byAddress.retryAfter} s`, { 'Retry-After': String(byAddress.retryAfter) });
    }

    let principal: Principal = ANONYMOUS(address);
    // Only room39's own scheme (Bearer) is read: another one (yente clients send `ApiKey …` to every
    // deployment) is not room39's to judge and is ignored, as a self-hosted yente ignores it.
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
    if (bearer) {
      const found = await resolveApiToken(services.db, bearer[1]!);
      if (!found) {
        return refuse(c, 'unauthorized', 'the API token is unknown, revoked, or its account is disabled; make a new one with room39 user token NAME', { 'WWW-Authenticate': 'Bearer realm="room39"' });
      }
      principal = { kind: 'token', account: found.account, address, tokenId: found.tokenId };
    } else {
      const cookie = getCookie(c, sessionCookieName(security.cookieSecure));
      if (cookie) {
        const session = await resolveSession(services.db, cookie);
        if (session) principal = { kind: 'session', account: session.account, address, csrfToken: session.csrfToken, sessionHash: session.idHash };
      }
    }

    if (principal.account) {
      const byAccount = state.byAccount.take(`acct:${principal.tokenId ?? principal.account.id}`);
      if (!byAccount.ok) {
        return refuse(c, 'rate_limited', `too many requests from your account; try again in ${byAccount.retryAfter} s`, { 'Retry-After': String(byAccount.retryAfter) });
      }
    }

    const rule = ruleFor(c.req.method, c.req.path);
    if (principal.kind === 'session' && !SAFE_METHODS.has(c.req.method.toUpperCase()) && !c.req.path.startsWith('/api/auth/login')) {
      const sent = c.req.header(CSRF_HEADER) ?? '';
      if (!sent || !principal.csrfToken || !sameSecret(sent, principal.csrfToken)) {
        if (rule.access === 'public' && security.publicRead) principal = ANONYMOUS(address);
        else return refuse(c, 'csrf_failed', `this request changes state and came without the session's CSRF token: send the ${CSRF_HEADER} header given at login (GET /api/auth/session returns it)`);
      }
    }

    const decision = decide(rule.access, principal, security.publicRead);
    if (decision !== 'allow' && PROTECTED_PATH.test(c.req.path)) {
      // A refused attempt at protected material is itself worth knowing about; a flood of them is counted, not recorded one by one.
      const kept = await state.refusals.refused(address, { actor: actorOf(principal), action: 'access.refused', target: c.req.path.slice(0, 256), meta: { method: c.req.method, role: principal.account?.role ?? null } });
      if (!kept.recorded) return refuse(c, 'rate_limited', `too many refused requests from your address; try again in ${kept.retryAfter} s`, { 'Retry-After': String(kept.retryAfter) });
    }
    if (decision === 'needs_login') {
      return refuse(c, 'unauthorized', security.publicRead ? 'log in first: this needs an account' : 'log in first: this room39 requires an account for everything (ROOM39_PUBLIC_READ is off)', { 'WWW-Authenticate': 'Bearer realm="room39"' });
    }
    if (decision === 'forbidden') {
      return refuse(c, 'forbidden', `your role (${principal.account?.role}) may not do this; it needs ${rule.access} or above`);
    }
    setPrincipal(c, principal);
    await next();
    const method = c.req.method.toUpperCase();
    if (!SAFE_METHODS.has(method) && !rule.readOnly && !rule.auditedByService && c.res.status < 400) {
      // Every successful write is in the audit trail; services that know the record add before and after themselves.
      await appendAudit(services.db, { actor: actorOf(principal), action: `http.${method.toLowerCase()}`, target: c.req.path.slice(0, 256), meta: { status: c.res.status } });
    }
    if (principal.account) {
      c.header('Cache-Control', 'no-store');
      c.header('Vary', 'Cookie, Authorization');
    }
  };
}
