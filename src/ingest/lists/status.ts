/**
 * How fresh each official list is: `listStatus(db, settings)` for
 * `room39 lists status`, `/healthz`, the web banner, screening output and
 * reports. One row per list (all four, loaded or not):
 * `{list, version, published, fetched_at, entries, dprk_entries, source_url}`
 * plus when it was last checked, the last check's outcome and whether it is
 * stale. A list is stale when it was never loaded, or when what room39 knows
 * of it is older than 7 days: for a list fetched from its publisher, the last
 * successful check (a list the publisher has not changed is current as of
 * that check); for a file imported by hand, its publication date. A file
 * that carries no date (OFAC's CSV) imported without --date is stale: its
 * modification date says nothing of when the list was published.
 */
import { LIST_KEYS, type ListKey, type ListSettings } from '../../config/settings.ts';
import type { Queryable } from '../../store/db.ts';
import { listInfo } from './entry-statements.ts';
import { LIST_DATASET } from './formats.ts';

export const STALE_AFTER_DAYS = 7;

export interface ListStatus {
  /** The dataset name: us_ofac_sdn, un_sc_sanctions, gb_fcdo_sanctions, eu_fsf. */
  list: string;
  short: ListKey;
  title: string;
  /** The current version's label (YYYY-MM-DD, or YYYY-MM-DD.2 for a second file the same day); null when never loaded. */
  version: string | null;
  /** When the publisher issued it (ISO date-time, or date). */
  published: string | null;
  /** The file carried no date and none was given: `published` is its modification date, a guess, and the list counts as stale. */
  published_assumed: boolean;
  /** When room39 last got this list from its publisher and found it current (ISO); for a file imported by hand, when it was imported. */
  fetched_at: string | null;
  entries: number | null;
  dprk_entries: number | null;
  /** Where the current version came from (null for a file imported by hand: it came from no URL); the configured URL when none is loaded. */
  source_url: string | null;
  /** When the publisher was last asked (ISO), and what came of it. */
  checked_at: string | null;
  last_check: 'fetched' | 'not_modified' | 'failed' | null;
  last_error: string | null;
  /** Whole days since `fetched_at` (fetched lists) or `published` (files imported by hand). */
  age_days: number | null;
  stale: boolean;
  /** Fetching is off for this list (its URL setting is empty). */
  off: boolean;
}

type Time = string | Date;
interface Row {
  version: string; published: string; published_assumed: boolean; entries: number; dprk_entries: number; source_url: string | null;
  fetched_at: Time | null; imported_at: Time;
}
interface FetchRow { url: string; checked_at: Time; succeeded_at: Time | null; status: 'fetched' | 'not_modified' | 'failed'; message: string | null }

const iso = (v: Time | null | undefined): string | null => (v ? new Date(v).toISOString() : null);

function ageDays(since: string | null, now: number): number | null {
  if (!since) return null;
  const t = Date.parse(since.length === 10 ? `${since}T00:00:00Z` : since);
  return Number.isNaN(t) ? null : Math.max(0, Math.floor((now - t) / 86_400_000));
}

