/**
 * A new list version writes only what it adds or changes (#13 part 6): the
 * statements, entries and entities it states as before keep their rows (the
 * version that first stated a value stays its source), and what is still
 * listed is seen on the newest version's date when read; a delisted entry
 * keeps the date of the last version it was in.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, freshDb, type TestDb } from '../support/db.ts';
import { importListFile } from '../../src/ingest/lists/import.ts';
import { getEntity } from '../../src/store/entities.ts';
import { canonicalRows } from '../../src/store/canonical.ts';
import { designationsOf } from '../../src/store/designations.ts';
import { entityDates } from '../../src/screen/index-facts.ts';
import { screeningService } from '../../src/screen/service.ts';
import { OFFICIAL } from '../support/official.ts';
import { unSecondVersion } from '../cli/fixtures.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-unchanged-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const V1 = 'un_sc_sanctions-2026-02-27';
const V2 = 'un_sc_sanctions-2026-03-15';

/** Each row's id and the transaction that last wrote it (xmin): a row rewritten by the update gets the update's. */
async function versionsOf(t: TestDb, table: 'statements' | 'entities' | 'list_entries'): Promise<Map<string, string>> {
  const key = table === 'list_entries' ? 'entry_id' : 'id';
  const rows = await t.db.query<{ id: string; x: string }>(`SELECT ${key} AS id, xmin::text AS x FROM ${table}`);
  return new Map(rows.map((r) => [r.id, r.x]));
}

describe.each(backends())('a list update rewrites only what it changes (%s)', (backend) => {
  let t: TestDb;
  const before: Partial<Record<'statements' | 'entities' | 'list_entries', Map<string, string>>> = {};
  beforeAll(async () => {
    t = await freshDb(backend);
    await importListFile(t.db, { format: 'un-xml', file: OFFICIAL.unXml, link: false });
    for (const table of ['statements', 'entities', 'list_entries'] as const) before[table] = await versionsOf(t, table);
    const r = await importListFile(t.db, { format: 'un-xml', file: unSecondVersion(tmp), link: false });
    expect(r).toMatchObject({ version: '2026-03-15', entries: 1003, added: 1, changed: 1, removed: 1 });
  });
  afterAll(async () => { await t.dispose(); });

  it('leaves the rows of what it states as before untouched, and writes only the changed and added entries', async () => {
    const old = before.statements!;
    const now = await versionsOf(t, 'statements');
    expect(old.size).toBeGreaterThan(16_000);
    const rewritten = [...now].filter(([id, x]) => old.has(id) && old.get(id) !== x);
    expect(rewritten).toEqual([]);
    const written = await t.db.query<{ entity_id: string }>('SELECT DISTINCT entity_id FROM statements WHERE NOT (id = ANY($1::text[])) ORDER BY entity_id', [[...old.keys()]]);
    // The changed entry's new alias and the added entry (and its Sanction): nothing else.
    expect(written.map((w) => w.entity_id)).toEqual(['unsc-kpi-001', 'unsc-kpi-999', 'unsc-kpi-999-sanction']);
    const [cited] = await t.db.query<{ v1: number; v2: number }>(
      `SELECT count(*) FILTER (WHERE source_id = $1)::int AS v1, count(*) FILTER (WHERE source_id = $2)::int AS v2 FROM statements`, [V1, V2]);
    expect(cited!.v1).toBeGreaterThan(16_000);
    expect(cited!.v2).toBeLessThan(40);

    const entries = await versionsOf(t, 'list_entries');
    const changedEntries = [...entries].filter(([id, x]) => before.list_entries!.get(id) !== x).map(([id]) => id).sort();
    expect(changedEntries).toEqual(['KPe.001', 'KPi.001', 'KPi.999']);
    const entities = await versionsOf(t, 'entities');
    const changedEntities = [...entities].filter(([id, x]) => before.entities!.get(id) !== x).map(([id]) => id);
    expect(changedEntities.length).toBeGreaterThan(0);
    expect(changedEntities.length).toBeLessThan(10);
    expect(entities.size).toBeGreaterThan(1900);
  });

  it('shows an entity still listed as seen on the newest version, its values cited to the version that first stated them', async () => {
    const ri = await getEntity(t.db, 'unsc-kpi-002');
    expect([ri.entity.firstSeen, ri.entity.lastSeen]).toEqual(['2026-02-27', '2026-03-15']);
    const listed = ri.statements.filter((s) => s.dataset === 'un_sc_sanctions');
    expect(listed.length).toBeGreaterThan(3);
    expect(new Set(listed.map((s) => `${s.source.id} ${s.first_seen} ${s.last_seen}`))).toEqual(new Set([`${V1} 2026-02-27 2026-03-15`]));
    expect(ri.designations).toMatchObject([{ entry_id: 'KPi.002', status: 'current', first_seen: '2026-02-27', last_seen: '2026-03-15', source: { id: V2 } }]);
    expect((await canonicalRows(t.db, ['unsc-kpi-002'])).get('unsc-kpi-002')?.last_seen).toBe('2026-03-15');
    // The dates search and /match results give (yente's last_seen).
    const dates = await entityDates(t.db, await screeningService(t.db, true));
    expect(dates.get('unsc-kpi-002')).toMatchObject({ firstSeen: '2026-02-27', lastSeen: '2026-03-15' });
    // The changed entry: its unchanged values keep their first version, the new one cites the update.
    const yun = await getEntity(t.db, 'unsc-kpi-001');
    expect(yun.entity.lastSeen).toBe('2026-03-15');
    const by = (v: string) => yun.statements.find((s) => s.value === v)!;
    expect([by('Yun Ho-chin').source.id, by('Yun Ho-chin').last_seen]).toEqual([V1, '2026-03-15']);
    expect([by('Yun Ho Jin').source.id, by('Yun Ho Jin').first_seen, by('Yun Ho Jin').last_seen]).toEqual([V2, '2026-03-15', '2026-03-15']);
  });

  it('shows a delisted entry as ended, last seen in the version it was last in', async () => {
    const [row] = await t.db.query<{ removed_on: string; last_seen: string; source_id: string }>(
      `SELECT removed_on, last_seen, source_id FROM list_entries WHERE dataset = 'un_sc_sanctions' AND entry_id = 'KPe.001'`);
    expect(row).toEqual({ removed_on: '2026-03-15', last_seen: '2026-02-27', source_id: V2 });
    expect(await designationsOf(t.db, ['unsc-kpe-001'])).toMatchObject([
      { entry_id: 'KPe.001', status: 'ended', first_seen: '2026-02-27', last_seen: '2026-02-27', ended_on: '2026-03-15', source: { id: V2 } }]);
    const [left] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM statements WHERE entity_id LIKE 'unsc-kpe-001%'`);
    expect(left!.n).toBe(0);
  });
});
