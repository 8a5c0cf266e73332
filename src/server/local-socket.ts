/**
 * The local socket: while `room39 serve` holds an embedded data directory,
 * the command line reaches the store through `room39.sock` inside it, the
 * way PostgreSQL's clients reach it through its Unix socket. The socket is
 * owner-only (mode 0600); a client of another OS user is refused; every
 * connection (one command) is recorded in the audit trail with the OS user
 * and its arguments. A client that goes away leaves nothing half-written:
 * its open transaction is rolled back. Imports, list updates and searches run
 * here, in the server's process (local-jobs.ts); an import is called off the
 * same way.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Services } from '../services.ts';
import type { Queryable } from '../store/db.ts';
import { appliedMigrations } from '../store/migrate.ts';
import { appendAudit } from '../audit/log.ts';
import { osUserActor } from '../audit/doors.ts';
import { runLocalJob } from './local-jobs.ts';
import { securityState } from './security-state.ts';
import { abortable } from '../store/abortable.ts';
import { Room39Error } from '../errors.ts';
import {
  MAX_SOCKET_PATH, PROTOCOL, SOCKET_FILE, messageReader, toWireError, writeMessage, type ClientMessage, type ServerMessage,
} from './local-wire.ts';

/** A transaction left without a query this long is rolled back and its client cut off (PostgreSQL's idle_in_transaction_session_timeout). */
const IDLE_IN_TRANSACTION_MS = 5 * 60_000;

export interface LocalSocket {
  path: string;
  close(): Promise<void>;
}

type TxStep = Extract<ClientMessage, { t: 'query' | 'commit' | 'rollback' }>;

/** The steps of one open transaction, handed to the function that runs inside it. */
class TxQueue {
  private steps: TxStep[] = [];
  private waiting: { resolve: (s: TxStep) => void; reject: (e: Error) => void } | null = null;
  private failure: Error | null = null;

  push(step: TxStep): void {
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = null;
      w.resolve(step);
    } else this.steps.push(step);
  }

  fail(e: Error): void {
    this.failure = e;
    this.waiting?.reject(e);
    this.waiting = null;
  }

  next(): Promise<TxStep> {
    const step = this.steps.shift();
    if (step) return Promise.resolve(step);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.fail(new Error('the transaction stayed idle too long')), IDLE_IN_TRANSACTION_MS);
      this.waiting = {
        resolve: (s) => { clearTimeout(timer); resolve(s); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      };
    });
  }
}

class Rollback extends Error {}

/** One client connection: one command of the command line. */
class LocalSession {
  private hello = false;
  private pid = 0;
  private closed = false;
  private user = '';
  private nextTx = 1;
  private readonly txs = new Map<number, TxQueue>();
  private readonly jobs = new Set<AbortController>();

  constructor(
    private readonly conn: net.Socket,
    private readonly services: Services,
    private readonly log: (m: string) => void,
    /** Open transactions and jobs of every session: the listener waits for them to end when it closes. */
    private readonly open: Set<Promise<unknown>>,
  ) {
    const read = messageReader<ClientMessage>((m) => this.onMessage(m));
    conn.on('data', (chunk: Buffer) => {
      try {
        read(chunk);
      } catch (e) {
        this.log(`room39: local socket: dropped a client that sent a malformed frame (${(e as Error).message})`);
        conn.destroy();
      }
    });
    conn.on('close', () => this.onClose());
    conn.on('error', () => undefined);
  }

  private send(m: ServerMessage): void {
    if (!this.closed && !this.conn.destroyed) writeMessage(this.conn, m);
  }

  private onClose(): void {
    this.closed = true;
    for (const q of this.txs.values()) q.fail(new Error('the client went away'));
    this.txs.clear();
    for (const job of this.jobs) job.abort(new Room39Error('conflict', 'the command that asked for it went away; nothing of it was written'));
  }

