/**
 * A cheap upper bound of the name comparison of score-name.ts, so the matcher
 * can leave out candidates that cannot reach the cutoff without aligning
 * their names. The comparison's score is the aligned share of both names'
 * word weight (each word in at most one alignment, at a quality of at most
 * 1), times an order factor of at most 1; a word can only be aligned with a
 * word of the other name it is related to in one of the ways the comparison
 * knows: the same text, strict key or key; the same gloss or both company
 * forms (organisations); a run of neighbouring words joined into one word;
 * a word one or two edits away (keys of 4+ letters); or, for organisations,
 * all distinctive words squeezed together when their letters add up within
 * the comparison's two edits. So the weight of the related words of both
 * names over all their weight is never below the score. The bound is exact
 * arithmetic on the same weights; callers add a small margin for rounding.
 * Words are told equal by 32-bit hashes of their texts, never by the texts:
 * two different words that share a hash are marked related, which can only
 * raise the bound, so it stays a bound, and no word's text is read (but
 * for the rare pair of words that might be a few edits apart).
 *
 * What the bound reads of a name is laid out as numbers: for the index's
 * names side by side in one arena (`BoundArena`), so a candidate's names are
 * a few neighbouring cache lines instead of a dozen objects scattered over
 * the heap (the matcher's time here went on loading them, not on comparing).
 */
import { assimilate } from '../names/index.ts';
import { COMPANY_FORM, DISTINCTIVE, editDistance, type NameWords } from './score-name.ts';

/**
 * A name's layout, from its offset `o` in an int array: HEADER numbers (word count; 1 for a person's name;
 * distinctive words and their key letters; the length of its runs; where its weights start in the float array;
 * where its words' keys start in an arena's list of keys), then WORD numbers per word (its key's letter set; the
 * hashes of its key, text, strict key and gloss (0: none); its key's length; 1 if its gloss is a company form; 1 if
 * it is distinctive), then its runs of 2–4 neighbouring words as (hash of their joined keys as written or as
 * assimilated, first word, last word). Its weights are floats.
 */
const HEADER = 7;
const WORD = 8;
const [COUNT, PERSON, DISTINCT_COUNT, DISTINCT_LETTERS, RUNS, WEIGHTS_AT, KEYS_AT] = [0, 1, 2, 3, 4, 5, 6];
const [MASK, KEY, TEXT, STRICT, GLOSS, LENGTH, FORM, DISTINCT] = [0, 1, 2, 3, 4, 5, 6, 7];

/** Numbers laid out for one or more names; a name's place is its offset `o` in `ints`. */
export interface BoundLayout {
  readonly ints: Int32Array;
  readonly floats: Float64Array;
  /** A word's key, for the rare pair of words that might be a few edits apart. */
  keyOf(o: number, word: number): string;
}

/** Words marked related, per side (scratch: the bound is synchronous). */
let relatedQ = new Uint8Array(64);
let relatedC = new Uint8Array(64);

/** The letters a key has, one bit each (a–z; other characters share the last bit). */
function letterMask(key: string): number {
  let m = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i) - 97;
    m |= 1 << (c >= 0 && c < 26 ? c : 26);
  }
  return m;
}

/** The number of bits set (the usual SWAR count: no loop over the bits). */
function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** A 32-bit FNV-1a hash, never 0 (0 stands for no gloss). */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0 || 1;
}

/** The numbers of a name's layout (ints) and its weights (floats). */
function layoutNumbers(w: NameWords): { ints: number[]; floats: readonly number[] } {
  const ts = w.tokens;
  const ints: number[] = [ts.length, w.person ? 1 : 0, 0, 0, 0, 0, 0];
  let count = 0;
  let letters = 0;
  for (const t of ts) {
    const distinct = DISTINCTIVE(t);
    if (distinct) { count++; letters += t.key.length; }
    ints.push(letterMask(t.key), hashOf(t.key), hashOf(t.text), hashOf(t.strict), t.gloss === null ? 0 : hashOf(t.gloss), t.key.length,
      t.gloss !== null && COMPANY_FORM.has(t.gloss) ? 1 : 0, distinct ? 1 : 0);
  }
  ints[DISTINCT_COUNT] = count;
  ints[DISTINCT_LETTERS] = letters;
  const runsFrom = ints.length;
  for (let start = 0; start < ts.length; start++) {
    let keys = ts[start]!.key;
    for (let end = start + 1; end < ts.length && end < start + 4; end++) {
      keys += ts[end]!.key;
      const written = hashOf(keys);
      const assimilated = hashOf(assimilate(keys));
      ints.push(written, start, end);
      if (assimilated !== written) ints.push(assimilated, start, end);
    }
  }
  ints[RUNS] = ints.length - runsFrom;
  return { ints, floats: w.weights };
}

