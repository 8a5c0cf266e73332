/**
 * Reading a screening workbook (.xlsx) as a stream with exceljs: the first
 * sheet (or the one named), its first non-empty row as the header, mapped to
 * fields as a CSV's header is (input-detect.ts); each later row comes out
 * with its row number. Dates become ISO dates, formulas their cached result,
 * rich text its plain text.
 */
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { invalidInput, invalidOption, isRoom39Error } from '../errors.ts';
import { mapColumns, type ColumnMapping } from './input-detect.ts';
import { missingNameMessage, rowInput, type CsvRow, type ReadOptions } from './csv-input.ts';

export interface XlsxOptions extends ReadOptions {
  /** Sheet name or 1-based number; the first sheet by default. */
  sheet?: string | null;
}

/** A workbook's first bytes: a ZIP archive. */
export function looksLikeXlsx(firstBytes: Uint8Array): boolean {
  return firstBytes[0] === 0x50 && firstBytes[1] === 0x4b && firstBytes[2] === 0x03 && firstBytes[3] === 0x04;
}

type CellValue = ExcelJS.CellValue;

export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText((v as ExcelJS.CellFormulaValue).result as CellValue);
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('error' in v) return '';
    return '';
  }
  return String(v);
}

function rowValues(row: ExcelJS.Row): string[] {
  const values = Array.isArray(row.values) ? row.values : [];
  // exceljs row values are 1-based: index 0 is empty.
  return values.slice(1).map((v) => cellText(v as CellValue).trim());
}

export async function* readScreenXlsx(input: string | Readable, file: string, options: XlsxOptions = {}): AsyncGenerator<CsvRow> {
  const stream = typeof input === 'string' ? fs.createReadStream(input) : input;
  // exceljs is loaded when a workbook is read, not by every command that starts (it costs about half a second).
  const { default: excel } = await import('exceljs');
  const reader = new excel.stream.xlsx.WorkbookReader(stream, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', entries: 'emit' });
  const wanted = options.sheet ?? null;
  let sheetNo = 0;
  let found = false;
  try {
    for await (const sheet of reader) {
      sheetNo++;
      const ws = sheet as unknown as AsyncIterable<ExcelJS.Row> & { name?: string; id?: number };
      const name = ws.name ?? `Sheet${sheetNo}`;
      const isWanted = wanted === null ? sheetNo === 1 : /^\d+$/.test(wanted) ? Number(wanted) === sheetNo : name === wanted;
      if (!isWanted) { for await (const _ of ws) { /* skip the sheet */ } continue; }
      found = true;
      let mapping: ColumnMapping[] | null = null;
      let row = 0;
      for await (const r of ws) {
        const values = rowValues(r);
        if (!mapping) {
          if (values.every((v) => v === '')) continue;
          mapping = mapColumns(values, options.mapping);
          if (options.requireName !== false && !mapping.some((m) => m.field === 'name')) throw invalidInput(missingNameMessage(values), `${file}, sheet "${name}", row ${r.number}`);
          options.onInfo?.({ format: 'xlsx', encoding: null, delimiter: null, sheet: name, headers: values, mapping });
          continue;
        }
        row++;
        if (values.every((v) => v === '')) continue;
        yield { row, input: rowInput(mapping, values) };
      }
      if (!mapping) throw invalidInput(`sheet "${name}" is empty; its first row must name the columns`, file);
      break;
    }
  } catch (e) {
    if (e instanceof Error && !isRoom39Error(e)) {
      throw invalidInput(`the workbook cannot be read (${e.message.slice(0, 200)}); save it as .xlsx or CSV`, file);
    }
    throw e;
  } finally {
    stream.destroy();
  }
  if (!found) throw invalidOption('sheet', wanted === null ? 'the workbook has no sheet' : `the workbook has no sheet "${wanted}" (it has ${sheetNo})`);
}
