/**
 * The server answers while it builds its screening index (a few seconds on the real lists; PGlite runs every query
 * on the server's thread): /readyz says 503 at once instead of waiting for the build, /healthz and other requests
 * are answered before the build ends, then /readyz says ok (the entities' dates read too). And the index read a range of pages at a time and built
 * in slices holds exactly what one read of the whole store and the synchronous build give.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { builtScreeningService, ScreeningService } from '../../src/screen/service.ts';
import { loadMatchableFromStore } from '../../src/screen/store-index.ts';
import { entityDates, entityDatesRead } from '../../src/screen/index-facts.ts';
import { Matcher } from '../../src/match/matcher.ts';
import { SNAPSHOT_FILE } from '../../src/screen/index-snapshot.ts';
import type { Queryable } from '../../src/store/db.ts';
import { openTestServices, type TestServices } from '../support/services.ts';

let ts: TestServices;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  ts = await openTestServices();
  // This store's index is built here, not read back from the snapshot its copy came with (test/screen/index-snapshot.test.ts).
  fs.rmSync(path.join(ts.dataDir, SNAPSHOT_FILE));
  app = createApp(ts.services);
});
afterAll(async () => ts?.dispose());

describe('while the screening index builds', () => {
  it('/readyz answers 503 at once, /healthz and the API description are answered before the build ends, then /readyz says ok', async () => {
    const db = ts.services.db;
    const first = await app.request('/readyz');
    expect(first.status).toBe(503);
    expect(await first.json()).toMatchObject({ detail: expect.stringMatching(/being built/), error: { code: 'not_ready' } });
    expect(builtScreeningService(db)).toBeNull();

    // Answered while the build goes on: the build has not ended when each answer has come.
    const health = await app.request('/healthz');
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    expect(builtScreeningService(db)).toBeNull();
    expect((await app.request('/openapi.json')).status).toBe(200);
    const again = await app.request('/readyz');
    expect(again.status).toBe(503);
    expect(builtScreeningService(db)).toBeNull();

    let res = again;
    for (let i = 0; res.status === 503 && i < 600; i++) {
      await new Promise((r) => setTimeout(r, 200));
      res = await app.request('/readyz');
    }
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(builtScreeningService(db)).not.toBeNull();
    // Ready means ready for /match and /search: the entities' dates they give are read already, not by the first of them.
    expect(entityDatesRead(await builtScreeningService(db)!)).toBe(true);
  });
});

describe('the index read in ranges and built in slices', () => {
  it('holds the same entities, names and dates as one read of the store and the synchronous build', async () => {
    const db = ts.services.db;
    // A handle without the store's kind is read as before: one query a table.
    const whole: Queryable = { query: (sql, params) => db.query(sql, params) };
    const sliced = await ScreeningService.fromStore(db);
    const plain = new Matcher(await loadMatchableFromStore(whole));
    expect(sliced.matcher.size).toBeGreaterThan(10_000);
    expect(isDeepStrictEqual(sliced.matcher.index.entities, plain.index.entities)).toBe(true);
    expect(isDeepStrictEqual(sliced.matcher.index.names, plain.index.names)).toBe(true);
    const query = { names: ['Mansudae Overseas Project Group of Companies'], schema: null, birthDates: [], countries: [], identifiers: [] };
    expect(sliced.matcher.match(query)).toEqual(plain.match(query));
    const dates = await entityDates(db, sliced);
    const wholeDates = await entityDates(whole, new ScreeningService([]));
    expect(dates.size).toBeGreaterThan(10_000);
    expect(isDeepStrictEqual(dates, wholeDates)).toBe(true);
  });
});
