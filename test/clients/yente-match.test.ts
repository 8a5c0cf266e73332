/**
 * yente's /match as its clients use it, on a loaded store (bundled dataset
 * and official lists): every response checked against the JSON Schema of
 * yente's response (../shared/conformance/yente), and each query parameter
 * shown to change the answer as yente documents it, or to be refused with
 * yente's status code and `{"detail": …}` body.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { MATCH_FEATURES } from '../../src/match/features.ts';
import { openTestServices, type TestServices } from '../support/services.ts';
import { yente } from './conformance.ts';

interface Result { id: string; score: number; match: boolean; schema: string; datasets: string[]; referents: string[]; last_change: string | null; features: Record<string, number>; explanations: Record<string, { detail: string }> }
interface Matches { total: { value: number }; results: Result[] }

const schemas = yente();
let ts: TestServices;
let app: ReturnType<typeof createApp>;

const KIM_YONG_CHOL = { schema: 'Person', properties: { name: ['Kim Yong Chol'] } };

async function call(query: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await app.request(`/match/${query}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status === 200) schemas.check('match-response', json);
  else schemas.check('error', json);
  return { status: res.status, json, headers: res.headers };
}

/** The one response of a one-query batch. */
async function match(query: string, example: unknown = KIM_YONG_CHOL): Promise<Matches> {
  const { status, json } = await call(query, { queries: { q: example } });
  expect(status, JSON.stringify(json)).toBe(200);
  return (json as { responses: { q: Matches } }).responses.q;
}

async function refused(query: string, body: unknown = { queries: { q: KIM_YONG_CHOL } }): Promise<{ status: number; detail: unknown }> {
  const { status, json } = await call(query, body);
  return { status, detail: json['detail'] };
}

const ids = (m: Matches) => m.results.map((r) => r.id);

beforeAll(async () => {
  ts = await openTestServices();
  app = createApp(ts.services);
});
afterAll(async () => ts?.dispose());

describe('POST /match/{dataset}: the response yente clients read', () => {
  it('answers every query under its key, in yente\'s schema, with total counting the matches, not the results', async () => {
    const { json, headers } = await call('default?limit=1', { queries: { a: KIM_YONG_CHOL, b: { schema: 'Company', properties: { name: 'Korea Mining Development Trading Corporation' } }, c: null } });
    const body = json as { responses: Record<string, Matches>; limit: number; matcher: Record<string, unknown> };
    expect(Object.keys(body.responses)).toEqual(['a', 'b']);
    expect(headers.get('x-batch-size')).toBe('2');
    expect(body.limit).toBe(1);
    expect(Object.keys(body.matcher)).toEqual(MATCH_FEATURES.map((f) => f.key));
    const a = body.responses['a']!;
    expect(a.results).toHaveLength(1);
    // Three listed Kim Yong Chol records score as matches: two people once resolved (OFAC 17614 and UN KPi.024 are one); one is returned.
    expect(a.total.value).toBe(2);
    const wide = await match('default?limit=20');
    expect(wide.total.value).toBe(wide.results.filter((r) => r.match).length);
  });

  it('a vessel asked for by its IMO number alone: found by it, a match, and said so (OFAC SDN: CHON MA SAN, IMO 8660313)', async () => {
    for (const imo of ['8660313', 'IMO 8660313']) {
      const m = await match('default', { schema: 'Vessel', properties: { imoNumber: [imo] } });
      const chon = m.results.find((r) => r.referents.includes('ofac-23729') || r.id === 'ofac-23729');
      expect(chon, JSON.stringify(m.results.map((r) => r.id))).toBeTruthy();
      expect(chon!.match).toBe(true);
      expect(chon!.features['identifier_match']).toBeGreaterThan(0);
      expect(chon!.explanations['name_match']?.detail).toBe('no name given: found by its identifier alone');
    }
    // A number nobody carries finds nothing.
    expect((await match('default', { schema: 'Vessel', properties: { imoNumber: ['IMO 1234567'] } })).results).toEqual([]);
  });

  it('/match/nosuchds is 404, never an empty answer', async () => {
    const r = await refused('nosuchds');
    expect(r.status).toBe(404);
    expect(String(r.detail)).toMatch(/no such dataset "nosuchds"/);
    expect((await match('un_sc_sanctions')).results.length).toBeGreaterThan(0);
  });

  it('ignores a yente client\'s Authorization: ApiKey header on this public route', async () => {
    const { status } = await call('default', { queries: { q: KIM_YONG_CHOL } }, { authorization: 'ApiKey 0123456789abcdef' });
    expect(status).toBe(200);
  });

  it('refuses a malformed body and example the way yente does', async () => {
    expect((await refused('default', { queries: {} })).detail).toBe('No queries provided.');
    expect((await refused('default', { queries: { q: { schema: 'Spaceship', properties: { name: ['X'] } } } })).detail).toMatch(/Cannot parse example entity: unknown schema "Spaceship"/);
    const tooMany = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`q${i}`, KIM_YONG_CHOL]));
    expect(await refused('default', { queries: tooMany })).toMatchObject({ status: 400, detail: expect.stringMatching(/Too many queries/) });
    const notJson = await app.request('/match/default', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
    expect(notJson.status).toBe(422);
    schemas.check('error', await notJson.json());
  });
});

