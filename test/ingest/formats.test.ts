/**
 * The UK, EU and OFAC-advanced readers: the UK summary ODS on the real file
 * (counts from ../shared/data/official/PROVENANCE.md), the UK XML, the EU XML
 * and OFAC's advanced XML on fixtures written from their documentation
 * (test/ingest/fixtures); the advanced XML gives the same entries as the
 * real legacy CSV for the parties it restates; a fetched file is recognised
 * by its first bytes, and another list's file or an HTML page is refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ListEntry } from '../../src/model/index.ts';
import { detectFormat, openListEntries, rootElement } from '../../src/ingest/lists/formats.ts';
import { isDprkRelated } from '../../src/ingest/lists/dprk.ts';
import { entityIdOf } from '../../src/ingest/lists/entry-statements.ts';
import { looksLikeHtml } from '../../src/ingest/lists/fetch.ts';
import { OFFICIAL } from '../support/official.ts';

const FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures');
const fixture = (name: string) => path.join(FIXTURES, name);

async function read(format: Parameters<typeof openListEntries>[0], file: string) {
  const warnings: string[] = [];
  const opened = openListEntries(format, file, { warn: (w) => warnings.push(w) });
  const entries: ListEntry[] = [];
  for await (const e of opened.entries) entries.push(e);
  return { entries, published: opened.published(), warnings };
}

describe('UK Sanctions List', () => {
  it('reads the real summary ODS: 5,302 rows, 261 DPRK designations, ids gb-<unique id>', async () => {
    const { entries, published, warnings } = await read('uk', OFFICIAL.ukOds);
    // Two rows of the publisher's file carry no name (BEL0174, RUS1467): skipped, and said so.
    expect(entries.length).toBe(5300);
    expect(warnings).toEqual([expect.stringMatching(/row 649 \(BEL0174\) has no name/), expect.stringMatching(/\(RUS1467\) has no name/)]);
    expect(entries.filter(isDprkRelated).length).toBe(261);
    expect(published).toBeNull();
    const kim = entries.find((e) => e.entryId === 'DPR0043')!;
    expect(entityIdOf(kim.listId, kim.entryId)).toBe('gb-dpr0043');
    expect(kim).toMatchObject({ listId: 'gb_fcdo_sanctions', schema: 'Person', names: [{ value: 'Kim Won-Hong', strength: 'primary' }], listedOn: '2020-12-31', programs: ["Democratic People's Republic of Korea"] });
    expect(kim.remarks).toMatch(/Designation source: UK; OFSI Group ID: 13366; Sanctions imposed: Asset freeze/);
    const types = new Map<string, number>();
    for (const e of entries.filter(isDprkRelated)) types.set(e.schema, (types.get(e.schema) ?? 0) + 1);
    expect(Object.fromEntries(types)).toEqual({ Person: 138, Organization: 86, Vessel: 37 });
  });

  it('reads the full XML: names from Name1…Name6 by type and strength, dates dd/mm/yyyy, details', async () => {
    const { entries, published } = await read('uk', fixture('uk-sanctions-list-sample.xml'));
    expect(published).toBe('2026-03-02');
    expect(entries.map((e) => e.entryId)).toEqual(['DPR0278', 'DPR0270', 'DPR0157']);
    expect(entries[0]).toMatchObject({
      schema: 'Person', names: [{ value: 'HO-JIN YUN', strength: 'primary' }, { value: 'Ho-chin Yun', strength: 'strong', kind: 'aka' }],
      birthDates: ['1944-10-13'], nationalities: ['KP'], listedOn: '2009-07-16', gender: 'male', positions: ['Director of Namchongang Trading Corporation'],
    });
    expect(entries[0]!.remarks).toMatch(/UN reference: KPi\.001/);
    expect(entries[1]!.names).toEqual([{ value: 'WON HO RI', strength: 'primary' }]);
    expect(entries[2]).toMatchObject({ schema: 'Organization', names: [{ value: 'KOREA MINING DEVELOPMENT TRADING CORPORATION', strength: 'primary' }, { value: 'KOMID', strength: 'weak', kind: 'aka' }], countries: ['KP'] });
    expect(entries.every(isDprkRelated)).toBe(true);
  });
});

describe('EU consolidated list (FSF XML)', () => {
  it('reads entities with names, strength, birth dates, citizenship, addresses, identifiers and programme', async () => {
    const { entries, published } = await read('eu-xml', fixture('eu-fsf-sample.xml'));
    expect(published).toBe('2026-03-02T08:15:00.000Z');
    expect(entries.map((e) => [entityIdOf(e.listId, e.entryId), e.schema, isDprkRelated(e)])).toEqual([
      ['eu-fsf-9001', 'Person', true], ['eu-fsf-9002', 'Organization', true], ['eu-fsf-9003', 'Organization', false],
    ]);
    expect(entries[0]).toMatchObject({ names: [{ value: 'YUN Ho-jin', strength: 'primary' }, { value: 'Yun Ho-chin', strength: 'strong', kind: 'aka' }], birthDates: ['1944-10-13'], birthPlaces: [], nationalities: ['KP'], programs: ['PRK'], listedOn: '2009-07-16', gender: 'male' });
    expect(entries[1]!.names[1]).toEqual({ value: 'KOMID', strength: 'weak', kind: 'aka' });
    expect(entries[2]!.identifiers).toEqual([{ type: 'registration', value: 'FIXTURE-REG-0001', country: 'SY', note: 'Registration Number' }]);
  });
});

describe('OFAC advanced XML', () => {
  it('gives the same names, programmes, birth date and nationality as the real legacy CSV for the same parties', async () => {
    const adv = await read('ofac-xml', fixture('ofac-sdn-advanced-sample.xml'));
    expect(adv.published).toBe('2024-05-03');
    const csv = (await read('ofac-csv', OFFICIAL.ofacCsv)).entries.filter((e) => e.entryId === '9345' || e.entryId === '12218');
    const core = (e: ListEntry) => ({ id: e.entryId, schema: e.schema, names: e.names, programs: e.programs, birthDates: e.birthDates, nationalities: e.nationalities });
    expect(adv.entries.map(core)).toEqual(csv.map(core));
  });
});

describe('recognising a fetched file', () => {
  const head = (file: string) => fs.readFileSync(file).subarray(0, 4096);
  it('by its first bytes, and refuses another list or a web page', () => {
    expect(detectFormat('ofac', head(OFFICIAL.ofacCsv), 'x')).toBe('ofac-csv');
    expect(detectFormat('ofac', head(fixture('ofac-sdn-advanced-sample.xml')), 'x')).toBe('ofac-xml');
    expect(detectFormat('un', head(OFFICIAL.unXml), 'x')).toBe('un-xml');
    expect(detectFormat('uk', head(OFFICIAL.ukOds), 'x')).toBe('uk');
    expect(detectFormat('uk', head(fixture('uk-sanctions-list-sample.xml')), 'x')).toBe('uk');
    expect(detectFormat('eu', head(fixture('eu-fsf-sample.xml')), 'x')).toBe('eu-xml');
    expect(rootElement(head(fixture('eu-fsf-sample.xml')))).toBe('export');
    expect(() => detectFormat('un', head(OFFICIAL.ofacCsv), 'x')).toThrow(/not an XML file .*starts with "/);
    expect(() => detectFormat('eu', head(OFFICIAL.unXml), 'x')).toThrow(/document element is <CONSOLIDATED_LIST>, expected <export>/);
    expect(() => detectFormat('uk', head(OFFICIAL.unXml), 'x')).toThrow(/document element is <CONSOLIDATED_LIST>/);
    expect(looksLikeHtml(Buffer.from('\n  <!DOCTYPE html><html><body>Error</body></html>'))).toBe(true);
    expect(looksLikeHtml(head(OFFICIAL.unXml))).toBe(false);
  });
});
