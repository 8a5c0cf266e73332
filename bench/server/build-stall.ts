/**
 * How long `room39 serve` stops answering while it builds its screening index.
 * Starts `room39 serve` (of this checkout, or of `--root` for an earlier one)
 * on a private copy of a loaded data directory, polls /healthz every 50 ms
 * (the next request 50 ms after the last answer), then asks /readyz once,
 * which starts the build, and keeps asking it every 250 ms until it answers
 * 200. Reports, per round: the build time (first /readyz to its first 200),
 * the server's CPU time in it (its answers to the polls included), the longest /healthz answer while building (the stall), the longest gap
 * between two /healthz answers, how long the first /readyz took to answer and
 * with what, and the server's peak RSS (VmHWM).
 * Run: npx tsx bench/server/build-stall.ts --data DIR [--root CHECKOUT] [--rounds 3] [--no-poll]
 *   DIR: a filled data directory (a copy of the test template: `loadedDataDir()` in test/support/services.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { REPO_ROOT } from '../../src/config/settings.ts';

const { values } = parseArgs({ options: { data: { type: 'string' }, root: { type: 'string' }, rounds: { type: 'string' }, 'no-poll': { type: 'boolean' } } });
if (!values.data) throw new Error('--data DIR: a filled data directory (copied, never written)');
const root = path.resolve(values.root ?? REPO_ROOT);
const rounds = Number(values.rounds ?? 3);
/** `--no-poll`: the build alone (its time and CPU without answering the polls); /readyz is still asked every 250 ms. */
const polling = !values['no-poll'];
const env = { ...process.env, DATABASE_URL: '', ROOM39_LIST_URL_OFAC: '', ROOM39_LIST_URL_UN: '', ROOM39_LIST_URL_UK: '', ROOM39_LIST_URL_EU: '' };

interface Served { url: string; child: ChildProcess; stop(): Promise<void> }

function serve(dataDir: string): Promise<Served> {
  const child = spawn(process.execPath, [path.join(root, 'bin/room39.js'), 'serve', '--port', '0', '--update-every', '0', '--data', dataDir], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => { out += c.toString(); });
  child.stderr?.on('data', (c: Buffer) => { out += c.toString(); });
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /serving (\S+)/.exec(out);
      if (!m) return;
      clearInterval(timer);
      resolve({ url: m[1]!, child, stop: () => new Promise((done) => { child.once('exit', () => done()); child.kill('SIGTERM'); }) });
    }, 50);
    child.once('exit', (code) => { clearInterval(timer); reject(new Error(`serve exited ${code}:\n${out}`)); });
  });
}

/** The process's CPU time so far, in seconds (user + system; /proc counts in ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** A GET on a connection of its own (a kept-alive one may be closed by the server as it wakes from a stall: ECONNRESET). */
function timedGet(url: string): Promise<{ ms: number; status: number; body: string }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    http.get(url, { agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { body += c; });
      res.on('end', () => resolve({ ms: performance.now() - t0, status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

interface Round { buildMs: number; buildCpuS: number; longestHealthzMs: number; longestGapMs: number; healthzAnswers: number; firstReadyzMs: number; firstReadyz: string; peakRssMb: number }

async function round(source: string): Promise<Round> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-bench-stall-'));
  fs.cpSync(source, dir, { recursive: true });
  for (const f of ['room39.lock', 'serve.json', '.complete']) fs.rmSync(path.join(dir, f), { force: true });
  const server = await serve(dir);
  try {
    // The first /healthz counts entities (then kept until the store is written): asked before the build, not timed.
    await timedGet(`${server.url}/healthz`);
    await sleep(1000);
    let building = true;
    let longest = 0, longestGap = 0, answers = 0;
    const poll = (async () => {
      let last = performance.now();
      while (building && polling) {
        const { ms, status } = await timedGet(`${server.url}/healthz`);
        if (status !== 200) throw new Error(`/healthz answered ${status}`);
        const now = performance.now();
        longest = Math.max(longest, ms);
        longestGap = Math.max(longestGap, now - last);
        last = now;
        answers++;
        await sleep(50);
      }
    })();
    const t0 = performance.now();
    const cpu0 = cpuSeconds(server.child.pid!);
    const first = await timedGet(`${server.url}/readyz`);
    let status = first.status;
    while (status !== 200) {
      await sleep(250);
      status = (await timedGet(`${server.url}/readyz`)).status;
    }
    const buildMs = performance.now() - t0;
    const buildCpuS = cpuSeconds(server.child.pid!) - cpu0;
    building = false;
    await poll;
    return { buildMs, buildCpuS, longestHealthzMs: longest, longestGapMs: longestGap, healthzAnswers: answers, firstReadyzMs: first.ms, firstReadyz: `${first.status} ${first.body.slice(0, 80)}`, peakRssMb: peakRssMb(server.child.pid!) };
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`room39 serve of ${root}; ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} load average; ${new Date().toISOString()}`);
for (let i = 0; i < rounds; i++) {
  const r = await round(path.resolve(values.data));
  console.log(
    `round ${i + 1}: build ${(r.buildMs / 1000).toFixed(2)} s (server CPU ${r.buildCpuS.toFixed(2)} s); longest /healthz ${r.longestHealthzMs.toFixed(0)} ms, longest gap ${r.longestGapMs.toFixed(0)} ms ` +
    `(${r.healthzAnswers} answers); first /readyz ${r.firstReadyzMs.toFixed(0)} ms: ${r.firstReadyz}; peak RSS ${r.peakRssMb.toFixed(0)} MB; load ${os.loadavg()[0]!.toFixed(2)}`,
  );
}
