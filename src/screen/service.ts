/**
 * The screening service: one matcher over the store's entities, built once per
 * store and reused by every request (CLI, HTTP, reconciliation, yente-format
 * matching). `runScreen` drives a stream of rows into report writers and
 * returns the summary (or, when the input breaks, tells the writers and throws).
 */
import { writeGeneration, type Queryable } from '../store/db.ts';
import { isRoom39Error } from '../errors.ts';
import { entitiesStamp } from '../store/memo.ts';
import { Matcher, DEFAULT_THRESHOLD } from '../match/matcher.ts';
import { slicesOf } from '../match/candidate-index.ts';
import type { MatchableEntity } from '../match/types.ts';
import { loadMatchableFromStore } from './store-index.ts';
import { entityDates, primeEntityDates } from './index-facts.ts';
import { keepScreeningSnapshot, readScreeningSnapshot, screeningSnapshotKey } from './index-snapshot.ts';
import { MatchCache, screenRow, type ScreenOptions, type ScreenRowResult } from './screen.ts';
import type { CsvRow } from './csv-input.ts';
import type { ReportWriter, ScreenSummary } from './report.ts';

/** How long the index build holds the thread at a time before other work (requests to the server) gets a turn. */
const BUILD_SLICE_MS = 10;

export class ScreeningService {
  readonly matcher: Matcher;
  readonly byId: Map<string, MatchableEntity>;

  /** `from`: built from the store, or read back from the snapshot beside it (index-snapshot.ts). */
  constructor(entities: MatchableEntity[] | Matcher, readonly from: 'store' | 'snapshot' = 'store') {
    this.matcher = entities instanceof Matcher ? entities : new Matcher(entities);
    this.byId = new Map(this.matcher.index.entities.map((e) => [e.id, e]));
  }

  /**
   * From the store: the curated graph and whatever official list versions have been imported or fetched. Read and
   * built in slices (store/batches.ts, `Matcher.build`): the server holding the store answers other requests meanwhile.
   */
  static async fromStore(q: Queryable): Promise<ScreeningService> {
    const slices = slicesOf(BUILD_SLICE_MS);
    return new ScreeningService(await Matcher.build(await loadMatchableFromStore(q, slices), slices));
  }
}

/**
 * The store's service from the snapshot beside it when that describes the store as it is now (index-snapshot.ts), else
 * built; a service built on an embedded store is kept as its snapshot once its dates are read, for the next process.
 */
async function readOrBuild(q: Queryable): Promise<ScreeningService> {
  const key = await screeningSnapshotKey(q);
  if (!key) return ScreeningService.fromStore(q);
  const slices = slicesOf(BUILD_SLICE_MS);
  const snapshot = await readScreeningSnapshot(key, slices);
  if (snapshot) {
    const service = new ScreeningService(snapshot.matcher, 'snapshot');
    primeEntityDates(service, snapshot.dates);
    return service;
  }
  const service = await ScreeningService.fromStore(q);
  keepScreeningSnapshot(key, service.matcher, () => entityDates(q, service), slices);
  return service;
}

interface CachedService {
  service: Promise<ScreeningService>;
  /** The store's entity version the service was built from. */
  version: string;
  checkedAt: number;
  /** The handle's count of writes when the version was last read (PGlite; null elsewhere): see `writeGeneration`. */
  writes: number | null;
  /** The build has finished. */
  built: boolean;
  /** …and the entities' dates /match and /search give are read too (what /readyz waits for). */
  ready: boolean;
}

const cache = new WeakMap<object, CachedService>();
/** How often a cached service asks the store whether its entities changed. */
const RECHECK_MS = 5_000;

/**
 * The cache entry of a store's current screening service, started when there is none or when the store's entities
 * have changed since it was built (checked at most every few seconds), or when `refresh` asks for it.
 */
async function currentEntry(q: Queryable, refresh: boolean): Promise<CachedService> {
  const cached = cache.get(q);
  const now = Date.now();
  if (cached && !refresh && now - cached.checkedAt < RECHECK_MS) return cached;
  // On PGlite this process does every write: while the handle has written nothing, the entities are as they were,
  // and the stamp's counts (tens of ms on the server's own thread, every few seconds, under /match load) are skipped.
  const writes = writeGeneration(q);
  if (cached && !refresh && writes !== null && writes === cached.writes) {
    cached.checkedAt = now;
    return cached;
  }
  const version = await entitiesStamp(q);
  const latest = cache.get(q);
  if (latest && latest !== cached) return latest; // another request started a build while the stamp was read
  if (cached && !refresh && cached.version === version) {
    cached.checkedAt = now;
    cached.writes = writes;
    return cached;
  }
  // Requests wait for the new index, never answered from the one of the store as it was (a list just imported is
  // screened against at once); the server answers what needs no index meanwhile (the build runs in slices).
  const service = readOrBuild(q);
  const entry: CachedService = { service, version, checkedAt: now, writes, built: false, ready: false };
  cache.set(q, entry);
  // Ready once the entities' dates are read too: /match and /search give them, and would read them on first use (seconds).
  service.then((built) => { entry.built = true; return entityDates(q, built).catch(() => undefined); }).then(() => { entry.ready = true; }, () => undefined);
  service.catch(() => {
    if (cache.get(q) === entry) cache.delete(q);
  });
  return entry;
}

