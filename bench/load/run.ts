/**
 * Bounded load test on loopback: `room39 serve` in a child process on a
 * fresh data directory, then autocannon at a fixed rate (default 500
 * requests/s for 30 s) against GET /api/search and POST /match/default,
 * anonymous, from one address (the default per-address rate limit must let
 * this through). Prints and writes bench/load/results.json with p50/p99 and
 * every error and non-2xx count.
 *
 *   npx tsx bench/load/run.ts [--rate 500] [--duration 30] [--connections 50] [--data DIR]
 *   npx tsx bench/load/run.ts --find-max [--only search|match] [--match-body varied|fixed] --data DIR
 *
 * Load comes from an open-loop generator (bench/load/open-loop.ts: Poisson
 * arrivals at the rate, latency from each request's scheduled start, up to
 * `--connections` keep-alive connections). `--generator autocannon` uses
 * autocannon's `overallRate` as the runs before 2026-12-06 08:00 did; it sends
 * each connection's share of a second in one burst at the top of the second
 * (see open-loop.ts), so its latencies measure the burst, not the rate.
 *
 * `--find-max` instead warms each endpoint up for 10 s at the first rate, then steps its rate up (10 s a step) and keeps
 * the highest rate it held with no error, timeout or non-2xx answer, p99
 * under 100 ms and at least 95% of the rate achieved; the per-address limit
 * is raised for that run so the limiter is not what is measured. The load
 * average of the machine is recorded before each step (it is shared).
 *
 * /match bodies: `--match-body varied` (the default) sends two queries drawn
 * afresh for every request from 2,000 varied ones (bench/load/match-queries.ts:
 * evaluation-set names and supplier-like names, seeded), so the run measures
 * screening of different names; `--match-body fixed` sends the same two
 * queries every time (Kim Won Hong, Mansudae Overseas Project Group), as the
 * runs before 2026-12-06 06:00 did.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { matchBodies, matchExamples } from './match-queries.ts';
import { openLoop } from './open-loop.ts';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const { values } = parseArgs({ options: {
  rate: { type: 'string', default: '500' }, duration: { type: 'string', default: '30' }, connections: { type: 'string', default: '50' }, data: { type: 'string' },
  'find-max': { type: 'boolean', default: false }, 'step-duration': { type: 'string', default: '10' }, 'match-body': { type: 'string', default: 'varied' },
  only: { type: 'string' }, generator: { type: 'string', default: 'open' }, arrivals: { type: 'string', default: 'poisson' },
} });
if (values.generator !== 'open' && values.generator !== 'autocannon') throw new Error('--generator is open or autocannon');
if (values.arrivals !== 'poisson' && values.arrivals !== 'even') throw new Error('--arrivals is poisson or even');
if (values['match-body'] !== 'varied' && values['match-body'] !== 'fixed') throw new Error('--match-body is varied or fixed');
const findMax = values['find-max'] === true;
const rate = Number(values.rate);
const duration = Math.min(Number(values.duration), 120);
const connections = Number(values.connections);

// --data DIR reuses a filled data directory (the first start loads the bundled lists, which takes minutes).
const dataDir = values.data ? path.resolve(values.data) : fs.mkdtempSync(path.join(os.tmpdir(), 'room39-load-'));
const child = spawn(process.execPath, [path.join(ROOT, 'bin/room39.js'), 'serve', '--port', '0', '--host', '127.0.0.1'], {
  env: { ...process.env, ROOM39_DATA: dataDir, DATABASE_URL: '', ...(findMax ? { ROOM39_RATE_ADDRESS: '100000/100000' } : {}) }, stdio: ['ignore', 'pipe', 'pipe'],
});
let log = '';
child.stdout.on('data', (d: Buffer) => (log += d));
child.stderr.on('data', (d: Buffer) => (log += d));
const url = await new Promise<string>((resolve, reject) => {
  const t = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 300_000);
  const poll = setInterval(() => {
    const m = /serving (http:\/\/\S+)/.exec(log);
    if (m) { clearTimeout(t); clearInterval(poll); resolve(m[1]!); }
  }, 100);
});

interface Outcome {
  name: string; method: string; path: string; rate: number; duration_s: number; connections: number; requests: number; rps: number; p50_ms: number; p99_ms: number; max_ms: number;
  errors: number; timeouts: number; non2xx: number; loadavg_before: number; generator: string;
  /** The load generator's own CPU per request (it shares the 2 cores with the server). */
  client_cpu_ms_per_request: number;
  /** The server process's CPU time per answered request (user + system): its capacity on one core, whatever else the machine runs. */
  server_cpu_ms_per_request: number | null;
}

/** CPU time of the server process so far, in ms (Linux /proc; null elsewhere). */
function serverCpuMs(): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

/** A request body: the same object every time, or a new text for each request. */
type Body = object | (() => string) | undefined;

async function run(name: string, method: 'GET' | 'POST', p: string, body?: Body, at = rate, seconds = duration): Promise<Outcome> {
  const loadavg = os.loadavg()[0]!;
  const text = (): string | undefined => (body === undefined ? undefined : typeof body === 'function' ? body() : JSON.stringify(body));
  const warm = await fetch(`${url}${p}`, { method, headers: { 'content-type': 'application/json' }, body: text() });
  if (!warm.ok) throw new Error(`${method} ${p} answered ${warm.status}: ${await warm.text()}`);
  const cpuBefore = serverCpuMs();
  const r = values.generator === 'open'
    ? await openLoop({ url, method, path: p, body: typeof body === 'function' ? (body as () => string) : text(), rate: at, seconds, connections, arrivals: values.arrivals as 'poisson' | 'even' })
    : await viaAutocannon(method, p, body, text, at, seconds);
  return {
    name, method, path: p, rate: at, duration_s: seconds, connections, requests: r.requests, rps: r.rps,
    p50_ms: r.p50_ms, p99_ms: r.p99_ms, max_ms: r.max_ms, errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx,
    loadavg_before: Math.round(loadavg * 10) / 10, generator: values.generator!, client_cpu_ms_per_request: r.client_cpu_ms_per_request,
    server_cpu_ms_per_request: cpuBefore === null || r.requests === 0 ? null : Math.round(((serverCpuMs() ?? cpuBefore) - cpuBefore) / r.requests * 100) / 100,
  };
}

