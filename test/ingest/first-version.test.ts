import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, freshDb, type TestDb } from '../support/db.ts';
import { importListFile } from '../../src/ingest/lists/import.ts';
import { listStatementId } from '../../src/ingest/lists/entry-statements.ts';
import { getEntity } from '../../src/store/entities.ts';
import { OFFICIAL } from '../support/official.ts';

// A list's first version whose entities already have statements in the store (here: one the list itself would
// make, stored earlier from another source, and one of someone else's) goes through the upsert, not the plain COPY.
describe.each(backends())('a first list version over statements already stored (%s)', (backend) => {
  let t: TestDb;
  beforeAll(async () => { t = await freshDb(backend); });
  afterAll(async () => { await t.dispose(); });

  it('keeps the other statements, moves the list\'s own to the version, and derives the entity from both', async () => {
    await t.db.query(`INSERT INTO sources (id, kind, title, publisher, dataset) VALUES ('src-earlier', 'document', 'earlier', 'test', 'test')`);
    const same = listStatementId('unsc-kpi-001', 'name', 'YUN HO-JIN', 'un_sc_sanctions');
    await t.db.query(
      `INSERT INTO statements (id, entity_id, schema, prop, value, dataset, source_id, reliability, first_seen, last_seen, recorded_by)
       VALUES ($1, 'unsc-kpi-001', 'Person', 'name', 'YUN HO-JIN', 'un_sc_sanctions', 'src-earlier', 'A2', '2020-01-01', '2020-01-01', 'room39-lists'),
              ('st-other', 'unsc-kpi-001', 'Person', 'notes', 'a note of someone else', 'test', 'src-earlier', 'C3', '2020-01-01', '2020-01-01', 'someone')`,
      [same]);
    const r = await importListFile(t.db, { format: 'un-xml', file: OFFICIAL.unXml });
    expect(r).toMatchObject({ status: 'imported', entries: 1003, added: 1003 });
    const rows = await t.db.query<{ id: string; source_id: string; first_seen: string; last_seen: string }>(
      `SELECT id, source_id, first_seen, last_seen FROM statements WHERE id = ANY($1::text[]) ORDER BY id`, [[same, 'st-other']]);
    expect(rows).toEqual([
      { id: same, source_id: 'un_sc_sanctions-2026-02-27', first_seen: '2020-01-01', last_seen: '2026-02-27' },
      { id: 'st-other', source_id: 'src-earlier', first_seen: '2020-01-01', last_seen: '2020-01-01' },
    ].sort((a, b) => a.id.localeCompare(b.id)));
    const yun = await getEntity(t.db, 'unsc-kpi-001');
    expect(yun.entity.properties.notes).toContain('a note of someone else');
    expect(yun.entity.datasets).toEqual(['dprk', 'test', 'un_sc_sanctions']);
    expect(yun.entity.firstSeen).toBe('2020-01-01');
    const [n] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM statements WHERE source_id = 'un_sc_sanctions-2026-02-27'`);
    expect(n!.n).toBeGreaterThan(16_000);
  });
});
