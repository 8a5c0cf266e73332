/**
 * yente `/match` batches matched off the server's thread: a small pool of worker threads (match-worker.ts), each
 * holding its own copy of the screening index, so the HTTP work of one request and the matching of another run on
 * different cores. Answers are the same text the route's own thread writes (yente-batch.ts, tested).
 *
 * A pool belongs to one screening service (one build of the index): it starts once that service has answered
 * `after` batches in the route's thread (a server that only screens now and then never holds a second index, about
 * 150 MB a worker), and is stopped when the store changes and the service is rebuilt. Until its workers have built
 * their index, and if a worker fails, batches are matched in the route's thread.
 *
 * ROOM39_MATCH_WORKERS sets the number of workers (default: one per core beyond the first, at most 2; 0 = none);
 * ROOM39_MATCH_WORKERS_AFTER the number of batches before they start (default 200).
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { EntityDates } from './index-facts.ts';
import type { ScreeningService } from './service.ts';
import type { YenteBatch } from './yente-batch.ts';
import type { FromMatchWorker, ToMatchWorker } from './match-worker.ts';

const BOOTSTRAP = new URL('./match-worker-bootstrap.mjs', import.meta.url);
/** The worker's module: .ts run through tsx from the sources, .js in the compiled build. */
const ENTRY = new URL(`./match-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url).href;

export interface MatchPoolOptions {
  workers: number;
  /** Batches answered in the route's thread before the workers start. */
  after: number;
}

export function matchPoolOptions(env: NodeJS.ProcessEnv = process.env): MatchPoolOptions {
  const count = (raw: string | undefined, fallback: number) => {
    const n = raw === undefined || raw.trim() === '' ? fallback : Number(raw);
    return Number.isInteger(n) && n >= 0 ? n : fallback;
  };
  return { workers: count(env.ROOM39_MATCH_WORKERS, Math.min(2, Math.max(0, os.availableParallelism() - 1))), after: count(env.ROOM39_MATCH_WORKERS_AFTER, 200) };
}

interface Slot { worker: Worker; ready: boolean; inFlight: number }
interface Pending { resolve: (entries: Uint8Array[] | null) => void; slot: Slot }

export class MatchPool {
  private readonly slots: Slot[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** Resolves when every worker has built its index (or failed). */
  readonly started: Promise<void>;

  constructor(service: ScreeningService, dates: Map<string, EntityDates>, workers: number) {
    const init: ToMatchWorker = { type: 'init', entities: service.matcher.index.entities, dates };
    const starts: Promise<void>[] = [];
    for (let i = 0; i < workers; i++) {
      const worker = new Worker(BOOTSTRAP, { workerData: { entry: ENTRY } });
      worker.unref();
      const slot: Slot = { worker, ready: false, inFlight: 0 };
      this.slots.push(slot);
      starts.push(new Promise((resolve) => {
        worker.on('message', (m: FromMatchWorker) => {
          if (m.type === 'ready') { slot.ready = true; resolve(); return; }
          const p = this.pending.get(m.id);
          if (!p) return;
          this.pending.delete(m.id);
          slot.inFlight--;
          // A batch the worker could not answer is answered in the route's thread, with the route's own errors.
          p.resolve(m.type === 'done' ? splitEntries(m.bytes, m.lengths) : null);
        });
        const fail = () => { this.drop(slot); resolve(); };
        worker.on('error', fail);
        worker.on('exit', fail);
      }));
      worker.postMessage(init);
    }
    this.started = Promise.all(starts).then(() => undefined);
  }

  /** Workers running (ready or building their index). */
  get size(): number {
    return this.slots.length;
  }

  /** The entries of a batch (UTF-8 JSON) from the least busy ready worker; null when no worker is ready (match in the route's thread). */
  run(batch: YenteBatch): Promise<Uint8Array[] | null> {
    let best: Slot | null = null;
    for (const s of this.slots) if (s.ready && (!best || s.inFlight < best.inFlight)) best = s;
    if (!best) return Promise.resolve(null);
    const slot = best;
    const id = this.nextId++;
    slot.inFlight++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve, slot });
      slot.worker.postMessage({ type: 'match', id, batch } satisfies ToMatchWorker);
    });
  }

  private drop(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    for (const [id, p] of this.pending) if (p.slot === slot) { this.pending.delete(id); p.resolve(null); }
  }

  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    for (const [id, p] of this.pending) { this.pending.delete(id); p.resolve(null); }
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}

/** Each entry's bytes: views of the one buffer the worker sent. */
function splitEntries(bytes: Uint8Array, lengths: readonly number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let at = 0;
  for (const n of lengths) { out.push(bytes.subarray(at, at + n)); at += n; }
  return out;
}

/** The service whose batches are counted, with its settings: read from the environment at its first batch. */
let current: { service: ScreeningService; options: MatchPoolOptions; batches: number; pool: MatchPool | null } | null = null;

/**
 * The pool for this service's batches, or null while batches are to be matched in the route's thread. Counts the
 * batch; starts the pool at the `after`-th; stops the pool of a service that has been replaced.
 */
export function matchPoolFor(service: ScreeningService, dates: Map<string, EntityDates>, options?: MatchPoolOptions): MatchPool | null {
  if (current?.service !== service) {
    void current?.pool?.close();
    current = { service, options: matchPoolOptions(), batches: 0, pool: null };
  }
  const { workers, after } = options ?? current.options;
  if (workers === 0) return null;
  current.batches++;
  if (!current.pool && current.batches > after) current.pool = new MatchPool(service, dates, workers);
  return current.pool;
}

/** Stops the workers (a server that closes, a test that is done). */
export async function closeMatchPool(): Promise<void> {
  const pool = current?.pool;
  current = null;
  await pool?.close();
}
