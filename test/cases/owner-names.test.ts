/**
 * A case's name is unique per owner, not across every account. It was `name UNIQUE` over all cases, so an
 * analyst creating "Acme suppliers Q3" was answered 409 when another analyst had a case of that name: told that
 * the other's case existed, and what it was called. Now both create theirs and each reaches their own by name;
 * a name is refused only when its owner has used it (by session or API token alike); another analyst's name
 * answers exactly as a name nobody used; an admin, or the command line, who sees several cases of one name is
 * told their ids. Over HTTP (the app on a copy of the loaded store) and through `room39 case` (in this process,
 * on the same store), with a supplier list naming a real UN-listed entity (KOMID).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, type Harness, type Login } from '../security/support.ts';
import { caseUpload, loginSecondAnalyst } from './analysts.ts';
import { createApiToken } from '../../src/auth/service.ts';
import { listAudit } from '../../src/audit/log.ts';
import { osUserActor } from '../../src/audit/doors.ts';
import type { CliContext, CommandResult } from '../../src/cli/command.ts';
import { runCase } from '../../src/cli/commands/case-run.ts';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { decisionTrail, listCaseRecords } from '../../src/cases/index.ts';

let h: Harness;
let two: Login;
beforeAll(async () => {
  h = await harness('pglite');
  two = await loginSecondAnalyst(h);
}, 600_000);
afterAll(async () => { await h?.dispose(); });

type Answer = { status: number; body: { case?: { id: string; name: string; created_by: string }; error?: { code: string; message: string } } };
const answer = async (res: Response): Promise<Answer> => ({ status: res.status, body: (await res.json()) as Answer['body'] });
const create = async (name: string, who: { as?: Login; bearer?: string }) => answer(await h.call('POST', '/api/cases', { ...who, rawBody: caseUpload(name) }));
const get = async (ref: string, as: Login) => answer(await h.call('GET', `/api/cases/${encodeURIComponent(ref)}`, { as }));
const listed = async (as: Login) => ((await (await h.call('GET', '/api/cases', { as })).json()) as { cases: { id: string; name: string }[] }).cases;

/** `room39 case …` run here on the harness's store, as the command line's operator; what --json prints. */
const context = (...positionals: string[]) =>
  ({ args: { positionals, values: { json: true } }, json: true, settings: h.services.settings, log: () => undefined, services: async () => h.services }) as unknown as CliContext;
async function room39Case(...positionals: string[]): Promise<Record<string, unknown>> {
  return ((await runCase(context(...positionals))) as CommandResult).json as Record<string, unknown>;
}

const NAME = 'Acme suppliers Q3';

