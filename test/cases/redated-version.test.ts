/**
 * A list file without a date is labelled by its modification date; `--date` later gives that version its real date
 * and it keeps its label. The next version, published after the real date, has a label that sorts before the first
 * one's: a case screened against the first must still see the next one as newer, and raise its alerts.
 * (The UK summary export, copied under a name without a date, is such a file.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices, type TestServices } from '../support/services.ts';
import { importListFile } from '../../src/ingest/lists/import.ts';
import { readScreenCsv } from '../../src/screen/csv-input.ts';
import { parseScreeningOptions } from '../../src/screen/options.ts';
import { screeningService } from '../../src/screen/service.ts';
import { caseAlerts, caseLists, createCase, rescreenCase } from '../../src/cases/index.ts';
import { casesWithPendingVersions } from '../../src/cases/jobs.ts';
import { OFFICIAL } from '../support/official.ts';
import { newerUkList } from './fixtures.ts';

let t: TestServices;
let dir: string;
beforeAll(async () => {
  t = await openTestServices();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-redated-'));
}, 600_000);
afterAll(async () => {
  await t?.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a case and a list version re-dated with --date', () => {
  it('sees the next version as newer although its label sorts first', async () => {
    const db = t.services.db;
    const undated = path.join(dir, 'uk-sanctions-list.ods');
    fs.copyFileSync(OFFICIAL.ukOds, undated);
    const modified = new Date('2026-11-30T12:00:00Z');
    fs.utimesSync(undated, modified, modified);
    expect(await importListFile(db, { format: 'uk', file: undated })).toMatchObject({ version: '2026-11-30' });

    const csv = 'name,country\r\nKorean Tangun Trading Corp.,KP\r\nNorthwind Textiles Ltd,CN\r\n';
    const c = await createCase(db, () => screeningService(db), {
      name: 'Re-dated list', rows: readScreenCsv([Buffer.from(csv)], 'suppliers.csv'), fileName: 'suppliers.csv', info: () => null,
      options: parseScreeningOptions({}), actor: 'test:analyst',
    });

    // The publication date becomes known: the same file again, with --date.
    expect(await importListFile(db, { format: 'uk', file: undated, date: '2025-08-11' })).toMatchObject({ version: '2026-11-30', redated: { to: '2025-08-11' } });
    const newer = newerUkList({ date: '2026-03-07', remove: ['DPR0169'] });
    try {
      expect(await importListFile(db, { format: 'uk', file: newer })).toMatchObject({ version: '2026-03-07', removed: 1 });
    } finally {
      fs.rmSync(path.dirname(newer), { recursive: true, force: true });
    }

    expect(await casesWithPendingVersions(db)).toContain(c.id);
    expect(await rescreenCase(db, await screeningService(db, true), c.name)).not.toBeNull();
    const { alerts } = await caseAlerts(db, c.name);
    expect(alerts.map((a) => [a.row, a.entity_id, a.change, a.list, a.version])).toEqual([[1, 'unsc-kpe-008', 'changed', 'gb_fcdo_sanctions', '2026-03-07']]);
    expect((await caseLists(db, c.id)).find((l) => l.dataset === 'gb_fcdo_sanctions')?.version).toBe('2026-03-07');
  }, 600_000);
});
