/**
 * One database interface over two engines: PGlite (PostgreSQL in WebAssembly,
 * in a data directory) by default, a PostgreSQL server when a URL is given.
 * The rest of the code never knows which one runs. Both speak parameterised
 * SQL natively, so a thin interface serves better than a query builder here.
 */
import fs from 'node:fs';
import v8 from 'node:v8';
import { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { Room39Error } from '../errors.ts';
import { migrate } from './migrate.ts';

export type Row = Record<string, unknown>;

/**
 * For a short process (a command that answers and exits): PGlite's WebAssembly runs as V8's baseline (Liftoff)
 * code only, never recompiled by V8's optimising compiler. That compiler's background work on PostgreSQL's
 * thousands of functions was about half the CPU of a short command (an entity look-up on a store with the lists:
 * 3.3–3.6 → 1.5–1.9 CPU-s), and pays back only in long work: three imports in one process took 87 CPU-s with it
 * and 95–100 without (test/ingest/skip-unchanged.test.ts), so `serve`, `import` and the test workers keep V8's
 * default. Call before the first store is opened (a module compiled earlier keeps its tiers); a wasm or Liftoff
 * flag on node's own command line (`node --no-liftoff-only …`) is left to rule. bench/cli/start-up.ts --wasm.
 */
export function baselineWasmOnly(): void {
  if (process.execArgv.some((a) => /wasm|liftoff/.test(a))) return;
  v8.setFlagsFromString('--liftoff-only');
}

export interface Queryable {
  query<R extends object = Row>(sql: string, params?: readonly unknown[]): Promise<R[]>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Where the data lives: the data directory, or the URL with its password hidden. */
  readonly location: string;
  /** Runs fn in one transaction: all of it is written, or none. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements (no parameters). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
  /** The store this one wraps (an audit or abort wrapper's), so a listener can tell the same store apart from another. */
  readonly wraps?: Db;
}

/** The store under any wrappers. */
export function underlyingDb(db: Db): Db {
  let d = db;
  while (d.wraps) d = d.wraps;
  return d;
}

export interface OpenDbOptions {
  dataDir?: string;
  databaseUrl?: string | null;
  /** Apply pending migrations (default true). */
  migrate?: boolean;
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable database URL)';
  }
}

/** A statement that only reads (a SELECT); anything else may write. */
const READ_ONLY = /^\s*select\b/i;

class PgliteDb implements Db {
  readonly kind = 'pglite' as const;
  /** Counts what may have written (a statement other than SELECT, a transaction, a script); see `writeGeneration`. */
  writes = 0;
  constructor(private readonly pglite: PGlite, readonly location: string) {}

  async query<R extends object = Row>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
    const writes = !READ_ONLY.test(sql);
    if (writes) this.writes++;
    try {
      const result = await this.pglite.query<R>(sql, params as unknown[]);
      return result.rows;
    } finally {
      if (writes) this.writes++;
    }
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    this.writes++;
    try {
      return await this.inTransaction(fn);
    } finally {
      this.writes++;
    }
  }

  private inTransaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.pglite.transaction(async (tx) => {
      const q: Queryable & { copyIn(sql: string, data: Uint8Array): Promise<void> } = {
        async query<R extends object = Row>(sql: string, params: readonly unknown[] = []) {
          return (await tx.query<R>(sql, params as unknown[])).rows;
        },
        // COPY FROM '/dev/blob' (store/bulk.ts): PGlite reads the rows from the blob.
        async copyIn(sql: string, data: Uint8Array) {
          await tx.query(sql, [], { blob: new BytesBlob(data) });
        },
      };
      return fn(q);
    });
  }

  async exec(sql: string): Promise<void> {
    this.writes++;
    try {
      await this.pglite.exec(sql);
    } finally {
      this.writes++;
    }
  }

  async close(): Promise<void> {
    if (!this.pglite.closed) await this.pglite.close();
  }

  /** A query not counted as a write: `jobQueueQueries`. */
  async uncounted<R extends object = Row>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
    return (await this.pglite.query<R>(sql, params as unknown[])).rows;
  }

  async uncountedExec(sql: string): Promise<void> {
    await this.pglite.exec(sql);
  }
}

class PostgresDb implements Db {
  readonly kind = 'postgres' as const;
  constructor(private readonly pool: pg.Pool, readonly location: string) {}

