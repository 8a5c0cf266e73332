/**
 * Reading a screening CSV as a stream: the text encoding is found from the
 * first bytes (UTF-8 with or without BOM, UTF-16, else Windows-1252 or CP949
 * with a warning; or the one given), the column separator from the first
 * lines (comma, semicolon, tab, pipe), and the header names are mapped to
 * fields ("Supplier Name" → name; see input-detect.ts) unless a mapping is
 * given. Each data row comes out with its row number (1 = first row after the
 * header) so every message can say which row it concerns. Memory does not
 * grow with the file. A file that breaks part-way (a quote never closed, a
 * byte that is not UTF-8) yields every row before the break, then an error
 * naming the line and the data row that cannot be read: the CLI screens and
 * writes those rows and closes its JSON with the error; the HTTP doors and
 * the cases keep nothing and answer the error.
 */
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
/** Longest record read (characters). */
const MAX_RECORD = 1_000_000;

type ByteInput = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

/** Text that is not what its encoding says, at a byte (counted from 0) on a line (from 1); the reader words it with the row. */
class DecodeError extends Error {
  constructor(readonly byte: number, readonly line: number) {
    super(`the text is not valid UTF-8 at byte ${byte}`);
  }
}

/**
 * Where UTF-8 goes wrong: `bad`, the first byte of an invalid sequence (-1 when none is), and `complete`, where a
 * character cut off by the end of the bytes begins (their length when none is). Unicode's table 3-7 of well-formed
 * sequences: no overlong forms, no surrogates, nothing above U+10FFFF.
 */
function scanUtf8(b: Uint8Array): { bad: number; complete: number } {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) { i++; continue; }
    let n = 3, lo = 0x80, hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) { n = 2; if (c === 0xe0) lo = 0xa0; if (c === 0xed) hi = 0x9f; }
    else if (c === 0xf0) lo = 0x90;
    else if (c === 0xf4) hi = 0x8f;
    else if (c < 0xf1 || c > 0xf3) return { bad: i, complete: i };
    for (let k = 1; k <= n; k++) {
      if (i + k >= b.length) return { bad: -1, complete: i };
      const t = b[i + k]!;
      if (k === 1 ? t < lo || t > hi : t < 0x80 || t > 0xbf) return { bad: i, complete: i };
    }
    i += n + 1;
  }
  return { bad: -1, complete: b.length };
}

const newlines = (text: string): number => text.split('\n').length - 1;

/**
 * Bytes → text, deciding the encoding from the first chunk (or taking the one given). UTF-8 is checked: the text
 * before a byte that is not UTF-8 comes out, then a DecodeError saying where (so every row before it is read).
 */
async function* decode(input: ByteInput, file: string, warn: (m: string) => void, given: string | null | undefined, found: (e: InputEncoding) => void): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let utf8 = false;
  let carry: Uint8Array = new Uint8Array(0);
  let partial = '';
  let offset = 0;
  let lines = 0;
  const out = (text: string) => { lines += newlines(text); return text; };
  for await (const chunk of input) {
    if (typeof chunk === 'string') { if (!decoder) found('utf-8'); decoder ??= new TextDecoder(); yield out(chunk); continue; }
    let bytes = chunk;
    if (!decoder) {
      const guess = detectEncoding(chunk, given);
      found(guess.encoding);
      if (guess.guessed && guess.encoding === 'windows-1252') warn(`${file}: the file is not UTF-8; read as Windows-1252 (save it as UTF-8 to be sure names with accents or Hangul are read right, or give the encoding)`);
      if (guess.guessed && guess.encoding === 'cp949') warn(`${file}: the file is not UTF-8; read as CP949 (Korean Windows); give the encoding if that is wrong`);
      if (guess.guessed && guess.encoding.startsWith('utf-16')) warn(`${file}: the file has no byte-order mark; read as ${guess.encoding.toUpperCase()}`);
      utf8 = guess.encoding === 'utf-8';
      decoder = new TextDecoder(decoderName(guess.encoding), { ignoreBOM: utf8 });
      bytes = chunk.subarray(guess.bom);
      offset = guess.bom;
    }
    if (!utf8) { yield out(decoder.decode(bytes, { stream: true })); continue; }
    const joined = carry.length ? Buffer.concat([carry, bytes]) : bytes;
    const { bad, complete } = scanUtf8(joined);
    const start = offset - carry.length;
    if (bad >= 0) {
      // The lines before the bad byte's come out whole; the line it is on, cut short, would read as a wrong row.
      const before = partial + decoder.decode(joined.subarray(0, bad));
      const line = lines + newlines(before) + 1;
      const whole = before.slice(0, before.lastIndexOf('\n') + 1);
      if (whole) yield out(whole);
      throw new DecodeError(start + bad, line);
    }
    // UTF-8 text comes out by whole lines (a line's end is held back until its line ends, up to a record's length),
    // so when a later byte turns out bad no line before it has been cut short.
    const text = partial + decoder.decode(joined.subarray(0, complete));
    const cut = text.length > MAX_RECORD ? text.length : text.lastIndexOf('\n') + 1;
    if (cut) yield out(text.slice(0, cut));
    partial = text.slice(cut);
    carry = joined.subarray(complete);
    offset += bytes.length;
  }
  if (carry.length) throw new DecodeError(offset - carry.length, lines + newlines(partial) + 1);
  if (partial) yield partial;
  if (decoder && !utf8) {
    const rest = decoder.decode();
    if (rest) yield rest;
  }
}