/** The runs before 2026-12-06 08:00: autocannon at an overall rate (bursts at the top of each second; see open-loop.ts). */
async function viaAutocannon(method: 'GET' | 'POST', p: string, body: Body, text: () => string | undefined, at: number, seconds: number) {
  const c0 = process.cpuUsage();
  const r = await autocannon({
    url: `${url}${p}`, connections, duration: seconds, overallRate: at, timeout: 10,
    requests: [typeof body === 'function'
      ? { method, path: p, headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: body() }) }
      : { method, path: p, headers: { 'content-type': 'application/json' }, body: text() }],
  });
  const c = process.cpuUsage(c0);
  return {
    requests: r.requests.total, rps: r.requests.total / seconds, p50_ms: r.latency.p50, p99_ms: r.latency.p99, max_ms: r.latency.max,
    errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx, client_cpu_ms_per_request: Math.round((c.user + c.system) / 1000 / Math.max(1, r.requests.total) * 100) / 100,
  };
}

const held = (o: Outcome) => o.errors === 0 && o.timeouts === 0 && o.non2xx === 0 && o.p99_ms < 100 && o.rps >= 0.95 * o.rate;

/** Steps the rate up until a step is not held; returns every step, the highest held one marked. */
async function stepUp(name: string, method: 'GET' | 'POST', p: string, body: Body, rates: number[]): Promise<Outcome[]> {
  // Warm-up, not counted: the first seconds of an endpoint run unoptimised code (V8 compiles the hot paths as they run).
  await run(name, method, p, body, rates[0]!, 10);
  const steps: Outcome[] = [];
  for (const at of rates) {
    const o = await run(name, method, p, body, at, Number(values['step-duration']));
    steps.push(o);
    console.log(`${name} @ ${at}/s: ${o.rps.toFixed(0)}/s, p50 ${o.p50_ms} ms, p99 ${o.p99_ms} ms, errors ${o.errors + o.timeouts + o.non2xx}, server CPU ${o.server_cpu_ms_per_request} ms/request, client CPU ${o.client_cpu_ms_per_request}, load ${o.loadavg_before} → ${held(o) ? 'held' : 'not held'}`);
    if (!held(o)) break;
  }
  return steps;
}

const FIXED_BODY = { queries: { q1: { schema: 'Person', properties: { name: ['Kim Won Hong'] } }, q2: { schema: 'Company', properties: { name: ['Mansudae Overseas Project Group'] } } } };
const MATCH_BODY: Body = values['match-body'] === 'fixed' ? FIXED_BODY : matchBodies(matchExamples());
if (findMax) {
  const out: Record<string, { highest_held: number | null; steps: Outcome[] }> = {};
  try {
    for (const [name, method, p, body, rates] of [
      ['search', 'GET', '/api/search?q=Mansudae', undefined, [25, 50, 100, 150, 200, 250, 300, 400, 500]],
      ['match', 'POST', '/match/default', MATCH_BODY, [100, 150, 200, 400, 600, 800, 1000, 1200, 1500]],
    ] as const) {
      if (values.only && values.only !== name) continue;
      const steps = await stepUp(name, method, p, body, [...rates]);
      out[name] = { highest_held: steps.filter(held).at(-1)?.rate ?? null, steps };
    }
  } finally {
    child.kill('SIGTERM');
  }
  const doc = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? '?', match_body: values['match-body'], generator: values.generator, arrivals: values.arrivals, criteria: '0 errors/timeouts/non-2xx, p99 < 100 ms, ≥ 95% of the rate achieved', ...out };
  fs.writeFileSync(path.join(ROOT, 'bench/load/max-rate.json'), `${JSON.stringify(doc, null, 2)}\n`);
  for (const [name, r] of Object.entries(out)) console.log(`${name}: highest rate held ${r.highest_held ?? 'none'}/s`);
  if (!values.data) fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}

const results: Outcome[] = [];
try {
  // The security layer alone (rate limits, auth, CSRF, headers; no store query): what it costs and whether it lets 500/s through.
  results.push(await run('session', 'GET', '/api/auth/session'));
  results.push(await run('search', 'GET', '/api/search?q=Mansudae'));
  results.push(await run('match', 'POST', '/match/default', MATCH_BODY));
} finally {
  child.kill('SIGTERM');
}
const out = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? '?', match_body: values['match-body'], generator: values.generator, arrivals: values.arrivals, results };
fs.writeFileSync(path.join(ROOT, 'bench/load/results.json'), `${JSON.stringify(out, null, 2)}\n`);
for (const r of results) {
  console.log(`${r.method} ${r.path}: ${r.requests} requests in ${r.duration_s}s (${r.rps.toFixed(0)}/s), p50 ${r.p50_ms} ms, p99 ${r.p99_ms} ms, max ${r.max_ms} ms, errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx}`);
}
if (!values.data) fs.rmSync(dataDir, { recursive: true, force: true });
const bad = results.some((r) => r.errors || r.timeouts || r.non2xx);
process.exit(bad ? 1 : 0);
