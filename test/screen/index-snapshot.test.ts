/**
 * The screening index kept beside an embedded store (src/screen/index-snapshot.ts), on copies of the loaded store
 * (curated graph, OFAC and UN lists). The next process reads it back only while it describes the store as it is: the
 * same matches, scores, explanations and dates as a build; a change to any table the index is built from, a file cut
 * short, or a file of other code has the index built again (and the snapshot written anew).
 */
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/store/db.ts';
import { ScreeningService, screeningService } from '../../src/screen/service.ts';
import { entityDates } from '../../src/screen/index-facts.ts';
import { readScreeningSnapshot, SNAPSHOT_FILE } from '../../src/screen/index-snapshot.ts';
import { slicesOf } from '../../src/match/candidate-index.ts';
import { indexInputFingerprint, INDEX_INPUT_TABLES, snapshotsWritten } from '../../src/store/snapshot-file.ts';
import { screenRow } from '../../src/screen/screen.ts';
import { parseScreeningOptions } from '../../src/screen/options.ts';
import type { MatchQuery } from '../../src/match/types.ts';
import { loadedDataDir } from '../support/services.ts';

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) fs.rmSync(d, { recursive: true, force: true }); });

async function copy(): Promise<string> {
  const dir = await loadedDataDir();
  dirs.push(dir);
  return dir;
}

/** A fresh handle on the directory (as the next process would open it), its service, and the handle closed again. */
async function serviceOn(dir: string, change?: (db: Db) => Promise<unknown>): Promise<ScreeningService> {
  const db = await openDb({ dataDir: dir });
  try {
    if (change) await change(db);
    const service = await screeningService(db);
    await entityDates(db, service);
    await snapshotsWritten(db);
    return service;
  } finally {
    await db.close();
  }
}

const query = (names: string[], schema: string | null = null, countries: string[] = []): MatchQuery => ({ names, schema, birthDates: [], countries, identifiers: [] });
const QUERIES: MatchQuery[] = [
  query(['Mansudae Overseas Project Group of Companies']),
  query(['Korea Mining Development Trading Corporation'], 'Organization', ['kp']),
  query(['Kim Won Hong'], 'Person'),
  query(['김원홍'], 'Person'),
  query(['Namgang Construction'], 'Company', ['ru']),
  query(['Hong Kong Tianda International Trading']),
];

describe('the screening index kept beside the store', () => {
  it('is read back by the next process, and matches, scores, explains and dates exactly as a build', async () => {
    const dir = await copy();
    const read = await serviceOn(dir);
    expect(read.from).toBe('snapshot');
    const db = await openDb({ dataDir: dir });
    try {
      const built = await ScreeningService.fromStore(db);
      expect(read.matcher.size).toBe(built.matcher.size);
      expect(read.matcher.size).toBeGreaterThan(10_000);
      expect(isDeepStrictEqual(read.matcher.index.gathered(), built.matcher.index.gathered())).toBe(true);
      for (const q of QUERIES) expect(read.matcher.match(q)).toEqual(built.matcher.match(q));
      expect(read.matcher.match(QUERIES[0]!)[0]?.match).toBe(true);
      const options = parseScreeningOptions({});
      for (const input of [{ name: 'Mansudae Art Studio', country: 'KP' }, { name: 'Korea Ryonbong General Corporation' }, { name: 'Kim Jong Un', birth_date: '1984-01-08' }]) {
        const row = { row: 1, input };
        expect(screenRow(read.matcher, row, options)).toEqual(screenRow(built.matcher, row, options));
      }
      expect(isDeepStrictEqual(await entityDates(db, read), await entityDates(db, new ScreeningService([])))).toBe(true);
    } finally {
      await db.close();
    }
  }, 300_000);

  it('is not used once a table the index is built from has changed: the index is built, and kept anew', async () => {
    const dir = await copy();
    const renamed = query(['Zzyxq Quarrying Ventures'], 'Organization');
    const before = await serviceOn(dir);
    expect(before.from).toBe('snapshot');
    expect(before.matcher.match(renamed).filter((m) => m.match)).toEqual([]);
    // One list entity's name written otherwise, as a list update would.
    const after = await serviceOn(dir, (db) => db.query(
      `UPDATE statements SET value = 'Zzyxq Quarrying Ventures' WHERE id = (SELECT id FROM statements WHERE entity_id = 'unsc-kpe-001' AND prop = 'name' LIMIT 1)`));
    expect(after.from).toBe('store');
    expect(after.matcher.match(renamed).filter((m) => m.match).map((m) => m.entity.id)).toHaveLength(1);
    const again = await serviceOn(dir);
    expect(again.from).toBe('snapshot');
    expect(again.matcher.match(renamed)).toEqual(after.matcher.match(renamed));
  }, 300_000);

  it('each input table: any insert, update or delete changes the fingerprint', async () => {
    const dir = await copy();
    const db = await openDb({ dataDir: dir });
    try {
      for (const table of INDEX_INPUT_TABLES) {
        const before = await indexInputFingerprint(db);
        const [{ n } = { n: 0 }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
        if (n === 0) continue;
        // An update that changes no value still writes a new row version.
        const [column] = await db.query<{ c: string }>(
          `SELECT column_name AS c FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position LIMIT 1`, [table]);
        await db.query(`UPDATE ${table} SET ${column!.c} = ${column!.c} WHERE ctid = (SELECT ctid FROM ${table} LIMIT 1)`);
        const updated = await indexInputFingerprint(db);
        expect(updated, `${table}: an update`).not.toBe(before);
        // A delete (where no other row refers to it): one row fewer.
        const deleted = await db.transaction(async (tx) => tx.query(`DELETE FROM ${table} WHERE ctid = (SELECT max(ctid) FROM ${table}) RETURNING 1`)).catch(() => []);
        if (deleted.length) expect(await indexInputFingerprint(db), `${table}: a delete`).not.toBe(updated);
      }
    } finally {
      await db.close();
    }
  }, 300_000);

  it('a file cut short, or written by other code, is ignored: the index is built', async () => {
    const dir = await copy();
    const file = path.join(dir, SNAPSHOT_FILE);
    const whole = fs.readFileSync(file);
    const newline = whole.indexOf(0x0a);
    const header = JSON.parse(whole.subarray(0, newline).toString('utf8')) as { code: string; fingerprint: string };
    const key = { file, fingerprint: header.fingerprint };
    const slices = slicesOf(10);
    expect(await readScreeningSnapshot(key, slices)).not.toBeNull();
    fs.writeFileSync(file, Buffer.concat([Buffer.from(JSON.stringify({ ...header, code: 'other code' })), whole.subarray(newline)]));
    expect(await readScreeningSnapshot(key, slices)).toBeNull();
    fs.writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)));
    expect(await readScreeningSnapshot(key, slices)).toBeNull();
    expect((await serviceOn(dir)).from).toBe('store');
    expect((await serviceOn(dir)).from).toBe('snapshot');
  }, 300_000);
});
