/**
 * Korean-aware search of the evidence graph (src/store/search.ts): romanisation
 * variants and Hangul find the same entity; the index follows changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { loadBundle } from '../../src/ingest/bundle.ts';
import { searchEntities } from '../../src/store/search.ts';
import { backends, freshDb, type TestDb } from '../support/db.ts';

describe.each(backends())('Korean-aware search on %s', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await freshDb(backend);
    await loadBundle(t.db, REPO_ROOT);
  });
  afterAll(async () => t?.dispose());

  it('finds Kim Won-hong under MR, RR, joined and Hangul spellings', async () => {
    for (const q of ['Kim Won Hong', 'Gim Won-hong', 'KIM Weonhong', 'Won-hong Kim', '김원홍']) {
      const hits = await searchEntities(t.db, q);
      expect(hits.slice(0, 3).map((h) => h.id), q).toContain('r39-kim-won-hong');
    }
  });

  it('finds a Hangul name followed by a particle, as Korean prose writes it', async () => {
    // 김원홍이 (subject), 김원홍의 ("Kim Won-hong's"), 김원홍에게서 ("from Kim Won-hong"), 김정은과 ("and Kim Jong Un"), 김정은이:
    // each romanised whole (Kim Won-hongi) found nothing.
    for (const [q, id] of [['김원홍이', 'r39-kim-won-hong'], ['김원홍의', 'r39-kim-won-hong'], ['김원홍에게서', 'r39-kim-won-hong'], ['김정은이', 'r39-kim-jong-un'], ['김정은과', 'r39-kim-jong-un']] as const) {
      const hits = await searchEntities(t.db, q);
      expect(hits[0]?.id, q).toBe(id);
    }
    // A name that ends like a particle (은) is found as written, not as 김정.
    expect((await searchEntities(t.db, '김정은'))[0]?.id).toBe('r39-kim-jong-un');
    // A Latin name with a particle (Mansudae의 "Mansudae's") is the name.
    const mansudae = (await searchEntities(t.db, 'Mansudae', { limit: 5 })).map((h) => h.id);
    expect(mansudae.length).toBeGreaterThan(0);
    expect((await searchEntities(t.db, 'Mansudae의', { limit: 5 })).map((h) => h.id)).toEqual(mansudae);
  });

  it('ranks an exact spelling above a phonetic one, and keeps the schema filter', async () => {
    const exact = await searchEntities(t.db, 'Kim Won Hong', { schema: 'Person' });
    expect(exact[0]?.id).toBe('r39-kim-won-hong');
    const orgs = await searchEntities(t.db, 'Gim Won-hong', { schema: 'Organization' });
    expect(orgs.map((h) => h.id)).not.toContain('r39-kim-won-hong');
  });

  it('sees entities added after the index was built', async () => {
    await searchEntities(t.db, 'Mansudae');
    await t.db.query(`INSERT INTO entities (id, schema, caption, datasets) VALUES ('t-ryonha-test', 'Company', 'Ryonhwa Test Trading', '{test}')`);
    await t.db.query(`INSERT INTO entity_names (entity_id, name, norm, prop) VALUES ('t-ryonha-test', 'Ryonhwa Test Trading', 'ryonhwatesttrading', 'name')`);
    const hits = await searchEntities(t.db, 'ryonhwa test', { dataset: 'test' });
    expect(hits.map((h) => h.id)).toEqual(['t-ryonha-test']);
  });

  it('answers from memory while nothing is written, and shows a changed caption or country at once', async () => {
    const queries: string[] = [];
    const counted = new Proxy(t.db, {
      get: (target, prop) => (prop === 'query'
        ? (sql: string, params?: readonly unknown[]) => { queries.push(sql); return target.query(sql, params); }
        : Reflect.get(target, prop)),
    });
    const first = await searchEntities(counted, 'Kim Won Hong', { schema: 'Person' });
    expect(first[0]?.id).toBe('r39-kim-won-hong');
    queries.length = 0;
    await searchEntities(counted, 'Kim Won Hong', { schema: 'Person' });
    // PGlite: one process writes, so an unchanged count of writes answers without a query. PostgreSQL asks the server
    // whether anything was written (the snapshot's xmax); when another database of the same server was written meanwhile
    // (test files run side by side), also the entities' stamp: never the index's tables again.
    if (backend === 'pglite') expect(queries).toEqual([]);
    else {
      expect(queries[0]).toMatch(/pg_snapshot_xmax/);
      expect(queries.length).toBeLessThanOrEqual(2);
      expect(queries.join('\n')).not.toMatch(/SELECT entity_id, name, norm FROM entity_names/);
    }
    await t.db.query(`UPDATE entities SET caption = 'Kim Won Hong (renamed)', updated_at = now() WHERE id = 'r39-kim-won-hong'`);
    expect((await searchEntities(counted, 'Kim Won Hong', { schema: 'Person' }))[0]?.caption).toBe('Kim Won Hong (renamed)');
    await t.db.transaction((tx) => tx.query(
      `INSERT INTO statements (id, entity_id, schema, prop, value, dataset, source_id, reliability, first_seen, last_seen, recorded_by, review_status)
       SELECT 't-country-kwh', 'r39-kim-won-hong', 'Person', 'nationality', 'ZZ', dataset, source_id, reliability, first_seen, last_seen, recorded_by, 'accepted'
         FROM statements WHERE entity_id = 'r39-kim-won-hong' LIMIT 1`));
    await t.db.query(`UPDATE entities SET updated_at = now() WHERE id = 'r39-kim-won-hong'`);
    const after = (await searchEntities(t.db, 'Kim Won Hong', { schema: 'Person' }))[0]!;
    expect(after).toMatchObject({ id: 'r39-kim-won-hong', caption: 'Kim Won Hong (renamed)' });
    expect(after.countries).toContain('ZZ');
  });
});
