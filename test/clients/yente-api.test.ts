/**
 * The rest of yente's API its clients call beside /match (/algorithms,
 * /catalog, /search/{dataset}, /entities/{id}, /readyz), on a loaded store,
 * checked against yente's schema where it defines the shape; and the rule
 * that an unknown API path answers a JSON 404, never the web app's HTML.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { MATCH_FEATURES } from '../../src/match/features.ts';
import { openTestServices, type TestServices } from '../support/services.ts';
import { yente } from './conformance.ts';

interface Entity { id: string; caption: string; schema: string; datasets: string[]; target: boolean; referents: string[]; properties: Record<string, unknown[]>; last_change: string | null }
interface SearchBody { results: Entity[]; total: { value: number; relation: string }; limit: number; offset: number; facets: Record<string, { label: string; values: { name: string; count: number }[] }> }
interface CatalogBody { datasets: { name: string; version: string; children: string[]; versions: { version: string; published: string | null; fetched_at: string }[] }[]; current: string[]; outdated: string[] }

const schemas = yente();
let ts: TestServices;
let app: ReturnType<typeof createApp>;

async function get<T>(path: string, status = 200, headers: Record<string, string> = {}): Promise<T> {
  const res = await app.request(path, { headers });
  const body = (await res.json()) as T;
  expect(res.status, JSON.stringify(body).slice(0, 300)).toBe(status);
  return body;
}

async function search(query: string): Promise<SearchBody> {
  const body = await get<SearchBody>(`/search/${query}`);
  for (const r of body.results) schemas.check('entity', r);
  return body;
}

beforeAll(async () => {
  ts = await openTestServices();
  app = createApp(ts.services);
});
afterAll(async () => ts?.dispose());

describe('GET /readyz, /algorithms, /catalog', () => {
  it('/readyz answers 503 {"detail"} while the index builds, then {"status":"ok"}', async () => {
    let res = await app.request('/readyz');
    for (let i = 0; res.status === 503 && i < 600; i++) {
      schemas.check('error', await res.json());
      await new Promise((r) => setTimeout(r, 500));
      res = await app.request('/readyz');
    }
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('/algorithms lists room39\'s matcher as default and best, its features generated from the matcher', async () => {
    const body = await get<{ algorithms: { name: string; features: Record<string, { coefficient: number; description: string }> }[]; default: string; best: string }>('/algorithms');
    expect(body.default).toBe('room39');
    expect(body.best).toBe('room39');
    expect(body.algorithms.map((a) => a.name)).toEqual(['room39']);
    expect(Object.entries(body.algorithms[0]!.features).map(([k, f]) => [k, f.coefficient])).toEqual(MATCH_FEATURES.map((f) => [f.key, f.coefficient]));
  });

  it('/catalog gives each list with its versions and dates, and every name it lists is one /match accepts', async () => {
    const body = await get<CatalogBody>('/catalog');
    const byName = new Map(body.datasets.map((d) => [d.name, d]));
    expect(byName.get('us_ofac_sdn')?.version).toBe('2024-05-03');
    expect(byName.get('us_ofac_sdn')?.versions[0]).toMatchObject({ version: '2024-05-03', published: '2024-05-03', fetched_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
    expect(byName.get('un_sc_sanctions')?.version).toBe('2026-02-27');
    expect(byName.get('default')?.children).toEqual(expect.arrayContaining(['us_ofac_sdn', 'un_sc_sanctions', 'room39_seeds']));
    expect(byName.get('dprk')?.children).toContain('room39_seeds');
    expect(body.current.sort()).toEqual([...byName.keys()].sort());
    expect(body.outdated).toEqual([]);
    for (const name of byName.keys()) {
      const res = await app.request(`/match/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ queries: { q: { schema: 'Person', properties: { name: ['Kim Yong Chol'] } } } }) });
      expect(res.status, name).toBe(200);
    }
  });
});

describe('GET /search/{dataset}', () => {
  it('finds by name with yente\'s defaults, totals and facets', async () => {
    const body = await search('default?q=Mansudae%20Overseas');
    expect(body.limit).toBe(10);
    expect(body.offset).toBe(0);
    expect(body.results[0]?.id).toBe('r39-mansudae-overseas-project-group');
    expect(body.total.value).toBeGreaterThanOrEqual(body.results.length);
    expect(Object.keys(body.facets).sort()).toEqual(['countries', 'datasets', 'topics']);
    expect(body.facets['countries']?.values.find((v) => v.name === 'kp')?.count).toBeGreaterThan(0);
  });

  it('honours limit, offset, schema, countries, topics, datasets, target and the dataset path', async () => {
    const all = await search('default?q=Kim%20Yong&limit=50');
    expect(all.results.length).toBeGreaterThanOrEqual(3); // three people: four list records, two of them one person (issue 14)
    const page = await search('default?q=Kim%20Yong&limit=2&offset=1');
    expect(page.results.map((r) => r.id)).toEqual(all.results.slice(1, 3).map((r) => r.id));
    for (const r of (await search('default?q=Korea&schema=Organization&limit=50')).results) expect(['Organization', 'Company', 'PublicBody']).toContain(r.schema);
    const un = await search('default?q=Kim%20Yong&datasets=un_sc_sanctions&limit=50');
    expect(un.results.length).toBeGreaterThan(0);
    for (const r of un.results) expect(r.datasets).toContain('un_sc_sanctions');
    expect((await search('un_sc_sanctions?q=Kim%20Yong&limit=50')).results.map((r) => r.id)).toEqual(un.results.map((r) => r.id));
    const labour = await search('default?q=Mansudae&topics=labour.export');
    expect(labour.results.map((r) => r.id)).toEqual(['r39-mansudae-overseas-project-group']);
    const notTargets = await search('default?q=Mansudae&target=false&limit=50');
    for (const r of notTargets.results) expect(r.target).toBe(false);
    const kp = await search('default?q=Korea&countries=kp&limit=50');
    expect(kp.total.value).toBeGreaterThan(0);
    expect(kp.total.value).toBeLessThan((await search('default?q=Korea&limit=50')).total.value);
  });

  it('refuses what it cannot do, in yente\'s words', async () => {
    schemas.check('error', await get('/search/nosuchds?q=Kim', 404));
    schemas.check('error', await get('/search/default?q=Kim&limit=501', 422));
    schemas.check('error', await get('/search/default?q=Kim&schema=Spaceship', 400));
    schemas.check('error', await get('/search/default?q=Kim&sort=caption:asc', 422));
    schemas.check('error', await get('/search/default?q=Kim&facets=genders', 422));
  });
});

describe('GET /entities/{id}', () => {
  it('answers the entity with its merged records and the sanctions that point at it', async () => {
    const e = await get<Entity>('/entities/r39-genco');
    schemas.check('entity', e);
    expect(e.referents).toContain('ofac-19611');
    expect(e.datasets).toEqual(expect.arrayContaining(['room39_seeds', 'us_ofac_sdn']));
    expect(e.target).toBe(true);
    const sanctions = e.properties['sanctions'] as Entity[];
    expect(sanctions.length).toBeGreaterThan(0);
    for (const s of sanctions) schemas.check('entity', s);
    expect(sanctions.every((s) => s.schema === 'Sanction')).toBe(true);
    expect((await get<Entity>('/entities/r39-genco?nested=false')).properties['sanctions']).toBeUndefined();
  });

  it('redirects a merged record to its entity with 308, and sends a browser to the entity page', async () => {
    const res = await app.request('/entities/ofac-19611?nested=false');
    expect(res.status).toBe(308);
    expect(res.headers.get('location')).toBe('/entities/r39-genco?nested=false');
    const page = await app.request('/entities/r39-genco', { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/entity/r39-genco');
    schemas.check('error', await get('/entities/no-such-entity', 404));
  });
});

describe('unknown API paths', () => {
  it('answer a JSON 404 (yente\'s paths in yente\'s words), never the web app', async () => {
    for (const path of ['/api/nope', '/catalog/x', '/algorithms/x', '/reconcile/nosuchds', '/nope/x']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toMatch(/application\/json/);
    }
    expect(await (await app.request('/algorithms/x')).json()).toHaveProperty('detail');
    // A GET where yente only takes POST: refused by the access policy, in yente's words, not with a page.
    const getMatch = await app.request('/match/default');
    expect(getMatch.headers.get('content-type')).toMatch(/application\/json/);
    expect(await getMatch.json()).toHaveProperty('detail');
    expect(await (await app.request('/api/nope')).json()).toHaveProperty('error.code', 'not_found');
    const page = await app.request('/entity/r39-genco');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).not.toMatch(/json/);
    const lost = await app.request('/no-such-page', { headers: { accept: 'text/html' } });
    expect(lost.status).toBe(404);
    expect(lost.headers.get('content-type')).not.toMatch(/json/);
  });
});
