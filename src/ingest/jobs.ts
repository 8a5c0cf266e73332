/**
 * A list or FtM import, or a list update, as one job that runs where the
 * store is held: in the command's own process, or in the `room39 serve` that
 * holds the data directory (src/server/local-socket.ts). There it imports by
 * COPY and finds each list's digests and resolver buckets in memory, so a
 * command's list update costs what the server's own scheduled one does
 * instead of thousands of queries over the socket (bench/ingest/README.md).
 * A job is plain data, so it crosses the socket as it is; its progress and
 * notes come back as events.
 */
import { auditWrites, osUserActor } from '../audit/doors.ts';
import type { ListKey, ListSettings } from '../config/settings.ts';
import type { Services } from '../services.ts';
import type { Db } from '../store/db.ts';
import { importFtmFile, type FtmImportResult } from './ftm/import.ts';
import { importListFile, type ImportProgress, type ListFormat, type ListImportResult } from './lists/import.ts';
import { updateLists, type ListUpdateResult } from './lists/update.ts';
import type { ImportCounts } from './lists/versioned-import.ts';

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

/** Runs a job on the store in this process. */
export async function runIngestJob<J extends IngestJob>(db: Db, job: J, ctx: IngestJobContext): Promise<IngestJobResult<J>> {
  if (job.kind === 'update-lists') {
    const result: ListUpdateJobResult = await updateLists(db, job.settings, { lists: job.lists, log: (message) => ctx.onEvent({ kind: 'log', message }) });
    return result as IngestJobResult<J>;
  }
  // The import's transaction carries its audit record: who, which version, what changed.
  const audited = auditWrites(db, (r) => {
    const c = r as Partial<ImportCounts> | null;
    return c && typeof c.source_id === 'string' && c.status === 'imported'
      ? { actor: ctx.actor, action: 'list.import', target: c.source_id, after: { dataset: c.dataset!, version: c.version!, entries: c.entries!, added: c.added!, changed: c.changed!, removed: c.removed! }, meta: { door: 'cli', format: job.format, file: job.named } }
      : null;
  });
  const progress: ImportProgress | undefined = job.progress
    ? {
        start: (total, label) => ctx.onEvent({ kind: 'progress-start', total, label }),
        update: (bytes) => ctx.onEvent({ kind: 'progress', bytes }),
        stop: () => ctx.onEvent({ kind: 'progress-stop' }),
      }
    : undefined;
  const common = { file: job.file, date: job.date, progress, link: job.link };
  const result: ImportJobResult = job.format === 'ftm'
    ? await importFtmFile(audited, { ...common, dataset: job.dataset })
    : await importListFile(audited, { ...common, format: job.format, alt: job.alt, add: job.add });
  return result as IngestJobResult<J>;
}

/** Runs a job in the `room39 serve` that holds the store when the command reaches it through its socket, else here. */
export function runIngest<J extends IngestJob>(services: Services, job: J, onEvent: (event: IngestJobEvent) => void): Promise<IngestJobResult<J>> {
  if (services.runIngestJob) return services.runIngestJob(job, onEvent);
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
