/**
 * The report files of `room39 screen --out-csv/--out-html` (and `case report
 * --out`) wait for their buffers to drain. `room39 screen big.csv --out-csv A
 * --out-html B` of 100,000 rows through a running serve stopped for good after
 * ~12,000 rows: both buffers were full, the command waited for A to drain, B
 * drained meanwhile, and the wait for B listened for a 'drain' already past.
 * Here the same order of events on the real screening report of the bundled
 * suppliers, written again and again: full buffers, both drained before
 * anyone asks; asking must not hang.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { openReportFile } from '../../src/cli/report-file.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-report-file-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Resolves with 'hung' if the promise has not settled within ms. */
const within = (p: Promise<unknown>, ms: number) =>
  Promise.race([p.then(() => 'done'), new Promise((r) => setTimeout(() => r('hung'), ms))]);

describe('report files: drained() after the buffer has drained', () => {
  it('two full reports, both drained before they are asked: neither wait hangs, and both reports are whole', async () => {
    const suppliers = fs.readFileSync(path.join(REPO_ROOT, 'data/examples/suppliers.csv'), 'utf8');
    const a = openReportFile(path.join(tmp, 'a.csv'), 'out-csv');
    const b = openReportFile(path.join(tmp, 'b.html'), 'out-html');
    // Past the stream's 16 KiB high-water mark: both writes find their buffers full.
    for (let i = 0; i < 40; i++) { a.write(suppliers); b.write(suppliers); }
    // Both files take what was written before anyone asks (as B did while the command waited for A).
    await new Promise((r) => setTimeout(r, 300));
    expect(await within(a.drained(), 5000)).toBe('done');
    expect(await within(b.drained(), 5000)).toBe('done');
    await a.commit();
    await b.commit();
    expect(fs.readFileSync(path.join(tmp, 'a.csv'), 'utf8')).toBe(suppliers.repeat(40));
    expect(fs.readFileSync(path.join(tmp, 'b.html'), 'utf8')).toBe(suppliers.repeat(40));
    expect(fs.readdirSync(tmp).filter((f) => f.includes('.part'))).toEqual([]);
  });
});
