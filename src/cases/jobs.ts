/**
 * Re-screening as background jobs kept in the store, with pg-boss (a
 * maintained PostgreSQL job queue): on a PostgreSQL server its own pool, so
 * several `serve` processes share the work; on PGlite the same tables through
 * the store's own connection, worked in-process. One job per case (the
 * queue's `stately` policy keeps at most one queued and one running per
 * case); a job re-screens its case against every list version imported since
 * its last screening, so a job lost or repeated changes nothing. A sweep on
 * start, after every list import (ingest/lists/versioned-import.ts) and every
 * minute enqueues each case with pending versions: a restart loses none.
 */
import PgBoss from 'pg-boss';
import { jobQueueQueries, underlyingDb, type Db } from '../store/db.ts';
import { onListVersionImported } from '../ingest/lists/versioned-import.ts';
import { screeningService } from '../screen/service.ts';
import { rescreenCase, type RescreenOutcome } from './rescreen.ts';
import { deliverAlerts } from './alerts.ts';
import { importedAfter } from './store.ts';

export const RESCREEN_QUEUE = 'case-rescreen';

export interface CaseJobsOptions {
  db: Db;
  databaseUrl: string | null;
  bundleRoot: string;
  log?: (message: string) => void;
  /** How often a worker asks for jobs (seconds, default 2). */
  pollSeconds?: number;
  /** How often the sweep runs (ms, default 60 s). */
  sweepMs?: number;
}

interface JobData { caseId: string }

/** pg-boss on the store's PGlite connection: one statement with parameters, or a script without. */
function pgliteAdapter(store: Db) {
  const db = jobQueueQueries(store);
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values && values.length) return { rows: await db.query(text, values) };
      try {
        return { rows: await db.query(text) };
      } catch (e) {
        if (!/multiple commands/i.test(String((e as Error).message))) throw e;
        await db.exec(text);
        return { rows: [] };
      }
    },
  };
}

/** Cases whose list versions are behind the store's. */
export async function casesWithPendingVersions(db: Db): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT c.id FROM cases c WHERE c.status = 'ready' AND EXISTS (
       SELECT 1 FROM list_versions v LEFT JOIN case_lists l ON l.case_id = c.id AND l.dataset = v.dataset
         LEFT JOIN list_versions seen ON seen.dataset = l.dataset AND seen.version = l.version
        WHERE l.version IS NULL OR ${importedAfter('v', 'seen', 'l')}) ORDER BY c.id`);
  return rows.map((r) => r.id);
}

/** Re-screens now, in this process, every case (or one) with pending versions: the CLI's way when no server works the queue. */
export async function runPendingRescreens(db: Db, bundleRoot: string, only: string | null = null, actor = 'system'): Promise<RescreenOutcome[]> {
  const ids = (await casesWithPendingVersions(db)).filter((id) => only === null || id === only);
  if (!ids.length) return [];
  const service = await screeningService(db, true);
  const out: RescreenOutcome[] = [];
  for (const id of ids) {
    const r = await rescreenCase(db, service, id, actor);
    if (r) out.push(r);
    await deliverAlerts(db, id);
  }
  return out;
}

export class CaseJobs {
  private timer: NodeJS.Timeout | null = null;
  private unlisten: () => void = () => undefined;

  private constructor(private readonly boss: PgBoss, private readonly opts: CaseJobsOptions) {}

  static async start(opts: CaseJobsOptions): Promise<CaseJobs> {
    const boss = opts.databaseUrl
      ? new PgBoss({ connectionString: opts.databaseUrl, max: 2, application_name: 'room39-jobs' })
      : new PgBoss({ db: pgliteAdapter(opts.db) } as unknown as PgBoss.ConstructorOptions);
    boss.on('error', (e) => opts.log?.(`room39: job queue: ${e.message}`));
    await boss.start();
    await boss.createQueue(RESCREEN_QUEUE, { name: RESCREEN_QUEUE, policy: 'stately', retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 3600 });
    const jobs = new CaseJobs(boss, opts);
    await boss.work<JobData>(RESCREEN_QUEUE, { batchSize: 20, pollingIntervalSeconds: opts.pollSeconds ?? 2 }, (batch) => jobs.work(batch.map((j) => j.data.caseId)));
    jobs.unlisten = onListVersionImported((db) => { if (underlyingDb(db) === opts.db) void jobs.sweep(); });
    jobs.timer = setInterval(() => void jobs.sweep(), opts.sweepMs ?? 60_000);
    jobs.timer.unref();
    await jobs.sweep();
    return jobs;
  }

  /** Enqueues every case with pending versions; returns how many were asked for. */
  async sweep(): Promise<number> {
    try {
      const ids = await casesWithPendingVersions(this.opts.db);
      for (const caseId of ids) await this.boss.send(RESCREEN_QUEUE, { caseId }, { singletonKey: caseId });
      return ids.length;
    } catch (e) {
      this.opts.log?.(`room39: re-screening sweep failed: ${(e as Error).message}`);
      return 0;
    }
  }

  private async work(caseIds: string[]): Promise<void> {
    const service = await screeningService(this.opts.db, true);
    for (const id of [...new Set(caseIds)]) {
      const r = await rescreenCase(this.opts.db, service, id);
      if (r) this.opts.log?.(`room39: case "${r.case}" re-screened against ${r.versions.map((v) => `${v.dataset} ${v.version}`).join(', ')}: ${r.rowsScreened} rows, ${r.alerts.length} alert(s)`);
      const d = await deliverAlerts(this.opts.db, id);
      if (d.error) this.opts.log?.(`room39: case alerts not delivered: ${d.error}`);
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.unlisten();
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
