/**
 * A list file split into its entries' raw records without parsing them, each
 * with a hash of its bytes: what a list update compares with the stored
 * hashes (table list_entry_digests) to parse only the records that changed
 * (#13 part 6). OFAC's legacy CSV: one row of sdn.csv per entry, with the
 * rows of alt.csv and add.csv that carry its ent_num. The split checks what
 * the parser would refuse across records (an ent_num twice, data after the
 * end-of-file byte); anything it cannot vouch for makes it give up (null),
 * and the import parses the whole file as before.
 */
import { hash } from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { ListEntry } from '../../model/index.ts';
import { parseOfacCsv } from './ofac-csv.ts';

/** One entry's raw record: where it is in the file and the hash of its bytes. */
export interface RawRecord {
  entryId: string;
  hash: string;
}

export interface SplitFile {
  records: RawRecord[];
  /** Parses only the records of these entries (in file order), with the format's own parser. */
  parse(entryIds: ReadonlySet<string>): AsyncIterable<ListEntry>;
}

const QUOTE = 0x22, NL = 0x0a, CR = 0x0d, COMMA = 0x2c;

/** CSV rows as byte ranges (line ends outside quotes; CR LF or LF), blank rows left out. */
function csvRows(buf: Buffer): [number, number][] {
  const out: [number, number][] = [];
  let start = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  let quoted = false;
  for (let i = start; i <= buf.length; i++) {
    const c = i < buf.length ? buf[i] : NL;
    if (c === QUOTE) quoted = !quoted;
    else if (c === NL && (!quoted || i === buf.length)) {
      const stop = i > start && buf[i - 1] === CR ? i - 1 : i;
      if (stop > start) out.push([start, stop]);
      start = i + 1;
      quoted = false;
    }
  }
  return out;
}

/** The row that is only OFAC's end-of-file byte (0x1A). */
const isEofRow = (buf: Buffer, [start, end]: [number, number]) => end - start === 1 && buf[start] === 0x1a;

/** The first field of a row (ent_num), unquoted and trimmed; null when it is not a plain number. */
function firstField(buf: Buffer, [start, end]: [number, number]): string | null {
  let a = start, b = buf.indexOf(COMMA, start);
  if (b < 0 || b > end) b = end;
  if (buf[a] === QUOTE) { a++; b = buf.indexOf(QUOTE, a); if (b < 0 || b > end) return null; }
  const v = buf.toString('latin1', a, b).trim();
  return /^\d+$/.test(v) ? v : null;
}

interface SideRows { byEnt: Map<string, [number, number][]>; buf: Buffer }

function sideRows(file: string): SideRows | null {
  const buf = fs.readFileSync(file);
  const byEnt = new Map<string, [number, number][]>();
  for (const row of csvRows(buf)) {
    if (isEofRow(buf, row)) continue;
    const ent = firstField(buf, row);
    if (ent === null) return null;
    const list = byEnt.get(ent);
    if (list) list.push(row); else byEnt.set(ent, [row]);
  }
  return { byEnt, buf };
}

/** A row with the alt.csv and add.csv rows of its entry, as one byte string to hash. */
function withSides(row: Buffer, ent: string, ...sides: (SideRows | null)[]): Buffer {
  const parts: Buffer[] = [row];
  for (const side of sides) {
    parts.push(ZERO);
    for (const r of side?.byEnt.get(ent) ?? []) parts.push(side!.buf.subarray(r[0], r[1]), LF);
  }
  return Buffer.concat(parts);
}
const ZERO = Buffer.from([0]), LF = Buffer.from([NL]);

const joinRows = (buf: Buffer, rows: readonly [number, number][]) => Buffer.concat(rows.flatMap(([a, b]) => [buf.subarray(a, b), Buffer.from('\r\n')]));

/**
 * The bytes in 64 kB pieces, as a file stream gives them: the CSV parser handed the whole file at once parses every
 * record before the first is taken, and ~15,000 parsed records then wait, long enough for the garbage collector to
 * move them all to the old generation.
 */
function* pieces(bytes: Buffer): Generator<Buffer> {
  for (let i = 0; i < bytes.length; i += PIECE) yield bytes.subarray(i, i + PIECE);
}
const PIECE = 64 * 1024;

/** OFAC's sdn.csv (with alt.csv / add.csv) split by entry; null when the split cannot vouch for the file (the parser then reads it whole). */
export function splitOfacCsv(file: string, name: string, alt?: string, add?: string): SplitFile | null {
  const buf = fs.readFileSync(file);
  const alts = alt ? sideRows(alt) : null;
  const adds = add ? sideRows(add) : null;
  if ((alt && !alts) || (add && !adds)) return null;
  const rows = csvRows(buf);
  const records: RawRecord[] = [];
  const rowOf = new Map<string, [number, number]>();
  let eof = false;
  for (const row of rows) {
    if (isEofRow(buf, row)) { eof = true; continue; }
    const ent = firstField(buf, row);
    if (eof || ent === null || rowOf.has(ent)) return null;
    rowOf.set(ent, row);
    records.push({ entryId: ent, hash: hash('sha1', alts || adds ? withSides(buf.subarray(row[0], row[1]), ent, alts, adds) : buf.subarray(row[0], row[1])) });
  }
  if (!records.length) return null;
  // Side rows of no sdn.csv entry are read with every subset, as the whole-file parse would read (and check) them.
  const orphans = (side: SideRows | null) => [...(side?.byEnt ?? [])].filter(([ent]) => !rowOf.has(ent)).flatMap(([, r]) => r);
  return {
    records,
    parse(ids) {
      const pick = (side: SideRows | null, sideFile: string | undefined) => side && sideFile
        ? { input: Readable.from([joinRows(side.buf, [...orphans(side), ...[...ids].flatMap((id) => side.byEnt.get(id) ?? [])])]), file: sideFile }
        : undefined;
      const mine = records.filter((r) => ids.has(r.entryId)).map((r) => rowOf.get(r.entryId)!);
      return parseOfacCsv(Readable.from(pieces(joinRows(buf, mine))), { file: name, alt: pick(alts, alt), add: pick(adds, add) });
    },
  };
}
