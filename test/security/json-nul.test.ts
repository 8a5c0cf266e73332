/**
 * A NUL character (\u0000) in a JSON body: PostgreSQL text cannot hold it, so
 * it used to reach the database and fail as a 500 ("the server failed to
 * answer") at every door that stores text: a token's label, a testimony's
 * sharing terms. Now 400 naming the field, nothing stored, the value never
 * echoed; the text "\\u0000" (an escaped backslash) is ordinary text, and the
 * read-only doors still answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, type Harness } from './support.ts';
import { nulPathIn } from '../../src/server/middleware/request-guard.ts';

describe('NUL in a JSON body', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness('pglite', {}, { bundle: false });
  });
  afterAll(async () => h?.dispose());

  const count = async (sql: string) => (await h.t.db.query<{ n: number }>(sql))[0]!.n;
  const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

  it('a token label with a NUL: 400 naming the field, no token made', async () => {
    const before = await count('SELECT count(*)::int AS n FROM api_tokens');
    const res = await h.call('POST', '/api/tokens', { as: h.logins.viewer, body: { label: 'ERP\u0000SECRETLABEL' } });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/^the field label holds a NUL character/);
    expect(error.message).not.toContain('SECRETLABEL');
    expect(await count('SELECT count(*)::int AS n FROM api_tokens')).toBe(before);
    // The routes read JSON whatever the content type says: so must the check.
    for (const type of ['text/plain', '']) {
      const other = await h.call('POST', '/api/tokens', { as: h.logins.viewer, rawBody: '  {"label":"a\\u0000b"}', headers: type ? { 'content-type': type } : {} });
      expect(other.status, type).toBe(400);
    }
    expect(await count('SELECT count(*)::int AS n FROM api_tokens')).toBe(before);
    // The six characters \u0000 as text are a label like any other.
    const ok = await h.call('POST', '/api/tokens', { as: h.logins.viewer, rawBody: '{"label":"C:\\\\u0000 path"}', headers: { 'content-type': 'application/json' } });
    expect(ok.status).toBe(201);
    expect(((await ok.json()) as { label: string }).label).toBe('C:\\u0000 path');
  });

  it('a testimony with a NUL in a plain field: 400, nothing stored, nothing protected echoed', async () => {
    const before = await count('SELECT count(*)::int AS n FROM testimonies');
    const res = await h.call('POST', '/api/testimony', {
      as: h.logins.editor,
      body: { pseudonym: 'PSEUDO-NUL-MARKER', narrative: 'NARRATIVE-NUL-MARKER', linked_entities: [], sharing_terms: 'x\u0000y' },
    });
    expect(res.status).toBe(400);
    const text = JSON.stringify(await errorOf(res));
    expect(text).toMatch(/sharing_terms holds a NUL character/);
    expect(text).not.toMatch(/NUL-MARKER/);
    expect(await count('SELECT count(*)::int AS n FROM testimonies')).toBe(before);
  });

  it('names nested fields and keys', () => {
    expect(nulPathIn({ a: [{ b: 'ok' }, { b: 'x\u0000' }] })).toBe('a.1.b');
    expect(nulPathIn({ ['k\u0000']: 1 })).toBe('k\ufffd');
    expect(nulPathIn('\u0000')).toBe('the body');
    expect(nulPathIn({ a: ['fine', 2, null] })).toBeNull();
  });

  it('leaves the read-only doors alone', async () => {
    const res = await h.call('POST', '/match/default', { body: { queries: { q1: { schema: 'Person', properties: { name: ['Kim\u0000Jong'] } } } } });
    expect(res.status).toBe(200);
  });
});
