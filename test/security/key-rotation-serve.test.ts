/**
 * Rotating the testimony key while `room39 serve` runs. The rotation once ran
 * in the command alone: the server went on with the key it started with, so
 * it could read none of the testimonies that moved, and encrypted new ones
 * with the old key, which the user was then told to retire (a server
 * restarted with the new key file alone could not read them). Now the
 * rotation goes through the server's socket and the server encrypts with the
 * new key at once; and a server takes its key file up when the file changes
 * (a key put first in it encrypts from then on), so what it writes is always
 * readable with the key file it restarts with.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadedDataDir } from '../support/services.ts';
import { writeNewKeyFile, type TestimonyKey } from '../../src/testimony/keyring.ts';
import { cli, serve, type CliRun, type Served } from '../cli/local-server.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-key-rotation-'));
const keyFile = path.join(tmp, 'testimony.key');
const NO_LISTS = { ROOM39_LIST_URL_OFAC: '', ROOM39_LIST_URL_UN: '', ROOM39_LIST_URL_UK: '', ROOM39_LIST_URL_EU: '' };
const env = { ROOM39_KEY_FILE: keyFile, ...NO_LISTS };
const PASSWORD = 'a long passphrase for the editor';
let dir = '';
let server: Served | null = null;
const keys: TestimonyKey[] = [];
const keyText = (k: TestimonyKey) => k.bytes.toString('base64');

const ok = (r: CliRun, what: string) => expect(r.code, `${what}\n${r.stderr}`).toBe(0);

async function start(): Promise<{ url: string; call: (method: string, p: string, body?: unknown) => Promise<Response> }> {
  server = await serve(dir, env);
  const url = /serving (http:\/\/\S+)/.exec(server.output())![1]!;
  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'ed', password: PASSWORD }) });
  expect(login.status).toBe(200);
  const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  const csrf = ((await login.json()) as { csrf_token: string }).csrf_token;
  const call = (method: string, p: string, body?: unknown) => fetch(`${url}${p}`, {
    method, headers: { cookie, 'x-csrf-token': csrf, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined,
  });
  return { url, call };
}

type Call = Awaited<ReturnType<typeof start>>['call'];
const record = async (call: Call, id: string) => {
  const res = await call('POST', '/api/testimony', { id, pseudonym: `Kim XX (${id})`, narrative: `What the witness said, ${id}.`, consent: 'restricted' });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { testimony: { key_id: string } }).testimony.key_id;
};
const read = async (call: Call, id: string) => {
  const res = await call('GET', `/api/testimony/${id}`);
  expect(res.status, `${id}: ${await res.clone().text()}`).toBe(200);
  return ((await res.json()) as { testimony: { pseudonym: string } }).testimony.pseudonym;
};

beforeAll(async () => {
  dir = await loadedDataDir();
  for (const name of ['k1', 'k2', 'k3']) keys.push(writeNewKeyFile(path.join(tmp, `${name}.key`)));
  fs.writeFileSync(keyFile, `${keyText(keys[0]!)}\n`, { mode: 0o600 });
  // The account is made before the server starts (the command holds the store then), as an operator would.
  ok(await cli(dir, ['user', 'add', 'ed', '--role', 'editor', '--password-stdin'], { env, input: `${PASSWORD}\n` }), 'user add');
}, 600_000);

afterAll(async () => {
  await server?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('rotating the testimony key while room39 serve runs', () => {
  it('the server reads what moved and encrypts with the new key; a key put first in the key file is taken up; all reads back after a restart', async () => {
    const [k1, k2, k3] = keys as [TestimonyKey, TestimonyKey, TestimonyKey];
    let { call } = await start();
    expect(await record(call, 'tm-rot-before')).toBe(k1.id);

    const rotated = await cli(dir, ['keys', 'rotate', '--new-key-file', path.join(tmp, 'k2.key'), '--json'], { env });
    ok(rotated, 'keys rotate');
    expect(JSON.parse(rotated.stdout)).toMatchObject({ from: [k1.id], to: k2.id });

    // The running server reads what moved, and encrypts new testimony with the new key.
    expect(await read(call, 'tm-rot-before')).toBe('Kim XX (tm-rot-before)');
    expect(await record(call, 'tm-rot-after')).toBe(k2.id);
    expect(server!.output()).toContain('rotation of the testimony key');
    const status = await cli(dir, ['keys', 'status', '--json'], { env });
    ok(status, 'keys status');
    expect((JSON.parse(status.stdout) as { usage: { key_id: string }[] }).usage.map((u) => u.key_id)).toEqual([k2.id]);

    // The key file edited as the rotation said (new key first, the old one after): a third key put first is taken up
    // without a restart, and the keys before it stay readable.
    fs.writeFileSync(keyFile, `${keyText(k3)}\n${keyText(k2)}\n${keyText(k1)}\n`);
    expect(await record(call, 'tm-staged')).toBe(k3.id);
    expect(await read(call, 'tm-rot-after')).toBe('Kim XX (tm-rot-after)');

    // A key file left readable by others is not taken up: the keys before stay in use, and the log says why.
    fs.chmodSync(keyFile, 0o644);
    expect(await record(call, 'tm-while-open')).toBe(k3.id);
    expect(server!.output()).toContain('can be read by other users');
    fs.chmodSync(keyFile, 0o600);

    // Restarted with the key file as it now is, the server reads everything written since it first started.
    await server!.stop();
    ({ call } = await start());
    for (const id of ['tm-rot-before', 'tm-rot-after', 'tm-staged', 'tm-while-open']) expect(await read(call, id)).toBe(`Kim XX (${id})`);
  }, 600_000);
});
