/**
 * A list file that carries no date (OFAC's CSV) imported without --date is
 * dated by its modification time: a guess, so the list is never called
 * current on it; importing the same file again with --date sets the real
 * date (audited); a version whose date was known keeps it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngestJob } from '../../src/ingest/job-run.ts';
import type { ImportJob, IngestJobEvent } from '../../src/ingest/jobs.ts';
import type { ListImportResult } from '../../src/ingest/lists/import.ts';
import { describeStatus, listStatus, screenedLists } from '../../src/ingest/lists/status.ts';
import { backends, freshDb, type TestDb } from '../support/db.ts';
import { OFFICIAL } from '../support/official.ts';
import { describeLists } from '../../src/screen/report.ts';
import { designationsOf } from '../../src/store/designations.ts';
import { alreadyImported } from '../../src/cli/commands/import.ts';
import { statusText } from '../../src/cli/lists-status-text.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-test-dates-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The first 300 entries of the real OFAC CSV, modified on 2026-01-02 (a copy made that day of an older list). */
function undatedCsv(): string {
  const lines = fs.readFileSync(OFFICIAL.ofacCsv, 'latin1').split('\r\n');
  const file = path.join(tmp, 'sdn.csv');
  fs.writeFileSync(file, `${lines.slice(0, 300).join('\r\n')}\r\n`, 'latin1');
  fs.utimesSync(file, new Date('2026-01-02T10:00:00Z'), new Date('2026-01-02T10:00:00Z'));
  return file;
}

