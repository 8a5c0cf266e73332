/**
 * Whether a capitalised phrase of a text is also written there in lower case
 * ("Human Rights" next to "human rights"): such a phrase is a common phrase,
 * not a name. Looked up through the text's word starts, made once per text.
 */

export interface LowerCaseLookup {
  has(phrase: string): boolean;
}

export const isAsciiAlnum = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);

/**
 * Whether a phrase stands in the text in lower case, as whole words ("labor
 * training camps" next to "Labor Training Camps"), its first word standing as
 * a word of its own somewhere in the text. Asked only of names the graph
 * resolved (and short references), each once.
 */
export function lowerCaseLookup(text: string): LowerCaseLookup {
  return new LowerCaseIndex(text);
}

/**
 * `lowerCaseLookup`'s answer: a class rather than closures made per text (tsx names each closure at its making, which
 * costs more than the call; the corpus's 125 short texts made one each).
 */
class LowerCaseIndex implements LowerCaseLookup {
  private readonly seen = new Map<string, boolean>();
  private starts: WordStarts | null = null;
  private searches = 0;

  constructor(private readonly text: string) {}

  has(phrase: string): boolean {
    let hit = this.seen.get(phrase);
    if (hit === undefined) {
      const first = FIRST_WORD.exec(phrase)?.[0] ?? phrase;
      hit = LOWER_WORD.test(first) && this.contains(phrase, NOT_ALNUM) && this.contains(first, NOT_WORD_CHAR);
      this.seen.set(phrase, hit);
    }
    return hit;
  }

  /**
   * `containsWord`, through the text's word starts when the needle opens with two characters, the first a-z, once
   * the text has been searched often enough to repay making them (most texts are asked about a few names only).
   */
  private contains(needle: string, after: RegExp): boolean {
    const { text } = this;
    const c = needle.charCodeAt(0);
    if (needle.length < 2 || c < 97 || c > 122 || (!this.starts && ++this.searches <= SEARCHES_BEFORE_INDEX)) return containsWord(text, needle, after);
    const starts = (this.starts ??= lowerWordStarts(text));
    const second = needle.charCodeAt(1);
    const { at, next } = starts;
    for (let k = starts.first[chainOf(c, second)]!; k >= 0; k = next[k]!) {
      const i = at[k]!;
      if (text.charCodeAt(i + 1) === second && text.startsWith(needle, i) && endsWord(text, i + needle.length, after)) return true;
    }
    return false;
  }
}

/** A phrase's first word, and the form of a lower-case word. */
const FIRST_WORD = /^[^\s\u00a0]+/;
const LOWER_WORD = /^\p{Ll}[\p{L}\p{N}’'\-]*$/u;

/** Searches of a text by `indexOf` before its word starts are made (each costs about a sixteenth of making them; most corpus texts are asked once or twice, a seed about twenty times). */
const SEARCHES_BEFORE_INDEX = 2;

/**
 * Where the words of a text that open with a-z start (no letter or digit before), by their first letter and second
 * character (`chainOf`: a-z, or any other): for each a chain through `at` (positions, in text order) and `next` (the
 * next start in that chain, -1 after the last), from `first[chain]` (-1: none); a needle's second character is still
 * compared where it is looked up (the chain of "any other" holds several). A needle opening with a-z stands as a word
 * only there. Made once per text, only when phrases are looked up often enough.
 */
interface WordStarts {
  first: Int32Array;
  at: Int32Array;
  next: Int32Array;
}

/**
 * The word starts of a text (`WordStarts`), in one pass over its characters: two typed arrays of at most one entry
 * per two characters (a start follows a character that is no letter or digit, or opens the text), filled in place,
 * where 26 growing lists of numbers made a third of a megabyte of garbage on the seeds.
 */
function lowerWordStarts(text: string): WordStarts {
  const size = (text.length >> 1) + 2;
  const at = new Int32Array(size);
  const next = new Int32Array(size);
  const first = new Int32Array(CHAINS).fill(-1);
  const last = new Int32Array(CHAINS).fill(-1);
  let k = 0;
  let before = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const cls = c < 128 ? ASCII_CLASS[c]! : notAlnumUnit(c) ? 0 : 1;
    if (cls === 2 && !before) {
      const l = chainOf(c, text.charCodeAt(i + 1));
      at[k] = i;
      next[k] = -1;
      if (last[l]! < 0) first[l] = k;
      else next[last[l]!] = k;
      last[l] = k;
      k++;
    }
    before = cls !== 0;
  }
  return { first, at, next };
}

/** One chain per first letter and second character: a-z, or any other (NaN past the text's end included). */
const CHAINS = 26 * 27;
const chainOf = (c: number, second: number): number => (c - 97) * 27 + (second >= 97 && second <= 122 ? second - 97 : 26);

/** Each ASCII character's class for `lowerWordStarts`: 0 no letter or digit, 1 a letter or digit other than a-z, 2 a-z. */
const ASCII_CLASS = Uint8Array.from({ length: 128 }, (_, c) => (c >= 97 && c <= 122 ? 2 : isAsciiAlnum(c) ? 1 : 0));

const NOT_ALNUM = /[^\p{L}\p{N}]/u;
/** What ends a lower-case word of the text: not a letter, digit, apostrophe or hyphen. */
const NOT_WORD_CHAR = /[^\p{L}\p{N}’'\-]/u;

/** True when `needle` stands in `haystack` with no letter or digit before it and a character matching `after` (or the end) after it. */
function containsWord(haystack: string, needle: string, after: RegExp): boolean {
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
    if (i > 0 && !notAlnumAt(haystack, i - 1)) continue;
    if (endsWord(haystack, i + needle.length, after)) return true;
  }
  return false;
}

/** The end of the text, or a character at `n` matching `after` (ASCII by code; anything else by the pattern, on that one UTF-16 unit). */
function endsWord(haystack: string, n: number, after: RegExp): boolean {
  if (n >= haystack.length) return true;
  const c = haystack.charCodeAt(n);
  return c < 128 ? !isAsciiAlnum(c) && !(after === NOT_WORD_CHAR && (c === 39 || c === 45)) : after.test(haystack[n]!);
}

/** The UTF-16 unit at `i` is not a letter or digit (by code for ASCII). */
function notAlnumAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c < 128 ? !isAsciiAlnum(c) : notAlnumUnit(c);
}

/** `NOT_ALNUM` of one UTF-16 unit, remembered by its code (1: not a letter or digit, 2: one). */
const UNIT_CLASS = new Uint8Array(65536);
function notAlnumUnit(c: number): boolean {
  let k = UNIT_CLASS[c]!;
  if (k === 0) UNIT_CLASS[c] = k = NOT_ALNUM.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}
