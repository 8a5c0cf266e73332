/**
 * What happens after a list version is committed: listeners registered with
 * `onListVersionImported` are called once the import's transaction has
 * committed (never for a refused or rolled-back file, never for a file
 * already imported), whichever door imported it: `room39 import`,
 * `room39 lists update`, or the schedule in `room39 serve`. A listener's
 * failure is reported to the caller's log and never undoes the import.
 * Durable record of the same event: the `list_versions` row (imported_at).
 */
import type { ImportCounts } from './versioned-import.ts';

/** The counts of the committed version: dataset, source_id, version, published, entries, added, changed, removed. */
export type ListVersionImported = ImportCounts;

export type ListVersionListener = (event: ListVersionImported) => void | Promise<void>;

const listeners = new Set<ListVersionListener>();

/** Calls `listener` after every list version committed from now on; returns the function that stops it. */
export function onListVersionImported(listener: ListVersionListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Runs the listeners one after another; returns the failures as messages (the import itself stands). */
export async function emitListVersionImported(event: ListVersionImported): Promise<string[]> {
  const failures: string[] = [];
  for (const listener of [...listeners]) {
    try {
      await listener(event);
    } catch (e) {
      failures.push(`after importing ${event.dataset} ${event.version}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return failures;
}
