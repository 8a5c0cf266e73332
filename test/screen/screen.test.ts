import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { readScreenCsv, runScreen, ScreeningService, jsonWriter, csvWriter, htmlWriter, parseScreeningOptions, type CsvRow } from '../../src/screen/index.ts';
import { fromListEntry } from '../../src/match/entity.ts';
import type { ListEntry } from '../../src/model/index.ts';
import { invalidInput, isRoom39Error } from '../../src/errors.ts';

async function rows(input: (string | Uint8Array)[], warn: (m: string) => void = () => undefined): Promise<CsvRow[]> {
  const out: CsvRow[] = [];
  for await (const r of readScreenCsv(input, 'test.csv', warn)) out.push(r);
  return out;
}
async function failure(input: (string | Uint8Array)[]): Promise<string> {
  try { await rows(input); } catch (e) { if (isRoom39Error(e)) return e.message; throw e; }
  return 'no error';
}

function entry(entryId: string, schema: ListEntry['schema'], name: string): ListEntry {
  return { listId: 'test_list', entryId, schema, names: [{ value: name, strength: 'primary' }], birthDates: [], birthPlaces: [], nationalities: [], countries: [], identifiers: [], addresses: [], programs: ['DPRK3'], listedOn: null, remarks: null, positions: [], gender: null, linkedTo: [] };
}
const service = new ScreeningService([
  fromListEntry(entry('1', 'Person', 'KIM, Won Hong'), { id: 't-1', datasets: ['test_list', 'dprk'], source: { id: 'test@1', title: 'Test <list> & "co"' } }),
  fromListEntry(entry('2', 'Organization', 'Evil <script>alert(1)</script> Trading Corporation'), { id: 't-2', datasets: ['test_list'], source: { id: 'test@1', title: 'Test list' } }),
]);

describe('screening CSV input', () => {
  it('reads rows with their numbers, columns in any case and order, a BOM, CRLF', async () => {
    const got = await rows(['\ufeffID_Number, Name ,Country\r\n123,Kim Won Hong,KP\r\n', ',"Rite Mix, Ltd",MT\r\n']);
    expect(got).toEqual([
      { row: 1, input: { id_number: '123', name: 'Kim Won Hong', country: 'KP' } },
      { row: 2, input: { id_number: '', name: 'Rite Mix, Ltd', country: 'MT' } },
    ]);
  });
  it('says clearly when there is no name column or no header', async () => {
    expect(await failure(['code,country\nX,KP\n'])).toMatch(/line 1.*no "name" column.*"code", "country"/);
    expect(await failure([''])).toMatch(/empty/);
  });
  it('reads Windows-1252 with a warning, UTF-16 by its BOM, and rejects broken UTF-8 with the byte', async () => {
    const warnings: string[] = [];
    const latin = Uint8Array.from([...Buffer.from('name\nJos'), 0xe9, ...Buffer.from(' Mart'), 0xed, ...Buffer.from('\n')]);
    expect((await rows([latin], (m) => warnings.push(m)))[0]?.input.name).toBe('José Martí');
    expect(warnings[0]).toMatch(/not UTF-8.*Windows-1252/);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name\n김원홍\n', 'utf16le')]);
    expect((await rows([utf16]))[0]?.input.name).toBe('김원홍');
    expect(await failure([Buffer.from('name\nKim\n'), Uint8Array.from([0xff, 0xfe, 0x41])])).toMatch(/^test\.csv, line 3: data row 2 cannot be read: the text is not valid UTF-8 at byte 9;/);
  });
  it('a file broken after the bundled suppliers hands over every row before the break, then names its line and row', async () => {
    const suppliers = readFileSync(path.join(REPO_ROOT, 'data/examples/suppliers.csv'));
    const names = (await rows([suppliers])).map((r) => r.input.name);
    expect(names.length).toBeGreaterThan(10);
    const brokenAt = suppliers.toString('utf8').trimEnd().split('\n').length + 1;
    // csv-parse fails on a quote never closed only at the end of the file; its stream dropped the rows it held then.
    const quote = Buffer.concat([suppliers, Buffer.from('"Unclosed, Ltd,Company,,\nJohn Smith,Person,US,,\n')]);
    // With a byte-order mark the file is UTF-8 and a byte that is not (a Windows-1252 é) breaks it; in its own chunk too.
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const bytes = [Buffer.concat([bom, suppliers, Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' Ltd,Company,,,\nJohn Smith,Person,US,,\n')])];
    for (const [input, why] of [[[quote], 'Quote Not Closed'], [bytes, 'the text is not valid UTF-8 at byte'], [[...bytes[0]!].map((b) => Uint8Array.from([b])), 'the text is not valid UTF-8 at byte']] as const) {
      const got: CsvRow[] = [];
      const error = await (async () => { for await (const r of readScreenCsv(input, 'late.csv')) got.push(r); })().then(() => null, (e: unknown) => (e as Error).message);
      expect(got.map((r) => r.input.name)).toEqual(names);
      expect(got.map((r) => r.row)).toEqual(names.map((_, i) => i + 1));
      expect(error).toContain(`late.csv, line ${brokenAt}: data row ${names.length + 1} cannot be read: ${why}`);
    }
  });
});

