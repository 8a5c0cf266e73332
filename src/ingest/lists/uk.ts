/**
 * The UK Sanctions List (FCDO; the single UK list since 28 January 2026):
 * - the full XML (`UK-Sanctions-List.xml`): one `<Designation>` per listed
 *   party, names split over Name1…Name6 with a NameType (Primary Name,
 *   Primary Name Variation, Alias) and an AliasStrength, the regime, the
 *   designation source (UK or UN, with the UN reference), dates written
 *   dd/mm/yyyy, addresses, and individual or ship details; the list's date is
 *   the `DateGenerated` element;
 * - the summary spreadsheet (ODS): one row per designation, 8 columns
 *   (Unique ID, OFSI Group ID, Name, Regime Name, Type, Designation source,
 *   Date Designated dd-mm-yyyy, Sanctions Imposed), no date of its own.
 * Entry ids are the FCDO's Unique IDs (`DPR0043`), so entity ids are
 * `gb-dpr0043`.
 */
import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { ListEntry, ListEntrySchema, ListIdentifier, ListName } from '../../model/index.ts';
import { countryCode, countryOfPlace } from './countries.ts';
import { countBytes, listParseError, type ListInput, type ParseOptions } from './input.ts';
import { childText, descendants, descendantTexts, xmlRecords, type XNode } from './xml-records.ts';

import { UK_DATASET } from './datasets.ts';

export interface UkListMeta { dateGenerated: string | null }

/** `31/12/2020` or `31-12-2020` → `2020-12-31`; a bare year stays a year; anything else null. */
export function ukDate(text: string | null | undefined): string | null {
  const t = (text ?? '').trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (m) {
    const date = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
    return m[4] ? `${date}T${m[4]}:${m[5]}:${m[6] ?? '00'}` : date;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})(T[\d:.]+Z?)?$/.exec(t);
  if (m) return t;
  m = /^(?:dd\/mm\/)?(\d{4})$/.exec(t);
  return m ? m[1]! : null;
}

const SCHEMA: Record<string, ListEntrySchema> = { individual: 'Person', entity: 'Organization', ship: 'Vessel' };

function schemaOf(type: string | null, file: string, where: { line?: number; column?: number }, id: string): ListEntrySchema {
  const s = SCHEMA[(type ?? '').trim().toLowerCase()];
  if (!s) throw listParseError(file, where, `designation ${id}: unknown type "${type ?? ''}" (expected Individual, Entity or Ship)`);
  return s;
}

function namesOf(node: XNode): ListName[] {
  const out: ListName[] = [];
  for (const n of descendants(node, 'Name').filter((x) => x.children.length)) {
    const value = [1, 2, 3, 4, 5, 6].map((i) => childText(n, `Name${i}`)).filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
    if (!value || out.some((x) => x.value === value)) continue;
    const type = (childText(n, 'NameType') ?? '').toLowerCase();
    const strength = (childText(n, 'AliasStrength') ?? '').toLowerCase();
    if (type === 'primary name' && !out.some((x) => x.strength === 'primary')) out.push({ value, strength: 'primary' });
    else out.push({ value, strength: /^(weak|low)/.test(strength) ? 'weak' : 'strong', kind: 'aka' });
  }
  for (const v of descendantTexts(node, 'NameNonLatinScript')) if (!out.some((x) => x.value === v)) out.push({ value: v, strength: 'strong', kind: 'aka' });
  if (out.length && !out.some((x) => x.strength === 'primary')) out[0] = { value: out[0]!.value, strength: 'primary' };
  return out;
}

function addressesOf(node: XNode, countries: string[]): string[] {
  const out: string[] = [];
  for (const a of descendants(node, 'Address')) {
    const country = childText(a, 'AddressCountry');
    const parts = [1, 2, 3, 4, 5, 6].map((i) => childText(a, `AddressLine${i}`)).concat([childText(a, 'AddressPostalCode'), country]).filter(Boolean);
    if (parts.length) out.push(parts.join(', '));
    const cc = countryCode(country);
    if (cc && !countries.includes(cc)) countries.push(cc);
  }
  return out;
}

