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
  const seen = new Map<string, boolean>();
  let starts: number[][] | null = null;
  let searches = 0;
  /**
   * `containsWord`, through the text's word starts when the needle opens with two characters, the first a-z, once
   * the text has been searched often enough to repay making them (most texts are asked about a few names only).
   */
  const contains = (needle: string, after: RegExp): boolean => {
    const c = needle.charCodeAt(0);
    if (needle.length < 2 || c < 97 || c > 122 || (!starts && ++searches <= SEARCHES_BEFORE_INDEX)) return containsWord(text, needle, after);
    starts ??= lowerWordStarts(text);
    const second = needle.charCodeAt(1);
    for (const i of starts[c - 97]!) if (text.charCodeAt(i + 1) === second && text.startsWith(needle, i) && endsWord(text, i + needle.length, after)) return true;
    return false;
  };
  return {
    has(phrase: string): boolean {
      let hit = seen.get(phrase);
      if (hit === undefined) {
        const first = /^[^\s\u00a0]+/.exec(phrase)?.[0] ?? phrase;
        hit = /^\p{Ll}[\p{L}\p{N}’'\-]*$/u.test(first) && contains(phrase, NOT_ALNUM) && contains(first, NOT_WORD_CHAR);
        seen.set(phrase, hit);
      }
      return hit;
    },
  };
}

/** Searches of a text by `indexOf` before its word starts are made (each costs about a sixteenth of making them; most corpus texts are asked once or twice, a seed about twenty times). */
const SEARCHES_BEFORE_INDEX = 2;

/**
 * Where the words of a text that open with a-z start (no letter or digit before), by their first letter (26 lists,
 * in text order; a needle's second character is compared where it is looked up): a needle opening with a-z stands as
 * a word only there. Made once per text, only when phrases are looked up often enough.
 */
function lowerWordStarts(text: string): number[][] {
  const out: number[][] = Array.from({ length: 26 }, () => []);
  let before = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const alnum = c < 128 ? isAsciiAlnum(c) : !notAlnumUnit(c);
    if (alnum && !before && c >= 97 && c <= 122) out[c - 97]!.push(i);
    before = alnum;
  }
  return out;
}

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
