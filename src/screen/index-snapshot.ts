/**
 * The screening index kept beside an embedded store: after a build, the matcher's gathered names and the entities'
 * dates are written to a file in the PGlite data directory, and the next process on that directory (a restarted
 * `room39 serve`, a `room39 screen` or `case` command) reads them back in about a second instead of rebuilding them
 * (5–8 CPU-seconds with the official lists). The file is used only while it describes the store as it is: its header
 * holds a fingerprint of every table the index is built from (row count and newest row version of each: any insert,
 * update or delete since changes it) and of the code that built it (a hash of the sources); anything else, a file
 * cut short or unreadable included, is ignored and the index is built as before. PostgreSQL stores keep no file.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../config/settings.ts';
import { underlyingDb, type Db, type Queryable } from '../store/db.ts';
import { IndexNames, MatchIndex, type Slices } from '../match/candidate-index.ts';
import { Matcher } from '../match/matcher.ts';
import type { MatchableEntity } from '../match/types.ts';
import type { EntityDates } from './index-facts.ts';

const gzip = promisify(zlib.gzip);
const gunzip = promisify(zlib.gunzip);

export const SNAPSHOT_FILE = 'screening-index.snapshot';
const MAGIC = 'room39 screening index 1';

/**
 * Every table the index and the entities' dates are read from (store-index.ts, index-facts.ts, store/flags.ts,
 * store/canonical.ts, store/resolver.ts, store/list-seen.ts, store/catalog.ts; `list_latest` and `list_seen` are views of
 * `list_versions`). test/screen/index-snapshot.test.ts checks the list against the tables those modules name.
 */
export const INDEX_INPUT_TABLES = [
  'entities', 'statements', 'entity_names', 'sources', 'deployments', 'list_versions', 'list_changes',
  'judgements', 'canonical_ids', 'resolver_state',
] as const;

/** The store's graph as the index sees it: the cluster's identity, then each input table's row count and newest row version. */
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

/** Where a store keeps its snapshot: its PGlite data directory (null for PostgreSQL, or when turned off). */
export function snapshotPath(q: Queryable, enabled: boolean): string | null {
  if (!enabled || !isDb(q)) return null;
  const db = underlyingDb(q);
  return db.kind === 'pglite' && fs.existsSync(db.location) ? path.join(db.location, SNAPSHOT_FILE) : null;
}

const isDb = (q: Queryable): q is Db => 'kind' in q && 'location' in q;

interface Header { magic: string; code: string; fingerprint: string; parts: number }

const ENTITY_CHUNK = 2_000;
const NAME_CHUNK = 5_000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** What a built matcher holds that is costly to make: its gathered names (IndexNames), and the entities' dates. */
function payloadParts(matcher: Matcher, dates: Map<string, EntityDates>): unknown[] {
  const index = matcher.index.gathered();
  return [
    { entityChunks: Math.ceil(index.entities.length / ENTITY_CHUNK), nameChunks: Math.ceil(index.names.length / NAME_CHUNK) },
    ...chunks(index.entities, ENTITY_CHUNK), ...chunks(index.names, NAME_CHUNK),
    index.namesOf, index.postings, index.deletionPostings, index.byIdentifier, index.df, dates,
  ];
}

/** Writes the snapshot (a file of its own first, then renamed over the old one: a reader never sees half of it). */
export async function writeIndexSnapshot(file: string, fingerprint: string, matcher: Matcher, dates: Map<string, EntityDates>, slices: Slices): Promise<void> {
  const code = codeVersion();
  if (!code) return;
  const buffers: Buffer[] = [];
  for (const part of payloadParts(matcher, dates)) {
    const bytes = v8.serialize(part);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    buffers.push(length, bytes);
    if (slices.due()) await slices.pause();
  }
  const header: Header = { magic: MAGIC, code, fingerprint, parts: buffers.length / 2 };
  const body = await gzip(Buffer.concat(buffers), { level: 1 });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    await fs.promises.writeFile(temporary, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), body]), { mode: 0o600 });
    await fs.promises.rename(temporary, file);
  } finally {
    await fs.promises.rm(temporary, { force: true });
  }
}

export interface IndexSnapshot { matcher: Matcher; dates: Map<string, EntityDates> }

/** The matcher and dates of the snapshot at `file` when it was written for this store as it is now and this code; else null. */
export async function readIndexSnapshot(file: string, fingerprint: string, slices: Slices): Promise<IndexSnapshot | null> {
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
    if (header.magic !== MAGIC || header.code !== code || header.fingerprint !== fingerprint) return null;
    const body = await gunzip(bytes.subarray(newline + 1));
    const parts: unknown[] = [];
    for (let at = 0; parts.length < header.parts; ) {
      const length = body.readUInt32BE(at);
      parts.push(v8.deserialize(body.subarray(at + 4, at + 4 + length)));
      at += 4 + length;
      if (slices.due()) await slices.pause();
    }
    return fromParts(parts);
  } catch {
    return null; // cut short, or written by something else: the index is built instead
  }
}

function fromParts(parts: unknown[]): IndexSnapshot {
  const { entityChunks, nameChunks } = parts[0] as { entityChunks: number; nameChunks: number };
  const entities = (parts.slice(1, 1 + entityChunks) as MatchableEntity[][]).flat();
  const names = (parts.slice(1 + entityChunks, 1 + entityChunks + nameChunks) as IndexNames['names'][number][][]).flat();
  const [namesOf, postings, deletionPostings, byIdentifier, df, dates] = parts.slice(1 + entityChunks + nameChunks) as [
    number[][], Map<string, number[]>, Map<string, number[]>, Map<string, number[]>, Map<string, number>, Map<string, EntityDates>,
  ];
  const gathered = IndexNames.restore({ entities, names, namesOf, postings, deletionPostings, byIdentifier, df });
  return { matcher: new Matcher(new MatchIndex(gathered)), dates };
}
