/**
 * Opening room39: the store (PGlite or PostgreSQL), filled from the bundle on
 * first start. The doors (CLI, HTTP) call this and then the capabilities;
 * none opens a database itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Settings } from './config/settings.ts';
import { openDb, type Db } from './store/db.ts';
import { loadBundle, registerBundlePart, type BundleReport, type ProgressReporter } from './store/bundle.ts';
import { listsBundlePart } from './ingest/lists/bundled.ts';
import { Room39Error } from './errors.ts';
import { loadKeyring, type Keyring } from './testimony/keyring.ts';

// The bundled official lists (data/lists) load after the curated dataset, and again only when their files change.
registerBundlePart(listsBundlePart);

export interface Services {
  db: Db;
  settings: Settings;
  bundle: BundleReport;
  /** The testimony keyring (ROOM39_KEY_FILE / ROOM39_KEY), or null when none is configured; never stored in the database. */
  keyring?: Keyring | null;
  close(): Promise<void>;
}

/** PGlite allows one process per data directory; a lock file says which one has it. */
function acquireLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lock = path.join(dataDir, 'room39.lock');
  try {
    const holder = Number(fs.readFileSync(lock, 'utf8'));
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new Room39Error(
        'conflict',
        `the data directory is in use by another room39 process (pid ${holder}); stop it, use --data with another directory, or set DATABASE_URL to share a PostgreSQL server`,
        dataDir,
      );
    }
  } catch (e) {
    if (e instanceof Room39Error) throw e;
  }
  fs.writeFileSync(lock, String(process.pid));
  return () => {
    try {
      if (fs.readFileSync(lock, 'utf8') === String(process.pid)) fs.unlinkSync(lock);
    } catch {
      /* already gone */
    }
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function openServices(settings: Settings, progress: ProgressReporter = () => undefined): Promise<Services> {
  // A bad key file stops the start before the store is touched, with a message saying how to fix it.
  const keyring = loadKeyring(settings.security);
  const release = settings.databaseUrl ? () => undefined : acquireLock(settings.dataDir);
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