/** A name laid out alone (a query's), made once per name. */
function singleLayout(w: NameWords): BoundLayout {
  if (!w.layout) {
    const { ints, floats } = layoutNumbers(w);
    w.layout = new SingleLayout(Int32Array.from(ints), Float64Array.from(floats), w);
  }
  return w.layout;
}

/** One name's layout (a class, not an object with a closure: tsx names each closure at its making, once per query name here). */
class SingleLayout implements BoundLayout {
  constructor(readonly ints: Int32Array, readonly floats: Float64Array, private readonly words: NameWords) {}

  keyOf(_o: number, word: number): string {
    return this.words.tokens[word]!.key;
  }
}

/**
 * The layouts of an index's names, made on first use, side by side in the order they were first asked for (a
 * candidate's names are asked for together).
 */
export class BoundArena implements BoundLayout {
  ints = new Int32Array(1 << 16);
  floats = new Float64Array(1 << 13);
  /** The words' keys, for keyOf. */
  private readonly keys: string[] = [];
  private usedInts = 0;
  private usedFloats = 0;
  private readonly at: Int32Array;

  constructor(slots: number, private readonly wordsOf: (slot: number) => NameWords) {
    this.at = new Int32Array(slots).fill(-1);
  }

  /** The offset of a slot's layout. */
  private place(slot: number): number {
    const known = this.at[slot]!;
    if (known >= 0) return known;
    const words = this.wordsOf(slot);
    const { ints, floats } = layoutNumbers(words);
    ints[WEIGHTS_AT] = this.usedFloats;
    ints[KEYS_AT] = this.keys.length;
    for (const t of words.tokens) this.keys.push(t.key);
    this.ints = ensure(this.ints, this.usedInts + ints.length);
    this.floats = ensure(this.floats, this.usedFloats + floats.length);
    const o = this.usedInts;
    this.ints.set(ints, o);
    this.floats.set(floats, this.usedFloats);
    this.usedInts += ints.length;
    this.usedFloats += floats.length;
    this.at[slot] = o;
    return o;
  }

  /** An upper bound of `wordsScore(q, the slot's words)`. */
  bound(q: NameWords, slot: number): number {
    const ql = singleLayout(q);
    const o = this.place(slot);
    return boundBetween(ql, 0, this, o);
  }

  keyOf(o: number, word: number): string {
    return this.keys[this.ints[o + KEYS_AT]! + word]!;
  }
}

function ensure<T extends Int32Array | Float64Array>(a: T, size: number): T {
  if (size <= a.length) return a;
  let n = a.length;
  while (n < size) n *= 2;
  const grown = new (a.constructor as new (n: number) => T)(n);
  grown.set(a);
  return grown;
}

/**
 * Whether two keys are close enough for the comparison's near-word step (4+
 * letters, one edit, two from 9 letters). Each edit changes at most two
 * letters of the set a key has, so keys whose sets differ more are not
 * compared letter by letter.
 */
function mayBeNear(lengthA: number, lengthB: number, maskA: number, maskB: number): number {
  if (lengthA < 4 || lengthB < 4) return 0;
  const cap = lengthA >= 9 || lengthB >= 9 ? 2 : 1;
  return Math.abs(lengthA - lengthB) <= cap && bitCount(maskA ^ maskB) <= 2 * cap ? cap : 0;
}

