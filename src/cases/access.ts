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
 */
import type { Role } from '../auth/roles.ts';
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

export function mayAccessCase(k: Pick<CaseRecord, 'created_by'>, viewer: CaseViewer): boolean {
  return viewer.role === 'admin' || caseOwner(k.created_by) === viewer.username.toLowerCase();
}
