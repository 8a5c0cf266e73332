/**
 * Issue 12, point 4: `room39 screen` of a large supplier file (default
 * 1,000,000 rows, made by suppliers.ts) through a running `room39 serve`,
 * with the resident memory (RSS, from /proc) of both processes sampled every
 * second: the server idle before the command, then both while it runs, and
 * their peaks. The JSON output goes to a file whose rows are counted
 * afterwards (one per input row). Works on a copy of the given data
 * directory. With `--max-seconds` the command is stopped when that time has
 * passed, and the rows it had written and the rate are reported.
 *
 *   npx tsx bench/cli/screen-million.ts [ROWS=1000000] --data DIR [--max-seconds S] [--keep FILE.csv]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { REPO_ROOT, readSettings } from '../../src/config/settings.ts';
import { writeSupplierFile } from './suppliers.ts';

const { values, positionals } = parseArgs({
  options: { data: { type: 'string' }, 'max-seconds': { type: 'string' }, keep: { type: 'string' } },
  allowPositionals: true,
});
const rows = Number(positionals[0] ?? 1_000_000);
const maxSeconds = values['max-seconds'] ? Number(values['max-seconds']) : Infinity;
const source = readSettings({ dataDir: values.data }).dataDir;
const BIN = path.join(REPO_ROOT, 'bin/room39.js');
if (!fs.existsSync(path.join(source, 'PG_VERSION'))) throw new Error(`${source} holds no room39 store: run \`room39 serve --data DIR\` once and import the lists first`);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-million-'));
const dataDir = path.join(work, 'data');
fs.cpSync(source, dataDir, { recursive: true });
for (const f of ['room39.lock', 'room39.sock']) fs.rmSync(path.join(dataDir, f), { force: true });
const csv = values.keep ?? path.join(work, 'suppliers.csv');
const made = fs.existsSync(csv) && values.keep ? null : await writeSupplierFile(csv, rows);
const out = path.join(work, 'out.json');
const env = { ...process.env, DATABASE_URL: '' };
const log = (m: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${m}\n`);

function rssMB(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

function cpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return 0;
  }
}

async function startServer(): Promise<ChildProcess> {
  const server = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data', dataDir, '--update-every', '0'], { stdio: ['ignore', 'ignore', 'pipe'], env });
  let text = '';
  await new Promise<void>((resolve, reject) => {
    server.stderr!.on('data', (d: Buffer) => { text += d.toString(); if (/serving http/.test(text)) resolve(); });
    server.on('exit', (c) => reject(new Error(`room39 serve exited ${c}: ${text.slice(-2000)}`)));
  });
  return server;
}

/** Output rows written (JSON lines of the `rows` array). */
async function countRows(file: string): Promise<number> {
  let n = 0;
  for await (const line of readline.createInterface({ input: fs.createReadStream(file) })) if (line.startsWith('{"row":')) n++;
  return n;
}

log(`${rows} rows in ${csv}${made ? `: ${made.distinctRecords} distinct records from a pool of ${made.poolSize}, ${made.listRows} rows of listed names or their variants, ${made.variedRows} respelled` : ''}`);
const server = await startServer();
const idle: number[] = [];
for (let i = 0; i < 10; i++) { idle.push(rssMB(server.pid)); await new Promise((r) => setTimeout(r, 1000)); }
log(`server idle RSS ${Math.max(...idle)} MB`);

const sink = fs.openSync(out, 'w');
const serverCpu0 = cpuSeconds(server.pid);
const t0 = performance.now();
const cli = spawn(process.execPath, [BIN, 'screen', csv, '--json', '--data', dataDir], { stdio: ['ignore', sink, 'pipe'], env });
let err = '';
cli.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
const samples: { t: number; cli: number; server: number }[] = [];
let cliCpu = 0;
const timer = setInterval(() => {
  const t = Math.round((performance.now() - t0) / 1000);
  cliCpu = Math.max(cliCpu, cpuSeconds(cli.pid));
  samples.push({ t, cli: rssMB(cli.pid), server: rssMB(server.pid) });
  if (t % 60 === 0 && samples.length > 1) log(`${t} s: command ${samples.at(-1)!.cli} MB, server ${samples.at(-1)!.server} MB, output ${Math.round(fs.statSync(out).size / 2 ** 20)} MB`);
  if (t > maxSeconds) cli.kill('SIGTERM');
}, 1000);
const code = await new Promise<number | null>((r) => cli.on('close', r));
clearInterval(timer);
const seconds = (performance.now() - t0) / 1000;
fs.closeSync(sink);
const serverCpu = cpuSeconds(server.pid) - serverCpu0;
const peakAfter = rssMB(server.pid);
await new Promise((r) => { server.once('exit', r); server.kill('SIGTERM'); });
const written = await countRows(out);
const finished = code === 0;
if (!finished && !(seconds > maxSeconds)) throw new Error(`room39 screen exited ${code}: ${err.slice(-2000)}`);
const at = (share: number) => samples[Math.min(samples.length - 1, Math.floor(samples.length * share))];
console.log(JSON.stringify({
  rows, finished, outputRows: written, outputRowsEqualInput: written === rows, seconds: Math.round(seconds), rowsPerSecond: Math.round(written / seconds),
  input: made ?? { file: csv }, inputMB: Math.round(fs.statSync(csv).size / 2 ** 20), outputMB: Math.round(fs.statSync(out).size / 2 ** 20),
  serverIdleMB: Math.max(...idle), serverPeakMB: Math.max(peakAfter, ...samples.map((s) => s.server)), commandPeakMB: Math.max(...samples.map((s) => s.cli)),
  rssAt: { '10%': at(0.1), '50%': at(0.5), '90%': at(0.9) }, cpuSeconds: { command: cliCpu, server: Math.round(serverCpu * 10) / 10 },
  loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10),
}, null, 2));
fs.rmSync(work, { recursive: true, force: true });
