/**
 * Issue 20, done when: a 1,000-row case with two decided false positives is
 * re-screened after a newer UN list (the real file with a later date, one
 * DPRK entry removed, one alias added) is imported: the alerts name exactly
 * the delisted and the changed matches, the false positives stay quiet, and
 * the PDF report lists the new list version and the decisions. The test
 * imports the UK list too (the real summary file), which names every UN-listed DPRK entity: the
 * UN removal alone is `changed` (a designation lost, another left); once a
 * newer UK list drops the entry as well, it is `delisted`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { extractText, getDocumentProxy } from 'unpdf';
import { listAudit } from '../../src/audit/log.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices, type TestServices } from '../support/services.ts';
import { importListFile, sha256File } from '../../src/ingest/lists/import.ts';
import { readScreenCsv } from '../../src/screen/csv-input.ts';
import { parseScreeningOptions } from '../../src/screen/options.ts';
import { screeningService } from '../../src/screen/service.ts';
import { caseAlerts, caseResults, createCase, decide, getCase, rescreenCase, decisionTrail, caseRuns, caseReport } from '../../src/cases/index.ts';
import type { InputInfo } from '../../src/screen/csv-input.ts';
import { OFFICIAL } from '../support/official.ts';
import { UN_FILE, newerUkList, newerUnList, supplierCsv } from './fixtures.ts';

let t: TestServices;
beforeAll(async () => {
  t = await openTestServices();
  await importListFile(t.services.db, { format: 'un-xml', file: UN_FILE });
  await importListFile(t.services.db, { format: 'uk', file: OFFICIAL.ukOds, date: '2025-08-11' });
}, 600_000);
afterAll(async () => { await t?.dispose(); });

const service = (refresh = false) => screeningService(t.services.db, refresh);

async function makeCase(name: string) {
  let info: InputInfo | null = null;
  const rows = readScreenCsv([Buffer.from(supplierCsv(1000))], 'suppliers.csv', () => undefined, { onInfo: (i) => { info = i; } });
  const c = await createCase(t.services.db, () => service(), {
    name, rows, fileName: 'suppliers.csv', info: () => info, options: parseScreeningOptions({}), actor: 'test:analyst',
  });
  return { c, info: info as InputInfo | null };
}

describe('a case re-screened against a newer UN list', () => {
  it('alerts exactly the delisted and the changed matches; decided false positives stay quiet', async () => {
    const db = t.services.db;
    const { c, info } = await makeCase('Suppliers 2026');
    expect(c.row_count).toBe(1000);
    expect(info?.delimiter).toBe('semicolon');
    expect(info?.mapping.filter((m) => m.field).map((m) => [m.header, m.field])).toEqual([['Supplier Name', 'name'], ['Country of origin', 'country'], ['Sector', 'sector']]);
    const matches = await caseResults(db, c.id, { matchesOnly: true });
    const matchOf = (row: number, id: string) => matches.find((m) => m.row_no === row && m.id === id);
    expect(matchOf(101, 'unsc-kpe-008')?.state?.designations).toEqual(['gb_fcdo_sanctions:DPR0169', 'un_sc_sanctions:KPe.008']);
    expect(matchOf(202, 'unsc-kpe-007')).toBeTruthy();
    expect(matchOf(303, 'unsc-kpe-015')).toBeTruthy();
    expect(matchOf(404, 'unsc-kpe-008')).toBeTruthy();
    // KOMID: the curated graph's entity, with the UN, OFAC and UK records merged into it (store/resolver.ts).
    expect(matchOf(505, 'r39-komid')?.state?.designations).toContain('un_sc_sanctions:KPe.001');

    // Two false positives: one on the entity about to be delisted, one on an entity the change leaves alone.
    await decide(db, c.name, { row: 404, entityId: 'unsc-kpe-008', decision: 'false_positive', reason: 'Different company: registered in Vladivostok 2019, no DPRK link' }, 'user:reviewer');
    await decide(db, c.name, { row: 303, entityId: 'unsc-kpe-015', decision: 'false_positive', reason: 'Shenzhen electronics reseller, checked registry' }, 'user:reviewer');
    await decide(db, c.name, { row: 505, entityId: 'r39-komid', decision: 'confirmed', reason: 'Same entity: KOMID' }, 'user:reviewer');

    const file = newerUnList({ date: '2026-03-06', remove: 'KPe.008', aliasTo: 'KPe.007', alias: 'GBAE NUCLEAR ADMINISTRATION BUREAU' });
    const imported = await importListFile(db, { format: 'un-xml', file });
    expect(imported).toMatchObject({ version: '2026-03-06', removed: 1, changed: 1 });

    const outcome = await rescreenCase(db, await service(true), c.name);
    expect(outcome).not.toBeNull();
    expect(outcome!.rowsScreened).toBeLessThan(200);
    const alertsNow = async () => (await caseAlerts(db, c.name)).alerts.map((a) => [a.row, a.entity_id, a.change, a.list, a.version]).sort();
    expect(await alertsNow()).toEqual([
      [101, 'unsc-kpe-008', 'changed', 'un_sc_sanctions', '2026-03-06'],
      [202, 'unsc-kpe-007', 'changed', 'un_sc_sanctions', '2026-03-06'],
    ]);
    const { alerts } = await caseAlerts(db, c.name);
    expect(alerts.find((a) => a.row === 202)?.details.what).toMatch(/gained name.*GBAE NUCLEAR ADMINISTRATION BUREAU/);
    expect(alerts.find((a) => a.row === 101)?.details.what).toMatch(/lost designation un_sc_sanctions:KPe.008/);
    // A second pass finds nothing more to do, and raises nothing twice.
    expect(await rescreenCase(db, await service(), c.name)).toBeNull();
    expect(await alertsNow()).toHaveLength(2);

    // The UK drops it too: no designation left on any list.
    const uk = newerUkList({ date: '2026-03-07', remove: ['DPR0169'] });
    expect(await importListFile(db, { format: 'uk', file: uk })).toMatchObject({ version: '2026-03-07', removed: 1 });
    fs.rmSync(path.dirname(uk), { recursive: true, force: true });
    expect(await rescreenCase(db, await service(true), c.name)).not.toBeNull();
    expect(await alertsNow()).toEqual([
      [101, 'unsc-kpe-008', 'changed', 'un_sc_sanctions', '2026-03-06'],
      [101, 'unsc-kpe-008', 'delisted', 'gb_fcdo_sanctions', '2026-03-07'],
      [202, 'unsc-kpe-007', 'changed', 'un_sc_sanctions', '2026-03-06'],
    ]);
    const runs = await caseRuns(db, c.id);
    expect(runs.map((r) => r.kind)).toEqual(['screen', 'rescreen', 'rescreen']);
    expect((await decisionTrail(db, c.id)).map((d) => d.decision)).toEqual(['false_positive', 'false_positive', 'confirmed']);
    const fileSha = await sha256File(file);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    expect((await getCase(db, c.name)).status).toBe('ready');

    // The PDF report names the new list version and every decision, and its hash is in the audit trail.
    const pdf = await caseReport(db, c.name, 'pdf', 'user:auditor');
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.body)), { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('un_sc_sanctions 2026-03-06');
    expect(flat).toContain(fileSha);
    for (const reason of ['Different company: registered in Vladivostok 2019, no DPRK link', 'Shenzhen electronics reseller, checked registry', 'Same entity: KOMID']) expect(flat).toContain(reason);
    expect(flat).toMatch(/false positive.*Different company/);
    expect(flat).toMatch(/delisted/);
    const [audit] = await listAudit(db, { action: 'case.report', limit: 1 });
    expect(audit?.meta).toMatchObject({ sha256: createHash('sha256').update(pdf.body).digest('hex'), format: 'pdf' });
    const html = (await caseReport(db, c.name, 'html', 'user:auditor')).body.toString();
    expect(html).toContain('2026-03-06');
    expect(html).not.toContain('<script');
  }, 600_000);
});
