import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { openTestServices, type TestServices } from '../support/services.ts';

let t: TestServices;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  t = await openTestServices();
  app = createApp(t.services);
});
afterAll(async () => t?.dispose());

describe('graph HTTP API', () => {
  it('GET /healthz reports the store', async () => {
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; database: string; entities: number };
    expect(body).toMatchObject({ status: 'ok', database: 'pglite' });
    expect(body.entities).toBeGreaterThan(100);
  });

  it('GET /api/search finds Mansudae with the contract fields', async () => {
    const res = await app.request('/api/search?q=Mansudae');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: { id: string; schema: string; caption: string; score: number; datasets: string[] }[] };
    const hit = body.results.find((r) => r.id === 'r39-mansudae-overseas-project-group');
    expect(hit).toBeDefined();
    expect(hit!.caption).toMatch(/Mansudae/);
    expect(typeof hit!.score).toBe('number');
    expect(hit!.datasets).toContain('room39_seeds');
  });

  it('GET /api/search without q is a 400 saying what is missing', async () => {
    const res = await app.request('/api/search');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/q/);
  });

  it('GET /api/search: a bad limit, schema or dataset is a 400 in plain words', async () => {
    const answers: [string, RegExp][] = [
      ['/api/search?q=Kim&limit=abc', /^limit: must be a number$/],
      ['/api/search?q=Kim&limit=0', /^limit: must be at least 1$/],
      ['/api/search?q=Kim&limit=2.5', /^limit: must be a whole number$/],
      ['/api/search?q=Kim&limit=9999', /^limit: must be at most 500$/],
      ['/api/countries?year=abc', /^year: must be a number$/],
      ['/api/search?q=Kim&schema=Bogus', /^schema: unknown schema "Bogus"; search by Person, /],
      ['/api/search?q=Kim&dataset=nope', /^dataset: no entity is in dataset "nope"; the datasets here are .*us_ofac_sdn/],
    ];
    for (const [url, message] of answers) {
      const res = await app.request(url);
      expect(res.status, url).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message, url).toMatch(message);
    }
    // A route's own message is kept as it is.
    expect(((await (await app.request('/api/countries?year=1800')).json()) as { error: { message: string } }).error.message).toBe('year: year must be 1900 or later');
  });

  it('treats SQL metacharacters in a query as text', async () => {
    const res = await app.request(`/api/search?q=${encodeURIComponent("x' OR 1=1; DROP TABLE entities; --")}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { results: unknown[] }).results).toEqual([]);
    const again = await app.request('/api/search?q=Mansudae');
    expect(((await again.json()) as { results: unknown[] }).results.length).toBeGreaterThan(0);
  });

  it('GET /api/entities/{id} gives statements with source, quote and grade, and relations', async () => {
    const res = await app.request('/api/entities/r39-kim-won-hong');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      entity: { id: string; schema: string; caption: string; properties: Record<string, string[]> };
      statements: { prop: string; value: string; source: { id: string; title: string }; quote: string; reliability: string }[];
      relations: { id: string; schema: string; caption: string; role: string }[];
    };
    expect(body.entity).toMatchObject({ id: 'r39-kim-won-hong', schema: 'Person' });
    expect(body.entity.properties.name).toContain('Kim Won-hong');
    expect(body.statements.every((s) => s.source.id && s.source.title && /^[A-F][1-6]$/.test(s.reliability))).toBe(true);
    expect(body.relations.some((r) => r.schema === 'Sanction' && r.role === 'entity')).toBe(true);
  });

  it('links list entries to the seed entities they are: Mansudae to its UN entry, Kim Won-hong to his OFAC record', async () => {
    const mansudae = (await (await app.request('/api/entities/r39-mansudae-overseas-project-group')).json()) as { entity: { referents: string[]; datasets: string[]; topics: string[] } };
    expect(mansudae.entity.referents).toContain('unsc-kpe-050');
    expect(mansudae.entity.datasets).toEqual(expect.arrayContaining(['room39_seeds', 'un_sc_sanctions', 'dprk']));
    expect(mansudae.entity.topics).toContain('sanction');
    const kim = (await (await app.request('/api/entities/ofac-21443')).json()) as { entity: { id: string; referents: string[] } };
    expect(kim.entity.id).toBe('r39-kim-won-hong');
    expect(kim.entity.referents).toContain('ofac-21443');
    const hits = (await (await app.request('/api/search?q=Kim%20Won%20Hong')).json()) as { results: { id: string }[] };
    expect(hits.results.filter((h) => h.id === 'ofac-21443')).toEqual([]);
    expect(hits.results[0]?.id).toBe('r39-kim-won-hong');
    const mansudaeHits = (await (await app.request('/api/search?q=Mansudae%20Overseas%20Project%20Group')).json()) as { results: { id: string; datasets: string[] }[] };
    expect(mansudaeHits.results[0]).toMatchObject({ id: 'r39-mansudae-overseas-project-group' });
    expect(mansudaeHits.results[0]!.datasets).toEqual(expect.arrayContaining(['room39_seeds', 'un_sc_sanctions', 'us_ofac_sdn', 'dprk']));
  });

  it('an unknown entity id answers 404 with a clear message', async () => {
    const res = await app.request('/api/entities/r39-nobody');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/no entity with id "r39-nobody"/);
  });

  it('serves an OpenAPI description', async () => {
    const res = await app.request('/openapi.json');
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/search', '/api/entities/{id}', '/healthz']));
  });
});