/** The first decoded text (for the separator), then everything, as one stream; an error while peeking comes after the text before it. */
async function peek(text: AsyncGenerator<string>): Promise<{ head: string; all: AsyncGenerator<string> }> {
  let head = '';
  const buffered: string[] = [];
  let failure: { error: unknown } | null = null;
  try {
    while (head.length < 8192) {
      const next = await text.next();
      if (next.done) break;
      buffered.push(next.value);
      head += next.value;
    }
  } catch (error) {
    failure = { error };
  }
  async function* all(): AsyncGenerator<string> {
    yield* buffered;
    if (failure) throw failure.error;
    yield* text;
  }
  return { head, all: all() };
}

/** A parsed record and the line it ends on. */
interface ParsedRecord { record: string[]; line: number }

/**
 * The records of a text, each as soon as its chunk is parsed, and every record before an error: csv-parse's stream
 * drops the records it holds when it fails (a quote never closed fails only at the end of the file), so its parser
 * is fed chunk by chunk here and hands each record over as it completes.
 */
async function* parseRecords(text: AsyncIterable<string>, delimiter: string): AsyncGenerator<ParsedRecord> {
  const done: ParsedRecord[] = [];
  const parser = parse({
    bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, relax_quotes: true, max_record_size: MAX_RECORD,
    on_record: (record: string[], info) => { done.push({ record, line: info.lines }); return null; },
  });
  // The parser's first error (csv-parse reports it to the write's callback and as an event).
  const failed: unknown[] = [];
  parser.on('error', (error) => { failed.push(error); });
  const feed = (chunk: string | null) => new Promise<void>((resolve) => {
    const settle = (error?: Error | null) => { if (error) failed.push(error); resolve(); };
    if (chunk === null) parser.end(settle);
    else parser.write(chunk, settle);
  });
  const chunks = text[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<string>;
      try {
        next = await chunks.next();
      } catch (e) {
        // The text broke (a byte that is not UTF-8): the records complete before it are handed over, then its error.
        await feed(null);
        yield* done.splice(0);
        throw e;
      }
      if (next.done) break;
      await feed(next.value);
      yield* done.splice(0);
      if (failed.length) throw failed[0];
    }
    await feed(null);
    yield* done.splice(0);
    if (failed.length) throw failed[0];
  } finally {
    parser.destroy();
    await chunks.return?.();
  }
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
  let mapping: ColumnMapping[] | null = null;
  let row = 0;
  let line = 0;
  try {
    for await (const { record, line: end } of parseRecords(all, delimiter)) {
      line = end;
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
    // Every row before the one that breaks has been handed over; the message names that one.
    const what = mapping ? `data row ${row + 1} cannot be read` : 'the header row cannot be read';
    if (e instanceof DecodeError) throw invalidInput(`${what}: ${e.message}; save the file as UTF-8 or give its encoding`, `${file}, line ${e.line}`);
    if (e instanceof CsvError) {
      const why = e.code === 'CSV_QUOTE_NOT_CLOSED' ? 'Quote Not Closed: a quoted cell begins in it and the file ends before its closing quote' : e.message;
      throw invalidInput(`${what}: ${why}`, `${file}, line ${line + 1}`);
    }
    throw e;
  }
  if (!mapping) throw invalidInput(`the file is empty; the first row must name the columns (${INPUT_FIELDS.slice(0, 5).join(', ')})`, file);
}
