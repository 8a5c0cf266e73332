/**
 * Reading a spreadsheet as people have it: which text encoding the bytes are
 * in (UTF-8 with or without BOM, UTF-16 by its BOM or its zero bytes,
 * Windows-1252, CP949), which character separates the columns (comma,
 * semicolon, tab, pipe), and which column is which ("Supplier Name" is the
 * name, "Country of origin" the country). Each guess is reported, so a person
 * can confirm it or give their own (`encoding`, `delimiter`, `mapping`).
 */
import { invalidOption } from '../errors.ts';

/** What a row can carry: the screening columns, and a sector and address for the supplier-risk indicator. */
export const INPUT_FIELDS = ['name', 'schema', 'country', 'birth_date', 'id_number', 'sector', 'address'] as const;
export type InputField = (typeof INPUT_FIELDS)[number];

export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'cp949'] as const;
export type InputEncoding = (typeof ENCODINGS)[number];
export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** Header words for each field, compared lower-case with spaces, dashes and underscores as one space. */
const SYNONYMS: Record<InputField, string[]> = {
  name: ['name', 'full name', 'supplier', 'supplier name', 'vendor', 'vendor name', 'company', 'company name', 'counterparty', 'counterparty name',
    'customer', 'customer name', 'client', 'client name', 'entity', 'entity name', 'organisation', 'organization', 'organisation name', 'organization name',
    'legal name', 'business name', 'beneficiary', 'beneficiary name', 'party', 'party name', 'employer', 'manufacturer', 'factory', 'vessel name', '이름', '업체명', '회사명', '상호'],
  schema: ['schema', 'type', 'entity type', 'party type', 'kind'],
  country: ['country', 'country of origin', 'origin', 'country code', 'nationality', 'citizenship', 'jurisdiction', 'country of incorporation',
    'country of registration', 'location country', 'supplier country', 'iso country', '국가', '국적'],
  birth_date: ['birth date', 'birthdate', 'date of birth', 'dob', 'born'],
  id_number: ['id', 'id number', 'identifier', 'registration number', 'registration no', 'reg no', 'company number', 'tax id', 'tax number', 'vat',
    'vat number', 'passport', 'passport number', 'lei', 'imo', 'imo number', 'duns', '사업자등록번호'],
  sector: ['sector', 'industry', 'business sector', 'activity', 'category', 'product category', 'commodity', 'naics', 'nace', '업종'],
  address: ['address', 'street address', 'site address', 'factory address', 'location', 'city', 'region', 'province', 'worksite', '주소'],
};

export interface ColumnMapping {
  /** The header as written in the file. */
  header: string;
  /** The field it is read as, or null: not read. */
  field: InputField | null;
  /** How the field was chosen. */
  how: 'given' | 'exact' | 'partial' | 'none';
}

export function headerKey(h: string): string {
  return h.replace(/^\ufeff/, '').trim().toLowerCase().replace(/#/g, ' number ').replace(/[\s_\-./]+/g, ' ').replace(/[():*]/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * Column mapping for a header row: a given mapping (header → field, or
 * field → header) first; then exact synonyms; then a header containing a
 * synonym word ("Supplier legal name (English)"). Each field is taken once,
 * by its first column.
 */
export function mapColumns(headers: readonly string[], given: Readonly<Record<string, string | null>> = {}): ColumnMapping[] {
  const givenByHeader = new Map<string, InputField | null>();
  for (const [k, v] of Object.entries(given)) {
    const asField = (INPUT_FIELDS as readonly string[]).includes(k);
    const field = asField ? k : v;
    const header = asField ? v : k;
    if (field !== null && field !== '' && !(INPUT_FIELDS as readonly string[]).includes(field ?? '')) {
      throw invalidOption('mapping', `"${String(field).slice(0, 40)}" is not a field; use ${INPUT_FIELDS.join(', ')} (or nothing to leave a column out)`);
    }
    if (header === null || header === undefined) continue;
    if (!headers.some((h) => headerKey(h) === headerKey(header))) {
      throw invalidOption('mapping', `the file has no column "${header.slice(0, 60)}" (it has: ${headers.slice(0, 12).map((h) => JSON.stringify(h.slice(0, 40))).join(', ')})`);
    }
    givenByHeader.set(headerKey(header), field === '' ? null : (field as InputField | null));
  }
  const taken = new Set<InputField>([...givenByHeader.values()].filter((f): f is InputField => f !== null));
  const out: ColumnMapping[] = headers.map((header) => {
    const k = headerKey(header);
    if (givenByHeader.has(k)) return { header, field: givenByHeader.get(k) ?? null, how: 'given' as const };
    return { header, field: null, how: 'none' as const };
  });
  for (const pass of ['exact', 'partial'] as const) {
    for (const m of out) {
      if (m.how !== 'none') continue;
      const k = headerKey(m.header);
      // "Vendor number", "Company ID": a code of the party, not its name.
      const codeLike = /\b(number|no|nr|id|code|ref|reference)\b/.test(k);
      const field = INPUT_FIELDS.find((f) => !taken.has(f) && !(pass === 'partial' && f === 'name' && codeLike)
        && SYNONYMS[f].some((s) => (pass === 'exact' ? k === s : s.length > 3 && (` ${k} `).includes(` ${s} `))));
      if (field) {
        taken.add(field);
        Object.assign(m, { field, how: pass });
      }
    }
  }
  return out;
}

/** Parses a mapping written as `Header=field,Other Header=field` (the CLI's `--map`). */
export function parseMappingText(text: string): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const part of text.split(',')) {
    if (part.trim() === '') continue;
    const at = part.lastIndexOf('=');
    if (at <= 0) throw invalidOption('map', `write each column as "Header=field" (got "${part.slice(0, 60)}")`);
    const field = part.slice(at + 1).trim();
    out[part.slice(0, at).trim()] = field === '' || field === '-' ? null : field;
  }
  return out;
}

