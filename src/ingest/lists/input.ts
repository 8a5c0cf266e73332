/** Inputs of the list parsers, and the errors they raise (file, position, cause). */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { Room39Error } from '../../errors.ts';

/** A byte or text stream: a file stream, `Readable.from(buffer)`, an HTTP body. */
export type ListInput = Readable | AsyncIterable<Uint8Array | string>;

export interface ParseOptions {
  /** Name of the file in error messages. */
  file: string;
  /** Called with the number of bytes read so far (progress bars). */
  onBytes?: (bytes: number) => void;
  /** Told about a record the parser skipped (the publisher's own gap, e.g. a row without a name), with where and why. */
  warn?: (message: string) => void;
}

export interface Position {
  line?: number;
  column?: number;
  byte?: number;
  record?: number;
}

export function formatPosition(p: Position): string {
  const parts: string[] = [];
  if (p.line !== undefined) parts.push(p.column !== undefined ? `line ${p.line}:${p.column}` : `line ${p.line}`);
  if (p.byte !== undefined) parts.push(`byte ${p.byte}`);
  if (p.record !== undefined) parts.push(`record ${p.record}`);
  return parts.join(', ');
}

/** A malformed or truncated list file: says which file, where in it, and why. */
export function listParseError(file: string, position: Position, cause: string, error?: unknown): Room39Error {
  const where = position.line !== undefined
    ? `${file}:${position.line}${position.column !== undefined ? `:${position.column}` : ''}`
    : file;
  const extra = formatPosition({ byte: position.byte, record: position.record });
  return new Room39Error('invalid_data', `${cause}${extra ? ` (${extra})` : ''}`, where, error ? { cause: error } : undefined);
}

/** Refuses a path that is missing or not a regular file, with a message saying so. */
export function checkListFile(path: string): void {
  if (!fs.existsSync(path)) throw new Room39Error('not_found', 'no such file', path);
  const st = fs.statSync(path);
  if (!st.isFile()) throw new Room39Error('invalid_input', 'not a regular file', path);
}

export function openListFile(path: string): Readable {
  checkListFile(path);
  return fs.createReadStream(path, { highWaterMark: 256 * 1024 });
}

/** Wraps a byte stream so each chunk reports the running byte count. */
export async function* countBytes(input: ListInput, onBytes?: (n: number) => void): AsyncGenerator<Uint8Array | string> {
  let n = 0;
  for await (const chunk of input) {
    n += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    onBytes?.(n);
    yield chunk;
  }
}
