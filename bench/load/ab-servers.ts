/**
 * Before/after on a shared machine: two `room39 serve` processes (another
 * checkout, e.g. a `git worktree` of an older commit with node_modules linked,
 * and this one), each on its own copy of a filled data directory, take the
 * same /match load in alternating short chunks, so both see the same
 * neighbours. Prints each server's CPU per request (from /proc), p50 and p99,
 * as medians over the chunks.
 *
 *   npx tsx bench/load/ab-servers.ts --before ROOT --before-data DIR --after-data DIR2 [--body varied|fixed] [--rate 150] [--chunks 10] [--seconds 5]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { matchBodies, matchExamples } from './match-queries.ts';
import { openLoop } from './open-loop.ts';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const { values } = parseArgs({ options: {
  before: { type: 'string' }, 'before-data': { type: 'string' }, 'after-data': { type: 'string' },
  body: { type: 'string', default: 'varied' }, rate: { type: 'string', default: '150' }, chunks: { type: 'string', default: '10' }, seconds: { type: 'string', default: '5' },
} });
if (!values.before || !values['before-data'] || !values['after-data']) throw new Error('give --before ROOT --before-data DIR --after-data DIR2 (two copies of a filled data directory)');
const FIXED = JSON.stringify({ queries: { q1: { schema: 'Person', properties: { name: ['Kim Won Hong'] } }, q2: { schema: 'Company', properties: { name: ['Mansudae Overseas Project Group'] } } } });
const pool = matchExamples();

const servers = ([['before', path.resolve(values.before), values['before-data']], ['after', ROOT, values['after-data']]] as const).map(([name, root, data]) => {
  const child = spawn(process.execPath, [path.join(root, 'bin/room39.js'), 'serve', '--port', '0', '--host', '127.0.0.1'], {
    env: { ...process.env, ROOM39_DATA: path.resolve(data), DATABASE_URL: '', ROOM39_RATE_ADDRESS: '100000/100000' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d: Buffer) => (log += d));
  child.stderr.on('data', (d: Buffer) => (log += d));
  const url = new Promise<string>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${name} server did not start:\n${log}`)), 300_000);
    const poll = setInterval(() => {
      const m = /serving (http:\/\/[^\s"]+)/.exec(log);
      if (m) { clearTimeout(t); clearInterval(poll); resolve(m[1]!); }
    }, 100);
  });
  return { name, child, url };
});

/** CPU time of a process so far, in ms (Linux /proc). */
function cpuMs(pid: number): number {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
}

/** Open-loop load (bench/load/open-loop.ts: Poisson arrivals, latency from the scheduled start). */
function load(url: string, rate: number, seconds: number, seed: number) {
  return openLoop({ url, method: 'POST', path: '/match/default', body: values.body === 'fixed' ? FIXED : matchBodies(pool, 2, seed), rate, seconds, connections: 20, seed });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
try {
  const urls = await Promise.all(servers.map((s) => s.url));
  // Warm-up, not counted: each builds its index and optimises its code.
  for (const url of urls) await load(url, 100, 10, 1);
  const out = servers.map(() => ({ cpu: [] as number[], p50: [] as number[], p99: [] as number[], errors: 0 }));
  for (let k = 0; k < Number(values.chunks); k++) {
    for (const j of k % 2 ? [0, 1] : [1, 0]) {
      const pid = servers[j]!.child.pid!;
      const before = cpuMs(pid);
      const r = await load(urls[j]!, Number(values.rate), Number(values.seconds), 100 + k);
      const o = out[j]!;
      o.cpu.push((cpuMs(pid) - before) / Math.max(1, r.requests));
      o.p50.push(r.p50_ms);
      o.p99.push(r.p99_ms);
      o.errors += r.errors + r.timeouts + r.non2xx;
    }
  }
  servers.forEach((s, j) => {
    const o = out[j]!;
    console.log(`${values.body} @ ${values.rate}/s, ${s.name}: server CPU median ${median(o.cpu).toFixed(2)} ms/request (min ${Math.min(...o.cpu).toFixed(2)}), p50 median ${median(o.p50)} ms, p99 median ${median(o.p99)} ms, errors ${o.errors}`);
  });
  console.log(`load average now ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
} finally {
  for (const s of servers) s.child.kill('SIGTERM');
}