/**
 * The screening service of a store, built on first use (seconds, in slices: the server answers other requests
 * meanwhile) and kept; rebuilt when the store's entities have changed since (checked at most every few seconds), or
 * when `refresh` asks for it.
 */
export async function screeningService(q: Queryable, refresh = false): Promise<ScreeningService> {
  return (await currentEntry(q, refresh)).service;
}

/**
 * Whether the store's screening service is built and current (as `screeningService` checks it); when not, its build
 * is started (or goes on) and this answers at once: /readyz says 503 while the index builds or is rebuilt, and until
 * the entities' dates are read (the first /match or /search/{dataset} would read them, seconds).
 */
export async function screeningReady(q: Queryable): Promise<boolean> {
  return (await currentEntry(q, false)).ready;
}

/**
 * The store's screening service if this process has built one already (kept current as `screeningService` keeps it),
 * else null: a caller that can build its own elsewhere is not made to hold a second index here.
 */
export function builtScreeningService(q: Queryable): Promise<ScreeningService> | null {
  return cache.get(q)?.built ? screeningService(q) : null;
}

export { DEFAULT_THRESHOLD };

/**
 * Screens rows a batch at a time: with this process's matcher (`localScreener`), or in the `room39 serve` that holds
 * the store (src/server/local-jobs.ts), whose index is built already.
 */
export interface RowScreener {
  /** Entities in the index the rows are screened against. */
  readonly indexed: number;
  /** Rows sent at once (1 here: each row is written as soon as it is screened). */
  readonly batch: number;
  /** Here the answers come at once (no await per row on the screening path); from the server, as a promise. */
  screen(rows: CsvRow[]): ScreenRowResult[] | Promise<ScreenRowResult[]>;
}

export function localScreener(service: ScreeningService, options: ScreenOptions): RowScreener {
  // Rows that repeat a query (the same supplier again) take the answer already computed.
  const cache = new MatchCache();
  return { indexed: service.matcher.size, batch: 1, screen: (rows) => rows.map((row) => screenRow(service.matcher, row, options, cache)) };
}

/**
 * Screen rows into writers. `afterRow` is awaited after each row (the CLI
 * uses it to wait for slow output and to move its progress bar).
 */
export async function runScreen(
  by: ScreeningService | RowScreener,
  rows: AsyncIterable<CsvRow> | Iterable<CsvRow>,
  options: ScreenOptions,
  writers: ReportWriter[],
  afterRow: (r: ScreenRowResult) => Promise<void> | void = () => undefined,
): Promise<ScreenSummary> {
  const screener = by instanceof ScreeningService ? localScreener(by, options) : by;
  const summary: ScreenSummary = { rows: 0, rowsWithMatch: 0, errors: 0, threshold: options.threshold, dataset: options.dataset.name, indexed: screener.indexed };
  const pending: CsvRow[] = [];
  const flush = async () => {
    const answers = screener.screen(pending.splice(0));
    for (const r of answers instanceof Promise ? await answers : answers) {
      summary.rows++;
      if (r.error) summary.errors++;
      if (r.matches.some((m) => m.match)) summary.rowsWithMatch++;
      for (const w of writers) w.row(r);
      await afterRow(r);
    }
  };
  try {
    for await (const row of rows) {
      pending.push(row);
      if (pending.length >= screener.batch) await flush();
    }
    await flush();
  } catch (e) {
    // The input broke (a CSV unreadable half-way): the rows read before it are still screened and written, then each
    // writer ends what it wrote, saying why; the caller reports the error.
    if (pending.length) await flush().catch(() => undefined);
    const error = { code: isRoom39Error(e) ? e.code : 'unexpected_failure', message: e instanceof Error ? e.message : String(e) };
    for (const w of writers) w.fail?.(error);
    throw e;
  }
  for (const w of writers) w.end(summary);
  return summary;
}
