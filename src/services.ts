/**
 * Opening room39: the store (PGlite or PostgreSQL), filled from the bundle on
 * first start. The doors (CLI, HTTP) call this and then the capabilities;
 * none opens a database itself.
 */
import type { Settings } from './config/settings.ts';
import { openDb, type Db } from './store/db.ts';
import { loadBundle, type BundleReport, type ProgressReporter } from './ingest/bundle.ts';
import { acquireDataDirLock } from './store/data-dir-lock.ts';
import { loadKeyring, type Keyring } from './testimony/keyring.ts';
import type { IngestJob, IngestJobEvent, IngestJobResult } from './ingest/jobs.ts';
import type { SearchHit, SearchOptions } from './store/search.ts';
import type { CsvRow } from './screen/csv-input.ts';
import type { ScreenOptions, ScreenRowResult } from './screen/screen.ts';
import { closeExtractionPool } from './ingest/documents/pools.ts';
import { closeMatchPool } from './screen/match-pool.ts';
import { snapshotsWritten } from './store/snapshot-file.ts';

/** The work a command may hand to the `room39 serve` that holds its store whole (run by src/server/local-jobs.ts). */
export interface SearchJob {
  kind: 'search';
  query: string;
  options: SearchOptions;
}

/**
 * A batch of a file's rows, screened against the server's index. `ifBuilt`: only if the server holds its index
 * already (the web app's and /match's); else `indexed` is null, nothing is screened, and the command builds its own,
 * so a server that screens nothing itself never holds an index for a command (about 250 MB; bench/cli/README.md).
 */
export interface ScreenJob {
  kind: 'screen';
  rows: CsvRow[];
  options: ScreenOptions;
  ifBuilt?: boolean;
}
export interface ScreenJobResult { results: ScreenRowResult[]; indexed: number | null }

/**
 * `room39 keys rotate` while a server holds the store: the server re-encrypts with its own keyring and makes the new
 * key (read from `keyFile`, an absolute path; the socket admits only its own OS user) its current one at once.
 */
export interface RotateKeyJob {
  kind: 'rotate-key';
  keyFile: string;
}
export interface RotateKeyResult { rows: number; from: string[]; to: string }

export type LocalJob = IngestJob | SearchJob | ScreenJob | RotateKeyJob;
export type LocalJobResult<J extends LocalJob = LocalJob> = J extends SearchJob ? SearchHit[] : J extends ScreenJob ? ScreenJobResult
  : J extends RotateKeyJob ? RotateKeyResult : J extends IngestJob ? IngestJobResult<J> : never;


export interface Services {
  db: Db;
  settings: Settings;
  bundle: BundleReport;
  /** The testimony keyring (ROOM39_KEY_FILE / ROOM39_KEY), or null when none is configured; never stored in the database. */
  keyring: Keyring | null;
  /**
   * Present when the command reaches a `room39 serve` through its local socket: imports, list updates and searches run
   * in the server's process (src/server/local-jobs.ts), everything else as queries over the socket.
   */
  runJob?<J extends LocalJob>(job: J, onEvent: (event: IngestJobEvent) => void): Promise<LocalJobResult<J>>;
  close(): Promise<void>;
}

export async function openServices(settings: Settings, progress: ProgressReporter = () => undefined): Promise<Services> {
  // A bad key file stops the start before the store is touched, with a message saying how to fix it.
  const keyring = loadKeyring(settings.security);
  const release = settings.databaseUrl ? () => undefined : acquireDataDirLock(settings.dataDir);
  let db: Db;
  try {
    db = await openDb({ dataDir: settings.dataDir, databaseUrl: settings.databaseUrl });
  } catch (e) {
    release();
    throw e;
  }
  try {
    const bundle = await loadBundle(db, settings.bundleRoot, progress, { keyring });
    return {
      db,
      settings,
      bundle,
      keyring,
      async close() {
        await closeExtractionPool(db);
        await closeMatchPool();
        await snapshotsWritten(db);
        await db.close();
        release();
      },
    };
  } catch (e) {
    await db.close().catch(() => undefined);
    release();
    throw e;
  }
}