  async query<R extends object = Row>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
    const result = await this.pool.query(sql, params as unknown[]);
    return result.rows as R[];
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const value = await fn({
        async query<R extends object = Row>(sql: string, params: readonly unknown[] = []) {
          return (await client.query(sql, params as unknown[])).rows as R[];
        },
      });
      await client.query('COMMIT');
      return value;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/**
 * How many writes this handle has seen, or null when it cannot know: on
 * PGlite one process owns the data directory (store/data-dir-lock.ts), so
 * every write goes through its handle and an unchanged count means an
 * unchanged store; a PostgreSQL server has other writers, and a transaction's
 * handle is not counted. Caches of derived data (the search index) use it to
 * skip asking the store whether it changed.
 */
export function writeGeneration(q: Queryable): number | null {
  return q instanceof PgliteDb ? q.writes : null;
}

/**
 * The handle the job queue (pg-boss, src/cases/jobs.ts) runs its own SQL through. Its statements touch only its own
 * schema, and on PGlite it polls with a write every few seconds: counted, they made every cache that `writeGeneration`
 * keeps (the search index's check, `memoUntilWrite`, the screening service's) ask the store again after each poll.
 */
export function jobQueueQueries(db: Db): Pick<Db, 'query' | 'exec'> {
  const under = underlyingDb(db);
  if (!(under instanceof PgliteDb)) return { query: (sql, params) => db.query(sql, params), exec: (sql) => db.exec(sql) };
  return { query: (sql, params) => under.uncounted(sql, params), exec: (sql) => under.uncountedExec(sql) };
}

/**
 * The rows of a COPY, handed to PGlite as a Blob that is its bytes already.
 * PGlite reads a query's blob once, whole, by `arrayBuffer()`; a Node Blob
 * built from the bytes copies them in and reads them back out part by part
 * (~0.3 s of CPU for the 35 MB of an OFAC list's statements), this gives
 * them as they are.
 */
class BytesBlob extends Blob {
  constructor(private readonly rows: Uint8Array) { super([]); }
  override get size(): number { return this.rows.byteLength; }
  override async arrayBuffer(): Promise<ArrayBuffer> {
    const b = this.rows;
    // PGlite reads the whole ArrayBuffer: a view of part of one (a small Buffer lives in a shared pool) is copied out first.
    return b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer ? b.buffer : new Uint8Array(b).buffer;
  }
}

/** The PostgreSQL client library, loaded only when a server is used (an embedded store's command spends no time on it). */
async function loadPg(): Promise<typeof pg> {
  const lib = (await import('pg')).default;
  // pg returns int8 and numeric as strings by default; room39 keeps counts and figures well inside double range.
  lib.types.setTypeParser(20, (v) => Number(v));
  lib.types.setTypeParser(1700, (v) => Number(v));
  return lib;
}

/**
 * PGlite's page cache. PostgreSQL's default (128 MB) is zeroed at start inside
 * the WebAssembly memory, so every process that opens the directory held it
 * resident whether or not it read anything; 32 MB holds the indexes a search
 * reads, and the rest comes from the OS's file cache (issue 12: `room39 serve`
 * idles about 120 MB lower). ROOM39_PGLITE_SHARED_BUFFERS sets it (e.g. 128MB);
 * given on the command line of the embedded server, never written into the
 * data directory's postgresql.conf.
 */
export function pgliteSharedBuffers(env: NodeJS.ProcessEnv = process.env): string {
  const v = env.ROOM39_PGLITE_SHARED_BUFFERS?.trim();
  if (!v) return '32MB';
  if (!/^\d{1,6}(kB|MB|GB)$/.test(v)) throw new Room39Error('invalid_input', `ROOM39_PGLITE_SHARED_BUFFERS must be a size such as 32MB or 128MB (got "${v.slice(0, 20)}")`);
  return v;
}

export async function openDb(options: OpenDbOptions): Promise<Db> {
  let db: Db;
  if (options.databaseUrl) {
    const where = redactUrl(options.databaseUrl);
    const pool = new (await loadPg()).Pool({ connectionString: options.databaseUrl, max: 8, connectionTimeoutMillis: 10_000 });
    pool.on('error', () => undefined);
    try {
      const client = await pool.connect();
      client.release();
    } catch (e) {
      await pool.end().catch(() => undefined);
      const reason = e instanceof Error ? e.message : String(e);
      throw new Room39Error('database_unreachable', `cannot connect to the PostgreSQL server (${reason})`, where, { cause: e });
    }
    db = new PostgresDb(pool, where);
  } else {
    const dir = options.dataDir;
    if (!dir) throw new Room39Error('invalid_input', 'no data directory and no DATABASE_URL given');
    try {
      fs.mkdirSync(dir, { recursive: true });
    } catch (e) {
      throw new Room39Error('database_unreachable', `cannot create the data directory (${(e as Error).message})`, dir);
    }
    let pglite: PGlite;
    try {
      pglite = await PGlite.create(dir, { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${pgliteSharedBuffers()}`] });
    } catch (e) {
      throw new Room39Error('database_unreachable', `cannot open the embedded database (${(e as Error).message}); is another room39 process using it?`, dir, { cause: e });
    }
    db = new PgliteDb(pglite, dir);
  }
  if (options.migrate !== false) await migrate(db);
  return db;
}
