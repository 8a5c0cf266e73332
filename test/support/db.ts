/**
 * Databases for tests: a fresh PGlite in a temporary directory (a copy of an
 * empty store made once per run and migrated: creating a PGlite directory
 * costs seconds of CPU each time), and — when
 * TEST_DATABASE_URL points at a PostgreSQL server (scripts/test.sh starts
 * one) — a fresh database on that server. `backends()` lists both, so store
 * tests run against each; with ROOM39_REQUIRE_POSTGRES=1 a missing server
 * fails the suite instead of quietly testing less.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDb, type Db } from '../../src/store/db.ts';
import { copyTemplate, ensureTemplateDir, templateDir } from './template.ts';

export type Backend = 'pglite' | 'postgres';

export function backends(): Backend[] {
  if (process.env.TEST_DATABASE_URL) return ['pglite', 'postgres'];
  if (process.env.ROOM39_REQUIRE_POSTGRES === '1') {
    throw new Error('ROOM39_REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set: start PostgreSQL with scripts/test.sh');
  }
  return ['pglite'];
}

export interface TestDb {
  db: Db;
  /** Where it lives: the PGlite directory or the PostgreSQL URL of the fresh database. */
  location: string;
  dispose(): Promise<void>;
}

/** An empty PGlite store with every migration applied, closed: what `openDb` leaves in a new directory. */
function emptyPgliteTemplate(): Promise<string> {
  const dir = templateDir('room39-test-empty-pglite', ['src/store/migrations', 'src/store/migrate.ts', 'src/store/db.ts', 'node_modules/@electric-sql/pglite/package.json']);
  return ensureTemplateDir(dir, async (d) => {
    await (await openDb({ dataDir: d })).close();
  });
}

/** Fills `dir` (new or empty) with a copy of the empty migrated PGlite store, for a test that opens the directory itself; returns `dir`. */
export async function emptyPgliteDir(dir: string): Promise<string> {
  fs.cpSync(await emptyPgliteTemplate(), dir, { recursive: true });
  for (const f of ['room39.lock', '.complete']) fs.rmSync(path.join(dir, f), { force: true });
  return dir;
}

/** Key of the advisory lock under which one test process makes the empty migrated PostgreSQL template. */
const TEMPLATE_LOCK = 0x726f6f6d3339;

/**
 * The name of an empty PostgreSQL database with every migration applied, made once per migration set on the
 * test server (the others wait on an advisory lock): a test database is copied from it (CREATE DATABASE …
 * TEMPLATE) instead of being migrated from scratch. scripts/test.sh drops it with the run's role.
 */
async function emptyPostgresTemplate(admin: pg.Client, adminUrl: string): Promise<string> {
  const name = `room39_template_${path.basename(templateDir('pg', ['src/store/migrations', 'src/store/migrate.ts', 'src/store/db.ts'])).slice(3)}`;
  await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
  try {
    const [found] = (await admin.query<{ ok: boolean }>('SELECT true AS ok FROM pg_database WHERE datname = $1', [name])).rows;
    if (found) return name;
    const building = `${name}_building`;
    await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${building}`);
    const url = new URL(adminUrl);
    url.pathname = `/${building}`;
    await (await openDb({ databaseUrl: url.toString() })).close();
    // Renamed only once complete: a process killed while migrating leaves no template that looks whole.
    await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    return name;
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
  }
}

export async function freshDb(backend: Backend = 'pglite'): Promise<TestDb> {
  if (backend === 'pglite') {
    const dir = copyTemplate(await emptyPgliteTemplate(), 'room39-test-');
    const db = await openDb({ dataDir: dir });
    return {
      db,
      location: dir,
      async dispose() {
        await db.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `room39_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${await emptyPostgresTemplate(admin, adminUrl)}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDb({ databaseUrl: url.toString() });
  return {
    db,
    location: url.toString(),
    async dispose() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
