/**
 * A list or FtM import, or a list update, as one job that runs where the
 * store is held: in the command's own process, or in the `room39 serve` that
 * holds the data directory (src/server/local-socket.ts). There it imports by
 * COPY and finds each list's digests and resolver buckets in memory, so a
 * command's list update costs what the server's own scheduled one does
 * instead of thousands of queries over the socket (bench/ingest/README.md).
 * A job is plain data, so it crosses the socket as it is; its progress and
 * notes come back as events. What runs it is in job-run.ts, loaded only
 * where it runs.
 */
import { osUserActor } from '../audit/doors.ts';
import type { ListKey, ListSettings } from '../config/settings.ts';
import type { Services } from '../services.ts';
import type { FtmImportResult } from './ftm/import.ts';
import type { ListFormat } from './lists/datasets.ts';
import type { ImportProgress, ListImportResult } from './lists/import.ts';
import type { ListUpdateResult } from './lists/update.ts';

export interface ImportJob {
  kind: 'import';
  format: ListFormat | 'ftm';
  /** The file's absolute path (the server may run in another directory). */
  file: string;
  /** The file as the user named it: the audit record keeps it. */
  named: string;
  alt?: string;
  add?: string;
  date?: string;
  dataset?: string;
  link: boolean;
  /** Progress events are wanted (the command prints a progress bar). */
  progress: boolean;
}

export interface ListUpdateJob {
  kind: 'update-lists';
  lists: ListKey[];
  /** The command's own list settings (its ROOM39_LIST_URL_… and limits), not the server's. */
  settings: ListSettings;
}

export type IngestJob = ImportJob | ListUpdateJob;
export type ImportJobResult = ListImportResult | FtmImportResult;
export interface ListUpdateJobResult { lists: ListUpdateResult[] }
export type IngestJobResult<J extends IngestJob = IngestJob> = J extends ImportJob ? ImportJobResult : ListUpdateJobResult;

export type IngestJobEvent =
  | { kind: 'log'; message: string }
  | { kind: 'progress-start'; total: number; label: string }
  | { kind: 'progress'; bytes: number }
  | { kind: 'progress-stop' };

export interface IngestJobContext {
  /** Who asked: the OS user of the command (`cli:<user>`), recorded with the import. */
  actor: string;
  onEvent(event: IngestJobEvent): void;
}

/** Runs a job in the `room39 serve` that holds the store when the command reaches it through its socket, else here. */
export async function runIngest<J extends IngestJob>(services: Services, job: J, onEvent: (event: IngestJobEvent) => void): Promise<IngestJobResult<J>> {
  if (services.runJob) return services.runJob(job, onEvent) as Promise<IngestJobResult<J>>;
  const { runIngestJob } = await import('./job-run.ts');
  return runIngestJob(services.db, job, { actor: osUserActor(), onEvent });
}

/** Feeds progress events to a progress bar (the command's terminal). */
export function progressEvents(bar: ImportProgress | undefined): (event: IngestJobEvent) => boolean {
  return (event) => {
    if (event.kind === 'progress-start') bar?.start(event.total, event.label);
    else if (event.kind === 'progress') bar?.update(event.bytes);
    else if (event.kind === 'progress-stop') bar?.stop();
    else return false;
    return true;
  };
}
