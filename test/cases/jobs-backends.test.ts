/**
 * The re-screening queue on each store engine: pg-boss over its own pool on a
 * PostgreSQL server (two workers, as two `serve` processes would run), and
 * over the store's connection on PGlite. A small case on a store holding only
 * the UN list; a newer UN version is imported; the workers re-screen the case
 * once, whichever takes the job.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backends, freshDb } from '../support/db.ts';
import { importListFile } from '../../src/ingest/lists/import.ts';
import { readScreenCsv } from '../../src/screen/csv-input.ts';
import { parseScreeningOptions } from '../../src/screen/options.ts';
import { screeningService } from '../../src/screen/service.ts';
import { CaseJobs, caseAlerts, caseRuns, createCase } from '../../src/cases/index.ts';
import { UN_FILE, newerUnList } from './fixtures.ts';

describe.each(backends())('re-screening jobs on %s', (backend) => {
  it('a newer list version is re-screened once, by whichever worker takes the job', async () => {
    const t = await freshDb(backend);
    const noBundle = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-nobundle-'));
    const workers: CaseJobs[] = [];
    try {
      const db = t.db;
      await importListFile(db, { format: 'un-xml', file: UN_FILE, link: false });
      const c = await createCase(db, () => screeningService(db), {
        name: `Queue ${backend}`, rows: readScreenCsv(['name\nKorean Tangun Trading Corporation\nGeneral Bureau of Atomic Energy\nHarbor Supplies Ltd\n'], 'q.csv'),
        fileName: 'q.csv', info: () => null, options: parseScreeningOptions({}), actor: 'test',
      });
      const url = backend === 'postgres' ? t.location : null;
      for (let i = 0; i < (backend === 'postgres' ? 2 : 1); i++) workers.push(await CaseJobs.start({ db, databaseUrl: url, bundleRoot: noBundle, pollSeconds: 0.5 }));
      const file = newerUnList({ date: '2026-03-06', remove: 'KPe.008', aliasTo: 'KPe.007', alias: 'GBAE QUEUE TEST' });
      await importListFile(db, { format: 'un-xml', file, link: false });
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
      let runs = 1;
      for (let i = 0; i < 400 && runs < 2; i++) {
        await new Promise((r) => setTimeout(r, 500));
        runs = (await caseRuns(db, c.id)).length;
      }
      await new Promise((r) => setTimeout(r, 1500));
      expect((await caseRuns(db, c.id)).map((r) => r.kind)).toEqual(['screen', 'rescreen']);
      expect((await caseAlerts(db, c.name)).alerts.map((a) => [a.row, a.entity_id, a.change])).toEqual([[1, 'unsc-kpe-008', 'delisted'], [2, 'unsc-kpe-007', 'changed']]);
    } finally {
      for (const w of workers) await w.stop();
      await t.dispose();
      fs.rmSync(noBundle, { recursive: true, force: true });
    }
  }, 600_000);
});
