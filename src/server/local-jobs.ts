/**
 * The work a command hands to the `room39 serve` that holds the data
 * directory instead of doing it over the socket's queries: imports and list
 * updates (src/ingest/jobs.ts), which the server does by COPY with what it
 * remembers of each list; name searches, which the server answers from the
 * name index it keeps (a command would first read every name over the socket
 * to build its own); a file's rows, screened by the server when it holds
 * its screening index already; and a rotation of the testimony key, made with
 * the server's keyring, whose new key the server encrypts with from then on (a
 * command rotating on its own left the server unable to read what moved, and
 * still writing with the old key). A job is plain data both ways.
 */
import type { Db } from '../store/db.ts';
import { Room39Error } from '../errors.ts';
import type { IngestJob, IngestJobContext } from '../ingest/jobs.ts';
import type { LocalJob, LocalJobResult, RotateKeyResult, ScreenJobResult } from '../services.ts';
import type { LiveKeyring } from '../testimony/keyring.ts';

/** Runs a job on the store of this process (the server's, for a command), with the server's testimony keyring. */
export async function runLocalJob<J extends LocalJob>(db: Db, job: J, ctx: IngestJobContext, keys: LiveKeyring): Promise<LocalJobResult<J>> {
  if (job.kind === 'rotate-key') {
    const { readKeyFile, requireKeyring } = await import('../testimony/keyring.ts');
    const { rotateTestimonyKey } = await import('../testimony/store.ts');
    const ring = requireKeyring(keys.view());
    const [newKey] = readKeyFile(job.keyFile);
    if (!newKey) throw new Room39Error('invalid_input', 'the new key file holds no key', job.keyFile);
    let undo: (() => void) | null = null;
    try {
      const result: RotateKeyResult = await rotateTestimonyKey(db, ring, newKey, ctx.actor, () => { undo = keys.rotated(newKey); });
      return result as LocalJobResult<J>;
    } catch (e) {
      (undo as (() => void) | null)?.();
      throw e;
    }
  }
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
