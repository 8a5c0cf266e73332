/**
 * The HTTP door of batch screening, POST /api/screen (JSON rows and CSV
 * text), on a loaded store: the bundled dataset and the official lists, as
 * `room39 serve` has them. yente's /match and OpenRefine's /reconcile, the
 * other screening doors, are tested as their clients use them in test/clients.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { openTestServices, type TestServices } from '../support/services.ts';

let ts: TestServices;
let app: ReturnType<typeof createApp>;

const post = (path: string, body: unknown) => app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  ts = await openTestServices();
  app = createApp(ts.services);
});
afterAll(async () => ts?.dispose());

describe('POST /api/screen', () => {
  it('screens JSON rows and CSV text', async () => {
    const json = await (await post('/api/screen', { rows: [{ name: 'Kim Won Hong', schema: 'Person' }, { name: '' }], dataset: 'dprk' })).json() as { rows: { row: number; error?: string; matches: { caption: string; match: boolean; flags: unknown[] }[] }[] };
    expect(json.rows[0]?.matches[0]).toMatchObject({ match: true });
    // One entity for the seed record and OFAC 21443 (KIM, Won Hong).
    expect(json.rows[0]?.matches.map((m) => m.caption)).toContain('Kim Won-hong');
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
