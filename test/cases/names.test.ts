/**
 * Case names as people type and paste them. A name is kept in NFC and trimmed (create.ts checkCaseName);
 * it was looked up as given, so a Hangul name pasted from a macOS file name (decomposed, NFD) or a name
 * with a space after it was created, then "no case named …" on show, decide and report. A name of
 * 10,000 characters, or one with control characters, is refused; one with markup and slashes is kept
 * as typed. The case is data/examples/suppliers.csv screened against the loaded store.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices, type TestServices } from '../support/services.ts';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { caseReport, caseResults, createCase, decide, decisionTrail, deleteCase, findCase, getCase } from '../../src/cases/index.ts';
import { listAudit } from '../../src/audit/log.ts';
import { readScreenFile } from '../../src/screen/file-input.ts';
import { parseScreeningOptions } from '../../src/screen/options.ts';
import { screeningService } from '../../src/screen/service.ts';

const SUPPLIERS = path.join(REPO_ROOT, 'data/examples/suppliers.csv');
let t: TestServices;
beforeAll(async () => { t = await openTestServices(); }, 600_000);
afterAll(async () => { await t?.dispose(); });

const create = (name: string) => createCase(t.services.db, () => screeningService(t.services.db), {
  name, rows: readScreenFile(SUPPLIERS), fileName: 'suppliers.csv', info: () => null, options: parseScreeningOptions({}), actor: 'test',
});

describe('case names', () => {
  it('finds a case by the name as typed or pasted: decomposed Hangul, a space after it', async () => {
    const typed = '공급업체 2026 1분기';
    const pasted = `${typed.normalize('NFD')} `;
    expect(pasted).not.toBe(typed);
    const c = await create(pasted);
    expect(c.name).toBe(typed);
    expect((await getCase(t.services.db, pasted)).id).toBe(c.id);
    expect((await getCase(t.services.db, typed)).id).toBe(c.id);
    const hit = (await caseResults(t.services.db, c.id, { matchesOnly: true }))[0]!;
    const d = await decide(t.services.db, pasted, { row: hit.row_no, entityId: hit.id, decision: 'needs_review', reason: '확인 필요' }, 'test');
    expect((await decisionTrail(t.services.db, c.id)).map((x) => x.id)).toEqual([d.id]);
    expect((await caseReport(t.services.db, pasted, 'html', 'test')).body.toString('utf8')).toContain('확인 필요');
    await expect(create(typed)).rejects.toThrow(/exists already/);
  });

  it('creates one case when the same name is sent twice at once, and tells the second why', async () => {
    const [a, b] = await Promise.allSettled([create('Suppliers Q3'), create('Suppliers Q3')]);
    const done = [a, b].filter((x) => x.status === 'fulfilled');
    const refused = [a, b].filter((x): x is PromiseRejectedResult => x.status === 'rejected');
    expect(done).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.reason).toMatchObject({ code: 'conflict', message: expect.stringMatching(/a case named "Suppliers Q3" is being created or exists already|exists already/) });
    expect(await getCase(t.services.db, 'Suppliers Q3')).toMatchObject({ status: 'ready', row_count: 17 });
  });

  it('gives a case made again under a deleted case\'s name its own id, so the audit trail of one is not the other\'s', async () => {
    const first = await create('Suppliers Q4');
    const hit = (await caseResults(t.services.db, first.id, { matchesOnly: true }))[0]!;
    await decide(t.services.db, 'Suppliers Q4', { row: hit.row_no, entityId: hit.id, decision: 'false_positive', reason: 'other firm' }, 'test');
    await deleteCase(t.services.db, 'Suppliers Q4', 'test');
    const second = await create('Suppliers Q4');
    expect(second.id).not.toBe(first.id);
    expect((await listAudit(t.services.db, { target: second.id })).map((r) => r.action)).toEqual(['case.create']);
    expect((await listAudit(t.services.db, { target: first.id })).map((r) => r.action)).toEqual(['case.delete', 'case.decide', 'case.create']);
  });

  it('refuses a 10,000-character name and control characters, and keeps markup and slashes as typed', async () => {
    await expect(create('x'.repeat(10_000))).rejects.toThrow(/1 to 100 characters/);
    await expect(create('Q1\u0007')).rejects.toThrow(/control characters/);
    expect(await findCase(t.services.db, 'x'.repeat(10_000))).toBeNull();
    const odd = 'Q2 / <b>"ACME" & Sons</b>; DROP TABLE cases';
    expect((await create(odd)).name).toBe(odd);
    expect((await getCase(t.services.db, odd)).row_count).toBe(17);
  });
});
