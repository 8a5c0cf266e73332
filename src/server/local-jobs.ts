/**
 * The work a command hands to the `room39 serve` that holds the data
 * directory instead of doing it over the socket's queries: imports and list
 * updates (src/ingest/jobs.ts), which the server does by COPY with what it
 * remembers of each list, and name searches, which the server answers from
 * the name index it keeps built (a command would first read every name over
 * the socket to build its own). A job is plain data both ways.
 */
import type { Db } from '../store/db.ts';
import type { SearchHit, SearchOptions } from '../store/search.ts';
import type { IngestJob, IngestJobContext, IngestJobResult } from '../ingest/jobs.ts';

export interface SearchJob {
  kind: 'search';
  query: string;
  options: SearchOptions;
}

export type LocalJob = IngestJob | SearchJob;
export type LocalJobResult<J extends LocalJob = LocalJob> = J extends SearchJob ? SearchHit[] : J extends IngestJob ? IngestJobResult<J> : never;

/** Runs a job on the store of this process (the server's, for a command). */
export async function runLocalJob<J extends LocalJob>(db: Db, job: J, ctx: IngestJobContext): Promise<LocalJobResult<J>> {
  if (job.kind === 'search') {
    const { searchWithCountries } = await import('../store/country-search.ts');
    return await searchWithCountries(db, job.query, job.options) as LocalJobResult<J>;
  }
  const { runIngestJob } = await import('../ingest/job-run.ts');
  return await runIngestJob(db, job as IngestJob, ctx) as LocalJobResult<J>;
}
