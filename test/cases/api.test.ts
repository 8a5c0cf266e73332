/** /api/cases over HTTP: analysts only; preview and create from an upload with a confirmed mapping; rows, decisions, alerts, report. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../security/support.ts';

let h: Harness;
beforeAll(async () => { h = await harness('pglite'); }, 600_000);
afterAll(async () => { await h?.dispose(); });

const upload = (fields: Record<string, string>, text: string, name = 'suppliers.csv') => {
  const f = new FormData();
  f.set('file', new File([Buffer.from(text, 'latin1')], name, { type: 'text/csv' }));
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};
const CSV = 'Firm\tLand\tVendor #\r\nKorea Mining Development Trading Corporation\tNorth Korea\t77\r\nCafé Müller\tGermany\t78\r\n';

describe('/api/cases', () => {
  it('is for analysts: anonymous and viewers are refused', async () => {
    expect((await h.call('GET', '/api/cases')).status).toBe(401);
    expect((await h.call('GET', '/api/cases', { as: h.logins.viewer })).status).toBe(403);
    expect((await h.call('GET', '/api/cases', { as: h.logins.analyst })).status).toBe(200);
  });

  it('previews an upload, creates the case with the mapping the analyst confirmed, and serves rows, decisions, alerts and the report', async () => {
    const analyst = h.logins.analyst;
    const pre = await h.call('POST', '/api/cases/preview', { as: analyst, rawBody: upload({}, CSV) });
    expect(pre.status).toBe(200);
    const p = (await pre.json()) as { info: { encoding: string; delimiter: string; mapping: { header: string; field: string | null }[] }; rows: number };
    expect(p).toMatchObject({ rows: 2, info: { encoding: 'windows-1252', delimiter: 'tab' } });
    expect(p.info.mapping.map((m) => m.field)).toEqual([null, null, null]);

    const bad = await h.call('POST', '/api/cases', { as: analyst, rawBody: upload({ name: 'API case', mapping: JSON.stringify({ Firm: 'nom' }) }, CSV) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field?: string } }).error.field).toBe('mapping');

    const created = await h.call('POST', '/api/cases', { as: analyst, rawBody: upload({ name: 'API case', mapping: JSON.stringify({ Firm: 'name', Land: 'country', 'Vendor #': 'id_number' }) }, CSV) });
    expect(created.status, await created.clone().text()).toBe(201);
    const rows = (await (await h.call('GET', '/api/cases/API%20case/rows', { as: analyst })).json()) as { total: number; rows: { row: number; input: Record<string, string>; results: { id: string; match: boolean }[] }[] };
    expect(rows.total).toBe(1);
    expect(rows.rows[0]?.input).toEqual({ name: 'Korea Mining Development Trading Corporation', country: 'North Korea', id_number: '77' });
    const hit = rows.rows[0]!.results.find((r) => r.match)!;
    const d = await h.call('POST', '/api/cases/API%20case/decisions', { as: analyst, body: { row: 1, entity_id: hit.id, decision: 'confirmed', reason: 'KOMID itself' } });
    expect(d.status).toBe(201);
    expect((await h.call('POST', '/api/cases/API%20case/decisions', { as: analyst, body: { row: 1, entity_id: hit.id, decision: 'confirmed', reason: ' ' } })).status).toBe(400);
    expect(await (await h.call('GET', '/api/cases/API%20case/alerts', { as: analyst })).json()).toEqual({ case: 'API case', alerts: [] });
    const all = (await (await h.call('GET', '/api/cases/API%20case/rows?all=1', { as: analyst })).json()) as { rows: { risk: { country: string; level: string }[] }[] };
    expect(all.rows[1]?.risk).toEqual([expect.objectContaining({ country: 'DE', level: 'none' })]);
    const pdf = await h.call('GET', '/api/cases/API%20case/report/pdf', { as: analyst });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('x-report-sha256')).toMatch(/^[0-9a-f]{64}$/);
    expect((await h.call('GET', '/api/cases/nothing-here', { as: analyst })).status).toBe(404);
  }, 600_000);
});
