/**
 * A vitest reporter writing where the run's time went: for each test file,
 * when it was queued and ended (seconds from the start of the run) and its
 * import, setup and test-and-hook durations (test-artifacts/timeline.json), and
 * each file's whole duration in the form test/support/durations.json takes
 * (test-artifacts/durations.json), for the longest-first order
 * (test/support/sequencer.ts), with each file's CPU time where
 * test/support/cpu-meter.ts measured it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Reporter, TestModule, Vitest } from 'vitest/node';

interface FileTime {
  file: string;
  queued: number;
  ended: number;
  /** Importing the test file (and what it imports), in seconds. */
  collect: number;
  /** Setting up the worker and the environment, in seconds. */
  setup: number;
  /** The tests and their hooks, in seconds. */
  run: number;
  /** CPU seconds of the file's worker and of the processes it started (test/support/cpu-meter.ts), when measured. */
  cpu?: { self: number; children: number };
  ok: boolean;
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;

export default class TimelineReporter implements Reporter {
  private start = Date.now();
  private root = process.cwd();
  private queued = new Map<string, number>();
  private files: FileTime[] = [];

  onInit(vitest: Vitest): void {
    this.start = Date.now();
    this.root = vitest.config.root;
  }

  onTestModuleQueued(m: TestModule): void {
    this.queued.set(m.moduleId, Date.now() - this.start);
  }

  onTestModuleEnd(m: TestModule): void {
    const d = m.diagnostic();
    this.files.push({
      file: path.relative(this.root, m.moduleId).split(path.sep).join('/'),
      queued: seconds(this.queued.get(m.moduleId) ?? 0),
      ended: seconds(Date.now() - this.start),
      collect: seconds(d.collectDuration),
      setup: seconds(d.environmentSetupDuration + d.prepareDuration + d.setupDuration),
      run: seconds(d.duration),
      cpu: m.meta().cpu,
      ok: m.ok(),
    });
  }

  onTestRunEnd(): void {
    const dir = path.join(this.root, 'test-artifacts');
    fs.mkdirSync(dir, { recursive: true });
    const files = [...this.files].sort((a, b) => a.queued - b.queued);
    const busy = files.reduce((s, f) => s + f.collect + f.setup + f.run, 0);
    const cpu = Math.round(files.reduce((s, f) => s + (f.cpu ? f.cpu.self + f.cpu.children : 0), 0));
    fs.writeFileSync(path.join(dir, 'timeline.json'), `${JSON.stringify({ wall: seconds(Date.now() - this.start), busy: Math.round(busy), cpu, files }, null, 1)}\n`);
    const durations = Object.fromEntries([...files].sort((a, b) => b.collect + b.setup + b.run - (a.collect + a.setup + a.run)).map((f) => [f.file, Math.round(f.collect + f.setup + f.run)]));
    fs.writeFileSync(path.join(dir, 'durations.json'), `${JSON.stringify(durations, null, 1)}\n`);
  }
}
