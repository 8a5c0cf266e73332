/**
 * Name comparison: aligns the words of two prepared names and scores the
 * alignment as a weighted Dice coefficient (matched weight on both sides over
 * all weight on both sides). Words align, in this order of preference:
 *   1. the same word                                   (1.00)
 *   2. the same strict phonetic key (Ch'ŏl ~ Cheol)      (0.95)
 *      the same loose key only (Chul ~ Chol, u ~ o)      (0.85)
 *      equal once an initial r/l is dropped (Ryong ~ Yong) (0.75)
 *      (keys only where they mean something: not between short non-Korean words, IBM ~ IPM)
 *   3. joined ~ split (Wonhong ~ Won-hong ~ Won Hong)    (0.99 same letters, 0.95 by key)
 *   4. one edit apart on keys of 5+ letters, same first letter (0.9 × similarity)
 *   5. otherwise one edit apart on keys of 4+ letters    (0.3: partial credit only)
 *   6. organisations: all distinctive words squeezed together one or two edits apart
 *      (Nam Chong Gan ~ Namchongang)                      (0.9 × similarity)
 * Weights come from the index (rare words weigh more; company-form and
 * country words little). Order matters a little: the same words in another
 * order score 0.97 (0.99 when only the surname moved), so distinct names do
 * not tie at 1.0.
 */
import { assimilate, canonicalSurname, type NameToken, type PreparedName } from '../names/index.ts';
import type { BoundLayout } from './score-bound.ts';

/** Weight of each word of a name (same order as its tokens; stop words 0). */
export type Weights = ArrayLike<number>;

export interface NamePart {
  query: string;
  candidate: string;
  how: 'exact' | 'country' | 'phonetic' | 'initial-r' | 'translation' | 'legal-form' | 'joined' | 'fuzzy' | 'partial';
  quality: number;
}

export interface NameComparison {
  score: number;
  parts: NamePart[];
  /** Words of either side left unmatched. */
  unmatchedQuery: string[];
  unmatchedCandidate: string[];
}

/** Scratch rows of `editDistance` (grown as needed; the function is synchronous, so one pair serves every call). */
let prevRow = new Int32Array(32);
let curRow = new Int32Array(32);

/** Levenshtein distance, capped: returns cap+1 as soon as it exceeds cap. */
export function editDistance(a: string, b: string, cap = 2): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  if (b.length + 1 > prevRow.length) { prevRow = new Int32Array(2 * (b.length + 1)); curRow = new Int32Array(2 * (b.length + 1)); }
  let prev = prevRow;
  let cur = curRow;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > cap) return cap + 1;
    const t = prev; prev = cur; cur = t;
  }
  return prev[b.length]!;
}

interface Align { q: number[]; c: number[]; how: NamePart['how']; quality: number }

/**
 * Joined ~ split: a single word of one side equal to a run of 2–4 neighbouring
 * words of the other. `singlesAreCandidate`: the single words are the
 * candidate's (a run of query words joined), else the query's.
 */
function tryJoined(a: Alignment, singlesAreCandidate: boolean): void {
  const singles = singlesAreCandidate ? a.cs : a.qs;
  const singleUsed = singlesAreCandidate ? a.cUsed : a.qUsed;
  const runs = singlesAreCandidate ? a.qs : a.cs;
  const runUsed = singlesAreCandidate ? a.qUsed : a.cUsed;
  for (let s = 0; s < singles.length; s++) {
    if (singleUsed[s]) continue;
    const target = singles[s]!;
    if (target.key.length < 3) continue;
    for (let start = 0; start < runs.length; start++) {
      if (runUsed[start]) continue;
      let keys = runs[start]!.key;
      let texts = runs[start]!.text;
      // The last letter of a syllable may assimilate to the next (Chon Rima ~ Chollima): compare without it.
      if (!target.key.startsWith(keys.slice(0, -1))) continue;
      // Loose keys drop an initial r/l (Ryong ~ Yong); joined words do not take that licence too (Li Na is not INA).
      if ((runs[start]!.strict.charCodeAt(0) === 108) !== (target.strict.charCodeAt(0) === 108)) continue;
      for (let end = start + 1; end < runs.length && end < start + 4; end++) {
        if (runUsed[end]) break;
        keys += runs[end]!.key;
        texts += runs[end]!.text;
        if (keys.length > target.key.length) break;
        // Assimilation adds at most one letter (Tok Rip → tonknip): only then worth trying.
        if (keys === target.key || (keys.length + 1 >= target.key.length && assimilate(keys) === target.key)) {
          const run: number[] = [];
          for (let k = start; k <= end; k++) run.push(k);
          const quality = texts === target.text ? 0.99 : 0.95;
          if (singlesAreCandidate) a.take(run, [s], 'joined', quality);
          else a.take([s], run, 'joined', quality);
          break;
        }
      }
      if (singleUsed[s]) break;
    }
  }
}

