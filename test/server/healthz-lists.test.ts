/**
 * /healthz says in words what monitoring and an operator need of the official lists: beside each list's version and
 * staleness, its last check with the publisher and why it failed, and a note naming the lists missing or old and what
 * to run. Over the test store (OFAC CSV and UN XML imported by hand, long ago published; UK and EU not loaded), with a
 * real failed check of the EU list against a loopback port nothing listens on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { updateList } from '../../src/ingest/lists/update.ts';
import { openTestServices, type TestServices } from '../support/services.ts';
import { closedPort } from '../support/ports.ts';

interface Health {
  lists: { list: string; version: string | null; stale: boolean; last_check: string | null; last_error: string | null; checked_at: string | null }[];
  lists_stale: string[];
  lists_note: string | null;
}

let t: TestServices;
beforeAll(async () => { t = await openTestServices(); });
afterAll(async () => t?.dispose());

describe('/healthz and the official lists', () => {
  it('names the lists not loaded and the stale ones, says what to run, and gives a failed check with its reason', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/eu.xml`;
    const settings = { ...t.services.settings.lists, urls: { ...t.services.settings.lists.urls, eu: url }, retries: 0 };
    const failed = await updateList(t.services.db, settings, 'eu', { backoffMs: 1 });
    expect(failed.status).toBe('failed');

    const res = await createApp(t.services).request('/healthz');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Health;
    const eu = body.lists.find((l) => l.list === 'eu_fsf')!;
    expect(eu).toMatchObject({ version: null, stale: true, last_check: 'failed' });
    expect(eu.last_error).toContain(url);
    expect(eu.last_error).toMatch(/could not connect|ECONNREFUSED/);
    expect(body.lists.find((l) => l.list === 'us_ofac_sdn')).toMatchObject({ version: '2024-05-03', last_check: null, last_error: null });
    expect(body.lists_note).toBe('official lists not loaded: gb_fcdo_sanctions, eu_fsf; stale (older than 7 days, or undated): us_ofac_sdn, un_sc_sanctions: '
      + 'run `room39 lists update` or `room39 import FORMAT FILE`');
  });
});
