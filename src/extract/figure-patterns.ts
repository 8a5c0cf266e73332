/**
 * What the figure finders share: the draft figure (`Hit`), the sentence span,
 * compiled patterns, word boundaries that know letters beyond ASCII, numbers
 * and the words that bound them ("more than", "up to", "about").
 */
import type { FigureQualifier } from '../model/figure.ts';
import { NUMBER } from './numbers.ts';
import type { ExtractedFigure, ExtractedUnit, FigureKind, ShareWhole } from './types.ts';

export interface Sentence {
  start: number;
  end: number;
}

/** Draft figure before the sentence and country are attached. */
export interface Hit {
  kind: FigureKind;
  start: number;
  end: number;
  low: number | null;
  high: number | null;
  unit: ExtractedUnit;
  qualifier: FigureQualifier;
  of: number | null;
  per: ExtractedFigure['per'];
  date?: string | null;
  share_of?: ShareWhole | null;
}

/** Compiled patterns, kept: the functions below run once per sentence. */
const compiled = new Map<string, RegExp>();
export function re(source: string, flags: string): RegExp {
  const key = `${flags}/${source}`;
  let r = compiled.get(key);
  if (!r) {
    r = new RegExp(source, flags);
    compiled.set(key, r);
  }
  r.lastIndex = 0;
  return r;
}

export const B = String.raw`(?<![\p{L}\p{N}])`; // left word boundary that knows letters beyond ASCII
export const E = String.raw`(?![\p{L}\p{N}])`;
export const SP = String.raw`[ \u00a0]+`;
export const N = `(${NUMBER})`;

// "as little as 7%": the least any is given, a lower bound.
const AT_LEAST = /^(?:more than|over|at least|upwards of|in excess of|no fewer than|no less than|a minimum of|a minimum|as little as|as few as|as low as)$/i;
const AT_MOST = /^(?:as many as|as much as|up to|upto|at most|fewer than|less than|no more than|a maximum of|a maximum|under)$/i;
const APPROX = /^(?:about|around|roughly|approximately|nearly|almost|close to|an estimated|estimated|some|approx\.|circa|c\.|perhaps|an average of|on average)$/i;
export const BOUND = String.raw`(more than|over|at least|upwards of|in excess of|no fewer than|no less than|as many as|as much as|as little as|as few as|as low as|a minimum of|a minimum|a maximum of|a maximum|up to|upto|at most|fewer than|less than|no more than|about|around|roughly|approximately|nearly|almost|close to|an estimated|estimated|some)`;

export function qualifierOf(bound: string | undefined): FigureQualifier {
  if (!bound) return 'exact';
  const b = bound.trim();
  if (AT_LEAST.test(b)) return 'at_least';
  if (AT_MOST.test(b)) return 'at_most';
  if (APPROX.test(b)) return 'approximate';
  return 'exact';
}

export function bounds(value: number, q: FigureQualifier): { low: number | null; high: number | null } {
  if (q === 'at_least') return { low: value, high: null };
  if (q === 'at_most') return { low: null, high: value };
  return { low: value, high: value };
}

/** A module's compiled pattern, ready to scan from the start (compiled once: building the pattern's text on every sentence costs more than matching). */
export function fresh(r: RegExp): RegExp {
  r.lastIndex = 0;
  return r;
}

// ------------------------------------------------- patterns tried where a number starts

/** First three letters (lower case) of each number word NUMBER can open with ("zero" … "nineteen", "twenty" … "ninety", "hundred"). */
const NUMBER_WORD_HEADS = new Set(['zer', 'one', 'two', 'thr', 'fou', 'fiv', 'six', 'sev', 'eig', 'nin', 'ten', 'ele', 'twe', 'thi', 'fif', 'for', 'hun'].map((h) => headCode(h.charCodeAt(0), h.charCodeAt(1), h.charCodeAt(2))));

/** Three lower-case ASCII letters as one number (a look-up without a string made per letter of the text). */
function headCode(a: number, b: number, d: number): number {
  return (a << 16) | (b << 8) | d;
}

/** ASCII letter or digit. */
const alnum = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
/** An ASCII letter, lower-cased, or "ſ" read as "s" (case-insensitive patterns with the u flag fold it so; "K" folds to "k", which no number word holds): -1 otherwise. */
function foldedLetter(c: number): number {
  if (c >= 97 && c <= 122) return c;
  if (c >= 65 && c <= 90) return c + 32;
  return c === 0x17f ? 115 : -1;
}
const isSpace = (c: number) => c === 32 || c === 0xa0;
/** A letter a bound word ("more than", "between") may hold under case-insensitive unicode matching: ASCII, "ſ" or the Kelvin sign. */
const boundLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 0x17f || c === 0x212a;

