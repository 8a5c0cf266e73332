/**
 * Migration 056 on a store made before it: the cases there keep every row (their results and decisions with
 * them), each gets the owner src/cases/access.ts `caseOwnerKey` names (the SQL and the TypeScript agree on each
 * form `created_by` takes), and a name is then unique per owner instead of across owners. On PGlite, and on
 * PostgreSQL when TEST_DATABASE_URL is set.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/store/db.ts';
import { listMigrations, migrate } from '../../src/store/migrate.ts';
import { caseOwnerKey, findCase, getCase } from '../../src/cases/index.ts';
import { backends, type Backend } from '../support/db.ts';

const MIGRATION = '056_case_names_per_owner';

/** An empty store with no migration applied, and how to throw it away. */
async function blankStore(backend: Backend): Promise<{ db: Db; dispose(): Promise<void> }> {
  if (backend === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-blank-'));
    const db = await openDb({ dataDir: dir, migrate: false });
    return { db, async dispose() { await db.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `room39_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDb({ databaseUrl: url.toString(), migrate: false });
  return {
    db,
    async dispose() {
      await db.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** The forms `created_by` takes: a session, an API token (another case of the same account), the command line, room39's own. */
const MAKERS = ['user:Analyst-One', 'token:analyst-one/tok-123', 'cli:operator', 'test', 'user:odd:name'];

const insertCase = (db: Db, id: string, name: string, createdBy: string) => db.query(
  `INSERT INTO cases (id, name, created_by, file_name, file_sha256, threshold, cutoff, result_limit, dataset, algorithm, row_count, status)
   VALUES ($1, $2, $3, 'suppliers.csv', '', 0.7, 0.5, 5, 'default', 'logic-v1', 1, 'ready')`, [id, name, createdBy]);

describe.each(backends())('migration 056 on %s', (backend) => {
  it('keeps the cases made before it, gives each its owner, and makes names unique per owner', async () => {
    const store = await blankStore(backend);
    const { db } = store;
    try {
      // Every migration before 056 (056 and any later one held back), as a store made before it was.
      const later = listMigrations().map((m) => m.id).filter((id) => id >= MIGRATION);
      expect(later[0]).toBe(MIGRATION);
      await db.exec('CREATE TABLE schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      for (const id of later) await db.query('INSERT INTO schema_migrations (id) VALUES ($1)', [id]);
      await migrate(db);
      for (const [i, by] of MAKERS.entries()) await insertCase(db, `case-old-${i}`, `Suppliers ${i}`, by);
      await db.query(`INSERT INTO case_rows (case_id, row_no, input) VALUES ('case-old-0', 1, '{"name":"KOMID"}')`);
      await db.query(`INSERT INTO case_decisions (id, case_id, row_no, entity_id, decision, reason, actor) VALUES ('dec-1', 'case-old-0', 1, 'r39-komid', 'confirmed', 'same', 'user:Analyst-One')`);
      // Before it, a name was one across owners: the old rule that told one analyst of another's case.
      await expect(insertCase(db, 'case-other', 'Suppliers 0', 'user:analyst-two')).rejects.toThrow(/unique|duplicate/i);

      await db.query('DELETE FROM schema_migrations WHERE id = ANY($1::text[])', [later]);
      expect(await migrate(db)).toEqual(later);

      const kept = await db.query<{ id: string; name: string; created_by: string; owner: string }>('SELECT id, name, created_by, owner FROM cases ORDER BY id');
      expect(kept.map((k) => [k.id, k.name, k.created_by])).toEqual(MAKERS.map((by, i) => [`case-old-${i}`, `Suppliers ${i}`, by]));
      for (const k of kept) expect(k.owner, k.created_by).toBe(caseOwnerKey(k.created_by));
      expect(kept.map((k) => k.owner)).toEqual(['user:analyst-one', 'user:analyst-one', 'cli:operator', 'test', 'user:odd:name']);
      expect((await db.query<{ n: number }>("SELECT count(*)::int AS n FROM case_rows WHERE case_id = 'case-old-0'"))[0]!.n).toBe(1);
      expect((await db.query<{ n: number }>("SELECT count(*)::int AS n FROM case_decisions WHERE case_id = 'case-old-0'"))[0]!.n).toBe(1);
      expect((await getCase(db, 'Suppliers 2')).id).toBe('case-old-2');

      // Another owner may now use the name; its owner may not, under another of its account's doors either.
      await insertCase(db, 'case-other', 'Suppliers 0', 'user:analyst-two');
      await expect(insertCase(db, 'case-again', 'Suppliers 0', 'token:ANALYST-ONE/tok-9')).rejects.toThrow(/unique|duplicate/i);
      await expect(insertCase(db, 'case-again', 'Suppliers 2', 'cli:operator')).rejects.toThrow(/unique|duplicate/i);
      await insertCase(db, 'case-cli-two', 'Suppliers 2', 'cli:someone-else');
      // The new column stays inside: a case record is shown as before.
      expect(Object.keys((await findCase(db, 'case-other'))!)).not.toContain('owner');
    } finally {
      await store.dispose();
    }
  }, 600_000);
});
