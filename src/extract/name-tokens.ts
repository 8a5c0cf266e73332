/**
 * The words of a text as name candidates read them (entities.ts): initials
 * ("U.S.") and words, possessives stripped ("Kim Won-hong’s" → "Kim
 * Won-hong"), every lower-case word that is no connector standing as one
 * token that ends a run of capitals. Split from entities.ts (round 8 of issue
 * 17's speed work) with no change.
 */
import { isAsciiAlnum } from './lower-case.ts';

const CAP_TOKEN = /^[\p{Lu}\p{Lo}]/u;
/** Lower-case words that may stand inside a name ("Bureau of Investigation"). */
export const CONNECTORS = new Set(['of', 'for', 'the', 'and', 'de', 'on', 'in', 'du', 'van', 'von', 'al', 'bin']);

export interface Token {
  start: number;
  end: number;
  text: string;
  cap: boolean;
  num: boolean;
}

/** Where a word may start after a non-ASCII character: a letter or digit of any script (tested on that character only). */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** The two word forms, anchored at a position: initials ("U.S.", "D.P.R.K.") and words. */
const INITIALS_AT = /(?:\p{Lu}\.){2,}/uy;
const WORD_AT = /#?[\p{L}\p{N}][\p{L}\p{N}\p{M}’'\-]*/uy;

/**
 * The words of a text, as the two patterns above (initials, else a word) find them from left to right, but
 * scanning ASCII by character code: the regular expression runs only where a word may hold initials or a character
 * outside ASCII (tokenizing is a good part of reading names, and most of a report is ASCII).
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let startsWord: boolean;
    if (c < 128) startsWord = isAsciiAlnum(c) || (c === 35 /* # */ && i + 1 < n && startsLetterOrDigit(text, i + 1));
    else startsWord = startsLetterOrDigit(text, i);
    if (!startsWord) {
      i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
      continue;
    }
    let end = -1;
    if (text.charCodeAt(i + 1) === 46 /* . */ || text.charCodeAt(i + 2) === 46) {
      INITIALS_AT.lastIndex = i;
      if (INITIALS_AT.test(text)) end = INITIALS_AT.lastIndex;
    }
    if (end < 0) end = wordEnd(text, i);
    push(out, text, i, end);
    i = end;
    if (out[out.length - 1] === PLAIN_WORD) {
      // After a word that ends a run, only a capitalised word opens the next: the words before it (lower case, digits)
      // change nothing in `spansOf`. Skipped up to the last white space before the next capital, "#" or character
      // outside ASCII (the word holding it is read whole, from its start); nothing after: the text's runs are done.
      // (`test`, not `exec`: no match array made; the pattern matches one UTF-16 unit, so it starts one before lastIndex.)
      NEXT_CAPITAL.lastIndex = i;
      if (!NEXT_CAPITAL.test(text)) break;
      let r = NEXT_CAPITAL.lastIndex - 1;
      while (r > i && !isWhite(text.charCodeAt(r - 1))) r--;
      i = r;
    }
  }
  return out;
}

/** What may open a capitalised token (with "#", which opens none, to stay on the safe side). */
const NEXT_CAPITAL = /[A-Z#\u0080-\uffff]/g;
/** ASCII white space: no word goes on past it. */
const isWhite = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

function startsLetterOrDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiAlnum(c);
  const cp = text.codePointAt(i)!;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
}

/** End of the word starting at `i`: ASCII letters, digits, apostrophes and hyphens by code; anything else by the pattern. */
function wordEnd(text: string, i: number): number {
  let j = text.charCodeAt(i) === 35 ? i + 2 : i + 1;
  for (; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (isAsciiAlnum(c) || c === 39 || c === 45 || c === 0x2019) continue;
    if (c < 128) return j;
    break;
  }
  if (j >= text.length) return j;
  WORD_AT.lastIndex = i;
  WORD_AT.test(text);
  return WORD_AT.lastIndex;
}

/** The characters of a short word as one number (-1 when one is not ASCII: no connector is then). */
function codeKey(text: string, start: number, end: number): number {
  let k = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c > 127) return -1;
    k = k * 128 + c;
  }
  return k * 4 + (end - start);
}
const CONNECTOR_CODES = new Set([...CONNECTORS].map((w) => codeKey(w, 0, w.length)));

/** Whether `push` would strip something from the word's end (a possessive, trailing apostrophes or hyphens). */
function strippable(text: string, start: number, end: number): boolean {
  const last = text.charCodeAt(end - 1);
  if (last === 0x2019 || last === 39 || last === 45) return true;
  if (last !== 115 || end - start < 2) return false;
  const prev = text.charCodeAt(end - 2);
  return prev === 0x2019 || prev === 39;
}

/** Stands for every lower-case word longer than any connector: such a word only ends a run, wherever it stands. */
const PLAIN_WORD: Token = { start: 0, end: 0, text: '', cap: false, num: false };
/** One stands for several in a row: a second one in a row changes nothing in `spansOf` (the run is already ended). */
function pushPlain(out: Token[]): void {
  if (out[out.length - 1] !== PLAIN_WORD) out.push(PLAIN_WORD);
}

function push(out: Token[], text: string, start: number, end: number): void {
  const first = text.charCodeAt(start);
  const lower = first >= 97 && first <= 122;
  if (lower && end - start > 3) {
    pushPlain(out);
    return;
  }
  // A short lower-case word that is no connector and has nothing to strip (most of them: "is", "a", "was") ends a run
  // whatever it is: told by character code, without making its string.
  if (lower && !strippable(text, start, end) && !CONNECTOR_CODES.has(codeKey(text, start, end))) {
    pushPlain(out);
    return;
  }
  let t = text.slice(start, end);
  // Strip a possessive and dangling apostrophes or hyphens: "Kim Won-hong’s" → "Kim Won-hong" (most words have neither: no pattern run).
  const last = t.charCodeAt(t.length - 1);
  if (last === 115 /* s */ || last === 0x2019 || last === 39 || last === 45) t = t.replace(/[’']s$/u, '').replace(/[’'\-]+$/u, '');
  if (!t) return;
  // A short lower-case word other than a connector ends a run as a long one does.
  if (lower && !CONNECTORS.has(t)) {
    pushPlain(out);
    return;
  }
  const c = t.charCodeAt(0);
  out.push({ start, end: start + t.length, text: t, cap: c >= 65 && c <= 90 ? true : c < 128 ? false : CAP_TOKEN.test(t), num: c <= 57 && /^#?\d+$/.test(t) });
}

