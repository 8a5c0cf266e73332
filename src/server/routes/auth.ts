/**
 * Accounts over HTTP: login, logout, the current session (with its CSRF
 * token); account management (admin); an account's own API tokens; the
 * audit trail and its verification (admin). Who may call each is in
 * src/auth/policy.ts; this file only parses, calls src/auth and src/audit,
 * and shapes the answer.
 */
import { z } from 'zod';
import type { RouteRegistrar } from '../context.ts';
import { Room39Error } from '../../errors.ts';
import { securityState } from '../security-state.ts';
import { actorOf, principalOf } from '../../auth/principal.ts';
import {
  createApiToken, createUser, disableUser, enableUser, getUser, listApiTokens, listUsers, login, logout, revokeApiToken, setRole,
} from '../../auth/service.ts';
import { roleAtLeast, ROLES } from '../../auth/roles.ts';
import { listAudit, verifyAudit } from '../../audit/log.ts';
import { clearSessionCookie, sessionCookieName, setSessionCookie } from '../middleware/session-cookie.ts';
import { etagOf, requireIfMatch } from '../middleware/if-match.ts';
import { getCookie } from 'hono/cookie';

const loginBody = z.object({ username: z.string().max(64), password: z.string().max(1024) });
const newUserBody = z.object({ username: z.string().max(64), role: z.enum(ROLES), password: z.string().max(1024) });
const roleBody = z.object({ role: z.enum(ROLES) });
const tokenBody = z.object({ label: z.string().max(100).default('api token'), username: z.string().max(64).optional() });
const auditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  before: z.coerce.number().int().positive().optional(),
  target: z.string().max(256).optional(),
  actor: z.string().max(256).optional(),
  action: z.string().max(64).optional(),
});

/** Login, logout and the current session with its CSRF token. */
const registerSessionRoutes: RouteRegistrar = (app, services) => {
  const { db } = services;

  app.post('/api/auth/login', async (c) => {
    const state = securityState(services);
    const p = principalOf(c);
    const limit = state.logins.take(`login:${p.address}`);
    if (!limit.ok) {
      c.header('Retry-After', String(limit.retryAfter));
      throw new Room39Error('rate_limited', `too many login attempts from your address; try again in ${limit.retryAfter} s`);
    }
    const type = c.req.header('content-type') ?? '';
    if (!type.toLowerCase().startsWith('application/json')) {
      throw new Room39Error('invalid_input', 'send the login as JSON: {"username": …, "password": …}');
    }
    const body = loginBody.parse(await c.req.json());
    // A session id presented before login is never promoted: it is ended, and a new one issued.
    const before = getCookie(c, sessionCookieName(state.security.cookieSecure));
    if (before) await logout(db, before, actorOf(p));
    const session = await login(db, state.security, body.username, body.password, p.address);
    setSessionCookie(c, state.security.cookieSecure, session.id, session.expiresAt);
    c.header('Cache-Control', 'no-store');
    return c.json({ user: { username: session.account.username, role: session.account.role }, csrf_token: session.csrfToken, expires_at: session.expiresAt.toISOString() });
  });

  app.post('/api/auth/logout', async (c) => {
    const state = securityState(services);
    const cookie = getCookie(c, sessionCookieName(state.security.cookieSecure));
    if (cookie) await logout(db, cookie, actorOf(principalOf(c)));
    clearSessionCookie(c, state.security.cookieSecure);
    return c.json({ logged_out: true });
  });

  app.get('/api/auth/session', (c) => {
    const p = principalOf(c);
    const state = securityState(services);
    c.header('Cache-Control', 'no-store');
    return c.json({
      user: p.account ? { username: p.account.username, role: p.account.role } : null,
      via: p.kind,
      csrf_token: p.kind === 'session' ? p.csrfToken ?? null : null,
      public_read: state.security.publicRead,
      // Whether anyone may suggest a document (ROOM39_PUBLIC_SUGGEST): the web app shows the form only then.
      public_suggest: services.settings.documents.publicSuggest,
    });
  });

};

/** Account management (admin). */
const registerUserRoutes: RouteRegistrar = (app, { db }) => {
  app.get('/api/users', async (c) => c.json({ users: await listUsers(db) }));

  app.post('/api/users', async (c) => {
    const body = newUserBody.parse(await c.req.json());
    const user = await createUser(db, body, actorOf(principalOf(c)));
    c.header('ETag', etagOf(user.version));
    return c.json({ user }, 201);
  });

  app.get('/api/users/:username', async (c) => {
    const user = await getUser(db, c.req.param('username'));
    c.header('ETag', etagOf(user.version));
    return c.json({ user });
  });

  app.patch('/api/users/:username', async (c) => {
    const expected = requireIfMatch(c);
    const body = roleBody.parse(await c.req.json());
    const user = await setRole(db, c.req.param('username'), body.role, expected, actorOf(principalOf(c)));
    c.header('ETag', etagOf(user.version));
    return c.json({ user });
  });

  app.post('/api/users/:username/disable', async (c) => c.json({ user: await disableUser(db, c.req.param('username'), actorOf(principalOf(c))) }));
  app.post('/api/users/:username/enable', async (c) => c.json({ user: await enableUser(db, c.req.param('username'), actorOf(principalOf(c))) }));

};

/** An account's own API tokens; an admin's for every account. */
const registerTokenRoutes: RouteRegistrar = (app, { db }) => {
  app.get('/api/tokens', async (c) => {
    const p = principalOf(c);
    const all = p.account && roleAtLeast(p.account.role, 'admin') && c.req.query('all') === '1';
    return c.json({ tokens: await listApiTokens(db, all ? null : p.account!.username) });
  });

  app.post('/api/tokens', async (c) => {
    const p = principalOf(c);
    const body = tokenBody.parse(await c.req.json().catch(() => ({})));
    const owner = body.username ?? p.account!.username;
    if (owner.toLowerCase() !== p.account!.username.toLowerCase() && !roleAtLeast(p.account!.role, 'admin')) {
      throw new Room39Error('forbidden', 'only an admin may make a token for another account');
    }
    const { token, view } = await createApiToken(db, owner, body.label, actorOf(p));
    c.header('Cache-Control', 'no-store');
    return c.json({ token, note: 'shown once: store it now; room39 keeps only its hash', ...view }, 201);
  });

  app.delete('/api/tokens/:id', async (c) => {
    const p = principalOf(c);
    const admin = roleAtLeast(p.account!.role, 'admin');
    await revokeApiToken(db, c.req.param('id'), actorOf(p), admin ? null : p.account!.username);
    return c.json({ revoked: c.req.param('id') });
  });

};

/** The audit trail and its verification (admin). */
const registerAuditRoutes: RouteRegistrar = (app, { db }) => {
  app.get('/api/audit', async (c) => {
    const q = auditQuery.parse(c.req.query());
    return c.json({ records: await listAudit(db, { limit: q.limit, before: q.before ?? null, target: q.target ?? null, actor: q.actor ?? null, action: q.action ?? null }) });
  });

  app.get('/api/audit/verify', async (c) => c.json(await verifyAudit(db)));
};

export const registerAuthRoutes: RouteRegistrar = (app, services) => {
  for (const register of [registerSessionRoutes, registerUserRoutes, registerTokenRoutes, registerAuditRoutes]) register(app, services);
};
