import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../support/db.ts';
import { dumpTables } from '../support/store-dump.ts';
import { importListFile } from '../../src/ingest/lists/import.ts';
import { refreshEntities } from '../../src/store/entities.ts';
import { OFFICIAL } from '../support/official.ts';

// A list's first version on PGlite writes its new entities' rows by COPY (store/entities-copy.ts), not through the
// upsert that derives them from the stored statements: the rows must be the same. Recomputing every entity from the
// store after the import must change nothing but the write times.
describe('the entities a first list version writes by COPY', () => {
  let t: TestDb;
  beforeAll(async () => { t = await freshDb('pglite'); });
  afterAll(async () => { await t.dispose(); });

  it('are the rows refreshEntities derives from the stored statements', async () => {
    const r = await importListFile(t.db, { format: 'un-xml', file: OFFICIAL.unXml });
    expect(r).toMatchObject({ status: 'imported', added: 1003 });
    const tables = (d: Map<string, string[]>) => ({ entities: d.get('entities'), entity_names: d.get('entity_names') });
    const before = tables(await dumpTables(t.db));
    expect(before.entities!.length).toBeGreaterThan(2000);
    expect(before.entity_names!.length).toBeGreaterThan(2000);
    // One write time for all of them (the clock when the COPY ran).
    const [stamps] = await t.db.query<{ n: number }>('SELECT count(DISTINCT updated_at)::int AS n FROM entities');
    expect(stamps!.n).toBe(1);
    const ids = (await t.db.query<{ id: string }>('SELECT id FROM entities')).map((e) => e.id);
    await t.db.transaction((tx) => refreshEntities(tx, ids));
    expect(tables(await dumpTables(t.db))).toEqual(before);
    // The names are searchable as before: the index on norm was built again after the load.
    const [idx] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_indexes WHERE tablename IN ('entities', 'entity_names')`);
    expect(idx!.n).toBeGreaterThanOrEqual(5);
  });
});
