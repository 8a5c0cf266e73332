/**
 * The second opinion on each country mention's role: a logistic model over
 * the words around the mention, its sentence, its country and the rules'
 * verdict (roles.ts), trained on the hand-annotated development texts of
 * bench/extract/out-of-sample (bench/extract/host-model/train.ts writes
 * host-model.json). The rules alone read reports they were not written on
 * poorly (host F1 0.46–0.77 on blind sets); words they never named still
 * carry the judgement, and a model weighs them all. Hand-written because
 * the model is a weighted sum over sparse string features, where a library
 * would add a dependency and a tensor format for nothing.
 */
import type { CountryMention } from './countries.ts';
import { LIST_GAP, type CountryRole, type RuleVerdict } from './roles.ts';
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

/** For each mention, the first mention of the list it ends (itself when it stands alone): one list as roles.ts reads one, whose first member's words lead them all. */
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
      const raw = this.text.slice(sentence.start, sentence.end);
      // Lower-cased once, where that keeps every offset (it nearly always does: "İ" is one of the few letters that grow).
      const lower = raw.toLowerCase();
      const same = lower.length === raw.length;
      const re = new RegExp(WORD);
      for (let w = re.exec(same ? lower : raw); w; w = re.exec(same ? lower : raw)) {
        const start = sentence.start + w.index;
        tokens.push({ start, end: start + w[0].length, word: same ? w[0] : w[0].toLowerCase() });
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

/** Features of one word ("l:sent", the word "sent" left of the mention) and of two ("p2:sent_to"). */
type WordKind = 'l' | 'r' | 'p1' | 'n1' | 'p3' | 'n2' | 's' | 'hl' | 'hp1';
type PairKind = 'p2' | 'lb' | 'rb';
const WORD_KINDS: ReadonlySet<string> = new Set<WordKind>(['l', 'r', 'p1', 'n1', 'p3', 'n2', 's', 'hl', 'hp1']);
const PAIR_KINDS: ReadonlySet<string> = new Set<PairKind>(['p2', 'lb', 'rb']);

/**
 * Where a mention's features go: written out as strings (`kind:word`, `kind:a_b`, flags as they are) for training,
 * or weighed as they come, looking words up by kind (a word's hash is computed once, not once per feature string).
 */
interface FeatureSink {
  flag(feature: string): void;
  word(kind: WordKind, w: string): void;
  pair(kind: PairKind, a: string, b: string): void;
  /** The stretch of sentence around the mention, by "start:end": its features are the same for every mention of a short sentence. */
  window(key: string, emit: (sink: FeatureSink) => void): void;
}

class FeatureStrings implements FeatureSink {
  readonly out: string[] = [];
  flag(f: string): void { this.out.push(f); }
  word(kind: WordKind, w: string): void { this.out.push(`${kind}:${w}`); }
  pair(kind: PairKind, a: string, b: string): void { this.out.push(`${kind}:${a}_${b}`); }
  window(_key: string, emit: (sink: FeatureSink) => void): void { emit(this); }
}

/** A model's weights arranged for weighing: flags by their string, words by kind then word, pairs by kind, first word, second. */
interface Weighing {
  flags: Map<string, number>;
  words: Map<string, Map<string, number>>;
  pairs: Map<string, Map<string, Map<string, number>>>;
}

class FeatureWeights implements FeatureSink {
  z = 0;
  constructor(private readonly weighing: Weighing, private readonly windows: Map<string, number>) {}
  flag(f: string): void { this.z += this.weighing.flags.get(f) ?? 0; }
  word(kind: WordKind, w: string): void { this.z += this.weighing.words.get(kind)?.get(w) ?? 0; }
  pair(kind: PairKind, a: string, b: string): void { this.z += this.weighing.pairs.get(kind)?.get(a)?.get(b) ?? 0; }
  window(key: string, emit: (sink: FeatureSink) => void): void {
    let sum = this.windows.get(key);
    if (sum === undefined) {
      const alone = new FeatureWeights(this.weighing, this.windows);
      emit(alone);
      this.windows.set(key, (sum = alone.z));
    }
    this.z += sum;
  }
}

/** The features of one mention (a mention of North Korea has none: it is never a host), into `sink`. */
function features(text: string, m: CountryMention, sentence: Span, verdict: RuleVerdict, doc: DocumentView, head: CountryMention, words: SentenceWords, sink: FeatureSink): void {
  const tokens = words.of(sentence);
  const before = wordsIn(tokens, m.start - SIDE, m.start);
  const after = wordsIn(tokens, m.end, m.end + SIDE);
  const ruleHostHere = doc.ruleHosts.has(m.country);
  for (const f of [
    `rule:${verdict}`, `via:${m.via}:rule:${verdict}`, `dochost:${ruleHostHere}`, `dochost:${ruleHostHere}:rule:${verdict}`,
    `c:${m.country}`, `via:${m.via}`,
    `n:${Math.min(doc.counts.get(m.country) ?? 0, 5)}`, `top:${doc.top === m.country}`, `docHostsN:${Math.min(doc.ruleHosts.size, 4)}`,
  ]) sink.flag(f);
  for (const w of before.slice(-4)) sink.word('l', w);
  for (const w of after.slice(0, 4)) sink.word('r', w);
  if (before.length) sink.word('p1', before.at(-1)!);
  if (before.length > 1) sink.pair('p2', before.at(-2)!, before.at(-1)!);
  if (after.length) sink.word('n1', after[0]!);
  for (let k = 0; k + 1 < before.length; k++) sink.pair('lb', before[k]!, before[k + 1]!);
  for (let k = 0; k + 1 < Math.min(after.length, 4); k++) sink.pair('rb', after[k]!, after[k + 1]!);
  if (before.length > 2) sink.word('p3', before.at(-3)!);
  if (after.length > 1) sink.word('n2', after[1]!);
  if (head !== m) {
    const lead = wordsIn(tokens, head.start - SIDE, head.start);
    sink.flag('inlist');
    for (const w of lead.slice(-3)) sink.word('hl', w);
    if (lead.length) sink.word('hp1', lead.at(-1)!);
  }
  // The sentence around it: its words, and whether it names North Korean labour.
  const from = Math.max(sentence.start, m.start - SENTENCE_REACH);
  const to = Math.min(sentence.end, m.end + SENTENCE_REACH);
  sink.window(`${from}:${to}`, (into) => {
    for (const w of new Set(wordsIn(tokens, from, to))) into.word('s', w);
    const near = text.slice(from, to);
    into.flag(`nkw:${NK_NAMED.test(near) && LABOUR_NAMED.test(near)}`);
  });
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

/** Feeds each wanted mention's features to the sink `sinkFor` gives it (North Korea, and what `wanted` leaves out, get none). */
function eachMention(text: string, mentions: readonly CountryMention[], sentences: readonly Span[], verdicts: readonly RuleVerdict[], wanted: (i: number) => boolean, sinkFor: (i: number) => FeatureSink): void {
  const doc = documentView(mentions, verdicts);
  const sents = sentencesOf(sentences, mentions, text.length);
  const heads = listHeads(text, mentions);
  const words = new SentenceWords(text);
  mentions.forEach((m, i) => {
    if (m.country !== 'KP' && wanted(i)) features(text, m, sents[i]!, verdicts[i] ?? 'undecided', doc, heads[i]!, words, sinkFor(i));
  });
}

/** Each mention's features (null for North Korea), as the model's training reads them. */
export function hostFeatures(text: string, mentions: readonly CountryMention[], sentences: readonly Span[], verdicts: readonly RuleVerdict[]): (string[] | null)[] {
  const out: (string[] | null)[] = mentions.map(() => null);
  eachMention(text, mentions, sentences, verdicts, () => true, (i) => {
    const sink = new FeatureStrings();
    out[i] = sink.out;
    return sink;
  });
  return out;
}

/** A model's weights arranged for weighing, made once per model. */
const weighings = new WeakMap<HostModel, Weighing>();
function weighingOf(model: HostModel): Weighing {
  let w = weighings.get(model);
  if (w) return w;
  w = { flags: new Map(), words: new Map(), pairs: new Map() };
  for (const [feature, weight] of Object.entries(model.weights)) {
    const colon = feature.indexOf(':');
    const kind = colon < 0 ? '' : feature.slice(0, colon);
    const rest = feature.slice(colon + 1);
    const underscore = rest.indexOf('_');
    if (WORD_KINDS.has(kind)) (w.words.get(kind) ?? w.words.set(kind, new Map()).get(kind)!).set(rest, weight);
    else if (PAIR_KINDS.has(kind) && underscore > 0) {
      const byFirst = w.pairs.get(kind) ?? w.pairs.set(kind, new Map()).get(kind)!;
      const first = rest.slice(0, underscore);
      (byFirst.get(first) ?? byFirst.set(first, new Map()).get(first)!).set(rest.slice(underscore + 1), weight);
    } else w.flags.set(feature, weight);
  }
  weighings.set(model, w);
  return w;
}

/** Whether the weights a mention's features sum to make it a host. */
const isHost = (model: HostModel, sum: number): boolean => 1 / (1 + Math.exp(-(model.bias + sum))) >= model.threshold;

export const HOST_MODEL: HostModel = trained as HostModel;

/** The roles the model gives, from the rules' verdicts and the text around each mention. */
export function modelRoles(text: string, mentions: readonly CountryMention[], sentences: readonly Span[], verdicts: readonly RuleVerdict[], model: HostModel = HOST_MODEL): CountryRole[] {
  const weighing = weighingOf(model);
  const windows = new Map<string, number>();
  const sinks: (FeatureWeights | null)[] = mentions.map(() => null);
  // A cue's "other" stands (decidesHost): its features are not even read.
  eachMention(text, mentions, sentences, verdicts, (i) => verdicts[i] !== 'other', (i) => (sinks[i] = new FeatureWeights(weighing, windows)));
  return sinks.map((sink) => (sink && isHost(model, sink.z) ? 'host' : 'other'));
}

/** A mention a rule's cue made `other` (a customer, a dateline, a country a figure leaves out) stays so; the model weighs every other. */
export const decidesHost = (model: HostModel, features: readonly string[], verdict: RuleVerdict): boolean =>
  verdict !== 'other' && isHost(model, features.reduce((z, f) => z + (model.weights[f] ?? 0), 0));