  /** Runs a command's job here (local-jobs.ts); an import is called off (rolled back) if the command goes away. */
  private runJob(m: Extract<ClientMessage, { t: 'job' }>): void {
    const abort = new AbortController();
    this.jobs.add(abort);
    const job = m.job;
    // Imports and list updates are named in the log, with how they ended; searches, like queries, are not.
    const what = job.kind === 'import' ? `import of ${job.named}` : job.kind === 'update-lists' ? `update of ${job.lists.join(', ')}`
      : job.kind === 'rotate-key' ? 'rotation of the testimony key' : null;
    if (what) this.log(`room39: running the ${what} for cli:${this.user} (pid ${this.pid})`);
    // Reads go to the store itself, whose caches (the name index) are kept by its identity; writes can be called off.
    const db = what && job.kind !== 'rotate-key' ? abortable(this.services.db, abort.signal) : this.services.db;
    const done = runLocalJob(db, job, {
      actor: osUserActor(this.user),
      onEvent: (event) => this.send({ t: 'job-event', id: m.id, event }),
    }, securityState(this.services).keys).then(
      (result) => {
        if (what) this.log(`room39: the ${what} for pid ${this.pid} ended`);
        this.send({ t: 'job-done', id: m.id, result });
      },
      (e: unknown) => {
        if (what) this.log(`room39: the ${what} for pid ${this.pid} failed: ${e instanceof Error ? e.message : String(e)}`);
        this.send({ t: 'error', id: m.id, error: toWireError(e) });
      },
    ).finally(() => this.jobs.delete(abort));
    this.open.add(done);
    void done.finally(() => this.open.delete(done));
  }

  private onMessage(m: ClientMessage): void {
    if (!this.hello) {
      if (m.t !== 'hello') return void this.conn.destroy();
      this.hello = true;
      this.pid = m.pid;
      this.user = m.user;
      void this.greet(m);
      return;
    }
    switch (m.t) {
      case 'query':
        if (m.tx === null) void this.answer(m.id, () => this.services.db.query(m.sql, m.params));
        else {
          const queue = this.txs.get(m.tx);
          if (queue) queue.push(m);
          else this.send({ t: 'error', id: m.id, error: toWireError(new Error('no such transaction')) });
        }
        return;
      case 'exec':
        void this.answer(m.id, async () => { await this.services.db.exec(m.sql); return []; });
        return;
      case 'begin':
        this.begin(m.id);
        return;
      case 'commit':
      case 'rollback':
        this.txs.get(m.tx)?.push(m);
        return;
      case 'job':
        this.runJob(m);
        return;
      default:
        this.conn.destroy();
    }
  }

  private async greet(m: Extract<ClientMessage, { t: 'hello' }>): Promise<void> {
    const refuse = (message: string) => {
      this.send({ t: 'refused', code: 'forbidden', message });
      this.conn.end();
    };
    if (m.protocol !== PROTOCOL) return refuse(`this server speaks local protocol ${PROTOCOL}, the command line ${m.protocol}: run both from the same room39 version`);
    // The socket's mode already keeps other users out; a client that says it is someone else is refused too.
    if (typeof process.getuid === 'function' && m.uid !== process.getuid()) return refuse('the local socket serves only the OS user who runs room39 serve');
    try {
      const db = this.services.db;
      await appendAudit(db, { actor: `cli:${m.user}`, action: 'cli.command', target: null, meta: { argv: m.argv, pid: m.pid, uid: m.uid, via: 'local socket' } });
      this.log(`room39: local command from cli:${m.user} (pid ${m.pid}): ${m.argv[0] ?? ''}`);
      this.send({ t: 'ready', pid: process.pid, kind: db.kind, location: db.location, migrations: await appliedMigrations(db), bundle: this.services.bundle });
    } catch (e) {
      this.send({ t: 'refused', code: 'database_unreachable', message: `the server could not take the command: ${(e as Error).message}` });
      this.conn.end();
    }
  }

