/**
 * A case is its maker's: over HTTP another analyst (or an editor) neither
 * lists, reads, decides on, re-screens, reports on nor deletes it, and is
 * answered 404 as for a case that does not exist; each refused attempt is in
 * the audit trail. Admins see every case; the maker sees theirs through a
 * session or an API token alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, type Harness, type Login } from '../security/support.ts';
import { caseUpload, loginSecondAnalyst } from './analysts.ts';
import { createApiToken } from '../../src/auth/service.ts';
import { listAudit } from '../../src/audit/log.ts';

let h: Harness;
let other: Login;
beforeAll(async () => {
  h = await harness('pglite');
  other = await loginSecondAnalyst(h);
}, 600_000);
afterAll(async () => { await h?.dispose(); });

const names = async (as: Login) => ((await (await h.call('GET', '/api/cases', { as })).json()) as { cases: { name: string }[] }).cases.map((k) => k.name);

describe('a case over HTTP belongs to the account that made it', () => {
  it('another analyst gets 404 for every door of it, as for no case at all, and leaves it untouched', async () => {
    const owner = h.logins.analyst;
    const created = await h.call('POST', '/api/cases', { as: owner, rawBody: caseUpload('Client A suppliers') });
    expect(created.status, await created.clone().text()).toBe(201);
    const id = ((await created.json()) as { case: { id: string } }).case.id;
    const rows = (await (await h.call('GET', '/api/cases/Client%20A%20suppliers/rows', { as: owner })).json()) as { rows: { row: number; results: { id: string; match: boolean }[] }[] };
    const hit = rows.rows[0]!.results.find((r) => r.match)!;
    expect(hit).toBeTruthy();

    expect(await names(owner)).toContain('Client A suppliers');
    expect(await names(other)).not.toContain('Client A suppliers');
    expect(await names(h.logins.editor)).not.toContain('Client A suppliers');

    const missing = await h.call('GET', '/api/cases/No%20such%20case', { as: other });
    expect(missing.status).toBe(404);
    const missingError = ((await missing.json()) as { error: { code: string; message: string } }).error;
    const decision = { row: 1, entity_id: hit.id, decision: 'false_positive', reason: 'not theirs to decide' };
    const attempts: [string, string, unknown?][] = [
      ['GET', '/api/cases/Client%20A%20suppliers'],
      ['GET', `/api/cases/${id}`],
      ['GET', '/api/cases/Client%20A%20suppliers/rows?all=1'],
      ['GET', '/api/cases/Client%20A%20suppliers/alerts'],
      ['GET', '/api/cases/Client%20A%20suppliers/report/html'],
      ['GET', '/api/cases/Client%20A%20suppliers/report/pdf'],
      ['POST', '/api/cases/Client%20A%20suppliers/decisions', decision],
      ['POST', '/api/cases/Client%20A%20suppliers/rescreen', {}],
      ['DELETE', '/api/cases/Client%20A%20suppliers'],
    ];
    for (const as of [other, h.logins.editor]) {
      for (const [method, url, body] of attempts) {
        const res = await h.call(method, url, { as, body });
        expect(res.status, `${as.username} ${method} ${url}`).toBe(404);
        const error = ((await res.json()) as { error: { code: string; message: string } }).error;
        expect(error.code).toBe(missingError.code);
        // The same words as for a case that does not exist, with the name asked for in place of the other.
        const asked = decodeURIComponent(url.split('/')[3]!.split('?')[0]!);
        expect(error.message).toBe(missingError.message.replace('No such case', asked));
      }
    }

    // Nothing of it changed: no decision, no run, the case still there for its maker.
    const after = (await (await h.call('GET', '/api/cases/Client%20A%20suppliers/rows', { as: owner })).json()) as { rows: { results: { id: string; decision: unknown }[] }[] };
    expect(after.rows[0]!.results.find((r) => r.id === hit.id)!.decision).toBeNull();
    expect((await h.call('GET', '/api/cases/Client%20A%20suppliers', { as: owner })).status).toBe(200);

    // Every refused attempt is in the audit trail, naming who and which case.
    const refused = (await listAudit(h.t.db, { action: 'access.refused', limit: 1000 })).filter((r) => (r.meta as { case_id?: string } | null)?.case_id === id);
    expect(refused.filter((r) => r.actor === 'user:analyst-two')).toHaveLength(attempts.length);
    expect(refused.filter((r) => r.actor === `user:${h.logins.editor.username}`)).toHaveLength(attempts.length);
  }, 600_000);

  it('admins see and act on every case; the maker reaches theirs with an API token too', async () => {
    const { token } = await createApiToken(h.t.db, 'analyst-two', 'sheet', 'test');
    const made = await h.call('POST', '/api/cases', { bearer: token, rawBody: caseUpload('Client B suppliers') });
    expect(made.status, await made.clone().text()).toBe(201);
    expect(await names(other)).toContain('Client B suppliers');
    expect((await h.call('GET', '/api/cases/Client%20B%20suppliers/alerts', { as: other })).status).toBe(200);
    expect((await h.call('GET', '/api/cases/Client%20B%20suppliers', { as: h.logins.analyst })).status).toBe(404);

    const admin = h.logins.admin;
    expect(await names(admin)).toEqual(expect.arrayContaining(['Client A suppliers', 'Client B suppliers']));
    expect((await h.call('GET', '/api/cases/Client%20A%20suppliers/report/html', { as: admin })).status).toBe(200);
    expect((await h.call('POST', '/api/cases/Client%20B%20suppliers/rescreen', { as: admin, body: {} })).status).toBe(200);
    expect((await h.call('DELETE', '/api/cases/Client%20B%20suppliers', { bearer: token })).status).toBe(200);
    expect(await names(admin)).not.toContain('Client B suppliers');
  }, 600_000);
});
