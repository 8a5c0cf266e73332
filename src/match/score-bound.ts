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
 */
import { assimilate } from '../names/index.ts';
import { COMPANY_FORM, DISTINCTIVE, editDistance, type NameWords, type WordRun } from './score-name.ts';

/** Words marked related, per side (scratch: the bound is synchronous). */
let relatedQ = new Uint8Array(64);
let relatedC = new Uint8Array(64);

/**
 * The runs of 2–4 neighbouring words of a name (see tryJoined in
 * score-name.ts) by their joined keys, as written and as assimilated; made
 * once per name.
 */
function runsOf(w: NameWords): ReadonlyMap<string, readonly WordRun[]> {
  if (w.joins) return w.joins;
  const runs = new Map<string, WordRun[]>();
  const add = (key: string, run: WordRun) => {
    const list = runs.get(key);
    if (!list) runs.set(key, [run]);
    else if (list[list.length - 1] !== run) list.push(run);
  };
  const ts = w.tokens;
  for (let start = 0; start < ts.length; start++) {
    let keys = ts[start]!.key;
    for (let end = start + 1; end < ts.length && end < start + 4; end++) {
      keys += ts[end]!.key;
      const run = { start, end, keys, assimilated: assimilate(keys) };
      add(run.keys, run);
      add(run.assimilated, run);
    }
  }
  w.joins = runs;
  return runs;
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

function bitCount(x: number): number {
  let n = 0;
  for (let v = x; v !== 0; v &= v - 1) n++;
  return n;
}

/**
 * Whether two keys are close enough for the comparison's near-word step (4+
 * letters, one edit, two from 9 letters). Each edit changes at most two
 * letters of the set a key has, so keys whose sets differ more are not
 * compared letter by letter.
 */
function near(a: string, b: string, maskA: number, maskB: number): boolean {
  if (a.length < 4 || b.length < 4) return false;
  const cap = Math.max(a.length, b.length) >= 9 ? 2 : 1;
  return Math.abs(a.length - b.length) <= cap && bitCount(maskA ^ maskB) <= 2 * cap && editDistance(a, b, cap) <= cap;
}

/** The letter masks of a name's word keys, made once per name. */
function masksOf(w: NameWords): Int32Array {
  if (w.masks) return w.masks;
  const masks = new Int32Array(w.tokens.length);
  for (let i = 0; i < w.tokens.length; i++) masks[i] = letterMask(w.tokens[i]!.key);
  w.masks = masks;
  return masks;
}

/** Marks the words of runs on one side that join into a single word of the other (keys of 3+ letters). */
function markJoins(runs: ReadonlyMap<string, readonly WordRun[]>, runSide: Uint8Array, singles: NameWords, singleSide: Uint8Array): void {
  if (runs.size === 0) return;
  for (let s = 0; s < singles.tokens.length; s++) {
    const key = singles.tokens[s]!.key;
    if (key.length < 3) continue;
    const found = runs.get(key);
    if (!found) continue;
    singleSide[s] = 1;
    for (const run of found) for (let k = run.start; k <= run.end; k++) runSide[k] = 1;
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
  const rq = relatedQ.fill(0, 0, qs.length);
  const rc = relatedC.fill(0, 0, cs.length);
  const person = q.name.kind === 'person' || c.name.kind === 'person';
  const qm = masksOf(q);
  const cm = masksOf(c);
  for (let i = 0; i < qs.length; i++) {
    const a = qs[i]!;
    const aForm = !person && a.gloss !== null && COMPANY_FORM.has(a.gloss);
    for (let j = 0; j < cs.length; j++) {
      if (rq[i] && rc[j]) continue;
      const b = cs[j]!;
      if (a.key === b.key || a.text === b.text || a.strict === b.strict
        || (!person && a.gloss !== null && (a.gloss === b.gloss || (aForm && b.gloss !== null && COMPANY_FORM.has(b.gloss))))
        || near(a.key, b.key, qm[i]!, cm[j]!)) {
        rq[i] = 1;
        rc[j] = 1;
      }
    }
  }
  markJoins(runsOf(c), rc, q, rq);
  markJoins(runsOf(q), rq, c, rc);
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