export async function listStatus(q: Queryable, settings: ListSettings | null = null, now = Date.now()): Promise<{ lists: ListStatus[] }> {
  const versions = await q.query<Row & { dataset: string }>(
    `SELECT DISTINCT ON (dataset) dataset, version, coalesce(published, version) AS published, published_assumed, entries, dprk_entries, source_url,
            fetched_at, imported_at
       FROM list_versions ORDER BY dataset, coalesce(published, version) DESC, imported_at DESC`);
  const fetches = await q.query<FetchRow & { dataset: string }>(
    'SELECT dataset, url, checked_at, succeeded_at, status, message FROM list_fetches');
  const lists = LIST_KEYS.map((short): ListStatus => {
    const dataset = LIST_DATASET[short];
    const v = versions.find((r) => r.dataset === dataset);
    const f = fetches.find((r) => r.dataset === dataset);
    // A successful check vouches for the current version only when it asked the URL that version came from.
    const vouched = f?.succeeded_at && v?.source_url && f.url === v.source_url ? f.succeeded_at : null;
    const fetchedAt = iso(vouched ?? v?.fetched_at ?? null);
    // A file imported by hand is as old as its publication date; a guessed date (its modification time) vouches for nothing.
    const assumed = !!v && !v.source_url && v.published_assumed;
    const age = v && !assumed ? ageDays(v.source_url ? fetchedAt : v.published, now) : null;
    return {
      list: dataset, short, title: listInfo(dataset).title,
      version: v?.version ?? null, published: v?.published ?? null, published_assumed: assumed,
      fetched_at: fetchedAt ?? iso(v?.imported_at ?? null),
      entries: v?.entries ?? null, dprk_entries: v?.dprk_entries ?? null,
      source_url: v ? v.source_url : settings?.urls[short] ?? null,
      checked_at: iso(f?.checked_at ?? null), last_check: f?.status ?? null, last_error: f?.status === 'failed' ? f.message : null,
      age_days: age, stale: !v || age === null || age > STALE_AFTER_DAYS,
      off: settings ? settings.urls[short] === null : false,
    };
  });
  return { lists };
}

/** What a report says of each list it was screened against: list, version, published (and whether it is a guess), fetched_at, stale. */
export async function screenedLists(q: Queryable, settings: ListSettings | null = null): Promise<Pick<ListStatus, 'list' | 'version' | 'published' | 'published_assumed' | 'fetched_at' | 'stale'>[]> {
  return (await listStatus(q, settings)).lists.map(({ list, version, published, published_assumed, fetched_at, stale }) => ({ list, version, published, published_assumed, fetched_at, stale }));
}

/** The plain sentence a machine without its lists says, on start and in the banner. */
export const NOT_LOADED_MESSAGE = 'official lists not loaded: run `room39 lists update` or `room39 import FORMAT FILE`';

/**
 * What monitoring reads in /healthz beside the rows: null when every list is loaded and current; otherwise which lists are
 * missing or old and what the operator does about it, in one sentence.
 */
export function listsNote(lists: readonly ListStatus[]): string | null {
  if (lists.every((l) => !l.version)) return NOT_LOADED_MESSAGE;
  const missing = lists.filter((l) => !l.version).map((l) => l.list);
  const old = lists.filter((l) => l.version && l.stale).map((l) => l.list);
  if (!missing.length && !old.length) return null;
  const parts = [missing.length ? `not loaded: ${missing.join(', ')}` : '', old.length ? `stale (older than ${STALE_AFTER_DAYS} days, or undated): ${old.join(', ')}` : ''];
  return `official lists ${parts.filter(Boolean).join('; ')}: run \`room39 lists update\` or \`room39 import FORMAT FILE\``;
}

/** What sets the date of a version imported without one. */
export const REDATE_HINT = 'import the same file again with --date YYYY-MM-DD to set it';

/** One line per list for a person: name, version, publication date, age. */
export function describeStatus(s: ListStatus): string {
  if (!s.version) return `${s.list}: never loaded${s.off ? ' (fetching is off)' : ''}${s.last_error ? `; last check failed: ${s.last_error}` : ''}`;
  // A fetched list is as fresh as its last successful check: its age is that check's, not the publication's.
  const age = s.age_days === null ? ''
    : s.source_url ? `; checked with its publisher ${s.age_days === 0 ? 'today' : `${s.age_days} day${s.age_days === 1 ? '' : 's'} ago`}`
    : `, ${s.age_days} day${s.age_days === 1 ? '' : 's'} old`;
  const published = s.published_assumed ? `publication date unknown: the file carries none; dated ${s.published} by its modification time; ${REDATE_HINT}` : `published ${s.published}${age}`;
  return `${s.list}: version ${s.version} (${published})${s.stale ? ' STALE' : ''}, ${s.entries} entries, ${s.dprk_entries} DPRK-related`;
}