/** A name's words without its stop words, with their weights: the same for every comparison of the name. */
export interface NameWords {
  readonly name: PreparedName;
  readonly tokens: readonly NameToken[];
  readonly weights: readonly number[];
  /** Whether the name is a person's (the comparison reads glosses and company forms only between organisations' names). */
  readonly person: boolean;
  /** The name laid out as numbers for score-bound.ts, made there on first use. */
  layout?: BoundLayout;
}

/** `nameWords` remembered per weights array, for callers that compare by prepared name and weights. */
const WORDS = new WeakMap<Weights, NameWords>();

/** The words of a name that take part in comparison (stop words left out), with their weights. */
export function nameWords(name: PreparedName, weights: Weights): NameWords {
  const tokens: NameToken[] = [];
  const ws: number[] = [];
  for (let i = 0; i < name.tokens.length; i++) {
    const t = name.tokens[i]!;
    if (t.cls !== 'stop') { tokens.push(t); ws.push(weights[i] ?? 0); }
  }
  // Every field set here, so all names' words share one shape.
  return { name, tokens, weights: ws, person: name.kind === 'person', layout: undefined };
}

function wordsOf(name: PreparedName, weights: Weights): NameWords {
  const kept = WORDS.get(weights);
  if (kept && kept.name === name) return kept;
  const words = nameWords(name, weights);
  WORDS.set(weights, words);
  return words;
}

/** The words of both names (stop words left out) with their weights, and the alignments found so far. */
class Alignment {
  readonly qs: readonly NameToken[];
  readonly cs: readonly NameToken[];
  readonly qw: readonly number[];
  readonly cw: readonly number[];
  readonly qUsed: boolean[];
  readonly cUsed: boolean[];
  readonly aligns: Align[] = [];

  constructor(q: NameWords, c: NameWords) {
    this.qs = q.tokens; this.qw = q.weights;
    this.cs = c.tokens; this.cw = c.weights;
    this.qUsed = new Array<boolean>(this.qs.length).fill(false);
    this.cUsed = new Array<boolean>(this.cs.length).fill(false);
  }

  take(qi: number[], ci: number[], how: NamePart['how'], quality: number): void {
    for (const i of qi) this.qUsed[i] = true;
    for (const j of ci) this.cUsed[j] = true;
    this.aligns.push({ q: qi, c: ci, how, quality });
  }

  get bothLeft(): boolean {
    return this.qUsed.includes(false) && this.cUsed.includes(false);
  }

  /** Replace the alignments (by a better reading of the word boundaries). */
  reset(aligns: Align[]): void {
    this.aligns.length = 0;
    this.aligns.push(...aligns);
    this.qUsed.fill(false); this.cUsed.fill(false);
    for (const a of aligns) { for (const i of a.q) this.qUsed[i] = true; for (const j of a.c) this.cUsed[j] = true; }
  }
}

/**
 * Whether two words' phonetic keys say anything: they are built for romanised Korean syllables (and the
 * spellings of known surnames). Two short words that are neither are initials or codes (IBM, IPM; HSBC, HSFZ;
 * FTB, BTB), where a merged voicing is another name, not another spelling: only the same letters count.
 */
