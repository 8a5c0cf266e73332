/**
 * The search index kept beside an embedded store (src/store/snapshot-file.ts, store/search.ts), on copies of the
 * loaded store: the next process reads it back and finds exactly what a build finds, in the same order; a change to
 * a table it is built from has it built again. And the tables the snapshots' fingerprint covers are every table the
 * modules that build the screening and search indexes read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/store/db.ts';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { searchRanked } from '../../src/store/search.ts';
import { INDEX_INPUT_TABLES, snapshotsWritten } from '../../src/store/snapshot-file.ts';
import { loadedDataDir } from '../support/services.ts';

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) fs.rmSync(d, { recursive: true, force: true }); });

const QUERIES = ['Mansudae', 'Kim Won Hong', '김원홍', 'KOMID', 'Korea Mining Development', 'Namgang', 'Chon Il Chun', 'Ocean Maritime Management'];
const SNAPSHOT = 'search-index.snapshot';

/** Every query's ranked hits on a fresh handle (as the next process opens the directory), after `change` if given. */
async function searchOn(dir: string, change?: (db: Db) => Promise<unknown>): Promise<{ hits: unknown[][]; mtime: number | undefined }> {
  const db = await openDb({ dataDir: dir });
  try {
    if (change) await change(db);
    const hits: unknown[][] = [];
    for (const q of QUERIES) hits.push(await searchRanked(db, q, { limit: 20 }));
    await snapshotsWritten(db);
    return { hits, mtime: fs.statSync(path.join(dir, SNAPSHOT), { throwIfNoEntry: false })?.mtimeMs };
  } finally {
    await db.close();
  }
}

describe('the search index kept beside the store', () => {
  it('is read back by the next process and finds what a build finds; a change has it built and kept anew', async () => {
    const dir = await loadedDataDir();
    dirs.push(dir);
    const file = path.join(dir, SNAPSHOT);
    expect(fs.existsSync(file)).toBe(true);
    const read = await searchOn(dir);
    expect(read.hits.every((h) => h.length > 0)).toBe(true);
    // No file: built, and written again.
    fs.rmSync(file);
    const built = await searchOn(dir);
    expect(built.hits).toEqual(read.hits);
    expect(built.mtime).toBeDefined();
    // Read back: the file is not written again.
    const again = await searchOn(dir);
    expect(again.hits).toEqual(read.hits);
    expect(again.mtime).toBe(built.mtime);
    // A name changed: built again (the new name found), and written anew.
    const renamed = await searchOn(dir, (db) => db.query(
      `UPDATE entity_names SET name = 'Zzyxq Quarrying Ventures', norm = 'zzyxq quarrying ventures' WHERE ctid = (SELECT ctid FROM entity_names WHERE entity_id = 'unsc-kpe-001' LIMIT 1)`));
    expect(renamed.mtime).not.toBe(built.mtime);
    const db = await openDb({ dataDir: dir });
    try {
      expect((await searchRanked(db, 'Zzyxq Quarrying', { limit: 5 })).length).toBeGreaterThan(0);
    } finally {
      await db.close();
    }
  }, 300_000);
});

describe('the fingerprint of the indexes\' tables', () => {
  it('names every table the modules that build the screening and search indexes read', () => {
    const modules = ['src/screen/store-index.ts', 'src/screen/index-facts.ts', 'src/store/search.ts', 'src/store/flags.ts',
      'src/store/canonical.ts', 'src/store/resolver.ts', 'src/store/list-seen.ts', 'src/store/catalog.ts'];
    const views = new Set(['list_latest', 'list_seen']);
    const named = new Set<string>();
    for (const m of modules) {
      for (const [, table] of fs.readFileSync(path.join(REPO_ROOT, m), 'utf8').matchAll(/\b(?:FROM|JOIN)\s+([a-z_]+)\b/g)) named.add(table!);
    }
    const notTables = new Set(['unnest']);
    const missing = [...named].filter((t) => !views.has(t) && !notTables.has(t) && !(INDEX_INPUT_TABLES as readonly string[]).includes(t));
    expect(missing).toEqual([]);
    expect(['statements', 'list_changes', 'entity_names', 'judgements'].every((t) => named.has(t))).toBe(true);
  });
});
