/**
 * The search's name index is built in slices: in `room39 serve` on PGlite every query and loop runs on the server's
 * one thread, and the first search after a list update or an accepted claim held every other request for 2–3 s while
 * it rebuilt the index (`bench/server/README.md`, the search index). The event loop now turns while the
 * index builds, and the index read a range of pages at a time finds exactly what one read of each table finds. Serve
 * builds it before the first search: when a page of the web app is opened, and after a list version is imported.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchEntities, invalidateSearchIndex, searchIndexState } from '../../src/store/search.ts';
import { createApp } from '../../src/server/app.ts';
import type { Queryable } from '../../src/store/db.ts';
import { openTestServices, type TestServices } from '../support/services.ts';

let ts: TestServices;
beforeAll(async () => { ts = await openTestServices(); });
afterAll(async () => ts?.dispose());

const QUERIES = ['Korea General Corporation for External Construction', 'Kim Won Hong', '김원홍', 'KOMID', 'Mansudae', 'Ri Song', 'Chonsurim', 'Genco'];

describe('the search index build', () => {
  it('lets the event loop turn while it builds (a server answers other requests meanwhile)', async () => {
    const db = ts.services.db;
    invalidateSearchIndex(db);
    let done = false;
    let turns = 0;
    const search = searchEntities(db, 'Korea General Corporation for External Construction').finally(() => { done = true; });
    const ticking = (async () => {
      while (!done) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        turns++;
      }
    })();
    const [hits] = await Promise.all([search, ticking]);
    expect(hits[0]?.caption).toMatch(/Korea General Corporation for External Construction/i);
    // A build held the thread from start to end before: one or two turns (before and after it). Slices of 10 ms give dozens.
    expect(turns).toBeGreaterThan(20);
  });

  it('finds exactly what an index read one query a table finds', async () => {
    const db = ts.services.db;
    // A handle without the store's kind is read as before: one query a table, no slices of pages.
    const whole: Queryable = { query: (sql, params) => db.query(sql, params) };
    invalidateSearchIndex(db);
    for (const q of QUERIES) {
      const sliced = await searchEntities(db, q, { limit: 50 });
      const plain = await searchEntities(whole, q, { limit: 50 });
      expect(sliced.length, q).toBeGreaterThan(0);
      expect(sliced, q).toEqual(plain);
    }
  });
});

describe('the index built before the first search', () => {
  it('opening a page of the web app starts the build; an API call does not', async () => {
    const db = ts.services.db;
    invalidateSearchIndex(db);
    const app = createApp(ts.services);
    expect((await app.request('/healthz')).status).toBe(200);
    expect((await app.request('/api/entities/no-such-entity')).status).toBe(404);
    expect(searchIndexState(db)).toBe('none');
    const page = await app.request('/search', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    // No search is made: the page alone has the index built.
    for (let i = 0; i < 600 && searchIndexState(db) !== 'built'; i++) await new Promise((r) => setTimeout(r, 50));
    expect(searchIndexState(db)).toBe('built');
    const res = await app.request('/api/search?q=Mansudae');
    expect(((await res.json()) as { results: { caption: string }[] }).results[0]?.caption).toMatch(/Mansudae/);
  });
});
