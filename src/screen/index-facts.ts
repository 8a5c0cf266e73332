/**
 * Facts about the screening index that yente's and OpenRefine's doors need
 * beside the matcher: which datasets it holds (an unknown dataset is an
 * error, not an empty answer), and each entity's first seen, last seen and
 * last change dates (yente's `first_seen`, `last_seen`, `last_change` and
 * its `changed_since` filter). Both are computed once per screening service
 * and kept with it.
 */
import type { Queryable } from '../store/db.ts';
import { storedDatasets } from '../store/catalog.ts';
import { compareC, queriesOnThisThread, scanInChunks } from '../store/batches.ts';
import { entityLastSeen, latestListDates } from '../store/list-seen.ts';
import { COLLECTION_NAMES } from './datasets.ts';
import type { ScreeningService } from './service.ts';

export interface EntityDates {
  firstSeen: string | null;
  lastSeen: string | null;
  /** The latest date a value of the entity appeared or a list changed its entry. */
  lastChange: string | null;
}

const datasetCache = new WeakMap<ScreeningService, Promise<ReadonlySet<string>>>();
const dateCache = new WeakMap<ScreeningService, Promise<Map<string, EntityDates>>>();

/**
 * Every dataset the store or the index holds (an entity of it may not be
 * matchable: a dataset of laws is still a dataset), and the collections
 * (default, dprk, …).
 */
export function knownDatasets(q: Queryable, service: ScreeningService): Promise<ReadonlySet<string>> {
  let known = datasetCache.get(service);
  if (!known) {
    known = storedDatasets(q).then((stored) => new Set([
      ...COLLECTION_NAMES, ...stored.map((d) => d.name), ...service.matcher.index.entities.flatMap((e) => e.datasets),
    ]));
    datasetCache.set(service, known);
    known.catch(() => datasetCache.delete(service));
  }
  return known;
}

interface DateRow { id: string; first_seen: string | null; last_seen: string | null; datasets: string[] | null; last_change: string | null }

/** The later of two dates as PostgreSQL's `greatest` gives them (nulls left out), in PGlite's C collation. */
function later(a: string | null | undefined, b: string | null | undefined): string | null {
  if (a == null) return b ?? null;
  if (b == null) return a;
  return compareC(a, b) >= 0 ? a : b;
}

/** Each entity's latest date of a table's column, `SELECT entity_id, max(column) … GROUP BY entity_id`, a range at a time. */
async function latestOf(q: Queryable, table: string, column: string, where: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const sql = (range: string) => `SELECT entity_id, max(${column}) AS latest FROM ${table} WHERE ${range} AND ${where} GROUP BY entity_id`;
  await scanInChunks<{ entity_id: string; latest: string | null }>(q, { table, sql, params: [] }, Number.MAX_SAFE_INTEGER, (rows) => {
    for (const r of rows) {
      const max = later(out.get(r.entity_id), r.latest);
      if (max !== null) out.set(r.entity_id, max);
    }
  });
  return out;
}

/**
 * The dates of every entity. On a store whose queries run on this thread (PGlite in the server), a range of pages at
 * a time (store/batches.ts), the latest dates merged here: one query over the store held the server for seconds.
 */
async function loadDates(q: Queryable): Promise<Map<string, EntityDates>> {
  let rows: DateRow[];
  if (queriesOnThisThread(q)) {
    const statements = await latestOf(q, 'statements', 'first_seen', "review_status = 'accepted'");
    const changes = await latestOf(q, 'list_changes', 'version', 'TRUE');
    rows = [];
    const sql = (range: string) => `SELECT id, first_seen, last_seen, datasets FROM entities WHERE ${range}`;
    await scanInChunks<Omit<DateRow, 'last_change'>>(q, { table: 'entities', sql, params: [] }, Number.MAX_SAFE_INTEGER, (batch) => {
      for (const r of batch) rows.push({ ...r, last_change: later(statements.get(r.id), changes.get(r.id)) });
    });
  } else {
    rows = await q.query<DateRow>(
      `SELECT e.id, e.first_seen, e.last_seen, e.datasets, greatest(s.last_change, c.last_change) AS last_change
         FROM entities e
         LEFT JOIN (SELECT entity_id, max(first_seen) AS last_change FROM statements WHERE review_status = 'accepted' GROUP BY entity_id) s
                ON s.entity_id = e.id
         LEFT JOIN (SELECT entity_id, max(version) AS last_change FROM list_changes GROUP BY entity_id) c ON c.entity_id = e.id`,
    );
  }
  const latest = await latestListDates(q);
  return new Map(rows.map((r) => {
    const lastSeen = entityLastSeen(r.last_seen, r.datasets, latest);
    return [r.id, { firstSeen: r.first_seen, lastSeen, lastChange: r.last_change ?? lastSeen }];
  }));
}

/** Services whose entities' dates have been read. */
const datesRead = new WeakSet<ScreeningService>();

/** The dates of every entity of the store (entities read from a bundled file only have none). */
export function entityDates(q: Queryable, service: ScreeningService): Promise<Map<string, EntityDates>> {
  let dates = dateCache.get(service);
  if (!dates) {
    dates = loadDates(q);
    dateCache.set(service, dates);
    dates.then(() => datesRead.add(service), () => dateCache.delete(service));
  }
  return dates;
}

/** The dates of a service read back from its snapshot (index-snapshot.ts) with it: nothing to read from the store. */
export function primeEntityDates(service: ScreeningService, dates: Map<string, EntityDates>): void {
  dateCache.set(service, Promise.resolve(dates));
  datesRead.add(service);
}

/** Whether `entityDates` has the service's dates at hand (a /match or /search answers without reading them). */
export function entityDatesRead(service: ScreeningService): boolean {
  return datesRead.has(service);
}

/** A date as yente writes its timestamps (ISO seconds without zone); partial dates are padded. */
export function isoTimestamp(date: string | null | undefined): string | null {
  if (!date) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(date);
  if (!m) return null;
  return `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}`;
}
