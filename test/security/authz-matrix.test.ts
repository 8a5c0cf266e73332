/**
 * The authorisation matrix: every principal (anonymous, each role, an API
 * token, a session without its CSRF token) against every endpoint, with
 * public read on and off. The expectations are written out here, not read
 * from src/auth/policy.ts, so a wrong change to the policy fails this test.
 * "Allowed" means the middleware let the request through (the route may
 * still answer 400/404/409 for its own reasons, never 401/403/5xx); "denied"
 * means exactly 401 for no account and 403 for too low a role.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, roleAtLeast, type Role } from '../../src/auth/roles.ts';
import { createApiToken } from '../../src/auth/service.ts';
import { harness, type Harness, type Login } from './support.ts';

type Need = 'anyone' | 'public' | Role;

interface Endpoint {
  method: string;
  path: string;
  body?: unknown;
  need: Need;
  /** The status an allowed caller gets, where the route exists and the answer is certain. */
  ok?: number;
  ifMatch?: string;
}

const ENTITY = 'r39-mansudae-overseas-project-group';
const TESTIMONY = 'r39-testimony-002-2';

const ENDPOINTS: Endpoint[] = [
  { method: 'GET', path: '/healthz', need: 'public', ok: 200 },
  { method: 'GET', path: '/openapi.json', need: 'public', ok: 200 },
  { method: 'GET', path: '/api/auth/session', need: 'anyone', ok: 200 },
  { method: 'GET', path: '/api/search?q=Mansudae', need: 'public', ok: 200 },
  { method: 'GET', path: `/api/entities/${ENTITY}`, need: 'public', ok: 200 },
  { method: 'GET', path: '/api/estimate?draws=200&seed=7', need: 'public', ok: 200 },
  { method: 'GET', path: '/api/changes', need: 'public', ok: 200 },
  { method: 'GET', path: '/api/headline', need: 'public', ok: 200 },
  { method: 'GET', path: '/api/countries', need: 'public', ok: 200 },
  { method: 'GET', path: '/api/timeline', need: 'public', ok: 200 },
  { method: 'GET', path: `/api/network/${ENTITY}`, need: 'public', ok: 200 },
  { method: 'POST', path: '/api/screen', body: { name: 'Mansudae' }, need: 'public' },
  { method: 'POST', path: '/api/screen/read?filename=matrix.csv', body: { name: 'Mansudae' }, need: 'public' },
  { method: 'POST', path: '/match/default', body: { queries: { q1: { schema: 'Company', properties: { name: ['Mansudae Overseas Project'] } } } }, need: 'public' },
  { method: 'GET', path: '/reconcile', need: 'public' },
  { method: 'GET', path: '/search/default?q=Mansudae', need: 'public', ok: 200 },
  // The web app's search page (a shared link): it loads for anyone and asks for a login itself.
  { method: 'GET', path: '/search?q=Mansudae', need: 'anyone' },
  { method: 'POST', path: '/reconcile', body: { queries: { q0: { query: 'Mansudae' } } }, need: 'public' },
  { method: 'POST', path: '/api/documents', body: { text: 'The Mansudae Overseas Project Group sent workers.' }, need: 'analyst' },
  { method: 'GET', path: '/api/documents', need: 'analyst' },
  { method: 'GET', path: '/api/review', need: 'analyst' },
  { method: 'POST', path: '/api/review/no-such-item/accept', body: {}, need: 'analyst' },
  { method: 'POST', path: '/api/review/no-such-item/correct', body: { value: 'x' }, need: 'analyst' },
  { method: 'GET', path: '/api/resolve', need: 'public', ok: 200 },
  { method: 'GET', path: '/api/resolve/candidates', need: 'public', ok: 200 },
  { method: 'GET', path: `/api/resolve/entities/${ENTITY}`, need: 'public', ok: 200 },
  { method: 'POST', path: '/api/resolve/judgements', body: { a: 'no-such-record', b: ENTITY, judgement: 'different' }, need: 'editor', ok: 404 },
  { method: 'POST', path: '/api/resolve/judgements/no-such-judgement/undo', body: {}, need: 'editor', ok: 404 },
  { method: 'POST', path: '/api/imports', body: {}, need: 'editor' },
  { method: 'PUT', path: `/api/entities/${ENTITY}`, body: {}, need: 'editor' },
  { method: 'DELETE', path: `/api/entities/${ENTITY}`, need: 'editor' },
  { method: 'POST', path: '/api/some-future-write', body: {}, need: 'editor' },
  { method: 'GET', path: '/api/testimony', need: 'analyst', ok: 200 },
  { method: 'GET', path: `/api/testimony/${TESTIMONY}`, need: 'editor', ok: 200 },
  { method: 'POST', path: '/api/testimony', body: { pseudonym: 'Lee XX, 30', narrative: 'matrix test narrative' }, need: 'editor', ok: 201 },
  { method: 'PUT', path: `/api/testimony/${TESTIMONY}`, body: { sharing_terms: 'matrix' }, ifMatch: '"999"', need: 'editor', ok: 409 },
  { method: 'GET', path: '/api/users', need: 'admin', ok: 200 },
  { method: 'POST', path: '/api/users', body: { username: 'viewer-user', role: 'viewer', password: 'another long passphrase' }, need: 'admin', ok: 409 },
  { method: 'GET', path: '/api/users/viewer-user', need: 'admin', ok: 200 },
  { method: 'PATCH', path: '/api/users/viewer-user', body: { role: 'viewer' }, ifMatch: '"999"', need: 'admin', ok: 409 },
  { method: 'POST', path: '/api/users/nobody-here/disable', body: {}, need: 'admin', ok: 404 },
  { method: 'GET', path: '/api/audit', need: 'admin', ok: 200 },
  { method: 'GET', path: '/api/audit/verify', need: 'admin', ok: 200 },
  { method: 'GET', path: '/api/tokens', need: 'viewer', ok: 200 },
  { method: 'DELETE', path: '/api/tokens/tok-unknown', need: 'viewer', ok: 404 },
];

