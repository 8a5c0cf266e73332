/**
 * What the indexes kept beside an embedded store save (src/store/snapshot-file.ts): `room39 serve` from start to
 * /readyz 200 (its screening index), and `room39 screen --name` and `room39 search` on an unheld directory, each with
 * the snapshots read back against the same with them turned off (ROOM39_INDEX_SNAPSHOT=0, the indexes built), the two
 * ways alternating, on a private copy of a loaded data directory. CPU: the process's user + system time (the server's
 * from /proc/PID/stat at ready; a command's from this process's waited-for children).
 *
 *     npx tsx bench/server/index-snapshot.ts --data DIR [--rounds 3]
 *   DIR: a filled data directory (a copy of the test template: `loadedDataDir()` in test/support/services.ts); copied, never written.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { compiledEntry } from '../../bin/compiled-build.js';

const { values } = parseArgs({ options: { data: { type: 'string' }, rounds: { type: 'string' } } });
if (!values.data) throw new Error('--data DIR: a filled data directory (copied, never written)');
const rounds = Number(values.rounds ?? 3);
const BIN = path.join(REPO_ROOT, 'bin/room39.js');
const TICK_S = 1 / Number(execFileSync('getconf', ['CLK_TCK']).toString().trim() || 100);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-bench-snapshot-'));
const dataDir = path.join(work, 'data');
fs.cpSync(values.data, dataDir, { recursive: true });
for (const f of ['room39.lock', 'serve.json', '.complete']) fs.rmSync(path.join(dataDir, f), { force: true });
const env = (snapshots: boolean) => ({
  ...process.env, DATABASE_URL: '', ROOM39_UPDATE_EVERY: '0', ROOM39_INDEX_SNAPSHOT: snapshots ? '' : '0',
  ROOM39_LIST_URL_OFAC: '', ROOM39_LIST_URL_UN: '', ROOM39_LIST_URL_UK: '', ROOM39_LIST_URL_EU: '',
});

function cpuOf(statFile: string, children: boolean): number {
  const stat = fs.readFileSync(statFile, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
  return (children ? f[13]! + f[14]! : f[11]! + f[12]!) * TICK_S;
}

async function serveToReady(snapshots: boolean): Promise<{ s: number; cpu: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data', dataDir], { env: env(snapshots), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
  child.stderr.on('data', (c: Buffer) => { out += c.toString(); });
  try {
    let url: string | undefined;
    while (!(url = /serving (\S+)/.exec(out)?.[1])) {
      if (child.exitCode !== null) throw new Error(`serve exited ${child.exitCode}:\n${out}`);
      await sleep(25);
    }
    while ((await fetch(`${url}/readyz`)).status !== 200) await sleep(50);
    return { s: (performance.now() - started) / 1000, cpu: cpuOf(`/proc/${child.pid}/stat`, false) };
  } finally {
    // Stopped the way a person stops it: the store closes after any snapshot being written is written.
    await new Promise<void>((done) => { child.once('exit', () => done()); child.kill('SIGTERM'); });
  }
}

function command(argv: string[], snapshots: boolean): { s: number; cpu: number } {
  const cpu0 = cpuOf('/proc/self/stat', true);
  const started = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...argv, '--data', dataDir], { env: env(snapshots), stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`room39 ${argv.join(' ')} exited ${r.status}: ${r.stderr.toString()}`);
  return { s: (performance.now() - started) / 1000, cpu: cpuOf('/proc/self/stat', true) - cpu0 };
}

if (!compiledEntry(REPO_ROOT)) execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts/build-cli.js')], { stdio: 'inherit' });
// The snapshots as the store would have them after any first build (written before the server stops).
await serveToReady(true);
command(['search', 'Mansudae', '--json'], true);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cases: [string, (snapshots: boolean) => Promise<{ s: number; cpu: number }> | { s: number; cpu: number }][] = [
  ['`room39 serve` to /readyz 200', serveToReady],
  ['`room39 screen --name "Kim Won Hong" --json`, unheld', (on) => command(['screen', '--name', 'Kim Won Hong', '--json'], on)],
  ['`room39 search Mansudae --json`, unheld', (on) => command(['search', 'Mansudae', '--json'], on)],
];
console.log(`${rounds} rounds, alternating; load average at start ${os.loadavg().map((l) => l.toFixed(1)).join(', ')} (${os.cpus().length} cores)\n`);
console.log('| what | snapshots read: wall, CPU (median) | indexes built: wall, CPU (median) | CPU ÷ built |');
console.log('|---|---:|---:|---:|');
for (const [what, run] of cases) {
  const read: { s: number; cpu: number }[] = [];
  const built: { s: number; cpu: number }[] = [];
  for (let i = 0; i < rounds; i++) {
    read.push(await run(true));
    built.push(await run(false));
  }
  const r = { s: median(read.map((x) => x.s)), cpu: median(read.map((x) => x.cpu)) };
  const b = { s: median(built.map((x) => x.s)), cpu: median(built.map((x) => x.cpu)) };
  console.log(`| ${what} | ${r.s.toFixed(2)} s, ${r.cpu.toFixed(2)} s | ${b.s.toFixed(2)} s, ${b.cpu.toFixed(2)} s | ${(r.cpu / b.cpu).toFixed(2)} |`);
}
console.log(`\nload average at end ${os.loadavg().map((l) => l.toFixed(1)).join(', ')}`);
fs.rmSync(work, { recursive: true, force: true });
