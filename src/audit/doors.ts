/**
 * What the doors without an account use to put their writes in the audit
 * trail: the command line (and the local socket of issue 12) name the OS
 * user, and `auditWrites` wraps the store so every transaction a capability
 * commits carries its audit record, written in that same transaction (an
 * import that rolls back leaves no record; one that commits cannot lack it).
 */
import os from 'node:os';
import type { Db } from '../store/db.ts';
import { appendAudit, type AuditEntry } from './log.ts';

/** `cli:<os user>`: the operator at the command line or on the local socket. */
export function osUserActor(user: string = os.userInfo().username): string {
  return `cli:${user}`;
}

/**
 * The store, with one audit record appended to every transaction that
 * commits: `entryOf` gets the transaction's result and says what to record
 * (null: nothing, e.g. a read-only transaction).
 */
export function auditWrites(db: Db, entryOf: (result: unknown) => AuditEntry | null): Db {
  return {
    wraps: db,
    kind: db.kind,
    location: db.location,
    query: (sql, params) => db.query(sql, params),
    exec: (sql) => db.exec(sql),
    close: () => db.close(),
    transaction: (fn) => db.transaction(async (tx) => {
      const result = await fn(tx);
      const entry = entryOf(result);
      if (entry) await appendAudit(tx, entry);
      return result;
    }),
  };
}
