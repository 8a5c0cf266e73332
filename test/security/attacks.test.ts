/**
 * Attacks tried against the HTTP app: SQL injection in search, screening and
 * every text parameter; script injection through list entries and uploaded
 * documents (answered as JSON data, under a CSP without inline scripts);
 * path traversal and wrong types in uploads; session fixation; CSRF without
 * the token; brute-force login (locked out, then rate limited); rate limits
 * per address and per account; oversized bodies; stack traces.
 */
import path from 'node:path';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { createApiToken, disableUser } from '../../src/auth/service.ts';
import type { Services } from '../../src/services.ts';
import { COOKIE, cookieFrom, harness, PASSWORD, type Harness } from './support.ts';
import { importSynthetic } from './fixtures.ts';

async function counts(h: Harness) {
  const [r] = await h.t.db.query<{ e: number; s: number; u: number; t: number }>(
    `SELECT (SELECT count(*)::int FROM entities) AS e, (SELECT count(*)::int FROM statements) AS s,
            (SELECT count(*)::int FROM users) AS u, (SELECT count(*)::int FROM testimonies) AS t`);
  return r!;
}

const SQLI = [
  `' OR '1'='1`,
  `'; DROP TABLE entities; --`,
  `%' UNION SELECT id, password_hash, role, username FROM users --`,
  `\\'; SELECT pg_sleep(3); --`,
  `1); DELETE FROM statements; --`,
  `$1 $2 ::text`,
  `Mansudae' AND (SELECT count(*) FROM users) > 0 --`,
];