function identifiersOf(node: XNode): ListIdentifier[] {
  const out: ListIdentifier[] = [];
  const add = (type: string, value: string | null, note: string | null) => { if (value) out.push({ type, value, country: null, note }); };
  for (const p of descendants(node, 'Passport')) add('passport', childText(p, 'PassportNumber'), childText(p, 'PassportAdditionalInformation'));
  for (const p of descendants(node, 'NationalIdentifier')) add('national_id', childText(p, 'NationalIdentifierNumber'), childText(p, 'NationalIdentifierAdditionalInformation'));
  if (!out.length) {
    for (const v of descendantTexts(node, 'PassportNumber')) add('passport', v, null);
    for (const v of descendantTexts(node, 'NationalIdentifierNumber')) add('national_id', v, null);
  }
  for (const v of descendantTexts(node, 'IMONumber')) add('imo', v, null);
  for (const v of descendantTexts(node, 'PhoneNumber')) add('phone', v, null);
  for (const v of descendantTexts(node, 'EmailAddress').flatMap((e) => e.split(/[;\s]+/)).filter(Boolean)) add('email', v, null);
  for (const v of descendantTexts(node, 'Website')) add('website', v, null);
  return out;
}

function remarksOf(parts: [string, string | null][]): string | null {
  const text = parts.filter(([, v]) => v).map(([k, v]) => `${k}: ${v}`).join('; ');
  return text || null;
}

function designationEntry(node: XNode, file: string): ListEntry {
  const where = { line: node.line, column: node.column };
  const id = childText(node, 'UniqueID');
  if (!id) throw listParseError(file, where, '<Designation> without UniqueID');
  const schema = schemaOf(childText(node, 'IndividualEntityShip'), file, where, id);
  const names = namesOf(node);
  if (!names.length) throw listParseError(file, where, `designation ${id} has no name`);
  const countries: string[] = [];
  const addresses = addressesOf(node, countries);
  const nationalities = [...new Set(descendantTexts(node, 'Nationality').map((n) => countryCode(n) ?? countryOfPlace(n)).filter((c): c is string => !!c))];
  const birthPlaces = descendants(node, 'Location').map((l) => [childText(l, 'TownOfBirth'), childText(l, 'CountryOfBirth')].filter(Boolean).join(', ')).filter(Boolean);
  const gender = (descendantTexts(node, 'Gender')[0] ?? '').toLowerCase();
  const regime = childText(node, 'RegimeName');
  const ship = schema === 'Vessel' ? {
    flag: countryCode(descendantTexts(node, 'CurrentBelievedFlagOfShip')[0]),
    imo: descendantTexts(node, 'IMONumber')[0] ?? null, callSign: null,
    type: descendantTexts(node, 'TypeOfShip')[0] ?? null, tonnage: descendantTexts(node, 'Tonnage')[0] ?? null,
    owner: descendantTexts(node, 'CurrentOwnerOperator').join('; ') || null,
  } : undefined;
  return {
    listId: UK_DATASET, entryId: id, schema, names,
    birthDates: [...new Set(descendantTexts(node, 'DOB').map(ukDate).filter((d): d is string => !!d))],
    birthPlaces, nationalities, countries, identifiers: identifiersOf(node), addresses,
    programs: regime ? [regime] : [],
    listedOn: ukDate(childText(node, 'DateDesignated')),
    remarks: remarksOf([
      ['Designation source', childText(node, 'DesignationSource')], ['UN reference', childText(node, 'UNReferenceNumber')],
      ['OFSI Group ID', childText(node, 'OFSIGroupID')], ['Sanctions imposed', childText(node, 'SanctionsImposed')],
      ['Statement of reasons', childText(node, 'UKStatementofReasons')], ['Other information', childText(node, 'OtherInformation')],
    ]),
    positions: descendantTexts(node, 'Position'),
    gender: gender.startsWith('male') ? 'male' : gender.startsWith('female') ? 'female' : null,
    linkedTo: [],
    ...(ship ? { vessel: ship } : {}),
  };
}

/** Streams the designations of the full UK XML; `meta` receives `DateGenerated` (ISO) when the file gives it. */
export async function* parseUkXml(input: ListInput, opts: ParseOptions & { meta?: (m: UkListMeta) => void }): AsyncGenerator<ListEntry> {
  const seen = new Set<string>();
  for await (const { node } of xmlRecords(input, { ...opts, root: null, isRecord: (p) => (p.length === 2 || p.length === 3) && (p.at(-1) === 'Designation' || p.at(-1) === 'DateGenerated') })) {
    if (node.name === 'DateGenerated') {
      opts.meta?.({ dateGenerated: ukDate(node.text) });
      continue;
    }
    const entry = designationEntry(node, opts.file);
    if (seen.has(entry.entryId)) throw listParseError(opts.file, { line: node.line, column: node.column }, `UniqueID ${entry.entryId} appears twice`);
    seen.add(entry.entryId);
    yield entry;
  }
  if (!seen.size) throw listParseError(opts.file, {}, 'no <Designation> records found (not the UK Sanctions List XML?)');
}

