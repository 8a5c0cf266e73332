/**
 * Accounts, sessions and API tokens over the store. No default account
 * exists: the first admin is made with `room39 user add NAME --role admin`.
 * Every change to an account is in the audit trail; passwords, hashes,
 * session ids and tokens never are.
 */
import type { Db, Queryable } from '../store/db.ts';
import type { SecuritySettings } from '../config/settings.ts';
import { Room39Error } from '../errors.ts';
import { appendAudit } from '../audit/log.ts';
import { checkPasswordStrength, dummyHash, hashPassword, verifyPassword } from './password.ts';
import { hashSecret, newApiToken, newId, newSecret, API_TOKEN_PREFIX } from './tokens.ts';
import { isRole, type Role } from './roles.ts';
import type { AccountRef } from './principal.ts';

export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;

export interface UserView {
  id: string;
  username: string;
  role: Role;
  disabled: boolean;
  locked_until: string | null;
  created_at: string;
  created_by: string;
  version: number;
}

interface UserRow {
  id: string;
  username: string;
  role: string;
  password_hash: string;
  failed_logins: number;
  locked_until: Date | string | null;
  disabled_at: Date | string | null;
  created_at: Date | string;
  created_by: string;
  version: number;
}

const iso = (v: Date | string | null) => (v === null ? null : (v instanceof Date ? v : new Date(v)).toISOString());

function view(r: UserRow): UserView {
  return {
    id: r.id, username: r.username, role: r.role as Role, disabled: r.disabled_at !== null, locked_until: iso(r.locked_until),
    created_at: iso(r.created_at)!, created_by: r.created_by, version: Number(r.version),
  };
}

function checkUsername(username: string): void {
  if (!USERNAME_PATTERN.test(username)) {
    throw new Room39Error('invalid_input', 'a username is 2–64 letters, digits, dots, hyphens or underscores, starting with a letter or digit');
  }
}

async function userRow(q: Queryable, username: string): Promise<UserRow | null> {
  const rows = await q.query<UserRow>('SELECT * FROM users WHERE lower(username) = lower($1)', [username]);
  return rows[0] ?? null;
}

async function requireUser(q: Queryable, username: string): Promise<UserRow> {
  const row = await userRow(q, username);
  if (!row) throw new Room39Error('not_found', `no account named ${JSON.stringify(username.slice(0, 64))}; list them with room39 user list`);
  return row;
}

