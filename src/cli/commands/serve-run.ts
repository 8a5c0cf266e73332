/**
 * What `room39 serve` does once its options are parsed: opens the store, starts the HTTP server, the local socket, the
 * case jobs and the list schedule, and stops them on SIGINT/SIGTERM. Loaded only when serve runs (serve.ts), so other
 * commands do not load the server.
 */
import { serve } from '@hono/node-server';
import { optInt, optString, UsageError, type CliContext, type CommandResult } from '../command.ts';
import { createApp } from '../../server/app.ts';
import { serverLog } from '../../server/log.ts';
import { tuneHeapForServing } from '../../server/heap.ts';
import { securityState } from '../../server/security-state.ts';
import { makeAnchor, writeAnchor } from '../../audit/anchor.ts';
import { listenLocalSocket, type LocalSocket } from '../../server/local-socket.ts';
import { CaseJobs } from '../../cases/jobs.ts';
import { primeExtractionGraph, warmExtraction } from '../../ingest/documents/service.ts';
import { logListFreshness, startListSchedule } from '../../ingest/lists/schedule.ts';
import { onListVersionImported } from '../../ingest/lists/versioned-import.ts';
import { warmSearchIndex } from '../../store/search.ts';
import { underlyingDb } from '../../store/db.ts';

/** How long after the last list import serve rebuilds its search index (imports in a row: one rebuild). */
const SEARCH_WARM_DELAY_MS = 3_000;
/** How long a stopped server waits for work that does not stop by itself (a list check between retries). */
const STOP_GRACE_MS = 5_000;

export async function runServe(ctx: CliContext): Promise<CommandResult> {
  tuneHeapForServing();
  const port = optInt(ctx.args, 'port', ctx.settings.port, 0, 65535);
  const everyRaw = optString(ctx.args, 'update-every');
  const everyHours = everyRaw === null ? ctx.settings.lists.updateEveryHours : Number(everyRaw);
  if (!Number.isFinite(everyHours) || everyHours < 0) throw new UsageError(`--update-every takes hours, 0 or more (0 = never; got "${everyRaw}")`);
  const host = optString(ctx.args, 'host') ?? ctx.settings.host;
  // The server's log is JSON lines (src/server/log.ts); the URL line ends in a space so `serving (\S+)` finds the URL.
  const log = serverLog();
  log.info({ database: ctx.settings.databaseUrl ? 'postgres' : 'pglite' }, `opening ${ctx.settings.databaseUrl ? 'the PostgreSQL database' : `the data directory ${ctx.settings.dataDir}`}`);
  const services = await ctx.services();
  const b = services.bundle;
  log.info({ curated: b.curated, statements: b.statements, figures: b.figures, testimonies: b.testimonies }, b.curated === 'loaded' ? `loaded the curated dataset (${b.statements} statements, ${b.figures} figures)` : 'curated dataset is current');
  for (const l of b.lists) log.info({ list: l.name, status: l.status }, `${l.name}: ${l.status}`);
  const app = createApp(services);
  const anchorTo = ctx.settings.security.auditAnchor;
  const anchor = async () => {
    if (!anchorTo.file && !anchorTo.webhook) return;
    try {
      const a = await makeAnchor(services.db);
      await writeAnchor(a, anchorTo);
      log.info({ anchor: a }, 'anchored the audit trail outside the database');
    } catch (e) {
      log.error({ error: e instanceof Error ? e.message : String(e) }, 'could not anchor the audit trail');
    }
  };
  await anchor();
  const anchorTimer = setInterval(() => void anchor(), anchorTo.minutes * 60_000).unref();
  // Extraction runs in worker processes (a budget per document); they start with the first document, or now when asked
  // (ROOM39_EXTRACT_WARM=1): two idle workers holding the graph's names cost about 150 MB.
  if (services.settings.documents.warm) await warmExtraction(services.db, services.settings.documents);
  else await primeExtractionGraph(services.db, services.settings.documents)
    .catch((e: Error) => log.error({ error: e.message }, 'could not read the graph for extraction now; the first document will'));
  // The command line works through the server while it holds an embedded data directory (src/server/local-socket.ts).
  const local: LocalSocket | null = ctx.settings.databaseUrl ? null : await listenLocalSocket(services, (m: string) => log.info(m));
  if (local) log.info({ socket: local.path }, `commands on this machine reach the store through ${local.path}`);
  // Cases are re-screened in the background when a list version is imported (jobs kept in the store).
  const jobs = await CaseJobs.start({ db: services.db, databaseUrl: ctx.settings.databaseUrl, bundleRoot: ctx.settings.bundleRoot, log: (m: string) => log.info(m) })
    .catch((e: Error) => { log.error({ error: e.message }, 'case re-screening jobs not started'); return null; });
  // A new list version: the search index is rebuilt soon, in slices, rather than by the next search, which would wait for
  // it; a few seconds after the last of several imports (a first start imports four lists in a row), so it is built once.
  let searchWarmTimer: NodeJS.Timeout | undefined;
  const unlistenSearch = onListVersionImported((db) => {
    if (underlyingDb(db) !== underlyingDb(services.db)) return;
    clearTimeout(searchWarmTimer);
    searchWarmTimer = setTimeout(() => void warmSearchIndex(services.db), SEARCH_WARM_DELAY_MS).unref();
  });
  // The official lists: how fresh they are now, then checked with their publishers in the background (src/ingest/lists/schedule.ts).
  const listLog = (m: string) => log.info(m.replace(/^room39: /, ''));
  const listWarn = (m: string) => log.warn(m.replace(/^room39: /, ''));
  await logListFreshness(services.db, ctx.settings.lists, listLog);
  let lists: ReturnType<typeof startListSchedule> | null = null;
  await new Promise<void>((resolve) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
      const url = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${info.port}`;
      log.info({ url }, `serving ${url} (Ctrl-C stops)`);
      lists = startListSchedule(services.db, ctx.settings.lists, { everyHours, log: listLog, warn: listWarn });
      if (everyHours === 0) log.info('the official lists are not checked on a schedule (--update-every 0); run room39 lists update');
    });
    const stop = () => {
      log.info('stopping');
      lists?.stop();
      unlistenSearch();
      clearTimeout(searchWarmTimer);
      void jobs?.stop().catch(() => undefined);
      clearInterval(anchorTimer);
      // Refusals counted but not yet written go into the audit trail, and the head is anchored, before the store closes;
      // commands still running through the socket are cut off (their open transactions roll back).
      const flushed = securityState(services).refusals.flush()
        .catch((e: unknown) => log.error({ error: e instanceof Error ? e.name : 'error' }, 'could not write the counted refusals'))
        .then(anchor);
      void flushed.then(() => (local ? local.close() : undefined)).finally(() => server.close(() => resolve()));
      setTimeout(() => resolve(), 3000).unref();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  // A list check waiting between retries or still downloading must not hold the stopped server for minutes:
  // once the store has had a few seconds to close, the process ends, and what the check had not committed rolls back with it.
  setTimeout(() => {
    log.info('a list check was still running: abandoned (nothing of it was committed)');
    process.exit(process.exitCode ?? 0);
  }, STOP_GRACE_MS).unref();
  return { json: { stopped: true }, text: '' };
}
