/**
 * The audit trail: who did what, when, to which record, with the record
 * before and after. Append-only and hash-chained: each row's hash covers its
 * number, content and the previous row's hash, and `audit_head` holds the
 * number and hash of the last row. `verifyAudit` recomputes the chain and
 * reports every row edited, deleted, inserted or moved, and a cut-off tail.
 *
 * Protected values never enter the log: callers pass redacted views
 * (src/testimony/store.ts records which protected fields changed, not what
 * they hold).
 */
import { createHash } from 'node:crypto';
import type { Db, Queryable } from '../store/db.ts';

export const GENESIS_HASH = createHash('sha256').update('room39 audit log').digest('hex');

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface AuditEntry {
  /** Who: `user:<name>`, `token:<name>/<token id>`, `cli:<os user>`, `anonymous@<address>` or `system`. */
  actor: string;
  /** What, as `<thing>.<verb>`: `testimony.read`, `user.create`, `review.accept` … */
  action: string;
  /** Which record (an id), if one. */
  target?: string | null;
  before?: JsonValue | null;
  after?: JsonValue | null;
  /** Anything else worth keeping: request address, reason, counts. */
  meta?: JsonValue | null;
}

export interface AuditRecord {
  n: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  before: JsonValue | null;
  after: JsonValue | null;
  meta: JsonValue | null;
  prev_hash: string;
  hash: string;
}

/** JSON with object keys sorted at every depth: jsonb reorders keys, so the hash must not depend on their order. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj).filter((k) => obj[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export function recordHash(r: Omit<AuditRecord, 'hash'>): string {
  return createHash('sha256')
    .update(canonicalJson([r.n, r.at, r.actor, r.action, r.target, r.before, r.after, r.meta, r.prev_hash]))
    .digest('hex');
}

/**
 * Text the database can hold: PostgreSQL text and jsonb refuse U+0000 and
 * lone surrogates, and a NUL in a path or name must not lose the record that
 * names it; each becomes U+FFFD.
 */
const textSafe = (s: string) => s.replace(/\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

/** A value as jsonb will store it: JSON data, every string (and key) text-safe. */
function jsonSafe(v: JsonValue | null | undefined): JsonValue | null {
  if (v === undefined || v === null) return null;
  const clean = (x: unknown): JsonValue => {
    if (typeof x === 'string') return textSafe(x);
    if (Array.isArray(x)) return x.map(clean);
    if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, val]) => [textSafe(k), clean(val)]));
    return x as JsonValue;
  };
  return clean(JSON.parse(JSON.stringify(v)));
}

/**
 * The time of a record at the precision the database stores (microseconds),
 * as the text `verifyAudit` reads back (AT_TEXT): the hash covers exactly
 * what is stored, so a timestamp changed by a microsecond is found.
 */
function nowMicros(): string {
  const us = Math.floor((performance.timeOrigin + performance.now()) * 1000);
  const iso = new Date(Math.floor(us / 1000)).toISOString();
  return `${iso.slice(0, 23)}${String(us % 1000).padStart(3, '0')}Z`;
}

/** A record's stored time as text, to the microsecond, in UTC. */
const AT_TEXT = `to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at`;
const RECORD_COLUMNS = `n, ${AT_TEXT}, actor, action, target, before, after, meta, prev_hash, hash`;

function isDb(q: Queryable): q is Db {
  return typeof (q as Partial<Db>).transaction === 'function';
}

async function appendIn(tx: Queryable, entry: AuditEntry): Promise<AuditRecord> {
  // The head row lock serialises appends across connections and processes.
  const [head] = await tx.query<{ n: number | string; hash: string }>('SELECT n, hash FROM audit_head WHERE id = 1 FOR UPDATE');
  if (!head) throw new Error('audit_head is missing: the store was not migrated');
  const base = {
    n: Number(head.n) + 1,
    at: nowMicros(),
    actor: textSafe(entry.actor),
    action: textSafe(entry.action),
    target: entry.target == null ? null : textSafe(entry.target),
    before: jsonSafe(entry.before),
    after: jsonSafe(entry.after),
    meta: jsonSafe(entry.meta),
    prev_hash: head.hash,
  };
  // Hash what the database will give back (jsonb normalises numbers and key order).
  const record: AuditRecord = { ...base, hash: recordHash(base) };
  await tx.query(
    `INSERT INTO audit_log (n, at, actor, action, target, before, after, meta, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8::jsonb, $9, $10)`,
    [record.n, record.at, record.actor, record.action, record.target,
      base.before === null ? null : JSON.stringify(base.before), base.after === null ? null : JSON.stringify(base.after),
      base.meta === null ? null : JSON.stringify(base.meta), record.prev_hash, record.hash],
  );
  await tx.query('UPDATE audit_head SET n = $1, hash = $2 WHERE id = 1', [record.n, record.hash]);
  return record;
}