export async function countAdmins(q: Queryable): Promise<number> {
  const [r] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND disabled_at IS NULL`);
  return r?.n ?? 0;
}

export async function createUser(db: Db, input: { username: string; role: string; password: string }, actor: string): Promise<UserView> {
  checkUsername(input.username);
  if (!isRole(input.role)) throw new Room39Error('invalid_input', 'role must be viewer, analyst, editor or admin');
  checkPasswordStrength(input.password);
  const hash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    if (await userRow(tx, input.username)) throw new Room39Error('conflict', `an account named ${input.username} exists already`);
    const [row] = await tx.query<UserRow>(
      'INSERT INTO users (id, username, role, password_hash, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING *',
      [newId('u-'), input.username, input.role, hash, actor],
    );
    const v = view(row!);
    await appendAudit(tx, { actor, action: 'user.create', target: `user:${v.username}`, after: { username: v.username, role: v.role } });
    return v;
  });
}

export async function listUsers(q: Queryable): Promise<UserView[]> {
  return (await q.query<UserRow>('SELECT * FROM users ORDER BY lower(username)')).map(view);
}

export async function getUser(q: Queryable, username: string): Promise<UserView> {
  return view(await requireUser(q, username));
}

/** Disables an account: its sessions end and its API tokens are revoked at once. */
export async function disableUser(db: Db, username: string, actor: string): Promise<UserView> {
  return db.transaction(async (tx) => {
    const row = await requireUser(tx, username);
    if (row.role === 'admin' && row.disabled_at === null && (await countAdmins(tx)) <= 1) {
      throw new Room39Error('conflict', 'this is the last active admin; make another admin first');
    }
    const [updated] = await tx.query<UserRow>('UPDATE users SET disabled_at = COALESCE(disabled_at, now()), version = version + 1 WHERE id = $1 RETURNING *', [row.id]);
    const sessions = await tx.query('DELETE FROM sessions WHERE user_id = $1 RETURNING 1', [row.id]);
    const tokens = await tx.query('UPDATE api_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING 1', [row.id]);
    await appendAudit(tx, { actor, action: 'user.disable', target: `user:${row.username}`, before: { disabled: row.disabled_at !== null }, after: { disabled: true }, meta: { sessions_ended: sessions.length, tokens_revoked: tokens.length } });
    return view(updated!);
  });
}

export async function enableUser(db: Db, username: string, actor: string): Promise<UserView> {
  return db.transaction(async (tx) => {
    const row = await requireUser(tx, username);
    const [updated] = await tx.query<UserRow>('UPDATE users SET disabled_at = NULL, failed_logins = 0, locked_until = NULL, version = version + 1 WHERE id = $1 RETURNING *', [row.id]);
    await appendAudit(tx, { actor, action: 'user.enable', target: `user:${row.username}`, before: { disabled: row.disabled_at !== null }, after: { disabled: false } });
    return view(updated!);
  });
}

/** Changes a role if the account is still at `expectedVersion` (null: no check, for the command line). */
export async function setRole(db: Db, username: string, role: string, expectedVersion: number | null, actor: string): Promise<UserView> {
  if (!isRole(role)) throw new Room39Error('invalid_input', 'role must be viewer, analyst, editor or admin');
  return db.transaction(async (tx) => {
    const rows = await tx.query<UserRow>('SELECT * FROM users WHERE lower(username) = lower($1) FOR UPDATE', [username]);
    const row = rows[0];
    if (!row) throw new Room39Error('not_found', `no account named ${JSON.stringify(username.slice(0, 64))}`);
    if (expectedVersion !== null && Number(row.version) !== expectedVersion) {
      throw new Room39Error('conflict', `the account ${row.username} was changed by someone else since you read it (version ${expectedVersion}, now ${row.version}); reload and try again`);
    }
    if (row.role === 'admin' && role !== 'admin' && (await countAdmins(tx)) <= 1) {
      throw new Room39Error('conflict', 'this is the last active admin; make another admin first');
    }
    const [updated] = await tx.query<UserRow>('UPDATE users SET role = $2, version = version + 1 WHERE id = $1 RETURNING *', [row.id, role]);
    await tx.query('DELETE FROM sessions WHERE user_id = $1', [row.id]);
    await appendAudit(tx, { actor, action: 'user.role', target: `user:${row.username}`, before: { role: row.role }, after: { role } });
    return view(updated!);
  });
}

export async function setPassword(db: Db, username: string, password: string, actor: string): Promise<void> {
  checkPasswordStrength(password);
  const hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const row = await requireUser(tx, username);
    await tx.query('UPDATE users SET password_hash = $2, failed_logins = 0, locked_until = NULL, version = version + 1 WHERE id = $1', [row.id, hash]);
    await tx.query('DELETE FROM sessions WHERE user_id = $1', [row.id]);
    await appendAudit(tx, { actor, action: 'user.password', target: `user:${row.username}` });
  });
}

export interface Session {
  /** The secret for the cookie (only its hash is stored). */
  id: string;
  csrfToken: string;
  account: AccountRef;
  expiresAt: Date;
}

const LOGIN_FAILED = 'login failed: wrong username or password, or the account is locked for a while after repeated failures';

/**
 * Checks a password and opens a new session (a new id every time: a session
 * id known before login is never promoted). Repeated failures lock the
 * account for `lockMinutes`; a locked account refuses even the right password.
 */
export async function login(db: Db, security: SecuritySettings, username: string, password: string, address: string): Promise<Session> {
  const row = typeof username === 'string' && USERNAME_PATTERN.test(username) ? await userRow(db, username) : null;
  const ok = await verifyPassword(String(password), row?.password_hash ?? (await dummyHash()));
  const now = Date.now();
  if (!row) {
    await appendAudit(db, { actor: `anonymous@${address}`, action: 'auth.login_failed', target: null, meta: { reason: 'unknown account' } });
    throw new Room39Error('unauthorized', LOGIN_FAILED);
  }
  const locked = row.locked_until !== null && new Date(row.locked_until).getTime() > now;
  if (!ok || locked || row.disabled_at !== null) {
    await db.transaction(async (tx) => {
      let lockedNow = false;
      if (!ok && !locked) {
        const [f] = await tx.query<{ failed_logins: number }>('UPDATE users SET failed_logins = failed_logins + 1 WHERE id = $1 RETURNING failed_logins', [row.id]);
        lockedNow = (f?.failed_logins ?? 0) >= security.lockAfter;
        if (lockedNow) {
          await tx.query('UPDATE users SET failed_logins = 0, locked_until = $2 WHERE id = $1', [row.id, new Date(now + security.lockMinutes * 60_000).toISOString()]);
        }
      }
      const reason = row.disabled_at !== null ? 'disabled' : locked ? 'locked' : 'wrong password';
      await appendAudit(tx, { actor: `anonymous@${address}`, action: lockedNow ? 'auth.locked' : 'auth.login_failed', target: `user:${row.username}`, meta: { reason } });
    });
    throw new Room39Error('unauthorized', LOGIN_FAILED);
  }
  const id = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(now + security.sessionHours * 3_600_000);
  await db.transaction(async (tx) => {
    await tx.query('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1', [row.id]);
    await tx.query('DELETE FROM sessions WHERE expires_at < now()');
    await tx.query('INSERT INTO sessions (id_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)', [hashSecret(id), row.id, csrfToken, expiresAt.toISOString()]);
    await appendAudit(tx, { actor: `user:${row.username}`, action: 'auth.login', target: `user:${row.username}`, meta: { address } });
  });
  return { id, csrfToken, account: { id: row.id, username: row.username, role: row.role as Role }, expiresAt };
}

export async function logout(db: Db, sessionId: string, actor: string): Promise<void> {
  await db.transaction(async (tx) => {
    const gone = await tx.query('DELETE FROM sessions WHERE id_hash = $1 RETURNING 1', [hashSecret(sessionId)]);
    if (gone.length) await appendAudit(tx, { actor, action: 'auth.logout', target: actor });
  });
}

interface SessionRow {
  id_hash: string;
  csrf_token: string;
  user_id: string;
  username: string;
  role: string;
  disabled_at: Date | null;
  expires_at: Date | string;
}

/** The account a session cookie stands for, or null (unknown, expired, or the account disabled). */
export async function resolveSession(q: Queryable, sessionId: string): Promise<{ account: AccountRef; csrfToken: string; idHash: string } | null> {
  if (!sessionId || sessionId.length > 200) return null;
  const rows = await q.query<SessionRow>(
    `SELECT s.id_hash, s.csrf_token, u.id AS user_id, u.username, u.role, u.disabled_at, s.expires_at
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = $1 AND s.expires_at > now()`,
    [hashSecret(sessionId)],
  );
  const r = rows[0];
  if (!r || r.disabled_at !== null) return null;
  return { account: { id: r.user_id, username: r.username, role: r.role as Role }, csrfToken: r.csrf_token, idHash: r.id_hash };
}

export interface ApiTokenView {
  id: string;
  username: string;
  label: string;
  created_at: string;
  last_used_at: string | null;
  revoked: boolean;
}

/** Makes an API token for an account; the token is shown once and only its hash is kept. */
export async function createApiToken(db: Db, username: string, label: string, actor: string): Promise<{ token: string; view: ApiTokenView }> {
  const clean = label.trim().slice(0, 100) || 'api token';
  return db.transaction(async (tx) => {
    const user = await requireUser(tx, username);
    if (user.disabled_at !== null) throw new Room39Error('conflict', `the account ${user.username} is disabled`);
    const token = newApiToken();
    const tokenId = newId('tok-');
    await tx.query('INSERT INTO api_tokens (id, user_id, label, token_hash) VALUES ($1, $2, $3, $4)', [tokenId, user.id, clean, hashSecret(token)]);
    await appendAudit(tx, { actor, action: 'token.create', target: `token:${tokenId}`, after: { username: user.username, label: clean } });
    return { token, view: { id: tokenId, username: user.username, label: clean, created_at: new Date().toISOString(), last_used_at: null, revoked: false } };
  });
}

export async function listApiTokens(q: Queryable, username: string | null = null): Promise<ApiTokenView[]> {
  const rows = await q.query<{ id: string; username: string; label: string; created_at: Date; last_used_at: Date | null; revoked_at: Date | null }>(
    `SELECT t.id, u.username, t.label, t.created_at, t.last_used_at, t.revoked_at FROM api_tokens t JOIN users u ON u.id = t.user_id
      WHERE ($1::text IS NULL OR lower(u.username) = lower($1)) ORDER BY t.created_at`,
    [username],
  );
  return rows.map((r) => ({ id: r.id, username: r.username, label: r.label, created_at: iso(r.created_at)!, last_used_at: iso(r.last_used_at), revoked: r.revoked_at !== null }));
}

/** Revokes a token; `owner` (when given) must own it. */
export async function revokeApiToken(db: Db, tokenId: string, actor: string, owner: string | null = null): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx.query<{ id: string; username: string; revoked_at: Date | null }>(
      'SELECT t.id, u.username, t.revoked_at FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.id = $1', [tokenId]);
    const t = rows[0];
    if (!t || (owner !== null && t.username.toLowerCase() !== owner.toLowerCase())) throw new Room39Error('not_found', `no API token ${tokenId.slice(0, 64)}`);
    if (t.revoked_at !== null) return;
    await tx.query('UPDATE api_tokens SET revoked_at = now() WHERE id = $1', [tokenId]);
    await appendAudit(tx, { actor, action: 'token.revoke', target: `token:${tokenId}`, meta: { username: t.username } });
  });
}

/** The account an API token stands for, or null (unknown, revoked, or its account disabled). */
export async function resolveApiToken(q: Queryable, token: string): Promise<{ account: AccountRef; tokenId: string } | null> {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 200) return null;
  const rows = await q.query<{ id: string; user_id: string; username: string; role: string; last_used_at: Date | null }>(
    `SELECT t.id, u.id AS user_id, u.username, u.role, t.last_used_at FROM api_tokens t JOIN users u ON u.id = t.user_id
      WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.disabled_at IS NULL`,
    [hashSecret(token)],
  );
  const r = rows[0];
  if (!r) return null;
  if (!r.last_used_at || Date.now() - new Date(r.last_used_at).getTime() > 60_000) {
    await q.query('UPDATE api_tokens SET last_used_at = now() WHERE id = $1', [r.id]);
  }
  return { account: { id: r.user_id, username: r.username, role: r.role as Role }, tokenId: r.id };
}
