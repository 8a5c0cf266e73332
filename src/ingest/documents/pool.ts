/**
 * Extraction off the server's main thread (issue 16, item 2): a pool of
 * worker threads reads PDFs and extracts documents, one job per worker at a
 * time, each within a budget — time (default 30 s) and memory (default
 * 512 MB). A job past its budget has its worker stopped and is refused with
 * a message saying which budget it passed; the worker is replaced. The main
 * thread keeps answering (`/healthz`, search) whatever a document holds.
 */
import { Worker } from 'node:worker_threads';
import { Room39Error } from '../../errors.ts';
import type { ExtractionResult } from '../../extract/types.ts';
import type { EntityView } from '../../model/entity.ts';
import type { PdfCaps, PdfText } from './pdf.ts';
import type { FromWorker, Job, JobResult, ToWorker } from './pool-protocol.ts';

export interface PoolLimits {
  workers: number;
  timeoutMs: number;
  memoryMb: number;
}

interface Pending {
  id: number;
  job: Job;
  where: string | null;
  resolve: (r: JobResult) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: Pending | null;
  timer: NodeJS.Timeout | null;
  stamp: string | null;
  /** The worker has loaded its modules: a job's budget counts from then, not from the worker's start. */
  ready: boolean;
}

const BOOTSTRAP = new URL('./pool-bootstrap.mjs', import.meta.url);
const ENTRY = new URL('./pool-worker.ts', import.meta.url).href;

export class ExtractionPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private graph: { stamp: string; entities: EntityView[] } | null = null;
  private closed = false;

  constructor(readonly limits: PoolLimits) {}

  /** The graph names are resolved against; sent to each worker once per change. */
  setGraph(stamp: string, entities: EntityView[]): void {
    this.graph = { stamp, entities };
  }

  get graphStamp(): string | null {
    return this.graph?.stamp ?? null;
  }

  async extract(text: string, where: string | null = null): Promise<ExtractionResult> {
    const r = await this.run({ kind: 'extract', text, withResolver: this.graph !== null }, where);
    if (r.kind !== 'extract') throw new Error('extraction pool: wrong answer kind');
    return r.extraction;
  }

  async readPdf(bytes: Uint8Array, where: string | null, caps: Omit<PdfCaps, 'maxMs'>): Promise<PdfText> {
    const r = await this.run({ kind: 'pdf', bytes, where, caps: { ...caps, maxMs: this.limits.timeoutMs } }, where);
    if (r.kind !== 'pdf') throw new Error('extraction pool: wrong answer kind');
    return r.text;
  }

  /** Starts every worker and sends each the graph, so the first document does not wait for them. */
  warm(): void {
    while (this.slots.length < this.limits.workers) this.spawn();
    if (!this.graph) return;
    for (const slot of this.slots) {
      if (slot.stamp === this.graph.stamp) continue;
      slot.worker.postMessage({ type: 'graph', stamp: this.graph.stamp, entities: this.graph.entities } satisfies ToWorker);
      slot.stamp = this.graph.stamp;
    }
  }

  /** Stops every worker; jobs waiting are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Room39Error('database_unreachable', 'the server is shutting down', p.where));
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private run(job: Job, where: string | null): Promise<JobResult> {
    if (this.closed) return Promise.reject(new Room39Error('database_unreachable', 'the server is shutting down', where));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, where, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length) {
      let slot = this.slots.find((s) => !s.busy);
      if (!slot && this.slots.length < this.limits.workers) slot = this.spawn();
      if (!slot) return;
      const p = this.queue.shift()!;
      this.start(slot, p);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(BOOTSTRAP, {
      workerData: { entry: ENTRY },
      resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, this.limits.memoryMb >> 3)) },
    });
    const slot: Slot = { worker, busy: null, timer: null, stamp: null, ready: false };
    worker.unref();
    worker.on('message', (m: FromWorker) => this.onMessage(slot, m));
    worker.on('error', (e: Error & { code?: string }) => this.onExit(slot, e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : e));
    worker.on('exit', () => this.onExit(slot, null));
    this.slots.push(slot);
    return slot;
  }

  private start(slot: Slot, p: Pending): void {
    slot.busy = p;
    if (p.job.kind === 'extract' && p.job.withResolver && this.graph && slot.stamp !== this.graph.stamp) {
      slot.worker.postMessage({ type: 'graph', stamp: this.graph.stamp, entities: this.graph.entities } satisfies ToWorker);
      slot.stamp = this.graph.stamp;
    }
    if (slot.ready) this.startClock(slot);
    slot.worker.postMessage({ type: 'job', id: p.id, job: p.job } satisfies ToWorker);
  }

  private startClock(slot: Slot): void {
    slot.timer = setTimeout(() => this.fail(slot, 'time'), this.limits.timeoutMs);
  }

  private onMessage(slot: Slot, m: FromWorker): void {
    if (m.type === 'ready') {
      slot.ready = true;
      if (slot.busy && !slot.timer) this.startClock(slot);
      return;
    }
    const p = slot.busy;
    if (!p || p.id !== m.id) return;
    this.finish(slot);
    if (m.type === 'done') p.resolve(m.result);
    else p.reject(new Room39Error(m.error.code, m.error.message, m.error.where));
    this.dispatch();
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.busy = null;
  }

  /** A job past its budget: its worker is stopped (and replaced when needed), the job refused saying which budget. */
  private fail(slot: Slot, budget: 'time' | 'memory'): void {
    const p = slot.busy;
    this.finish(slot);
    this.remove(slot);
    void slot.worker.terminate();
    if (p) p.reject(budgetError(budget, p, this.limits));
    this.dispatch();
  }

  private onExit(slot: Slot, cause: 'memory' | Error | null): void {
    if (!this.slots.includes(slot)) return;
    const p = slot.busy;
    this.finish(slot);
    this.remove(slot);
    if (p) {
      if (cause === 'memory') p.reject(budgetError('memory', p, this.limits));
      else p.reject(new Room39Error('invalid_input', `the extraction worker stopped (${cause instanceof Error ? cause.message : 'exited'})`, p.where));
    }
    this.dispatch();
  }

  private remove(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
  }
}

function budgetError(budget: 'time' | 'memory', p: Pending, limits: PoolLimits): Room39Error {
  const what = p.job.kind === 'pdf' ? 'reading the PDF' : 'extracting the document';
  return budget === 'time'
    ? new Room39Error('too_large', `${what} took longer than ${Math.round(limits.timeoutMs / 1000)} s, the time budget per document (ROOM39_EXTRACT_TIMEOUT_S); split the document or raise the budget`, p.where)
    : new Room39Error('too_large', `${what} needed more than ${limits.memoryMb} MB, the memory budget per document (ROOM39_EXTRACT_MEMORY_MB); split the document or raise the budget`, p.where);
}
