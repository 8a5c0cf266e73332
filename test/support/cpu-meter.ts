/**
 * Each test file's CPU time, for the timeline (test/support/timeline-reporter.ts):
 * the worker's own and that of every process it started and waited for
 * (room39 commands and servers, PostgreSQL clients, Chromium and its
 * renderers), read from /proc/self/stat before the file's first hook and
 * after its last, and left in the file's meta for the reporter. Wall time
 * alone says little on two cores shared by two files at a time: a file
 * waits as long for the other file's processes as for its own.
 */
import fs from 'node:fs';
import { afterAll, beforeAll } from 'vitest';

declare module 'vitest' {
  interface TaskMeta {
    /** CPU seconds of the file: the worker (user, system) and its finished child processes. */
    cpu?: { self: number; children: number };
  }
}

const TICKS_PER_SECOND = 100;

/** utime + stime and cutime + cstime of this process, in seconds (proc(5): fields 14–17); null off Linux. */
function cpuTimes(): { self: number; children: number } | null {
  let stat: string;
  try {
    stat = fs.readFileSync('/proc/self/stat', 'utf8');
  } catch {
    return null;
  }
  // Fields after the command name, which is in parentheses and may hold spaces: the first of them is field 3.
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
  return { self: (f[11]! + f[12]!) / TICKS_PER_SECOND, children: (f[13]! + f[14]!) / TICKS_PER_SECOND };
}

let atStart: { self: number; children: number } | null = null;

beforeAll(() => {
  atStart = cpuTimes();
});

afterAll(({}, suite) => {
  const now = cpuTimes();
  if (!atStart || !now) return;
  suite.meta.cpu = { self: Math.round((now.self - atStart.self) * 10) / 10, children: Math.round((now.children - atStart.children) * 10) / 10 };
});
