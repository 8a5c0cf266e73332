/**
 * Where a list import's time goes: wraps the store so every SQL statement's
 * wall time is summed by its first words, and prints the rest as JS time.
 * Run: npx tsx bench/ingest/profile.ts FILE [FORMAT] [DATA_DIR] [DATE]
 * (e.g. the OFAC CSV with 2024-05-03 into DIR, then an update, bench/ingest/one-percent.ts, with a later date into the same DIR)
 * (a new PGlite store in a temporary directory unless DATA_DIR is given.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb, type Db, type Queryable } from '../../src/store/db.ts';
import { canCopy, type CopyCapable } from '../../src/store/bulk.ts';
import { importListFile, type ListFormat } from '../../src/ingest/lists/import.ts';

const [file, format = 'ofac-csv', given, date] = process.argv.slice(2) as [string, ListFormat?, string?, string?];
const dir = given ?? fs.mkdtempSync(path.join(os.tmpdir(), 'room39-profile-'));
const inner = await openDb({ dataDir: dir });
const spent = new Map<string, { ms: number; n: number }>();
const label = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, 70);
async function time<T>(sql: string, run: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  try { return await run(); } finally {
    const k = label(sql); const e = spent.get(k) ?? { ms: 0, n: 0 };
    e.ms += performance.now() - t0; e.n++; spent.set(k, e);
  }
}
function timed(q: Queryable): Queryable {
  const out: Queryable & Partial<CopyCapable> = { query: (sql, params) => time(sql, () => q.query(sql, params)) } as Queryable;
  if (canCopy(q)) out.copyIn = (sql, data) => time(sql, () => q.copyIn(sql, data));
  return out;
}
const db: Db = {
  kind: inner.kind, location: inner.location, exec: (s) => inner.exec(s), close: () => inner.close(),
  query: timed(inner).query, transaction: (fn) => inner.transaction((tx) => fn(timed(tx))),
};
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const r = await importListFile(db, { file, format, date });
const total = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
await inner.close();
if (!given) fs.rmSync(dir, { recursive: true, force: true });
let sql = 0;
for (const [k, v] of [...spent].sort((a, b) => b[1].ms - a[1].ms)) {
  sql += v.ms;
  if (v.ms > 20) console.log(`${(v.ms / 1000).toFixed(2).padStart(6)} s  ×${String(v.n).padEnd(4)} ${k}`);
}
console.log(`total ${(total / 1000).toFixed(2)} s (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s); SQL ${(sql / 1000).toFixed(2)} s; rest (JS) ${((total - sql) / 1000).toFixed(2)} s; ${r.entries} entries, ${JSON.stringify(r.links)}`);
