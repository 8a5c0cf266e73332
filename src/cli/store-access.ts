/**
 * How a command reaches the store: PostgreSQL directly when DATABASE_URL is
 * set; else through the `room39 serve` that holds the data directory (its
 * local socket), else by opening the directory itself. While another process
 * holds the directory without answering on the socket (a server still
 * loading, or another command), the command waits for it.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Settings } from '../config/settings.ts';
import { isRoom39Error, Room39Error } from '../errors.ts';
import type { ProgressReporter } from '../ingest/bundle.ts';
import type { Services } from '../services.ts';
import { dataDirHolder } from '../store/data-dir-lock.ts';
import { connectLocalServer } from './remote.ts';

/** How long a command waits for a data directory held by a process that does not serve it. */
const WAIT_FOR_HOLDER_MS = 30 * 60_000;
const POLL_MS = 250;

export async function openCliServices(settings: Settings, argv: string[], log: (m: string) => void, progress: ProgressReporter): Promise<Services> {
  // The store's engine and the bundle load only when this command opens the store itself, not when a server holds it.
  const open = async () => (await import('../services.ts')).openServices(settings, progress);
  if (settings.databaseUrl) return open();
  const deadline = Date.now() + WAIT_FOR_HOLDER_MS;
  let told = false;
  for (;;) {
    const remote = await connectLocalServer(settings, argv, log);
    if (remote) return remote;
    let holder = dataDirHolder(settings.dataDir);
    if (holder === null) {
      try {
        return await open();
      } catch (e) {
        // Another process took the directory between the look and the open: wait for it like any holder.
        holder = dataDirHolder(settings.dataDir);
        if (!(isRoom39Error(e) && e.code === 'conflict' && holder !== null)) throw e;
      }
    }
    if (!told) {
      log(`room39: the data directory is in use by pid ${holder}, which does not serve it yet (a room39 serve still starting, or another command): waiting for it…`);
      told = true;
    }
    if (Date.now() > deadline) {
      throw new Room39Error('conflict', `the data directory is still in use by pid ${holder} after ${WAIT_FOR_HOLDER_MS / 60_000} minutes; stop it, or set DATABASE_URL to share a PostgreSQL server`, settings.dataDir);
    }
    await sleep(POLL_MS);
  }
}
