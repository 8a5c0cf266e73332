/**
 * In-memory indexes kept beside an embedded store (the screening index, screen/index-snapshot.ts; the search index,
 * store/search.ts): what a build made is written to a file in the PGlite data directory, and the next process on that
 * directory reads it back instead of building it again. A file is used only while it describes the store as it is:
 * its header holds a fingerprint of every table the index is built from (row count and newest row version of each:
 * any insert, update or delete since changes it; the cluster's identity) and a hash of the sources of the code that
 * wrote it; anything else, a file cut short or unreadable included, is ignored and the index is built as before.
 * PostgreSQL stores keep no file.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import { indexSnapshotEnabled, REPO_ROOT } from '../config/settings.ts';
import { underlyingDb, type Db, type Queryable } from './db.ts';

const gzip = promisify(zlib.gzip);
const gunzip = promisify(zlib.gunzip);

/** Long work done in slices, so a server holding the store answers meanwhile (match/candidate-index.ts `slicesOf`). */
export interface Pauses {
  due(): boolean;
  pause(): Promise<void>;
}

/**
 * Every table the screening and search indexes are built from (screen/store-index.ts, screen/index-facts.ts,
 * store/search.ts, store/flags.ts, store/canonical.ts, store/resolver.ts, store/list-seen.ts, store/catalog.ts;
 * `list_latest` and `list_seen` are views of `list_versions`). test/store/snapshot-file.test.ts checks the list
 * against the tables those modules name.
 */
export const INDEX_INPUT_TABLES = [
  'entities', 'statements', 'entity_names', 'sources', 'deployments', 'list_versions', 'list_changes',
  'judgements', 'canonical_ids', 'resolver_state',
] as const;

/** The store's graph as the indexes see it: the cluster's identity, then each input table's row count and newest row version. */
export async function indexInputFingerprint(q: Queryable): Promise<string> {
  const parts = INDEX_INPUT_TABLES.map((t) => `(SELECT count(*)::text || '/' || coalesce(max(xmin::text::bigint), 0)::text FROM ${t})`);
  const [row] = await q.query<{ f: string }>(
    `SELECT concat_ws(' ', (SELECT system_identifier::text FROM pg_control_system()), ${parts.join(', ')}) AS f`,
  );
  return row?.f ?? '';
}

let codeHash: string | null | undefined;
/** A hash of the sources the running code was built from (null when they are not beside it: no file is written or read). */
export function codeVersion(): string | null {
  if (codeHash !== undefined) return codeHash;
  const root = path.join(REPO_ROOT, 'src');
  if (!fs.existsSync(root)) return (codeHash = null);
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) hash.update(path.relative(root, full)).update('\0').update(fs.readFileSync(full)).update('\0');
    }
  };
  walk(root);
  return (codeHash = hash.digest('hex').slice(0, 32));
}

const isDb = (q: Queryable): q is Db => 'kind' in q && 'location' in q;

/** Where a store keeps the snapshot called `name`: in its PGlite data directory (null for PostgreSQL, or when turned off). */
export function snapshotPath(q: Queryable, name: string): string | null {
  if (!indexSnapshotEnabled() || !isDb(q)) return null;
  const db = underlyingDb(q);
  return db.kind === 'pglite' && fs.existsSync(db.location) ? path.join(db.location, name) : null;
}

interface Header { magic: string; code: string; fingerprint: string; parts: number }

/** Writes the parts (each serialised on its own, with a pause between), to a file of its own first, then renamed over the old one. */
export async function writeSnapshot(file: string, magic: string, fingerprint: string, parts: readonly unknown[], pauses: Pauses): Promise<void> {
  const code = codeVersion();
  if (!code) return;
  const buffers: Buffer[] = [];
  for (const part of parts) {
    const bytes = v8.serialize(part);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    buffers.push(length, bytes);
    if (pauses.due()) await pauses.pause();
  }
  const header: Header = { magic, code, fingerprint, parts: parts.length };
  const body = await gzip(Buffer.concat(buffers), { level: 1 });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    await fs.promises.writeFile(temporary, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), body]), { mode: 0o600 });
    await fs.promises.rename(temporary, file);
  } finally {
    await fs.promises.rm(temporary, { force: true });
  }
}

/** The parts of the snapshot at `file` when it was written by this code for the store as it is now (`fingerprint`); else null. */
export async function readSnapshot(file: string, magic: string, fingerprint: string, pauses: Pauses): Promise<unknown[] | null> {
  const code = codeVersion();
  if (!code) return null;
  let bytes: Buffer;
  try {
    bytes = await fs.promises.readFile(file);
  } catch {
    return null;
  }
  try {
    const newline = bytes.indexOf(0x0a);
    const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as Header;
    if (header.magic !== magic || header.code !== code || header.fingerprint !== fingerprint) return null;
    const body = await gunzip(bytes.subarray(newline + 1));
    const parts: unknown[] = [];
    for (let at = 0; parts.length < header.parts; ) {
      const length = body.readUInt32BE(at);
      parts.push(v8.deserialize(body.subarray(at + 4, at + 4 + length)));
      at += 4 + length;
      if (pauses.due()) await pauses.pause();
    }
    return parts;
  } catch {
    return null; // cut short, or written by something else: the index is built instead
  }
}

/** Snapshots being written, by file: a store waits for them before it closes (services.ts). */
const writing = new Map<string, Promise<void>>();

/** Writes a snapshot in the background; a failure only means the next process builds the index. */
export function keepSnapshot(file: string, write: () => Promise<void>): void {
  const written = write().catch(() => undefined);
  writing.set(file, written);
  void written.finally(() => { if (writing.get(file) === written) writing.delete(file); });
}

/** Resolves once every snapshot of this store being written is written (or has failed). */
export async function snapshotsWritten(q: Queryable): Promise<void> {
  const dir = isDb(q) ? underlyingDb(q).location : null;
  if (!dir) return;
  await Promise.all([...writing].filter(([file]) => path.dirname(file) === path.resolve(dir)).map(([, w]) => w));
}
