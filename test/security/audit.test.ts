/**
 * The audit trail is append-only and hash-chained: the database refuses
 * updates and deletes, and `verifyAudit` (room39 audit verify) detects a
 * record edited, deleted, reordered or cut off the end by someone who went
 * around the triggers (a superuser with the database files), to the
 * microsecond of a timestamp; what the chain alone cannot show (the newest
 * records deleted and the head rewritten) an outside anchor does.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit, recordHash, verifyAudit } from '../../src/audit/log.ts';
import { checkAnchors, makeAnchor, readAnchors, writeAnchor } from '../../src/audit/anchor.ts';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { backends, freshDb, type TestDb } from '../support/db.ts';
import { MAX_OUTPUT } from '../support/child.ts';

async function withRecords(backend: Parameters<typeof freshDb>[0], n = 6): Promise<TestDb> {
  const t = await freshDb(backend);
  for (let i = 1; i <= n; i++) {
    await appendAudit(t.db, { actor: `user:editor${i % 2}`, action: 'testimony.update', target: `tm-${i}`, before: { version: i, nested: { b: 1, a: [1, 2] } }, after: { version: i + 1, ratio: 0.25 } });
  }
  return t;
}

/** Goes around the append-only triggers, as an attacker with superuser access would. */
async function tamper(t: TestDb, sql: string, params: unknown[] = []) {
  await t.db.transaction(async (tx) => {
    await tx.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
    await tx.query(sql, params);
    await tx.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
  });
}