/** Marks the words of runs on one side (`r`, at offset `ro`) that join into a single word of the other (keys of 3+ letters). */
function markJoins(r: Int32Array, ro: number, runMarks: Uint8Array, s: Int32Array, so: number, singleMarks: Uint8Array): void {
  const runsFrom = ro + HEADER + r[ro + COUNT]! * WORD;
  const runsTo = runsFrom + r[ro + RUNS]!;
  if (runsFrom === runsTo) return;
  const count = s[so + COUNT]!;
  for (let i = 0, w = so + HEADER; i < count; i++, w += WORD) {
    if (s[w + LENGTH]! < 3) continue;
    const key = s[w + KEY]!;
    for (let k = runsFrom; k < runsTo; k += 3) {
      if (r[k] !== key) continue;
      singleMarks[i] = 1;
      for (let m = r[k + 1]!; m <= r[k + 2]!; m++) runMarks[m] = 1;
    }
  }
}

/** The bound between a query name laid out at `qo` in `q` and a candidate name at `co` in `c`. */
function boundBetween(q: BoundLayout, qo: number, c: BoundLayout, co: number): number {
  const qi = q.ints, ci = c.ints;
  const qn = qi[qo + COUNT]!, cn = ci[co + COUNT]!;
  if (qn === 0 || cn === 0) return 0;
  if (qn > relatedQ.length) relatedQ = new Uint8Array(2 * qn);
  if (cn > relatedC.length) relatedC = new Uint8Array(2 * cn);
  const rq = relatedQ;
  const rc = relatedC;
  for (let i = 0; i < qn; i++) rq[i] = 0;
  for (let j = 0; j < cn; j++) rc[j] = 0;
  const person = qi[qo + PERSON] === 1 || ci[co + PERSON] === 1;
  for (let i = 0, a = qo + HEADER; i < qn; i++, a += WORD) {
    const aMask = qi[a + MASK]!, aKey = qi[a + KEY]!, aText = qi[a + TEXT]!, aStrict = qi[a + STRICT]!, aLength = qi[a + LENGTH]!;
    const aGloss = person ? 0 : qi[a + GLOSS]!, aForm = qi[a + FORM]!;
    for (let j = 0, b = co + HEADER; j < cn; j++, b += WORD) {
      if (rq[i] && rc[j]) continue;
      let related = aKey === ci[b + KEY] || aText === ci[b + TEXT] || aStrict === ci[b + STRICT]
        || (aGloss !== 0 && (aGloss === ci[b + GLOSS] || (aForm === 1 && ci[b + FORM] === 1)));
      if (!related) {
        const cap = mayBeNear(aLength, ci[b + LENGTH]!, aMask, ci[b + MASK]!);
        if (cap > 0) {
          related = editDistance(q.keyOf(qo, i), c.keyOf(co, j), cap) <= cap;
        }
      }
      if (related) {
        rq[i] = 1;
        rc[j] = 1;
      }
    }
  }
  markJoins(ci, co, rc, qi, qo, rq);
  markJoins(qi, qo, rq, ci, co, rc);
  if (!person) {
    const qd = qi[qo + DISTINCT_COUNT]!, cd = ci[co + DISTINCT_COUNT]!;
    const ql = qi[qo + DISTINCT_LETTERS]!, cl = ci[co + DISTINCT_LETTERS]!;
    const longest = Math.max(ql, cl);
    if (qd > 0 && cd > 0 && !(qd === 1 && cd === 1) && longest >= 6 && Math.abs(ql - cl) <= (longest >= 10 ? 2 : 1)) {
      for (let i = 0, a = qo + HEADER; i < qn; i++, a += WORD) if (qi[a + DISTINCT] === 1) rq[i] = 1;
      for (let j = 0, b = co + HEADER; j < cn; j++, b += WORD) if (ci[b + DISTINCT] === 1) rc[j] = 1;
    }
  }
  const qf = q.floats, cf = c.floats;
  const qw = qi[qo + WEIGHTS_AT]!, cw = ci[co + WEIGHTS_AT]!;
  let related = 0;
  let total = 0;
  for (let i = 0; i < qn; i++) { total += qf[qw + i]!; if (rq[i]) related += qf[qw + i]!; }
  for (let j = 0; j < cn; j++) { total += cf[cw + j]!; if (rc[j]) related += cf[cw + j]!; }
  return total > 0 ? related / total : 0;
}

/** An upper bound of `wordsScore(q, c)` (score-name.ts). */
export function wordsScoreBound(q: NameWords, c: NameWords): number {
  const ql = singleLayout(q);
  const cl = singleLayout(c);
  return boundBetween(ql, 0, cl, 0);
}
