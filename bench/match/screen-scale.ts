/**
 * Screening at scale: writes a CSV of N rows (default 100,000; names drawn
 * from the evaluation set, so about one row in ten hits), screens it as
 * `room39 screen` does (streamed in, JSON + CSV streamed out), and reports
 * rows per second and peak memory, sampled during the run.
 *
 *   npx tsx bench/match/screen-scale.ts [ROWS]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readListFiles } from '../../src/ingest/lists/matchable.ts';
import { ScreeningService, runScreen, readScreenCsv, jsonWriter, csvWriter, parseScreeningOptions } from '../../src/screen/index.ts';
import { DEFAULT_THRESHOLD } from '../../src/match/matcher.ts';
import type { EvalCase } from '../../src/match/evaluation.ts';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { officialListFiles } from '../../test/support/official.ts';

const n = Number(process.argv[2] ?? 100_000);
const { cases } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'test/match/eval-set.json'), 'utf8')) as { cases: EvalCase[] };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-screen-'));
const input = path.join(dir, 'rows.csv');
const out = fs.createWriteStream(input);
out.write('name,schema,country\n');
for (let i = 0; i < n; i++) {
  const c = cases[i % cases.length]!;
  out.write(`"${c.query.replace(/"/g, '""')}",${c.schema ?? ''},${i % 3 === 0 ? 'KP' : ''}\n`);
}
await new Promise((r) => out.end(r));
const service = new ScreeningService((await readListFiles(officialListFiles())).map((r) => r.entity));
global.gc?.();
const rssBefore = process.memoryUsage().rss;
let peak = rssBefore;
const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 200);
const jsonOut = fs.createWriteStream(path.join(dir, 'out.json'));
const csvOut = fs.createWriteStream(path.join(dir, 'out.csv'));
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const summary = await runScreen(service, readScreenCsv(fs.createReadStream(input), input), parseScreeningOptions({ threshold: DEFAULT_THRESHOLD }),
  [jsonWriter((s) => jsonOut.write(s)), csvWriter((s) => csvOut.write(s))],
  async (r) => { if (r.row % 1000 === 0) { peak = Math.max(peak, process.memoryUsage().rss); if (jsonOut.writableNeedDrain) await new Promise<void>((ok) => jsonOut.once('drain', () => ok())); } });
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
clearInterval(timer);
await Promise.all([new Promise((r) => jsonOut.end(r)), new Promise((r) => csvOut.end(r))]);
console.log(JSON.stringify({
  rows: summary.rows, rowsWithMatch: summary.rowsWithMatch, errors: summary.errors, indexed: summary.indexed,
  seconds: Math.round(ms) / 1000, rowsPerSecondWall: Math.round(summary.rows / ms * 1000), rowsPerCpuSecond: Math.round(summary.rows / ((cpu.user + cpu.system) / 1e6)),
  rssBeforeMB: Math.round(rssBefore / 2 ** 20), rssPeakMB: Math.round(peak / 2 ** 20), inputMB: Math.round(fs.statSync(input).size / 2 ** 20), outputJsonMB: Math.round(fs.statSync(path.join(dir, 'out.json')).size / 2 ** 20),
}, null, 2));
fs.rmSync(dir, { recursive: true, force: true });
