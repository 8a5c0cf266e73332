/**
 * A report file the command line writes (`screen --out-csv/--out-html`,
 * `case report --out`): written under a temporary name beside its target
 * and renamed into place only when the run succeeds, so a run that fails
 * leaves no partial or empty report, and a report already there is left as
 * it was. The temporary file is opened at once: a path that cannot be
 * written fails before any work is done. A command stopped by Ctrl-C or a
 * kill (SIGINT, SIGTERM, SIGHUP) removes its temporary files as it goes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { invalidOption } from '../errors.ts';

export interface ReportFile {
  /** The file the report is for. */
  readonly target: string;
  write(chunk: string | Uint8Array): void;
  /** Resolves when the file has taken what was written (back-pressure). */
  drained(): Promise<void>;
  /** Finish writing and move the report into place. */
  commit(): Promise<void>;
  /** Drop what was written; the target is left as it was. */
  discard(): void;
}

/** The temporary name of a report being written: beside its target (a rename stays on one file system), hidden, by process. */
function partName(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.part-${process.pid}`);
}

function cannotWrite(option: string, target: string, e: unknown): Error {
  const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'its folder does not exist' : (e as Error).message;
  return invalidOption(option, `cannot write ${target}: ${why}`);
}

/** Temporary files being written now; removed if the process is stopped by a signal before they are renamed. */
const pending = new Set<string>();
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
function onStopSignal(signal: NodeJS.Signals): void {
  for (const part of pending) fs.rmSync(part, { force: true });
  pending.clear();
  process.exit(signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 129);
}
function track(part: string): void {
  if (pending.size === 0) for (const s of STOP_SIGNALS) process.on(s, onStopSignal);
  pending.add(part);
}
function untrack(part: string): void {
  if (pending.delete(part) && pending.size === 0) for (const s of STOP_SIGNALS) process.off(s, onStopSignal);
}

/** Open a report file for `option` (the option that named it, for the message). */
export function openReportFile(target: string, option: string): ReportFile {
  const part = partName(target);
  let fd: number;
  try {
    fd = fs.openSync(part, 'w');
  } catch (e) {
    throw cannotWrite(option, target, e);
  }
  track(part);
  const stream = fs.createWriteStream(part, { fd });
  let failure: unknown = null;
  stream.on('error', (e) => { failure ??= e; });
  // The wait for 'drain' starts when a write finds the buffer full, not when someone asks: a command writing two
  // reports waits for one while the other drains, and a 'drain' nobody listened for yet would be waited for forever.
  let full: Promise<unknown> | null = null;
  return {
    target,
    write: (chunk) => {
      if (failure === null && !stream.write(chunk) && !full) full = once(stream, 'drain').catch((e: unknown) => { failure ??= e; });
    },
    drained: async () => {
      if (full && failure === null) { const wait = full; await wait; if (full === wait) full = null; }
      if (failure !== null) throw cannotWrite(option, target, failure);
    },
    commit: async () => {
      if (failure === null) { stream.end(); await once(stream, 'finish').catch((e: unknown) => { failure ??= e; }); }
      if (failure !== null) throw cannotWrite(option, target, failure);
      try { fs.renameSync(part, target); } catch (e) { throw cannotWrite(option, target, e); } finally { untrack(part); }
    },
    discard: () => {
      stream.destroy();
      fs.rmSync(part, { force: true });
      untrack(part);
    },
  };
}
