/**
 * A planted protected marker is found nowhere it should not be. A testimony
 * whose pseudonym, place, narrative and note carry a unique marker is
 * recorded through the real server (a child process); then every output is
 * searched for the marker: the server's log lines, error messages, search
 * results, entity pages, audit records, answers to every role that may not
 * read testimony, the public FtM export, every table of the
 * database and every byte of the data directory. The editor's own read is
 * the positive control: the marker is there, so the search can find it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSettings } from '../../src/config/settings.ts';
import { openServices } from '../../src/services.ts';
import { createUser } from '../../src/auth/service.ts';
import { ROLES, type Role } from '../../src/auth/roles.ts';
import { writeNewKeyFile } from '../../src/testimony/keyring.ts';
import { runCli, startServer, type ServerProcess } from './server-process.ts';
import { loadedDataDir } from '../support/services.ts';
import { backends, freshDb } from '../support/db.ts';
import { REPO_ROOT } from '../../src/config/settings.ts';

const MARKER = `R39LEAK${randomBytes(6).toString('hex')}`;
const PASSWORD = 'leak test passphrase';
const LINKED = 'r39-mansudae-overseas-project-group';

function allFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** A bundle root with the curated dataset and the seed documents but no official lists. */
function curatedOnlyBundle(root: string): string {
  const dir = path.join(root, 'bundle');
  fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
  for (const part of ['dataset', 'sources', 'examples']) fs.symlinkSync(path.join(REPO_ROOT, 'data', part), path.join(dir, 'data', part));
  return dir;
}