describe.each(backends())('a list file with no date (%s)', (backend) => {
  let t: TestDb;
  let file = '';
  const events: IngestJobEvent[] = [];
  const importJob = (date?: string) => {
    const job: ImportJob = { kind: 'import', format: 'ofac-csv', file, named: 'sdn.csv', date, link: false, progress: false };
    return runIngestJob(t.db, job, { actor: 'cli:tester', onEvent: (e) => events.push(e) }) as Promise<ListImportResult>;
  };
  const ofac = async (now: string) => (await listStatus(t.db, null, Date.parse(now))).lists.find((l) => l.short === 'ofac')!;

  beforeAll(async () => {
    t = await freshDb(backend);
    file = undatedCsv();
  });
  afterAll(async () => { await t.dispose(); });

  it('is dated by its modification time, and never counts as current on that guess', async () => {
    const r = await importJob();
    expect(r).toMatchObject({ status: 'imported', version: '2026-01-02', published: '2026-01-02', entries: 300 });
    expect(r.warnings.join('\n')).toMatch(/sdn\.csv carries no date; using its modification date 2026-01-02, so the list counts as stale until its date is known/);
    const s = await ofac('2026-01-03T00:00:00Z');
    expect(s).toMatchObject({ version: '2026-01-02', published: '2026-01-02', published_assumed: true, stale: true, age_days: null });
    // A file imported by hand came from no URL: its status does not name the publisher's (which it was not fetched from).
    const configured = { urls: { ofac: 'https://publisher.example/SDN.XML', un: null, uk: 'https://publisher.example/uk.xml', eu: null }, updateEveryHours: 0, timeoutMs: 1000, maxBytes: 1e6, retries: 0 };
    const withUrls = (await listStatus(t.db, configured)).lists;
    expect(withUrls.find((l) => l.short === 'ofac')!.source_url).toBeNull();
    // A list never loaded names where it would be fetched from.
    expect(withUrls.find((l) => l.short === 'uk')!.source_url).toBe('https://publisher.example/uk.xml');
    expect(describeStatus(s)).toMatch(/publication date unknown: the file carries none; dated 2026-01-02 by its modification time; import the same file again with --date/);
    const screened = await screenedLists(t.db);
    expect(screened.find((l) => l.list === 'us_ofac_sdn')).toMatchObject({ published_assumed: true, stale: true });
    // A later file, dated before that guess, is refused: the message says the guess is why, and how to give the real date.
    const later = path.join(tmp, 'sdn-later.csv');
    fs.writeFileSync(later, `${fs.readFileSync(file, 'latin1').split('\r\n').slice(0, 200).join('\r\n')}\r\n`, 'latin1');
    const refused = await runIngestJob(t.db, { kind: 'import', format: 'ofac-csv', file: later, named: 'sdn-later.csv', date: '2025-06-01', link: false, progress: false }, { actor: 'cli:tester', onEvent: () => undefined })
      .then(() => null, (e: unknown) => (e as Error).message);
    expect(refused).toMatch(/older than the imported version 2026-01-02 \(published 2026-01-02\); .*that version's date is its file's modification time, a guess: give it its real date first \(import its file again with --date YYYY-MM-DD\)/);
    // What every screening report's header says of it (CSV comment, JSON lists, HTML).
    expect(describeLists(screened)).toMatch(/us_ofac_sdn 2026-01-02 \(publication date unknown[^)]*\) STALE: of unknown date/);
    // room39 lists status: the table does not show the file's date as the publisher's, and says why the list is stale.
    const text = statusText((await listStatus(t.db, null, Date.parse('2026-01-03T00:00:00Z'))).lists).split('\n');
    expect(text.find((l) => l.startsWith('us_ofac_sdn '))?.split(/\s{2,}/).slice(0, 3)).toEqual(['us_ofac_sdn', '2026-01-02', 'unknown']);
    expect(text).toContain(describeStatus(s));
  });

  it('takes its real date from --date on the same file, audited; the version keeps its label', async () => {
    const r = await importJob('2024-05-03');
    expect(r).toMatchObject({ status: 'already_imported', version: '2026-01-02', published: '2024-05-03', redated: { from: '2026-01-02', to: '2024-05-03' } });
    expect(r.warnings).toEqual(['version 2026-01-02 of us_ofac_sdn was dated by its file\'s modification time (2026-01-02); it is now dated 2024-05-03']);
    // The command line says what happened, not "nothing changed".
    expect(alreadyImported('sdn.csv', r)).toBe('sdn.csv: this version (2026-01-02) of us_ofac_sdn is already imported; it is now dated 2024-05-03 (before: 2026-01-02, its file\'s modification date).');
    expect(await ofac('2024-05-05T00:00:00Z')).toMatchObject({ published: '2024-05-03', published_assumed: false, stale: false, age_days: 2 });
    expect((await ofac('2026-01-03T00:00:00Z')).stale).toBe(true);
    const [source] = await t.db.query<{ published: string; title: string }>(`SELECT published::text, title FROM sources WHERE id = 'us_ofac_sdn-2026-01-02'`);
    expect(source!.published).toBe('2024-05-03');
    // The title every flag and report quotes names the real date, not the modification date the label keeps.
    expect(source!.title).toBe('OFAC Specially Designated Nationals (SDN) List, 2024-05-03');
    const audit = await t.db.query<{ actor: string; target: string; before: unknown; after: unknown }>(`SELECT actor, target, before, after FROM audit_log WHERE action = 'list.redate'`);
    expect(audit).toEqual([{ actor: 'cli:tester', target: 'us_ofac_sdn-2026-01-02', before: { published: '2026-01-02' }, after: { published: '2024-05-03' } }]);
    // What the version stated was seen on the real date, not on the guess: an entry's designation runs from 2024-05-03, not
    // "from the version of 2026-01-02 to that of 2024-05-03".
    const [entry] = await t.db.query<{ entity_id: string }>(`SELECT entity_id FROM list_entries WHERE dataset = 'us_ofac_sdn' ORDER BY entry_id LIMIT 1`);
    expect(await designationsOf(t.db, [entry!.entity_id])).toMatchObject([{ first_seen: '2024-05-03', last_seen: '2024-05-03', status: 'current' }]);
    const guessed = await t.db.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM list_entries WHERE '2026-01-02' IN (first_seen, last_seen))
            + (SELECT count(*) FROM statements WHERE source_id = 'us_ofac_sdn-2026-01-02' AND '2026-01-02' IN (first_seen, last_seen))
            + (SELECT count(*) FROM entities WHERE '2026-01-02' IN (first_seen, last_seen)) AS n`);
    expect(Number(guessed[0]!.n)).toBe(0);
    const [view] = await t.db.query<{ first_seen: string }>(`SELECT first_seen FROM entities WHERE id = $1`, [entry!.entity_id]);
    expect(view!.first_seen).toBe('2024-05-03');
  });

  it('keeps a known date: another --date on the same file changes nothing, and says so', async () => {
    const r = await importJob('2024-06-01');
    expect(r).toMatchObject({ status: 'already_imported', published: '2024-05-03' });
    expect(r.redated).toBeUndefined();
    expect(r.warnings).toEqual(['this file is version 2026-01-02 of us_ofac_sdn, published 2024-05-03; --date 2024-06-01 changes nothing']);
    expect(alreadyImported('sdn.csv', r)).toBe('sdn.csv: this version (2026-01-02) of us_ofac_sdn is already imported; nothing changed.');
    expect((await ofac('2024-05-05T00:00:00Z')).published).toBe('2024-05-03');
    const [n] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'list.redate'`);
    expect(n!.n).toBe(1);
  });
});
