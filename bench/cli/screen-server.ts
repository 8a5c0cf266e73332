/**
 * `room39 screen FILE.csv` through a running `room39 serve` (the local
 * socket) against the same command on an unheld data directory: rows per
 * second of the whole command, and the peak RSS of the command and of the
 * server, sampled from /proc every 100 ms. Rows are names from the matcher's
 * evaluation set (about one in ten hits), as in bench/match/screen-scale.ts.
 * Works on a copy of the data directory given (never on the directory itself).
 *
 *   npx tsx bench/cli/screen-server.ts [ROWS=20000] [--data DIR] [--repeat N]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, readSettings } from '../../src/config/settings.ts';
import type { EvalCase } from '../../src/match/evaluation.ts';

const { values, positionals } = parseArgs({ options: { data: { type: 'string' }, repeat: { type: 'string', default: '1' } }, allowPositionals: true });
const rows = Number(positionals[0] ?? 20_000);
const repeat = Number(values.repeat);
const source = readSettings({ dataDir: values.data }).dataDir;
const BIN = path.join(REPO_ROOT, 'bin/room39.js');
if (!fs.existsSync(path.join(source, 'PG_VERSION'))) throw new Error(`${source} holds no room39 store: run \`npm start\` (or room39 serve --data DIR) once first`);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-bench-cli-'));
const dataDir = path.join(work, 'data');
fs.cpSync(source, dataDir, { recursive: true });
for (const f of ['room39.lock', 'room39.sock']) fs.rmSync(path.join(dataDir, f), { force: true });

const { cases } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'test/match/eval-set.json'), 'utf8')) as { cases: EvalCase[] };
const csv = path.join(work, 'rows.csv');
const out = fs.createWriteStream(csv);
out.write('name,schema,country\n');
for (let i = 0; i < rows; i++) {
  const c = cases[i % cases.length]!;
  if (!out.write(`"${c.query.replace(/"/g, '""')}",${c.schema ?? ''},${i % 3 === 0 ? 'KP' : ''}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
}
await new Promise((r) => out.end(r));

function rssMB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Runs `room39 screen` to /dev/null; wall seconds and peak RSS of it (and of `also`, the server). */
async function screen(also: number | null): Promise<{ seconds: number; cliPeakMB: number; serverPeakMB: number | null }> {
  const sink = fs.openSync('/dev/null', 'w');
  const t0 = performance.now();
  const child = spawn(process.execPath, [BIN, 'screen', csv, '--json', '--data', dataDir], { stdio: ['ignore', sink, 'pipe'], env: { ...process.env, DATABASE_URL: '' } });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  let cliPeak = 0;
  let serverPeak = also ? rssMB(also) : 0;
  const timer = setInterval(() => {
    cliPeak = Math.max(cliPeak, rssMB(child.pid!));
    if (also) serverPeak = Math.max(serverPeak, rssMB(also));
  }, 100);
  const code = await new Promise<number | null>((r) => child.on('close', r));
  clearInterval(timer);
  fs.closeSync(sink);
  if (code !== 0) throw new Error(`room39 screen exited ${code}: ${err}`);
  return { seconds: (performance.now() - t0) / 1000, cliPeakMB: Math.round(cliPeak), serverPeakMB: also ? Math.round(serverPeak) : null };
}

async function served<T>(fn: (pid: number) => Promise<T>): Promise<T> {
  const server = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data', dataDir], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, DATABASE_URL: '' } });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    server.stderr!.on('data', (d: Buffer) => { log += d.toString(); if (/serving http/.test(log)) resolve(); });
    server.on('exit', (c) => reject(new Error(`room39 serve exited ${c}: ${log}`)));
  });
  try {
    return await fn(server.pid!);
  } finally {
    await new Promise((r) => { server.once('exit', r); server.kill('SIGTERM'); });
  }
}

const results: { mode: string; seconds: number; rowsPerSecond: number; cliPeakMB: number; serverPeakMB: number | null }[] = [];
const record = (mode: string, r: Awaited<ReturnType<typeof screen>>) => results.push({ mode, ...r, seconds: Math.round(r.seconds * 10) / 10, rowsPerSecond: Math.round(rows / r.seconds) });
for (let i = 0; i < repeat; i++) {
  record('unheld', await screen(null));
  await served(async (pid) => record('through serve', await screen(pid)));
}
const best = (mode: string) => Math.max(...results.filter((r) => r.mode === mode).map((r) => r.rowsPerSecond));
console.log(JSON.stringify({
  rows, inputMB: Math.round(fs.statSync(csv).size / 2 ** 20 * 10) / 10, loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10), results,
  ratioBest: Math.round((best('through serve') / best('unheld')) * 1000) / 1000,
}, null, 2));
fs.rmSync(work, { recursive: true, force: true });