function keysCompare(q: NameToken, c: NameToken): boolean {
  if (q.korean || c.korean || q.cls === 'country' || c.cls === 'country') return true;
  if (q.text.length >= 5 && c.text.length >= 5) return true;
  const surname = canonicalSurname(q.text);
  return surname !== null && surname === canonicalSurname(c.text);
}

/** 1–2: same word, then same strict key, then same loose key. */
function alignSameWords(a: Alignment, person: boolean): void {
  for (let pass = 0; pass < 3; pass++) {
    for (let i = 0; i < a.qs.length; i++) {
      if (a.qUsed[i]) continue;
      const qt = a.qs[i]!;
      for (let j = 0; j < a.cs.length; j++) {
        if (a.cUsed[j]) continue;
        const ct = a.cs[j]!;
        if (pass === 0 ? qt.text === ct.text : (pass === 1 ? qt.strict === ct.strict : qt.key === ct.key) && keysCompare(qt, ct)) {
          // Equal only once the initial ㄹ is read the South's way (Ryonha ~ Yonha, Rodong ~ Nodong: the 두음법칙).
          // In organisation names this is the usual difference between DPRK and ROK spellings (0.9);
          // in a person's given name Ryong and Yong are as often two syllables (0.75).
          const dropped = pass === 2 && (qt.strict.charCodeAt(0) === 108) !== (ct.strict.charCodeAt(0) === 108);
          a.take([i], [j], pass === 0 ? 'exact' : qt.cls === 'country' ? 'country' : dropped ? 'initial-r' : 'phonetic',
            pass === 0 ? 1 : pass === 1 ? 0.95 : dropped ? (person ? 0.75 : 0.9) : 0.85);
          break;
        }
      }
    }
  }
}

/** Organisation vocabulary in another language (Yonhap ~ United, Unhaeng ~ Bank): the lexicon of src/names/org.ts. */
function alignTranslations(a: Alignment): void {
  for (let i = 0; i < a.qs.length; i++) {
    if (a.qUsed[i] || a.qs[i]!.gloss === null) continue;
    for (let j = 0; j < a.cs.length; j++) {
      if (!a.cUsed[j] && a.cs[j]!.gloss === a.qs[i]!.gloss) { a.take([i], [j], 'translation', 0.95); break; }
    }
  }
}

/** 4–5: one edit apart (two for long words). */
function alignNearWords(a: Alignment): void {
  for (let i = 0; i < a.qs.length; i++) {
    if (a.qUsed[i]) continue;
    const qk = a.qs[i]!.key;
    if (qk.length < 4) continue;
    let bestJ = -1;
    let bestQ = 0;
    for (let j = 0; j < a.cs.length; j++) {
      if (a.cUsed[j]) continue;
      const ck = a.cs[j]!.key;
      const len = Math.max(qk.length, ck.length);
      if (Math.min(qk.length, ck.length) < 4) continue;
      const cap = len >= 9 ? 2 : 1;
      const d = editDistance(qk, ck, cap);
      if (d > cap) continue;
      // A different first letter is a different syllable (Kaesong, Haesong): little credit.
      const quality = len >= 5 && qk.charCodeAt(0) === ck.charCodeAt(0) ? 0.9 * (1 - d / len) : 0.3;
      if (quality > bestQ) { bestQ = quality; bestJ = j; }
    }
    if (bestJ >= 0) a.take([i], [bestJ], bestQ >= 0.6 ? 'fuzzy' : 'partial', bestQ);
  }
}

/** Company forms left over on both sides (Company ~ Corporation, Hoesa ~ Kongsa): one kind of body, another word. */
function alignLegalForms(a: Alignment): void {
  for (let i = 0; i < a.qs.length; i++) {
    if (a.qUsed[i] || !COMPANY_FORM.has(a.qs[i]!.gloss ?? '')) continue;
    const j = a.cs.findIndex((t, k) => !a.cUsed[k] && COMPANY_FORM.has(t.gloss ?? ''));
    if (j >= 0) a.take([i], [j], 'legal-form', 0.9);
  }
}

