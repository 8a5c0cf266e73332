/**
 * Issue 12, bad input for the local socket: a socket of another user or open
 * to others (refused), a client that lies about who it is, two commands at
 * once (with and without a server), a server killed in the middle of an
 * import (the command says so, exits non-zero, nothing half-written), the
 * socket file that killed server leaves behind, and a command killed in the
 * middle of its transaction.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadedDataDir } from '../support/services.ts';
import { messageReader, writeMessage, PROTOCOL, SOCKET_FILE, type ServerMessage } from '../../src/server/local-wire.ts';
import { cli, serve, startCli, type CliRun, type Served } from './local-server.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-socket-bad-'));
let dir = '';
let sock = '';
let server: Served | null = null;

const ok = (r: CliRun, what: string) => expect(r.code, `${what}\n${r.stderr}`).toBe(0);
const usernames = async (d: string) => {
  const r = await cli(d, ['user', 'list', '--json']);
  ok(r, 'user list');
  return (JSON.parse(r.stdout) as { users: { username: string }[] }).users.map((u) => u.username).sort();
};

/** FtM lines of `n` synthetic people: an import long enough to be cut off in the middle. */
function bigFtm(n: number): string {
  const file = path.join(tmp, 'socket-big.ftm.json');
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(JSON.stringify({ id: `socket-big-${i}`, schema: 'Person', properties: { name: [`Socketed Person ${i}`], nationality: ['kp'], notes: [`synthetic row ${i}`] } }));
  }
  fs.writeFileSync(file, out.join('\n') + '\n');
  return file;
}

/** Talks to the socket directly: what the server answers to a hello. */
function hello(uid: number, protocol = PROTOCOL): Promise<ServerMessage> {
  return new Promise((resolve, reject) => {
    const c = net.connect(sock);
    c.on('data', messageReader<ServerMessage>((m) => { c.destroy(); resolve(m); }));
    c.on('error', reject);
    writeMessage(c, { t: 'hello', protocol, user: 'mallory', uid, pid: process.pid, argv: ['search', 'x'] });
  });
}

beforeAll(async () => {
  dir = await loadedDataDir();
  sock = path.join(dir, SOCKET_FILE);
  server = await serve(dir);
}, 600_000);

