/**
 * Stopping `room39 serve` (SIGTERM, Ctrl-C) while its background list check
 * is waiting to retry an unreachable publisher: the server ends within
 * seconds, not after the check's whole retry schedule, and the store opens
 * again afterwards with nothing half-written.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadedDataDir } from '../support/services.ts';
import { serve } from './local-server.ts';
import { spawnSync } from 'node:child_process';
import { BIN } from './local-server.ts';
import { MAX_OUTPUT } from '../support/child.ts';
import { closedPort } from '../support/ports.ts';

let dataDir = '';
beforeAll(async () => { dataDir = await loadedDataDir(); });
afterAll(() => { if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true }); });

describe('room39 serve stops while a list check retries', { timeout: 300_000 }, () => {
  it('ends within seconds of SIGTERM, not after the retries, and the store opens after', async () => {
    const port = await closedPort();
    const served = await serve(dataDir, {
      ROOM39_UPDATE_EVERY: '6', ROOM39_LIST_RETRIES: '5',
      ROOM39_LIST_URL_OFAC: '', ROOM39_LIST_URL_UK: '', ROOM39_LIST_URL_EU: '', ROOM39_LIST_URL_UN: `http://127.0.0.1:${port}/consolidated.xml`,
    });
    // Retries 2, 4, 8, 16 and 32 s apart: a minute of waiting if the stop waited for them.
    await served.waitFor(/could not connect.*trying again in/, 120_000);
    const asked = Date.now();
    await served.stop('SIGTERM');
    const took = Date.now() - asked;
    expect(took, served.output()).toBeLessThan(20_000);
    const r = spawnSync(process.execPath, [BIN, 'lists', 'status', '--json', '--data', dataDir], { encoding: 'utf8', maxBuffer: MAX_OUTPUT, env: { ...process.env, DATABASE_URL: '' } });
    expect(r.status, r.stderr).toBe(0);
    const un = (JSON.parse(r.stdout) as { lists: { list: string; version: string | null }[] }).lists.find((l) => l.list.startsWith('un'));
    expect(un?.version).toBe('2026-02-27');
  });
});
