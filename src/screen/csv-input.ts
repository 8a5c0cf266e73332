/**
 * Reading a screening CSV as a stream: the text encoding is found from the
 * first bytes (UTF-8 with or without BOM, UTF-16, else Windows-1252 or CP949
 * with a warning; or the one given), the column separator from the first
 * lines (comma, semicolon, tab, pipe), and the header names are mapped to
 * fields ("Supplier Name" → name; see input-detect.ts) unless a mapping is
 * given. Each data row comes out with its row number (1 = first row after the
 * header) so every message can say which row it concerns. Memory does not
 * grow with the file.
 */
import { Readable } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import { invalidInput } from '../errors.ts';
import {
  decoderName, delimiterName, detectDelimiter, detectEncoding, INPUT_FIELDS, mapColumns, type ColumnMapping, type InputEncoding, type InputField,
} from './input-detect.ts';

export const SCREEN_COLUMNS = ['name', 'schema', 'country', 'birth_date', 'id_number'] as const;
export type ScreenColumn = (typeof SCREEN_COLUMNS)[number];
/** A row's values by field: the screening columns, and sector and address when the file has them. */
export type ScreenInput = Partial<Record<InputField, string>>;

export interface CsvRow {
  row: number;
  input: ScreenInput;
}

/** How a file was read: reported so a person can confirm or correct it. */
export interface InputInfo {
  format: 'csv' | 'xlsx';
  encoding: InputEncoding | null;
  /** `comma`, `semicolon`, `tab`, `pipe`; null for a workbook. */
  delimiter: string | null;
  sheet: string | null;
  headers: string[];
  mapping: ColumnMapping[];
}

export interface ReadOptions {
  /** The encoding to read (else detected). */
  encoding?: string | null;
  /** The column separator (else detected). */
  delimiter?: string | null;
  /** Header → field (or field → header); columns not named are mapped by their header words. */
  mapping?: Readonly<Record<string, string | null>>;
  /** Called once the header is read. */
  onInfo?: (info: InputInfo) => void;
  /** Refuse a file with no name column (default); a preview reads it anyway to show its columns. */
  requireName?: boolean;
}

/** Longest cell kept; longer ones are cut (and the row says so). */
export const MAX_CELL = 100_000;

type ByteInput = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

/** Bytes → text, deciding the encoding from the first chunk (or taking the one given). */
async function* decode(input: ByteInput, file: string, warn: (m: string) => void, given: string | null | undefined, found: (e: InputEncoding) => void): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let offset = 0;
  for await (const chunk of input) {
    if (typeof chunk === 'string') { if (!decoder) found('utf-8'); decoder ??= new TextDecoder(); yield chunk; continue; }
    let bytes = chunk;
    if (!decoder) {
      const guess = detectEncoding(chunk, given);
      found(guess.encoding);
      if (guess.guessed && guess.encoding === 'windows-1252') warn(`${file}: the file is not UTF-8; read as Windows-1252 (save it as UTF-8 to be sure names with accents or Hangul are read right, or give the encoding)`);
      if (guess.guessed && guess.encoding === 'cp949') warn(`${file}: the file is not UTF-8; read as CP949 (Korean Windows); give the encoding if that is wrong`);
      if (guess.guessed && guess.encoding.startsWith('utf-16')) warn(`${file}: the file has no byte-order mark; read as ${guess.encoding.toUpperCase()}`);
      decoder = new TextDecoder(decoderName(guess.encoding), { fatal: guess.encoding === 'utf-8' });
      bytes = chunk.subarray(guess.bom);
    }
    try {
      yield decoder.decode(bytes, { stream: true });
    } catch {
      throw invalidInput(`the text is not valid UTF-8 near byte ${offset}; save the file as UTF-8 or give its encoding`, file);
    }
    offset += chunk.length;
  }
  if (decoder) {
    const rest = decoder.decode();
    if (rest) yield rest;
  }
}

/** The first decoded text (for the separator), then everything, as one stream. */
async function peek(text: AsyncGenerator<string>): Promise<{ head: string; all: AsyncGenerator<string> }> {
  let head = '';
  const buffered: string[] = [];
  while (head.length < 8192) {
    const next = await text.next();
    if (next.done) break;
    buffered.push(next.value);
    head += next.value;
  }
  async function* all(): AsyncGenerator<string> {
    yield* buffered;
    yield* text;
  }
  return { head, all: all() };
}

export function missingNameMessage(headers: readonly string[]): string {
  return `the header row has no "name" column (found: ${headers.slice(0, 10).map((h) => JSON.stringify(h.slice(0, 40))).join(', ') || 'nothing'}); `
    + `the first row must name the columns: name (required; also read from "Supplier Name", "Company" …), schema, country, birth_date, id_number; or give a mapping such as "Firm=name"`;
}

/** A data record as a row's values, by the column mapping. */
export function rowInput(mapping: readonly ColumnMapping[], record: readonly (string | undefined)[]): ScreenInput {
  const out: ScreenInput = {};
  mapping.forEach((m, i) => {
    const v = record[i];
    if (m.field && v !== undefined && out[m.field] === undefined) out[m.field] = v.length > MAX_CELL ? v.slice(0, MAX_CELL) : v;
  });
  return out;
}

/**
 * Stream the rows of a screening CSV. Throws (before any row) when no column
 * is the name; unknown columns are ignored.
 */
export async function* readScreenCsv(
  input: ByteInput,
  file: string,
  warn: (message: string) => void = () => undefined,
  options: ReadOptions = {},
): AsyncGenerator<CsvRow> {
  let encoding: InputEncoding | null = null;
  const { head, all } = await peek(decode(input, file, warn, options.encoding, (e) => { encoding = e; }));
  const delimiter = detectDelimiter(head.replace(/^\ufeff/, ''), options.delimiter);
  const parser = parse({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, relax_quotes: true, max_record_size: 1_000_000 });
  const source = Readable.from(all);
  source.on('error', (e) => parser.destroy(e));
  source.pipe(parser);
  let mapping: ColumnMapping[] | null = null;
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!mapping) {
        const headers = record.map((h) => h.replace(/^\ufeff/, '').trim());
        mapping = mapColumns(headers, options.mapping);
        if (options.requireName !== false && !mapping.some((m) => m.field === 'name')) throw invalidInput(missingNameMessage(headers), `${file}, line 1`);
        options.onInfo?.({ format: 'csv', encoding, delimiter: delimiterName(delimiter), sheet: null, headers, mapping });
        continue;
      }
      row++;
      if (record.length === 1 && record[0] === '\x1a') continue;
      yield { row, input: rowInput(mapping, record) };
    }
  } catch (e) {
    if (e instanceof CsvError) throw invalidInput(`the CSV cannot be read after data row ${row}: ${e.message}`, file);
    throw e;
  } finally {
    parser.destroy();
    source.destroy();
  }
  if (!mapping) throw invalidInput(`the file is empty; the first row must name the columns (${INPUT_FIELDS.slice(0, 5).join(', ')})`, file);
}
