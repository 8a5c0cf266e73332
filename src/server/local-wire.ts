/**
 * The messages of the local socket (`room39.sock` in the data directory),
 * shared by the server's listener (local-socket.ts) and the command line's
 * client (src/cli/remote.ts). Each frame is a 4-byte length and one message
 * serialised with V8's structured clone, so query parameters and rows keep
 * their exact types (Date, Buffer, bigint, nested JSON) both ways.
 *
 * What travels is SQL against the store, as on PostgreSQL's own Unix socket:
 * the command runs in the client's process with its files, terminal and
 * environment; the server that holds the embedded database runs its queries.
 */
import v8 from 'node:v8';
import type { Socket } from 'node:net';
import { Room39Error, type ErrorCode } from '../errors.ts';
import type { BundleReport } from '../ingest/bundle.ts';
import type { IngestJobEvent } from '../ingest/jobs.ts';
import type { LocalJob, LocalJobResult } from '../services.ts';

export const SOCKET_FILE = 'room39.sock';
/** Bumped when a message changes shape: client and server of different versions refuse each other. */
export const PROTOCOL = 2;
/** Unix socket paths are limited to 108 bytes with the final NUL (Linux sun_path). */
export const MAX_SOCKET_PATH = 107;
const MAX_FRAME = 1 << 30;

export type ClientMessage =
  | { t: 'hello'; protocol: number; user: string; uid: number; pid: number; argv: string[] }
  | { t: 'query'; id: number; tx: number | null; sql: string; params: unknown[] }
  | { t: 'exec'; id: number; sql: string }
  | { t: 'begin'; id: number }
  | { t: 'commit'; id: number; tx: number }
  | { t: 'rollback'; id: number; tx: number }
  /** Work run in the server's process: an import, a list update, a search (local-jobs.ts). */
  | { t: 'job'; id: number; job: LocalJob };

export interface ReadyMessage {
  t: 'ready';
  pid: number;
  kind: 'pglite' | 'postgres';
  location: string;
  /** Migrations applied to the store the server holds. */
  migrations: string[];
  bundle: BundleReport;
}

export type ServerMessage =
  | ReadyMessage
  | { t: 'refused'; code: ErrorCode; message: string }
  | { t: 'result'; id: number; rows: unknown[] }
  | { t: 'begun'; id: number; tx: number }
  | { t: 'error'; id: number; error: WireError }
  | { t: 'job-event'; id: number; event: IngestJobEvent }
  | { t: 'job-done'; id: number; result: LocalJobResult };

/** An error as it crosses the socket: its message and own fields (a database error's SQLSTATE `code`, `detail`, `constraint` …). */
export interface WireError {
  name: string;
  message: string;
  fields: Record<string, unknown>;
}

export function toWireError(e: unknown): WireError {
  if (!(e instanceof Error)) return { name: 'Error', message: String(e), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) {
    if (v === undefined || typeof v === 'function' || k === 'stack') continue;
    try {
      v8.serialize(v);
      fields[k] = v;
    } catch {
      /* not transferable: left out */
    }
  }
  return { name: e.name, message: e.message, fields };
}

export function fromWireError(w: WireError): Error {
  // room39's own errors (a job's) come back as themselves: the command prints them and exits as it would have.
  const { code, where, field, detail } = w.fields;
  if (w.name === 'Room39Error' && typeof code === 'string' && typeof detail === 'string') {
    return new Room39Error(code as ErrorCode, detail, typeof where === 'string' ? where : null, { field: typeof field === 'string' ? field : undefined });
  }
  const e = new Error(w.message) as Error & Record<string, unknown>;
  e.name = w.name;
  Object.assign(e, w.fields);
  return e;
}

/** Writes one message; false when the socket's buffer is full (wait for 'drain'). */
export function writeMessage(socket: Socket, message: ClientMessage | ServerMessage): boolean {
  const body = v8.serialize(message);
  const head = Buffer.allocUnsafe(4);
  head.writeUInt32BE(body.length, 0);
  socket.write(head);
  return socket.write(body);
}

/** Feeds socket data in; calls `onMessage` for every whole frame. Throws on a frame no room39 peer sends. */
export function messageReader<M>(onMessage: (message: M) => void): (chunk: Buffer) => void {
  let pending: Buffer[] = [];
  let size = 0;
  let need = -1;
  return (chunk) => {
    pending.push(chunk);
    size += chunk.length;
    for (;;) {
      if (need < 0) {
        if (size < 4) return;
        const all = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
        need = all.readUInt32BE(0);
        if (need > MAX_FRAME) throw new Error(`a frame of ${need} bytes is larger than any room39 message`);
        pending = [all.subarray(4)];
        size -= 4;
      }
      if (size < need) return;
      const all = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
      const body = all.subarray(0, need);
      const rest = all.subarray(need);
      pending = rest.length ? [rest] : [];
      size = rest.length;
      need = -1;
      onMessage(v8.deserialize(body) as M);
    }
  };
}
