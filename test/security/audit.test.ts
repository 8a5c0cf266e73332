/**
 * The audit trail is append-only and hash-chained: the database refuses
 * updates and deletes, and `verifyAudit` (room39 audit verify) detects a
 * record edited, deleted, reordered or cut off the end by someone who went
 * around the triggers (a superuser with the database files).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit, verifyAudit } from '../../src/audit/log.ts';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { backends, freshDb, type TestDb } from '../support/db.ts';

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

describe('room39 audit verify', () => {
  it('exits 1 and names the record when the log was tampered with', async () => {
    const t = await withRecords('pglite', 4);
    await tamper(t, `UPDATE audit_log SET target = 'tm-other' WHERE n = 2`);
    await t.db.close();
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/room39.js'), 'audit', 'verify', '--json', '--data', t.location], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status).toBe(1);
    const out = JSON.parse(run.stdout) as { ok: boolean; problems: { n: number }[] };
    expect(out.ok).toBe(false);
    expect(out.problems.map((p) => p.n)).toContain(2);
    await t.dispose();
  });
});
