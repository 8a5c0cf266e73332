/** The embedded database's data directory is used by one process at a time: a lock file names it. */
import fs from 'node:fs';
import path from 'node:path';
import { Room39Error } from '../errors.ts';

/** PGlite allows one process per data directory; a lock file says which one has it. */
export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lock = path.join(dataDir, 'room39.lock');
  try {
    const holder = Number(fs.readFileSync(lock, 'utf8'));
    if (holder && holder !== process.pid && isProcessAlive(holder)) {
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

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

