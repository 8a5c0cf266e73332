/**
 * Schema compatibility: a Person query does not match a vessel. Two schemas
 * are compatible when one is a kind of the other in FollowTheMoney
 * (Organization ~ Company, LegalEntity ~ Person), so a list's generic
 * LegalEntity still matches a Person query. Only matchable FtM schemas
 * (things with names: people, organisations, vessels…) are screened.
 */
import { ftmSchema } from '../store/ftm.ts';

/** Can entities of this schema be matched by name at all? */
export function isMatchableSchema(schema: string): boolean {
  const s = ftmSchema(schema);
  if (!s) return schema === 'LegalInstrument' ? false : true;
  return s.matchable || s.isA('LegalEntity');
}

const memo = new Map<string, boolean>();

/** Is a candidate of schema `candidate` a possible answer to a query about a `query`? Null/empty query schema: any. */
export function schemasCompatible(query: string | null, candidate: string): boolean {
  if (!query || query === 'Thing') return true;
  if (query === candidate) return true;
  const key = `${query}\u0000${candidate}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const q = ftmSchema(query);
  const c = ftmSchema(candidate);
  const ok = q !== null && c !== null && (q.isA(c) || c.isA(q));
  memo.set(key, ok);
  return ok;
}

/** Is this a schema name FtM (or room39) knows? */
export function isKnownQuerySchema(schema: string): boolean {
  return ftmSchema(schema) !== null;
}
