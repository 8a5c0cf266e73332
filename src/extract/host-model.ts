/**
 * The second opinion on each country mention's role: a logistic model over
 * the words around the mention, its sentence, its country and the rules'
 * verdict (roles.ts), trained on the hand-annotated development texts of
 * bench/extract/out-of-sample (bench/extract/host-model/train.ts writes
 * host-model.json). The rules alone read reports they were not written on
 * poorly (host F1 0.46–0.77 on blind sets); words they never named still
 * carry the judgement, and a model weighs them all. Hand-written because
 * it is twenty lines of arithmetic over sparse string features, where a
 * library would add a dependency and a tensor format for nothing.
 */
import type { CountryMention } from './countries.ts';
import type { CountryRole, RuleVerdict } from './roles.ts';
import trained from './host-model.json' with { type: 'json' };

interface Span {
  start: number;
  end: number;
}

/** A trained model: its weights by feature, its bias and the probability from which a mention is a host. */
export interface HostModel {
  bias: number;
  threshold: number;
  weights: Record<string, number>;
  /** What it was trained on and how, for the record. */
  trained_on?: string;
}

/** How far either side of the mention its words are read, and how much of a long sentence counts. */
const SIDE = 60;
const SENTENCE_REACH = 150;
const WORD = /[\p{L}\p{N}]+(?:[’'][\p{L}]+)?/gu;
const NK_NAMED = /\b(?:north korea|dprk|north korean)/i;
const LABOUR_NAMED = /\b(?:worker|labou?r|employ)/i;

/** What the document as a whole says of its countries, for the features of each mention. */
interface DocumentView {
  /** Mentions per country. */
  counts: Map<string, number>;
  /** The country named most often, North Korea aside (the first named, on a tie). */
  top: string | undefined;
  /** Countries the rules found a host somewhere in the text. */
  ruleHosts: Set<string>;
}

function documentView(mentions: readonly CountryMention[], verdicts: readonly RuleVerdict[]): DocumentView {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.country, (counts.get(m.country) ?? 0) + 1);
  let top: string | undefined;
  for (const [c, n] of counts) if (c !== 'KP' && (top === undefined || n > counts.get(top)!)) top = c;
  const ruleHosts = new Set(mentions.filter((_, i) => verdicts[i] === 'host').map((m) => m.country));
  return { counts, top, ruleHosts };
}

/** Only ", ", "and", "or" (and "the") between two mentions: one list, whose first member's words lead them all. */
const LIST_GAP = /^(?:[ \u00a0]*\([\p{Lu}.]{2,8}\))?(?:,[ \u00a0]*|[ \u00a0]+(?:and|or)[ \u00a0]+|,[ \u00a0]*(?:and|or)[ \u00a0]+)(?:the[ \u00a0]+)?$/iu;

/** For each mention, the first mention of the list it ends (itself when it stands alone). */
function listHeads(text: string, mentions: readonly CountryMention[]): CountryMention[] {
  const heads: CountryMention[] = [];
  mentions.forEach((m, i) => {
    const previous = mentions[i - 1];
    heads.push(previous && LIST_GAP.test(text.slice(previous.end, m.start)) ? heads[i - 1]! : m);
  });
  return heads;
}

/** A word of the text, lower-cased, and where it stands. */
interface Token {
  start: number;
  end: number;
  word: string;
}

/** The words of each sentence, read once: a sentence often names several countries. */
class SentenceWords {
  private readonly read = new Map<number, Token[]>();
  constructor(private readonly text: string) {}

  of(sentence: Span): Token[] {
    let tokens = this.read.get(sentence.start);
    if (!tokens) {
      tokens = [];
      for (const w of this.text.slice(sentence.start, sentence.end).matchAll(WORD)) {
        const start = sentence.start + w.index;
        tokens.push({ start, end: start + w[0].length, word: w[0].toLowerCase() });
      }
      this.read.set(sentence.start, tokens);
    }
    return tokens;
  }
}

/** The words wholly inside [from, to). */
function wordsIn(tokens: readonly Token[], from: number, to: number): string[] {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  const out: string[] = [];
  for (let i = lo; i < tokens.length && tokens[i]!.end <= to; i++) out.push(tokens[i]!.word);
  return out;
}

/** The features of one mention (a mention of North Korea has none: it is never a host). */
function features(text: string, m: CountryMention, sentence: Span, verdict: RuleVerdict, doc: DocumentView, head: CountryMention, words: SentenceWords): string[] {
  const tokens = words.of(sentence);
  const before = wordsIn(tokens, m.start - SIDE, m.start);
  const after = wordsIn(tokens, m.end, m.end + SIDE);
  const ruleHostHere = doc.ruleHosts.has(m.country);
  const f = [
    `rule:${verdict}`, `via:${m.via}:rule:${verdict}`, `dochost:${ruleHostHere}`, `dochost:${ruleHostHere}:rule:${verdict}`,
    `c:${m.country}`, `via:${m.via}`,
    `n:${Math.min(doc.counts.get(m.country) ?? 0, 5)}`, `top:${doc.top === m.country}`, `docHostsN:${Math.min(doc.ruleHosts.size, 4)}`,
  ];
  for (const w of before.slice(-4)) f.push(`l:${w}`);
  for (const w of after.slice(0, 4)) f.push(`r:${w}`);
  if (before.length) f.push(`p1:${before.at(-1)}`);
  if (before.length > 1) f.push(`p2:${before.at(-2)}_${before.at(-1)}`);
  if (after.length) f.push(`n1:${after[0]}`);
  for (let k = 0; k + 1 < before.length; k++) f.push(`lb:${before[k]}_${before[k + 1]}`);
  for (let k = 0; k + 1 < Math.min(after.length, 4); k++) f.push(`rb:${after[k]}_${after[k + 1]}`);
  if (before.length > 2) f.push(`p3:${before.at(-3)}`);
  if (after.length > 1) f.push(`n2:${after[1]}`);
  // The sentence around it: its words, and whether it names North Korean labour.
  const from = Math.max(sentence.start, m.start - SENTENCE_REACH);
  const to = Math.min(sentence.end, m.end + SENTENCE_REACH);
  for (const w of new Set(wordsIn(tokens, from, to))) f.push(`s:${w}`);
  const near = text.slice(from, to);
  f.push(`nkw:${NK_NAMED.test(near) && LABOUR_NAMED.test(near)}`);
  if (head !== m) {
    const lead = wordsIn(tokens, head.start - SIDE, head.start);
    f.push('inlist');
    for (const w of lead.slice(-3)) f.push(`hl:${w}`);
    if (lead.length) f.push(`hp1:${lead.at(-1)}`);
  }
  return f;
}

/** The sentence each mention starts in (mentions and sentences both sorted). */
function sentencesOf(sentences: readonly Span[], mentions: readonly CountryMention[], length: number): Span[] {
  const out: Span[] = [];
  let s = 0;
  for (const m of mentions) {
    while (s < sentences.length - 1 && sentences[s]!.end <= m.start) s++;
    const sentence = sentences[s];
    out.push(sentence && sentence.start <= m.start && m.start < sentence.end ? sentence : { start: 0, end: length });
  }
  return out;
}

/**
 * Each mention's features (null for North Korea, and for mentions `wanted` leaves out), as the model reads them and as
 * its training reads them.
 */
export function hostFeatures(text: string, mentions: readonly CountryMention[], sentences: readonly Span[], verdicts: readonly RuleVerdict[], wanted: (verdict: RuleVerdict) => boolean = () => true): (string[] | null)[] {
  const doc = documentView(mentions, verdicts);
  const sents = sentencesOf(sentences, mentions, text.length);
  const heads = listHeads(text, mentions);
  const words = new SentenceWords(text);
  return mentions.map((m, i) => (m.country === 'KP' || !wanted(verdicts[i] ?? 'undecided') ? null : features(text, m, sents[i]!, verdicts[i] ?? 'undecided', doc, heads[i]!, words)));
}

/** A model's weights as a Map, made once per model: looking up thousands of keys in a plain object is several times slower. */
const weightMaps = new WeakMap<HostModel, Map<string, number>>();
function weightsOf(model: HostModel): Map<string, number> {
  let map = weightMaps.get(model);
  if (!map) weightMaps.set(model, (map = new Map(Object.entries(model.weights))));
  return map;
}

/** The probability that a mention with these features is a host. */
export function hostProbability(model: HostModel, feats: readonly string[]): number {
  const weights = weightsOf(model);
  let z = model.bias;
  for (const f of feats) z += weights.get(f) ?? 0;
  return 1 / (1 + Math.exp(-z));
}

export const HOST_MODEL: HostModel = trained as HostModel;

/** The roles the model gives, from the rules' verdicts and the text around each mention. */
export function modelRoles(text: string, mentions: readonly CountryMention[], sentences: readonly Span[], verdicts: readonly RuleVerdict[], model: HostModel = HOST_MODEL): CountryRole[] {
  // A cue's "other" stands (decidesHost): its features are not even read.
  return hostFeatures(text, mentions, sentences, verdicts, (v) => v !== 'other').map((f, i) => (f !== null && decidesHost(model, f, verdicts[i]!) ? 'host' : 'other'));
}

/** A mention a rule's cue made `other` (a customer, a dateline, a country a figure leaves out) stays so; the model weighs every other. */
export const decidesHost = (model: HostModel, features: readonly string[], verdict: RuleVerdict): boolean =>
  verdict !== 'other' && hostProbability(model, features) >= model.threshold;
