/**
 * Reports say which official list versions they were screened against:
 * JSON (`lists` before the rows), CSV (a comment line before the header),
 * HTML (a section under the title, escaped, stale lists marked); and the
 * screening door over a real store gives the store's versions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvWriter, describeLists, htmlWriter, jsonWriter, type ScreenedList } from '../../src/screen/index.ts';
import { resultsHtml } from '../../web/src/screening.ts';
import { screenedLists } from '../../src/ingest/lists/status.ts';
import { openTestServices, type TestServices } from '../support/services.ts';

const summary = { rows: 0, rowsWithMatch: 0, errors: 0, threshold: 0.7, dataset: 'default', indexed: 0 };
const lists: ScreenedList[] = [
  { list: 'us_ofac_sdn', version: '2024-05-03', published: '2024-05-03T18:43:23.000Z', fetched_at: '2026-12-01T10:00:00.000Z', stale: true },
  { list: 'eu_fsf', version: null, published: null, fetched_at: null, stale: true },
  { list: 'x<script>', version: '1', published: '1', fetched_at: null, stale: false },
];

function written(make: (w: (s: string) => void) => { end: (s: typeof summary) => void }): string {
  let out = '';
  make((s) => { out += s; }).end(summary);
  return out;
}

describe('screening reports name the list versions', () => {
  it('JSON, CSV and HTML', () => {
    const json = JSON.parse(written((w) => jsonWriter(w, lists))) as { lists: ScreenedList[]; rows: unknown[] };
    expect(Object.keys(json)).toEqual(['lists', 'rows', 'summary']);
    expect(json.lists).toEqual(lists);
    const csv = written((w) => csvWriter(w, lists)).split('\r\n');
    expect(csv[0]).toBe(`# room39 screening against: ${describeLists(lists)}`);
    expect(csv[1]).toMatch(/^row,name,/);
    expect(written((w) => csvWriter(w)).split('\r\n')[0]).toMatch(/^row,name,/);
    expect(describeLists(lists)).toBe('us_ofac_sdn 2024-05-03 (published 2024-05-03T18:43:23.000Z, checked 2026-12-01 10:00 UTC) STALE: older than 7 days; eu_fsf not loaded; x<script> 1 (published 1)');
    const html = written((w) => htmlWriter(w, 'report', lists));
    expect(html).toContain('us_ofac_sdn: version 2024-05-03, published 2024-05-03T18:43:23.000Z, last checked 2026-12-01 10:00 UTC — stale: older than 7 days');
    expect(html).toContain('eu_fsf: not loaded');
    expect(html).toContain('x&lt;script&gt;');
    expect(html).not.toContain('x<script>');
  });

  it('HTML says when a list file carried no date, as the CSV comment does', () => {
    const undated: ScreenedList[] = [{ list: 'us_ofac_sdn', version: '2026-12-07', published: '2026-12-07', published_assumed: true, fetched_at: '2026-12-07T19:31:00.000Z', stale: true }];
    expect(describeLists(undated)).toContain('publication date unknown');
    const html = written((w) => htmlWriter(w, 'report', undated));
    expect(html).toContain('us_ofac_sdn: version 2026-12-07, publication date unknown, last checked 2026-12-07 19:31 UTC — stale: of unknown date');
    expect(html).not.toContain('published 2026-12-07');
    // The web page's HTML download says the same.
    const web = resultsHtml({ rows: [], lists: undated }, { when: '2026-12-07', file: null });
    expect(web).toContain('us_ofac_sdn: version 2026-12-07, publication date unknown — <b>stale: of unknown date</b>');
    expect(web).not.toContain('published 2026-12-07');
  });

  describe('over the test store', () => {
    let t: TestServices;
    beforeAll(async () => { t = await openTestServices(); });
    afterAll(async () => t?.dispose());
    it('gives the imported versions, dated by the publisher, and flags what is old or missing', async () => {
      const got = await screenedLists(t.services.db, t.services.settings.lists);
      expect(got.map((l) => [l.list, l.version, l.published])).toEqual([
        ['us_ofac_sdn', '2024-05-03', '2024-05-03'], ['un_sc_sanctions', '2026-02-27', '2026-02-27'],
        ['gb_fcdo_sanctions', null, null], ['eu_fsf', null, null],
      ]);
      // Files imported by hand are as old as their publication date: all older than 7 days here.
      expect(got.every((l) => l.stale)).toBe(true);
    });
  });
});
