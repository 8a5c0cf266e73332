/**
 * Where one request's time goes in the two loaded doors, in process (no
 * network): GET /api/search and POST /match/default through the whole app
 * (security layer, handler, JSON), each SQL statement timed by kind; also
 * GET /api/auth/session (the security layer alone) and /match on two queries
 * drawn from a varied pool each request (`match_varied`). DOOR=name runs one.
 *
 *   npx tsx bench/load/door-cost.ts --data DIR [--rounds 200]
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { readSettings } from '../../src/config/settings.ts';
import { openServices } from '../../src/services.ts';
import { createApp } from '../../src/server/app.ts';
import { matchBodies, matchExamples } from './match-queries.ts';

const { values } = parseArgs({ options: { data: { type: 'string' }, rounds: { type: 'string', default: '200' } } });
if (!values.data) throw new Error('give --data DIR: a filled data directory not held by a running server');
const rounds = Number(values.rounds);
const services = await openServices(readSettings({ dataDir: path.resolve(values.data), databaseUrl: null }));
const byKind = new Map<string, { ms: number; calls: number }>();
const realQuery = services.db.query.bind(services.db);
services.db.query = (async (sql: string, params?: readonly unknown[]) => {
  const t = performance.now();
  try {
    return await realQuery(sql, params);
  } finally {
    const kind = sql.replace(/\s+/g, ' ').trim().slice(0, 80);
    const k = byKind.get(kind) ?? { ms: 0, calls: 0 };
    k.ms += performance.now() - t;
    k.calls++;
    byKind.set(kind, k);
  }
}) as typeof services.db.query;
const app = createApp(services, path.join(os.tmpdir(), 'room39-no-web'));
const env = { incoming: { socket: { remoteAddress: '127.0.0.1' } } };
const matchBody = JSON.stringify({ queries: {
  a: { schema: 'Company', properties: { name: ['Mansudae Overseas Project Group of Companies'] } },
  b: { schema: 'Person', properties: { name: ['Kim Won Hong'], birthDate: ['1945'] } },
} });
const nextBody = matchBodies(matchExamples());
// With its length, as HTTP clients send it (without, the body limit reads the body through a stream first: not what a server sees).
const post = (body: string) => app.request('/match/default', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }, body }, env);
const doors = {
  session: () => app.request('/api/auth/session', {}, env),
  search: () => app.request('/api/search?q=Mansudae', {}, env),
  match: () => post(matchBody),
  // Two queries drawn from 2,000 varied ones (bench/load/match-queries.ts): real screening, not one answer again and again.
  match_varied: () => post(nextBody()),
};
const out: Record<string, unknown> = { date: new Date().toISOString(), loadavg: os.loadavg()[0] };
const only = process.env.DOOR;
for (const [name, call] of Object.entries(doors)) {
  if (only && only !== name) continue;
  for (let i = 0; i < 5; i++) await (await call()).text();
  byKind.clear();
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    const res = await call();
    if (!res.ok) throw new Error(`${name}: ${res.status} ${await res.text()}`);
    await res.text();
    times.push(performance.now() - t);
  }
  const cpu = process.cpuUsage(cpu0);
  times.sort((a, b) => a - b);
  const sql = [...byKind.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8)
    .map(([k, v]) => ({ statement: k, ms_per_request: +(v.ms / rounds).toFixed(2), calls_per_request: +(v.calls / rounds).toFixed(2) }));
  out[name] = {
    mean_ms: +(times.reduce((a, b) => a + b, 0) / rounds).toFixed(2), p50_ms: +times[Math.floor(rounds / 2)]!.toFixed(2), p99_ms: +times[Math.floor(rounds * 0.99)]!.toFixed(2),
    cpu_ms_per_request: +((cpu.user + cpu.system) / 1000 / rounds).toFixed(2), sql,
  };
}
await services.close();
console.log(JSON.stringify(out, null, 2));
