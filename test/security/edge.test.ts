/**
 * The edge of the server (issue 16, findings 4 and 5): control characters in
 * paths, query strings and header values answer 400 (bodies keep their line
 * breaks and tabs); a refused attempt at protected material is still in the
 * audit trail; the log is JSON lines no request can forge; one address
 * flooding a protected path with refused requests is rate limited before the
 * audit trail, and what it tried is counted in one record.
 */
import net from 'node:net';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, verifyAudit } from '../../src/audit/log.ts';
import { harness, type Harness } from './support.ts';
import { startServer, type ServerProcess } from './server-process.ts';
import { loadedDataDir } from '../support/services.ts';

const BAD_URLS = [
  '/api/testimony/tm-x%00', '/api/users/x%00', '/api/search?q=Kim&title=%00', '/api/search?q=Kim%0a{"level":50}',
  '/api/entities/r39-office-39%0d%0aX-Injected:%201', '/healthz%1b[2J', '/api/search?q=%7f', '/api/search?q=%C2%85',
];

describe('control characters at the edge (in process)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness('pglite', {}, { bundle: false });
  });
  afterAll(async () => h?.dispose());

  it('answers 400 for a control character in the path or query, for every role, without echoing it', async () => {
    for (const url of BAD_URLS) {
      for (const as of [null, h.logins.editor, h.logins.admin]) {
        const res = await h.call('GET', url, { as });
        expect(res.status, url).toBe(400);
        const body = (await res.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe('invalid_input');
        expect(body.error.message).toMatch(/^the (path|query string) holds a control character/);
        expect(body.error.message).not.toMatch(/Injected|level/);
      }
    }
  });

  it('answers 400 for a control character in a header value; a tab is allowed', async () => {
    const bad = await h.call('GET', '/api/search?q=Kim', { headers: { 'x-note': 'a\u0001b' } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/x-note header/);
    expect((await h.call('GET', '/api/search?q=Kim', { headers: { 'x-note': 'a\tb' } })).status).toBe(200);
  });

  it('keeps line breaks and tabs in bodies', async () => {
    const csv = 'name,country\r\nKorea Mining Development Trading Corporation,KP\r\n"Mansudae\tArt Studio",KP\n';
    const res = await h.call('POST', '/api/screen', { rawBody: csv, headers: { 'content-type': 'text/csv' } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { rows: unknown[] }).rows).toHaveLength(2);
  });

  it('records the refused attempt at protected material, NUL and all, and the chain still verifies', async () => {
    const before = await h.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'access.refused'`);
    expect((await h.call('GET', '/api/testimony/tm-probe%00', { address: '198.51.100.40' })).status).toBe(400);
    const rows = await h.t.db.query<{ actor: string; target: string; meta: { reason: string } }>(
      `SELECT actor, target, meta FROM audit_log WHERE action = 'access.refused' ORDER BY n DESC LIMIT 1`);
    expect((await h.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'access.refused'`))[0]!.n).toBe(before[0]!.n + 1);
    expect(rows[0]).toMatchObject({ actor: 'anonymous@198.51.100.40', target: '/api/testimony/tm-probe\ufffd', meta: { reason: 'control_character' } });
    // The audit trail itself never loses a record to a NUL in a name.
    await appendAudit(h.t.db, { actor: 'user:a\u0000b', action: 'test.nul', target: 'x\u0000y', meta: { v: 'p\u0000q' } });
    expect((await verifyAudit(h.t.db)).ok).toBe(true);
  });
});

describe('refused requests are rate limited before the audit trail', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness('pglite', { ROOM39_RATE_REFUSED: '0.1/10' }, { bundle: false });
  });
  afterAll(async () => h?.dispose());

  const count = async (action: string) => (await h.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE action = $1', [action]))[0]!.n;

  it('one anonymous address: the first refusals are recorded, the rest answered 429 and counted in one record', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 300; i++) statuses.push((await h.call('GET', `/api/testimony/tm-${i % 7}`, { address: '203.0.113.9' })).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
    expect(await count('access.refused')).toBe(10);
    // Another address is not affected by the first one's flood.
    expect((await h.call('GET', '/api/testimony/tm-0', { address: '203.0.113.10' })).status).toBe(401);
    expect(await count('access.refused')).toBe(11);
    await (await import('../../src/server/security-state.ts')).securityState(h.services).refusals.flush();
    const [agg] = await h.t.db.query<{ actor: string; meta: { count: number; address: string; targets: string[]; actions: string[] } }>(
      `SELECT actor, meta FROM audit_log WHERE action = 'access.refused_repeated'`);
    expect(agg).toMatchObject({ actor: 'anonymous@203.0.113.9', meta: { address: '203.0.113.9', count: 290, actions: ['access.refused'] } });
    expect(agg!.meta.targets).toHaveLength(7);
    expect(await count('access.refused_repeated')).toBe(1);
  });
});

/** Sends a request exactly as given over a socket (fetch and http.request would re-encode or refuse it). */
function rawGet(base: string, target: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname, () => {
      const extra = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
      socket.write(`GET ${target} HTTP/1.1\r\nHost: ${url.host}\r\n${extra}Connection: close\r\n\r\n`, 'latin1');
    });
    let text = '';
    socket.on('data', (d: Buffer) => (text += d.toString('utf8')));
    socket.on('end', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), body: text }));
    socket.on('error', reject);
  });
}

describe('from outside, against a running server', () => {
  let server: ServerProcess | null = null;
  let dataDir = '';
  beforeAll(async () => {
    dataDir = await loadedDataDir();
    server = await startServer({ ROOM39_DATA: dataDir, DATABASE_URL: '', ROOM39_KEY: '', ROOM39_KEY_FILE: '' });
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('control characters answer 400, and every line the server logs is one JSON object', async () => {
    for (const target of BAD_URLS) expect((await rawGet(server!.url, target)).status, target).toBe(400);
    expect((await rawGet(server!.url, '/api/search?q=Kim', { 'x-note': 'a\u0001b' })).status).toBe(400);
    expect((await rawGet(server!.url, '/healthz')).status).toBe(200);
    await server!.stop();
    const lines = server!.output().split('\n').filter((l) => l.trim() !== '');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) {
      const entry = JSON.parse(line) as { msg?: string; level?: number };
      expect(typeof entry.msg, line).toBe('string');
    }
    expect(lines.some((l) => /"msg":"serving http:\/\/127\.0\.0\.1:\d+ /.test(l))).toBe(true);
  });
});
