/**
 * Who may call what: one table of rules by method and path, read top to
 * bottom, first match wins. The auth middleware applies it to every request,
 * so routes other engineers add are covered without their editing anything:
 * a new read-only GET under /api is public like the rest of the graph, and a
 * new state-changing request needs an editor, until a rule here says otherwise.
 *
 * Access levels:
 * - `anyone`: no account ever needed (login, the web app's static files);
 * - `public`: no account needed while ROOM39_PUBLIC_READ is on (the default);
 *   with it off, any account (viewer and up);
 * - a role: that role or above (viewer < analyst < editor < admin).
 *
 * The route still decides finer questions only it can answer (e.g. a
 * withdrawn testimony is for admins only; a token's owner may revoke it).
 */
import { roleAtLeast, type Role } from './roles.ts';
import type { Principal } from './principal.ts';

export type Access = 'anyone' | 'public' | Role;

export interface Rule {
  /** Methods the rule covers (HEAD counts as GET), or '*'. */
  methods: readonly string[] | '*';
  pattern: RegExp;
  access: Access;
  why: string;
  /**
   * A POST that changes nothing (screening, matching, extraction): not put in
   * the audit trail. Every other state-changing request that succeeds is
   * recorded by the middleware (who, when, method, path, status).
   */
  readOnly?: boolean;
  /** Its service records a detailed audit record itself (before and after). */
  auditedByService?: boolean;
}

const READ = ['GET'] as const;
const WRITE = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** A path and everything under it, with or without a trailing slash. */
const under = (prefix: string) => new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:/.*)?$`);
/** Exactly this path (a trailing slash allowed). */
const exactly = (path: string) => new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/?$`);

export const POLICY: readonly Rule[] = [
  { methods: ['OPTIONS'], pattern: /^.*$/, access: 'anyone', why: 'CORS preflight carries no credentials' },
  { methods: ['POST'], pattern: exactly('/api/auth/login'), access: 'anyone', why: 'logging in', auditedByService: true },
  { methods: ['POST'], pattern: exactly('/api/auth/logout'), access: 'anyone', why: 'logging out', auditedByService: true },
  { methods: READ, pattern: exactly('/api/auth/session'), access: 'anyone', why: 'who am I, and the CSRF token' },

  { methods: '*', pattern: under('/api/users'), access: 'admin', why: 'account management', auditedByService: true },
  { methods: '*', pattern: under('/api/audit'), access: 'admin', why: 'the audit trail' },
  { methods: '*', pattern: under('/api/tokens'), access: 'viewer', why: 'an account manages its own API tokens', auditedByService: true },

  { methods: READ, pattern: exactly('/api/testimony'), access: 'analyst', why: 'testimony list: no protected field' },
  { methods: READ, pattern: under('/api/testimony'), access: 'editor', why: 'testimony: protected fields, every read audited' },
  { methods: WRITE, pattern: under('/api/testimony'), access: 'editor', why: 'recording and editing testimony', auditedByService: true },

  { methods: '*', pattern: under('/api/review'), access: 'analyst', why: 'review queue: accept, correct, reject extracted facts' },
  { methods: ['POST'], pattern: exactly('/api/documents/suggest'), access: 'public', why: 'the "suggest a document" door (off unless ROOM39_PUBLIC_SUGGEST): a suggestion only waits for an analyst' },
  { methods: '*', pattern: under('/api/documents'), access: 'analyst', why: 'submitting documents (their claims enter the review queue) and reading unreviewed material' },

  { methods: '*', pattern: under('/api/cases'), access: 'analyst', why: 'screening cases hold a customer’s or supplier’s own lists and decisions' },
  { methods: ['POST'], pattern: under('/api/screen'), access: 'public', why: 'screening is read-only', readOnly: true },
  { methods: ['POST'], pattern: under('/api/extract'), access: 'public', why: 'extraction without submitting is read-only', readOnly: true },
  { methods: ['POST'], pattern: under('/api/estimate'), access: 'public', why: 'estimation scenarios are read-only', readOnly: true },
  { methods: ['POST'], pattern: under('/match'), access: 'public', why: 'yente-compatible matching is read-only', readOnly: true },
  { methods: ['GET', 'POST'], pattern: under('/reconcile'), access: 'public', why: 'OpenRefine reconciliation is read-only', readOnly: true },

  { methods: WRITE, pattern: under('/api/import'), access: 'editor', why: 'list imports change the graph' },
  { methods: WRITE, pattern: under('/api/imports'), access: 'editor', why: 'list imports change the graph' },
  { methods: WRITE, pattern: under('/api/lists'), access: 'editor', why: 'list imports change the graph' },
  { methods: WRITE, pattern: under('/api/entities'), access: 'editor', why: 'edits and merges change the graph' },
  { methods: WRITE, pattern: under('/api/statements'), access: 'editor', why: 'edits change the graph' },
  { methods: WRITE, pattern: under('/api/links'), access: 'editor', why: 'merges change the graph' },

  { methods: READ, pattern: exactly('/healthz'), access: 'public', why: 'health check' },
  { methods: READ, pattern: exactly('/openapi.json'), access: 'public', why: 'API description' },
  { methods: READ, pattern: under('/api'), access: 'public', why: 'reading the non-protected graph: search, entities, estimate, changes, atlas, timeline, network' },
  // `/search` alone is the web app's search page (yente's is `/search/{dataset}`): with public read off it must load and offer the login.
  { methods: READ, pattern: /^\/(?:catalog|algorithms|entities|statements)(?:\/.*)?$|^\/search\/./, access: 'public', why: 'yente-compatible reads' },
  { methods: '*', pattern: under('/api'), access: 'editor', why: 'default: a state-changing API call not listed above needs an editor' },
  { methods: '*', pattern: under('/match'), access: 'editor', why: 'default for other methods' },
  { methods: READ, pattern: /^.*$/, access: 'anyone', why: 'the web app’s files (no data in them)' },
  { methods: '*', pattern: /^.*$/, access: 'editor', why: 'default: anything else that changes state needs an editor' },
];

export function ruleFor(method: string, path: string): Rule {
  const m = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
  for (const rule of POLICY) {
    if ((rule.methods === '*' || rule.methods.includes(m)) && rule.pattern.test(path)) return rule;
  }
  return POLICY[POLICY.length - 1]!;
}

export type Decision = 'allow' | 'needs_login' | 'forbidden';

export function decide(access: Access, principal: Principal, publicRead: boolean): Decision {
  if (access === 'anyone') return 'allow';
  if (access === 'public') return publicRead || principal.account ? 'allow' : 'needs_login';
  if (!principal.account) return 'needs_login';
  return roleAtLeast(principal.account.role, access) ? 'allow' : 'forbidden';
}

export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
