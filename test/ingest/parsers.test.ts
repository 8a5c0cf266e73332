import fs from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ListEntry } from '../../src/model/index.ts';
import { isRoom39Error } from '../../src/errors.ts';
import { parseOfacCsv } from '../../src/ingest/lists/ofac-csv.ts';
import { parseOfacXml } from '../../src/ingest/lists/ofac-xml.ts';
import { parseUnXml } from '../../src/ingest/lists/un-xml.ts';
import { hasDprkProgram, isDprkRelated } from '../../src/ingest/lists/dprk.ts';
import { parseFtmLines } from '../../src/ingest/ftm/read.ts';
import { OFFICIAL } from '../support/official.ts';

const OFAC = OFFICIAL.ofacCsv;
const UN = OFFICIAL.unXml;

async function collect(gen: AsyncIterable<ListEntry>): Promise<ListEntry[]> {
  const out: ListEntry[] = [];
  for await (const e of gen) out.push(e);
  return out;
}
const fromText = (text: string | Buffer) => Readable.from([Buffer.from(text)]);

describe('OFAC SDN CSV (the real file in ../shared/data/official)', async () => {
  const entries = await collect(parseOfacCsv(fs.createReadStream(OFAC), { file: OFAC }));
  const byId = new Map(entries.map((e) => [e.entryId, e]));

  it('reads every entry, with PROVENANCE.md\'s counts', () => {
    expect(entries).toHaveLength(14965);
    const bySchema = (s: string) => entries.filter((e) => e.schema === s).length;
    expect([bySchema('Person'), bySchema('Organization'), bySchema('Vessel'), bySchema('Airplane')]).toEqual([6854, 6884, 851, 376]);
    expect(entries.filter(hasDprkProgram)).toHaveLength(484);
    expect(entries.filter(isDprkRelated)).toHaveLength(594);
  });

  it('splits programmes and reads the remarks: DOB, POB, passports, aliases, nationality, links', () => {
    const paek = byId.get('15667')!;
    expect(paek.schema).toBe('Person');
    expect(paek.birthDates).toEqual(['1964-06-18']);
    expect(paek.birthPlaces).toEqual(['Kaesong, DPRK']);
    expect(paek.identifiers).toContainEqual({ type: 'passport', value: '381420754', country: null, note: 'Passport' });
    const kim = byId.get('12211')!;
    expect(kim.birthDates).toEqual(['1947', '1946']);
    const ryg = byId.get('12210')!;
    expect(ryg.programs).toEqual(['DPRK', 'DPRK2']);
    expect(ryg.names).toContainEqual({ value: 'RGB', strength: 'strong', kind: 'aka' });
    const o = byId.get('15771')!;
    expect(o.linkedTo).toEqual(['NATIONAL DEFENSE COMMISSION']);
    expect(o.positions).toEqual(['Vice Chairman of the National Defense Commission']);
    const bank = byId.get('12312')!;
    expect(bank.identifiers).toContainEqual({ type: 'swift', value: 'KDBKKPPY', country: null, note: 'SWIFT/BIC' });
    const vessel = byId.get('17069')!;
    expect(vessel.vessel).toMatchObject({ flag: 'KP', imo: '7937317', type: 'General Cargo' });
    const mansudae = entries.find((e) => e.names[0]?.value === 'MANSUDAE OVERSEAS PROJECT GROUP OF COMPANIES')!;
    expect(mansudae.programs).toEqual(['DPRK3']);
    expect(entries.filter((e) => e.nationalities.includes('KP')).length).toBeGreaterThan(100);
  });

  it('joins alt.csv aliases and add.csv addresses by ent_num', async () => {
    const head = fs.readFileSync(OFAC, 'latin1').split('\r\n').filter((l) => /^(12212|20578),/.test(l)).join('\r\n') + '\r\n';
    const alt = '20578,9001,"aka","MANSUDAE ART STUDIO",-0- \r\n20578,9002,"fka","MANSUDAE OVERSEAS PROJECTS",-0- \r\n';
    const add = '20578,7001,"Yanggakdo International Hotel","Pyongyang","Korea, North",-0- \r\n';
    const got = await collect(parseOfacCsv(fromText(head), { file: 'sdn.csv', alt: { input: fromText(alt), file: 'alt.csv' }, add: { input: fromText(add), file: 'add.csv' } }));
    const m = got.find((e) => e.entryId === '20578')!;
    expect(m.names).toContainEqual({ value: 'MANSUDAE ART STUDIO', strength: 'strong', kind: 'aka' });
    expect(m.names).toContainEqual({ value: 'MANSUDAE OVERSEAS PROJECTS', strength: 'strong', kind: 'fka' });
    expect(m.addresses).toEqual(['Yanggakdo International Hotel, Pyongyang, Korea, North']);
    expect(m.countries).toEqual(['KP']);
  });
});

