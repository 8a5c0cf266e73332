/**
 * Reading a large result a batch at a time through the local socket: a
 * cursor inside one read transaction, fetched `size` rows at a time, so the
 * server that holds the store never builds nor sends a whole table's result
 * for a command (its memory grew by 110–130 MB each time a command built its
 * screening index through it). The rows come in the order the plain query
 * would give them.
 */
import type { Db, Queryable } from './db.ts';

/** A store reached across a process boundary (the CLI's end of the local socket) says so: its reads are batched. */
export interface BatchedReads { readonly batchedReads: true }

function batches(q: Queryable): q is Db & BatchedReads {
  return (q as Partial<BatchedReads>).batchedReads === true && typeof (q as Partial<Db>).transaction === 'function';
}

/**
 * Calls `each` with the rows of `sql`, in batches of at most `size` when the
 * store is reached through the local socket (`BatchedReads`); a store in this
 * process (PGlite runs its queries on this thread: one long read in a
 * transaction would hold every other request), a transaction, or a `size` of
 * `Number.MAX_SAFE_INTEGER` gets the whole result at once.
 */
export async function queryInBatches<R extends object>(
  q: Queryable, sql: string, params: readonly unknown[], size: number, each: (rows: R[]) => void,
): Promise<void> {
  if (!batches(q) || size >= Number.MAX_SAFE_INTEGER) {
    each(await q.query<R>(sql, params));
    return;
  }
  await q.transaction(async (tx) => {
    await tx.query(`DECLARE room39_batches NO SCROLL CURSOR FOR ${sql}`, params);
    for (;;) {
      const rows = await tx.query<R>(`FETCH FORWARD ${Math.max(1, Math.floor(size))} FROM room39_batches`);
      if (rows.length) each(rows);
      if (rows.length < size) break;
    }
    await tx.query('CLOSE room39_batches');
  });
}

/** Strings in the order of PostgreSQL's C collation (PGlite's): by code point, where JS's `<` compares UTF-16 units. */
export function compareC(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i), y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate (half of a code point past U+FFFF) comes after every other unit.
    const sx = x >= 0xd800 && x <= 0xdfff, sy = y >= 0xd800 && y <= 0xdfff;
    return sx === sy ? x - y : sx ? 1 : -1;
  }
  return a.length - b.length;
}

/** A turn of the event loop: what waits (a request to the server) is answered, then this goes on. */
export function nextTurn(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}

/** The store runs its queries on this thread: PGlite in this process (not a transaction's handle, not the local socket's). */
export function queriesOnThisThread(q: Queryable): boolean {
  return (q as Partial<Db>).kind === 'pglite' && typeof (q as Partial<Db>).transaction === 'function' && !batches(q);
}

/** How long one chunk's query (and its rows' handling) should hold this thread. */
const CHUNK_MS = 20;
const MAX_CHUNK_BLOCKS = 4096;
/** The highest page number a tid can hold. */
const LAST_BLOCK = 0xffffffff;

export interface TableScan {
  /** The table scanned (its pages are read a range at a time). */
  table: string;
  /** The query, given the condition that keeps it to one range of the table's pages (`TRUE` when read at once). */
  sql: (range: string) => string;
  params: readonly unknown[];
}

/**
 * Calls `each` with the rows of a query over one table. On a store whose queries run on this thread
 * (`queriesOnThisThread`: PGlite holds the server's thread for the whole of a query), a range of the table's pages at
 * a time, sized so each takes about CHUNK_MS, with a turn of the event loop between ranges: the server answers other
 * requests meanwhile. The rows come in the table's physical order, as a sequential scan started at its first page
 * gives them (an `ORDER BY` in `sql` orders each range only). Rows written while the scan runs may be missed or seen
 * twice (each range is its own snapshot): the caller's store stamp tells it to read again. Elsewhere as
 * `queryInBatches` reads, `size` rows at a time.
 */
export async function scanInChunks<R extends object>(q: Queryable, scan: TableScan, size: number, each: (rows: R[]) => void): Promise<void> {
  if (!queriesOnThisThread(q)) {
    await queryInBatches<R>(q, scan.sql('TRUE'), scan.params, size, each);
    return;
  }
  const [row] = await q.query<{ blocks: number }>(`SELECT (pg_relation_size($1::regclass) / current_setting('block_size')::int)::int AS blocks`, [scan.table]);
  const blocks = row?.blocks ?? 0;
  const n = scan.params.length;
  const sql = scan.sql(`ctid >= $${n + 1}::tid AND ctid < $${n + 2}::tid`);
  let step = 4;
  for (let from = 0; from < blocks; ) {
    const to = Math.min(blocks, from + step);
    const t0 = performance.now();
    // The last range is open-ended: pages added since the size was read are read too.
    each(await q.query<R>(sql, [...scan.params, `(${from},0)`, `(${to === blocks ? LAST_BLOCK : to},0)`]));
    const ms = performance.now() - t0;
    from = to;
    step = Math.max(1, Math.min(MAX_CHUNK_BLOCKS, step * 2, Math.round((step * CHUNK_MS) / Math.max(ms, 1))));
    await nextTurn();
  }
}