describe.each(backends())('a planted protected marker leaks nowhere (%s)', (backend) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-leak-'));
  let dataDir = '';
  const keyFile = path.join(root, 'testimony.key');
  const env: Record<string, string> = { ROOM39_DATA: '', ROOM39_KEY_FILE: keyFile, DATABASE_URL: '', ROOM39_KEY: '' };
  let dropDatabase: (() => Promise<void>) | null = null;
  let server: ServerProcess | null = null;
  const sessions = {} as Record<Role, { cookie: string; csrf: string }>;
  const seen: { where: string; text: string }[] = [];
  let testimonyId = '';

  const req = async (method: string, p: string, who: Role | null, body?: unknown, headers: Record<string, string> = {}) => {
    const h: Record<string, string> = { ...headers };
    if (who) {
      h.cookie = sessions[who].cookie;
      h['x-csrf-token'] = sessions[who].csrf;
    }
    if (body !== undefined) h['content-type'] = 'application/json';
    const res = await fetch(`${server!.url}${p}`, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    seen.push({ where: `${who ?? 'anonymous'} ${method} ${p} → ${res.status}`, text: `${[...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}\n${text}` });
    return { status: res.status, text, headers: res.headers };
  };

  const settings = () => readSettings({ dataDir, databaseUrl: env.DATABASE_URL || null }, { ...process.env, ...env });

  beforeAll(async () => {
    if (backend === 'pglite') {
      dataDir = await loadedDataDir(); // a copy of the suite-wide loaded store, as a first start would leave it
    } else {
      dataDir = path.join(root, 'unused-data-dir');
      const pg = await freshDb('postgres');
      env.DATABASE_URL = pg.location;
      env.ROOM39_BUNDLE = curatedOnlyBundle(root);
      await pg.db.close();
      dropDatabase = async () => {
        const { default: pgClient } = await import('pg');
        const admin = new pgClient.Client({ connectionString: process.env.TEST_DATABASE_URL });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS "${new URL(pg.location).pathname.slice(1)}" WITH (FORCE)`);
        await admin.end();
      };
    }
    env.ROOM39_DATA = dataDir;
    writeNewKeyFile(keyFile);
    const services = await openServices(settings());
    const [{ n }] = (await services.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users')) as [{ n: number }];
    expect(n).toBe(0); // a new deployment has no account, hence no default credentials
    for (const role of ROLES) await createUser(services.db, { username: `${role}1`, role, password: PASSWORD }, 'test');
    await services.close();
    server = await startServer(env);
    for (const role of ROLES) {
      const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: `${role}1`, password: PASSWORD }) });
      expect(res.status).toBe(200);
      const cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
      sessions[role] = { cookie, csrf: ((await res.json()) as { csrf_token: string }).csrf_token };
    }
  }, 300_000);

  afterAll(async () => {
    await server?.stop();
    await dropDatabase?.();
    fs.rmSync(root, { recursive: true, force: true });
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);

  it('no default admin: the usual guesses do not log in', async () => {
    for (const [u, p] of [['admin', 'admin'], ['admin', 'password'], ['root', 'root'], ['room39', 'room39']]) {
      const res = await fetch(`${server!.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '1.2.3.4' }, body: JSON.stringify({ username: u, password: p }) });
      expect(res.status).toBe(401);
    }
  });

  it('records the testimony, and only an editor or admin reads it back', async () => {
    const created = await req('POST', '/api/testimony', 'editor', {
      pseudonym: `Witness ${MARKER}-P, 38, Hoeryong`, interview_place: `${MARKER}-PLACE, Seoul`, interview_date: '2024-05-02',
      narrative: `We were sent to the logging camp. The helper ${MARKER}-NARR sheltered us.`, note: `${MARKER}-NOTE`,
      linked_entities: [LINKED], consent: 'restricted', sharing_terms: 'not for publication',
    });
    expect(created.status).toBe(201);
    testimonyId = (JSON.parse(created.text) as { testimony: { id: string } }).testimony.id;
    expect(created.text).not.toContain(MARKER);
    const read = await fetch(`${server!.url}/api/testimony/${testimonyId}`, { headers: { cookie: sessions.editor.cookie } });
    const body = await read.text();
    expect(read.status).toBe(200);
    for (const part of ['-P', '-PLACE', '-NARR', '-NOTE']) expect(body).toContain(`${MARKER}${part}`); // positive control
    for (const who of [null, 'viewer', 'analyst'] as const) {
      const r = await req('GET', `/api/testimony/${testimonyId}`, who);
      expect(r.status).toBe(who ? 403 : 401);
    }
    // Withdrawn consent: even an editor is refused; an admin may read.
    const etag = read.headers.get('etag')!;
    expect((await req('PUT', `/api/testimony/${testimonyId}`, 'editor', { consent: 'withdrawn' }, { 'if-match': etag })).status).toBe(200);
    expect((await req('GET', `/api/testimony/${testimonyId}`, 'editor')).status).toBe(403);
    const admin = await fetch(`${server!.url}/api/testimony/${testimonyId}`, { headers: { cookie: sessions.admin.cookie } });
    expect(await admin.text()).toContain(MARKER);
  });

  it('errors, searches, entity pages, lists and the audit trail never carry it', { timeout: 600_000 }, async () => {
    await req('POST', '/api/testimony', 'editor', { pseudonym: `${MARKER}`.repeat(60), narrative: MARKER });
    await req('POST', '/api/testimony', 'editor', { pseudonym: MARKER, narrative: MARKER, consent: MARKER });
    await req('POST', '/api/testimony', 'editor', { pseudonym: MARKER, narrative: MARKER, linked_entities: [`${MARKER} not an id`], interview_date: MARKER });
    await req('POST', '/api/testimony', 'editor', { pseudonym: 7, narrative: [MARKER], reliability: MARKER });
    await req('POST', '/api/testimony', 'viewer', { pseudonym: MARKER, narrative: MARKER });
    await req('PUT', `/api/testimony/${testimonyId}`, 'editor', { narrative: MARKER }, { 'if-match': '"1"' });
    await req('PUT', `/api/testimony/${testimonyId}`, 'editor', { narrative: MARKER }, { 'if-match': MARKER });
    await req('GET', `/api/testimony/${MARKER}`, 'editor');
    for (const who of [null, ...ROLES] as const) {
      await req('GET', `/api/search?q=${MARKER}`, who);
      await req('GET', '/api/search?q=Witness', who);
      await req('GET', `/api/entities/${LINKED}`, who);
      await req('GET', `/api/network/${LINKED}`, who);
      await req('GET', '/api/timeline', who);
      await req('GET', '/api/changes', who);
      await req('GET', '/api/testimony', who);
      await req('GET', `/api/testimony?entity=${LINKED}`, who);
      await req('GET', '/api/audit?limit=1000', who);
      await req('POST', '/match/default', who, { queries: { q: { schema: 'Person', properties: { name: [MARKER] } } } });
      await req('POST', '/api/screen', who, { name: MARKER });
      await req('POST', '/reconcile', who, { queries: { q0: { query: MARKER }, q1: { query: 'Witness Hoeryong' } } });
      await req('GET', `/reconcile?queries=${encodeURIComponent(JSON.stringify({ q0: { query: MARKER } }))}`, who);
      await req('GET', '/api/countries', who);
      await req('GET', '/api/countries/ru', who);
      await req('GET', '/api/headline', who);
      await req('GET', '/api/review?limit=100', who);
      await req('GET', '/api/estimate?year=2017&seed=1', who);
    }
    // The doors answered (a request that failed would prove nothing).
    for (const door of ['/api/countries', '/api/headline', '/reconcile']) {
      expect(seen.filter((s) => s.where.startsWith('anonymous') && s.where.includes(` ${door}`) && / 200$/.test(s.where)).length, door).toBeGreaterThan(0);
    }
    expect(seen.some((s) => s.where.startsWith('analyst GET /api/review') && / 200$/.test(s.where))).toBe(true);
    const audit = seen.find((s) => s.where.startsWith('admin GET /api/audit'))!;
    expect(audit.text).toContain('testimony.read'); // the reads were recorded …
    expect(audit.text).toContain('testimony.read_refused');
    // The stored values are MARKER-P, -PLACE, -NARR, -NOTE: none may appear in any answer. Queries sent to the
    // public doors carry the bare marker and may echo it back; answers of the testimony routes may not even echo.
    const stored = seen.filter((s) => s.text.includes(`${MARKER}-`));
    expect(stored.map((l) => l.where)).toEqual([]);
    const echoed = seen.filter((s) => / \/api\/testimony/.test(s.where) && !s.where.includes(MARKER) && s.text.includes(MARKER));
    expect(echoed.map((l) => l.where)).toEqual([]);
  });

  it('the server log, the exports and the store hold it only encrypted', { timeout: 600_000 }, async () => {
    const code = await server!.stop();
    expect(code === 0 || code === null).toBe(true);
    expect(server!.output()).not.toContain(MARKER);
    const pub = path.join(root, 'public.ftm.json');
    const e1 = runCli(['export', 'ftm', '--public', '--out', pub], env);
    expect(e1.status, e1.stderr).toBe(0);
    expect(fs.statSync(pub).size).toBeGreaterThan(1000);
    expect(fs.readFileSync(pub, 'utf8')).not.toContain(MARKER);
    expect(e1.stdout + e1.stderr).not.toContain(MARKER);

    const shown = runCli(['testimony', 'show', testimonyId, '--json'], env);
    expect(shown.stdout).toContain(MARKER); // positive control: the operator with the key reads it

    const services = await openServices(settings());
    const tables = await services.db.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
    expect(tables.length).toBeGreaterThan(10);
    for (const { table_name } of tables) {
      const rows = await services.db.query<{ row: string }>(`SELECT t::text AS row FROM "${table_name.replace(/"/g, '')}" t`);
      expect(rows.filter((r) => r.row.includes(MARKER)).length, table_name).toBe(0);
    }
    const [enc] = await services.db.query<{ narrative_enc: string }>('SELECT narrative_enc FROM testimonies WHERE id = $1', [testimonyId]);
    expect(enc!.narrative_enc).toMatch(/^v1:[0-9a-f]{16}:/);
    await services.close();
    if (backend === 'postgres') return; // the database files belong to the PostgreSQL server
    const needle = Buffer.from(MARKER);
    const hits = allFiles(dataDir).filter((f) => fs.readFileSync(f).includes(needle));
    expect(hits).toEqual([]);
  });
});
