/**
 * Reading a large result a batch at a time: a cursor inside one read
 * transaction, fetched `size` rows at a time, so neither the database (an
 * embedded PGlite builds a whole result in its memory, which never shrinks)
 * nor the caller, nor the local socket between them, holds every row at once.
 * The rows come in the order the plain query would give them.
 */
import type { Db, Queryable } from './db.ts';

function canTransact(q: Queryable): q is Db {
  return typeof (q as Partial<Db>).transaction === 'function';
}

/** Calls `each` with the rows of `sql`, in batches of at most `size`; a `Queryable` that is already a transaction, or a `size` of `Number.MAX_SAFE_INTEGER`, gets the whole result at once. */
export async function queryInBatches<R extends object>(
  q: Queryable, sql: string, params: readonly unknown[], size: number, each: (rows: R[]) => void,
): Promise<void> {
  if (!canTransact(q) || size >= Number.MAX_SAFE_INTEGER) {
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
