/**
 * `room39 lists update`: for each official list whose URL is set, a
 * conditional download from its publisher (fetch.ts), then the versioned
 * import of the new file (import.ts), one transaction per list. A list that
 * fails (network, server, bad or cut-off file, a date going backwards) is
 * reported with its URL and what went wrong and leaves its data as it was;
 * the other lists go on. `list_fetches` remembers the validators (ETag,
 * Last-Modified) and the outcome of the last check.
 */
import type { ListKey, ListSettings } from '../../config/settings.ts';
import { LIST_KEYS } from '../../config/settings.ts';
import { isRoom39Error } from '../../errors.ts';
import type { Db, Queryable } from '../../store/db.ts';
import { discard, fetchFailed, fetchList, readHead, type Fetched } from './fetch.ts';
import { detectFormat, LIST_DATASET, normalisePublished } from './formats.ts';
import { importListFile } from './import.ts';

export type UpdateStatus = 'fetched' | 'not_modified' | 'failed' | 'off';

export interface ListUpdateResult {
  /** The dataset name (`us_ofac_sdn`). */
  list: string;
  /** The short name (`ofac`). */
  short: ListKey;
  url: string | null;
  status: UpdateStatus;
  /** What happened, for a person: the new version and its counts, "not modified", or why it failed. */
  message: string;
  version: string | null;
  published: string | null;
  entries: number | null;
  dprk_entries: number | null;
  added: number;
  changed: number;
  removed: number;
}

export interface UpdateOptions {
  /** Which lists (default: all four). */
  lists?: readonly ListKey[];
  log?: (message: string) => void;
  /** First backoff pause between retries (tests shorten it). */
  backoffMs?: number;
}

interface FetchState { url: string; etag: string | null; last_modified: string | null }

async function fetchState(q: Queryable, dataset: string): Promise<FetchState | null> {
  const [row] = await q.query<FetchState>('SELECT url, etag, last_modified FROM list_fetches WHERE dataset = $1', [dataset]);
  return row ?? null;
}

async function recordCheck(q: Queryable, dataset: string, url: string, outcome: { status: Exclude<UpdateStatus, 'off'>; message: string; etag?: string | null; lastModified?: string | null; fetched?: boolean }): Promise<void> {
  const ok = outcome.status !== 'failed';
  await q.query(
    `INSERT INTO list_fetches (dataset, url, etag, last_modified, checked_at, succeeded_at, fetched_at, status, message)
     VALUES ($1, $2, $3, $4, now(), CASE WHEN $5 THEN now() END, CASE WHEN $6 THEN now() END, $7, $8)
     ON CONFLICT (dataset) DO UPDATE SET
       url = CASE WHEN $5 THEN EXCLUDED.url ELSE list_fetches.url END, checked_at = now(), status = EXCLUDED.status, message = EXCLUDED.message,
       etag = CASE WHEN $5 THEN EXCLUDED.etag ELSE list_fetches.etag END,
       last_modified = CASE WHEN $5 THEN EXCLUDED.last_modified ELSE list_fetches.last_modified END,
       succeeded_at = CASE WHEN $5 THEN now() ELSE list_fetches.succeeded_at END,
       fetched_at = CASE WHEN $6 THEN now() ELSE list_fetches.fetched_at END`,
    [dataset, url, outcome.etag ?? null, outcome.lastModified ?? null, ok, outcome.fetched === true, outcome.status, outcome.message],
  );
}

/** Validators are sent only when they belong to this URL and the store still holds a version they vouch for. */
async function validators(db: Db, dataset: string, url: string): Promise<{ etag: string | null; lastModified: string | null }> {
  const state = await fetchState(db, dataset);
  const [held] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM list_versions WHERE dataset = $1', [dataset]);
  if (!state || state.url !== url || !held?.n) return { etag: null, lastModified: null };
  return { etag: state.etag, lastModified: state.last_modified };
}

const blank = (short: ListKey, url: string | null) => ({
  list: LIST_DATASET[short], short, url, version: null, published: null, entries: null, dprk_entries: null, added: 0, changed: 0, removed: 0,
});

