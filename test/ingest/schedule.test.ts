/**
 * The list schedule of `room39 serve` (src/ingest/lists/schedule.ts) against a
 * loopback publisher: a check that fails (the publisher not serving the file
 * yet, as a machine whose network comes back later) is logged as a warning
 * naming list and URL, and the list is tried again after the retry pause, not
 * after the whole interval; the next check imports the real UN file, whose
 * age is then said as its last check, not as its publication's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readListSettings } from '../../src/config/settings.ts';
import { startListSchedule } from '../../src/ingest/lists/schedule.ts';
import { describeStatus, listStatus } from '../../src/ingest/lists/status.ts';
import { describeList } from '../../web/src/list-freshness.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { OFFICIAL } from '../support/official.ts';
import { startPublisher, type Publisher } from './publisher.ts';

let pub: Publisher;
let t: TestDb;

beforeAll(async () => {
  pub = await startPublisher();
  t = await freshDb();
});
afterAll(async () => {
  await pub?.close();
  await t?.dispose();
});

async function until(what: () => boolean, ms: number, describe: () => string): Promise<void> {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) throw new Error(`timed out waiting: ${describe()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the list schedule in room39 serve', () => {
  it('warns of a failed check and tries the list again after the retry pause, not after the interval', async () => {
    const url = pub.url('ok', 'scheduled.xml');
    const settings = { ...readListSettings({}), urls: { ofac: null, un: url, uk: null, eu: null }, retries: 0 };
    const infos: string[] = [];
    const warnings: string[] = [];
    // Every hour, and a failed list again after 1.5 s: without the retry rule the second check would come in an hour.
    const schedule = startListSchedule(t.db, settings, {
      everyHours: 1, firstDelayMs: 0, retryAfterMs: 1500, log: (m) => infos.push(m), warn: (m) => warnings.push(m),
    });
    try {
      await until(() => warnings.length > 0, 30_000, () => infos.join('\n'));
      expect(warnings[0]).toMatch(/un_sc_sanctions: update failed: .*un_sc_sanctions from .*scheduled\.xml: the server answered 404/);
      expect(warnings[0]).toMatch(/next try in 2 s$/);
      expect(infos.some((m) => m.includes('update failed'))).toBe(false);
      pub.serve('scheduled.xml', OFFICIAL.unXml);
      await until(() => infos.some((m) => m.includes('un_sc_sanctions: version 2026-02-27')), 120_000, () => [...infos, ...warnings].join('\n'));
    } finally {
      schedule.stop();
    }
    const un = (await listStatus(t.db, settings)).lists.find((l) => l.short === 'un')!;
    expect([un.version, un.last_check, un.entries]).toEqual(['2026-02-27', 'fetched', 1003]);
    // Its age is the check's, not the publication's: the file of 2026-02-27 was never "0 days old" (lists status, the
    // server's start log, the web banner).
    expect(describeStatus(un)).toBe('un_sc_sanctions: version 2026-02-27 (published 2026-02-27T00:00:09.554Z; checked with its publisher today), 1003 entries, 155 DPRK-related');
    expect(describeList(un)).toBe('UN Security Council Consolidated List: version 2026-02-27, published 2026-02-27; checked with its publisher today');
  }, 180_000);

  it('tries a failed list again when its retry pause ran out during the run itself, not after the whole interval', async () => {
    // The pause (1 ms) is over before the run has recorded its results: the list is due at once. It used to be
    // left for the interval (an hour here), as it was under load when the run's last queries took longer than the pause.
    const settings = { ...readListSettings({}), urls: { ofac: null, un: null, uk: null, eu: pub.url('ok', 'missing.xml') }, retries: 0 };
    const warnings: string[] = [];
    const schedule = startListSchedule(t.db, settings, { everyHours: 1, firstDelayMs: 0, retryAfterMs: 1, log: () => undefined, warn: (m) => warnings.push(m) });
    try {
      await until(() => warnings.length >= 2, 30_000, () => warnings.join('\n'));
    } finally {
      schedule.stop();
    }
    expect(warnings.slice(0, 2).every((w) => /eu_fsf: update failed: .*missing\.xml: the server answered 404/.test(w))).toBe(true);
  }, 60_000);

  it('says nothing more once stopped: a check still downloading when the server stops is not reported as the list failing', async () => {
    pub.serve('stopping.xml', OFFICIAL.unXml);
    const settings = { ...readListSettings({}), urls: { ofac: null, un: pub.url('slow', 'stopping.xml'), uk: null, eu: null }, retries: 0, timeoutMs: 1500 };
    const lines: string[] = [];
    const schedule = startListSchedule(t.db, settings, { everyHours: 1, firstDelayMs: 3_600_000, log: (m) => lines.push(m), warn: (m) => lines.push(`warning: ${m}`) });
    const check = schedule.runNow();
    await until(() => lines.some((m) => m.includes('checking the official lists')), 30_000, () => lines.join('\n'));
    const said = lines.length;
    schedule.stop();
    const [un] = await check;
    // The download did fail (the body stalls past the timeout), and the caller still gets its result; the log does not.
    expect(un).toMatchObject({ list: 'un_sc_sanctions', status: 'failed' });
    expect(lines.slice(said)).toEqual([]);
  }, 60_000);
});

