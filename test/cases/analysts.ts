/**
 * What the cases' access tests over HTTP share: a second analyst logged in beside the harness's own, and a
 * supplier list naming a real UN-listed entity (KOMID), so a case made from it has a match to decide on.
 */
import { createUser } from '../../src/auth/service.ts';
import { cookieFrom, PASSWORD, type Harness, type Login } from '../security/support.ts';

export async function loginSecondAnalyst(h: Harness): Promise<Login> {
  await createUser(h.t.db, { username: 'analyst-two', role: 'analyst', password: PASSWORD }, 'test');
  const res = await h.login('analyst-two', PASSWORD);
  return { role: 'analyst', username: 'analyst-two', cookie: cookieFrom(res)!, csrf: ((await res.json()) as { csrf_token: string }).csrf_token };
}

export const SUPPLIERS_CSV = 'name,country\r\nKorea Mining Development Trading Corporation,KP\r\nCafé Müller,DE\r\n';

/** The form a case is created from: the supplier list as a file, and the case's name. */
export function caseUpload(name: string): FormData {
  const f = new FormData();
  f.set('file', new File([Buffer.from(SUPPLIERS_CSV, 'utf8')], 'suppliers.csv', { type: 'text/csv' }));
  f.set('name', name);
  return f;
}
