/**
 * A store whose work stops when a signal fires: the next query, or the commit
 * of an open transaction, throws instead, so the transaction rolls back and
 * nothing of it is written. `room39 serve` runs a command's import this way
 * (src/server/local-socket.ts): a command that goes away takes its import
 * with it, as it would if the import ran in its own process.
 */
import { Room39Error } from '../errors.ts';
import { canCopy, type CopyCapable } from './bulk.ts';
import type { Db, Queryable, Row } from './db.ts';

function check(signal: AbortSignal): void {
  if (signal.aborted) {
    const reason: unknown = signal.reason;
    throw reason instanceof Error ? reason : new Room39Error('conflict', 'the work was called off; nothing of it was written');
  }
}

function abortableTx(tx: Queryable, signal: AbortSignal): Queryable {
  const query = <R extends object = Row>(sql: string, params?: readonly unknown[]) => {
    check(signal);
    return tx.query<R>(sql, params);
  };
  // Bulk loads keep their COPY path (store/bulk.ts looks for copyIn).
  if (!canCopy(tx)) return { query };
  const copying: CopyCapable = { query, copyIn: (sql, data) => { check(signal); return tx.copyIn(sql, data); } };
  return copying;
}

export function abortable(db: Db, signal: AbortSignal): Db {
  return {
    wraps: db,
    kind: db.kind,
    location: db.location,
    query: (sql, params) => { check(signal); return db.query(sql, params); },
    exec: (sql) => { check(signal); return db.exec(sql); },
    close: () => db.close(),
    transaction: (fn) => db.transaction(async (tx) => {
      const result = await fn(abortableTx(tx, signal));
      check(signal);
      return result;
    }),
  };
}