afterAll(async () => {
  await server?.stop('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the local socket of room39 serve', () => {
  it('is in the data directory, a socket of the owner, mode 600', () => {
    const st = fs.lstatSync(sock);
    expect(st.isSocket()).toBe(true);
    expect(st.mode & 0o777).toBe(0o600);
    expect(st.uid).toBe(process.getuid!());
  });

  it('refuses a client that says it is another OS user, or speaks another protocol', async () => {
    expect(await hello(process.getuid!() + 1)).toMatchObject({ t: 'refused', code: 'forbidden', message: expect.stringMatching(/only the OS user who runs room39 serve/) });
    expect(await hello(process.getuid!(), PROTOCOL + 1)).toMatchObject({ t: 'refused', message: expect.stringMatching(/protocol/) });
    expect(await hello(process.getuid!())).toMatchObject({ t: 'ready', pid: server!.pid });
  });

  it('a command refuses a socket owned by another user, or open to other users', async () => {
    fs.chownSync(sock, 65534, 65534);
    try {
      const r = await cli(dir, ['search', 'Mansudae', '--json']);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/room39\.sock: the local socket belongs to another OS user \(uid 65534/);
      expect(r.stdout).toBe('');
    } finally {
      fs.chownSync(sock, process.getuid!(), process.getgid!());
    }
    fs.chmodSync(sock, 0o666);
    try {
      const r = await cli(dir, ['search', 'Mansudae', '--json']);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/open to other users \(mode 666\)/);
    } finally {
      fs.chmodSync(sock, 0o600);
    }
    ok(await cli(dir, ['search', 'Mansudae', '--json']), 'search after the socket was put right');
  }, 300_000);

  it('takes several commands at once', async () => {
    const runs = await Promise.all([
      cli(dir, ['user', 'add', 'ann', '--role', 'viewer', '--password-stdin'], { input: 'password for ann 123\n' }),
      cli(dir, ['user', 'add', 'ben', '--role', 'editor', '--password-stdin'], { input: 'password for ben 123\n' }),
      cli(dir, ['user', 'add', 'cat', '--role', 'admin', '--generate-password']),
      cli(dir, ['search', 'Mansudae', '--json']),
    ]);
    runs.forEach((r, i) => ok(r, `command ${i}`));
    expect(await usernames(dir)).toEqual(['ann', 'ben', 'cat']);
    expect(server!.output().match(/local command from cli:\S+ \(pid \d+\): user/g)!.length).toBeGreaterThanOrEqual(4);
  }, 300_000);

  it('a command killed in the middle of its import leaves nothing behind; the server goes on', async () => {
    const file = bigFtm(30_000);
    const before = server!.output().length;
    const running = startCli(dir, ['import', 'ftm', file, '--dataset', 'socket_cut', '--date', '2026-01-01']);
    // The import runs in the server (src/ingest/jobs.ts); the command that asked for it is killed while it runs.
    await server!.waitFor(/running the import of \S+ for cli:\S+ \(pid \d+\)/, 120_000);
    expect(server!.output().length).toBeGreaterThan(before);
    await new Promise((r) => setTimeout(r, 300));
    running.child.kill('SIGKILL');
    await running.done;
    await server!.waitFor(/the import of \S+ for pid \d+ failed: the command that asked for it went away/, 120_000);
    const search = await cli(dir, ['search', 'Socketed Person 12', '--json']);
    ok(search, 'search after the cut import');
    expect((JSON.parse(search.stdout) as { results: { id: string }[] }).results.filter((x) => x.id.startsWith('socket-big-'))).toEqual([]);
  }, 600_000);

  it('a server killed in the middle of an import: the command says so and exits non-zero; nothing is half-written', async () => {
    const file = bigFtm(30_000);
    const running = startCli(dir, ['import', 'ftm', file, '--dataset', 'socket_killed', '--date', '2026-01-02']);
    await server!.waitFor(/running the import of \S+ for cli:[\s\S]*running the import of \S+ for cli:/, 120_000);
    await new Promise((r) => setTimeout(r, 300));
    await server!.stop('SIGKILL');
    server = null;
    const r = await running.done;
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the room39 server \(pid \d+\) that holds the data directory stopped while this command was running/);

    // The killed server left its socket file and lock behind: a command opens the directory itself.
    expect(fs.existsSync(sock)).toBe(true);
    const diff = await cli(dir, ['diff', '--initial', '--dataset', 'socket_killed', '--json']);
    ok(diff, 'diff on the directory the killed server left');
    expect((JSON.parse(diff.stdout) as { changes: unknown[] }).changes).toEqual([]);
    const audit = await cli(dir, ['audit', 'verify', '--json']);
    ok(audit, 'audit verify');
    expect(JSON.parse(audit.stdout)).toMatchObject({ ok: true });
  }, 600_000);

  it('a new server replaces the stale socket, and commands go through it again', async () => {
    expect(fs.existsSync(sock)).toBe(true);
    server = await serve(dir);
    const r = await cli(dir, ['entity', 'r39-kim-won-hong', '--json']);
    ok(r, 'entity through the new server');
    expect(server.output()).toMatch(/local command from cli:\S+ \(pid \d+\): entity/);
    await server.stop();
    server = null;
    expect(fs.existsSync(sock)).toBe(false);
  }, 600_000);

  it('without a server, two commands at once: the second waits for the first', async () => {
    const runs = await Promise.all([
      cli(dir, ['user', 'add', 'dan', '--role', 'viewer', '--password-stdin'], { input: 'password for dan 123\n' }),
      cli(dir, ['user', 'add', 'eve', '--role', 'viewer', '--password-stdin'], { input: 'password for eve 123\n' }),
    ]);
    runs.forEach((r, i) => ok(r, `command ${i}`));
    expect(await usernames(dir)).toEqual(['ann', 'ben', 'cat', 'dan', 'eve']);
  }, 600_000);
});
