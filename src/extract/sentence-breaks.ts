/**
 * Sentence breaks inside one line, by the rules of Unicode's text
 * segmentation (UAX #29, rules SB6–SB11), for lines written in the
 * characters whose sentence-break class is known here (ASCII, no-break
 * space, curly quotes, dashes, letters and digits of any script). ICU's
 * segmenter (Intl.Segmenter), which the extractor used alone before, gives
 * the same breaks on these lines but costs most of an extraction's time;
 * any other line still goes to ICU (see `sentences` in extract.ts), and a
 * test compares both on every text the project reads.
 */

const enum C {
  Other,
  Sp,
  Lower,
  Upper,
  OLetter,
  Numeric,
  ATerm,
  STerm,
  Close,
  SContinue,
}

const ASCII: C[] = [];
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  ASCII.push(
    ch === ' ' || ch === '\t' || ch === '\v' || ch === '\f' ? C.Sp
      : ch >= 'a' && ch <= 'z' ? C.Lower
        : ch >= 'A' && ch <= 'Z' ? C.Upper
          : ch >= '0' && ch <= '9' ? C.Numeric
            : ch === '.' ? C.ATerm
              : ch === '!' || ch === '?' ? C.STerm
                : `"'()[]{}`.includes(ch) ? C.Close
                  : `,-:;`.includes(ch) ? C.SContinue
                    : C.Other,
  );
}
/** Non-ASCII characters whose class is known without a Unicode table. */
const KNOWN: ReadonlyMap<number, C> = new Map([
  [0x00a0, C.Sp],
  [0x2018, C.Close], [0x2019, C.Close], [0x201c, C.Close], [0x201d, C.Close], [0x00ab, C.Close], [0x00bb, C.Close],
  [0x2013, C.SContinue], [0x2014, C.SContinue],
]);
const UPPER = /\p{Lu}|\p{Lt}/u;
const LOWER = /\p{Ll}/u;
const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

let scratch = new Uint8Array(1024);
const NO_CLASS = 255;

/** A character's class, or null when this module does not know it (the line then goes to ICU). */
function classOf(code: number, line: string, i: number): C | null {
  if (code < 128) return code < 32 && code !== 9 && code !== 11 && code !== 12 ? null : ASCII[code]!;
  const ch = line[i]!;
  const known = KNOWN.get(code);
  if (known !== undefined) return known;
  // Letters of any script (one UTF-16 unit; surrogate pairs and combining marks go to ICU).
  if (code >= 0xd800 && code <= 0xdfff) return null;
  if (LETTER.test(ch)) return UPPER.test(ch) ? C.Upper : LOWER.test(ch) ? C.Lower : C.OLetter;
  if (DIGIT.test(ch)) return C.Numeric;
  return null;
}

/**
 * Offsets (within `line`) where sentences start after the first, or null when
 * the line holds a character this module cannot classify.
 */
export function sentenceBreaks(line: string): number[] | null {
  // Most lines hold only characters of the two tables above: their classes are read where needed, not stored first.
  if (KNOWN_ONLY.test(line)) return breaksOfKnown(line);
  const n = line.length;
  // One buffer for every line (allocating one per line cost more than classifying it); past the line's end a value
  // that is no class, as reading past the end of an array of the line's length would give.
  if (scratch.length <= n) scratch = new Uint8Array(2 * n + 1);
  const cls = scratch;
  cls[n] = NO_CLASS;
  let terms = false;
  for (let i = 0; i < n; i++) {
    const code = line.charCodeAt(i);
    const c = classOf(code, line, i);
    if (c === null) return null;
    cls[i] = c;
    if (c === C.ATerm || c === C.STerm) terms = true;
  }
  const out: number[] = [];
  if (!terms) return out;
  for (let i = 0; i < n; i++) {
    const c = cls[i]!;
    if (c !== C.ATerm && c !== C.STerm) continue;
    let k = i + 1;
    while (k < n && cls[k] === C.Close) k++;
    let m = k;
    while (m < n && cls[m] === C.Sp) m++;
    if (m >= n) break;
    const next = cls[m]!;
    // SB8a: a further terminator or a continuing comma, colon, dash: no break here.
    if (next === C.ATerm || next === C.STerm || next === C.SContinue) continue;
    if (c === C.ATerm) {
      // SB6: "3.5"; SB7: "U.S" (letter, full stop, capital, no space).
      if (cls[i + 1] === C.Numeric) continue;
      if (i > 0 && (cls[i - 1] === C.Upper || cls[i - 1] === C.Lower) && cls[i + 1] === C.Upper) continue;
      // SB8: what follows, up to its first letter or terminator, goes on in lower case ("e.g. the", "No. 5 said").
      let j = m;
      while (j < n && cls[j] !== C.OLetter && cls[j] !== C.Upper && cls[j] !== C.Lower && cls[j] !== C.ATerm && cls[j] !== C.STerm) j++;
      if (j < n && cls[j] === C.Lower) continue;
    }
    // SB11: the break falls after the closing quotes and spaces.
    out.push(m);
    i = m - 1;
  }
  return out;
}

/** A line of ASCII (tab, vertical tab, form feed, printable) and the non-ASCII characters of KNOWN only. */
const KNOWN_ONLY = /^[\t\v\f\x20-\x7e\u00a0\u2018\u2019\u201c\u201d\u00ab\u00bb\u2013\u2014]*$/;

/** The class of a character of such a line. */
function knownClass(line: string, i: number): C | undefined {
  if (i >= line.length) return undefined;
  const code = line.charCodeAt(i);
  return code < 128 ? ASCII[code] : KNOWN.get(code);
}

/** `sentenceBreaks` of a line that KNOWN_ONLY accepts: the same rules, each class read from its character. */
function breaksOfKnown(line: string): number[] {
  const n = line.length;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const code = line.charCodeAt(i);
    if (code !== 46 && code !== 33 && code !== 63) continue;
    const c = code === 46 ? C.ATerm : C.STerm;
    let k = i + 1;
    while (k < n && knownClass(line, k) === C.Close) k++;
    let m = k;
    while (m < n && knownClass(line, m) === C.Sp) m++;
    if (m >= n) break;
    const next = knownClass(line, m)!;
    if (next === C.ATerm || next === C.STerm || next === C.SContinue) continue;
    if (c === C.ATerm) {
      if (knownClass(line, i + 1) === C.Numeric) continue;
      const before = i > 0 ? knownClass(line, i - 1) : undefined;
      if ((before === C.Upper || before === C.Lower) && knownClass(line, i + 1) === C.Upper) continue;
      let j = m;
      for (let cj = knownClass(line, j); j < n && cj !== C.OLetter && cj !== C.Upper && cj !== C.Lower && cj !== C.ATerm && cj !== C.STerm; cj = knownClass(line, ++j));
      if (j < n && knownClass(line, j) === C.Lower) continue;
    }
    out.push(m);
    i = m - 1;
  }
  return out;
}