type Who = { label: string; role: Role | null; login?: Login; bearer?: string; noCsrf?: boolean };

function allowed(need: Need, role: Role | null, publicRead: boolean): boolean {
  if (need === 'anyone') return true;
  if (need === 'public') return publicRead || role !== null;
  return role !== null && roleAtLeast(role, need);
}

describe.each([true, false])('authorisation matrix, public read %s', (publicRead) => {
  let h: Harness;
  const whos: Who[] = [];
  beforeAll(async () => {
    h = await harness('pglite', { ROOM39_PUBLIC_READ: publicRead ? '1' : '0' });
    whos.push({ label: 'anonymous', role: null });
    for (const role of ROLES) whos.push({ label: role, role, login: h.logins[role] });
    const { token } = await createApiToken(h.t.db, 'analyst-user', 'matrix', 'test');
    whos.push({ label: 'analyst API token', role: 'analyst', bearer: token });
  });
  afterAll(async () => h?.dispose());

  it.each(ENDPOINTS.map((e) => [`${e.method} ${e.path}`, e] as const))('%s', async (_label, e) => {
    const seen: string[] = [];
    for (const who of whos) {
      const headers: Record<string, string> = e.ifMatch ? { 'if-match': e.ifMatch } : {};
      const res = await h.call(e.method, e.path, { as: who.login ?? null, bearer: who.bearer, body: e.body, headers });
      const status = res.status;
      seen.push(`${who.label}:${status}`);
      const may = allowed(e.need, who.role, publicRead);
      if (may) {
        expect([401, 403], `${who.label} should pass ${e.method} ${e.path} (got ${status})`).not.toContain(status);
        expect(status, `${who.label} ${e.method} ${e.path}: ${await res.clone().text()}`).toBeLessThan(500);
        if (e.ok !== undefined) expect(status, `${who.label} ${e.method} ${e.path}`).toBe(e.ok);
      } else {
        expect(status, `${who.label} must be refused ${e.method} ${e.path}`).toBe(who.role === null ? 401 : 403);
        const body = (await res.json()) as { error: { code: string } };
        expect(body.error.code).toBe(who.role === null ? 'unauthorized' : 'forbidden');
      }
      // Every refusal, and every answer under /api, is JSON (outside /api, a door not built yet falls through to the web app).
      if (!may || e.path.startsWith('/api/')) expect(res.headers.get('content-type') ?? '', `${e.method} ${e.path}`).toMatch(/json/);
    }
    expect(seen.length).toBe(whos.length);
  });

  it('a session without its CSRF token is anonymous at public doors and refused elsewhere', async () => {
    const editor = h.logins.editor;
    const screen = await h.call('POST', '/match/default', { as: editor, noCsrf: true, body: { queries: {} } });
    if (publicRead) expect([401, 403]).not.toContain(screen.status);
    else expect(screen.status).toBe(403);
    const write = await h.call('POST', '/api/testimony', { as: editor, noCsrf: true, body: { pseudonym: 'x', narrative: 'y' } });
    expect(write.status).toBe(403);
    expect(((await write.json()) as { error: { code: string } }).error.code).toBe('csrf_failed');
  });
});
