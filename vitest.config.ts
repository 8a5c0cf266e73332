import { defineConfig } from 'vitest/config';
import { LongestFirstSequencer } from './test/support/sequencer.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // A worker runs its files one after another in one process, modules loaded once: each file loading the sources
    // anew (and rebuilding the lexicons and tables they make on first use) was 150–220 CPU-s of a whole run.
    // Nothing a test file changes in the process is left to the next one (test/server/match-workers.test.ts puts the
    // environment back; the settings a module reads from it are read per server, src/screen/match-pool.ts).
    isolate: false,
    // Two test files at a time: most of a file's time is spent waiting on child processes (CLI, servers, Chromium, PostgreSQL),
    // so the two cores stay busy; vitest's default here (one fewer than the cores) ran the suite one file at a time.
    maxWorkers: 2,
    // Longest files first (from the committed list of their durations), so the two workers end together.
    sequence: { sequencer: LongestFirstSequencer },
    reporters: ['default'],
    setupFiles: ['test/support/cpu-meter.ts'],
    // expect.poll waits up to 20 s (vitest's default is 1 s): a browser test's first search waits for the server to build
    // its index (seconds, in slices, on a shared 2-core machine); a build that held the thread froze the poll's clock too.
    expect: { poll: { timeout: 20_000 } },
    // A `room39 serve` a test starts never fetches the official lists from the real publishers (tests that do point the URLs at a loopback server).
    env: { ROOM39_UPDATE_EVERY: '0' },
  },
});
