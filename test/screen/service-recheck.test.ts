/**
 * The screening service's recheck of the store (src/screen/service.ts): on PGlite, while the handle has written
 * nothing, the service is kept without running the stamp query (its counts held the server's thread every few
 * seconds under /match load); after a write the stamp is read again and a change of the entities rebuilds the service.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { screeningService } from '../../src/screen/index.ts';
import { openTestServices, type TestServices } from '../support/services.ts';

let ts: TestServices;
let stamps = 0;

beforeAll(async () => {
  ts = await openTestServices();
  const db = ts.services.db;
  const real = db.query.bind(db);
  db.query = ((sql: string, params?: readonly unknown[]) => {
    // The entities' stamp (store/memo.ts), not the snapshot's fingerprint of the index's tables (index-snapshot.ts).
    if (sql.includes('(SELECT count(*) FROM entity_names)::text')) stamps++;
    return real(sql, params);
  }) as typeof db.query;
}, 300_000);
afterAll(async () => {
  vi.restoreAllMocks();
  await ts?.dispose();
});

describe('screeningService recheck', () => {
  it('skips the stamp while nothing was written, reads it after a write, rebuilds when the entities changed', async () => {
    const db = ts.services.db;
    let now = Date.now();
    vi.spyOn(Date, 'now').mockImplementation(() => now);
    const first = await screeningService(db);
    const before = stamps;
    now += 60_000;
    expect(await screeningService(db)).toBe(first);
    now += 60_000;
    expect(await screeningService(db)).toBe(first);
    expect(stamps).toBe(before);

    // A write that leaves the entities as they were: the stamp is read once, the service kept.
    await db.query(`UPDATE resolver_state SET id = id WHERE id = -1`);
    now += 60_000;
    expect(await screeningService(db)).toBe(first);
    expect(stamps).toBe(before + 1);
    now += 60_000;
    expect(await screeningService(db)).toBe(first);
    expect(stamps).toBe(before + 1);

    // A write that changes the entities: a new service.
    const [row] = await db.query<{ id: string }>(`SELECT id FROM entities ORDER BY id LIMIT 1`);
    await db.query(`UPDATE entities SET updated_at = now() + interval '1 day' WHERE id = $1`, [row!.id]);
    now += 60_000;
    const second = await screeningService(db);
    expect(stamps).toBe(before + 2);
    expect(second).not.toBe(first);
    expect(second.matcher.index.entities.length).toBe(first.matcher.index.entities.length);
  }, 300_000);
});
