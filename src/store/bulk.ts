/**
 * Bulk loading for writers of many rows at once (list imports): rows go in
 * by COPY where the engine offers it (PGlite: `COPY … FROM '/dev/blob'`),
 * else by parameterised `INSERT … SELECT FROM unnest(…)` in chunks; and a
 * table's indexes and key constraints can be set aside while a batch larger
 * than the table goes in, then rebuilt under the same names and definitions.
 * Everything runs in the caller's transaction: a failure (a duplicate key
 * found by the rebuilt primary key, a foreign key the rows break) rolls the
 * whole import back, indexes included.
 */
import type { Queryable } from './db.ts';

/** A transaction that can take COPY data (PGlite's; db.ts gives it). */
export interface CopyCapable extends Queryable {
  copyIn(sql: string, data: Uint8Array): Promise<void>;
}

export function canCopy(q: Queryable): q is CopyCapable {
  return typeof (q as Partial<CopyCapable>).copyIn === 'function';
}

export type ColumnType = 'text' | 'int' | 'bool' | 'jsonb';
export interface Column { name: string; type: ColumnType }

/** Table and column names come from the code, never from input; this keeps it so. */
function checkName(...names: string[]): void {
  for (const n of names) if (!/^[a-z_][a-z0-9_]*$/.test(n)) throw new Error(`not a plain table or column name: ${n}`);
}

const SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One value in COPY's text format (`\N` for null; jsonb values are given as their JSON text). */
function copyField(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  const s = typeof v === 'string' ? v : typeof v === 'boolean' ? (v ? 't' : 'f') : String(v);
  return SPECIAL.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : s;
}

/** One row in COPY's text format, with its line break. */
export function copyLine(values: readonly unknown[]): string {
  let line = copyField(values[0]);
  for (let k = 1; k < values.length; k++) line += '\t' + copyField(values[k]);
  return line + '\n';
}

const PART = 1 << 20;

/**
 * Rows held for a later COPY, as COPY text in buffers outside the JS heap: a
 * writer that must read its whole input before writing (a list's first
 * version) holds ~35 MB this way instead of ~200,000 objects the garbage
 * collector would keep copying. Each row is encoded into the current 1 MB
 * part as it comes, so its text dies young (no array of lines to join).
 */
export class CopyBuffer {
  private readonly parts: Uint8Array<ArrayBuffer>[] = [];
  private part: Buffer = Buffer.alloc(0);
  private used = 0;
  rows = 0;

  push(values: readonly unknown[]): void {
    const line = copyLine(values);
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    if (this.part.length - this.used < line.length * 3) this.seal(line.length * 3);
    this.used += this.part.write(line, this.used);
    this.rows++;
  }

  private seal(room: number): void {
    if (this.used) this.parts.push(new Uint8Array(this.part.buffer, this.part.byteOffset, this.used) as Uint8Array<ArrayBuffer>);
    this.part = Buffer.allocUnsafe(Math.max(PART, room));
    this.used = 0;
  }

  /** The rows' COPY text, in one piece (PGlite reads it whole). */
  bytes(): Uint8Array {
    this.seal(0);
    return this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts);
  }
}

/** Writes held rows (CopyBuffer) into a table by one COPY; COPY-capable transactions only. */
export async function copyHeld(q: CopyCapable, table: string, columns: readonly Column[], rows: CopyBuffer): Promise<void> {
  checkName(table, ...columns.map((c) => c.name));
  if (rows.rows) await q.copyIn(`COPY ${table} (${columns.map((c) => c.name).join(', ')}) FROM '/dev/blob'`, rows.bytes());
}

/**
 * copyHeld into a table the rows will be most of: when they are at least half of what it holds after the load, its
 * indexes and keys are set aside and built after it (withIndexesSetAside; PGlite only), instead of updated row by row
 * and each row's foreign keys checked one at a time.
 */
export async function copyHeldInBulk(q: CopyCapable, table: string, columns: readonly Column[], rows: CopyBuffer): Promise<void> {
  const copy = () => copyHeld(q, table, columns, rows);
  if (rows.rows && rows.rows * 2 >= await countRows(q, table)) await withIndexesSetAside(q, table, copy);
  else await copy();
}

const INSERT_ROWS = 5_000;

/**
 * Writes rows (each an array of values in the order of `columns`; jsonb as
 * JSON text) into a table. No conflict handling: the caller knows the rows
 * are new.
 */
export async function copyRows(q: Queryable, table: string, columns: readonly Column[], rows: readonly (readonly unknown[])[]): Promise<void> {
  checkName(table, ...columns.map((c) => c.name));
  const names = columns.map((c) => c.name).join(', ');
  if (canCopy(q)) {
    const held = new CopyBuffer();
    for (const row of rows) held.push(row);
    return copyHeld(q, table, columns, held);
  }
  const casts = columns.map((c, k) => `$${k + 1}::${c.type === 'jsonb' ? 'text' : c.type}[]`).join(', ');
  const select = columns.map((c, k) => (c.type === 'jsonb' ? `u.c${k}::jsonb` : `u.c${k}`)).join(', ');
  const alias = columns.map((_, k) => `c${k}`).join(', ');
  for (let i = 0; i < rows.length; i += INSERT_ROWS) {
    const part = rows.slice(i, i + INSERT_ROWS);
    await q.query(`INSERT INTO ${table} (${names}) SELECT ${select} FROM unnest(${casts}) AS u(${alias})`, columns.map((_, k) => part.map((r) => r[k] ?? null)));
  }
}

interface Rebuild { sql: string }

/**
 * Runs `fn` with the table's indexes, primary/unique keys and foreign keys
 * dropped, then builds them again (same names, same definitions; the keys
 * are checked over every row, old and new, as they are built). Building an
 * index over a whole table at once costs a fraction of updating it row by
 * row, so this pays when the batch is larger than about half the table.
 * For a single-connection store only (PGlite): on a server it would lock
 * the table against readers for the whole transaction.
 */
export async function withIndexesSetAside<T>(q: Queryable, table: string, fn: () => Promise<T>): Promise<T> {
  checkName(table);
  const constraints = await q.query<{ name: string; type: string; def: string }>(
    `SELECT conname AS name, contype AS type, pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE conrelid = $1::regclass AND contype IN ('p', 'u', 'f') ORDER BY contype DESC, conname`, [table]);
  const indexes = await q.query<{ name: string; def: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS def FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
      WHERE x.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.conrelid = x.indrelid)
      ORDER BY i.relname`, [table]);
  const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
  // Foreign keys first ('f' sorts after 'p' and 'u', hence DESC), then keys, then plain indexes.
  for (const c of constraints) await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${quoted(c.name)}`);
  for (const i of indexes) await q.query(`DROP INDEX ${quoted(i.name)}`);
  const result = await fn();
  const rebuild: Rebuild[] = [
    ...constraints.filter((c) => c.type !== 'f').map((c) => ({ sql: `ALTER TABLE ${table} ADD CONSTRAINT ${quoted(c.name)} ${c.def}` })),
    ...indexes.map((i) => ({ sql: i.def })),
    ...constraints.filter((c) => c.type === 'f').map((c) => ({ sql: `ALTER TABLE ${table} ADD CONSTRAINT ${quoted(c.name)} ${c.def}` })),
  ];
  for (const r of rebuild) await q.query(r.sql);
  return result;
}

/** How many rows a table holds (exact; a sequential count, cheap next to a bulk load). */
export async function countRows(q: Queryable, table: string): Promise<number> {
  checkName(table);
  const [row] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return row?.n ?? 0;
}
