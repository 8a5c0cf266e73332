/**
 * A case's audit report names the rows that could not be screened (an empty name, an unknown schema), with why:
 * a report that counts them among the rows screened, and lists only matches, reads as if they were cleared.
 * The rows: the bundled example suppliers (data/examples/suppliers.csv) with two bad rows put among them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { openTestServices, type TestServices } from '../support/services.ts';
import { readScreenCsv } from '../../src/screen/csv-input.ts';
import { parseScreeningOptions } from '../../src/screen/options.ts';
import { screeningService } from '../../src/screen/service.ts';
import { caseReport, createCase } from '../../src/cases/index.ts';

let t: TestServices;
beforeAll(async () => { t = await openTestServices(); }, 600_000);
afterAll(async () => { await t?.dispose(); });

describe('a case report and the rows not screened', () => {
  it('counts them and lists each with why, in HTML and PDF', async () => {
    const db = t.services.db;
    const [header, ...rows] = fs.readFileSync(path.join(REPO_ROOT, 'data/examples/suppliers.csv'), 'utf8').trim().split('\n');
    const csv = [header, ...rows.slice(0, 3), ',,CN,,', ...rows.slice(3, 6), 'Harbour Star Trading,Starship,CN,,', ...rows.slice(6)].join('\n');
    const c = await createCase(db, () => screeningService(db), {
      name: 'With bad rows', rows: readScreenCsv([Buffer.from(csv)], 'suppliers.csv'), fileName: 'suppliers.csv', info: () => null,
      options: parseScreeningOptions({}), actor: 'test:analyst',
    });
    expect(c.row_count).toBe(rows.length + 2);

    const html = (await caseReport(db, c.name, 'html', 'test:auditor')).body.toString('utf8');
    expect(html).toContain('<th style="width:14rem">rows not screened (listed below)</th><td>2</td>');
    expect(html).toContain('<h2>Rows not screened</h2>');
    expect(html).toContain('<tr><td>4</td><td></td><td>row 4: the name is empty</td></tr>');
    expect(html).toMatch(/<tr><td>8<\/td><td>Harbour Star Trading<\/td><td>row 8: schema &quot;Starship&quot; is not known/);

    const pdf = await caseReport(db, c.name, 'pdf', 'test:auditor');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.body)), { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Rows not screened (listed below): 2');
    expect(flat).toContain('Row 4: row 4: the name is empty');
    expect(flat).toMatch(/Row 8 \(Harbour Star Trading\): row 8: schema "Starship" is not known/);
  }, 600_000);
});
