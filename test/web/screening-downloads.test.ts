/**
 * The Screening page's downloads (web/src/screening.ts), written from a real answer of POST /api/screen on the loaded
 * store: a row that could not be screened (an empty name) must not read as cleared in the CSV or the HTML report; the
 * risks of a candidate below the threshold are marked as context in the CSVs (the page's and `room39 screen --out-csv`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { openTestServices, type TestServices } from '../support/services.ts';
import { resultsCsv, resultsHtml, type ScreenResults } from '../../web/src/screening.ts';
import { csvWriter } from '../../src/screen/report.ts';
import type { ScreenRowResult } from '../../src/screen/screen.ts';

let ts: TestServices;
let answer: ScreenResults;
beforeAll(async () => {
  ts = await openTestServices();
  const res = await createApp(ts.services).request('/api/screen', {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ rows: [{ name: 'Kim Won Hong', country: 'KP' }, { name: '   ', country: 'CN' }, { name: 'Northwind Packaging GmbH', country: 'DE' }] }),
  });
  expect(res.status).toBe(200);
  answer = (await res.json()) as ScreenResults;
}, 600_000);
afterAll(async () => ts?.dispose());

describe('the Screening page\'s downloads', () => {
  it('say a row was not screened, and why, instead of clearing it', () => {
    expect(answer.rows.map((r) => [r.row, !!r.error, r.matches.some((m) => m.match)])).toEqual([[1, false, true], [2, true, false], [3, false, false]]);
    const csv = resultsCsv(answer).split('\r\n');
    const row2 = csv.filter((l) => l.startsWith('2,'));
    expect(row2).toEqual(['2,   ,not screened,,,,,,,row 2: the name is empty']);
    expect(csv.some((l) => l.startsWith('3,') && l.endsWith('no candidate above the cut-off'))).toBe(true);

    const html = resultsHtml(answer, { when: '2026-12-07', file: 'suppliers.csv' });
    expect(html).toMatch(/<td>2<\/td><td>   <br><small>country: CN<\/small><\/td><td><b>NOT SCREENED<\/b><\/td><td>row 2: the name is empty<\/td>/);
    expect(html).toContain('3 rows screened · 1 with a match');
    expect(html).toContain('<b>1 not screened</b>');
  });

  it('mark the risks of a candidate below the threshold as context in both CSVs', () => {
    const kim = answer.rows[0]!;
    expect(kim.matches.some((m) => !m.match && m.flags.length > 0)).toBe(true);
    const cliCsv: string[] = [];
    const w = csvWriter((c) => cliCsv.push(c));
    for (const r of answer.rows) w.row(r as ScreenRowResult);
    const flagsOf = (lines: string[], matchCol: number, flagsCol: number, yes: string) => lines.filter((l) => l.startsWith('1,')).map((l) => parse(l)).map((c) => ({ match: c[matchCol] === yes, flags: c[flagsCol]! }));
    for (const rows of [flagsOf(resultsCsv(answer).split('\r\n'), 2, 8, 'true'), flagsOf(cliCsv.join('').split('\r\n'), 6, 12, 'yes')]) {
      expect(rows.some((r) => r.match && r.flags.startsWith('Sanctioned'))).toBe(true);
      const below = rows.filter((r) => !r.match && r.flags !== '');
      expect(below.length).toBeGreaterThan(0);
      for (const r of below) expect(r.flags.split('; ').every((f) => f.startsWith('context: '))).toBe(true);
    }
  });
});

/** One CSV line's cells (quoted cells may hold commas and doubled quotes). */
function parse(line: string): string[] {
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (ch === '"') quoted = false; else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { cells.push(cur); cur = ''; } else cur += ch;
  }
  cells.push(cur);
  return cells;
}
