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