/**
 * Every position where NUMBER may match at the start of a word, and more: each digit or number-word head ("thr" for
 * three, thirty; "a" before " h" for "a hundred") not preceded by an ASCII letter or digit (after a character outside
 * ASCII too: the pattern's own look-behind judges it). A superset, ascending.
 */
export function numberStarts(s: string): number[] {
  // The finders of one sentence ask in turn: the last answer is kept.
  if (s === lastNumbers.s) return lastNumbers.starts;
  const out: number[] = [];
  let prevAlnum = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!prevAlnum) {
      if (c >= 48 && c <= 57) out.push(i);
      else {
        const a = foldedLetter(c);
        if (a === 97 && s.charCodeAt(i + 1) === 32 && (s.charCodeAt(i + 2) | 32) === 104) out.push(i);
        else if (a > 0 && i + 2 < s.length) {
          const b = foldedLetter(s.charCodeAt(i + 1));
          const d = foldedLetter(s.charCodeAt(i + 2));
          if (b > 0 && d > 0 && NUMBER_WORD_HEADS.has(headCode(a, b, d))) out.push(i);
        }
      }
    }
    prevAlnum = c < 128 && alnum(c);
  }
  lastNumbers = { s, starts: out };
  return out;
}
let lastNumbers: { s: string | null; starts: number[] } = { s: null, starts: [] };

/**
 * Where a pattern shaped `B (BOUND SP)? ((between|from) SP)? N …` may match: each number start and the starts of up
 * to `words` runs of letters just before it, each run followed by spaces only (a bound and "between" are letters and
 * spaces). A superset, ascending, without repeats.
 */
export function boundedNumberStarts(s: string, words: number): number[] {
  const out: number[] = [];
  for (const q of numberStarts(s)) {
    out.push(q);
    let j = q;
    for (let w = 0; w < words; w++) {
      let k = j - 1;
      if (k < 0 || !isSpace(s.charCodeAt(k))) break;
      while (k >= 0 && isSpace(s.charCodeAt(k))) k--;
      const end = k;
      while (k >= 0 && boundLetter(s.charCodeAt(k))) k--;
      if (k === end) break;
      out.push(k + 1);
      j = k + 1;
    }
  }
  // (Ascending by insertion: a few dozen starts, nearly in order, each run's starts just before its number.)
  for (let i = 1; i < out.length; i++) {
    const v = out[i]!;
    let j = i - 1;
    while (j >= 0 && out[j]! > v) {
      out[j + 1] = out[j]!;
      j--;
    }
    out[j + 1] = v;
  }
  let n = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[n++] = out[i]!;
  out.length = n;
  return out;
}

/**
 * What `for (m = g.exec(s); m; m = g.exec(s))` gives with a global pattern whose matches can only start at `starts`
 * (ascending): the pattern `sticky` (the same source, flag y) tried at each start, from the end of the last match on.
 */
export function matchesAt(sticky: RegExp, s: string, starts: readonly number[]): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let from = 0;
  for (const p of starts) {
    if (p < from) continue;
    sticky.lastIndex = p;
    const m = sticky.exec(s);
    if (m) {
      out.push(m);
      from = sticky.lastIndex;
    }
  }
  return out;
}

/** The sticky twin of a global pattern (same source and flags, y for g). */
export const stickyOf = (g: RegExp): RegExp => new RegExp(g.source, g.flags.replace('g', '') + 'y');

/**
 * The sentence in lower case, "ſ" as "s": for the cheap tests that let a sentence skip a costly pattern. A word
 * that a case-insensitive unicode pattern finds in the sentence stands in it in lower case (that pattern folds only
 * "ſ" and the Kelvin sign onto ASCII letters; lower-casing maps the Kelvin sign to "k"), so a test of the lower-case
 * text lets through every sentence the pattern's own test did (and, for words ending in "i", a sentence with "İ").
 */
export function guardText(sentence: string): string {
  // The finders of one sentence ask in turn: the last answer is kept.
  if (sentence === lastGuard.s) return lastGuard.low;
  const low = sentence.toLowerCase();
  lastGuard = { s: sentence, low: low.indexOf('\u017f') < 0 ? low : low.replace(/\u017f/g, 's') };
  return lastGuard.low;
}
let lastGuard: { s: string | null; low: string } = { s: null, low: '' };
