/**
 * The floor of a list import with the current data model on PGlite: the CPU
 * time of writing exactly the rows an OFAC import leaves behind (statements,
 * list entries with their snapshots, changes, digests, entities and their
 * names, the resolver's buckets) into an empty store by the cheapest path
 * there is (one COPY per table, every index and key built after the load, as
 * the import does for the statements), with nothing computed: no parsing, no
 * hashing, no statement building, no rule run. An import cannot cost less
 * than this plus a bare parse of the file (`import.ts parse`).
 * Run: npx tsx bench/ingest/floor.ts [RUNS]   (results in bench/ingest/README.md)
 *
 * Steps, each in its own process (as import.ts: initdb's memory is not the
 * load's): create a store and import the OFAC CSV into it; dump each table
 * by `COPY … TO '/dev/blob'`; create a second store and load the dumps.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { openDb } from '../../src/store/db.ts';
import { canCopy, withIndexesSetAside } from '../../src/store/bulk.ts';
import { importListFile } from '../../src/ingest/lists/import.ts';
import { OFAC_CSV_DATE, OFFICIAL } from '../../test/support/official.ts';

const self = fileURLToPath(import.meta.url);
const child = (...args: string[]) => execFileSync(process.execPath, [...process.execArgv, self, ...args], { stdio: ['ignore', 'pipe', 'inherit'] }).toString();
/** What an OFAC import writes, in load order (statements cite the source; the rest stands alone). */
const TABLES = ['sources', 'statements', 'list_entries', 'list_changes', 'list_entry_digests', 'entities', 'entity_names', 'resolver_buckets'] as const;
const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;
const mode = process.argv[2] ?? '1';

if (mode === 'import') {
  const db = await openDb({ dataDir: process.argv[3]! });
  await importListFile(db, { file: OFFICIAL.ofacCsv, format: 'ofac-csv', date: OFAC_CSV_DATE });
  await db.close();
} else if (mode === 'prepare') {
  await (await openDb({ dataDir: process.argv[3]! })).close();
} else if (mode === 'dump') {
  const [, , , dir, out] = process.argv as [string, string, string, string, string];
  const pg = await PGlite.create(dir);
  for (const t of TABLES) {
    const r = await pg.query(`COPY ${t} TO '/dev/blob'`);
    fs.writeFileSync(path.join(out, `${t}.copy`), Buffer.from(await r.blob!.arrayBuffer()));
  }
  await pg.close();
} else if (mode === 'load') {
  const [, , , dir, from] = process.argv as [string, string, string, string, string];
  const db = await openDb({ dataDir: dir });
  const data = new Map(TABLES.map((t) => [t, fs.readFileSync(path.join(from, `${t}.copy`))]));
  const spent: Record<string, number> = {};
  const cpu0 = process.cpuUsage();
  await db.transaction(async (tx) => {
    if (!canCopy(tx)) throw new Error('the floor is measured on PGlite');
    for (const t of TABLES) {
      const c = process.cpuUsage();
      const copy = () => tx.copyIn(`COPY ${t} FROM '/dev/blob'`, data.get(t)!);
      // The one source row goes in as it is (other tables' keys depend on its key); every other table is built after the load.
      await (t === 'sources' ? copy() : withIndexesSetAside(tx, t, copy));
      if (t === 'statements') await tx.query('ANALYZE statements');
      spent[t] = cpuMs(process.cpuUsage(c));
    }
  });
  const total = cpuMs(process.cpuUsage(cpu0));
  await db.close();
  console.log(JSON.stringify({ total, spent, bytes: Object.fromEntries([...data].map(([t, b]) => [t, b.length])) }));
} else {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-floor-'));
  try {
    child('prepare', path.join(tmp, 'a'));
    child('import', path.join(tmp, 'a'));
    child('dump', path.join(tmp, 'a'), tmp);
    for (let i = 0; i < Number(mode); i++) {
      const b = path.join(tmp, `b${i}`);
      child('prepare', b);
      const r = JSON.parse(child('load', b, tmp).trim().split('\n').at(-1)!) as { total: number; spent: Record<string, number>; bytes: Record<string, number> };
      const parts = TABLES.map((t) => `${t} ${(r.spent[t]! / 1000).toFixed(2)} s (${(r.bytes[t]! / 1e6).toFixed(1)} MB)`).join(', ');
      console.log(`floor: COPY of what an OFAC import writes, indexes built after: CPU ${(r.total / 1000).toFixed(2)} s [load ${os.loadavg()[0]!.toFixed(1)}]; ${parts}`);
      fs.rmSync(b, { recursive: true, force: true });
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