async function importFetched(db: Db, short: ListKey, got: Fetched, log: (m: string) => void): Promise<ListUpdateResult> {
  const dataset = LIST_DATASET[short];
  const where = `${dataset} from ${got.url}`;
  const format = detectFormat(short, await readHead(got.file), where);
  const [previous] = await db.query<{ entries: number; version: string; published: string }>(
    'SELECT entries, version, coalesce(published, version) AS published FROM list_versions WHERE dataset = $1 ORDER BY coalesce(published, version) DESC, imported_at DESC LIMIT 1', [dataset]);
  log(`${dataset}: downloaded ${(got.bytes / 1e6).toFixed(1)} MB; importing…`);
  const r = await importListFile(db, {
    format, file: got.file, sha256: got.sha256, sourceUrl: got.url, fetchedAt: got.fetchedAt,
    published: got.lastModified ? normalisePublished(new Date(got.lastModified).toISOString()) : null,
    minEntries: previous ? Math.ceil(previous.entries / 2) : undefined,
  });
  for (const w of r.warnings) log(`${dataset}: note: ${w}`);
  const counts = { version: r.version, published: r.published, entries: r.entries, dprk_entries: r.dprk_entries, added: r.added, changed: r.changed, removed: r.removed };
  if (r.status === 'already_imported' && previous && r.version !== previous.version) {
    // An older version's very bytes (a mirror or cache serving a stale copy): not "not modified", and not current.
    throw fetchFailed(dataset, got.url, `the publisher serves version ${r.version} (published ${r.published}) again, older than the current version ${previous.version} (published ${previous.published}); the date goes backwards, so nothing was changed`);
  }
  if (r.status === 'already_imported') {
    return { ...blank(short, got.url), ...counts, added: 0, changed: 0, removed: 0, status: 'not_modified', message: `not modified (the file is version ${r.version}, already imported)` };
  }
  return {
    ...blank(short, got.url), ...counts, status: 'fetched',
    message: `version ${r.version}: ${r.entries} entries (${r.dprk_entries} DPRK-related); added ${r.added}, changed ${r.changed}, removed ${r.removed}`,
  };
}

/** Fetches and imports one list; never throws for the list's own failures (they come back as `failed`). */
export async function updateList(db: Db, settings: ListSettings, short: ListKey, opts: UpdateOptions = {}): Promise<ListUpdateResult> {
  const log = opts.log ?? (() => undefined);
  const dataset = LIST_DATASET[short];
  const url = settings.urls[short];
  if (!url) return { ...blank(short, null), status: 'off', message: `off (ROOM39_LIST_URL_${short.toUpperCase()} is empty)` };
  log(`${dataset}: checking ${url}…`);
  let got: Fetched | null = null;
  try {
    const result = await fetchList({
      dataset, url, ...(await validators(db, dataset, url)), timeoutMs: settings.timeoutMs, maxBytes: settings.maxBytes,
      retries: settings.retries, backoffMs: opts.backoffMs, log,
    });
    if (result.status === 'not_modified') {
      await recordCheck(db, dataset, url, { status: 'not_modified', message: 'not modified (304)', ...(await validators(db, dataset, url)) });
      const [v] = await db.query<{ version: string; published: string; entries: number; dprk_entries: number }>(
        'SELECT version, coalesce(published, version) AS published, entries, dprk_entries FROM list_versions WHERE dataset = $1 ORDER BY coalesce(published, version) DESC, imported_at DESC LIMIT 1', [dataset]);
      return { ...blank(short, url), ...(v ?? {}), status: 'not_modified', message: 'not modified (the publisher answered 304)' };
    }
    got = result;
    const out = await importFetched(db, short, result, log);
    await recordCheck(db, dataset, url, { status: out.status === 'fetched' ? 'fetched' : 'not_modified', message: out.message, etag: result.etag, lastModified: result.lastModified, fetched: true });
    return out;
  } catch (e) {
    // The list and URL lead the message once; what went wrong follows, with the position in the file when a parser found it.
    const problem = isRoom39Error(e) ? (e.where === url ? e.detail : e.message) : `unexpected failure: ${e instanceof Error ? e.message : String(e)}`;
    const err = isRoom39Error(e) && e.code === 'upstream_failed' ? e : fetchFailed(dataset, url, problem, e);
    await recordCheck(db, dataset, url, { status: 'failed', message: err.message }).catch(() => undefined);
    return { ...blank(short, url), status: 'failed', message: err.message };
  } finally {
    if (got) discard(got);
  }
}

/** Every chosen list, one after another (the store takes one import at a time anyway). */
export async function updateLists(db: Db, settings: ListSettings, opts: UpdateOptions = {}): Promise<{ lists: ListUpdateResult[] }> {
  const lists: ListUpdateResult[] = [];
  for (const short of opts.lists ?? LIST_KEYS) lists.push(await updateList(db, settings, short, opts));
  return { lists };
}
