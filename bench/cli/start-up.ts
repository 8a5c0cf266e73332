/**
 * What a command costs to start, compiled (dist/, `npm run build:cli`) against the TypeScript sources through tsx
 * (ROOM39_FROM_SOURCE=1): each command run as a user runs it, on an unheld data directory, the two ways alternating.
 * CPU is the children's user + system time from /proc/self/stat (the command and its threads), read around each run.
 * With --wasm the other way is the compiled command with V8's optimising compiler let at PGlite's WebAssembly
 * (`node --no-liftoff-only`; src/store/db.ts keeps it to the baseline compiler).
 *
 *     npx tsx bench/cli/start-up.ts [ROUNDS=5] [--data DIR] [--wasm]
 *
 * Without --data it fills a new directory from the bundled dataset first (not timed). Builds dist/ if it is not current.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { compiledEntry } from '../../bin/compiled-build.js';

const args = process.argv.slice(2);
const dataAt = args.indexOf('--data');
const wasm = args.includes('--wasm');
const rounds = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--data') ?? 5);
const own = dataAt < 0 ? fs.mkdtempSync(path.join(os.tmpdir(), 'room39-start-up-')) : null;
const dataDir = dataAt < 0 ? path.join(own!, 'data') : args[dataAt + 1]!;
const BIN = path.join(REPO_ROOT, 'bin/room39.js');
const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK']).toString().trim() || 100);

/** CPU of the waited-for children so far, in ms (fields 16 and 17 of /proc/self/stat). */
function childrenCpuMs(): number {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) * TICK_MS;
}

/** Runs a command the product's way, or the other way this run compares it with (the sources, or --wasm's). */
function run(argv: string[], otherWay: boolean): { ms: number; cpuMs: number } {
  const cpu0 = childrenCpuMs();
  const t0 = performance.now();
  const node = otherWay && wasm ? ['--no-liftoff-only'] : [];
  const r = spawnSync(process.execPath, [...node, BIN, ...argv, '--data', dataDir], {
    cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: '', ROOM39_UPDATE_EVERY: '0', ROOM39_FROM_SOURCE: otherWay && !wasm ? '1' : '' }, stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (r.status !== 0) throw new Error(`room39 ${argv.join(' ')} exited ${r.status}: ${r.stderr.toString()}`);
  return { ms: performance.now() - t0, cpuMs: childrenCpuMs() - cpu0 };
}

if (!compiledEntry(REPO_ROOT)) execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts/build-cli.js')], { stdio: 'inherit' });
if (own) run(['lists', 'status', '--json'], false); // fills the new directory (initdb, the bundled dataset)

const COMMANDS: string[][] = [
  ['--help'],
  ['lists', 'status', '--json'],
  ['search', 'Mansudae', '--json'],
  ['estimate', '--year', '2017', '--seed', '1', '--draws', '2000', '--json'],
  ...(wasm ? [['entity', 'r39-kim-won-hong', '--json']] : []),
];
const other = wasm ? 'optimising compiler on the WebAssembly too' : 'sources through tsx';
console.log(`${rounds} rounds, alternating; load average at start ${os.loadavg().map((l) => l.toFixed(1)).join(', ')} (${os.cpus().length} cores)\n`);
console.log(`| command (unheld directory) | compiled: wall, CPU (median) | ${other}: wall, CPU (median) | CPU ÷ the other way's |`);
console.log('|---|---:|---:|---:|');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const argv of COMMANDS) {
  const compiled: { ms: number; cpuMs: number }[] = [];
  const otherWay: { ms: number; cpuMs: number }[] = [];
  for (let i = 0; i < rounds; i++) {
    compiled.push(run(argv, false));
    otherWay.push(run(argv, true));
  }
  const c = { ms: median(compiled.map((r) => r.ms)), cpu: median(compiled.map((r) => r.cpuMs)) };
  const s = { ms: median(otherWay.map((r) => r.ms)), cpu: median(otherWay.map((r) => r.cpuMs)) };
  console.log(`| \`room39 ${argv.join(' ')}\` | ${(c.ms / 1000).toFixed(2)} s, ${(c.cpu / 1000).toFixed(2)} s | ${(s.ms / 1000).toFixed(2)} s, ${(s.cpu / 1000).toFixed(2)} s | ${(c.cpu / s.cpu).toFixed(2)} |`);
}
console.log(`\nload average at end ${os.loadavg().map((l) => l.toFixed(1)).join(', ')}`);
if (own) fs.rmSync(own, { recursive: true, force: true });