describe('case names are each owner\'s own', () => {
  it('two analysts make cases of one name: both succeed, each reaches their own, and neither learns of the other\'s', async () => {
    const mine = await create(NAME, { as: h.logins.analyst });
    expect(mine.status, JSON.stringify(mine.body)).toBe(201);
    // The second analyst is answered as for a name nobody used: no 409 telling of the first one's case.
    const theirs = await create(NAME, { as: two });
    expect(theirs.status, JSON.stringify(theirs.body)).toBe(201);
    const [a, b] = [mine.body.case!, theirs.body.case!];
    expect(b.id).not.toBe(a.id);
    expect([a.name, b.name]).toEqual([NAME, NAME]);

    expect((await get(NAME, h.logins.analyst)).body.case!.id).toBe(a.id);
    expect((await get(NAME, two)).body.case!.id).toBe(b.id);
    expect((await listed(h.logins.analyst)).filter((k) => k.name === NAME).map((k) => k.id)).toEqual([a.id]);
    expect((await listed(two)).filter((k) => k.name === NAME).map((k) => k.id)).toEqual([b.id]);

    // A decision and a deletion by name reach the asker's case only.
    const rows = (await (await h.call('GET', `/api/cases/${encodeURIComponent(NAME)}/rows`, { as: two })).json()) as { rows: { row: number; results: { id: string; match: boolean }[] }[] };
    const hit = rows.rows[0]!.results.find((r) => r.match)!;
    const decided = await h.call('POST', `/api/cases/${encodeURIComponent(NAME)}/decisions`, { as: two, body: { row: 1, entity_id: hit.id, decision: 'confirmed', reason: 'same company' } });
    expect(decided.status).toBe(201);
    expect((await decisionTrail(h.t.db, b.id)).map((d) => d.reason)).toEqual(['same company']);
    expect(await decisionTrail(h.t.db, a.id)).toEqual([]);

    // Another analyst's name, or its id, answers word for word as a name nobody used.
    const solo = await create('Only the first analyst has this one', { as: h.logins.analyst });
    expect(solo.status).toBe(201);
    const nobody = await get('Nobody has this one', two);
    for (const ref of ['Only the first analyst has this one', solo.body.case!.id]) {
      const other = await get(ref, two);
      expect(other.status).toBe(404);
      expect(other.body.error!.code).toBe(nobody.body.error!.code);
      expect(other.body.error!.message).toBe(nobody.body.error!.message.replace('Nobody has this one', ref));
    }
    // An analyst may name a case like another's id: the name is theirs, the other's case stays out of reach.
    const lookalike = await create(solo.body.case!.id, { as: two });
    expect(lookalike.status).toBe(201);
    expect((await get(solo.body.case!.id, two)).body.case!.id).toBe(lookalike.body.case!.id);

    const gone = await h.call('DELETE', `/api/cases/${encodeURIComponent(NAME)}`, { as: h.logins.analyst });
    expect(gone.status).toBe(200);
    expect((await listCaseRecords(h.t.db)).filter((k) => k.name === NAME).map((k) => k.id)).toEqual([b.id]);
    expect((await create(NAME, { as: h.logins.analyst })).status).toBe(201);
  }, 600_000);

  it('still refuses a name its owner has used, through a session or an API token alike', async () => {
    const first = await create('Repeated by its owner', { as: two });
    expect(first.status).toBe(201);
    const again = await create('Repeated by its owner', { as: two });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/a case named "Repeated by its owner" exists already/) });
    const { token } = await createApiToken(h.t.db, 'analyst-two', 'sheet', 'test');
    const byToken = await create(' Repeated by its owner ', { bearer: token });
    expect(byToken.status).toBe(409);
    expect((await listCaseRecords(h.t.db)).filter((k) => k.name === 'Repeated by its owner')).toHaveLength(1);
  }, 600_000);

  it('an admin who sees several cases of one name is told their ids; their own comes first', async () => {
    const admin = h.logins.admin;
    const ids = (await listCaseRecords(h.t.db)).filter((k) => k.name === NAME).map((k) => k.id);
    expect(ids).toHaveLength(2);
    const ambiguous = await get(NAME, admin);
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.body.error!.message).toMatch(/2 cases are named "Acme suppliers Q3"/);
    for (const id of ids) expect(ambiguous.body.error!.message).toContain(id);
    for (const id of ids) expect((await get(id, admin)).body.case!.id).toBe(id);
    // The admin's list links each of them by its id (web/src/pages/Cases.tsx); the admin's own case of the name comes first.
    const own = await create(NAME, { as: admin });
    expect(own.status).toBe(201);
    expect((await get(NAME, admin)).body.case!.id).toBe(own.body.case!.id);
    // No refusal is recorded for an asker who reached their own case; one asking for another's is.
    const refused = (await listAudit(h.t.db, { action: 'access.refused', limit: 1000 })).filter((r) => r.actor === 'user:analyst-two');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((r) => !ids.includes((r.meta as { case_id?: string }).case_id ?? ''))).toBe(true);
  }, 600_000);

  it('on the command line: a name used over HTTP is the operator\'s to use too; theirs first, else the ids to choose from', async () => {
    // The repository's example supplier list: a file that outlives the test (a refused create leaves its reader unread).
    const file = path.join(REPO_ROOT, 'data/examples/suppliers.csv');
    const CLI_NAME = 'Made by two analysts';
    const made = [(await create(CLI_NAME, { as: h.logins.analyst })).body.case!, (await create(CLI_NAME, { as: two })).body.case!];
    const ambiguous = room39Case('show', CLI_NAME);
    await expect(ambiguous).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/2 cases are named "Made by two analysts"/) });
    await ambiguous.catch((e: Error) => { for (const k of made) expect(e.message).toContain(k.id); });
    expect(((await room39Case('show', made[1]!.id)).case as { id: string }).id).toBe(made[1]!.id);
    // The text of `case list` tells the same-named cases apart by the id the commands take; a name used once stands alone.
    const listText = (await runCase({ ...context('list'), json: false } as CliContext)).text ?? '';
    for (const k of made) expect(listText).toContain(`${CLI_NAME} (id ${k.id}):`);
    const all = await listCaseRecords(h.t.db);
    const once = all.filter((k) => all.filter((o) => o.name === k.name).length === 1);
    expect(once.length).toBeGreaterThan(0);
    const lines = listText.split('\n');
    for (const k of once) expect(lines.filter((l) => l.startsWith(`${k.name}: `))).toHaveLength(1);

    const created = (await room39Case('create', CLI_NAME, file)).case as { id: string; created_by: string };
    expect(created.created_by).toBe(osUserActor());
    expect(((await room39Case('show', CLI_NAME)).case as { id: string }).id).toBe(created.id);
    expect((await room39Case('alerts', CLI_NAME)).case).toBe(CLI_NAME);
    await expect(room39Case('create', CLI_NAME, file)).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/exists already/) });
    await expect(room39Case('show', 'Nobody has this one')).rejects.toMatchObject({ code: 'not_found' });
    await room39Case('delete', CLI_NAME);
    expect((await listCaseRecords(h.t.db)).filter((k) => k.name === CLI_NAME).map((k) => k.id).sort()).toEqual(made.map((k) => k.id).sort());
  }, 600_000);
});
