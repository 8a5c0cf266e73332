/**
 * Who is making a request. The auth middleware settles it once per request;
 * routes read it with `principalOf(c)` (e.g. to record who reviewed a fact)
 * and name it in the audit trail with `actorOf`.
 */
import type { Context } from 'hono';
import type { Role } from './roles.ts';

export interface AccountRef {
  id: string;
  username: string;
  role: Role;
}

export interface Principal {
  kind: 'anonymous' | 'session' | 'token' | 'cli';
  account: AccountRef | null;
  /** The client address (socket, or X-Forwarded-For behind a trusted proxy). */
  address: string;
  /** Session-authenticated requests: the CSRF token the session was issued. */
  csrfToken?: string;
  sessionHash?: string;
  tokenId?: string;
}

const principals = new WeakMap<Request, Principal>();

export function setPrincipal(c: Context, p: Principal): void {
  principals.set(c.req.raw, p);
}

/** The request's principal; anonymous if the auth middleware did not run. */
export function principalOf(c: Context): Principal {
  return principals.get(c.req.raw) ?? { kind: 'anonymous', account: null, address: 'unknown' };
}

/** How the audit trail names a principal. */
export function actorOf(p: Principal): string {
  if (!p.account) return `anonymous@${p.address}`;
  if (p.kind === 'token') return `token:${p.account.username}/${p.tokenId ?? '?'}`;
  if (p.kind === 'cli') return `cli:${p.account.username}`;
  return `user:${p.account.username}`;
}

export const ANONYMOUS = (address: string): Principal => ({ kind: 'anonymous', account: null, address });
