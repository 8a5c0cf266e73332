/**
 * Reading a screening CSV as a stream: the text encoding is found from the
 * first bytes (UTF-8, UTF-16 with its byte-order mark, else Windows-1252 with a
 * warning), the header must name a `name` column, and each data row comes out
 * with its row number (1 = first row after the header) so every message can
 * say which row it concerns. Memory does not grow with the file.
 */
import { Readable } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import { invalidInput } from '../errors.ts';

export const SCREEN_COLUMNS = ['name', 'schema', 'country', 'birth_date', 'id_number'] as const;
export type ScreenColumn = (typeof SCREEN_COLUMNS)[number];
export type ScreenInput = Partial<Record<ScreenColumn, string>>;

export interface CsvRow {
  row: number;
  input: ScreenInput;
}

/** Longest cell kept; longer ones are cut (and the row says so). */
export const MAX_CELL = 100_000;

/** Bytes → text, deciding the encoding from the first chunk. */
async function* decode(input: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, file: string, warn: (m: string) => void): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let offset = 0;
  for await (const chunk of input) {
    if (typeof chunk === 'string') { yield chunk; continue; }
    if (!decoder) {
      if (chunk[0] === 0xff && chunk[1] === 0xfe) decoder = new TextDecoder('utf-16le');
      else if (chunk[0] === 0xfe && chunk[1] === 0xff) decoder = new TextDecoder('utf-16be');
      else {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(chunk, { stream: true });
          decoder = new TextDecoder('utf-8', { fatal: true });
        } catch {
          warn(`${file}: the file is not UTF-8; read as Windows-1252 (save it as UTF-8 to be sure names with accents or Hangul are read right)`);
          decoder = new TextDecoder('windows-1252');
        }
      }
    }
    try {
      yield decoder.decode(chunk, { stream: true });
    } catch {
      throw invalidInput(`the text is not valid UTF-8 near byte ${offset}; save the file as UTF-8`, file);
    }
    offset += chunk.length;
  }
  if (decoder) {
    const rest = decoder.decode();
    if (rest) yield rest;
  }
}

/**
 * Stream the rows of a screening CSV. Throws (before any row) when the header
 * has no `name` column; unknown columns are ignored, column names are matched
 * without regard to case, spaces or BOM.
 */
export async function* readScreenCsv(
  input: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  file: string,
  warn: (message: string) => void = () => undefined,
): AsyncGenerator<CsvRow> {
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: true, max_record_size: 1_000_000 });
  const source = Readable.from(decode(input, file, warn));
  source.on('error', (e) => parser.destroy(e));
  source.pipe(parser);
  let columns: (ScreenColumn | null)[] | null = null;
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!columns) {
        columns = record.map((h) => {
          const k = h.replace(/^\ufeff/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');
          const alias: Record<string, ScreenColumn> = { dob: 'birth_date', birthdate: 'birth_date', date_of_birth: 'birth_date', id: 'id_number', nationality: 'country', type: 'schema' };
          const c = alias[k] ?? k;
          return (SCREEN_COLUMNS as readonly string[]).includes(c) ? (c as ScreenColumn) : null;
        });
        if (!columns.includes('name')) {
          throw invalidInput(`the header row has no "name" column (found: ${record.slice(0, 10).map((h) => JSON.stringify(h.slice(0, 40))).join(', ') || 'nothing'}); the first row must name the columns: name (required), schema, country, birth_date, id_number`, `${file}, line 1`);
        }
        continue;
      }
      row++;
      if (record.length === 1 && record[0] === '\x1a') continue;
      const out: ScreenInput = {};
      columns.forEach((c, i) => {
        if (c && record[i] !== undefined) out[c] = record[i]!.length > MAX_CELL ? record[i]!.slice(0, MAX_CELL) : record[i]!;
      });
      yield { row, input: out };
    }
  } catch (e) {
    if (e instanceof CsvError) throw invalidInput(`the CSV cannot be read after data row ${row}: ${e.message}`, file);
    throw e;
  } finally {
    parser.destroy();
    source.destroy();
  }
  if (!columns) throw invalidInput('the file is empty; the first row must name the columns (name, schema, country, birth_date, id_number)', file);
}
