import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    reporters: ['default'],
    // A `room39 serve` a test starts never fetches the official lists from the real publishers (tests that do point the URLs at a loopback server).
    env: { ROOM39_UPDATE_EVERY: '0' },
  },
});
