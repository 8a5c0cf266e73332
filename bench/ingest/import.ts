/**
 * Import time, CPU time and peak memory for each official list file (../shared/data/official): parsing
 * alone (streamed, no store) and the full import into a new PGlite store.
 * Run: npx tsx bench/ingest/import.ts [parse|import]   (results in bench/ingest/README.md)
 *      npx tsx bench/ingest/import.ts import FILE [FORMAT]   (one file; format from its folder/extension when not given)
 *      npx tsx bench/ingest/import.ts parse-file BIG.csv  (parse one OFAC CSV, e.g. a 100 MB one)
 *      PHASES=1 npx tsx bench/ingest/import.ts import FILE  (also the CPU and wall time of each phase of each import, on standard error)
 *      npx tsx bench/ingest/import.ts update [RUNS]  (the OFAC CSV into a new store, then a copy changing 1% of its
 *                                                     entries (one-percent.ts) as the next version; RUNS times; each
 *                                                     import in a fresh process (as `room39 lists update` runs alone), then
 *                                                     both in one process (as `room39 serve` runs its first start's
 *                                                     import and a scheduled update))
 *
 * Each import runs in its own process, into a store created (initdb and
 * migrations) by another process beforehand, so its peak RSS (getrusage
 * maxrss, which a timer cannot miss) is the import's own, not PGlite's initdb
 * (which alone peaks near 900 MB on a fresh data directory; see README.md).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { baselineWasmOnly, openDb } from '../../src/store/db.ts';
import { OFAC_CSV_DATE, OFFICIAL, officialListFiles } from '../../test/support/official.ts';
import { onePercent } from './one-percent.ts';
import { importListFile, type ListFormat } from '../../src/ingest/lists/import.ts';
import { parseOfacCsv } from '../../src/ingest/lists/ofac-csv.ts';
import { parseUnXml } from '../../src/ingest/lists/un-xml.ts';
import { REPO_ROOT } from '../../src/config/settings.ts';

const self = fileURLToPath(import.meta.url);
const mode = process.argv[2] ?? 'parse';
const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;
const shown = (file: string) => (file.startsWith(REPO_ROOT) ? path.relative(REPO_ROOT, file) : file);
const child = (...args: string[]) => execFileSync(process.execPath, [...process.execArgv, self, ...args], { stdio: ['ignore', 'pipe', 'inherit'] }).toString();

function formatOf(file: string): ListFormat {
  if (/\.csv$/i.test(file)) return 'ofac-csv';
  return /(^|\/)un\/|consolidated/i.test(file) ? 'un-xml' : 'ofac-xml';
}

if (mode === 'prepare') {
  // Child: create and migrate an empty store, then exit (initdb's memory leaves with the process).
  const db = await openDb({ dataDir: process.argv[3]! });
  await db.close();
} else if (mode === 'import-one') {
  // Child: one import into the prepared store.
  const [, , , dir, file, format, date, compiler] = process.argv as [string, string, string, string, string, ListFormat, string, string?];
  // As `room39 lists update` runs (src/cli/main.ts); `room39 import` keeps V8's default.
  if (compiler === 'baseline') baselineWasmOnly();
  const db = await openDb({ dataDir: dir });
  const startRss = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  // PHASES=1: the CPU time of each phase of the import (versioned-import.ts onPhase) on standard error.
  let mark = process.cpuUsage();
  let wallMark = performance.now();
  const onPhase = process.env.PHASES ? (phase: string) => {
    const c = process.cpuUsage(mark);
    console.error(`phase\t${phase}\tCPU ${((c.user + c.system) / 1000).toFixed(0)} ms\twall ${(performance.now() - wallMark).toFixed(0)} ms`);
    mark = process.cpuUsage();
    wallMark = performance.now();
  } : undefined;
  const r = await importListFile(db, { file, format, date: date || undefined, onPhase });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  await db.close();
  console.log(JSON.stringify({ entries: r.entries, ms, cpuMs: (cpu.user + cpu.system) / 1000, startRss, peakRss: process.resourceUsage().maxRSS * 1024 }));
} else if (mode === 'import-both') {
  // Child: the full import, then the update, in one process and on one open store, as `room39 serve` runs them.
  const [, , , dir, full, fullDate, update, updateDate] = process.argv as [string, string, string, string, string, string, string, string];
  const db = await openDb({ dataDir: dir });
  const timed = async (file: string, date: string) => {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await importListFile(db, { file, format: 'ofac-csv', date });
    const cpu = process.cpuUsage(cpu0);
    return { entries: r.entries, ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 };
  };
  const first = await timed(full, fullDate);
  const second = await timed(update, updateDate);
  await db.close();
  console.log(JSON.stringify({ full: first, update: second }));
} else if (mode === 'import') {
  const files = process.argv[3] ? [{ file: path.resolve(process.argv[3]), format: (process.argv[4] as ListFormat | undefined) ?? formatOf(process.argv[3]) }] : officialListFiles();
  for (const { file, format } of files) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-bench-'));
    try {
      child('prepare', dir);
      const r = JSON.parse(child('import-one', dir, file, format, '', 'default').trim().split('\n').at(-1)!) as { entries: number; ms: number; cpuMs: number; startRss: number; peakRss: number };
      console.log(`import\t${shown(file)}\t${(fs.statSync(file).size / 1e6).toFixed(1)} MB\t${r.entries} entries\t${(r.ms / 1000).toFixed(1)} s\tCPU ${(r.cpuMs / 1000).toFixed(1)} s\tpeak RSS ${mb(r.peakRss)} (store opened: ${mb(r.startRss)})`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
} else if (mode === 'update') {
  type Run = { entries: number; ms: number; cpuMs: number; peakRss: number };
  const run = (...args: string[]) => JSON.parse(child('import-one', ...args).trim().split('\n').at(-1)!) as Run;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-bench-'));
  const changed = path.join(tmp, 'sdn-1pct.csv');
  const made = onePercent(fs.readFileSync(OFFICIAL.ofacCsv, 'latin1'));
  fs.writeFileSync(changed, made.text, 'latin1');
  const s = (r: Run) => `${(r.ms / 1000).toFixed(2)} s, CPU ${(r.cpuMs / 1000).toFixed(2)} s`;
  try {
    for (let i = 0; i < Number(process.argv[3] ?? 1); i++) {
      const dir = path.join(tmp, `store-${i}`);
      child('prepare', dir);
      const full = run(dir, OFFICIAL.ofacCsv, 'ofac-csv', OFAC_CSV_DATE, 'baseline');
      const update = run(dir, changed, 'ofac-csv', '2024-05-10', 'baseline');
      const ratio = (u: Run, f: Run) => `update/full: wall ${(u.ms / f.ms * 100).toFixed(1)} %, CPU ${(u.cpuMs / f.cpuMs * 100).toFixed(1)} %`;
      console.log(`fresh processes: full import ${s(full)}\tupdate (${made.changed} changed, ${made.removed} removed, ${made.added} added) ${s(update)}\t${ratio(update, full)}`);
      fs.rmSync(dir, { recursive: true, force: true });
      child('prepare', dir);
      const both = JSON.parse(child('import-both', dir, OFFICIAL.ofacCsv, OFAC_CSV_DATE, changed, '2024-05-10').trim().split('\n').at(-1)!) as { full: Run; update: Run };
      console.log(`one process (as room39 serve): full import ${s(both.full)}\tupdate ${s(both.update)}\t${ratio(both.update, both.full)}`);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
} else {
  let peak = 0;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
  const files = mode === 'parse-file' ? [{ file: path.resolve(process.argv[3] ?? ''), format: 'ofac-csv' as const }] : officialListFiles();
  for (const { file, format } of files) {
    global.gc?.();
    peak = process.memoryUsage().rss;
    const start = process.memoryUsage().rss;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    let entries = 0;
    const input = fs.createReadStream(file);
    const gen = format === 'un-xml' ? parseUnXml(input, { file }) : parseOfacCsv(input, { file });
    for await (const _ of gen) entries++;
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    console.log(`${mode}\t${shown(file)}\t${(fs.statSync(file).size / 1e6).toFixed(1)} MB\t${entries} entries\t${(ms / 1000).toFixed(1)} s\tCPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s\tpeak RSS ${mb(peak)} (start ${mb(start)})`);
  }
  clearInterval(timer);
}
