import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../support/db.ts';
import { dumpTables } from '../support/store-dump.ts';
import { OFAC_CSV_DATE, OFFICIAL } from '../support/official.ts';
import type { Db, Queryable } from '../../src/store/db.ts';
import { importListFile } from '../../src/ingest/lists/import.ts';
import { parseOfacCsv } from '../../src/ingest/lists/ofac-csv.ts';
import { entityIdOf, entryStatements, LIST_RECORDER } from '../../src/ingest/lists/entry-statements.ts';
import { derivedRows, summarise, type EntitySummary } from '../../src/store/entities.ts';
import type { ListEntry } from '../../src/model/index.ts';

// A list's first version on PGlite is held as COPY text and written at once, its tables' indexes and keys built after
// the load (store-write.ts writeFirstVersion, store/entities-copy.ts). What it stores must be what the straightforward
// path stores: the batched upserts a store without COPY takes. Here on part of OFAC's sdn.csv (every eighth
// entry, and every entry naming the DPRK), with the statements of a sample of entries also made anew, one by one.

/** The same store without COPY: every write goes through the batched upserts (as on PostgreSQL). */
function withoutCopy(db: Db): Db {
  const plain = (q: Queryable): Queryable => ({ query: (sql, params) => q.query(sql, params) });
  return {
    kind: db.kind, location: db.location, wraps: db,
    query: (sql, params) => db.query(sql, params),
    exec: (sql) => db.exec(sql),
    close: () => db.close(),
    transaction: (fn) => db.transaction((tx) => fn(plain(tx))),
  };
}

const TABLES = ['statements', 'list_entries', 'list_changes', 'list_entry_digests', 'entities', 'entity_names'];

/** The definitions of the tables' indexes and constraints. */
async function structure(q: Queryable): Promise<string[]> {
  const rows = await q.query<{ d: string }>(
    `SELECT tablename || ': ' || indexdef AS d FROM pg_indexes WHERE tablename = ANY($1::text[])
     UNION ALL SELECT conrelid::regclass::text || ': ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid::regclass::text = ANY($1::text[])`,
    [TABLES]);
  return rows.map((r) => r.d).sort();
}

describe('a first list version written in bulk', () => {
  let bulk: TestDb, plain: TestDb;
  let file: string;
  let emptyStructure: string[];
  beforeAll(async () => {
    const lines = fs.readFileSync(OFFICIAL.ofacCsv, 'latin1').split('\r\n');
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'room39-bulk-')), 'sdn-part.csv');
    fs.writeFileSync(file, lines.filter((l, i) => l && l !== '\x1a' && (i % 8 === 0 || /DPRK|Korea, North/.test(l))).join('\r\n') + '\r\n', 'latin1');
    [bulk, plain] = [await freshDb('pglite'), await freshDb('pglite')];
    emptyStructure = await structure(bulk.db);
  });
  afterAll(async () => {
    await bulk?.dispose();
    await plain?.dispose();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('stores every table as the batched upserts do, with the same indexes and keys', async () => {
    const a = await importListFile(bulk.db, { format: 'ofac-csv', file, date: OFAC_CSV_DATE });
    const b = await importListFile(withoutCopy(plain.db), { format: 'ofac-csv', file, date: OFAC_CSV_DATE });
    expect(a.added).toBeGreaterThan(2000);
    expect(b.added).toBe(a.added);
    const [copied, upserted] = [await dumpTables(bulk.db), await dumpTables(plain.db)];
    for (const table of TABLES) {
      expect(copied.get(table)!.length, table).toBeGreaterThan(1000);
      expect(copied.get(table), table).toEqual(upserted.get(table));
    }
    expect(copied).toEqual(upserted);
    // The bulk path set the indexes, keys and foreign keys aside and built them again: as the migrations made them.
    expect(await structure(bulk.db)).toEqual(emptyStructure);
  });

  it('stores the statements each entry gives, made anew entry by entry', async () => {
    const entries: ListEntry[] = [];
    for await (const e of parseOfacCsv(fs.createReadStream(file), { file })) entries.push(e);
    const sample = entries.filter((_, i) => i % 53 === 0);
    expect(sample.some((e) => e.vessel) && sample.length).toBeGreaterThan(20);
    const sourceId = `us_ofac_sdn-${OFAC_CSV_DATE}`;
    const made = sample.flatMap((e) => entryStatements(e, { sourceId, seen: OFAC_CSV_DATE }));
    const ids = [...new Set(made.map((s) => s.entityId))];
    expect(made.some((s) => s.dataset === 'dprk')).toBe(true);
    const stored = await bulk.db.query<{ id: string }>(
      `SELECT id, entity_id AS "entityId", schema, prop, value, original_value AS "originalValue", dataset, source_id AS "sourceId", quote,
              quote_start AS "quoteStart", quote_end AS "quoteEnd", page, reliability, first_seen AS "firstSeen", last_seen AS "lastSeen",
              recorded_by AS "recordedBy", review_status AS "reviewStatus"
         FROM statements WHERE entity_id = ANY($1::text[]) AND recorded_by = $2`, [ids, LIST_RECORDER]);
    const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : 1);
    expect(stored.sort(byId)).toEqual([...made].sort(byId).map((s) => ({ ...s })));
    expect(ids).toContain(entityIdOf('us_ofac_sdn', sample[0]!.entryId));
  });

  it('derives the same entity rows for many ids at once (one pass over the statements) as a few at a time (by the index)', async () => {
    const rows = await bulk.db.query<{ entity_id: string; schema: string; prop: string; value: string; dataset: string; reliability: string; first_seen: string; last_seen: string }>(
      `SELECT entity_id, schema, prop, value, dataset, reliability, first_seen, last_seen FROM statements WHERE review_status = 'accepted' ORDER BY id`);
    const summaries = new Map<string, EntitySummary>();
    for (const r of rows) summarise(summaries, r.entity_id, { ...r, firstSeen: r.first_seen, lastSeen: r.last_seen });
    const ids = [...summaries.keys()];
    // Many enough that the flags are read for every entity of the table (entities.ts scanCheaper).
    const [est] = await bulk.db.query<{ n: number }>(`SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'statements'::regclass`);
    expect(est!.n).toBeGreaterThan(0);
    expect(ids.length * 20).toBeGreaterThanOrEqual(est!.n);
    const all = await derivedRows(bulk.db, summaries, ids);
    const parts = { cols: all.cols.map(() => [] as unknown[]), names: [] as unknown[] };
    for (let i = 0; i < ids.length; i += 500) {
      const part = await derivedRows(bulk.db, summaries, ids.slice(i, i + 500));
      part.cols.forEach((c, k) => parts.cols[k]!.push(...c));
      parts.names.push(...part.names);
    }
    expect(all.cols[4].filter((topics) => topics.includes('sanction')).length).toBeGreaterThan(2000);
    expect({ cols: all.cols, names: all.names }).toEqual(parts);
  });
});
