/** The four roles, in order of what they may do; each may do everything the ones before it may. */
export const ROLES = ['viewer', 'analyst', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Whether `role` is `min` or above it. */
export function roleAtLeast(role: Role, min: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(min);
}

/** What each role is for, shown by `room39 user add --help` and in docs/security.md. */
export const ROLE_SUMMARY: Record<Role, string> = {
  viewer: 'reads the graph (needed only when public read is off)',
  analyst: 'reviews extracted facts (accept, correct, reject); lists testimony without its protected fields',
  editor: 'imports lists, edits the graph, records and reads testimony (every read is audited)',
  admin: 'manages accounts and reads the audit trail',
};