describe.each(backends())('audit trail on %s', (backend) => {
  let t: TestDb | null = null;
  afterEach(async () => {
    await t?.dispose();
    t = null;
  });

  it('chains records, and the database refuses updates, deletes and truncation', async () => {
    t = await withRecords(backend);
    const ok = await verifyAudit(t.db);
    expect(ok).toMatchObject({ ok: true, records: 6, problems: [] });
    expect(ok.head.n).toBe(6);
    await expect(t.db.query(`UPDATE audit_log SET actor = 'someone-else' WHERE n = 2`)).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM audit_log WHERE n = 6')).rejects.toThrow(/append-only/);
    await expect(t.db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });

  it('detects an edited record', async () => {
    t = await withRecords(backend);
    await tamper(t, `UPDATE audit_log SET actor = 'user:nobody' WHERE n = 3`);
    const v = await verifyAudit(t.db);
    expect(v.ok).toBe(false);
    expect(v.problems).toContainEqual({ n: 3, problem: expect.stringMatching(/edited/) });
  });

  it('detects an edited before/after value', async () => {
    t = await withRecords(backend);
    await tamper(t, `UPDATE audit_log SET after = '{"version": 99, "ratio": 0.25}'::jsonb WHERE n = 4`);
    const v = await verifyAudit(t.db);
    expect(v.problems.map((p) => p.n)).toContain(4);
  });

  it('detects a deleted record', async () => {
    t = await withRecords(backend);
    await tamper(t, 'DELETE FROM audit_log WHERE n = 2');
    const v = await verifyAudit(t.db);
    expect(v.ok).toBe(false);
    expect(v.problems.some((p) => /missing|deleted/.test(p.problem))).toBe(true);
  });

  it('detects reordered records', async () => {
    t = await withRecords(backend);
    await tamper(t, 'UPDATE audit_log SET n = CASE n WHEN 3 THEN 4 WHEN 4 THEN 3 END + 100 WHERE n IN (3, 4)');
    await tamper(t, 'UPDATE audit_log SET n = n - 100 WHERE n > 100');
    const v = await verifyAudit(t.db);
    expect(v.ok).toBe(false);
    expect(v.problems.map((p) => p.n)).toEqual(expect.arrayContaining([3, 4]));
  });

  it('detects records cut off the end', async () => {
    t = await withRecords(backend);
    await tamper(t, 'DELETE FROM audit_log WHERE n >= 5');
    const v = await verifyAudit(t.db);
    expect(v.ok).toBe(false);
    expect(v.problems.some((p) => /cut off|head/.test(p.problem))).toBe(true);
  });

  it('hashes the time as stored, to the microsecond: a timestamp moved by 1 µs is found', async () => {
    t = await withRecords(backend);
    const [r] = await t.db.query<{ at: string }>(`SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at FROM audit_log WHERE n = 3`);
    expect(r!.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    await tamper(t, `UPDATE audit_log SET at = at + interval '1 microsecond' WHERE n = 3`);
    const v = await verifyAudit(t.db);
    expect(v.ok).toBe(false);
    expect(v.problems).toContainEqual({ n: 3, problem: expect.stringMatching(/edited/) });
  });

  it('still verifies a record written before hashing to the microsecond (its time stored to the millisecond)', async () => {
    t = await withRecords(backend, 2);
    const [head] = await t.db.query<{ hash: string }>('SELECT hash FROM audit_head WHERE id = 1');
    const old = { n: 3, at: '2026-01-02T03:04:05.678Z', actor: 'user:old', action: 'user.create', target: 'user:x', before: null, after: { role: 'viewer' }, meta: null, prev_hash: head!.hash };
    const hash = recordHash(old);
    await tamper(t, `INSERT INTO audit_log (n, at, actor, action, target, after, prev_hash, hash) VALUES (3, $1, $2, $3, $4, $5::jsonb, $6, $7)`,
      [old.at, old.actor, old.action, old.target, JSON.stringify(old.after), old.prev_hash, hash]);
    await t.db.query('UPDATE audit_head SET n = 3, hash = $1 WHERE id = 1', [hash]);
    expect(await verifyAudit(t.db)).toMatchObject({ ok: true, records: 3 });
    await tamper(t, `UPDATE audit_log SET at = at + interval '5 microseconds' WHERE n = 3`);
    expect((await verifyAudit(t.db)).ok).toBe(false);
  });

  it('an outside anchor shows newest records deleted and the head rewritten, which the chain alone cannot', async () => {
    t = await withRecords(backend);
    const anchor = await makeAnchor(t.db);
    expect(anchor).toMatchObject({ n: 6, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await checkAnchors(t.db, [anchor])).toEqual([]);
    // The attack: delete records 5 and 6 and point the head at record 4.
    await tamper(t, 'DELETE FROM audit_log WHERE n >= 5');
    await t.db.query(`UPDATE audit_head SET n = 4, hash = (SELECT hash FROM audit_log WHERE n = 4) WHERE id = 1`);
    expect((await verifyAudit(t.db)).ok).toBe(true); // the chain alone cannot tell
    const problems = await checkAnchors(t.db, [anchor]);
    expect(problems).toEqual([{ n: 6, problem: expect.stringMatching(/gone: records were cut off/) }]);
    // Records appended after the cut, to look like the old head, do not match it either.
    await appendAudit(t.db, { actor: 'user:forger', action: 'noop' });
    await appendAudit(t.db, { actor: 'user:forger', action: 'noop' });
    expect((await checkAnchors(t.db, [anchor]))[0]!.problem).toMatch(/differs from the head anchored/);
  });

  it('detects a forged record inserted in the middle', async () => {
    t = await withRecords(backend);
    await tamper(t, 'UPDATE audit_log SET n = n + 100 WHERE n >= 4');
    await tamper(t, 'UPDATE audit_log SET n = n - 99 WHERE n > 100');
    const [r3] = await t.db.query<{ hash: string }>('SELECT hash FROM audit_log WHERE n = 3');
    await tamper(t, `INSERT INTO audit_log (n, at, actor, action, target, prev_hash, hash) VALUES (4, now(), 'user:forger', 'testimony.read', 'tm-x', $1, 'f00')`, [r3!.hash]);
    const v = await verifyAudit(t.db);
    expect(v.ok).toBe(false);
  });
});

describe('anchors outside the database', () => {
  it('appends one owner-only JSON line per anchor to a file, and posts it to a webhook', async () => {
    const t = await withRecords('pglite', 3);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-anchor-'));
    const file = path.join(dir, 'anchors.jsonl');
    const received: string[] = [];
    const hook = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString('utf8')));
      req.on('end', () => { received.push(body); res.writeHead(204).end(); });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    const port = (hook.address() as { port: number }).port;
    try {
      const a1 = await makeAnchor(t.db);
      await writeAnchor(a1, { file, webhook: `http://127.0.0.1:${port}/anchor` });
      await appendAudit(t.db, { actor: 'system', action: 'noop' });
      await writeAnchor(await makeAnchor(t.db), { file });
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      const anchors = readAnchors(file);
      expect(anchors.map((a) => a.n)).toEqual([3, 4]);
      expect(JSON.parse(received[0]!)).toEqual(a1);
    } finally {
      hook.close();
      await t.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('room39 audit verify', { timeout: 900_000 }, () => {
  it('with --anchors: exits 1 when records anchored outside were cut off, though the chain itself verifies', async () => {
    const t = await withRecords('pglite', 5);
    await t.db.close();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-anchor-'));
    const file = path.join(dir, 'anchors.jsonl');
    const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/room39.js'), 'audit', ...args, '--json', '--data', t.location], { encoding: 'utf8', maxBuffer: MAX_OUTPUT, timeout: 600_000 });
    const made = cli('anchor', '--out', file);
    expect(made.status, made.stderr).toBe(0);
    expect((JSON.parse(made.stdout) as { anchor: { n: number } }).anchor.n).toBe(5);
    expect(cli('verify', '--anchors', file).status).toBe(0);
    const { openDb } = await import('../../src/store/db.ts');
    const db = await openDb({ dataDir: t.location });
    await db.transaction(async (tx) => {
      await tx.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
      await tx.query('DELETE FROM audit_log WHERE n = 5');
      await tx.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
      await tx.query(`UPDATE audit_head SET n = 4, hash = (SELECT hash FROM audit_log WHERE n = 4) WHERE id = 1`);
    });
    await db.close();
    expect(cli('verify').status).toBe(0);
    const run = cli('verify', '--anchors', file);
    expect(run.status).toBe(1);
    expect((JSON.parse(run.stdout) as { problems: { n: number }[] }).problems.map((p) => p.n)).toEqual([5]);
    fs.rmSync(dir, { recursive: true, force: true });
    await t.dispose();
  });


  it('exits 1 and names the record when the log was tampered with', async () => {
    const t = await withRecords('pglite', 4);
    await tamper(t, `UPDATE audit_log SET target = 'tm-other' WHERE n = 2`);
    await t.db.close();
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/room39.js'), 'audit', 'verify', '--json', '--data', t.location], { encoding: 'utf8', maxBuffer: MAX_OUTPUT, timeout: 600_000 });
    expect(run.status).toBe(1);
    const out = JSON.parse(run.stdout) as { ok: boolean; problems: { n: number }[] };
    expect(out.ok).toBe(false);
    expect(out.problems.map((p) => p.n)).toContain(2);
    await t.dispose();
  });
});
