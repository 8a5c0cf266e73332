/**
 * Consent cannot be used to climb over a refusal (issue 16, finding 1): an
 * editor refused a withdrawn testimony cannot change its consent back and
 * then read it; a new consent needs the role that may read at that level; a
 * withdrawn testimony's consent is changed only by an admin, with a reason
 * kept in the audit trail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, type Harness } from './support.ts';

interface Answer { testimony?: { id: string; consent: string; version: number }; error?: { code: string; message: string; field?: string } }

describe('changing consent', () => {
  let h: Harness;
  let id = '';
  let etag = '';
  beforeAll(async () => {
    h = await harness('pglite', {}, { bundle: false });
    const created = await h.call('POST', '/api/testimony', { as: h.logins.editor, body: { pseudonym: 'Ri XX, 33', narrative: 'consent test narrative', consent: 'restricted' } });
    expect(created.status).toBe(201);
    id = ((await created.json()) as Answer).testimony!.id;
    etag = created.headers.get('etag')!;
  });
  afterAll(async () => h?.dispose());

  const patch = async (who: keyof Harness['logins'], body: Record<string, unknown>) => {
    const res = await h.call('PATCH', `/api/testimony/${id}`, { as: h.logins[who], body, headers: { 'if-match': etag } });
    const json = (await res.json()) as Answer;
    if (res.ok) etag = res.headers.get('etag')!;
    return { status: res.status, json };
  };
  const refusals = async () => (await h.t.db.query<{ actor: string; meta: { why: string; requested_consent: string | null } }>(
    `SELECT actor, meta FROM audit_log WHERE target = $1 AND action = 'testimony.update_refused' ORDER BY n`, [id]));

  it('an editor may withdraw consent (it only narrows who reads)', async () => {
    expect((await patch('editor', { consent: 'withdrawn' })).status).toBe(200);
    expect((await h.call('GET', `/api/testimony/${id}`, { as: h.logins.editor })).status).toBe(403);
  });

  it('an editor refused a withdrawn testimony cannot change its consent back, nor edit it, and still cannot read it', async () => {
    for (const consent of ['restricted', 'public_source']) {
      const r = await patch('editor', { consent, reason: 'I want to read it' });
      expect(r.status, consent).toBe(403);
      expect(r.json.error!.message).toMatch(/withdrew consent: only an admin/);
    }
    expect((await patch('editor', { narrative: 'overwritten by someone who may not read it' })).status).toBe(403);
    expect((await h.call('GET', `/api/testimony/${id}`, { as: h.logins.editor })).status).toBe(403);
    const [row] = await h.t.db.query<{ consent: string; version: number }>('SELECT consent, version FROM testimonies WHERE id = $1', [id]);
    expect(row).toEqual({ consent: 'withdrawn', version: 2 });
    const refused = await refusals();
    expect(refused.map((r) => [r.actor, r.meta.why, r.meta.requested_consent])).toEqual([
      ['user:editor-user', 'cannot_read', 'restricted'], ['user:editor-user', 'cannot_read', 'public_source'], ['user:editor-user', 'cannot_read', null],
    ]);
  });

  it('an admin changes withdrawn consent only with a reason, and the reason is in the audit trail', async () => {
    const bare = await patch('admin', { consent: 'restricted' });
    expect(bare.status).toBe(400);
    expect(bare.json.error).toMatchObject({ code: 'invalid_input', field: 'reason' });
    const done = await patch('admin', { consent: 'restricted', reason: 'the witness renewed consent on 2026-03-01 (signed form 17)' });
    expect(done.status).toBe(200);
    expect(done.json.testimony!.consent).toBe('restricted');
    const [rec] = await h.t.db.query<{ actor: string; meta: Record<string, unknown> }>(
      `SELECT actor, meta FROM audit_log WHERE target = $1 AND action = 'testimony.update' ORDER BY n DESC LIMIT 1`, [id]);
    expect(rec!.actor).toBe('user:admin-user');
    expect(rec!.meta).toMatchObject({ role: 'admin', consent_from: 'withdrawn', consent_to: 'restricted', reason: 'the witness renewed consent on 2026-03-01 (signed form 17)' });
    expect((await h.call('GET', `/api/testimony/${id}`, { as: h.logins.editor })).status).toBe(200);
  });

  it('roles below editor cannot change consent at all', async () => {
    for (const who of ['viewer', 'analyst'] as const) expect((await patch(who, { consent: 'withdrawn' })).status).toBe(403);
  });
});
