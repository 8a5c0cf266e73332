/**
 * The command line's side of the local socket: when `room39 serve` holds the
 * data directory, a command reaches the store through `room39.sock` instead of
 * opening the directory. The command itself runs here, unchanged, with its
 * files, terminal and environment; only its queries travel (src/server/
 * local-wire.ts), so every command, present or future, works either way and
 * gives the same answers. Imports, list updates and searches are the
 * exception: they run in the server (src/server/local-jobs.ts), which does
 * them far faster.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Settings } from '../config/settings.ts';
import { Room39Error } from '../errors.ts';
import type { Services } from '../services.ts';
import type { BatchedReads } from '../store/batches.ts';
import type { Db, Queryable, Row } from '../store/db.ts';
import type { IngestJobEvent } from '../ingest/jobs.ts';
import type { LocalJob, LocalJobResult } from '../services.ts';
import { listMigrations } from '../store/migrate.ts';
import { loadKeyring } from '../testimony/keyring.ts';
import {
  PROTOCOL, SOCKET_FILE, fromWireError, messageReader, writeMessage, type ClientMessage, type ReadyMessage, type ServerMessage,
} from '../server/local-wire.ts';

type Request = { t: 'query'; tx: number | null; sql: string; params: unknown[] } | { t: 'exec'; sql: string } | { t: 'begin' } | { t: 'commit'; tx: number } | { t: 'rollback'; tx: number } | { t: 'job'; job: LocalJob };

/** A `Db` whose queries run in the server that holds the data directory. */
class SocketDb implements Db, BatchedReads {
  readonly kind: Db['kind'];
  /** Large reads come in batches (src/store/batches.ts): the server never holds nor sends a whole table's result. */
  readonly batchedReads = true as const;
  readonly location: string;
  /** Set when the connection ended before the command closed it. */
  lost: Room39Error | null = null;
  private ended = false;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (m: ServerMessage) => void; reject: (e: Error) => void; onEvent?: (e: IngestJobEvent) => void }>();

  constructor(private readonly conn: net.Socket, ready: ReadyMessage, onMessage: (handler: (m: ServerMessage) => void) => void) {
    this.kind = ready.kind;
    this.location = ready.location;
    onMessage((m) => {
      if (!('id' in m)) return;
      const p = this.pending.get(m.id);
      if (!p) return;
      if (m.t === 'job-event') return p.onEvent?.(m.event);
      this.pending.delete(m.id);
      if (m.t === 'error') p.reject(fromWireError(m.error));
      else p.resolve(m);
    });
    conn.on('close', () => {
      if (this.ended) return;
      this.lost = new Room39Error(
        'database_unreachable',
        `the room39 server (pid ${ready.pid}) that holds the data directory stopped while this command was running; what it had not committed was not written`,
        ready.location,
      );
      for (const p of this.pending.values()) p.reject(this.lost);
      this.pending.clear();
    });
  }

  private call(request: Request, onEvent?: (e: IngestJobEvent) => void): Promise<ServerMessage> {
    if (this.lost) return Promise.reject(this.lost);
    if (this.ended) return Promise.reject(new Room39Error('database_unreachable', 'the store was closed already'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onEvent });
      writeMessage(this.conn, { ...request, id } as ClientMessage);
    });
  }

  async query<R extends object = Row>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
    const m = await this.call({ t: 'query', tx: null, sql, params: [...params] });
    return (m as Extract<ServerMessage, { t: 'result' }>).rows as R[];
  }

  async exec(sql: string): Promise<void> {
    await this.call({ t: 'exec', sql });
  }

  /** Runs a job in the server's process (src/server/local-jobs.ts); its events come back as it goes. */
  async runJob<J extends LocalJob>(job: J, onEvent: (e: IngestJobEvent) => void): Promise<LocalJobResult<J>> {
    const m = await this.call({ t: 'job', job }, onEvent);
    return (m as Extract<ServerMessage, { t: 'job-done' }>).result as LocalJobResult<J>;
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const { tx } = (await this.call({ t: 'begin' })) as Extract<ServerMessage, { t: 'begun' }>;
    let result: T;
    try {
      result = await fn({
        query: async <R extends object = Row>(sql: string, params: readonly unknown[] = []) =>
          ((await this.call({ t: 'query', tx, sql, params: [...params] })) as Extract<ServerMessage, { t: 'result' }>).rows as R[],
      });
    } catch (e) {
      await this.call({ t: 'rollback', tx }).catch(() => undefined);
      throw e;
    }
    await this.call({ t: 'commit', tx });
    return result;
  }

  async close(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    if (this.conn.destroyed) return;
    await new Promise<void>((resolve) => {
      this.conn.once('close', () => resolve());
      this.conn.end();
      setTimeout(() => { this.conn.destroy(); resolve(); }, 2000).unref();
    });
  }
}

