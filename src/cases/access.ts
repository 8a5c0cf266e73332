/**
 * Who may see and change a case through the HTTP API and the web app: the
 * account that made it and admins. A compliance analyst's case holds a
 * client's supplier list and their decisions on it, so another analyst is
 * answered as if it did not exist. The account is read from the case's
 * `created_by`, as the audit trail names it (`user:NAME` for a session,
 * `token:NAME/TOKEN` for an API token); a case made on the command line
 * (`cli:OS-USER`, the data directory's owner) has no account, so over HTTP
 * only admins see it. The command line itself is not asked: whoever owns
 * the data directory owns every case in it.
 *
 * A name is unique per owner (`caseOwnerKey`, the `owner` column of
 * migration 056), not across owners: refusing a name another analyst used
 * would tell that their case exists. So a name is looked up among the cases
 * the asker may see (`pickCase`): theirs first, then, for an admin or the
 * command line, one other case of that name; several is an error naming
 * their ids, never a guess.
 */
import type { Role } from '../auth/roles.ts';
import { invalidInput } from '../errors.ts';
import type { CaseRecord } from './store.ts';

export interface CaseViewer {
  username: string;
  role: Role;
}

/** The account (lower-cased username) a case's `created_by` names, or null for one made without an account. */
export function caseOwner(createdBy: string): string | null {
  const m = /^(?:user|token):([^/:]+)(?:\/.*)?$/s.exec(createdBy);
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * Whose name space a case's name is in: `user:ACCOUNT` for a case an account made (by session or token alike),
 * else its `created_by` as it stands (`cli:OS-USER`). Migration 056 computes the `owner` column the same way.
 */
export function caseOwnerKey(createdBy: string): string {
  const account = caseOwner(createdBy);
  return account === null ? createdBy : `user:${account}`;
}

export function mayAccessCase(k: Pick<CaseRecord, 'created_by'>, viewer: CaseViewer): boolean {
  return viewer.role === 'admin' || caseOwner(k.created_by) === viewer.username.toLowerCase();
}

/**
 * Who asks for a case by name: the owner key their own cases carry (null for none, as for room39's own
 * jobs) and which other cases they may see.
 */
export interface CaseAsker {
  owner: string | null;
  mayAccess(k: Pick<CaseRecord, 'created_by'>): boolean;
}

/** An account over HTTP or in the web app (cases/access.ts rules: its own cases, every case for an admin). */
export const accountAsker = (viewer: CaseViewer | null): CaseAsker => ({
  owner: viewer ? `user:${viewer.username.toLowerCase()}` : null,
  mayAccess: (k) => viewer !== null && mayAccessCase(k, viewer),
});

/** The command line's operator (`cli:OS-USER`): every case, theirs first. */
export const operatorAsker = (actor: string): CaseAsker => ({ owner: caseOwnerKey(actor), mayAccess: () => true });

/** room39 itself, and code handed a case id by a door that checked it: every case, no own ones. */
export const EVERY_CASE: CaseAsker = { owner: null, mayAccess: () => true };

/**
 * The case `ref` names among `candidates` (the cases with that id or name, store.ts `casesNamed`), as `asker` may
 * see them: the one with that id; else the asker's own of that name; else the only other one; null when the asker
 * may see none, whether or not another's exists. Several others of that name: an error listing their ids.
 */
export function pickCase<K extends Pick<CaseRecord, 'id' | 'name' | 'created_by'>>(candidates: readonly K[], ref: string, asker: CaseAsker): K | null {
  const visible = candidates.filter((k) => asker.mayAccess(k));
  const byId = visible.find((k) => k.id === ref);
  if (byId) return byId;
  const kept = ref.normalize('NFC').trim();
  const named = visible.filter((k) => k.name === ref || k.name === kept);
  const own = named.find((k) => asker.owner !== null && caseOwnerKey(k.created_by) === asker.owner);
  if (own) return own;
  if (named.length > 1) {
    throw invalidInput(`${named.length} cases are named "${kept.slice(0, 80)}": ${named.map((k) => `${k.id} (made by ${k.created_by.slice(0, 80)})`).join(', ')}; give the id of the one you mean instead of its name`);
  }
  return named[0] ?? null;
}
