/**
 * `room39 screen --out-csv/--out-html` as a person runs it (a child process on
 * a copy of the loaded store): a run that fails leaves no report, partial or
 * empty, and a report already there as it was; the bundled supplier CSV
 * broken after its last row still has every row before the break screened in
 * the JSON, closed with the error naming the line and row; a run stopped by
 * Ctrl-C leaves no temporary file.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { loadedDataDir } from '../support/services.ts';
import { MAX_OUTPUT } from '../support/child.ts';
import { startCli } from './local-server.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-cli-reports-'));
let dataDir = '';

function room39(args: string[]) {
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/room39.js'), ...args, '--data', dataDir], {
    encoding: 'utf8', maxBuffer: MAX_OUTPUT, timeout: 600_000,
    env: { ...process.env, DATABASE_URL: '', ROOM39_KEY: '', ROOM39_KEY_FILE: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A report from an earlier run, and the folder's files after: nothing left half-written beside it. */
function earlierReports(): { csv: string; html: string } {
  const csv = path.join(tmp, 'report.csv');
  const html = path.join(tmp, 'report.html');
  fs.writeFileSync(csv, 'row,name\n1,an earlier good report\n');
  fs.writeFileSync(html, '<p>an earlier good report</p>\n');
  return { csv, html };
}
const left = () => fs.readdirSync(tmp).filter((f) => f.startsWith('.') || f.includes('.part')).sort();

beforeAll(async () => {
  dataDir = await loadedDataDir();
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('room39 screen writes its reports only when the run succeeds', { timeout: 900_000 }, () => {
  const suppliers = fs.readFileSync(path.join(REPO_ROOT, 'data/examples/suppliers.csv'), 'utf8').trimEnd();
  const supplierRows = suppliers.split('\n').length - 1;

  it('a report path that cannot be written fails at once, and the other report is left as it was', () => {
    const { csv, html } = earlierReports();
    const input = path.join(tmp, 'suppliers.csv');
    fs.writeFileSync(input, `${suppliers}\n`);
    const r = room39(['screen', input, '--out-csv', csv, '--out-html', path.join(tmp, 'no-such-folder', 'report.html')]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/--out-html: cannot write .*no-such-folder.*report\.html: its folder does not exist/);
    expect(fs.readFileSync(csv, 'utf8')).toBe('row,name\n1,an earlier good report\n');
    expect(fs.readFileSync(html, 'utf8')).toBe('<p>an earlier good report</p>\n');
    expect(left()).toEqual([]);
  });

  it('a CSV broken half-way: every row before the break is screened in the JSON, and no report is written', () => {
    const { csv, html } = earlierReports();
    const input = path.join(tmp, 'late.csv');
    fs.writeFileSync(input, `${suppliers}\n"Unclosed, Ltd,Company\nJohn Smith,Person,US,,\n`);
    const r = room39(['screen', input, '--out-csv', csv, '--out-html', html, '--json']);
    expect(r.code, r.stderr).toBe(1);
    const doc = JSON.parse(r.stdout) as { rows: { row: number; input: { name: string } }[]; error: { code: string; message: string }; summary?: unknown };
    expect(doc.rows.map((x) => x.row)).toEqual(Array.from({ length: supplierRows }, (_, i) => i + 1));
    expect(doc.rows.map((x) => x.input.name)).toContain('Kim Won Hong');
    expect(doc.summary).toBeUndefined();
    expect(doc.error).toEqual({ code: 'invalid_input', message: expect.stringContaining(`late.csv, line ${supplierRows + 2}: data row ${supplierRows + 1} cannot be read: Quote Not Closed`) });
    expect(fs.readFileSync(csv, 'utf8')).toBe('row,name\n1,an earlier good report\n');
    expect(fs.readFileSync(html, 'utf8')).toBe('<p>an earlier good report</p>\n');
    expect(left()).toEqual([]);
  });

  it('a run stopped by Ctrl-C while it works leaves no temporary file, and the earlier reports as they were', async () => {
    const { csv, html } = earlierReports();
    const input = path.join(tmp, 'suppliers.csv');
    fs.writeFileSync(input, `${suppliers}\n`);
    const run = startCli(dataDir, ['screen', input, '--out-csv', csv, '--out-html', html], { env: { ROOM39_KEY: '', ROOM39_KEY_FILE: '' } });
    // The temporary files are opened before the screening index is built (seconds): stopped then, mid-run.
    const started = Date.now();
    while (left().length < 2 && Date.now() - started < 120_000 && run.child.exitCode === null) await new Promise((r) => setTimeout(r, 20));
    expect(left()).toHaveLength(2);
    run.child.kill('SIGINT');
    const r = await run.done;
    expect(r.code, r.stderr).toBe(130);
    expect(left()).toEqual([]);
    expect(fs.readFileSync(csv, 'utf8')).toBe('row,name\n1,an earlier good report\n');
    expect(fs.readFileSync(html, 'utf8')).toBe('<p>an earlier good report</p>\n');
  });
});
