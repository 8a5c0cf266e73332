/**
 * Re-screening against the change only gives what screening every row again
 * gives: two cases of the same rows (names from the real UN list as listed
 * and as varied, with birth dates and countries on some; everyday names from
 * the matcher's evaluation set), one re-screened the incremental way, one in
 * full, after a newer UN list (the real file with entries removed, entities
 * renamed, aliases added that name rows which matched nothing, entities
 * added) is imported. Same alerts; the rows screened again hold exactly the
 * full re-screening's results; on the other rows the same matches above the
 * threshold but for the drift of word weights (a score moved by a few
 * thousandths because the change made a word more or less common); far fewer
 * rows are screened.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices, type TestServices } from '../support/services.ts';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { importListFile } from '../../src/ingest/lists/import.ts';
import { readListFile } from '../../src/ingest/lists/matchable.ts';
import type { EvalCase } from '../../src/match/evaluation.ts';
import type { CsvRow } from '../../src/screen/csv-input.ts';
import { parseScreeningOptions } from '../../src/screen/options.ts';
import { screeningService } from '../../src/screen/service.ts';
import { caseAlerts, caseResults, createCase, decide, rescreenCase, type StoredResult } from '../../src/cases/index.ts';
import { UN_FILE, editedUnList } from './fixtures.ts';

let t: TestServices;
beforeAll(async () => { t = await openTestServices(); }, 600_000);
afterAll(async () => { await t?.dispose(); });

/** Rows: every UN entity and every third UN individual as listed and varied (word order, a word left out), then everyday names. */
async function caseRows(): Promise<{ rows: CsvRow[]; everyday: string[] }> {
  const records = await readListFile(UN_FILE, 'un-xml');
  const rows: CsvRow[] = [];
  const add = (input: CsvRow['input']) => rows.push({ row: rows.length + 1, input });
  records.forEach(({ entity }, i) => {
    const person = entity.schema === 'Person';
    if (person && i % 3 !== 0) return;
    const name = entity.caption;
    const words = name.split(/\s+/);
    const country = entity.countries[0];
    add({ name, ...(i % 2 === 0 && country ? { country } : {}) });
    if (words.length >= 3) add({ name: person ? [...words.slice(1), words[0]].join(' ') : words.slice(0, -1).join(' '), ...(person && entity.birthDates[0] && i % 4 === 0 ? { birth_date: entity.birthDates[0] } : {}) });
  });
  const { cases } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'test/match/eval-set.json'), 'utf8')) as { cases: EvalCase[] };
  const everyday = cases.filter((c) => c.category === 'similar_company' || c.category === 'korean_person').filter((_, i) => i % 2 === 0).map((c) => c.query);
  for (const name of everyday) add({ name });
  return { rows, everyday };
}

const options = parseScreeningOptions({});
const service = (refresh = false) => screeningService(t.services.db, refresh);

