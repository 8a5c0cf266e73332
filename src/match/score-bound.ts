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
 * raise the bound, so it stays a bound, and no word's text is read.
 */
import { assimilate } from '../names/index.ts';
import { COMPANY_FORM, DISTINCTIVE, editDistance, type NameWords } from './score-name.ts';

/** Words marked related, per side (scratch: the bound is synchronous). */
let relatedQ = new Uint8Array(64);
let relatedC = new Uint8Array(64);

/**
 * The runs of 2–4 neighbouring words of a name (see tryJoined in
 * score-name.ts), as triples: the hash of their joined keys (once as written,
 * once as assimilated), the first word, the last word; made once per name.
 */
function joinsOf(w: NameWords): Int32Array {
  if (w.joins) return w.joins;
  const out: number[] = [];
  const ts = w.tokens;
  for (let start = 0; start < ts.length; start++) {
    let keys = ts[start]!.key;
    for (let end = start + 1; end < ts.length && end < start + 4; end++) {
      keys += ts[end]!.key;
      const written = hashOf(keys);
      const assimilated = hashOf(assimilate(keys));
      out.push(written, start, end);
      if (assimilated !== written) out.push(assimilated, start, end);
    }
  }
  w.joins = Int32Array.from(out);
  return w.joins;
}

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
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/** A 32-bit FNV-1a hash: words whose hashes differ differ, so most pairs are told apart without comparing their text. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

/**
 * Numbers kept per word of a name: its key's letter set, the hashes of its key, text, strict key and gloss (0: none),
 * its key's length, and 1 if its gloss is a company form.
 */
const SIGNATURE = 7;

/** The signatures of a name's words, made once per name. */
function signaturesOf(w: NameWords): Int32Array {
  if (w.signatures) return w.signatures;
  const sig = new Int32Array(w.tokens.length * SIGNATURE);
  for (let i = 0; i < w.tokens.length; i++) {
    const t = w.tokens[i]!;
    const o = i * SIGNATURE;
    sig[o] = letterMask(t.key);
    sig[o + 1] = hashOf(t.key);
    sig[o + 2] = hashOf(t.text);
    sig[o + 3] = hashOf(t.strict);
    sig[o + 4] = t.key.length;
    sig[o + 5] = t.gloss === null ? 0 : hashOf(t.gloss) || 1;
    sig[o + 6] = t.gloss !== null && COMPANY_FORM.has(t.gloss) ? 1 : 0;
  }
  w.signatures = sig;
  return sig;
}

/**
 * Whether two keys are close enough for the comparison's near-word step (4+
 * letters, one edit, two from 9 letters). Each edit changes at most two
 * letters of the set a key has, so keys whose sets differ more are not
 * compared letter by letter.
 */
function near(a: string, b: string, lengthA: number, lengthB: number, maskA: number, maskB: number): boolean {
  if (lengthA < 4 || lengthB < 4) return false;
  const cap = lengthA >= 9 || lengthB >= 9 ? 2 : 1;
  return Math.abs(lengthA - lengthB) <= cap && bitCount(maskA ^ maskB) <= 2 * cap && editDistance(a, b, cap) <= cap;
}

/** Marks the words of runs on one side that join into a single word of the other (keys of 3+ letters). */
function markJoins(runSide: NameWords, runMarks: Uint8Array, singles: NameWords, singleMarks: Uint8Array): void {
  const joins = joinsOf(runSide);
  if (joins.length === 0) return;
  const sig = signaturesOf(singles);
  for (let s = 0, o = 0; s < singles.tokens.length; s++, o += SIGNATURE) {
    if (sig[o + 4]! < 3) continue;
    const key = sig[o + 1]!;
    for (let r = 0; r < joins.length; r += 3) {
      if (joins[r] !== key) continue;
      singleMarks[s] = 1;
      for (let k = joins[r + 1]!; k <= joins[r + 2]!; k++) runMarks[k] = 1;
    }
  }
}

/** Counts a name's distinctive words and their key letters, once per name. */
function countDistinctive(w: NameWords): void {
  if (w.distinctiveCount >= 0) return;
  let count = 0;
  let letters = 0;
  for (const t of w.tokens) if (DISTINCTIVE(t)) { count++; letters += t.key.length; }
  w.distinctiveLetters = letters;
  w.distinctiveCount = count;
}

/** An upper bound of `wordsScore(q, c)` (score-name.ts). */
export function wordsScoreBound(q: NameWords, c: NameWords): number {
  const qs = q.tokens;
  const cs = c.tokens;
  if (qs.length === 0 || cs.length === 0) return 0;
  if (qs.length > relatedQ.length) relatedQ = new Uint8Array(2 * qs.length);
  if (cs.length > relatedC.length) relatedC = new Uint8Array(2 * cs.length);
  const rq = relatedQ;
  const rc = relatedC;
  for (let i = 0; i < qs.length; i++) rq[i] = 0;
  for (let j = 0; j < cs.length; j++) rc[j] = 0;
  const person = q.person || c.person;
  const qsig = signaturesOf(q);
  const csig = signaturesOf(c);
  for (let i = 0, o = 0; i < qs.length; i++, o += SIGNATURE) {
    const a = qs[i]!;
    const aMask = qsig[o]!, aKey = qsig[o + 1]!, aText = qsig[o + 2]!, aStrict = qsig[o + 3]!, aLength = qsig[o + 4]!;
    const aGloss = person ? 0 : qsig[o + 5]!, aForm = qsig[o + 6]!;
    for (let j = 0, p = 0; j < cs.length; j++, p += SIGNATURE) {
      if (rq[i] && rc[j]) continue;
      if (aKey === csig[p + 1] || aText === csig[p + 2] || aStrict === csig[p + 3]
        || (aGloss !== 0 && (aGloss === csig[p + 5] || (aForm === 1 && csig[p + 6] === 1)))
        || near(a.key, cs[j]!.key, aLength, csig[p + 4]!, aMask, csig[p]!)) {
        rq[i] = 1;
        rc[j] = 1;
      }
    }
  }
  markJoins(c, rc, q, rq);
  markJoins(q, rq, c, rc);
  if (!person) {
    countDistinctive(q);
    countDistinctive(c);
    const qn = q.distinctiveCount, cn = c.distinctiveCount;
    const longest = Math.max(q.distinctiveLetters, c.distinctiveLetters);
    if (qn > 0 && cn > 0 && !(qn === 1 && cn === 1) && longest >= 6 && Math.abs(q.distinctiveLetters - c.distinctiveLetters) <= (longest >= 10 ? 2 : 1)) {
      for (let i = 0; i < qs.length; i++) if (DISTINCTIVE(qs[i]!)) rq[i] = 1;
      for (let j = 0; j < cs.length; j++) if (DISTINCTIVE(cs[j]!)) rc[j] = 1;
    }
  }
  let related = 0;
  let total = 0;
  for (let i = 0; i < qs.length; i++) { total += q.weights[i]!; if (rq[i]) related += q.weights[i]!; }
  for (let j = 0; j < cs.length; j++) { total += c.weights[j]!; if (rc[j]) related += c.weights[j]!; }
  return total > 0 ? related / total : 0;
}
