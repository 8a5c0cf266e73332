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
});