export interface RemoteServices extends Services {
  /** The server's process, and whether the connection to it was lost before the command ended. */
  server: { pid: number; lost(): Room39Error | null };
}

/** The socket file, if one is there and may be used by this user; throws when it belongs to someone else. */
function socketFile(dataDir: string): string | null {
  const file = path.join(dataDir, SOCKET_FILE);
  const st = fs.lstatSync(file, { throwIfNoEntry: false });
  if (!st || !st.isSocket()) return null;
  const uid = typeof process.getuid === 'function' ? process.getuid() : null;
  if (uid !== null && st.uid !== uid) {
    throw new Room39Error('forbidden', `the local socket belongs to another OS user (uid ${st.uid}, you are uid ${uid}): room39 will not send your command to another user's server; run it as the user who runs room39 serve`, file);
  }
  if ((st.mode & 0o077) !== 0) {
    throw new Room39Error('forbidden', `the local socket is open to other users (mode ${(st.mode & 0o777).toString(8)}); room39 serve makes it 600: stop whatever made it, then restart room39 serve`, file);
  }
  return file;
}

function connect(file: string): Promise<net.Socket | null> {
  return new Promise((resolve, reject) => {
    const conn = net.connect(file);
    conn.once('connect', () => { conn.removeAllListeners('error'); resolve(conn); });
    conn.once('error', (e: NodeJS.ErrnoException) => {
      // Nobody listens: a socket file left by a server that was killed. The directory is opened directly instead.
      if (e.code === 'ECONNREFUSED' || e.code === 'ENOENT') resolve(null);
      else reject(new Room39Error('database_unreachable', `cannot reach the running room39 server (${e.code ?? e.message})`, file));
    });
  });
}

function awaitReady(conn: net.Socket, file: string, log: (m: string) => void): Promise<{ ready: ReadyMessage; onMessage: (h: (m: ServerMessage) => void) => void }> {
  return new Promise((resolve, reject) => {
    let handler: ((m: ServerMessage) => void) | null = null;
    const slow = setTimeout(() => log('room39: waiting for the running room39 serve to take this command (it is busy)…'), 2000);
    const read = messageReader<ServerMessage>((m) => {
      if (handler) return handler(m);
      clearTimeout(slow);
      if (m.t === 'ready') resolve({ ready: m, onMessage: (h) => { handler = h; } });
      else if (m.t === 'refused') reject(new Room39Error(m.code, `the running room39 serve refused the command: ${m.message}`, file));
    });
    conn.on('data', (chunk: Buffer) => {
      try {
        read(chunk);
      } catch (e) {
        conn.destroy(e as Error);
      }
    });
    conn.on('error', () => undefined);
    conn.once('close', () => {
      clearTimeout(slow);
      reject(new Room39Error('database_unreachable', 'the running room39 serve closed the connection before taking the command', file));
    });
  });
}

/**
 * Connects to the `room39 serve` that holds this data directory, if one
 * listens; null when there is no server (no socket, or one left by a killed
 * server). `argv` is recorded in the server's audit trail.
 */
export async function connectLocalServer(settings: Settings, argv: string[], log: (m: string) => void): Promise<RemoteServices | null> {
  const file = socketFile(settings.dataDir);
  if (!file) return null;
  // As when opening the directory: a bad key file stops the command before the store is touched.
  const keyring = loadKeyring(settings.security);
  const conn = await connect(file);
  if (!conn) return null;
  const user = os.userInfo();
  writeMessage(conn, { t: 'hello', protocol: PROTOCOL, user: user.username, uid: user.uid, pid: process.pid, argv });
  let ready: ReadyMessage;
  let onMessage: (h: (m: ServerMessage) => void) => void;
  try {
    ({ ready, onMessage } = await awaitReady(conn, file, log));
    const known = listMigrations().map((m) => m.id);
    if (known.join() !== ready.migrations.join()) {
      throw new Room39Error('conflict', `the running room39 serve (pid ${ready.pid}) was started from another room39 version (its store schema differs from this command line's): restart room39 serve`, settings.dataDir);
    }
  } catch (e) {
    conn.destroy();
    throw e;
  }
  const db = new SocketDb(conn, ready, onMessage);
  return {
    db,
    settings,
    bundle: ready.bundle,
    keyring,
    server: { pid: ready.pid, lost: () => db.lost },
    runJob: (job, onEvent) => db.runJob(job, onEvent),
    close: () => db.close(),
  };
}