  private async answer(id: number, run: () => Promise<unknown[]>): Promise<void> {
    try {
      this.send({ t: 'result', id, rows: await run() });
    } catch (e) {
      this.send({ t: 'error', id, error: toWireError(e) });
    }
  }

  /** Opens a transaction that lives until the client commits, rolls back or goes away. */
  private begin(id: number): void {
    const tx = this.nextTx++;
    const queue = new TxQueue();
    this.txs.set(tx, queue);
    let begun = false;
    let last: TxStep | null = null;
    const run = async (q: Queryable) => {
      begun = true;
      this.send({ t: 'begun', id, tx });
      for (;;) {
        const step = await queue.next();
        last = step;
        if (step.t === 'commit') return;
        if (step.t === 'rollback') throw new Rollback();
        await this.answer(step.id, () => q.query(step.sql, step.params));
      }
    };
    const settled = (e: unknown | null) => {
      this.txs.delete(tx);
      const end = last as TxStep | null;
      if (!begun) return this.send({ t: 'error', id, error: toWireError(e) });
      if (end && (end.t === 'commit' || end.t === 'rollback')) {
        return this.send(e === null || e instanceof Rollback ? { t: 'result', id: end.id, rows: [] } : { t: 'error', id: end.id, error: toWireError(e) });
      }
      // Rolled back because the client went away or left it idle: nothing of it was written.
      if (!this.closed) {
        this.log(`room39: local socket: rolled back a transaction of pid ${this.pid} (${(e as Error).message}) and closed its connection`);
        this.conn.destroy();
      }
    };
    const done = this.services.db.transaction(run).then(() => settled(null), settled);
    this.open.add(done);
    void done.finally(() => this.open.delete(done));
  }
}

/** Removes a socket file no process listens on (left by a server that was killed); refuses anything else. */
async function clearStaleSocket(file: string): Promise<void> {
  const st = fs.lstatSync(file, { throwIfNoEntry: false });
  if (!st) return;
  if (!st.isSocket()) throw new Room39Error('conflict', 'exists and is not a socket: move it away, then start again', file);
  if (typeof process.getuid === 'function' && st.uid !== process.getuid()) {
    throw new Room39Error('forbidden', `belongs to another OS user (uid ${st.uid}): room39 serve will not replace it`, file);
  }
  const live = await new Promise<boolean>((resolve) => {
    const c = net.connect(file);
    c.once('connect', () => { c.destroy(); resolve(true); });
    c.once('error', () => resolve(false));
  });
  if (live) throw new Room39Error('conflict', 'another process answers on this socket: is room39 serve running already?', file);
  fs.unlinkSync(file);
}

/** Listens on `room39.sock` in the data directory (owner-only). */
export async function listenLocalSocket(services: Services, log: (m: string) => void): Promise<LocalSocket> {
  const file = path.join(services.settings.dataDir, SOCKET_FILE);
  if (Buffer.byteLength(file) > MAX_SOCKET_PATH) {
    throw new Room39Error('invalid_input', `the local socket's path would be ${Buffer.byteLength(file)} bytes, more than the ${MAX_SOCKET_PATH} a Unix socket allows: use a shorter --data path`, file);
  }
  await clearStaleSocket(file);
  const connections = new Set<net.Socket>();
  const transactions = new Set<Promise<unknown>>();
  const server = net.createServer((conn) => {
    connections.add(conn);
    conn.on('close', () => connections.delete(conn));
    new LocalSession(conn, services, log, transactions);
  });
  // The socket is created owner-only (umask), then its mode is set explicitly.
  const umask = process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(file, () => resolve());
    });
  } finally {
    process.umask(umask);
  }
  fs.chmodSync(file, 0o600);
  return {
    path: file,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const c of connections) c.destroy();
      await Promise.allSettled([...transactions]);
      await closed;
    },
  };
}
