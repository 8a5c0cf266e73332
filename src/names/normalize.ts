/**
 * Text-level name normalisation: the first step every comparison, index and
 * search over names takes. Script-aware: Hangul is romanised (McCune–Reischauer
 * without breves, the DPRK's own habit), Latin is folded to ASCII, other
 * scripts (Chinese, Cyrillic…) are kept as lower-case letters.
 */
import { romanizeHangulName, HANGUL_SYLLABLE } from './hangul.ts';

/** Names longer than this are cut (a listed name is never this long; a 10,000-character cell is an input error, not a name). */
export const MAX_NAME_CHARS = 400;

// C0/C1 controls, zero-width and bidi marks, BOM, the DOS EOF byte.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;
const COMBINING = /[\u0300-\u036f]/g;
// Apostrophes and the marks MR-without-breves writers use for ŏ/ŭ and aspiration: P'il, CHO'NG, Ch’oe.
const APOSTROPHES = /['’‘ʼʻ`´′]/g;

/** Letters NFKD does not decompose into ASCII. */
const FOLD: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h',
};

/** Remove control characters, normalise Unicode (NFC), collapse white space and cap the length. */
export function cleanText(value: string, maxChars = MAX_NAME_CHARS): string {
  let s = isClean(value) ? value : value.normalize('NFC').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  if (s.length > maxChars) s = s.slice(0, maxChars).trim();
  return s;
}

/** Lower-case, strip diacritics (ŏ → o, ŭ → u, é → e), fold special Latin letters. Other scripts pass through lower-cased. */
export function foldAscii(value: string): string {
  // ASCII: NFKD leaves it as it is, it has no combining marks and no letter to fold.
  if (ASCII.test(value)) return value.toLowerCase();
  const lower = value.toLowerCase().normalize('NFKD').replace(COMBINING, '');
  let out = '';
  for (const ch of lower) out += FOLD[ch] ?? ch;
  return out;
}

/** Does the text contain Hangul syllables? */
export function hasHangul(value: string): boolean {
  return HANGUL_SYLLABLE.test(value);
}

/**
 * The comparable form of a name: cleaned, Hangul romanised, folded to ASCII,
 * apostrophes dropped (P'il → pil, CHO'NG → chong), hyphens, commas and other
 * punctuation turned into spaces, `&` into `and`, lower case, single spaces.
 * `normalizeName("KIM, Tong-Myo'ng")` → `"kim tong myong"`;
 * `normalizeName("김원홍")` → `"kim won hong"`.
 */
export function normalizeName(value: string): string {
  // ASCII letters and digits in words one space apart: every step below leaves them as they are but the lower-casing.
  if (value.length <= MAX_NAME_CHARS && PLAIN_WORDS.test(value)) return value.toLowerCase();
  let s = cleanText(value);
  if (s === '') return '';
  // ASCII and typographic single quotes (most names of a report: "Kim Won-hong", "Korea’s"): no Hangul, nothing to
  // fold but the case, and a letter or digit is a-z or 0-9 once lower-cased; the same steps as below, by ASCII patterns.
  if (ASCII_OR_QUOTES.test(s)) return s.toLowerCase().replace(APOSTROPHES, '').replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, ' ').trim();
  if (hasHangul(s)) s = romanizeHangulName(s, { breves: false });
  s = foldAscii(s).replace(APOSTROPHES, '').replace(/&/g, ' and ');
  // Everything that is not a letter or a digit separates words.
  s = s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return s;
}

const PLAIN_WORDS = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;
const ASCII = /^[\x00-\x7f]*$/;
const ASCII_ALNUM = /^[A-Za-z0-9]*$/;
const ASCII_OR_QUOTES = /^[\x00-\x7f\u2018\u2019]*$/;

/**
 * Whether `cleanText` leaves the value as it is (and so need not run): printable ASCII or typographic single quotes
 * (which NFC keeps and which are neither controls nor white space), in words one space apart, no space at either end.
 */
function isClean(v: string): boolean {
  let space = true;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 32) {
      if (space) return false;
      space = true;
      continue;
    }
    if ((c < 0x21 || c > 0x7e) && c !== 0x2018 && c !== 0x2019) return false;
    space = false;
  }
  return !space;
}

/** Letters and digits only, lower case, without diacritics: "Kim Won-hong" and "KIM Won Hong" agree. */
export function compactKey(s: string): string {
  // ASCII: NFKD leaves it as it is and it has no marks; a letter or digit is A-Z, a-z or 0-9.
  if (ASCII.test(s)) return ASCII_ALNUM.test(s) ? s.toLowerCase() : s.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** Words of a normalised name. */
export function tokenize(normalized: string): string[] {
  return normalized === '' ? [] : normalized.split(' ');
}

/**
 * Split a listed name into its variants: `DAEDONG CREDIT BANK (DCB)` gives the
 * name and the acronym in brackets; quotes around a name (`"KOMID"`) are
 * dropped. The first value is the name without the bracketed parts.
 */
export function splitNameVariants(value: string): { name: string; bracketed: string[] } {
  const cleaned = cleanText(value).replace(/^["“”']+|["“”']+$/g, '').trim();
  const bracketed: string[] = [];
  const name = cleaned
    .replace(/\(([^()]*)\)/g, (_m, inner: string) => {
      const v = inner.trim();
      if (v !== '') bracketed.push(v);
      return ' ';
    })
    .replace(/\s+/g, ' ')
    .trim();
  return { name: name === '' ? cleaned : name, bracketed };
}
