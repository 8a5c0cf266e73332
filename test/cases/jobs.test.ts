/**
 * Re-screening as background jobs kept in the store (pg-boss on PGlite here):
 * a list version imported while no worker runs is picked up when the worker
 * starts (a restart loses nothing); a UN delisting of an entity OFAC still
 * designates is `changed`, not `delisted`; a false positive whose entity
 * gains an alias comes back marked; a new alias raises a new match; the
 * case's webhook receives the alerts as JSON. The queue's polling is not a write of the store.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices, type TestServices } from '../support/services.ts';
import { importListFile } from '../../src/ingest/lists/import.ts';
import { readScreenCsv, type InputInfo } from '../../src/screen/csv-input.ts';
import { parseScreeningOptions } from '../../src/screen/options.ts';
import { screeningService } from '../../src/screen/service.ts';
import { CaseJobs, caseAlerts, createCase, decide, type CaseAlert } from '../../src/cases/index.ts';
import { UN_FILE, newerUnList } from './fixtures.ts';
import { writeGeneration } from '../../src/store/db.ts';
import { memoUntilWrite } from '../../src/store/memo.ts';

let t: TestServices;
let hook: http.Server;
const received: { case: string; alerts: CaseAlert[] }[] = [];
beforeAll(async () => {
  t = await openTestServices();
  await importListFile(t.services.db, { format: 'un-xml', file: UN_FILE });
  hook = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => { received.push(JSON.parse(body)); res.end('ok'); });
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
}, 600_000);
afterAll(async () => { hook?.close(); await t?.dispose(); });

describe('re-screening jobs', () => {
  it('work through the store after a restart, tell changed from delisted, bring back a changed false positive, raise new matches, call the webhook', async () => {
    const db = t.services.db;
    const csv = ['name,country', 'Korea Ryonbong General Corporation,KP', 'Green Pine Associated Corporation,KP', 'Pyongyang Bluebird Export Company,CN',
      ...Array.from({ length: 97 }, (_, i) => `Harbor Supplies ${i} Ltd,PL`)].join('\n');
    let info: InputInfo | null = null;
    const c = await createCase(db, () => screeningService(db), {
      name: 'Jobs case', rows: readScreenCsv([csv], 'jobs.csv', () => undefined, { onInfo: (i) => { info = i; } }), fileName: 'jobs.csv', info: () => info,
      options: parseScreeningOptions({}), actor: 'test', webhookUrl: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/alerts`,
    });
    await decide(db, c.name, { row: 2, entityId: 'unsc-kpe-010', decision: 'false_positive', reason: 'A garden centre in Busan' }, 'user:reviewer');
    // Imported with no worker running: the job is found from the store when the worker starts.
    const file = newerUnList({ date: '2026-03-20', remove: 'KPe.002', aliasTo: 'KPe.010', alias: 'GREEN PINE FORESTRY TRADING', more: [{ aliasTo: 'KPe.013', alias: 'PYONGYANG BLUEBIRD EXPORT COMPANY' }] });
    await importListFile(db, { format: 'un-xml', file });
    const jobs = await CaseJobs.start({ db, databaseUrl: null, bundleRoot: t.services.settings.bundleRoot, pollSeconds: 0.5 });
    let alerts: CaseAlert[] = [];
    try {
      for (let i = 0; i < 240 && (alerts.length === 0 || received.length === 0); i++) {
        await new Promise((r) => setTimeout(r, 500));
        alerts = (await caseAlerts(db, c.name)).alerts;
      }
    } finally {
      await jobs.stop();
    }
    const of = (row: number) => alerts.filter((a) => a.row === row).map((a) => [a.entity_id, a.change, a.since_decision]);
    // Ryonbong: the UN removed it, OFAC still designates it: changed (each of its records), never delisted.
    expect(of(1)).toContainEqual(['unsc-kpe-002', 'changed', false]);
    expect(of(1).every(([, change]) => change === 'changed')).toBe(true);
    expect(alerts.find((a) => a.entity_id === 'unsc-kpe-002')?.details.what).toMatch(/lost designation un_sc_sanctions:KPe\.002/);
    // Green Pine: decided a false positive, then gained an alias: back, marked.
    expect(of(2)).toContainEqual(['unsc-kpe-010', 'changed', true]);
    expect(alerts.find((a) => a.entity_id === 'unsc-kpe-010')?.details.note).toBe('changed since your decision');
    // Bank of East Land's new alias is this supplier's name: a new match.
    expect(of(3)).toEqual([['unsc-kpe-013', 'new_match', false]]);
    expect(of(4)).toEqual([]);
    expect(received[0]?.case).toBe('Jobs case');
    expect(received.flatMap((r) => r.alerts).map((a) => a.entity_id).sort()).toEqual(alerts.map((a) => a.entity_id).sort());
  }, 900_000);

  it('polling for jobs (a write to the job tables every poll) does not count as a write of the store: caches keyed on writes hold', async () => {
    const db = t.services.db;
    const jobs = await CaseJobs.start({ db, databaseUrl: null, bundleRoot: t.services.settings.bundleRoot, pollSeconds: 0.5 });
    try {
      await new Promise((r) => setTimeout(r, 1000));
      const before = writeGeneration(db);
      let computed = 0;
      const count = () => memoUntilWrite(db, 'jobs-test', 60_000, async () => ++computed);
      await count();
      // Six polls or more.
      await new Promise((r) => setTimeout(r, 3500));
      expect(writeGeneration(db)).toBe(before);
      expect(await count()).toBe(1);
      // A write of the store still counts.
      await db.query("UPDATE cases SET name = name WHERE id = 'none'");
      expect(writeGeneration(db)).not.toBe(before);
      expect(await count()).toBe(2);
    } finally {
      await jobs.stop();
    }
  }, 120_000);
});
