/**
 * `room39 case report --out FILE`: the report is PDF or HTML, and the file's name says which. An HTML
 * report was once written, without a word, into `case.csv` (or into `case.pdf` with `--format html`), so
 * an analyst handed an auditor a "CSV" or "PDF" that was HTML. The name is checked before the store is
 * opened: nothing is written and no report enters the audit trail.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/command.ts';
import { reportFormat, runCase } from '../../src/cli/commands/case-run.ts';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-case-report-out-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function ctx(out: string, format?: string): { ctx: CliContext; opened: () => number } {
  let opened = 0;
  const c = {
    args: { positionals: ['report', 'Suppliers Q1'], values: { out, ...(format ? { format } : {}) } },
    json: true, settings: {} as CliContext['settings'], log: () => undefined,
    services: async () => { opened++; throw new Error('the store is not opened for a report that cannot be written'); },
  } as CliContext;
  return { ctx: c, opened: () => opened };
}

describe('case report --out', () => {
  it('takes the format from the extension, and refuses one that is neither PDF nor HTML or disagrees with --format', async () => {
    expect(reportFormat('case.pdf', null)).toBe('pdf');
    expect(reportFormat('Case.PDF', null)).toBe('pdf');
    expect(reportFormat('case.html', null)).toBe('html');
    expect(reportFormat('case.htm', null)).toBe('html');
    expect(reportFormat('report', 'pdf')).toBe('pdf');
    expect(reportFormat('case.pdf', 'PDF')).toBe('pdf');
    for (const [out, format, message] of [
      ['case.csv', undefined, /a case report is PDF or HTML: name the file \.pdf or \.html \(got "case\.csv"\)/],
      ['case', undefined, /no extension/],
      ['case.pdf', 'html', /"case\.pdf" is named as PDF but --format is html/],
      ['case.html', 'pdf', /named as HTML but --format is pdf/],
      ['case.pdf', 'xlsx', /a case report is pdf or html/],
    ] as const) {
      const file = path.join(work, out);
      const c = ctx(file, format);
      await expect(runCase(c.ctx)).rejects.toThrow(message);
      await expect(runCase(c.ctx)).rejects.toMatchObject({ code: 'invalid_input' });
      expect(c.opened()).toBe(0);
      expect(fs.readdirSync(work)).toEqual([]);
    }
  });
});