describe('attacks on the HTTP app', () => {
  let h: Harness;
  beforeAll(async () => {
    // Logins refill slowly (0.1 a minute), so a slow machine cannot refill the bucket during the brute-force test.
    h = await harness('pglite', { ROOM39_MAX_UPLOAD_MB: '1', ROOM39_RATE_LOGIN: '0.1/10' });
  });
  afterAll(async () => h?.dispose());

  it('SQL injection in search, screening, ids, login and filters changes nothing and leaks nothing', async () => {
    const before = await counts(h);
    const all = await h.call('GET', '/api/search?q=a&limit=500');
    const everything = ((await all.json()) as { results: unknown[] }).results.length;
    for (const p of SQLI) {
      const q = encodeURIComponent(p);
      const search = await h.call('GET', `/api/search?q=${q}&limit=500`);
      expect(search.status, p).toBe(200);
      const text = await search.text();
      expect(text).not.toMatch(/scrypt\$\d+\$/);
      expect((JSON.parse(text) as { results: unknown[] }).results.length).toBeLessThan(Math.max(everything, 1));
      expect((await h.call('GET', `/api/search?q=${q}&schema=${q}&dataset=${q}`)).status).toBeLessThan(500);
      expect((await h.call('GET', `/api/entities/${q}`)).status).toBe(404);
      for (const door of ['/api/screen', '/match/default', '/reconcile']) {
        const res = await h.call('POST', door, { body: { name: p, queries: { q1: { query: p, schema: 'Person', properties: { name: [p] } } } } });
        expect(res.status, `${door} ${p}`).toBeLessThan(500);
        expect(await res.text()).not.toMatch(/scrypt\$\d+\$/);
      }
      expect((await h.login(p, p)).status).toBe(401);
      expect((await h.call('GET', `/api/testimony/${q}`, { as: h.logins.editor })).status).toBe(404);
      const audit = await h.call('GET', `/api/audit?target=${q}&actor=${q}&action=${q.slice(0, 60)}`, { as: h.logins.admin });
      expect(audit.status).toBe(200);
      expect(((await audit.json()) as { records: unknown[] }).records).toEqual([]);
    }
    expect(await counts(h)).toEqual(before);
  });

  it('a list entry holding script comes back as JSON data under a CSP without inline scripts', async () => {
    const evil = '<script>alert("r39")</script><img src=x onerror=alert(1)>';
    await importSynthetic(h.t.db, '2024-01-01', 3, (i) => (i === 1 ? `${evil} Kim` : `Listed Person ${i}`));
    const search = await h.call('GET', `/api/search?q=${encodeURIComponent('script alert')}`);
    const entity = await h.call('GET', '/api/entities/test_security_list-e1');
    for (const res of [search, entity]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/script-src 'self'/);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(csp).toMatch(/object-src 'none'/);
    }
    const detail = (await entity.json()) as { entity: { caption: string } };
    expect(detail.entity.caption).toBe(`${evil} Kim`);
  });

  it('an uploaded document holding script is answered as JSON, never served as HTML', async () => {
    const form = new FormData();
    form.append('file', new File(['<html><body><script>alert(1)</script>Mansudae</body></html>'], 'report.html', { type: 'text/html' }));
    const res = await h.call('POST', '/api/documents', { as: h.logins.analyst, rawBody: form });
    expect(res.status).toBeLessThan(500);
    expect([413, 415]).not.toContain(res.status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-security-policy')).not.toMatch(/unsafe-inline/);
  });

  it('refuses path traversal, wrong types and oversized files in uploads', async () => {
    const upload = async (name: string, content: BlobPart, type: string) => {
      const form = new FormData();
      form.append('file', new File([content], name, { type }));
      return h.call('POST', '/api/documents', { as: h.logins.analyst, rawBody: form });
    };
    for (const name of ['../../../../tmp/evil.txt', '..\\..\\evil.txt', '/etc/passwd.txt', 'C:\\evil.txt', '.htaccess', 'a/../../b.txt', 'nul\u0000.txt']) {
      const res = await upload(name, 'hello', 'text/plain');
      expect(res.status, name).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/file name/);
    }
    const raw = await h.call('POST', '/api/documents', { as: h.logins.analyst, rawBody: 'hello', headers: { 'content-type': 'text/plain', 'x-filename': '../../etc/cron.d/x.txt' } });
    expect(raw.status).toBe(400);
    expect((await upload('tool.exe', 'MZ\x90\x00', 'application/octet-stream')).status).toBe(415);
    expect((await upload('report.pdf', 'not a pdf at all', 'application/pdf')).status).toBe(415);
    expect((await upload('notes.txt', '\x7fELF\x02\x01', 'text/plain')).status).toBe(415);
    expect((await upload('notes.txt', 'abc\u0000def', 'text/plain')).status).toBe(415);
    expect((await upload('archive.zip', 'PK\x03\x04', 'application/zip')).status).toBe(415);
    expect((await upload('report.txt', '%PDF-1.7 …', 'text/plain')).status).toBe(415);
    expect((await upload('big.txt', 'x'.repeat(1024 * 1024 + 10), 'text/plain')).status).toBe(413);
    const fine = await upload('report.txt', 'The Mansudae Overseas Project Group sent workers.', 'text/plain');
    expect([400, 413, 415]).not.toContain(fine.status);
    for (const p of ['/..%2f..%2f..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/assets/../../../../../etc/passwd', '/..\\..\\..\\etc\\passwd']) {
      const res = await h.call('GET', p);
      expect(await res.text(), p).not.toMatch(/root:.*:0:0:/);
    }
  });

  it('refuses oversized request bodies at every door', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(26 * 1024 * 1024) });
    expect((await h.call('POST', '/api/screen', { rawBody: big, headers: { 'content-type': 'application/json' } })).status).toBe(413);
    const mid = JSON.stringify({ queries: { q: { properties: { name: ['x'.repeat(11 * 1024 * 1024)] } } } });
    expect((await h.call('POST', '/match/default', { rawBody: mid, headers: { 'content-type': 'application/json' } })).status).toBe(413);
    expect((await h.call('POST', '/reconcile', { rawBody: mid, headers: { 'content-type': 'application/json' } })).status).toBe(413);
  });

  it('sets the session cookie HttpOnly, Secure, SameSite=Strict under the __Host- prefix', async () => {
    const res = await h.login('viewer-user', PASSWORD);
    const set = res.headers.getSetCookie().find((c) => c.startsWith(`${COOKIE}=`)) ?? '';
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/Secure/i);
    expect(set).toMatch(/SameSite=Strict/i);
    expect(set).toMatch(/Path=\//);
    expect(set).not.toMatch(/Domain=/i);
  });

  it('session fixation: a session id known before login is never promoted', async () => {
    const planted = 'attacker-chosen-session-id-0123456789';
    const res = await h.call('POST', '/api/auth/login', { body: { username: 'editor-user', password: PASSWORD }, headers: { cookie: `${COOKIE}=${planted}` } });
    expect(res.status).toBe(200);
    const issued = cookieFrom(res);
    expect(issued).toBeTruthy();
    expect(issued).not.toBe(planted);
    const withPlanted = await h.call('GET', '/api/auth/session', { headers: { cookie: `${COOKIE}=${planted}` } });
    expect(((await withPlanted.json()) as { user: unknown }).user).toBeNull();
    // An attacker's own valid session planted in the victim's browser ends when the victim logs in.
    const attacker = await h.login('viewer-user', PASSWORD);
    const attackerCookie = cookieFrom(attacker)!;
    const victim = await h.call('POST', '/api/auth/login', { body: { username: 'admin-user', password: PASSWORD }, headers: { cookie: `${COOKIE}=${attackerCookie}` } });
    expect(victim.status).toBe(200);
    expect(cookieFrom(victim)).not.toBe(attackerCookie);
    const after = await h.call('GET', '/api/auth/session', { headers: { cookie: `${COOKIE}=${attackerCookie}` } });
    expect(((await after.json()) as { user: unknown }).user).toBeNull();
  });

  it('CSRF: a cookie-authenticated write without the right token is refused', async () => {
    const editor = h.logins.editor;
    const body = { pseudonym: 'Choi XX, 51', narrative: 'csrf test' };
    expect((await h.call('POST', '/api/testimony', { as: editor, noCsrf: true, body })).status).toBe(403);
    expect((await h.call('POST', '/api/testimony', { as: editor, csrf: 'guessed-token', body })).status).toBe(403);
    expect((await h.call('POST', '/api/testimony', { as: editor, csrf: h.logins.admin.csrf, body })).status).toBe(403);
    expect((await h.call('POST', '/api/users', { as: h.logins.admin, noCsrf: true, body: { username: 'csrf-made', role: 'admin', password: 'a very long password' } })).status).toBe(403);
    expect((await h.call('POST', '/api/testimony', { as: editor, body })).status).toBe(201);
    // A cross-site form cannot log anyone in (login CSRF): login takes JSON only.
    const form = await h.call('POST', '/api/auth/login', { rawBody: 'username=admin-user&password=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(400);
    // A bearer token carries no ambient authority and needs no CSRF token.
    const { token } = await createApiToken(h.t.db, 'editor-user', 'csrf test', 'test');
    expect((await h.call('POST', '/api/testimony', { bearer: token, body })).status).toBe(201);
  });

  it('brute-force login: the account locks after 5 failures, then the address is rate limited', async () => {
    const address = '192.0.2.77';
    for (let i = 0; i < 5; i++) expect((await h.login('analyst-user', `wrong guess ${i}`, { address })).status).toBe(401);
    const locked = await h.login('analyst-user', PASSWORD, { address });
    expect(locked.status).toBe(401);
    expect((await h.login('analyst-user', PASSWORD, { address: '198.51.100.1' })).status).toBe(401);
    const [row] = await h.t.db.query<{ locked_until: Date | null }>(`SELECT locked_until FROM users WHERE username = 'analyst-user'`);
    expect(row!.locked_until).not.toBeNull();
    expect(new Date(row!.locked_until!).getTime()).toBeGreaterThan(Date.now());
    let limited: Response | null = null;
    for (let i = 0; i < 10 && !limited; i++) {
      const res = await h.login('analyst-user', `another guess ${i}`, { address });
      if (res.status === 429) limited = res;
      else expect(res.status).toBe(401);
    }
    expect(limited).not.toBeNull();
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    const actions = await h.t.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE target = 'user:analyst-user' ORDER BY n`);
    expect(actions.map((a) => a.action)).toContain('auth.locked');
  });

  it('API tokens are hashed at rest and stop working once revoked or their account is disabled', async () => {
    const { token, view } = await createApiToken(h.t.db, 'viewer-user', 'screening bot', 'test');
    const dump = await h.t.db.query<{ row: string }>('SELECT api_tokens::text AS row FROM api_tokens');
    expect(dump.map((d) => d.row).join('\n')).not.toContain(token.slice(4));
    expect((await h.call('GET', '/api/tokens', { bearer: token })).status).toBe(200);
    expect((await h.call('DELETE', `/api/tokens/${view.id}`, { bearer: token })).status).toBe(200);
    expect((await h.call('GET', '/api/tokens', { bearer: token })).status).toBe(401);
    const second = await createApiToken(h.t.db, 'viewer-user', 'second', 'test');
    await disableUser(h.t.db, 'viewer-user', 'test');
    expect((await h.call('GET', '/api/tokens', { bearer: second.token })).status).toBe(401);
    expect((await h.call('GET', '/api/tokens', { as: h.logins.viewer })).status).toBe(401);
  });

  it('never sends a stack trace or internal detail to a client', async () => {
    const bad = await h.call('POST', '/api/testimony', { as: h.logins.editor, rawBody: '{"pseudonym": ', headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(400);
    const failing: Services = {
      ...h.services,
      db: { ...h.t.db, kind: h.t.db.kind, location: h.t.db.location, query: async () => { throw new Error('INTERNAL-DETAIL relation "secret_table" at /srv/room39/x.ts:1:1'); } } as Services['db'],
    };
    const app = createApp(failing, path.join(os.tmpdir(), 'room39-no-web'));
    const res = await app.request('/healthz', {}, { incoming: { socket: { remoteAddress: '10.9.9.9' } } });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(/INTERNAL-DETAIL|secret_table|\.ts:\d|\n\s+at /);
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: expect.any(String) } });
  });
});

describe('rate limits per address and per account', () => {
  let h: Harness;
  beforeAll(async () => {
    // Buckets that refill once in 1,000 s: the test counts the burst, however slow the machine.
    h = await harness('pglite', { ROOM39_RATE_ADDRESS: '0.001/5', ROOM39_RATE_ACCOUNT: '0.001/3' }, { bundle: false, users: false });
  });
  afterAll(async () => h?.dispose());

  it('answers 429 with Retry-After past the burst from one address; another address is unaffected', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await h.call('GET', '/api/search?q=Kim', { address: '203.0.113.5' })).status);
    expect(statuses.slice(0, 5).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    const limited = await h.call('POST', '/match/default', { address: '203.0.113.5', body: {} });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await h.call('GET', '/api/search?q=Kim', { address: '203.0.113.6' })).status).toBe(200);
  });

  it('limits an API token across addresses', async () => {
    const { createUser } = await import('../../src/auth/service.ts');
    await createUser(h.t.db, { username: 'bot', role: 'viewer', password: PASSWORD }, 'test');
    const { token } = await createApiToken(h.t.db, 'bot', 'bot', 'test');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await h.call('GET', '/api/search?q=Kim', { bearer: token, address: `203.0.113.${100 + i}` })).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });
});
