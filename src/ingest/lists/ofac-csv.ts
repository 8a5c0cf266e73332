/**
 * OFAC SDN legacy CSV (`sdn.csv`, with `alt.csv` and `add.csv` when given),
 * streamed through csv-parse. The file has no header, 12 columns, `-0- ` for
 * null, CRLF line ends and a DOS EOF byte (0x1A) at the end.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse, CsvError, type Info } from 'csv-parse';
import type { ListEntry, ListEntrySchema, ListName } from '../../model/index.ts';
import { countryCode } from './countries.ts';
import { countBytes, listParseError, type ListInput, type ParseOptions } from './input.ts';
import { parseOfacRemarks } from './ofac-remarks.ts';

import { OFAC_DATASET } from './datasets.ts';
const COLUMNS = 12;
const TYPES: Record<string, ListEntrySchema> = { individual: 'Person', vessel: 'Vessel', aircraft: 'Airplane', '': 'Organization' };

export interface OfacCsvOptions extends ParseOptions {
  /** `alt.csv`: ent_num, alt_num, alt_type (aka/fka/nka), alt_name, alt_remarks. */
  alt?: { input: ListInput; file: string };
  /** `add.csv`: ent_num, add_num, address, city/state/postal code, country, add_remarks. */
  add?: { input: ListInput; file: string };
}

const nul = (v: string | undefined): string | null => {
  const t = (v ?? '').trim();
  return t === '' || t === '-0-' ? null : t;
};

interface CsvRecord { record: string[]; info: Info }

/** Streams CSV records with their position; csv-parse errors become list errors. */
async function* csvRecords(input: ListInput, opts: ParseOptions): AsyncGenerator<CsvRecord> {
  const parser = parse({ relax_column_count: true, info: true, bom: true, skip_empty_lines: true });
  const source = Readable.from(countBytes(input, opts.onBytes));
  const done = pipeline(source, parser).catch(() => undefined);
  try {
    for await (const item of parser as AsyncIterable<CsvRecord>) yield item;
  } catch (e) {
    if (e instanceof CsvError) {
      const ctx = e as CsvError & { lines?: number; bytes?: number };
      const cause = e.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'the file ends inside a quoted field (truncated?)'
        : e.message.replace(/^Invalid Opening Quote: /, 'misplaced quote: ');
      throw listParseError(opts.file, { line: ctx.lines, byte: ctx.bytes }, cause, e);
    }
    if (e instanceof Error && 'code' in e && typeof e.code === 'string' && e.code.startsWith('E')) {
      throw listParseError(opts.file, {}, `cannot read the file (${e.message})`, e);
    }
    throw e;
  } finally {
    parser.destroy();
    await done;
  }
}

async function readSide<T>(side: { input: ListInput; file: string }, columns: number, make: (r: (string | null)[]) => [string, T]): Promise<Map<string, T[]>> {
  // alt.csv and add.csv are keyed by ent_num and not ordered with sdn.csv, so
  // they are held in memory; each is a small fraction of sdn.csv's size.
  const out = new Map<string, T[]>();
  for await (const { record, info } of csvRecords(side.input, { file: side.file })) {
    if (record.length === 1 && record[0] === '\x1a') continue;
    if (record.length !== columns) {
      throw listParseError(side.file, { line: info.lines, byte: info.bytes }, `expected ${columns} columns, found ${record.length}`);
    }
    const [key, value] = make(record.map(nul));
    if (!/^\d+$/.test(key)) throw listParseError(side.file, { line: info.lines }, `ent_num "${key}" is not a number`);
    const list = out.get(key) ?? [];
    list.push(value);
    out.set(key, list);
  }
  return out;
}

function pushName(names: ListName[], name: ListName): void {
  if (!names.some((n) => n.value === name.value)) names.push(name);
}

