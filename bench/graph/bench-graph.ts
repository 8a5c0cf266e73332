/**
 * Evidence-graph benchmark: time to create a fresh data directory with the
 * bundled dataset (migrations + curated facts) and to import the official OFAC
 * and UN files (../shared/data/official), and search
 * latency (median, p95) through the store and through HTTP.
 * Usage: npx tsx bench/graph/bench-graph.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { serve } from '@hono/node-server';
import { readSettings } from '../../src/config/settings.ts';
import { openServices } from '../../src/services.ts';
import { searchEntities } from '../../src/store/search.ts';
import { createApp } from '../../src/server/app.ts';
import { importListFile } from '../../src/ingest/lists/import.ts';
import { officialListFiles } from '../../test/support/official.ts';

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-bench-'));
const t0 = performance.now();
const services = await openServices(readSettings({ dataDir: dir, databaseUrl: null }));
for (const list of officialListFiles()) await importListFile(services.db, list);
const freshMs = performance.now() - t0;
const [{ n } = { n: 0 }] = await services.db.query<{ n: number }>('SELECT count(*)::int AS n FROM entities');

const names = (await services.db.query<{ name: string }>('SELECT name FROM entity_names ORDER BY md5(name) LIMIT 150')).map((r) => r.name);
const queries = [...names, 'Mansudae', 'kim won hong', 'Room 39', 'Korea General Corporation', 'Rungrado', 'Namgang', 'GENCO', 'KOMID', 'Jon Il Chun', 'Malta'];
for (const q of queries.slice(0, 10)) await searchEntities(services.db, q); // warm-up
const storeTimes: number[] = [];
for (const q of queries) {
  const s = performance.now();
  await searchEntities(services.db, q);
  storeTimes.push(performance.now() - s);
}

const app = createApp(services);
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((r) => server.once('listening', r));
const { port } = server.address() as { port: number };
const httpTimes: number[] = [];
for (const q of queries) {
  const s = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}/api/search?q=${encodeURIComponent(q)}`);
  await res.json();
  httpTimes.push(performance.now() - s);
}
server.close();
await services.close();
fs.rmSync(dir, { recursive: true, force: true });

const result = {
  date: new Date().toISOString().slice(0, 10),
  entities: n,
  fresh_data_dir_ms: Math.round(freshMs),
  search_queries: queries.length,
  search_store_ms: { median: +quantile(storeTimes, 0.5).toFixed(2), p95: +quantile(storeTimes, 0.95).toFixed(2) },
  search_http_ms: { median: +quantile(httpTimes, 0.5).toFixed(2), p95: +quantile(httpTimes, 0.95).toFixed(2) },
};
console.log(JSON.stringify(result, null, 2));
