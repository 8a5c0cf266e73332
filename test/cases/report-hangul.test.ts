/** Hangul in the PDF report: set in the bundled Korean font (embedded only then), so it prints as text, not boxes. */
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices, type TestServices } from '../support/services.ts';
import { parseScreeningOptions } from '../../src/screen/options.ts';
import { screeningService } from '../../src/screen/service.ts';
import { caseReport, caseResults, createCase } from '../../src/cases/index.ts';
import type { CsvRow } from '../../src/screen/csv-input.ts';

let t: TestServices;
beforeAll(async () => { t = await openTestServices(); }, 600_000);
afterAll(async () => { await t?.dispose(); });

async function pdfOf(name: string, rows: CsvRow['input'][]) {
  const db = t.services.db;
  const c = await createCase(db, () => screeningService(db), {
    name, rows: (async function* () { yield* rows.map((input, i) => ({ row: i + 1, input })); })(), fileName: 'rows.csv', info: () => null,
    options: parseScreeningOptions({}), actor: 'test:analyst',
  });
  const pdf = await caseReport(db, c.name, 'pdf', 'user:auditor');
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.body)), { mergePages: true });
  return { c, raw: pdf.body.toString('latin1'), text: text.replace(/\s+/g, ' ') };
}

describe('the PDF report with Hangul', () => {
  it('embeds the Korean font and its text reads back as Hangul; a report without Hangul embeds none', async () => {
    const { c, raw, text } = await pdfOf('공급업체 점검 2026', [{ name: '김정은', country: 'KP' }, { name: 'Northwind Textiles Ltd' }]);
    expect((await caseResults(t.services.db, c.id, { matchesOnly: true })).some((m) => m.row_no === 1)).toBe(true);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansKR/);
    expect(text).toContain('공급업체 점검 2026');
    expect(text).toContain('Row 1: 김정은 →');
    const plain = await pdfOf('Suppliers without Hangul', [{ name: 'Northwind Textiles Ltd' }]);
    expect(plain.raw).toContain('/BaseFont');
    expect(plain.raw).not.toContain('NotoSansKR');
  }, 600_000);
});
