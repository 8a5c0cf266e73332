/**
 * The cross-reference job and its review queue over HTTP, on the bundle:
 * the job finds candidates with score and explanation; an editor's decision
 * becomes a judgement (a viewer may read the queue but not decide); an
 * accepted pair is one entity in search; undo splits it again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../security/support.ts';
import type { CandidateView, ResolutionStats } from '../../src/resolve/index.ts';
import type { JudgeResult } from '../../src/store/resolver.ts';

let h: Harness;
beforeAll(async () => { h = await harness('pglite'); }, 900_000);
afterAll(async () => h?.dispose());

describe('resolve review queue over HTTP', { timeout: 600_000 }, () => {
  let candidates: CandidateView[] = [];

  it('an editor runs the cross-reference job; the candidates come with both records, a score and an explanation', async () => {
    expect((await h.call('POST', '/api/resolve/xref', { as: h.logins.viewer })).status).toBe(403);
    const run = await h.call('POST', '/api/resolve/xref', { as: h.logins.editor });
    expect(run.status).toBe(200);
    const report = (await run.json()) as { screened: number; candidates: number; proposed: number };
    expect(report.screened).toBeGreaterThan(500);
    expect(report.candidates).toBeGreaterThan(0);
    const list = (await (await h.call('GET', '/api/resolve/candidates?limit=500')).json()) as { total: number; candidates: CandidateView[] };
    expect(list.total).toBe(report.candidates);
    candidates = list.candidates;
    for (const c of candidates) {
      expect(c.left.id < c.right.id).toBe(true);
      expect(c.score).toBeGreaterThanOrEqual(0.8);
      expect(c.explanation.some((x) => x.feature === 'name')).toBe(true);
      expect(c.explanation.some((x) => x.feature === 'corroboration')).toBe(true);
    }
    // A proposed merge always has something beside the name.
    for (const c of candidates.filter((x) => x.proposed)) expect(c.explanation.find((x) => x.feature === 'corroboration')!.detail).toMatch(/^beside the name/);
  });

  it('an accepted candidate is one entity everywhere; its judgement names the editor; undo splits it', async () => {
    const c = candidates.find((x) => x.proposed && x.left.schema === 'Person');
    expect(c).toBeDefined();
    expect((await h.call('POST', '/api/resolve/judgements', { as: h.logins.viewer, body: { a: c!.left.id, b: c!.right.id, judgement: 'same' } })).status).toBe(403);
    const res = await h.call('POST', '/api/resolve/judgements', { as: h.logins.editor, body: { a: c!.left.id, b: c!.right.id, judgement: 'same', note: 'read both records' } });
    expect(res.status).toBe(200);
    const { judgement } = (await res.json()) as JudgeResult;
    expect(judgement).toMatchObject({ judgement: 'positive', rule: null, made_by: 'user:editor-user' });
    expect(judgement!.evidence).toMatchObject({ note: 'read both records', xref_score: c!.score });
    const entity = (await (await h.call('GET', `/api/entities/${c!.right.id}`)).json()) as { entity: { id: string; referents: string[] } };
    expect(entity.entity.referents).toEqual(expect.arrayContaining([c!.left.id, c!.right.id]));
    const search = (await (await h.call('GET', `/api/search?q=${encodeURIComponent(c!.left.caption)}`)).json()) as { results: { id: string; referents: string[] }[] };
    expect(search.results.filter((r) => r.referents.includes(c!.left.id) || r.referents.includes(c!.right.id))).toHaveLength(1);
    const after = (await (await h.call('GET', '/api/resolve/candidates?limit=500')).json()) as { total: number };
    expect(after.total).toBe(candidates.length - 1);
    const stats = (await (await h.call('GET', '/api/resolve')).json()) as ResolutionStats;
    expect(stats.judgements.by_people.positive).toBe(1);
    const undo = await h.call('POST', `/api/resolve/judgements/${judgement!.id}/undo`, { as: h.logins.editor, body: { note: 'second thoughts' } });
    expect(undo.status).toBe(200);
    const split = (await (await h.call('GET', `/api/resolve/entities/${c!.right.id}`)).json()) as { referents: string[]; judgements: { id: string; undone_at: string | null; undo_reason: string | null }[] };
    expect(split.referents).not.toContain(c!.left.id);
    expect(split.judgements.find((j) => j.id === judgement!.id)).toMatchObject({ undo_reason: 'second thoughts' });
  });

  it('bad input is refused with what is wrong', async () => {
    const same = await h.call('POST', '/api/resolve/judgements', { as: h.logins.editor, body: { a: 'ofac-12211', b: 'ofac-12211', judgement: 'same' } });
    expect(same.status).toBe(400);
    const unknown = await h.call('POST', '/api/resolve/judgements', { as: h.logins.editor, body: { a: 'ofac-12211', b: 'no-such-record', judgement: 'same' } });
    expect(unknown.status).toBe(404);
    const word = await h.call('POST', '/api/resolve/judgements', { as: h.logins.editor, body: { a: 'ofac-12211', b: 'ofac-17614', judgement: 'maybe' } });
    expect(word.status).toBe(400);
  });
});
