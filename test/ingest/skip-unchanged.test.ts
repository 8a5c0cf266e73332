/**
 * A list update parses only the records whose raw bytes changed, recomputes
 * only the links that can have changed and runs the resolver's rules only on
 * the changed records and those they meet (#13 part 6). It must leave the
 * store exactly as the whole-file path does: the real OFAC file after the
 * real UN list, as a second version changing 1% of its entries (one-percent.ts)
 * that also brings back DPRK entries the first version lacked (so the rule
 * run joins records again); both paths from one copied store, every table
 * compared. A truncated file on the fast path changes nothing and says where.
 * The fast path stores only its change to the list's buckets, which read back
 * with the buckets gives what a full run builds from every record; the next
 * update in the same process (a server's) uses the buckets and digests it
 * remembers without reading them, and still ends as the whole-file path.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db, type Queryable } from '../../src/store/db.ts';
import { canCopy, type CopyCapable } from '../../src/store/bulk.ts';
import { importListFile } from '../../src/ingest/lists/import.ts';
import { OFAC_CSV_DATE, OFFICIAL } from '../support/official.ts';
import { dumpTables } from '../support/store-dump.ts';
import { emptyPgliteDir } from '../support/db.ts';
import { onePercent } from '../../bench/ingest/one-percent.ts';
import { storedBuckets } from '../../src/store/resolver-buckets.ts';
import { bucketsByDataset, decodeStoredBuckets, type DatasetBuckets } from '../../src/resolve/buckets.ts';
import { loadResolveRecords } from '../../src/resolve/records.ts';

/** Buckets as comparable values: keys sorted, each bucket's ids sorted. */
const comparable = (b: DatasetBuckets) => ({
  buckets: [...b.buckets].map(([k, ids]) => [k, [...ids].sort()]).sort(([x], [y]) => (x! < y! ? -1 : 1)),
  counted: [...b.counted].sort(), ids: [...b.ids].sort(),
});

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-skip-'));
const text = fs.readFileSync(OFFICIAL.ofacCsv, 'latin1');
/** The first version: the real file without every third DPRK entry. */
const v1 = path.join(tmp, 'sdn-v1.csv');
const v2 = path.join(tmp, 'sdn-v2.csv');
let dprkRow = 0;
fs.writeFileSync(v1, text.split('\r\n').filter((line) => !(/["[]DPRK/.test(line) && dprkRow++ % 3 === 0)).join('\r\n'), 'latin1');
fs.writeFileSync(v2, onePercent(text).text, 'latin1');

let slow: Db, fast: Db;
beforeAll(async () => {
  const first = path.join(tmp, 'slow');
  const db = await openDb({ dataDir: await emptyPgliteDir(first) });
  await importListFile(db, { format: 'un-xml', file: OFFICIAL.unXml });
  await importListFile(db, { format: 'ofac-csv', file: v1, date: OFAC_CSV_DATE });
  await db.close();
  fs.cpSync(first, path.join(tmp, 'fast'), { recursive: true });
  slow = await openDb({ dataDir: first });
  fast = await openDb({ dataDir: path.join(tmp, 'fast') });
}, 240_000);
afterAll(async () => {
  await slow?.close();
  await fast?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('an update that parses only what changed', () => {
  it('refuses a truncated file, says where, and changes nothing', async () => {
    const before = await dumpTables(fast);
    const cut = path.join(tmp, 'sdn-cut.csv');
    const bytes = fs.readFileSync(v2);
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await expect(importListFile(fast, { format: 'ofac-csv', file: cut, date: '2024-05-10' })).rejects.toThrow(/sdn-cut\.csv:\d+/);
    expect(await dumpTables(fast)).toEqual(before);
  }, 240_000);

  it('leaves the store exactly as parsing the whole file does', async () => {
    const s = await importListFile(slow, { format: 'ofac-csv', file: v2, date: '2024-05-10', skipUnchanged: false });
    const f = await importListFile(fast, { format: 'ofac-csv', file: v2, date: '2024-05-10' });
    expect(f).toMatchObject({ status: 'imported', added: s.added, changed: s.changed, removed: s.removed, entries: s.entries, dprk_entries: s.dprk_entries });
    expect(s.added).toBeGreaterThan(100);
    expect(s.changed).toBeGreaterThan(70);
    // The whole file parsed on one side; on the other only the records that changed (added or changed entries).
    expect(s.parsed).toBe(s.entries);
    expect(f.parsed).toBe(f.added + f.changed);
    // The rule run joined records again (the DPRK entries back in the list), the fast one looking at far fewer pairs.
    expect(s.links!.created).toBeGreaterThan(5);
    expect(f.links!.created).toBe(s.links!.created);
    expect(f.links!.candidates).toBeLessThan(s.links!.candidates / 2);
    const [a, b] = [await dumpTables(slow), await dumpTables(fast)];
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [table, rows] of a) {
      const other = b.get(table)!;
      expect({ table, size: other.length }).toEqual({ table, size: rows.length });
      const differ = rows.filter((r, i) => other[i] !== r).slice(0, 3);
      expect({ table, differ }).toEqual({ table, differ: [] });
    }
    // The whole-file path rewrote the buckets; the fast one stored a change of a few kB beside the full write.
    const changes = await fast.query<{ dataset: string; size: number }>('SELECT dataset, length(data) AS size FROM resolver_bucket_changes');
    const [full] = await fast.query<{ size: number }>(`SELECT length(data) AS size FROM resolver_buckets WHERE dataset = 'us_ofac_sdn'`);
    expect(changes.map((c) => c.dataset)).toEqual(['us_ofac_sdn']);
    expect(changes[0]!.size).toBeLessThan(full!.size / 20);
    expect(await slow.query('SELECT 1 FROM resolver_bucket_changes')).toEqual([]);
    const built = bucketsByDataset(await loadResolveRecords(fast));
    for (const [dataset, stored] of await storedBuckets(fast)) {
      expect({ dataset, ...comparable(decodeStoredBuckets(stored)) }).toEqual({ dataset, ...comparable(built.get(dataset)!) });
    }
  }, 240_000);

  it('a next update in the same process uses the buckets and digests it remembers, and still ends as the whole-file path', async () => {
    // The third version: the real file as published (the 1% change undone).
    const v3 = path.join(tmp, 'sdn-v3.csv');
    fs.writeFileSync(v3, text, 'latin1');
    const sql: string[] = [];
    const recording = (q: Queryable): Queryable => {
      const out: Queryable & Partial<CopyCapable> = { query: (s, p) => { sql.push(s); return q.query(s, p); } } as Queryable;
      if (canCopy(q)) out.copyIn = (s, data) => q.copyIn(s, data);
      return out;
    };
    const watched: Db = { ...fast, query: recording(fast).query, transaction: (fn) => fast.transaction((tx) => fn(recording(tx))) };
    const f = await importListFile(watched, { format: 'ofac-csv', file: v3, date: '2024-05-17' });
    const s = await importListFile(slow, { format: 'ofac-csv', file: v3, date: '2024-05-17', skipUnchanged: false });
    expect(f).toMatchObject({ status: 'imported', changed: s.changed, added: s.added, removed: s.removed });
    expect(f.changed + f.added + f.removed).toBeGreaterThan(100);
    expect(sql.some((q) => /FROM resolver_buckets/.test(q))).toBe(false);
    expect(sql.some((q) => /^\s*SELECT[\s\S]*FROM list_entry_digests/.test(q))).toBe(false);
    expect(sql.some((q) => /INSERT INTO resolver_bucket_changes/.test(q))).toBe(true);
    expect(await dumpTables(fast)).toEqual(await dumpTables(slow));
  }, 240_000);
});
