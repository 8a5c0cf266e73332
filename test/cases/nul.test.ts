/**
 * A NUL byte in a cell of an uploaded spreadsheet: PostgreSQL cannot store it,
 * so creating a case used to fail as a 500 ("the server failed to answer").
 * Now 400 naming the row and column; no case is left behind, and the same
 * name can be used once the file is fixed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../security/support.ts';

let h: Harness;
beforeAll(async () => { h = await harness('pglite', {}, { bundle: false }); }, 300_000);
afterAll(async () => { await h?.dispose(); });

const upload = (name: string, text: string) => {
  const f = new FormData();
  f.set('file', new File([Buffer.from(text, 'utf8')], 'suppliers.csv', { type: 'text/csv' }));
  f.set('name', name);
  return f;
};

describe('a NUL in an uploaded case file', () => {
  it('is refused with the row and column, and leaves no case', async () => {
    const analyst = h.logins.analyst;
    const bad = 'name,country\nKorea Mining Development Trading Corporation,KP\nKim\u0000Jong Nam,KP\n';
    const res = await h.call('POST', '/api/cases', { as: analyst, rawBody: upload('NUL case', bad) });
    expect(res.status).toBe(400);
    const error = ((await res.json()) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/data row 2, column name, holds a NUL character/);
    expect(error.message).toMatch(/suppliers\.csv/);
    expect((await h.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases'))[0]!.n).toBe(0);
    const fixed = await h.call('POST', '/api/cases', { as: analyst, rawBody: upload('NUL case', bad.replace('\u0000', ' ')) });
    expect(fixed.status, await fixed.clone().text()).toBe(201);
  }, 300_000);
});