describe('UN consolidated list XML (the real file in ../shared/data/official)', async () => {
  let generated: string | null = null;
  const entries = await collect(parseUnXml(fs.createReadStream(UN), { file: UN, meta: (m) => { generated = m.dateGenerated; } }));

  it('reads every entry, with PROVENANCE.md\'s counts and the file date', () => {
    expect(generated).toBe('2026-02-27T00:00:09.554Z');
    expect(entries).toHaveLength(1003);
    expect(entries.filter((e) => e.schema === 'Person')).toHaveLength(730);
    expect(entries.filter(isDprkRelated)).toHaveLength(155);
    expect(entries.filter((e) => e.entryId.startsWith('KPi.'))).toHaveLength(80);
    expect(entries.filter((e) => e.entryId.startsWith('KPe.'))).toHaveLength(75);
    const kpAliases = entries.filter((e) => e.entryId.startsWith('KP')).flatMap((e) => e.names.filter((n) => n.strength !== 'primary'));
    // PROVENANCE.md counts 271 alias elements; 57 of them are empty (<ALIAS_NAME/>), leaving 214 names.
    expect(kpAliases).toHaveLength(214);
  });

  it('keeps names, alias quality, birth dates, nationality, addresses and listing date', () => {
    const yun = entries.find((e) => e.entryId === 'KPi.001')!;
    expect(yun.names[0]).toEqual({ value: 'YUN HO-JIN', strength: 'primary' });
    expect(yun.names).toContainEqual({ value: 'Yun Ho-chin', strength: 'strong', kind: 'aka' });
    expect(yun.birthDates).toEqual(['1944-10-13']);
    expect(yun.nationalities).toEqual(['KP']);
    expect(yun.listedOn).toBe('2009-07-16');
    expect(yun.programs).toEqual(['DPRK']);
    expect(entries.some((e) => e.names.some((n) => n.strength === 'weak'))).toBe(true);
    expect(entries.some((e) => e.birthDates.length === 2)).toBe(true); // BETWEEN years
    const mansudae = entries.find((e) => e.entryId === 'KPe.050')!;
    expect(mansudae.names[0]!.value).toBe('MANSUDAE OVERSEAS PROJECT GROUP OF COMPANIES');
    expect(mansudae.addresses[0]).toContain('Pyongyang');
  });
});

// An excerpt written to OFAC's sdnList.xsd (the real OFAC file at hand is the CSV).
const OFAC_XML = `<?xml version="1.0" standalone="yes"?>
<sdnList xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://tempuri.org/sdnList.xsd">
  <publshInformation>
    <Publish_Date>05/03/2024</Publish_Date>
    <Record_Count>2</Record_Count>
  </publshInformation>
  <sdnEntry>
    <uid>20578</uid>
    <lastName>MANSUDAE OVERSEAS PROJECT GROUP OF COMPANIES</lastName>
    <sdnType>Entity</sdnType>
    <programList><program>DPRK3</program></programList>
    <idList>
      <id><uid>1</uid><idType>Secondary sanctions risk:</idType><idNumber>North Korea Sanctions Regulations, sections 510.201 and 510.210</idNumber></id>
    </idList>
    <akaList>
      <aka><uid>2</uid><type>a.k.a.</type><category>strong</category><lastName>MANSUDAE ART STUDIO</lastName></aka>
      <aka><uid>3</uid><type>a.k.a.</type><category>weak</category><lastName>MOP</lastName></aka>
    </akaList>
    <addressList><address><uid>4</uid><city>Pyongyang</city><country>Korea, North</country></address></addressList>
  </sdnEntry>
  <sdnEntry>
    <uid>15667</uid>
    <firstName>Chang-Ho</firstName>
    <lastName>PAEK</lastName>
    <sdnType>Individual</sdnType>
    <programList><program>NPWMD</program></programList>
    <idList>
      <id><uid>5</uid><idType>Passport</idType><idNumber>381420754</idNumber><idCountry>Korea, North</idCountry><issueDate>07 Dec 2011</issueDate></id>
      <id><uid>6</uid><idType>Gender</idType><idNumber>Male</idNumber></id>
    </idList>
    <nationalityList><nationality><uid>7</uid><country>Korea, North</country><mainEntry>true</mainEntry></nationality></nationalityList>
    <dateOfBirthList><dateOfBirthItem><uid>8</uid><dateOfBirth>18 Jun 1964</dateOfBirth><mainEntry>true</mainEntry></dateOfBirthItem></dateOfBirthList>
    <placeOfBirthList><placeOfBirthItem><uid>9</uid><placeOfBirth>Kaesong, DPRK</placeOfBirth><mainEntry>true</mainEntry></placeOfBirthItem></placeOfBirthList>
  </sdnEntry>
</sdnList>
`;

