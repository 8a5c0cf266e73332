/**
 * `room39 screen FILE` reads a supplier file as `room39 case create` does: an .xlsx workbook as well as a CSV, a
 * column mapping given with --map when the header words say nothing, and says on stderr which column it read as what.
 * `room39 case create` says how many rows it could not screen, `case show` each match with its row's name and decision. The rows are the bundled example suppliers
 * (data/examples/suppliers.csv), screened against the test store's lists.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { loadedDataDir } from '../support/services.ts';
import { cli } from './local-server.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-cli-screen-input-'));
let dataDir = '';

const room39 = (args: string[]) => cli(dataDir, args, { env: { ROOM39_KEY: '', ROOM39_KEY_FILE: '' } });

/** The example suppliers' names and countries. */
const suppliers = fs.readFileSync(path.join(REPO_ROOT, 'data/examples/suppliers.csv'), 'utf8').trim().split('\n').slice(1)
  .map((l) => l.split(',')).map(([name, , country]) => ({ name: name!, country: country ?? '' }));

interface Screened { rows: { row: number; input: Record<string, string>; matches: { id: string; match: boolean }[] }[]; summary: { rows: number } }
const matchedIds = (s: Screened, name: string) => s.rows.find((r) => r.input.name === name)?.matches.filter((m) => m.match).map((m) => m.id) ?? [];

beforeAll(async () => {
  dataDir = await loadedDataDir();
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('room39 screen reads supplier files as people have them', { timeout: 900_000 }, () => {
  it('an .xlsx workbook, its columns named as a purchasing system names them', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Vendors');
    ws.addRow(['Vendor number', 'Supplier legal name', 'Country']);
    suppliers.forEach((s, i) => ws.addRow([`V${1000 + i}`, s.name, s.country]));
    const file = path.join(tmp, 'vendors.xlsx');
    await wb.xlsx.writeFile(file);

    const r = await room39(['screen', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('read as xlsx, sheet "Vendors"; columns: Vendor number → (not read); Supplier legal name → name (guessed); Country → country');
    const out = JSON.parse(r.stdout) as Screened;
    expect(out.summary.rows).toBe(suppliers.length);
    expect(matchedIds(out, 'KOMID')).toContain('r39-komid');
    expect(out.rows.every((row) => !row.input.id_number)).toBe(true);
  });

  it('a CSV whose name column has a header no rule knows, mapped with --map', async () => {
    const file = path.join(tmp, 'firms.csv');
    fs.writeFileSync(file, `Firm;Land\n${suppliers.map((s) => `${s.name};${s.country}`).join('\n')}\n`);
    const unmapped = await room39(['screen', file, '--json']);
    expect(unmapped.code).toBe(1);
    expect(unmapped.stderr).toMatch(/header row has no \\?"name\\?" column/);

    const r = await room39(['screen', file, '--json', '--map', 'Firm=name,Land=country']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('columns: Firm → name; Land → country');
    const out = JSON.parse(r.stdout) as Screened;
    expect(out.summary.rows).toBe(suppliers.length);
    expect(matchedIds(out, 'Korea Ryonbong General Corp')).toContain('unsc-kpe-002');
  });

  it('room39 case create says how many rows it could not screen; case show gives each match its row name and decision', async () => {
    const file = path.join(tmp, 'with-blanks.csv');
    fs.writeFileSync(file, `name,country\n${suppliers.slice(0, 4).map((s) => `${s.name},${s.country}`).join('\n')}\n,CN\n   ,RU\n${suppliers.slice(4).map((s) => `${s.name},${s.country}`).join('\n')}\n`);
    const created = await room39(['case', 'create', 'With blanks', file, '--json']);
    expect(created.code, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ case: { row_count: suppliers.length + 2 }, rows_not_screened: 2 });
    const text = await room39(['case', 'create', 'With blanks too', file]);
    expect(text.code, text.stderr).toBe(0);
    // case show: each match with the row's own name and where its decision stands.
    expect((await room39(['case', 'decide', 'With blanks', '4', 'r39-komid', 'confirmed', '--reason', 'Same company: KOMID'])).code).toBe(0);
    const shown = (await room39(['case', 'show', 'With blanks'])).stdout.split('\n');
    expect(shown).toContain('  row 4 (KOMID): KOMID [r39-komid] 1  confirmed');
    expect(shown.find((l) => l.startsWith('  row 1 (Kim Won Hong): '))).toMatch(/ not decided$/);
    expect(text.stdout).toMatch(new RegExp(`^case "With blanks too": ${suppliers.length + 2} rows \\(csv, utf-8, comma-separated\\), \\d+ with a match at threshold 0\\.8, 2 not screened \\(listed with why in room39 case report\\)\\.`));
  });
});
