/**
 * A command's list import while `room39 serve` holds the data directory,
 * against the same import on an unheld directory: the OFAC CSV imported
 * into a new store, then RUNS successive versions changing 1 % of its
 * entries each (one-percent.ts, variants 1…RUNS), each through
 * `room39 import ofac-csv FILE` as a user runs it, wall time of the whole
 * command (start-up included); for the served side also the time the server
 * spent on the job (its log). Also a light command (`lists status --json`)
 * both ways, to show the start-up alone, and a name search (which the server
 * answers from its kept index).
 * Run: npx tsx bench/ingest/through-serve.ts [RUNS]   (results in bench/ingest/README.md)
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { OFAC_CSV_DATE, OFFICIAL } from '../../test/support/official.ts';
import { onePercent } from './one-percent.ts';

const runs = Number(process.argv[2] ?? 4);
const BIN = path.join(REPO_ROOT, 'bin/room39.js');
const importBench = path.join(path.dirname(fileURLToPath(import.meta.url)), 'import.ts');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-bench-serve-'));
const env = { ...process.env, DATABASE_URL: '', ROOM39_LIST_URL_OFAC: '', ROOM39_LIST_URL_UN: '', ROOM39_LIST_URL_UK: '', ROOM39_LIST_URL_EU: '' };

function timed(args: string[], dataDir: string): number {
  const t0 = performance.now();
  execFileSync(process.execPath, [BIN, ...args, '--data', dataDir], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  return performance.now() - t0;
}

/** Starts room39 serve on the directory; resolves once it serves. */
function serve(dataDir: string): Promise<{ log: () => string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--update-every', '0', '--data', dataDir], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
  child.stderr.on('data', (c: Buffer) => { out += c.toString(); });
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (/serving http/.test(out)) {
        clearInterval(timer);
        resolve({ log: () => out, stop: () => new Promise((done) => { child.once('exit', () => done()); child.kill('SIGTERM'); }) });
      }
    }, 100);
    child.once('exit', (code) => { clearInterval(timer); reject(new Error(`serve exited ${code}:\n${out}`)); });
  });
}

/** Milliseconds between the server's "running the import of FILE" and its "… ended" lines. */
function jobMs(log: string, file: string): number | null {
  const at = (pattern: RegExp) => {
    const line = log.split('\n').find((l) => pattern.test(l));
    return line ? Date.parse((JSON.parse(line) as { time: string }).time) : null;
  };
  const base = path.basename(file).replace(/\./g, '\\.');
  const start = at(new RegExp(`running the import of \\S*${base}`));
  const end = at(new RegExp(`the import of \\S*${base} for pid \\d+ ended`));
  return start !== null && end !== null ? end - start : null;
}

try {
  const base = path.join(tmp, 'base');
  execFileSync(process.execPath, [...process.execArgv, importBench, 'prepare', base], { stdio: 'ignore' });
  execFileSync(process.execPath, [...process.execArgv, importBench, 'import-one', base, OFFICIAL.ofacCsv, 'ofac-csv', OFAC_CSV_DATE], { stdio: 'ignore' });
  const text = fs.readFileSync(OFFICIAL.ofacCsv, 'latin1');
  const files = Array.from({ length: runs }, (_, k) => {
    const file = path.join(tmp, `sdn-v${k + 1}.csv`);
    fs.writeFileSync(file, onePercent(text, k + 1).text, 'latin1');
    return file;
  });
  const date = (k: number) => `2024-06-${String(k + 1).padStart(2, '0')}`;

  const served = path.join(tmp, 'served');
  const unheld = path.join(tmp, 'unheld');
  fs.cpSync(base, served, { recursive: true });
  fs.cpSync(base, unheld, { recursive: true });
  const server = await serve(served);
  const throughServe: { wall: number; job: number | null }[] = [];
  const statusServed: number[] = [];
  const searchServed: number[] = [];
  for (const [k, file] of files.entries()) {
    const wall = timed(['import', 'ofac-csv', file, '--date', date(k)], served);
    // The server's log reaches this process once its event loop runs again (execFileSync blocked it).
    let job: number | null = null;
    for (let i = 0; i < 50 && job === null; i++) { await new Promise((r) => setTimeout(r, 100)); job = jobMs(server.log(), file); }
    throughServe.push({ wall, job });
    statusServed.push(timed(['lists', 'status', '--json'], served));
    searchServed.push(timed(['search', 'Korea Mining Development', '--json'], served));
  }
  await server.stop();
  const alone: number[] = [];
  const statusAlone: number[] = [];
  const searchAlone: number[] = [];
  for (const [k, file] of files.entries()) {
    alone.push(timed(['import', 'ofac-csv', file, '--date', date(k)], unheld));
    statusAlone.push(timed(['lists', 'status', '--json'], unheld));
    searchAlone.push(timed(['search', 'Korea Mining Development', '--json'], unheld));
  }
  const s = (ms: number | null) => (ms === null ? '-' : `${(ms / 1000).toFixed(2)} s`);
  console.log('version\tthrough serve (command)\tof which the server\'s job\tunheld directory (command)\tserved / unheld');
  files.forEach((_, k) => console.log(`v${k + 1}\t${s(throughServe[k]!.wall)}\t${s(throughServe[k]!.job)}\t${s(alone[k]!)}\t${(throughServe[k]!.wall / alone[k]!).toFixed(2)}`));
  console.log(`lists status --json: through serve ${statusServed.map(s).join(' / ')}; unheld ${statusAlone.map(s).join(' / ')}`);
  console.log(`search --json: through serve ${searchServed.map(s).join(' / ')}; unheld ${searchAlone.map(s).join(' / ')}`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
