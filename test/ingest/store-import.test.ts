import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, freshDb, type TestDb } from '../support/db.ts';
import { importListFile } from '../../src/ingest/lists/import.ts';
import { entityListHistory, listChanges } from '../../src/ingest/lists/changes.ts';
import { judgementsOf, undoJudgement } from '../../src/store/resolver.ts';
import { canonicalId, getEntity } from '../../src/store/entities.ts';
import { OFFICIAL } from '../support/official.ts';
import { unSecondVersion as editedUnVersion } from '../cli/fixtures.ts';
import { canCopy, type CopyCapable } from '../../src/store/bulk.ts';
import type { Queryable } from '../../src/store/db.ts';

const UN = OFFICIAL.unXml;
const OFAC = OFFICIAL.ofacCsv;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-lists-'));

/** The DPRK-related rows of the real OFAC file (same bytes per row), to keep the suite quick. */
function ofacDprkSubset(): string {
  const rows = fs.readFileSync(OFAC, 'latin1').split('\r\n')
    .filter((l) => /DPRK|Korea, North|North Korea|Democratic People's Republic of Korea|P'?yongyang/i.test(l));
  const file = path.join(tmp, 'sdn-dprk-2024-05-03.csv');
  fs.writeFileSync(file, rows.join('\r\n') + '\r\n\x1a', 'latin1');
  return file;
}

/** A second UN version made by editing a copy of the real file: one entry delisted, one changed, one added (test/cli/fixtures.ts). */
const unSecondVersion = () => editedUnVersion(tmp);

async function snapshot(t: TestDb) {
  const [s] = await t.db.query<{ n: number; h: string }>(`SELECT count(*)::int AS n, md5(coalesce(string_agg(id || source_id || last_seen, ',' ORDER BY id), '')) AS h FROM statements`);
  const [e] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM entities');
  const [c] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM list_changes');
  const [l] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM judgements');
  const [src] = await t.db.query<{ n: number; h: string }>(`SELECT count(*)::int AS n, md5(coalesce(string_agg(id, ',' ORDER BY id), '')) AS h FROM sources`);
  const [v] = await t.db.query<{ n: number; h: string }>(`SELECT count(*)::int AS n, md5(coalesce(string_agg(source_id || sha256, ',' ORDER BY source_id), '')) AS h FROM list_versions`);
  const [le] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM list_entries');
  return { statements: s!.n, hash: s!.h, entities: e!.n, changes: c!.n, links: l!.n, sources: src!, versions: v!, entries: le!.n };
}