/** Share of both names' word weight that the alignments cover, each at its quality. */
function coveredWeight(a: Alignment): { score: number; total: number } {
  let matched = 0;
  let total = 0;
  for (const w of a.qw) total += w;
  for (const w of a.cw) total += w;
  for (const al of a.aligns) {
    let w = 0;
    for (const i of al.q) w += a.qw[i] ?? 0;
    for (const j of al.c) w += a.cw[j] ?? 0;
    matched += w * al.quality;
  }
  return { score: total > 0 ? matched / total : 0, total };
}

/** Word order: the same words in another order are a little less certain; a surname moved to the other end least so. */
function orderFactor(aligns: readonly Align[]): number {
  if (aligns.length <= 1) return 1;
  const order = [...aligns].sort((a, b) => (a.q[0] ?? 0) - (b.q[0] ?? 0)).map((a) => a.c[0] ?? 0);
  let descents = 0;
  for (let k = 1; k < order.length; k++) if ((order[k] ?? 0) < (order[k - 1] ?? 0)) descents++;
  if (descents === 0) return 1;
  return descents === 1 && ((order[0] ?? 0) > (order[order.length - 1] ?? 0)) ? 0.99 : 0.97;
}

/** Compare two prepared names, given each word's weight (see MatchIndex.weight). */
export function compareNames(query: PreparedName, candidate: PreparedName, qWeights: Weights, cWeights: Weights): NameComparison {
  return compareWords(wordsOf(query, qWeights), wordsOf(candidate, cWeights));
}

/** `compareNames` of two names' words (see `nameWords`). */
export function compareWords(query: NameWords, candidate: NameWords): NameComparison {
  const { score, a } = align(query, candidate);
  const { qs, cs } = a;
  const parts: NamePart[] = a.aligns.map((al) => ({
    query: al.q.map((i) => qs[i]!.text).join(' '),
    candidate: al.c.map((j) => cs[j]!.text).join(' '),
    how: al.how,
    quality: al.quality,
  }));
  return {
    score,
    parts,
    unmatchedQuery: qs.filter((_, i) => !a.qUsed[i]).map((t) => t.text),
    unmatchedCandidate: cs.filter((_, j) => !a.cUsed[j]).map((t) => t.text),
  };
}

/** The score of `compareNames` alone, without the account of it (the matcher explains only what it returns). */
export function nameScore(query: PreparedName, candidate: PreparedName, qWeights: Weights, cWeights: Weights): number {
  return align(wordsOf(query, qWeights), wordsOf(candidate, cWeights)).score;
}

/** `nameScore` of two names' words (see `nameWords`): the matcher keeps every name's words. */
export function wordsScore(query: NameWords, candidate: NameWords): number {
  return align(query, candidate).score;
}

function align(qWords: NameWords, cWords: NameWords): { score: number; a: Alignment } {
  const query = qWords.name;
  const candidate = cWords.name;
  const a = new Alignment(qWords, cWords);
  const { qs, cs } = a;
  if (qs.length === 0 || cs.length === 0) return { score: 0, a };
  const person = query.kind === 'person' || candidate.kind === 'person';
  alignSameWords(a, person);
  if (!person) alignTranslations(a);
  // 3: joined words on either side.
  if (a.bothLeft) {
    tryJoined(a, true);
    tryJoined(a, false);
  }
  if (a.bothLeft) alignNearWords(a);
  if (!person) alignLegalForms(a);

  let { score, total } = coveredWeight(a);
  // 6: word boundaries in other places (Nam Chong Gan ~ Namchongang, Saeingp'il ~ Saeng Pil):
  // the distinctive words squeezed together, one or two edits apart.
  // Not for people: their syllables are too short for one edit to mean the same name.
  const squeezed = person ? null : squeezeCompare(qs, cs, a.qw, a.cw, a.qUsed, a.cUsed, a.aligns, total);
  if (squeezed && squeezed.score > score) {
    score = squeezed.score;
    a.reset(squeezed.aligns);
  }
  if (score > 0) score *= orderFactor(a.aligns);
  if (score >= 1 && query.normalized !== candidate.normalized) score = 0.999;
  return { score, a };
}