/**
 * Appends one record. Given a transaction, the record commits or rolls back
 * with the write it describes; given the database, it is its own transaction.
 */
export async function appendAudit(q: Queryable, entry: AuditEntry): Promise<AuditRecord> {
  if (isDb(q)) return q.transaction((tx) => appendIn(tx, entry));
  return appendIn(q, entry);
}

interface AuditRow {
  n: number | string;
  /** AT_TEXT: microseconds, UTC. */
  at: string;
  actor: string;
  action: string;
  target: string | null;
  before: unknown;
  after: unknown;
  meta: unknown;
  prev_hash: string;
  hash: string;
}

const parseJson = (v: unknown): JsonValue | null => (v === null || v === undefined ? null : typeof v === 'string' ? (JSON.parse(v) as JsonValue) : (v as JsonValue));

function toRecord(r: AuditRow): AuditRecord {
  return {
    n: Number(r.n),
    at: String(r.at),
    actor: r.actor, action: r.action, target: r.target,
    before: parseJson(r.before), after: parseJson(r.after), meta: parseJson(r.meta),
    prev_hash: r.prev_hash, hash: r.hash,
  };
}

export interface AuditQuery {
  limit?: number;
  /** Records with n below this (paging backwards from the newest). */
  before?: number | null;
  target?: string | null;
  actor?: string | null;
  action?: string | null;
}

export async function listAudit(q: Queryable, query: AuditQuery = {}): Promise<AuditRecord[]> {
  const limit = Math.max(1, Math.min(query.limit ?? 100, 1000));
  const rows = await q.query<AuditRow>(
    `SELECT ${RECORD_COLUMNS} FROM audit_log
      WHERE ($1::bigint IS NULL OR n < $1) AND ($2::text IS NULL OR target = $2) AND ($3::text IS NULL OR actor = $3)
        AND ($4::text IS NULL OR action = $4)
      ORDER BY n DESC LIMIT $5`,
    [query.before ?? null, query.target ?? null, query.actor ?? null, query.action ?? null, limit],
  );
  return rows.map(toRecord);
}

export interface AuditProblem {
  n: number;
  problem: string;
}

export interface AuditVerification {
  ok: boolean;
  records: number;
  head: { n: number; hash: string };
  problems: AuditProblem[];
}

/**
 * Records written before timestamps were hashed to the microsecond carry a
 * hash over the time in milliseconds. Such a hash still covers everything
 * stored only when the stored time has no digits past the millisecond.
 */
function legacyHashMatches(r: Omit<AuditRecord, 'hash'>, hash: string): boolean {
  const m = /^(.*\.\d{3})000Z$/.exec(r.at);
  return m !== null && recordHash({ ...r, at: `${m[1]}Z` }) === hash;
}

/** Recomputes the whole chain, page by page, and compares it with the head. */
export async function verifyAudit(q: Queryable, pageSize = 2000): Promise<AuditVerification> {
  const problems: AuditProblem[] = [];
  let expectedN = 1;
  let prevHash = GENESIS_HASH;
  let records = 0;
  let after = 0;
  for (;;) {
    const rows = await q.query<AuditRow>(
      `SELECT ${RECORD_COLUMNS} FROM audit_log WHERE n > $1 ORDER BY n LIMIT $2`,
      [after, pageSize],
    );
    for (const row of rows) {
      const r = toRecord(row);
      records++;
      if (r.n !== expectedN) {
        problems.push({ n: expectedN, problem: r.n > expectedN ? `records ${expectedN}–${r.n - 1} are missing (deleted)` : `record ${r.n} is out of sequence` });
      }
      if (r.prev_hash !== prevHash) problems.push({ n: r.n, problem: 'does not follow the record before it (a record was deleted, inserted or moved)' });
      const { hash, ...rest } = r;
      if (recordHash(rest) !== hash && !legacyHashMatches(rest, hash)) problems.push({ n: r.n, problem: 'content does not match its hash (edited or moved)' });
      prevHash = hash;
      expectedN = r.n + 1;
      after = r.n;
    }
    if (rows.length < pageSize) break;
  }
  const [head] = await q.query<{ n: number | string; hash: string }>('SELECT n, hash FROM audit_head WHERE id = 1');
  const headN = Number(head?.n ?? -1);
  const headHash = head?.hash ?? '';
  if (headN !== expectedN - 1 || headHash !== prevHash) {
    problems.push({ n: headN, problem: `the head says the log ends at record ${headN}, but it ends at ${expectedN - 1} (records cut off the end, or the head was altered)` });
  }
  return { ok: problems.length === 0, records, head: { n: headN, hash: headHash }, problems };
}
