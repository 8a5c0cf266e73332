/**
 * The work a command hands to the `room39 serve` that holds the data
 * directory instead of doing it over the socket's queries: imports and list
 * updates (src/ingest/jobs.ts), which the server does by COPY with what it
 * remembers of each list; name searches, which the server answers from the
 * name index it keeps (a command would first read every name over the socket
 * to build its own); and a file's rows, screened by the server when it holds
 * its screening index already. A job is plain data both ways.
 */
import type { Db } from '../store/db.ts';
import type { IngestJob, IngestJobContext } from '../ingest/jobs.ts';
import type { LocalJob, LocalJobResult, ScreenJobResult } from '../services.ts';

/** Runs a job on the store of this process (the server's, for a command). */
export async function runLocalJob<J extends LocalJob>(db: Db, job: J, ctx: IngestJobContext): Promise<LocalJobResult<J>> {
  if (job.kind === 'search') {
    const { searchWithCountries } = await import('../store/country-search.ts');
    return await searchWithCountries(db, job.query, job.options) as LocalJobResult<J>;
  }
  if (job.kind === 'screen') {
    const { builtScreeningService, localScreener, screeningService } = await import('../screen/service.ts');
    const built = job.ifBuilt ? builtScreeningService(db) : screeningService(db);
    if (!built) return { results: [], indexed: null } as ScreenJobResult as LocalJobResult<J>;
    const screener = localScreener(await built, job.options);
    const result: ScreenJobResult = { results: await screener.screen(job.rows), indexed: screener.indexed };
    return result as LocalJobResult<J>;
  }
  const { runIngestJob } = await import('../ingest/job-run.ts');
  return await runIngestJob(db, job as IngestJob, ctx) as LocalJobResult<J>;
}