/** Words that carry a name's identity (not company forms, country or generic words). */
export const DISTINCTIVE = (t: NameToken) => t.cls === 'word' || t.cls === 'number';

function squeezeCompare(
  qs: readonly NameToken[], cs: readonly NameToken[], qw: readonly number[], cw: readonly number[], qUsed: boolean[], cUsed: boolean[], aligns: Align[], total: number,
): { score: number; aligns: Align[] } | null {
  // The same tests as below, first without building anything: most pairs fail on the lengths.
  const q = distinctiveLength(qs, qUsed);
  const c = distinctiveLength(cs, cUsed);
  if (q.count === 0 || c.count === 0 || (q.count === 1 && c.count === 1) || q.allUsed || c.allUsed) return null;
  const longest = Math.max(q.letters, c.letters);
  if (longest < 6 || Math.abs(q.letters - c.letters) > (longest >= 10 ? 2 : 1)) return null;
  const qd = qs.map((t, i) => i).filter((i) => DISTINCTIVE(qs[i]!));
  const cd = cs.map((t, j) => j).filter((j) => DISTINCTIVE(cs[j]!));
  if (qd.length === 0 || cd.length === 0 || (qd.length === 1 && cd.length === 1)) return null;
  if (qd.every((i) => qUsed[i]) || cd.every((j) => cUsed[j])) return null;
  const qk = qd.map((i) => qs[i]!.key).join('');
  const ck = cd.map((j) => cs[j]!.key).join('');
  const len = Math.max(qk.length, ck.length);
  if (len < 6) return null;
  const cap = len >= 10 ? 2 : 1;
  const d = editDistance(qk, ck, cap);
  if (d > cap) return null;
  const quality = d === 0 ? 0.95 : 0.9 * (1 - d / len);
  // Keep the alignments of the other words (company forms, country words).
  const kept = aligns.filter((a) => !a.q.some((i) => qd.includes(i)) && !a.c.some((j) => cd.includes(j)));
  const out: Align[] = [...kept, { q: qd, c: cd, how: 'joined', quality }];
  let matched = 0;
  for (const a of out) {
    let w = 0;
    for (const i of a.q) w += qw[i] ?? 0;
    for (const j of a.c) w += cw[j] ?? 0;
    matched += w * a.quality;
  }
  return { score: total > 0 ? matched / total : 0, aligns: out };
}

/** Distinctive words of a name: how many, their key letters, and whether all are aligned already. */
function distinctiveLength(ts: readonly NameToken[], used: readonly boolean[]): { count: number; letters: number; allUsed: boolean } {
  let count = 0;
  let letters = 0;
  let allUsed = true;
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i]!;
    if (!DISTINCTIVE(t)) continue;
    count++;
    letters += t.key.length;
    if (!used[i]) allUsed = false;
  }
  return { count, letters, allUsed };
}

/** Glosses of the words that only say "a company" (Company, Corporation, Hoesa, Kongsa, Chonghoesa). */
export const COMPANY_FORM: ReadonlySet<string> = new Set(['company', 'corporation', 'general corporation']);

const HOW: Record<NamePart['how'], string> = {
  exact: 'same word',
  country: 'the same country',
  phonetic: 'same sound',
  'initial-r': 'initial r read the South Korean way',
  translation: 'same word in another language',
  'legal-form': 'another company form',
  joined: 'joined or split differently',
  fuzzy: 'a letter or two apart',
  partial: 'partly alike',
};

/** A readable account of a name comparison: "kim = kim; won hong ~ wonhong (joined); unmatched: su". */
export function describeComparison(c: NameComparison): string {
  const parts = c.parts.map((p) => (p.how === 'exact' ? p.query : `${p.query} ~ ${p.candidate} (${HOW[p.how]})`));
  const extra: string[] = [];
  if (c.unmatchedQuery.length) extra.push(`not in candidate: ${c.unmatchedQuery.join(' ')}`);
  if (c.unmatchedCandidate.length) extra.push(`not in query: ${c.unmatchedCandidate.join(' ')}`);
  return [parts.length ? `matched ${parts.join('; ')}` : 'no words matched', ...extra].join('; ');
}
