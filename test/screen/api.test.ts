/**
 * The HTTP doors of screening: POST /match/{dataset} (yente's format),
 * /reconcile (OpenRefine, with the requests OpenRefine sends) and
 * POST /api/screen, over a store holding the curated dataset and the real
 * official lists (test/support/services.ts).
 */
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/server/context.ts';
import { errorResponse } from '../../src/server/errors.ts';
import { registerMatchRoutes } from '../../src/server/routes/match.ts';
import { registerReconcileRoutes } from '../../src/server/routes/reconcile.ts';
import { registerScreenRoutes } from '../../src/server/routes/screen.ts';
import { openTestServices, type TestServices } from '../support/services.ts';

let store: TestServices;
const app: App = new Hono();
app.onError((err, c) => errorResponse(c, err));
beforeAll(async () => {
  store = await openTestServices();
  registerMatchRoutes(app, store.services);
  registerReconcileRoutes(app, store.services);
  registerScreenRoutes(app, store.services);
}, 300_000);
afterAll(async () => store?.dispose());

const post = (path: string, body: unknown) => app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('POST /match/{dataset} (yente format)', () => {
  it('answers each query under its own key with scored results', async () => {
    const res = await post('/match/default?limit=3', {
      queries: {
        kim: { schema: 'Person', properties: { name: ['Kim Won Hong'], birthDate: ['1944-08-17'], nationality: ['kp'] } },
        komid: { schema: 'Company', properties: { name: 'Korea Mining Development Trading Corp' } },
        nobody: { schema: 'Person', properties: { name: ['Elisabeth Wainwright-Smythe'] } },
      },
    });
    expect(res.status).toBe(200);
    const body = await res.json() as { responses: Record<string, { status: number; total: { value: number; relation: string }; query: { schema: string }; results: { id: string; caption: string; schema: string; properties: Record<string, string[]>; datasets: string[]; score: number; match: boolean; features: Record<string, number>; explanations: Record<string, { score: number; detail: string }> }[] }>; matcher: Record<string, { description: string; coefficient: number }>; limit: number };
    expect(Object.keys(body.responses)).toEqual(['kim', 'komid', 'nobody']);
    expect(body.limit).toBe(3);
    expect(body.matcher['name_match']?.coefficient).toBe(1);
    const kim = body.responses['kim']!;
    expect(kim.status).toBe(200);
    expect(kim.total.relation).toBe('eq');
    expect(kim.query.schema).toBe('Person');
    // The curated entity (from the seed documents) and the OFAC record of the same man both match; the record carries the designation.
    expect(kim.results[0]!.id).toBe('r39-kim-won-hong');
    const top = kim.results.find((r) => r.id === 'ofac-21443')!;
    expect(top.caption).toBe('KIM, Won Hong');
    expect(top.match).toBe(true);
    expect(top.datasets).toContain('us_ofac_sdn');
    expect(top.properties['name']).toEqual(['KIM, Won Hong']);
    expect(top.features['name_match']).toBe(1);
    expect(top.explanations['dob_match']?.detail).toMatch(/date of birth/);
    expect(kim.results.map((r) => r.score)).toEqual([...kim.results.map((r) => r.score)].sort((a, b) => b - a));
    expect(body.responses['komid']!.results.slice(0, 2).map((r) => r.schema)).toEqual(['Organization', 'Organization']);
    expect(body.responses['nobody']!.results.filter((r) => r.match)).toEqual([]);
  });
  it('filters by dataset and refuses bad requests with a message', async () => {
    const un = await (await post('/match/un_sc_sanctions', { queries: { q: { schema: 'Person', properties: { name: ['Kim Won Hong'] } } } })).json() as { responses: { q: { results: { datasets: string[] }[] } } };
    for (const r of un.responses.q.results) expect(r.datasets).toContain('un_sc_sanctions');
    const bad = await post('/match/default', { queries: { q: { schema: 'Spaceship', properties: { name: ['X'] } } } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/unknown schema "Spaceship"/);
    expect((await post('/match/default', { queries: {} })).status).toBe(400);
    expect((await app.request('/match/default', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' })).status).toBe(400);
  });
});

describe('/reconcile (OpenRefine)', () => {
  it('serves the manifest OpenRefine reads', async () => {
    const res = await app.request('http://localhost:3939/reconcile');
    const m = await res.json() as Record<string, unknown> & { defaultTypes: { id: string }[]; view: { url: string }; preview: { url: string } };
    expect(m['versions']).toEqual(['0.2']);
    for (const k of ['name', 'identifierSpace', 'schemaSpace']) expect(typeof m[k]).toBe('string');
    expect(m.defaultTypes.map((t) => t.id)).toContain('Person');
    expect(m.view.url).toBe('http://localhost:3939/entities/{{id}}');
    expect(m.preview.url).toContain('{{id}}');
  });
  it('answers batched queries sent as the form field queries=, as OpenRefine sends them', async () => {
    const queries = { q0: { query: 'Kim Won Hong', type: 'Person', type_strict: 'should', properties: [{ pid: 'birthDate', v: '1944' }] }, q1: { query: 'Ryonbong General Corp', type: 'Organization', type_strict: 'should', limit: 2 } };
    const res = await app.request('/reconcile', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
      body: `queries=${encodeURIComponent(JSON.stringify(queries))}`,
    });
    expect(res.status).toBe(200);
    const body = await res.json() as Record<string, { result: { id: string; name: string; type: { id: string; name: string }[]; score: number; match: boolean }[] }>;
    expect(body['q0']?.result.find((r) => r.id === 'ofac-21443')).toMatchObject({ name: 'KIM, Won Hong', type: [{ id: 'Person', name: 'Person' }], match: true });
    expect(body['q1']?.result.length).toBeLessThanOrEqual(2);
    expect(body['q1']?.result[0]?.name).toBe('KOREA RYONBONG GENERAL CORPORATION');
    const jsonp = await app.request(`/reconcile?queries=${encodeURIComponent(JSON.stringify({ q0: { query: 'KOMID' } }))}&callback=cb`);
    expect(await jsonp.text()).toMatch(/^cb\(\{"q0":\{"result":\[/);
  });
  it('previews an entity as escaped HTML, and says what is wrong with a bad batch', async () => {
    const res = await app.request('/reconcile/preview?id=ofac-21443');
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toContain('KIM, Won Hong');
    expect((await app.request('/reconcile/preview?id=nope')).status).toBe(404);
    const bad = await app.request('/reconcile', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'queries=%7Bbroken' });
    expect(bad.status).toBe(400);
  });
});

describe('POST /api/screen', () => {
  it('screens JSON rows and CSV text', async () => {
    const json = await (await post('/api/screen', { rows: [{ name: 'Kim Won Hong', schema: 'Person' }, { name: '' }], dataset: 'dprk' })).json() as { rows: { row: number; error?: string; matches: { caption: string; match: boolean; flags: unknown[] }[] }[] };
    expect(json.rows[0]?.matches[0]).toMatchObject({ caption: 'KIM, Won Hong', match: true });
    expect(json.rows[0]?.matches[0]?.flags.length).toBeGreaterThan(0);
    expect(json.rows[1]?.error).toBe('row 2: the name is empty');
    const csv = await (await app.request('/api/screen?threshold=0.9', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'name,country\nKorea Ryonbong General Corp,KP\n' })).json() as { rows: { matches: { match: boolean }[] }[] };
    expect(csv.rows[0]?.matches[0]?.match).toBe(true);
  });
  it('refuses more than 10,000 rows and a CSV with no name column', async () => {
    const big = await post('/api/screen', { rows: Array.from({ length: 10_001 }, () => ({ name: 'x' })) });
    expect(big.status).toBe(400);
    expect(((await big.json()) as { error: { message: string } }).error.message).toMatch(/10000 rows/);
    const noName = await app.request('/api/screen', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'code\nX\n' });
    expect(noName.status).toBe(400);
  });
});
