/**
 * A dump of every table a list import writes, to compare two versions of the
 * import code (the same rows, or not): a new PGlite store gets the curated
 * dataset, the UN XML, the UK ODS and the OFAC CSV (cross-list linking), is
 * dumped to OUT.1, then a second OFAC version (bench/ingest/one-percent.ts)
 * and is dumped to OUT.2. Rows are sorted; times of day are left out.
 * The update parses only the records that changed unless `--slow` is given (every record parsed, the full rule run):
 * the two dumps must be identical.
 * Run: npx tsx bench/ingest/dump.ts OUT [UPDATE.csv] [--slow]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { openDb, type Queryable } from '../../src/store/db.ts';
import { loadBundle } from '../../src/ingest/bundle.ts';
import { importListFile } from '../../src/ingest/lists/import.ts';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { OFAC_CSV_DATE, OFFICIAL } from '../../test/support/official.ts';
import { dumpTables } from '../../test/support/store-dump.ts';
import { onePercent } from './one-percent.ts';

async function dump(q: Queryable, out: string): Promise<void> {
  const parts: string[] = [];
  for (const [table, lines] of await dumpTables(q)) {
    parts.push(`## ${table} ${lines.length}`);
    for (const line of lines) parts.push(line);
    console.log(`${out}: ${table} ${lines.length} rows, sha1 ${createHash('sha1').update(lines.join('\n')).digest('hex').slice(0, 12)}`);
  }
  fs.writeFileSync(out, parts.join('\n') + '\n');
}

const slow = process.argv.includes('--slow');
const [out, update] = process.argv.slice(2).filter((a) => a !== '--slow');
if (!out) throw new Error('usage: npx tsx bench/ingest/dump.ts OUT [UPDATE.csv]');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-dump-'));
const db = await openDb({ dataDir: dir });
try {
  await loadBundle(db, REPO_ROOT);
  const t0 = performance.now();
  await importListFile(db, { file: OFFICIAL.unXml, format: 'un-xml' });
  await importListFile(db, { file: OFFICIAL.ukOds, format: 'uk' });
  await importListFile(db, { file: OFFICIAL.ofacCsv, format: 'ofac-csv', date: OFAC_CSV_DATE });
  const t1 = performance.now();
  await dump(db, `${out}.1`);
  let file = update;
  if (!file) {
    file = path.join(os.tmpdir(), 'room39-dump-sdn-1pct.csv');
    fs.writeFileSync(file, onePercent(fs.readFileSync(OFFICIAL.ofacCsv, 'latin1')).text, 'latin1');
  }
  const t2 = performance.now();
  const r = await importListFile(db, { file, format: 'ofac-csv', date: '2024-05-10', skipUnchanged: !slow });
  const t3 = performance.now();
  console.log(`lists ${((t1 - t0) / 1000).toFixed(1)} s; update ${((t3 - t2) / 1000).toFixed(1)} s (${r.added} added, ${r.changed} changed, ${r.removed} removed); links ${JSON.stringify(r.links)}`);
  await dump(db, `${out}.2`);
} finally {
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
