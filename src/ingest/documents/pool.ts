/**
 * Extraction off the server's process (issue 16, item 2): a pool of child
 * processes reads PDFs and extracts documents, one job per worker at a time,
 * each within a budget — time (default 30 s) and memory (default 512 MB). A
 * job past its budget has its worker stopped and is refused with a message
 * saying which budget it passed; the worker is replaced. The server keeps
 * answering (`/healthz`, search) whatever a document holds.
 *
 * Processes, not worker threads: a worker thread that reaches its heap limit
 * inside some V8 paths (a regular expression, for one) takes the whole
 * process down with it, so a thread's memory budget could stop the server.
 */
import { fork, type ChildProcess } from 'node:child_process';
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
  worker: ChildProcess;
  /** The end of the worker's standard error: how a heap-limit death is told from another. */
  stderrTail: string;
  busy: Pending | null;
  timer: NodeJS.Timeout | null;
  stamp: string | null;
  /** The worker has loaded its modules: a job's budget counts from then, not from the worker's start. */
  ready: boolean;
}

const BOOTSTRAP = new URL('./pool-bootstrap.mjs', import.meta.url);
/** The worker's module: .ts run through tsx from the sources, .js in the compiled build. */
const ENTRY = new URL(`./pool-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url).href;
const HEAP_LIMIT = /heap limit|heap out of memory|allocation failed/i;

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
      send(slot, { type: 'graph', stamp: this.graph.stamp, entities: this.graph.entities });
      slot.stamp = this.graph.stamp;
    }
  }

  /** Stops every worker; jobs waiting are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Room39Error('database_unreachable', 'the server is shutting down', p.where));
    await Promise.all(this.slots.splice(0).map((s) => stop(s.worker)));
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
    const worker = fork(BOOTSTRAP, [ENTRY], {
      execArgv: [`--max-old-space-size=${this.limits.memoryMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const slot: Slot = { worker, stderrTail: '', busy: null, timer: null, stamp: null, ready: false };
    idle(slot);
    worker.stderr?.setEncoding('utf8');
    worker.stderr?.on('data', (chunk: string) => {
      slot.stderrTail = (slot.stderrTail + chunk).slice(-4096);
    });
    worker.on('message', (m: FromWorker) => this.onMessage(slot, m));
    worker.on('error', (e: Error) => this.onExit(slot, e));
    worker.on('exit', () => this.onExit(slot, HEAP_LIMIT.test(slot.stderrTail) ? 'memory' : null));
    this.slots.push(slot);
    return slot;
  }

  private start(slot: Slot, p: Pending): void {
    slot.busy = p;
    busy(slot);
    if (p.job.kind === 'extract' && p.job.withResolver && this.graph && slot.stamp !== this.graph.stamp) {
      send(slot, { type: 'graph', stamp: this.graph.stamp, entities: this.graph.entities });
      slot.stamp = this.graph.stamp;
    }
    if (slot.ready) this.startClock(slot);
    send(slot, { type: 'job', id: p.id, job: p.job });
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
    idle(slot);
  }

  /** A job past its budget: its worker is stopped (and replaced when needed), the job refused saying which budget. */
  private fail(slot: Slot, budget: 'time' | 'memory'): void {
    const p = slot.busy;
    this.finish(slot);
    this.remove(slot);
    void stop(slot.worker);
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
      else p.reject(new Room39Error('invalid_input', `the extraction worker stopped (${cause instanceof Error ? cause.message : exitOf(slot.worker)})`, p.where));
    }
    this.dispatch();
  }

  private remove(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
  }
}

function send(slot: Slot, message: ToWorker): void {
  if (slot.worker.connected) slot.worker.send(message);
}

/** An idle worker does not keep the process alive; a busy one does, until its answer. */
function idle(slot: Slot): void {
  slot.worker.unref();
  slot.worker.channel?.unref();
}

function busy(slot: Slot): void {
  slot.worker.ref();
  slot.worker.channel?.ref();
}

function exitOf(worker: ChildProcess): string {
  return worker.signalCode ? `signal ${worker.signalCode}` : `exit code ${worker.exitCode ?? 'unknown'}`;
}

/** Kills a worker and waits for it to be gone. */
function stop(worker: ChildProcess): Promise<void> {
  if (worker.exitCode !== null || worker.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    worker.ref();
    worker.once('exit', () => resolve());
    worker.kill('SIGKILL');
  });
}

function budgetError(budget: 'time' | 'memory', p: Pending, limits: PoolLimits): Room39Error {
  const what = p.job.kind === 'pdf' ? 'reading the PDF' : 'extracting the document';
  return budget === 'time'
    ? new Room39Error('too_large', `${what} took longer than ${Math.round(limits.timeoutMs / 1000)} s, the time budget per document (ROOM39_EXTRACT_TIMEOUT_S); split the document or raise the budget`, p.where)
    : new Room39Error('too_large', `${what} needed more than ${limits.memoryMb} MB, the memory budget per document (ROOM39_EXTRACT_MEMORY_MB); split the document or raise the budget`, p.where);
}