describe('OFAC SDN XML', () => {
  it('reads entries, strong and weak aliases, ids, dates and the publication date', async () => {
    let date: string | null = null;
    const got = await collect(parseOfacXml(fromText(OFAC_XML), { file: 'sdn.xml', meta: (m) => { date = m.publishDate; } }));
    expect(date).toBe('2024-05-03');
    expect(got.map((e) => e.entryId)).toEqual(['20578', '15667']);
    const [m, p] = got as [ListEntry, ListEntry];
    expect(m.names).toContainEqual({ value: 'MOP', strength: 'weak', kind: 'aka' });
    expect(m.countries).toEqual(['KP']);
    expect(isDprkRelated(m)).toBe(true);
    expect(p.names[0]!.value).toBe('PAEK, Chang-Ho');
    expect(p.identifiers).toContainEqual({ type: 'passport', value: '381420754', country: 'KP', note: 'Passport' });
    expect([p.gender, p.birthDates, p.nationalities]).toEqual(['male', ['1964-06-18'], ['KP']]);
  });

  it('refuses a file whose Record_Count disagrees with its entries', async () => {
    const cut = OFAC_XML.replace('<Record_Count>2</Record_Count>', '<Record_Count>3</Record_Count>');
    await expect(collect(parseOfacXml(fromText(cut), { file: 'sdn.xml' }))).rejects.toThrow(/Record_Count says 3 entries but the file holds 2/);
  });
});

describe('bad input ends in a clear error with file and position', () => {
  it('a CSV cut inside a quoted field names the line', async () => {
    const text = fs.readFileSync(OFAC).subarray(0, 200_000);
    const err = await collect(parseOfacCsv(fromText(text), { file: 'sdn.csv' })).catch((e: unknown) => e);
    expect(isRoom39Error(err)).toBe(true);
    expect(String((err as Error).message)).toMatch(/^sdn\.csv:\d+: .*(truncated|columns)/);
  });

  it('an XML file cut short names line:column', async () => {
    const text = fs.readFileSync(UN).subarray(0, 500_000);
    const err = await collect(parseUnXml(fromText(text), { file: 'un.xml' })).catch((e: unknown) => e);
    expect(isRoom39Error(err)).toBe(true);
    expect(String((err as Error).message)).toMatch(/^un\.xml:\d+:\d+: /);
  });

  it('the wrong kind of list is refused', async () => {
    await expect(collect(parseUnXml(fromText(OFAC_XML), { file: 'x.xml' }))).rejects.toThrow(/expected <CONSOLIDATED_LIST>/);
    await expect(collect(parseOfacCsv(fromText('a,b\n'), { file: 'x.csv' }))).rejects.toThrow(/x\.csv:1: expected 12 columns, found 2/);
  });

  it('entity declarations are not expanded (no entity bombs, no external files)', async () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><REFERENCE_NUMBER>X</REFERENCE_NUMBER><FIRST_NAME>&b;</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>';
    await expect(collect(parseUnXml(fromText(bomb), { file: 'bomb.xml' }))).rejects.toThrow(/bomb\.xml:\d+:\d+: malformed XML/);
  });

  const fuzzCases = (file: string, parse: (input: Readable) => AsyncIterable<ListEntry>) =>
    fc.asyncProperty(
      fc.integer({ min: 0, max: 300_000 }),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
      async (cut, garble) => {
        const bytes = Buffer.from(fs.readFileSync(file).subarray(0, cut));
        for (const [at, b] of garble) if (bytes.length) bytes[at % bytes.length] = b;
        try {
          for await (const e of parse(fromText(bytes))) expect(e.entryId).toBeTruthy();
        } catch (e) {
          // Every failure is a Room39Error naming the file; nothing else escapes.
          expect(isRoom39Error(e)).toBe(true);
          expect((e as Error).message.startsWith('fuzz')).toBe(true);
        }
      },
    );

  it('fuzzed UN XML (truncated, garbled) never crashes', async () => {
    await fc.assert(fuzzCases(UN, (i) => parseUnXml(i, { file: 'fuzz.xml' })), { numRuns: 40 });
  });

  it('fuzzed OFAC CSV (truncated, garbled) never crashes', async () => {
    await fc.assert(fuzzCases(OFAC, (i) => parseOfacCsv(i, { file: 'fuzz.csv' })), { numRuns: 40 });
  });

  it('fuzzed OFAC XML and FtM lines never crash', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: OFAC_XML.length }), fc.string({ maxLength: 20 }), async (cut, junk) => {
      for (const parse of [
        () => parseOfacXml(fromText(OFAC_XML.slice(0, cut) + junk), { file: 'fuzz.xml' }),
        () => parseFtmLines(fromText(`{"id":"a","schema":"Person","properties":{"name":["A"]}}\n`.slice(0, cut % 60) + junk), { file: 'fuzz.json' }),
      ]) {
        try {
          for await (const e of parse() as AsyncIterable<{ id?: string; entryId?: string }>) expect(e.id ?? e.entryId).toBeTruthy();
        } catch (e) {
          expect(isRoom39Error(e)).toBe(true);
        }
      }
    }), { numRuns: 100 });
  });
});
