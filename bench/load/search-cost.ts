/**
 * Where the time of one search goes (what limits GET /api/search): opens a
 * filled data directory (PGlite; no server may hold it), runs every query of
 * bench/search/queries.json several times through `searchEntities`, and
 * splits each search into time spent in SQL (PGlite runs on the same thread
 * as the server, so SQL time is event-loop time) and the rest (the in-memory
 * name-index scan and ranking). Also times the HTTP door's other work by
 * calling the app in process.
 *
 *   npx tsx bench/load/search-cost.ts --data DIR [--rounds 5]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { readSettings } from '../../src/config/settings.ts';
import { openServices } from '../../src/services.ts';
import { searchEntities } from '../../src/store/search.ts';
import { createApp } from '../../src/server/app.ts';
import type { Queryable } from '../../src/store/db.ts';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const { values } = parseArgs({ options: { data: { type: 'string' }, rounds: { type: 'string', default: '5' } } });
if (!values.data) throw new Error('give --data DIR: a data directory filled by a first start (not held by a running server)');
const rounds = Number(values.rounds);
const queries = (JSON.parse(fs.readFileSync(path.join(ROOT, 'bench/search/queries.json'), 'utf8')) as { queries: { query: string }[] }).queries.map((q) => q.query);

const services = await openServices(readSettings({ dataDir: path.resolve(values.data), databaseUrl: null }));
let sqlMs = 0;
let sqlCalls = 0;
/** Time per kind of statement (its first words). */
const byKind = new Map<string, { ms: number; calls: number }>();
const timed: Queryable = {
  async query(sql, params) {
    const t = performance.now();
    try {
      return await services.db.query(sql, params);
    } finally {
      const ms = performance.now() - t;
      sqlMs += ms;
      sqlCalls++;
      const kind = sql.replace(/\s+/g, ' ').trim().slice(0, 70);
      const k = byKind.get(kind) ?? { ms: 0, calls: 0 };
      k.ms += ms;
      k.calls++;
      byKind.set(kind, k);
    }
  },
};
// Same handle for the index cache: time through a proxy of the real db.
const db = new Proxy(services.db, { get: (target, prop) => (prop === 'query' ? timed.query : Reflect.get(target, prop)) });
await searchEntities(db, 'warm up the index');
sqlMs = 0;
sqlCalls = 0;
byKind.clear();

const perSearch: number[] = [];
for (let r = 0; r < rounds; r++) {
  for (const q of queries) {
    const t = performance.now();
    await searchEntities(db, q);
    perSearch.push(performance.now() - t);
  }
}
const n = perSearch.length;
const total = perSearch.reduce((a, b) => a + b, 0);
perSearch.sort((a, b) => a - b);

// The whole HTTP door in process (security layer, search, JSON), for the same queries.
const app = createApp(services, path.join(os.tmpdir(), 'room39-no-web'));
const http: number[] = [];
for (const q of queries) {
  const t = performance.now();
  const res = await app.request(`/api/search?q=${encodeURIComponent(q)}`, {}, { incoming: { socket: { remoteAddress: '127.0.0.1' } } });
  await res.text();
  http.push(performance.now() - t);
}
const httpMean = http.reduce((a, b) => a + b, 0) / http.length;
await services.close();

const out = {
  date: new Date().toISOString(), node: process.version, loadavg: os.loadavg()[0], searches: n,
  mean_ms: +(total / n).toFixed(2), p50_ms: +perSearch[Math.floor(n / 2)]!.toFixed(2), p99_ms: +perSearch[Math.floor(n * 0.99)]!.toFixed(2),
  sql_ms_per_search: +(sqlMs / n).toFixed(2), sql_calls_per_search: +(sqlCalls / n).toFixed(2),
  index_and_ranking_ms_per_search: +((total - sqlMs) / n).toFixed(2), http_in_process_mean_ms: +httpMean.toFixed(2),
  max_rate_one_thread: Math.floor(1000 / httpMean),
  sql_by_statement: Object.fromEntries([...byKind].sort((a, b) => b[1].ms - a[1].ms).map(([k, v]) => [k, { ms_per_search: +(v.ms / n).toFixed(2), ms_per_call: +(v.ms / v.calls).toFixed(2) }])),
};
console.log(JSON.stringify(out, null, 2));
fs.writeFileSync(path.join(ROOT, 'bench/load/search-cost.json'), `${JSON.stringify(out, null, 2)}\n`);
