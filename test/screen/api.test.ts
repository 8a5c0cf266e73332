/**
 * The HTTP door of batch screening, POST /api/screen (JSON rows and CSV
 * text), and POST /api/screen/read (a file read as `room39 screen` reads it,
 * for the web page), on a loaded store: the bundled dataset and the official lists, as
 * `room39 serve` has them. yente's /match and OpenRefine's /reconcile, the
 * other screening doors, are tested as their clients use them in test/clients.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { openTestServices, type TestServices } from '../support/services.ts';
import { READ_MAX_BYTES, READ_MAX_ROWS } from '../../src/server/routes/screen.ts';
import type { ScreenFileRead } from '../../src/server/wire.ts';

let ts: TestServices;
let app: ReturnType<typeof createApp>;

const post = (path: string, body: unknown) => app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  ts = await openTestServices();
  app = createApp(ts.services);
});
afterAll(async () => ts?.dispose());

describe('POST /api/screen', () => {
  it('screens JSON rows and CSV text', async () => {
    const json = await (await post('/api/screen', { rows: [{ name: 'Kim Won Hong', schema: 'Person' }, { name: '' }], dataset: 'dprk' })).json() as { rows: { row: number; error?: string; matches: { caption: string; match: boolean; flags: unknown[] }[] }[] };
    expect(json.rows[0]?.matches[0]).toMatchObject({ match: true });
    // One entity for the seed record and OFAC 21443 (KIM, Won Hong).
    expect(json.rows[0]?.matches.map((m) => m.caption)).toContain('Kim Won-hong');
    expect(json.rows[0]?.matches[0]?.flags.length).toBeGreaterThan(0);
    expect(json.rows[1]?.error).toBe('row 2: the name is empty');
    const csv = await (await app.request('/api/screen?threshold=0.9', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'name,country\nKorea Ryonbong General Corp,KP\n' })).json() as { rows: { matches: { match: boolean }[] }[] };
    expect(csv.rows[0]?.matches[0]?.match).toBe(true);
  });

  it('refuses more than 10,000 rows and a CSV with no name column', async () => {
    const big = await post('/api/screen', { rows: Array.from({ length: 10_001 }, () => ({ name: 'x' })) });
    expect(big.status).toBe(400);
    expect(((await big.json()) as { error: { message: string } }).error.message).toMatch(/10000 rows/);
    const noName = await app.request('/api/screen', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'code\nX\n' });
    expect(noName.status).toBe(400);
  });
});

describe('POST /api/screen/read', () => {
  const read = (bytes: BodyInit, query = '?filename=suppliers.csv', headers: Record<string, string> = {}) =>
    app.request(`/api/screen/read${query}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', ...headers }, body: bytes });
  const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

  it('reads a semicolon-separated file and a Windows-1252 one as room39 screen does, with the encoding warning', async () => {
    const semi = await read('name;country\nKim Won Hong;KP\nJohn Smith;US\n');
    expect(semi.status).toBe(200);
    const a = (await semi.json()) as ScreenFileRead;
    expect(a.info).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: 'semicolon', headers: ['name', 'country'] });
    expect(a.rows).toEqual([{ row: 1, input: { name: 'Kim Won Hong', country: 'KP' } }, { row: 2, input: { name: 'John Smith', country: 'US' } }]);
    expect(a.warnings).toEqual([]);
    const latin = await read(Buffer.from('name,country\nJosé Martínez,ES\n', 'latin1'), '?filename=spain.csv');
    const b = (await latin.json()) as ScreenFileRead;
    expect(b.rows[0]?.input.name).toBe('José Martínez');
    expect(b.info?.encoding).toBe('windows-1252');
    expect(b.warnings).toEqual([expect.stringMatching(/^spain\.csv: the file is not UTF-8; read as Windows-1252/)]);
  });

  it('reads an .xlsx workbook', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Suppliers').addRows([['Supplier Name', 'Country'], ['Kim Won Hong', 'KP']]);
    const a = (await (await read(new Uint8Array(await wb.xlsx.writeBuffer()), '?filename=suppliers.xlsx')).json()) as ScreenFileRead;
    expect(a.info).toMatchObject({ format: 'xlsx', sheet: 'Suppliers' });
    expect(a.rows).toEqual([{ row: 1, input: { name: 'Kim Won Hong', country: 'KP' } }]);
  });

  it('refuses an unclosed quote, an empty body, no name column, an old .xls and a form, saying what and where', async () => {
    const quote = await read('name,country\n"Kim Won Hong,KP\nJohn Smith,US\n', '?filename=bad.csv');
    expect(quote.status).toBe(400);
    expect(await errorOf(quote)).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^bad\.csv, line 2: data row 1 cannot be read: Quote Not Closed/) });
    const empty = await read('');
    expect(empty.status).toBe(400);
    expect(await errorOf(empty)).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^suppliers\.csv: the file is empty/) });
    const noName = await read('code;land\nX;KP\n');
    expect(noName.status).toBe(400);
    expect((await errorOf(noName)).message).toMatch(/^suppliers\.csv, line 1: the header row has no "name" column/);
    const xls = await read(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), '?filename=old.xls');
    expect((await errorOf(xls)).message).toMatch(/old Excel \.xls files are not read/);
    const form = new FormData();
    form.set('file', new Blob(['name\nKim Won Hong\n']), 'a.csv');
    const multipart = await app.request('/api/screen/read', { method: 'POST', body: form });
    expect(multipart.status).toBe(415);
    expect((await errorOf(multipart)).message).toMatch(/send the file itself as the request body/);
  });

  it('refuses a file over the size or row limit with 413', async () => {
    const big = new Uint8Array(READ_MAX_BYTES + 1).fill(0x61);
    for (const res of [await read(big), await read(big, undefined, { 'content-length': String(big.byteLength) })]) {
      expect(res.status).toBe(413);
      expect(await errorOf(res)).toMatchObject({ code: 'too_large', message: expect.stringMatching(/the limit is 10 MB/) });
    }
    const many = await read(`name\n${'x\n'.repeat(READ_MAX_ROWS + 1)}`);
    expect(many.status).toBe(413);
    expect((await errorOf(many)).message).toMatch(/more than 100000 rows/);
  });

  it('screens rows with their numbers in the file, so a later batch names its rows right', async () => {
    const res = await post('/api/screen', { rows: [{ row: 251, name: 'Kim Won Hong' }, { row: 253, name: '' }] });
    const a = (await res.json()) as { rows: { row: number; error?: string; matches: { match: boolean }[] }[] };
    expect(a.rows.map((r) => r.row)).toEqual([251, 253]);
    expect(a.rows[0]?.matches[0]?.match).toBe(true);
    expect(a.rows[1]?.error).toBe('row 253: the name is empty');
  });
});
