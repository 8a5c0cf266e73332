import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Model, defaultModel } from '@alephdata/followthemoney';
import { parse } from 'csv-parse/sync';
import { freshDb, type TestDb } from '../support/db.ts';
import { importListFile } from '../../src/ingest/lists/import.ts';
import { importFtmFile } from '../../src/ingest/ftm/import.ts';
import { exportFtm } from '../../src/export/ftm.ts';
import { ftmProblems } from '../../src/export/validate.ts';
import { upsertSource, writeStatements } from '../../src/store/statements.ts';
import { refreshEntities } from '../../src/store/entities.ts';
import { OFFICIAL } from '../support/official.ts';

const UN = OFFICIAL.unXml;
const OFAC = OFFICIAL.ofacCsv;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-export-'));
const model = new Model(defaultModel);

interface Line { id: string; schema: string; properties: Record<string, string[]>; datasets: string[]; referents: string[]; first_seen: string; last_seen: string; target: boolean }
const readLines = (file: string): Line[] => fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Line);

describe('FtM export', () => {
  let a: TestDb;
  let b: TestDb;
  const out = path.join(tmp, 'room39-2026-03-01.ftm.json');
  const pub = path.join(tmp, 'public.ftm.json');
  const csv = path.join(tmp, 'statements.csv');

  beforeAll(async () => {
    a = await freshDb();
    b = await freshDb();
    await importListFile(a.db, { format: 'un-xml', file: UN });
    const rows = fs.readFileSync(OFAC, 'latin1').split('\r\n').filter((l) => /DPRK|Korea, North|North Korea|P'?yongyang/i.test(l));
    const ofac = path.join(tmp, 'sdn-dprk-2024-05-03.csv');
    fs.writeFileSync(ofac, rows.join('\r\n') + '\r\n', 'latin1');
    await importListFile(a.db, { format: 'ofac-csv', file: ofac });
    // A protected record: testimony-derived statements must never leave a public export.
    await upsertSource(a.db, { id: 'testimony-001', kind: 'document', title: 'Witness interview', publisher: null, author: null, published: null, url: null, dataset: 'room39_testimony', version: null, sha256: null, file: null });
    await writeStatements(a.db, [{
      id: 'st-protected-1', entityId: 'r39-witness-kim-xx', schema: 'Person', prop: 'name', value: 'Kim XX', originalValue: null, dataset: 'room39_testimony',
      sourceId: 'testimony-001', quote: 'Kim XX, 40, Saebyul County', quoteStart: null, quoteEnd: null, page: null, reliability: 'C3',
      firstSeen: '2026-01-01', lastSeen: '2026-01-01', recordedBy: 'test', reviewStatus: 'accepted',
    }]);
    await refreshEntities(a.db, ['r39-witness-kim-xx']);
    await exportFtm(a.db, { out, public: false, statementsOut: csv });
    await exportFtm(a.db, { out: pub, public: true });
  });
  afterAll(async () => {
    await a.dispose();
    await b.dispose();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('writes entities that all validate with @alephdata/followthemoney', () => {
    const lines = readLines(out);
    expect(lines.length).toBeGreaterThan(1000);
    for (const line of lines) {
      expect(ftmProblems(line), line.id).toEqual([]);
      const entity = model.getEntity(line);
      expect(entity.schema.abstract).toBe(false);
      expect(typeof line.first_seen).toBe('string');
      expect(Array.isArray(line.referents)).toBe(true);
    }
  });

  it('exports a linked person once, with the OFAC record as referent and a Sanction pointing at it', () => {
    const lines = readLines(out);
    const yun = lines.find((l) => l.id === 'unsc-kpi-001')!;
    expect(yun.schema).toBe('Person');
    expect(yun.referents).toEqual(['unsc-kpi-001', 'ofac-12218']);
    expect(yun.datasets).toEqual(['dprk', 'un_sc_sanctions', 'us_ofac_sdn']);
    expect(yun.properties.name).toEqual(expect.arrayContaining(['YUN HO-JIN', 'YUN, Ho-Jin']));
    expect(yun.properties.topics).toContain('sanction');
    expect(yun.target).toBe(true);
    expect(lines.some((l) => l.id === 'ofac-12218')).toBe(false);
    const sanctions = lines.filter((l) => l.schema === 'Sanction' && l.properties.entity?.includes('unsc-kpi-001'));
    expect(sanctions.map((s) => s.properties.authority?.[0]).sort()).toEqual(['US Treasury, Office of Foreign Assets Control (OFAC)', 'United Nations Security Council']);
  });

  it('writes statements in nomenklatura\'s CSV format', () => {
    const rows = parse(fs.readFileSync(csv), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(['id', 'entity_id', 'canonical_id', 'prop', 'prop_type', 'schema', 'value', 'dataset', 'lang', 'original_value', 'external', 'first_seen', 'last_seen']);
    expect(rows.some((r) => r.entity_id !== r.canonical_id && r.canonical_id === 'unsc-kpi-001')).toBe(true);
  });

  it('--public leaves out every protected value', () => {
    expect(fs.readFileSync(out, 'utf8')).toContain('Kim XX');
    expect(fs.readFileSync(pub, 'utf8')).not.toContain('Kim XX');
    expect(readLines(pub).length).toBe(readLines(out).length - 1);
  });

  it('round-trips: the export imported into an empty store gives the same entities and values', async () => {
    const r = await importFtmFile(b.db, { file: pub, dataset: 'room39_export', date: '2026-03-01' });
    const lines = readLines(pub);
    expect(r).toMatchObject({ status: 'imported', version: '2026-03-01', entries: lines.length, added: lines.length });
    const stored = await b.db.query<{ entity_id: string; prop: string; value: string }>('SELECT entity_id, prop, value FROM statements WHERE dataset = $1', ['room39_export']);
    const byEntity = new Map<string, Set<string>>();
    for (const s of stored) byEntity.set(s.entity_id, (byEntity.get(s.entity_id) ?? new Set()).add(`${s.prop}=${s.value}`));
    for (const l of lines) {
      const expected = Object.entries(l.properties).flatMap(([p, vs]) => vs.map((v) => `${p}=${v}`)).sort();
      expect([...(byEntity.get(l.id) ?? [])].sort(), l.id).toEqual(expected);
    }
    const again = await importFtmFile(b.db, { file: pub, dataset: 'room39_export', date: '2026-03-01' });
    expect(again.status).toBe('already_imported');
    const round = path.join(tmp, 'round.ftm.json');
    await exportFtm(b.db, { out: round, public: true });
    for (const line of readLines(round)) expect(ftmProblems(line)).toEqual([]);
  });

  it('a malformed FtM line stops the import with the line number and writes nothing', async () => {
    const bad = path.join(tmp, 'bad-2026-03-02.ftm.json');
    const lines = fs.readFileSync(pub, 'utf8').split('\n');
    fs.writeFileSync(bad, [...lines.slice(0, 50), '{"id":"x","schema":"Person","properties":{"noSuchProp":["a"]}}', ...lines.slice(50)].join('\n'));
    const [before] = await b.db.query<{ n: number }>('SELECT count(*)::int AS n FROM statements');
    await expect(importFtmFile(b.db, { file: bad, dataset: 'bad_import' })).rejects.toThrow(/bad-2026-03-02\.ftm\.json:51: .*Person has no property noSuchProp/);
    const [after] = await b.db.query<{ n: number }>('SELECT count(*)::int AS n FROM statements');
    expect(after!.n).toBe(before!.n);
  });

  it('names a schema, property or value that is only what every JavaScript object has ("constructor", "__proto__") as unknown', () => {
    expect(ftmProblems({ id: 'x', schema: 'constructor', properties: {} })).toEqual(['unknown schema "constructor"']);
    expect(ftmProblems({ id: 'x', schema: '__proto__', properties: {} })).toEqual(['unknown schema "__proto__"']);
    expect(ftmProblems({ id: 'x', schema: 'Person', properties: { name: ['Kim'], nationality: ['constructor'] } }))
      .toEqual(['nationality: "constructor" is not a valid country']);
  });

  it('says a folder given as the file to write is a folder, before exporting, and writes nothing beside it', async () => {
    for (const out of [tmp, `${tmp}/`]) {
      await expect(exportFtm(a.db, { out, public: true })).rejects.toThrow(/is a folder; give the name of a file to write, e\.g\. .*graph\.ftm\.json/);
    }
    await expect(exportFtm(a.db, { out: path.join(tmp, 'g.json'), statementsOut: tmp, public: true })).rejects.toThrow(/is a folder/);
    const parts = [...fs.readdirSync(path.dirname(tmp)).filter((f) => f.startsWith(`${path.basename(tmp)}.part`)), ...fs.readdirSync(tmp).filter((f) => f.includes('.part'))];
    expect(parts).toEqual([]);
    expect(fs.existsSync(path.join(tmp, 'g.json'))).toBe(false);
  });

  it('refuses to write into a folder that does not exist', async () => {
    await expect(exportFtm(a.db, { out: path.join(tmp, 'nope', 'x.json'), public: true })).rejects.toThrow(/does not exist/);
  });
});