describe('screening rows', () => {
  async function screen(csv: string) {
    const out: string[] = [];
    const html: string[] = [];
    const table: string[] = [];
    const summary = await runScreen(service, readScreenCsv([csv], 'x.csv'), parseScreeningOptions({ threshold: 0.78 }), [jsonWriter((s) => out.push(s)), htmlWriter((s) => html.push(s)), csvWriter((s) => table.push(s))]);
    return { json: JSON.parse(out.join('')) as { rows: { row: number; error?: string; notes?: string[]; matches: { id: string; match: boolean; flags: { source: { title: string } }[] }[] }[] }, html: html.join(''), csv: table.join(''), summary };
  }
  it('matches, explains and flags, with bad rows reported by number', async () => {
    const { json, summary, csv, html } = await screen(`name,schema\nKim Wonhong,Person\n,\n"\u0000\u0007",Person\n${'x'.repeat(10_000)},\nKim Won Hong,Starship\n`);
    expect(json.rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5]);
    expect(json.rows[0]?.matches[0]?.id).toBe('t-1');
    expect(json.rows[0]?.matches[0]?.flags[0]?.source.title).toBe('Test <list> & "co"');
    expect(json.rows[1]?.error).toBe('row 2: the name is empty');
    expect(json.rows[2]?.error).toBe('row 3: the name is empty');
    expect(json.rows[3]?.notes?.[0]).toMatch(/row 4: the name is 10000 characters long/);
    expect(json.rows[4]?.error).toMatch(/row 5: schema "Starship" is not known/);
    expect(summary).toMatchObject({ rows: 5, rowsWithMatch: 1, errors: 3 });
    // In the CSV a row not screened says so in its match column, not "no".
    expect(csv.split('\r\n').filter((l) => /^[235],/.test(l)).map((l) => l.split(',')[6])).toEqual(['not screened', 'not screened', 'not screened']);
    expect(csv.split('\r\n').find((l) => l.startsWith('4,'))?.split(',')[6]).toBe('no');
    // The HTML report's summary comes last (rows are written as they come); the top says so, and it links to the rows to look at.
    expect(html).toContain('<a href="#summary">');
    const summaryHtml = html.slice(html.indexOf('<section id="summary">'));
    expect(summaryHtml).toMatch(/^<section id="summary"><h2>Summary<\/h2><p>5 rows screened/);
    expect([...summaryHtml.matchAll(/<a href="#row-(\d+)">/g)].map((m) => Number(m[1]))).toEqual([1, 2, 3, 5]);
    expect(summaryHtml).toMatch(/<a href="#row-1">Row 1: Kim Wonhong<\/a> — match: /);
    expect(summaryHtml).toContain('<a href="#row-2">Row 2: </a> — not screened: row 2: the name is empty');
    for (const n of [1, 2, 3, 4, 5]) expect(html).toContain(`id="row-${n}"`);
  });
  it('screens against the DPRK collection only when asked', async () => {
    const out: string[] = [];
    await runScreen(service, readScreenCsv(['name\nEvil Script Alert Trading Corp\n'], 'x.csv'), parseScreeningOptions({ threshold: 0.5, dataset: 'dprk' }), [jsonWriter((s) => out.push(s))]);
    expect(JSON.parse(out.join('')).rows[0].matches).toEqual([]);
  });
  it('escapes all list text in the HTML report', async () => {
    const { html, csv } = await screen('name\nEvil Script Alert(1) Trading Corporation\nKim Won Hong\n');
    expect(html).toContain('Evil &lt;script&gt;alert(1)&lt;/script&gt; Trading Corporation');
    expect(html).toContain('Test &lt;list&gt; &amp; &quot;co&quot;');
    expect(html).not.toContain('<script>');
    expect(csv.split('\n')[0]).toMatch(/^row,name,schema,country,birth_date,id_number,match,score,match_id/);
  });
  it('the HTML report has every row, one with no candidate too, by number and name, escaped', async () => {
    const { json, html, csv } = await screen('name,country\nKim Won Hong,KP\nHans <b>Schmidt</b> & "Sohn",DE\nKim Won Hong,KP\n');
    expect(json.rows[1]?.matches).toEqual([]);
    expect(html).toContain('Row 2: Hans &lt;b&gt;Schmidt&lt;/b&gt; &amp; &quot;Sohn&quot;');
    expect(html).not.toContain('<b>Schmidt');
    // Every row in the body, in order (the summary at the end links again to those that match).
    expect([...html.slice(0, html.indexOf('<section id="summary">')).matchAll(/Row (\d+): /g)].map((m) => m[1])).toEqual(['1', '2', '3']);
    expect(csv).toContain('2,"Hans <b>Schmidt</b> & ""Sohn""",,DE,,,no,');
  });
});