const hasBom = (b: Uint8Array, ...bytes: number[]) => bytes.every((x, i) => b[i] === x);

/** Is this sample valid UTF-8 (a character cut at its end is allowed)? */
function isUtf8(sample: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * CP949 or Windows-1252, for bytes that are not UTF-8: Korean text decodes
 * as CP949 with its high bytes in pairs from the common Hangul block; Western
 * text has single high bytes among ASCII letters, which CP949 refuses or
 * reads as rare extension syllables.
 */
function koreanOrWestern(sample: Uint8Array): 'cp949' | 'windows-1252' {
  try {
    new TextDecoder('euc-kr', { fatal: true }).decode(sample.subarray(0, lastAsciiEnd(sample)));
  } catch {
    return 'windows-1252';
  }
  let common = 0;
  let other = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b < 0x80) continue;
    const t = sample[i + 1] ?? 0;
    if (b >= 0xb0 && b <= 0xc8 && t >= 0xa1 && t <= 0xfe) common++;
    else other++;
    i++;
  }
  return common > 0 && common >= 4 * other ? 'cp949' : 'windows-1252';
}

/** Where the sample can be cut without halving a double-byte character: after its last ASCII byte. */
function lastAsciiEnd(sample: Uint8Array): number {
  for (let i = sample.length - 1; i >= 0; i--) if (sample[i]! < 0x80) return i + 1;
  return 0;
}

/** UTF-16 without a BOM: every other byte zero in ASCII text. */
function utf16WithoutBom(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(sample.length, 4000) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenZero++;
    if (sample[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

export interface EncodingGuess {
  encoding: InputEncoding;
  /** Bytes of a byte-order mark to skip. */
  bom: number;
  /** True when the encoding was chosen from the content (no BOM, not UTF-8). */
  guessed: boolean;
}

/** The encoding of a file from its first bytes, or the one given. */
export function detectEncoding(sample: Uint8Array, given?: string | null): EncodingGuess {
  if (hasBom(sample, 0xef, 0xbb, 0xbf)) return { encoding: 'utf-8', bom: 3, guessed: false };
  if (hasBom(sample, 0xff, 0xfe)) return { encoding: 'utf-16le', bom: 2, guessed: false };
  if (hasBom(sample, 0xfe, 0xff)) return { encoding: 'utf-16be', bom: 2, guessed: false };
  if (given) {
    const e = normaliseEncoding(given);
    return { encoding: e, bom: 0, guessed: false };
  }
  const u16 = utf16WithoutBom(sample);
  if (u16) return { encoding: u16, bom: 0, guessed: true };
  if (isUtf8(sample)) return { encoding: 'utf-8', bom: 0, guessed: false };
  return { encoding: koreanOrWestern(sample), bom: 0, guessed: true };
}

export function normaliseEncoding(raw: string): InputEncoding {
  const k = raw.trim().toLowerCase().replace(/_/g, '-');
  const alias: Record<string, InputEncoding> = {
    utf8: 'utf-8', 'utf-8': 'utf-8', 'utf-16': 'utf-16le', 'utf-16le': 'utf-16le', 'utf-16be': 'utf-16be', utf16: 'utf-16le',
    'windows-1252': 'windows-1252', cp1252: 'windows-1252', latin1: 'windows-1252', 'iso-8859-1': 'windows-1252', ansi: 'windows-1252',
    cp949: 'cp949', 'euc-kr': 'cp949', euckr: 'cp949', uhc: 'cp949', 'windows-949': 'cp949', korean: 'cp949',
  };
  const e = alias[k];
  if (!e) throw invalidOption('encoding', `unknown encoding "${raw.slice(0, 30)}"; use utf-8, utf-16le, utf-16be, windows-1252 or cp949`);
  return e;
}

/** The WHATWG decoder name of an encoding (CP949 is what WHATWG calls EUC-KR). */
export function decoderName(e: InputEncoding): string {
  return e === 'cp949' ? 'euc-kr' : e;
}

/** Counts a separator outside double quotes. */
function countOutsideQuotes(line: string, sep: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === sep) n++;
  }
  return n;
}

/**
 * The column separator: the one found most often in the header line and as
 * often in the next lines; a comma when none is found.
 */
export function detectDelimiter(head: string, given?: string | null): string {
  if (given) {
    const g = given === 'tab' || given === '\\t' ? '\t' : given === 'semicolon' ? ';' : given === 'pipe' ? '|' : given === 'comma' ? ',' : given;
    if (!(DELIMITERS as readonly string[]).includes(g)) throw invalidOption('delimiter', `use one of , ; tab | (got "${given.slice(0, 10)}")`);
    return g;
  }
  const lines = head.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 6);
  const [first, ...rest] = lines;
  if (!first) return ',';
  let best = ',';
  let bestScore = 0;
  for (const sep of DELIMITERS) {
    const n = countOutsideQuotes(first, sep);
    if (n === 0) continue;
    const consistent = rest.filter((l) => countOutsideQuotes(l, sep) === n).length;
    const score = n * (1 + consistent);
    if (score > bestScore) { best = sep; bestScore = score; }
  }
  return best;
}

export function delimiterName(d: string): string {
  return d === '\t' ? 'tab' : d === ';' ? 'semicolon' : d === '|' ? 'pipe' : 'comma';
}
