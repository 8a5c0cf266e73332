/** Applies the SQL files of src/store/migrations in order, each once, each in its own transaction. */
import fs from 'node:fs';
import path from 'node:path';
import type { Db, Queryable } from './db.ts';

const MIGRATIONS_DIR = path.join(path.dirname(new URL(import.meta.url).pathname), 'migrations');

export interface Migration {
  id: string;
  sql: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ id: f.replace(/\.sql$/, ''), sql: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

export async function migrate(db: Db): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const done = new Set((await db.query<{ id: string }>('SELECT id FROM schema_migrations')).map((r) => r.id));
  const applied: string[] = [];
  for (const m of listMigrations()) {
    if (done.has(m.id)) continue;
    await db.transaction(async (tx) => {
      // Statements are split on semicolons at line ends; migrations keep to that form (no function bodies).
      for (const statement of m.sql.split(/;\s*$/m).map((s) => s.trim()).filter((s) => s && !/^(--[^\n]*\n?)+$/.test(s))) {
        await tx.query(statement);
      }
      await tx.query('INSERT INTO schema_migrations (id) VALUES ($1) ON CONFLICT DO NOTHING', [m.id]);
    });
    applied.push(m.id);
  }
  return applied;
}

/** The migrations a store has had applied, in order. */
export async function appliedMigrations(q: Queryable): Promise<string[]> {
  return (await q.query<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id')).map((r) => r.id);
}
