/**
 * Shared set-up for the security tests: an app over a fresh store (PGlite or
 * PostgreSQL) with the bundled dataset, a testimony key, one account per
 * role, and a request helper that logs in, carries the session cookie and
 * CSRF token, and sets the client address.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Hono } from 'hono';
import { readSecuritySettings, readSettings } from '../../src/config/settings.ts';
import { openTestServices } from '../support/services.ts';
import { createApp } from '../../src/server/app.ts';
import type { AppEnv } from '../../src/server/context.ts';
import type { Services } from '../../src/services.ts';
import { createUser } from '../../src/auth/service.ts';
import { ROLES, type Role } from '../../src/auth/roles.ts';
import { generateKey, type Keyring } from '../../src/testimony/keyring.ts';
import { freshDb, type Backend, type TestDb } from '../support/db.ts';

export const PASSWORD = 'a long passphrase for tests';
export const COOKIE = '__Host-room39_session';

export interface Login {
  role: Role;
  username: string;
  cookie: string;
  csrf: string;
}

export interface Harness {
  t: TestDb;
  services: Services;
  app: Hono<AppEnv>;
  keyring: Keyring;
  logins: Record<Role, Login>;
  call(method: string, url: string, opts?: CallOptions): Promise<Response>;
  login(username: string, password: string, opts?: CallOptions): Promise<Response>;
  dispose(): Promise<void>;
}

export interface CallOptions {
  as?: Login | null;
  /** Send the session cookie but not the CSRF token. */
  noCsrf?: boolean;
  csrf?: string;
  body?: unknown;
  rawBody?: BodyInit;
  headers?: Record<string, string>;
  address?: string;
  bearer?: string;
}

export function cookieFrom(res: Response): string | null {
  const set = res.headers.getSetCookie?.() ?? [];
  for (const c of set) {
    const m = new RegExp(`^${COOKIE.replace(/[$]/g, '\\$&')}=([^;]*)`).exec(c);
    if (m && m[1]) return m[1];
  }
  return null;
}

export async function harness(backend: Backend, env: Record<string, string> = {}, opts: { bundle?: boolean; users?: boolean } = {}): Promise<Harness> {
  const security = readSecuritySettings({ ...env, ROOM39_KEY: generateKey() });
  let t: TestDb;
  let services: Services;
  let dataDir: string;
  if (opts.bundle === false) {
    t = await freshDb(backend);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-sec-'));
    const settings = readSettings({ dataDir, security });
    const { loadKeyring } = await import('../../src/testimony/keyring.ts');
    const bundle = { curated: 'current' as const, entities: 0, statements: 0, figures: 0, lists: [], testimonies: { status: 'current' as const, count: 0 } };
    services = { db: t.db, settings, bundle, keyring: loadKeyring(security), close: async () => undefined };
  } else {
    // A copy of the suite-wide loaded store (curated dataset and lists); the curated testimonies are stored with this key.
    const loaded = await openTestServices({ security });
    services = loaded.services;
    dataDir = loaded.dataDir;
    t = { db: loaded.services.db, location: loaded.dataDir, dispose: loaded.dispose };
  }
  const keyring = services.keyring!;
  const app = createApp(services, path.join(os.tmpdir(), 'room39-no-web'));
  let n = 0;
  const call = async (method: string, url: string, o: CallOptions = {}): Promise<Response> => {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.as) {
      headers.cookie = `${COOKIE}=${o.as.cookie}`;
      if (!o.noCsrf) headers['x-csrf-token'] = o.csrf ?? o.as.csrf;
    }
    if (o.bearer) headers.authorization = `Bearer ${o.bearer}`;
    let body: BodyInit | undefined = o.rawBody;
    if (o.body !== undefined) {
      body = JSON.stringify(o.body);
      headers['content-type'] ??= 'application/json';
    }
    const address = o.address ?? `10.0.${Math.floor(n / 250) % 250}.${(n++ % 250) + 1}`;
    return app.request(url, { method, headers, body }, { incoming: { socket: { remoteAddress: address } } });
  };
  const login = (username: string, password: string, o: CallOptions = {}) =>
    call('POST', '/api/auth/login', { ...o, body: { username, password } });
  const logins = {} as Record<Role, Login>;
  if (opts.users !== false) {
    for (const role of ROLES) {
      const username = `${role}-user`;
      await createUser(t.db, { username, role, password: PASSWORD }, 'test');
      const res = await login(username, PASSWORD);
      if (res.status !== 200) throw new Error(`login of ${username} failed: ${res.status} ${await res.text()}`);
      const json = (await res.json()) as { csrf_token: string };
      logins[role] = { role, username, cookie: cookieFrom(res)!, csrf: json.csrf_token };
    }
  }
  return {
    t, services, app, keyring, logins, call, login,
    async dispose() {
      await t.dispose();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