describe('re-screening against the change only', () => {
  it('gives the alerts and matches of a full re-screening, screening far fewer rows', async () => {
    const db = t.services.db;
    const { rows, everyday } = await caseRows();
    expect(rows.length).toBeGreaterThan(1000);
    const make = (name: string) => createCase(db, () => service(), {
      name, rows: (async function* () { yield* rows; })(), fileName: 'un-names.csv', info: () => null, options, actor: 'test:analyst',
    });
    const inc = await make('Incremental');
    const full = await make('Full');

    // Entities touched: some the rows name. One false positive, on an entity about to gain an alias.
    const matches = await caseResults(db, inc.id, { matchesOnly: true });
    const unIds = (await readListFile(UN_FILE, 'un-xml')).map((r) => r.entry.entryId);
    const entities = unIds.filter((ref) => /^..e\./.test(ref));
    const adf = rows.find((r) => r.input.name === 'ADF')!.row;
    const fp = matches.find((m) => m.row_no === adf && m.id.startsWith('unsc-'));
    expect(fp).toBeTruthy();
    for (const c of [inc, full]) await decide(db, c.name, { row: fp!.row_no, entityId: fp!.id, decision: 'false_positive', reason: 'Another body of the same initials' }, 'user:reviewer');

    const file = editedUnList({
      date: '2026-04-01',
      remove: unIds.filter((_, i) => i % 97 === 5).slice(0, 8),
      rename: entities.filter((_, i) => i % 41 === 7).slice(0, 6).map((ref, i) => ({ ref, name: `${['NORTHERN STAR', 'RED HARBOUR', 'GOLDEN SEA'][i % 3]} ${ref.replace(/\W/g, '')} TRADING` })),
      aliases: [{ aliasTo: 'CDe.001', alias: 'ALLIED DEMOCRATIC FORCES OF UGANDA' }, ...entities.filter((_, i) => i % 53 === 11).slice(0, 4).map((ref, i) => ({ aliasTo: ref, alias: everyday[10 + i * 37]! }))],
      add: [0, 1, 2, 3].map((i) => ({ ref: `XXe.90${i}`, copyOf: entities[i * 20]!, name: everyday[200 + i * 41]! })),
    });
    const imported = await importListFile(db, { format: 'un-xml', file });
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    expect(imported.removed).toBeGreaterThanOrEqual(8);
    expect(imported.added).toBeGreaterThanOrEqual(4);
    expect(imported.changed).toBeGreaterThanOrEqual(10);

    const fresh = await service(true);
    const a = await rescreenCase(db, fresh, inc.name);
    const b = await rescreenCase(db, fresh, full.name, 'system', { full: true });
    expect(a && b).toBeTruthy();
    expect(b!.rowsScreened).toBe(rows.length);
    expect(a!.rowsScreened).toBeLessThan(rows.length / 5);

    // Same alerts, and every kind of them.
    const alertsOf = async (name: string) => (await caseAlerts(db, name)).alerts
      .map((x) => [x.row, x.entity_id, x.change, x.list, x.version, x.since_decision, x.details.what].join(' | ')).sort();
    const alerts = await alertsOf(inc.name);
    expect(alerts).toEqual(await alertsOf(full.name));
    for (const change of ['new_match', 'changed']) expect(alerts.some((x) => x.includes(` | ${change} | `))).toBe(true);
    expect(alerts.some((x) => x.includes('| true |'))).toBe(true);

    // The rows screened again hold exactly the full re-screening's results.
    const form = (r: StoredResult) => [r.row_no, r.id, r.score, r.match, JSON.stringify(r.state)].join(' | ');
    const [incAll, fullAll] = [await caseResults(db, inc.id), await caseResults(db, full.id)];
    const again = new Set(a!.rows);
    expect(incAll.filter((r) => again.has(r.row_no)).map(form).sort()).toEqual(fullAll.filter((r) => again.has(r.row_no)).map(form).sort());
    // Every other row: the same matches above the threshold, but for the drift of word weights (a word's weight follows how
    // many listed entities use it, and the change added and removed some): scores within 0.02, and a match only on one side
    // when it is within 0.01 of the threshold. None of them names an entity the change touched.
    const touched = new Set([...alerts.map((x) => x.split(' | ')[1]!), ...fullAll.filter((r) => again.has(r.row_no)).map((r) => r.id)]);
    const byPair = (list: StoredResult[]) => new Map(list.filter((r) => !again.has(r.row_no)).map((r) => [`${r.row_no}|${r.id}`, r]));
    const [incBy, fullBy] = [byPair(incAll), byPair(fullAll)];
    let drifted = 0;
    for (const [k, f] of fullBy) {
      const i = incBy.get(k);
      if (i) {
        expect(Math.abs(i.score - f.score), k).toBeLessThanOrEqual(0.02);
        if (i.score !== f.score) drifted++;
      }
      if ((i?.match ?? false) !== f.match) {
        expect(Math.abs(f.score - options.threshold), k).toBeLessThanOrEqual(0.01);
        expect(touched.has(f.id), k).toBe(false);
      }
    }
    for (const [k, i] of incBy) if (i.match && !fullBy.get(k)?.match) expect(Math.abs(i.score - options.threshold), k).toBeLessThanOrEqual(0.01);
    // Drift is the weights' doing, not a missed row: most results keep their score to the thousandth.
    expect(drifted).toBeLessThan(fullBy.size / 5);
  }, 900_000);
});
