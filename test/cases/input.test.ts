/** Input as people have it: encodings, separators, header words, a confirmed mapping, and .xlsx. */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readScreenCsv, type CsvRow, type InputInfo } from '../../src/screen/csv-input.ts';
import { readScreenBytes } from '../../src/screen/file-input.ts';
import { detectDelimiter, detectEncoding, mapColumns, parseMappingText } from '../../src/screen/input-detect.ts';
import { isRoom39Error } from '../../src/errors.ts';

async function read(bytes: Uint8Array, options: Parameters<typeof readScreenCsv>[3] = {}) {
  let info: InputInfo | null = null;
  const warnings: string[] = [];
  const rows: CsvRow[] = [];
  for await (const r of readScreenBytes(bytes, 'in', (m) => warnings.push(m), { ...options, onInfo: (i) => { info = i; } })) rows.push(r);
  return { rows, info: info as InputInfo | null, warnings };
}

/** Bytes of a text in CP949, from the decoder's own table (Node has no CP949 encoder). */
function cp949(text: string): Uint8Array {
  const dec = new TextDecoder('euc-kr');
  const table = new Map<string, number[]>();
  for (let a = 0xb0; a <= 0xc8; a++) for (let b = 0xa1; b <= 0xfe; b++) table.set(dec.decode(Uint8Array.from([a, b])), [a, b]);
  return Uint8Array.from([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch) ?? [0x3f])));
}

describe('encodings', () => {
  it('reads UTF-8 with and without a BOM, UTF-16 with a BOM and without, Windows-1252 and CP949', async () => {
    const text = 'Company,Country\nSociété Générale,FR\n';
    expect((await read(Buffer.from(text))).rows[0]?.input.name).toBe('Société Générale');
    expect((await read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).info?.headers[0]).toBe('Company');
    expect((await read(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).rows[0]?.input.name).toBe('Société Générale');
    const noBom = await read(Buffer.from(text, 'utf16le'));
    expect(noBom.rows[0]?.input.name).toBe('Société Générale');
    expect(noBom.info?.encoding).toBe('utf-16le');
    const latin = await read(Buffer.from(text, 'latin1'));
    expect(latin.rows[0]?.input.name).toBe('Société Générale');
    expect(latin.info?.encoding).toBe('windows-1252');
    expect(latin.warnings[0]).toMatch(/Windows-1252/);
    const korean = await read(cp949('업체명,국가\n조선광업개발무역회사,북한\n평양무역,중국\n'));
    expect(korean.info?.encoding).toBe('cp949');
    expect(korean.rows.map((r) => r.input.name)).toEqual(['조선광업개발무역회사', '평양무역']);
    expect(korean.rows[0]?.input.country).toBe('북한');
    expect(detectEncoding(cp949('가나다'), 'windows-1252').encoding).toBe('windows-1252');
  });
  it('takes the encoding a person gives', async () => {
    const r = await read(Buffer.from('name\nMüller\n', 'latin1'), { encoding: 'latin1' });
    expect(r.rows[0]?.input.name).toBe('Müller');
    expect(r.warnings).toEqual([]);
  });
});

describe('separators and header words', () => {
  it('detects comma, semicolon, tab and pipe, quotes respected', async () => {
    for (const [sep, name] of [[',', 'comma'], [';', 'semicolon'], ['\t', 'tab'], ['|', 'pipe']] as const) {
      const r = await read(Buffer.from(`Supplier Name${sep}Country of origin\n"Rite Mix, Ltd; Malta"${sep}MT\nLeisure Clothing${sep}MT\n`));
      expect(r.info?.delimiter).toBe(name);
      expect(r.rows.map((x) => x.input)).toEqual([{ name: 'Rite Mix, Ltd; Malta', country: 'MT' }, { name: 'Leisure Clothing', country: 'MT' }]);
    }
    expect(detectDelimiter('a;b;c\n1;2;3\n', ',')).toBe(',');
  });
  it('maps everyday headers, and a given mapping wins', () => {
    const m = mapColumns(['Vendor #', 'Company', 'Country of origin', 'Industry', 'Site Address', 'DOB', 'Notes']);
    expect(m.map((x) => x.field)).toEqual([null, 'name', 'country', 'sector', 'address', 'birth_date', null]);
    const given = mapColumns(['Firm', 'Company', 'Land'], parseMappingText('Firm=name,Company=-,Land=country'));
    expect(given.map((x) => [x.field, x.how])).toEqual([['name', 'given'], [null, 'given'], ['country', 'given']]);
    expect(() => mapColumns(['A'], { B: 'name' })).toThrow(/no column "B"/);
    expect(() => mapColumns(['A'], { A: 'nome' })).toThrow(/not a field/);
  });
  it('says which headers it found when no column is the name', async () => {
    try { await read(Buffer.from('Code;Amount\nX;1\n')); } catch (e) { expect(isRoom39Error(e) && e.message).toMatch(/no "name" column.*"Code", "Amount".*Firm=name/); return; }
    throw new Error('no error');
  });
});

describe('.xlsx', () => {
  it('reads the first sheet, mapping its header, dates and rich text as text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Suppliers');
    ws.addRow(['Supplier Name', 'Country', 'Founded']);
    ws.addRow(['Korea Mining Development Trading Corporation', 'North Korea', new Date('2009-04-24T00:00:00Z')]);
    ws.addRow([{ richText: [{ text: 'Rite ' }, { text: 'Mix', font: { bold: true } }] }, 'Malta', null]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await read(bytes);
    expect(r.info).toMatchObject({ format: 'xlsx', sheet: 'Suppliers', headers: ['Supplier Name', 'Country', 'Founded'] });
    expect(r.rows.map((x) => x.input)).toEqual([{ name: 'Korea Mining Development Trading Corporation', country: 'North Korea' }, { name: 'Rite Mix', country: 'Malta' }]);
  });
  it('refuses a broken workbook with a message', async () => {
    await expect(read(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toThrow(/workbook cannot be read|no sheet/);
  });
});
