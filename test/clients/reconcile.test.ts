/**
 * The Reconciliation Service API (0.2) as OpenRefine uses it, on a loaded
 * store: every response type validated against the 0.2 JSON Schemas in
 * ../shared/conformance (and the requests too, to show they are ones the
 * spec allows); CORS and preflight; previews OpenRefine can frame; suggest;
 * and the data-extension flow that adds country, programme, designation
 * date, topics and the room39 page as columns to reconciled DPRK entities.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { openTestServices, type TestServices } from '../support/services.ts';
import { reconciliation02, type ReconciliationSchema } from './conformance.ts';

interface Candidate { id: string; name: string; score: number; match: boolean; type: { id: string }[] }
type Batch = Record<string, { result: Candidate[]; error?: { message: string } }>;
interface Extension { meta: { id: string; name: string }[]; rows: Record<string, Record<string, ({ str: string } | { date: string })[]>> }

const spec = reconciliation02();
const BASE = 'http://127.0.0.1:3939';
let ts: TestServices;
let app: ReturnType<typeof createApp>;

async function getJson<T>(path: string, kind: ReconciliationSchema, status = 200): Promise<T> {
  const res = await app.request(`${BASE}${path}`);
  const body = (await res.json()) as T;
  expect(res.status, JSON.stringify(body).slice(0, 300)).toBe(status);
  spec.check(kind, body);
  return body;
}

/** POSTs a form field, as OpenRefine's server does. */
async function form(path: string, field: 'queries' | 'extend', value: unknown, status = 200) {
  const res = await app.request(`${BASE}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
    body: `${field}=${encodeURIComponent(JSON.stringify(value))}`,
  });
  expect(res.status).toBe(status);
  return res.json();
}

async function reconcile(queries: Record<string, unknown>, path = '/reconcile'): Promise<Batch> {
  const body = (await form(path, 'queries', queries)) as Batch;
  spec.check('reconciliation-result-batch', body);
  return body;
}

beforeAll(async () => {
  ts = await openTestServices();
  app = createApp(ts.services);
});
afterAll(async () => ts?.dispose());

describe('the service as OpenRefine adds it', () => {
  it('serves a 0.2 manifest, with a view URL that opens the entity page', async () => {
    const m = await getJson<{ versions: string[]; view: { url: string }; preview: { url: string }; suggest: Record<string, { service_path: string }>; extend: { propose_properties: { service_path: string } } }>('/reconcile', 'manifest');
    expect(m.versions).toEqual(['0.2']);
    expect(m.view.url).toBe(`${BASE}/entity/{{id}}`);
    const page = await app.request(m.view.url.replace('{{id}}', 'r39-genco').replace(BASE, ''));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/(html|plain)/);
    expect(m.preview.url).toBe(`${BASE}/reconcile/preview?id={{id}}`);
    expect(Object.keys(m.suggest).sort()).toEqual(['entity', 'property', 'type']);
    const dprk = await getJson<{ preview: { url: string }; extend: { propose_properties: { service_path: string } } }>('/reconcile/dprk', 'manifest');
    expect(dprk.preview.url).toBe(`${BASE}/reconcile/dprk/preview?id={{id}}`);
    expect(dprk.extend.propose_properties.service_path).toBe('/reconcile/dprk/extend/propose');
  });

  it('answers CORS and its preflight, and JSONP', async () => {
    const origin = { origin: 'http://127.0.0.1:3333' };
    const pre = await app.request('/reconcile', { method: 'OPTIONS', headers: { ...origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
    const get = await app.request('/reconcile', { headers: origin });
    expect(get.headers.get('access-control-allow-origin')).toBe('*');
    expect(get.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const jsonp = await app.request(`/reconcile?callback=cb&queries=${encodeURIComponent(JSON.stringify({ q0: { query: 'KOMID' } }))}`);
    expect(await jsonp.text()).toMatch(/^cb\(\{"q0":\{"result":\[\{/);
    // The web app's own pages stay same-origin and unframable.
    const app404 = await app.request('/api/search?q=Kim');
    expect(app404.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(app404.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('shows previews OpenRefine can frame, and keeps framing denied elsewhere', async () => {
    const res = await app.request('/reconcile/preview?id=r39-genco');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-frame-options')).toBeNull();
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).not.toMatch(/frame-ancestors/);
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).not.toMatch(/script-src/);
    expect(await res.text()).toContain('Korea General Corporation for External Construction');
    expect((await app.request('/reconcile/preview?id=nope')).status).toBe(404);
    const manifest = await app.request('/reconcile');
    expect(manifest.headers.get('x-frame-options')).toBe('DENY');
    expect((await app.request('/')).headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
  });
});

describe('reconciliation queries', () => {
  it('takes every value type the query schema allows and answers in the result schema', async () => {
    const queries = {
      q0: { query: 'Kim Won Hong', type: 'Person', type_strict: 'should', properties: [{ pid: 'birthDate', v: '1945-07-17' }, { pid: 'nationality', v: { id: 'kp', name: 'North Korea' } }] },
      q1: { query: 'Kim Won Hong', properties: [{ pid: 'birthDate', v: 1945 }] },
      q2: { query: 'Korea Ryonbong General Corporation', type: ['Organization', 'Company'], type_strict: 'any', properties: [{ pid: 'country', v: [{ id: 'kp' }, 'North Korea'] }, { pid: 'idNumber', v: true }] },
      q3: { properties: [{ pid: 'name', v: 'Mansudae Overseas Project Group of Companies' }] },
      q4: { query: 'Kim Yong Chol', limit: 1000 },
      q5: { query: 'Kim Yong Chol', limit: 2 },
    };
    spec.check('reconciliation-query-batch', queries);
    const body = await reconcile(queries);
    // The canonical entity of the seed record and OFAC 21443.
    expect(body['q0']?.result[0]).toMatchObject({ id: 'r39-kim-won-hong', name: 'Kim Won-hong', match: true, type: [{ id: 'Person' }] });
    expect(body['q1']?.result[0]?.match).toBe(true);
    expect(body['q2']?.result[0]?.name).toBe('KOREA RYONBONG GENERAL CORPORATION');
    expect(body['q3']?.result.map((c) => c.id)).toContain('r39-mansudae-overseas-project-group');
    expect(body['q4']?.result.length).toBeGreaterThan(2);
    expect(body['q4']?.result.length).toBeLessThanOrEqual(500);
    expect(body['q5']?.result).toHaveLength(2);
    // A reconciled value given by name alone is taken too.
    const byName = await reconcile({ q: { query: 'Kim Won Hong', properties: [{ pid: 'nationality', v: { name: 'North Korea' } }] } });
    expect(byName['q']?.result[0]?.match).toBe(true);
  });

  it('answers a malformed query with its own error and the rest of the batch', async () => {
    const body = await reconcile({ good: { query: 'KOMID' }, bad: { query: 5 }, empty: { type: 'Person' } });
    expect(body['good']?.result.length).toBeGreaterThan(0);
    expect(body['bad']).toMatchObject({ result: [], error: { message: expect.stringMatching(/query/) } });
    expect(body['empty']).toMatchObject({ result: [], error: { message: expect.stringMatching(/no name/) } });
    await form('/reconcile', 'queries', 'not an object', 400);
  });

  it('answers over one dataset, and refuses one that does not exist', async () => {
    const un = await reconcile({ q: { query: 'Kim Yong Chol', limit: 20 } }, '/reconcile/un_sc_sanctions');
    expect(un['q']?.result.length).toBeGreaterThan(0);
    for (const c of un['q']!.result) expect(c.id).toMatch(/^unsc-/);
    const res = await app.request('/reconcile/nosuchds', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'queries=%7B%7D' });
    expect(res.status).toBe(404);
    expect((await app.request('/reconcile/nosuchds')).status).toBe(404);
  });
});

describe('suggest', () => {
  it('suggests entities, types and properties, and shows a flyout', async () => {
    const entities = await getJson<{ result: { id: string }[] }>('/reconcile/suggest/entity?prefix=Mansudae%20Overseas', 'suggest-entities-response');
    expect(entities.result[0]?.id).toBe('r39-mansudae-overseas-project-group');
    const types = await getJson<{ result: { id: string }[] }>('/reconcile/suggest/type?prefix=Pers', 'suggest-types-response');
    expect(types.result[0]?.id).toBe('Person');
    const props = await getJson<{ result: { id: string }[] }>('/reconcile/suggest/property?prefix=designation', 'suggest-properties-response');
    expect(props.result.map((p) => p.id)).toContain('designationDate');
    const flyout = await (await app.request('/reconcile/flyout/entity?id=r39-genco')).json() as { id: string; html: string };
    expect(flyout.html).toContain('Korea General Corporation for External Construction');
    expect(flyout.html).not.toMatch(/<script/i);
  });
});

describe('data extension (OpenRefine: add columns from reconciled values)', () => {
  it('proposes the columns a journalist needs', async () => {
    const proposal = await getJson<{ type: string; properties: { id: string }[] }>('/reconcile/extend/propose?type=Company&limit=30', 'data-extension-property-proposal');
    expect(proposal.type).toBe('Company');
    expect(proposal.properties.map((p) => p.id)).toEqual(expect.arrayContaining(['country', 'program', 'designationDate', 'topics', 'url']));
  });

  it('adds country, programme, designation date, topics and the room39 page to a reconciled list of bundled DPRK entities', async () => {
    const names = [
      'Korea General Corporation for External Construction', 'Mansudae Overseas Project Group of Companies', 'Korea Mining Development Trading Corporation',
      'Korea Ryonbong General Corporation', 'Kim Won Hong', 'Korea Rungrado General Trading Corporation',
    ];
    // Reconcile the column, and take each cell's best candidate when it is a match (OpenRefine's auto-match).
    const batch = await reconcile(Object.fromEntries(names.map((n, i) => [`q${i}`, { query: n }])));
    const ids = names.map((_, i) => batch[`q${i}`]!.result.find((c) => c.match)!.id);
    const query = { ids, properties: ['country', 'program', 'designationDate', 'topics', 'url'].map((id) => ({ id })) };
    spec.check('data-extension-query', query);
    const ext = (await form('/reconcile', 'extend', query)) as Extension;
    spec.check('data-extension-response', ext);
    expect(ext.meta.map((m) => m.name)).toEqual(['Country', 'Sanctions programme', 'Designation date', 'Topics', 'room39 page']);
    const text = (cells: ({ str: string } | { date: string })[] | undefined) => (cells ?? []).map((c) => ('str' in c ? c.str : c.date));
    for (const id of ids) {
      const row = ext.rows[id]!;
      expect(text(row['country']), id).toContain('North Korea');
      expect(text(row['program']).length, id).toBeGreaterThan(0);
      expect(text(row['topics']), id).toContain('Sanctioned entity');
      const [url] = text(row['url']);
      expect(url, id).toMatch(new RegExp(`^${BASE}/entity/`));
      expect((await app.request(url!.replace(BASE, ''))).status).toBe(200);
    }
    const mansudae = ext.rows[ids[1]!]!;
    expect(text(mansudae['topics'])).toContain('Labour export company');
    expect(text(mansudae['designationDate'])).toEqual(['2017-08-05T00:00:00Z']);
    expect(text(ext.rows[ids[2]!]!['designationDate'])).toEqual(['2009-04-24T00:00:00Z']);
    // A record merged into an entity answers for the entity: the GENCO list record leads to GENCO's page.
    expect(text(ext.rows[ids[0]!]!['url'])).toEqual([`${BASE}/entity/r39-genco`]);
  });

  it('refuses a property it does not have, and answers an id it does not know with no values', async () => {
    await form('/reconcile', 'extend', { ids: ['r39-genco'], properties: [{ id: 'shoeSize' }] }, 400);
    const ext = (await form('/reconcile', 'extend', { ids: ['no-such-entity'], properties: [{ id: 'country' }] })) as Extension;
    spec.check('data-extension-response', ext);
    expect(ext.rows['no-such-entity']).toEqual({ country: [] });
  });
});