/** The database, counting statement writes made inside its transactions. */
function countingWrites(db: TestDb['db']) {
  const counter = { statementWrites: 0 };
  const wrapped: TestDb['db'] = {
    kind: db.kind, location: db.location, query: (sql, p) => db.query(sql, p), exec: (sql) => db.exec(sql), close: () => db.close(),
    transaction: (fn) => db.transaction((tx) => {
      const counted: Queryable & Partial<CopyCapable> = { query: (sql, p) => { if (/INSERT INTO statements/i.test(sql)) counter.statementWrites++; return tx.query(sql, p); } };
      if (canCopy(tx)) counted.copyIn = (sql, data) => { if (/COPY statements/i.test(sql)) counter.statementWrites++; return tx.copyIn(sql, data); };
      return fn(counted);
    }),
  };
  return { db: wrapped, counter };
}

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe.each(backends())('list import into the store (%s)', (backend) => {
  let t: TestDb;
  beforeAll(async () => { t = await freshDb(backend); });
  afterAll(async () => { await t.dispose(); });

  it('imports the real UN list: every entry a set of statements of that version', async () => {
    const r = await importListFile(t.db, { format: 'un-xml', file: UN });
    expect(r).toMatchObject({ dataset: 'un_sc_sanctions', version: '2026-02-27', status: 'imported', entries: 1003, dprk_entries: 155, added: 1003, changed: 0, removed: 0 });
    const yun = await getEntity(t.db, 'unsc-kpi-001');
    expect(yun.entity.schema).toBe('Person');
    expect(yun.entity.properties.alias).toContain('Yun Ho-chin');
    expect(yun.entity.properties.birthDate).toEqual(['1944-10-13']);
    expect(yun.entity.topics).toContain('sanction');
    expect(yun.entity.datasets).toEqual(['dprk', 'un_sc_sanctions']);
    expect(yun.statements.every((s) => s.source.id === 'un_sc_sanctions-2026-02-27')).toBe(true);
    const [dprk] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM entities WHERE 'dprk' = ANY(datasets) AND schema <> 'Sanction'`);
    expect(dprk!.n).toBe(155);
  });

  it('importing the same version again changes nothing', async () => {
    const before = await snapshot(t);
    const r = await importListFile(t.db, { format: 'un-xml', file: UN });
    expect(r).toMatchObject({ status: 'already_imported', added: 0, changed: 0, removed: 0 });
    expect(await snapshot(t)).toEqual(before);
  });

  it('a truncated newer file stops with its position and leaves the store exactly as it was', async () => {
    const before = await snapshot(t);
    const cut = path.join(tmp, 'consolidated-cut.xml');
    fs.writeFileSync(cut, fs.readFileSync(unSecondVersion()).subarray(0, 1_500_000));
    await expect(importListFile(t.db, { format: 'un-xml', file: cut })).rejects.toThrow(/consolidated-cut\.xml:\d+:\d+: .*truncated|malformed/);
    expect(await snapshot(t)).toEqual(before);
  });

  it('a first version cut part-way leaves the store as it was (PGlite holds it until the file is read whole; PostgreSQL rolls back its batches)', async () => {
    const before = await snapshot(t);
    const full = fs.readFileSync(OFAC);
    const cut = path.join(tmp, 'sdn-cut-2024-05-03.csv');
    fs.writeFileSync(cut, full.subarray(0, Math.floor(full.length * 0.6)));
    const { db, counter } = countingWrites(t.db);
    await expect(importListFile(db, { format: 'ofac-csv', file: cut })).rejects.toThrow(/sdn-cut-2024-05-03\.csv:\d+: .*truncated/);
    if (backend === 'pglite') expect(counter.statementWrites).toBe(0);
    else expect(counter.statementWrites).toBeGreaterThan(1);
    expect(await snapshot(t)).toEqual(before);
  });

  it('links DPRK OFAC records to their UN entries, with evidence, and a link can be undone', async () => {
    const r = await importListFile(t.db, { format: 'ofac-csv', file: ofacDprkSubset() });
    expect(r).toMatchObject({ dataset: 'us_ofac_sdn', version: '2024-05-03', entries: 594, dprk_entries: 594 });
    expect(r.links!.created).toBeGreaterThan(50);
    // YUN Ho-Jin: OFAC "YUN, Ho-Jin", UN "YUN HO-JIN", same birth date.
    const ofacYun = (await t.db.query<{ id: string }>(`SELECT entity_id AS id FROM statements WHERE prop = 'name' AND value = 'YUN, Ho-Jin'`))[0]!.id;
    expect(await canonicalId(t.db, ofacYun)).toBe('unsc-kpi-001');
    const [link] = (await judgementsOf(t.db, [ofacYun])).filter((j) => j.undone_at === null);
    expect(link!.rule).toBe('name_and_birth_date');
    expect(link!.judgement).toBe('positive');
    expect(link!.evidence.birth_dates).toEqual(['1944-10-13']);
    const merged = await getEntity(t.db, 'unsc-kpi-001');
    expect(merged.entity.referents).toContain(ofacYun);
    expect(merged.entity.datasets).toEqual(['dprk', 'un_sc_sanctions', 'us_ofac_sdn']);
    await t.db.transaction((tx) => undoJudgement(tx, link!.id, 'a-reviewer'));
    expect(await canonicalId(t.db, ofacYun)).toBe(ofacYun);
  });

  it('a later version cut after its first batches were written rolls back whole: statements, sources, versions', async () => {
    // The DPRK rows are imported (test above); the file's first 15 % as the next version adds ~2,000 entries, written
    // in batches (of 5,000 statements: store-write.ts), and ends mid-record.
    const before = await snapshot(t);
    const full = fs.readFileSync(OFAC);
    const cut = path.join(tmp, 'sdn-cut-2024-05-04.csv');
    fs.writeFileSync(cut, full.subarray(0, Math.floor(full.length * 0.15)));
    const { db, counter } = countingWrites(t.db);
    await expect(importListFile(db, { format: 'ofac-csv', file: cut })).rejects.toThrow(/sdn-cut-2024-05-04\.csv:\d+: .*truncated/);
    expect(counter.statementWrites).toBeGreaterThan(1); // the cut landed after batches of statements were written…
    expect(await snapshot(t)).toEqual(before); // …and none of them, nor the source or version, stayed
  });

  it('a newer version records what was added, changed and removed, with dates and history', async () => {
    const r = await importListFile(t.db, { format: 'un-xml', file: unSecondVersion() });
    expect(r).toMatchObject({ version: '2026-03-15', entries: 1003, added: 1, changed: 1, removed: 1 });
    const diff = await listChanges(t.db, { since: '2026-03-01' });
    expect(diff.counts).toEqual({ added: 1, changed: 1, removed: 1 });
    const by = Object.fromEntries(diff.changes.map((c) => [c.change, c]));
    expect(by.added).toMatchObject({ entry_id: 'KPi.999', entity_id: 'unsc-kpi-999', version: '2026-03-15', dprk: true });
    expect(by.removed).toMatchObject({ entry_id: 'KPe.001', caption: 'KOREA MINING DEVELOPMENT TRADING CORPORATION' });
    expect(JSON.stringify(by.changed!.details)).toContain('Yun Ho Jin');
    expect((await listChanges(t.db, { since: '2026-04-01' })).total).toBe(0);
    expect((await listChanges(t.db, { dataset: 'dprk', since: '2026-03-01' })).total).toBe(3);
    // The delisted entry's list statements are gone; its history is kept.
    const [gone] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM statements WHERE entity_id IN ('unsc-kpe-001', 'unsc-kpe-001-sanction')`);
    expect(gone!.n).toBe(0);
    const history = await entityListHistory(t.db, 'unsc-kpe-001');
    // KOMID's history: its UN listing and delisting, and the OFAC record linked into it.
    expect(history.map((h) => [h.dataset, h.version, h.change])).toEqual([
      ['us_ofac_sdn', '2024-05-03', 'added'], ['un_sc_sanctions', '2026-02-27', 'added'], ['un_sc_sanctions', '2026-03-15', 'removed']]);
    // Unchanged values keep citing the version that first stated them, and are seen on the new version's date (#13 part 6).
    const yun = await getEntity(t.db, 'unsc-kpi-001');
    const alias = yun.statements.find((s) => s.value === 'Yun Ho-chin')!;
    expect([alias.source.id, alias.first_seen, alias.last_seen]).toEqual(['un_sc_sanctions-2026-02-27', '2026-02-27', '2026-03-15']);
    expect(yun.statements.find((s) => s.value === 'Yun Ho Jin')!.first_seen).toBe('2026-03-15');
  });

  it('an older version than the newest imported is refused', async () => {
    const old = path.join(tmp, 'consolidated-old.xml');
    fs.writeFileSync(old, fs.readFileSync(UN, 'utf8').replace('dateGenerated="2026-02-27T00:00:09.554Z"', 'dateGenerated="2025-01-01T00:00:00Z"'));
    await expect(importListFile(t.db, { format: 'un-xml', file: old })).rejects.toThrow(/older than the imported version 2026-03-15/);
  });
});
