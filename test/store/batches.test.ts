/**
 * queryInBatches (issue 12): a large result read through a cursor a batch at
 * a time gives the rows of the plain query, in its order, on the embedded
 * store loaded with the bundle and the official lists; inside a transaction
 * it reads the result at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryInBatches } from '../../src/store/batches.ts';
import { loadMatchableFromStore } from '../../src/screen/store-index.ts';
import { openTestServices, type TestServices } from '../support/services.ts';

let t: TestServices;
beforeAll(async () => { t = await openTestServices(); }, 600_000);
afterAll(async () => { await t?.dispose(); });

const SQL = `SELECT entity_id, prop, value FROM statements WHERE review_status = 'accepted' AND prop = ANY($1::text[])`;

describe('queryInBatches', () => {
  it('gives the plain query\'s rows in its order, in batches no larger than asked', async () => {
    const db = t.services.db;
    const plain = await db.query(SQL, [['name', 'alias', 'birthDate']]);
    expect(plain.length).toBeGreaterThan(20_000);
    const sizes: number[] = [];
    const batched: unknown[] = [];
    await queryInBatches(db, SQL, [['name', 'alias', 'birthDate']], 4_000, (rows) => { sizes.push(rows.length); batched.push(...rows); });
    expect(batched).toEqual(plain);
    expect(Math.max(...sizes)).toBe(4_000);
    expect(sizes.length).toBe(Math.ceil(plain.length / 4_000));
    // The cursor is closed with its transaction: the same name can be declared again at once.
    let n = 0;
    await queryInBatches(db, 'SELECT id FROM entities', [], 50_000, (rows) => { n += rows.length; });
    expect(n).toBe((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM entities'))[0]!.n);
  }, 120_000);

  it('reads at once inside a transaction, and the screening index is what it was', async () => {
    const db = t.services.db;
    const inside = await db.transaction(async (tx) => {
      const calls: number[] = [];
      await queryInBatches(tx, SQL, [['name']], 10, (rows) => calls.push(rows.length));
      return calls;
    });
    expect(inside).toHaveLength(1);
    expect(inside[0]).toBeGreaterThan(10);
    // Built in batches from the store or inside one transaction (one query per table): the same entities.
    const batched = await loadMatchableFromStore(db);
    const whole = await db.transaction((tx) => loadMatchableFromStore(tx));
    expect(batched.length).toBeGreaterThan(10_000);
    expect(batched).toEqual(whole);
  }, 300_000);
});
