/**
 * One reader for every input a person brings: a CSV (any of the encodings and
 * separators input-detect.ts knows) or an .xlsx workbook, from a path or
 * from bytes (an upload), told apart by their first bytes.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { invalidInput } from '../errors.ts';
import { readScreenCsv, type CsvRow, type InputInfo, type ReadOptions } from './csv-input.ts';
import { looksLikeXlsx, readScreenXlsx, type XlsxOptions } from './xlsx-input.ts';

export type FileReadOptions = ReadOptions & XlsxOptions;

function firstBytes(file: string): Uint8Array {
  const fd = fs.openSync(file, 'r');
  try {
    const b = Buffer.alloc(4);
    fs.readSync(fd, b, 0, 4, 0);
    return b;
  } finally {
    fs.closeSync(fd);
  }
}

/** Rows of a CSV or .xlsx file on disk. */
export function readScreenFile(file: string, warn: (m: string) => void = () => undefined, options: FileReadOptions = {}): AsyncGenerator<CsvRow> {
  let stat: fs.Stats;
  try { stat = fs.statSync(file); } catch { throw invalidInput('cannot read the file (does it exist?)', file); }
  if (!stat.isFile()) throw invalidInput('is not a file', file);
  if (looksLikeXlsx(firstBytes(file))) return readScreenXlsx(file, file, options);
  if (/\.xls$/i.test(file)) throw invalidInput('old Excel .xls files are not read; save the sheet as .xlsx or CSV', file);
  return readScreenCsv(fs.createReadStream(file), file, warn, options);
}

/** Rows of an uploaded CSV or .xlsx. */
export function readScreenBytes(bytes: Uint8Array, label: string, warn: (m: string) => void = () => undefined, options: FileReadOptions = {}): AsyncGenerator<CsvRow> {
  if (looksLikeXlsx(bytes)) return readScreenXlsx(Readable.from([Buffer.from(bytes)]), label, options);
  if (/\.xls$/i.test(label)) throw invalidInput('old Excel .xls files are not read; save the sheet as .xlsx or CSV', label);
  return readScreenCsv([bytes], label, warn, options);
}

/** How a file reads (encoding, separator, header mapping) and its first rows, without screening it: for a person to confirm. */
export async function previewInput(rows: AsyncGenerator<CsvRow>, sampleRows = 10): Promise<{ info: InputInfo | null; sample: CsvRow[]; rows: number }> {
  const sample: CsvRow[] = [];
  let count = 0;
  for await (const r of rows) {
    count++;
    if (sample.length < sampleRows) sample.push(r);
  }
  return { info: null, sample, rows: count };
}