const decode = (s: string) => s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The rows of the first sheet of an ODS (its content.xml), cells as text; repeated empty tails are cut. */
function odsRows(content: string): string[][] {
  const rows: string[][] = [];
  for (const rowXml of content.split(/<table:table-row[\s>]/).slice(1)) {
    const cells: string[] = [];
    for (const cell of rowXml.split(/<table:table-cell/).slice(1)) {
      const repeat = Number(/table:number-columns-repeated="(\d+)"/.exec(cell)?.[1] ?? '1');
      const text = [...cell.matchAll(/<text:p[^>]*>([\s\S]*?)<\/text:p>/g)].map((m) => decode(m[1]!.replace(/<[^>]+>/g, '')).trim()).join(' ');
      if (!text && repeat > 64) break;
      for (let i = 0; i < Math.min(repeat, 64); i++) cells.push(text);
    }
    if (cells.some(Boolean)) rows.push(cells);
  }
  return rows;
}

const ODS_COLUMNS = ['Unique ID', 'OFSI Group ID', 'Name', 'Regime Name', 'Type', 'Designation source', 'Date Designated', 'Sanctions Imposed'] as const;

/** The summary ODS (a zip; read whole: it is small). */
export async function* parseUkOds(input: ListInput, opts: ParseOptions): AsyncGenerator<ListEntry> {
  const chunks: Buffer[] = [];
  for await (const c of countBytes(input, opts.onBytes)) chunks.push(typeof c === 'string' ? Buffer.from(c) : Buffer.from(c));
  let content: string;
  try {
    const files = unzipSync(Buffer.concat(chunks), { filter: (f) => f.name === 'content.xml' });
    if (!files['content.xml']) throw new Error('no content.xml inside');
    content = strFromU8(files['content.xml']);
  } catch (e) {
    throw listParseError(opts.file, {}, `not a readable OpenDocument spreadsheet (${(e as Error).message}; truncated?)`, e);
  }
  const [header, ...rows] = odsRows(content);
  const col = new Map((header ?? []).map((h, i) => [h, i]));
  const missing = ODS_COLUMNS.filter((c) => !col.has(c));
  if (missing.length) throw listParseError(opts.file, { record: 1 }, `the header row lacks ${missing.map((m) => `"${m}"`).join(', ')} (not the UK Sanctions List summary?)`);
  const cell = (r: string[], c: (typeof ODS_COLUMNS)[number]) => (r[col.get(c)!] ?? '').trim() || null;
  const seen = new Set<string>();
  for (const [i, r] of rows.entries()) {
    const id = cell(r, 'Unique ID');
    const name = cell(r, 'Name');
    if (!id) throw listParseError(opts.file, { record: i + 2 }, `row ${i + 2} has no Unique ID`);
    if (!name) {
      opts.warn?.(`${opts.file}: row ${i + 2} (${id}) has no name in the publisher's file; skipped`);
      continue;
    }
    if (seen.has(id)) throw listParseError(opts.file, { record: i + 2 }, `Unique ID ${id} appears twice`);
    seen.add(id);
    const regime = cell(r, 'Regime Name');
    yield {
      listId: UK_DATASET, entryId: id, schema: schemaOf(cell(r, 'Type'), opts.file, { line: i + 2 }, id),
      names: [{ value: name, strength: 'primary' }], birthDates: [], birthPlaces: [], nationalities: [], countries: [], identifiers: [], addresses: [],
      programs: regime ? [regime] : [], listedOn: ukDate(cell(r, 'Date Designated')),
      remarks: remarksOf([['Designation source', cell(r, 'Designation source')], ['OFSI Group ID', cell(r, 'OFSI Group ID')], ['Sanctions imposed', cell(r, 'Sanctions Imposed')]]),
      positions: [], gender: null, linkedTo: [],
    };
  }
  if (!seen.size) throw listParseError(opts.file, {}, 'the spreadsheet holds no designations');
}

/** Is this file (by its first bytes) the ODS spreadsheet (a zip), rather than the XML? */
export const isZip = (head: Buffer) => head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;

export function readHeadSync(file: string, n = 4096): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    return buf.subarray(0, fs.readSync(fd, buf, 0, n, 0));
  } finally {
    fs.closeSync(fd);
  }
}
