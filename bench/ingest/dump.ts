/**
 * A dump of every table a list import writes, to compare two versions of the
 * import code (the same rows, or not): a new PGlite store gets the curated
 * dataset, the UN XML, the UK ODS and the OFAC CSV (cross-list linking), is
 * dumped to OUT.1, then a second OFAC version (bench/ingest/one-percent.ts)
 * and is dumped to OUT.2. Rows are sorted; times of day are left out.
 * Run: npx tsx bench/ingest/dump.ts OUT [UPDATE.csv]
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
import { onePercent } from './one-percent.ts';

const TABLES: Record<string, string> = {
  sources: 'id, kind, title, publisher, author, published, url, dataset, version, sha256, file, note, grade, grade_reason, source_class',
  statements: 'id, entity_id, schema, prop, value, original_value, dataset, source_id, quote, quote_start, quote_end, page, reliability, first_seen, last_seen, recorded_by, review_status, locator',
  entities: 'id, schema, caption, datasets, topics, first_seen, last_seen',
  entity_names: 'entity_id, name, norm, prop',
  list_versions: 'source_id, dataset, version, format, sha256, file, entries, dprk_entries, added, changed, removed, published, source_url, fetched_at',
  list_entries: 'dataset, entry_id, entity_id, schema, caption, content_hash, snapshot, dprk, first_seen, last_seen, source_id, removed_on',
  list_changes: 'id, dataset, source_id, version, entry_id, entity_id, schema, caption, change, dprk, details',
  judgements: 'id, left_id, right_id, judgement, rule, made_by, evidence, score, undone_by, undo_reason',
  canonical_ids: 'record_id, canonical_id',
};

async function dump(q: Queryable, out: string): Promise<void> {
  const parts: string[] = [];
  for (const [table, cols] of Object.entries(TABLES)) {
    const rows = await q.query<{ r: string }>(`SELECT row(${cols})::text AS r FROM ${table}`);
    const lines = rows.map((x) => x.r).sort();
    parts.push(`## ${table} ${lines.length}`);
    for (const l of lines) parts.push(l);
    console.log(`${out}: ${table} ${lines.length} rows, sha1 ${createHash('sha1').update(lines.join('\n')).digest('hex').slice(0, 12)}`);
  }
  fs.writeFileSync(out, parts.join('\n') + '\n');
}

const [out, update] = process.argv.slice(2);
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
  const r = await importListFile(db, { file, format: 'ofac-csv', date: '2024-05-10' });
  const t3 = performance.now();
  console.log(`lists ${((t1 - t0) / 1000).toFixed(1)} s; update ${((t3 - t2) / 1000).toFixed(1)} s (${r.added} added, ${r.changed} changed, ${r.removed} removed)`);
  await dump(db, `${out}.2`);
} finally {
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