describe('JSON of input that breaks', () => {
  async function broken(rowsBefore: number): Promise<{ out: string; error: unknown }> {
    async function* input() {
      for (let i = 1; i <= rowsBefore; i++) yield { row: i, input: { name: 'Kim Won Hong' } };
      throw invalidInput('the CSV cannot be read', 'x.csv');
    }
    const out: string[] = [];
    const error = await runScreen(service, input(), parseScreeningOptions({}), [jsonWriter((s) => out.push(s), [])]).then(() => null, (e: unknown) => e);
    return { out: out.join(''), error };
  }
  it('writes nothing when no row came', async () => {
    const { out, error } = await broken(0);
    expect(isRoom39Error(error)).toBe(true);
    expect(out).toBe('');
  });
  it('closes the rows written with an error, as one JSON document without a summary', async () => {
    const { out, error } = await broken(2);
    expect(isRoom39Error(error)).toBe(true);
    const doc = JSON.parse(out) as Record<string, unknown> & { rows: { row: number }[] };
    expect(Object.keys(doc)).toEqual(['lists', 'rows', 'error']);
    expect(doc.rows.map((r) => r.row)).toEqual([1, 2]);
    expect(doc.error).toEqual({ code: 'invalid_input', message: 'x.csv: the CSV cannot be read' });
  });
  it('an input with a header and no row is still a whole document', async () => {
    const out: string[] = [];
    await runScreen(service, readScreenCsv(['name\n'], 'x.csv'), parseScreeningOptions({}), [jsonWriter((s) => out.push(s))]);
    expect(JSON.parse(out.join(''))).toMatchObject({ rows: [], summary: { rows: 0 } });
  });
});