describe('POST /match/{dataset}: each query parameter changes the answer or is refused', () => {
  it('threshold decides `match` and the total', async () => {
    const strict = await match('default?limit=20&threshold=0.99');
    const loose = await match('default?limit=20&threshold=0.75');
    expect(loose.total.value).toBeGreaterThan(strict.total.value);
    for (const r of loose.results) expect(r.match).toBe(r.score >= 0.75);
    expect((await refused('default?threshold=1.5')).status).toBe(422);
  });

  it('cutoff drops the weaker results', async () => {
    const all = await match('default?limit=20');
    const cut = await match('default?limit=20&cutoff=0.76');
    expect(cut.results.length).toBeLessThan(all.results.length);
    for (const r of cut.results) expect(r.score).toBeGreaterThanOrEqual(0.76);
    expect((await refused('default?cutoff=x')).status).toBe(422);
  });

  it('limit bounds the results, up to 500', async () => {
    expect((await match('default?limit=2')).results).toHaveLength(2);
    expect((await match('default?limit=500')).results.length).toBeGreaterThan(2);
    expect((await refused('default?limit=501')).status).toBe(422);
    expect((await refused('default?limit=0')).status).toBe(422);
  });

  it('algorithm: room39\'s, as /algorithms lists it; another is refused', async () => {
    expect((await match('default?algorithm=room39')).results.length).toBeGreaterThan(0);
    expect(await refused('default?algorithm=logic-v2')).toMatchObject({ status: 400, detail: expect.stringMatching(/unknown algorithm "logic-v2"/) });
  });

  it('include_dataset and exclude_dataset', async () => {
    const un = await match('default?limit=20&include_dataset=un_sc_sanctions');
    expect(un.results.length).toBeGreaterThan(0);
    for (const r of un.results) expect(r.datasets).toContain('un_sc_sanctions');
    const noOfac = await match('default?limit=20&exclude_dataset=us_ofac_sdn');
    expect(noOfac.results.length).toBeGreaterThan(0);
    for (const r of noOfac.results) expect(r.datasets).not.toContain('us_ofac_sdn');
    expect((await refused('default?include_dataset=nosuchds')).status).toBe(400);
  });

  it('exclude_schema', async () => {
    const any = await match('default?limit=20', { schema: 'LegalEntity', properties: { name: ['Kim Yong Chol'] } });
    expect(any.results.some((r) => r.schema === 'Person')).toBe(true);
    const none = await match('default?limit=20&exclude_schema=Person', { schema: 'LegalEntity', properties: { name: ['Kim Yong Chol'] } });
    for (const r of none.results) expect(r.schema).not.toBe('Person');
    expect((await refused('default?exclude_schema=Spaceship')).status).toBe(422);
  });

  it('topics: only entities with one of them', async () => {
    const mansudae = { schema: 'LegalEntity', properties: { name: ['Mansudae Overseas Project'] } };
    expect(ids(await match('default?limit=10', mansudae)).length).toBeGreaterThan(1);
    expect(ids(await match('default?limit=10&topics=labour.export', mansudae))).toEqual(['r39-mansudae-overseas-project-group']);
    expect((await refused('default?topics=sanctioned')).status).toBe(400);
  });

  it('changed_since: only entities changed on or after the date', async () => {
    const all = await match('default?limit=20');
    const recent = await match('default?limit=20&changed_since=2025-01-01');
    expect(recent.results.length).toBeGreaterThan(0);
    expect(recent.results.length).toBeLessThan(all.results.length);
    for (const r of recent.results) expect(r.last_change! >= '2025-01-01').toBe(true);
    expect((await match('default?changed_since=2999-01-01T00:00:00')).results).toEqual([]);
    expect((await refused('default?changed_since=yesterday')).status).toBe(422);
  });

  it('exclude_entity_ids: the entity, and the entity a merged record belongs to', async () => {
    const first = ids(await match('default?limit=5'))[0]!;
    expect(ids(await match(`default?limit=5&exclude_entity_ids=${first}`))).not.toContain(first);
    const genco = { schema: 'Company', properties: { name: ['Korea General Corporation for External Construction'] } };
    // One canonical entity answers for the seed record and its OFAC record.
    const found = (await match('default', genco)).results;
    expect(found.map((r) => r.id)).toContain('r39-genco');
    expect(found.map((r) => r.id)).not.toContain('ofac-19611');
    expect(found.find((r) => r.id === 'r39-genco')?.referents).toEqual(expect.arrayContaining(['ofac-19611']));
    const without = ids(await match('default?exclude_entity_ids=ofac-19611', genco));
    expect(without).not.toContain('ofac-19611');
    expect(without).not.toContain('r39-genco');
    const many = Array.from({ length: 51 }, (_, i) => `exclude_entity_ids=x${i}`).join('&');
    expect((await refused(`default?${many}`)).status).toBe(422);
  });

  it('weights replace the coefficients of the features beside the name; config keys are refused', async () => {
    const kim = { schema: 'Person', properties: { name: ['Kim Won Hong'], birthDate: ['1960-01-01'] } };
    // OFAC 21443 is one of the canonical entity's records.
    const listed = (m: Matches) => m.results.find((r) => r.id === 'r39-kim-won-hong')!;
    const plain = listed(await match('default', kim));
    expect(plain.score).toBeLessThan(1);
    expect(plain.explanations['dob_match']?.detail).toMatch(/different years/);
    const { status, json } = await call('default', { queries: { q: kim }, weights: { dob_match: 0 } });
    expect(status).toBe(200);
    const unweighted = (json as { responses: { q: Matches } }).responses.q.results.find((r) => r.id === 'r39-kim-won-hong')!;
    expect(unweighted.score).toBe(1);
    expect(unweighted.features['dob_match']).toBeUndefined();
    expect(await refused('default', { queries: { q: kim }, weights: { name_match: 0.5 } })).toMatchObject({ status: 400 });
    expect(await refused('default', { queries: { q: kim }, weights: { name_literal: 0.5 } })).toMatchObject({ status: 400 });
    expect(await refused('default', { queries: { q: kim }, config: { nm_number_mismatch: 0.1 } })).toMatchObject({ status: 400, detail: expect.stringMatching(/Invalid configuration parameter/) });
  });
});
