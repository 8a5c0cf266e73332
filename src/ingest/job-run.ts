/** Runs an import or list update job (jobs.ts) on the store in this process: the command's own, or the server's for a command. */
import { auditWrites } from '../audit/doors.ts';
import type { AuditEntry } from '../audit/log.ts';
import type { Db } from '../store/db.ts';
import { importFtmFile } from './ftm/import.ts';
import { importListFile, type ImportProgress, type ListImportResult } from './lists/import.ts';
import { updateLists } from './lists/update.ts';
import type { ImportCounts } from './lists/versioned-import.ts';
import type { ImportJobResult, IngestJob, IngestJobContext, IngestJobResult, ListUpdateJobResult } from './jobs.ts';

export async function runIngestJob<J extends IngestJob>(db: Db, job: J, ctx: IngestJobContext): Promise<IngestJobResult<J>> {
  if (job.kind === 'update-lists') {
    const result: ListUpdateJobResult = await updateLists(db, job.settings, { lists: job.lists, log: (message) => ctx.onEvent({ kind: 'log', message }) });
    return result as IngestJobResult<J>;
  }
  // The import's transaction carries its audit record: who, which version, what changed.
  const audited = auditWrites(db, (r): AuditEntry | null => {
    const c = r as (Partial<ImportCounts> & Pick<ListImportResult, 'redated'>) | null;
    if (!c || typeof c.source_id !== 'string') return null;
    const meta = { door: 'cli', format: job.format, file: job.named };
    if (c.status === 'imported') {
      return { actor: ctx.actor, action: 'list.import', target: c.source_id, after: { dataset: c.dataset!, version: c.version!, entries: c.entries!, added: c.added!, changed: c.changed!, removed: c.removed! }, meta };
    }
    return c.redated ? { actor: ctx.actor, action: 'list.redate', target: c.source_id, before: { published: c.redated.from }, after: { published: c.redated.to }, meta } : null;
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