export async function* parseOfacCsv(input: ListInput, opts: OfacCsvOptions): AsyncGenerator<ListEntry> {
  const alts = opts.alt
    ? await readSide(opts.alt, 5, (r) => [r[0] ?? '', { type: (r[2] ?? 'aka').toLowerCase().replace(/\./g, ''), name: r[3] }])
    : new Map<string, { type: string; name: string | null }[]>();
  const adds = opts.add
    ? await readSide(opts.add, 6, (r) => [r[0] ?? '', { address: r[2], city: r[3], country: r[4] }])
    : new Map<string, { address: string | null; city: string | null; country: string | null }[]>();

  let sawEof = false;
  const seen = new Set<string>();
  for await (const { record, info } of csvRecords(input, opts)) {
    const pos = { line: info.lines, byte: info.bytes };
    if (record.length === 1 && record[0] === '\x1a') { sawEof = true; continue; }
    if (sawEof) throw listParseError(opts.file, pos, 'data after the end-of-file marker (0x1A)');
    if (record.length !== COLUMNS) {
      throw listParseError(opts.file, pos, `expected ${COLUMNS} columns, found ${record.length} (truncated or not an OFAC sdn.csv?)`);
    }
    const cols = record.map(nul);
    const col = (i: number): string | null => cols[i] ?? null;
    const [entNum, name, type, program, title, callSign, vessType, tonnage, grt, vessFlag, vessOwner, remarksRaw] =
      [col(0), col(1), col(2), col(3), col(4), col(5), col(6), col(7), col(8), col(9), col(10), col(11)];
    if (!entNum || !/^\d+$/.test(entNum)) throw listParseError(opts.file, pos, `ent_num "${record[0]}" is not a number`);
    if (seen.has(entNum)) throw listParseError(opts.file, pos, `ent_num ${entNum} appears twice`);
    seen.add(entNum);
    if (!name) throw listParseError(opts.file, pos, `entry ${entNum} has no name`);
    const schema = TYPES[(type ?? '').toLowerCase()];
    if (!schema) throw listParseError(opts.file, pos, `entry ${entNum} has unknown SDN_Type "${type}"`);

    const remarks = parseOfacRemarks(remarksRaw);
    const names: ListName[] = [{ value: name, strength: 'primary' }];
    for (const n of remarks.names) pushName(names, n);
    for (const a of alts.get(entNum) ?? []) {
      if (!a.name) continue;
      const kind = a.type === 'fka' ? 'fka' : a.type === 'nka' ? 'nka' : 'aka';
      pushName(names, { value: a.name, strength: 'strong', kind });
    }
    const addresses: string[] = [];
    const countries: string[] = [];
    for (const a of adds.get(entNum) ?? []) {
      const full = [a.address, a.city, a.country].filter(Boolean).join(', ');
      if (full) addresses.push(full);
      const cc = countryCode(a.country);
      if (cc && !countries.includes(cc)) countries.push(cc);
    }
    const programs = program ? program.split(/\]\s*\[/).map((p) => p.replace(/[[\]]/g, '').trim()).filter(Boolean) : [];
    const entry: ListEntry = {
      listId: OFAC_DATASET,
      entryId: entNum,
      schema,
      names,
      birthDates: [...new Set(remarks.birthDates)],
      birthPlaces: [...new Set(remarks.birthPlaces)],
      nationalities: [...new Set(remarks.nationalities)],
      countries,
      identifiers: remarks.identifiers,
      addresses,
      programs,
      listedOn: null,
      remarks: remarksRaw,
      positions: title ? [title] : [],
      gender: remarks.gender,
      linkedTo: remarks.linkedTo,
    };
    if (schema === 'Vessel') {
      entry.vessel = {
        flag: countryCode(vessFlag), imo: remarks.imo, callSign, type: vessType, tonnage, owner: vessOwner, grt,
      };
    }
    yield entry;
  }
  if (seen.size === 0) throw listParseError(opts.file, {}, 'no OFAC entries found (empty file, or not an sdn.csv)');
}
