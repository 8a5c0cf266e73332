/**
 * Optimistic concurrency for edit endpoints: a GET gives the record's ETag
 * (`"<version>"`), the edit sends it back in If-Match, and an edit of a
 * record someone else changed meanwhile is refused with 409 Conflict instead
 * of silently overwriting theirs. For any versioned record:
 *
 *   c.header('ETag', etagOf(record.version));            // on GET
 *   const expected = requireIfMatch(c);                  // on PUT/PATCH/POST edit
 *   … UPDATE … WHERE id = $1 AND version = $2 …          // 0 rows: throw conflictError(…)
 */
import type { Context } from 'hono';
import { Room39Error } from '../../errors.ts';

export function etagOf(version: number): string {
  return `"${version}"`;
}

/** The version an If-Match header names, or null when there is none. */
export function ifMatchVersion(c: Context): number | null {
  const header = c.req.header('if-match');
  if (header === undefined) return null;
  const m = /^\s*(?:W\/)?"(\d{1,12})"\s*$/.exec(header);
  if (!m) throw new Room39Error('invalid_input', 'If-Match must be the ETag the record was read with, e.g. "3"');
  return Number(m[1]);
}

/** The version an edit was based on; an edit without If-Match is refused (428-style, as 400 with a clear message). */
export function requireIfMatch(c: Context): number {
  const v = ifMatchVersion(c);
  if (v === null) throw new Room39Error('invalid_input', 'send If-Match with the ETag from your GET of this record, so an edit never overwrites someone else’s unseen');
  return v;
}

export function conflictError(what: string, expected: number, current: number): Room39Error {
  return new Room39Error('conflict', `${what} was changed by someone else since you read it (you edited version ${expected}, it is now at version ${current}); reload it and apply your edit again`);
}
