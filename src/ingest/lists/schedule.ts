/**
 * The official lists' update schedule inside `room39 serve`: every N hours
 * (ROOM39_UPDATE_EVERY / --update-every, default 6; 0 = never) it runs
 * `updateLists` in the background. It starts after the server answers, so
 * the curated graph is served at once; a list due (never checked, not
 * checked for N hours, or its last check failed over an hour ago) is checked
 * a few seconds after start, the rest when their time comes; after each run
 * the next is set by the same rule, so a list whose check failed is tried
 * again within the hour, not after the whole interval. A failed check is
 * logged as a warning. Only the imports' own transactions hold the store; a
 * machine without network says so in the log and keeps serving.
 */
import type { ListSettings } from '../../config/settings.ts';
import { LIST_KEYS, type ListKey } from '../../config/settings.ts';
import type { Db } from '../../store/db.ts';
import { describeStatus, listStatus, NOT_LOADED_MESSAGE } from './status.ts';
import { updateLists, type ListUpdateResult } from './update.ts';

export interface ScheduleOptions {
  /** Hours between checks of each list; 0 turns the schedule off. */
  everyHours: number;
  log: (message: string) => void;
  /** Where a failed check is logged (a warning; default `log`). */
  warn?: (message: string) => void;
  /** How long after a failed check a list is checked again, at most the interval (default 1 hour). */
  retryAfterMs?: number;
  /** Pause before the first check after start (default 5 s). */
  firstDelayMs?: number;
  /** First backoff pause between retries of one download. */
  backoffMs?: number;
}

export interface ListSchedule {
  /** The run in progress, or the next one started now; resolves with its results. */
  runNow(): Promise<ListUpdateResult[]>;
  /** Stops the timer; a run in progress finishes its current list's transaction or rolls it back with the process. */
  stop(): void;
}

const HOUR = 3_600_000;

const inWords = (ms: number): string => (ms < 120_000 ? `${Math.round(ms / 1000)} s` : ms < 2 * HOUR ? `${Math.round(ms / 60_000)} min` : `${(ms / HOUR).toFixed(1).replace(/\.0$/, '')} h`);

/** Which lists are due now, and when the next one will be. */
async function due(db: Db, settings: ListSettings, everyMs: number, retryMs: number, now: number): Promise<{ lists: ListKey[]; nextAt: number }> {
  const { lists } = await listStatus(db, settings, now);
  const out: ListKey[] = [];
  let nextAt = now + everyMs;
  for (const s of lists) {
    if (!settings.urls[s.short]) continue;
    const checked = s.checked_at ? Date.parse(s.checked_at) : null;
    // A list never loaded is checked now; after a failed check, again within the hour (a network back up is noticed soon).
    const wait = s.last_check === 'failed' ? Math.min(everyMs, retryMs) : everyMs;
    const at = checked === null ? now : checked + wait;
    // One due already (a failed check whose retry pause passed while the run went on) is next at once, not after the interval.
    nextAt = Math.min(nextAt, Math.max(at, now));
    if (at <= now) out.push(s.short);
  }
  return { lists: out, nextAt };
}

/** The least pause between two runs of the schedule (a list whose check cannot be recorded is not fetched in a loop). */
const LEAST_PAUSE_MS = 1000;

export async function logListFreshness(db: Db, settings: ListSettings, log: (m: string) => void): Promise<void> {
  const { lists } = await listStatus(db, settings);
  if (lists.every((l) => !l.version)) log(`room39: ${NOT_LOADED_MESSAGE}`);
  else for (const l of lists) log(`room39: ${describeStatus(l)}`);
}

export function startListSchedule(db: Db, settings: ListSettings, opts: ScheduleOptions): ListSchedule {
  const everyMs = opts.everyHours * HOUR;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<ListUpdateResult[]> | null = null;
  let stopped = false;
  const retryMs = opts.retryAfterMs ?? HOUR;
  // Once stopped, a check still under way says nothing more: its failures are the store closing under it, not the lists'.
  const log = (m: string) => { if (!stopped) opts.log(`room39: ${m}`); };
  const warn = (m: string) => { if (!stopped) (opts.warn ?? opts.log)(`room39: ${m}`); };

  const run = async (only: ListKey[] | null): Promise<ListUpdateResult[]> => {
    const lists = only ?? [...LIST_KEYS].filter((k) => settings.urls[k]);
    if (!lists.length) return [];
    log(`checking the official lists with their publishers in the background: ${lists.join(', ')}`);
    const { lists: results } = await updateLists(db, settings, { lists, log, backoffMs: opts.backoffMs });
    for (const r of results) {
      if (r.status === 'failed') warn(`${r.list}: update failed: ${r.message}${everyMs > 0 ? `; next try in ${inWords(Math.min(everyMs, retryMs))}` : ''}`);
      else log(`${r.list}: ${r.message}`);
    }
    const { lists: now } = await listStatus(db, settings);
    if (now.every((l) => !l.version)) log(NOT_LOADED_MESSAGE);
    return results;
  };

  const schedule = (at: number) => {
    if (stopped || everyMs <= 0) return;
    timer = setTimeout(() => void tick(), Math.max(0, Math.min(at - Date.now(), 2 ** 31 - 1)));
    timer.unref();
  };

  const tick = async () => {
    timer = null;
    try {
      const { lists } = await due(db, settings, everyMs, retryMs, Date.now());
      if (lists.length) {
        running = run(lists);
        await running;
      }
      // When each list is next due, as recorded by this run: a failed one sooner than the interval.
      schedule(Math.max(Date.now() + LEAST_PAUSE_MS, (await due(db, settings, everyMs, retryMs, Date.now())).nextAt));
    } catch (e) {
      warn(`list update stopped by an error: ${e instanceof Error ? e.message : String(e)}; next try in ${opts.everyHours} h`);
      schedule(Date.now() + everyMs);
    } finally {
      running = null;
    }
  };

  if (everyMs > 0) {
    timer = setTimeout(() => void tick(), opts.firstDelayMs ?? 5000);
    timer.unref();
  }
  return {
    runNow: () => running ?? (running = run(null).finally(() => { running = null; })),
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
