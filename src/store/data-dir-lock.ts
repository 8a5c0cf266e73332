/** The embedded database's data directory is used by one process at a time: a lock file names it. */
import fs from 'node:fs';
import path from 'node:path';
import { Room39Error } from '../errors.ts';

const LOCK_FILE = 'room39.lock';

function readHolder(lock: string): number | null {
  try {
    const pid = Number(fs.readFileSync(lock, 'utf8'));
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** The live process other than this one that holds the data directory, if any. */
export function dataDirHolder(dataDir: string): number | null {
  const holder = readHolder(path.join(dataDir, LOCK_FILE));
  return holder && holder !== process.pid && isProcessAlive(holder) ? holder : null;
}

/**
 * PGlite allows one process per data directory; a lock file says which one
 * has it. The file is created whole and only if absent (a hard link of a file
 * already holding the pid), so two processes starting at once cannot both
 * take it; one left by a process that died is replaced.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lock = path.join(dataDir, LOCK_FILE);
  const mine = `${lock}.${process.pid}`;
  fs.writeFileSync(mine, String(process.pid));
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        fs.linkSync(mine, lock);
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 5) throw e;
      }
      const holder = readHolder(lock);
      if (holder === process.pid) break;
      if (holder && isProcessAlive(holder)) {
        throw new Room39Error(
          'conflict',
          `the data directory is in use by another room39 process (pid ${holder}); wait for it to finish, or set DATABASE_URL to share a PostgreSQL server`,
          dataDir,
        );
      }
      fs.rmSync(lock, { force: true }); // left by a process that died
    }
  } finally {
    fs.rmSync(mine, { force: true });
  }
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
