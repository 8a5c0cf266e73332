/**
 * The Screening page's downloads (web/src/screening.ts), written from a real answer of POST /api/screen on the loaded
 * store: a row that could not be screened (an empty name) must not read as cleared in the CSV or the HTML report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { openTestServices, type TestServices } from '../support/services.ts';
import { resultsCsv, resultsHtml, type ScreenResults } from '../../web/src/screening.ts';

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
});
