/**
 * A learned second opinion on host countries (issue 17): a logistic model over
 * the words around a country mention and a few flags of its sentence, asked
 * only about the mentions no cue of roles.ts decided (those would otherwise
 * default to `other`). Twelve rounds of hand-written cues showed that the
 * forms one set of texts misses are rarely the forms of the next; a model
 * weighs every word of the context at once. Trained by
 * bench/extract/role-model/train.ts on the annotated out-of-sample texts
 * (their words' weights only: no text is kept), and measured there set by set
 * with each set left out of its own training. Logistic regression this small
 * is written here: no package of the field scores a sparse bag of words
 * without bringing a runtime or native code along.
 */
import type { CountryMention } from './countries.ts';
import bundled from './role-model.json' with { type: 'json' };

export interface RoleModel {
  bias: number;
  /** P(host) at or above which an undecided mention becomes a host. */
  threshold: number;
  weights: Record<string, number>;
  /** What it was trained on: sets, examples, command. */
  trained: { sets: string[]; examples: number; hosts: number; command: string };
}

interface Span { start: number; end: number }

/** What the model is asked about: one undecided mention, its sentence and what the rules decided for the text. */
export interface RoleQuestion {
  text: string;
  mention: CountryMention;
  sentence: Span;
  previous: Span | undefined;
  /** The country is a host elsewhere in the text by the rules' reading. */
  hostElsewhere: boolean;
  /** The sentence is the text's first, or a line without a closing stop (a headline, a caption). */
  headline: boolean;
  /** What the rules said: the role, the direct verdict, a list with an "other" member. */
  rule: string;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’\-]*/gu;
const words = (s: string): string[] => (s.toLowerCase().match(WORD) ?? []).map((w) => w.replace(/’/g, "'"));

const NK = /\b(?:north[ \u00a0-]korean?s?|n\.[ \u00a0]?koreans?|dprk|pyongyang)\b/i;
const WORKERS = /\b(?:workers?|workforce|labou?rers?|employees|nationals|citizens|doctors|nurses|loggers|builders|waitress(?:es)?|seamstress(?:es)?|fishermen|crews?)\b/i;
const WORK = /\b(?:work(?:s|ed|ing)?|labou?r(?:s|ed|ing)?|employ\w*|hir(?:e|es|ed|ing)|dispatch\w*|deploy\w*|sen[dt]|sending|repatriat\w*)\b/i;

/** The mention's features: words before and after it by position, the words of its sentence, and flags. */
export function roleFeatures(q: RoleQuestion): string[] {
  const { text, mention: m, sentence: s } = q;
  const before = words(text.slice(Math.max(s.start, m.start - 120), m.start));
  const after = words(text.slice(m.end, Math.min(s.end, m.end + 120)));
  const body = text.slice(s.start, s.end);
  const out = new Set<string>(['bias:' + m.via]);
  for (let k = 1; k <= 3; k++) {
    const b = before[before.length - k];
    if (b) out.add(`L${k}:${b}`);
    const a = after[k - 1];
    if (a) out.add(`R${k}:${a}`);
  }
  for (const w of before.slice(-12)) out.add(`b:${w}`);
  for (const w of after.slice(0, 12)) out.add(`a:${w}`);
  if (process.env.ROOM39_ROLE_BAG !== '0') for (const w of words(body)) out.add(`s:${w}`);
  if (NK.test(body)) out.add('f:nk');
  if (WORKERS.test(body)) out.add('f:workers');
  if (WORK.test(body)) out.add('f:work');
  if (NK.test(body) && WORKERS.test(body)) out.add('f:nk+workers');
  if (q.previous) {
    const prev = text.slice(q.previous.start, q.previous.end);
    if (NK.test(prev) && (WORKERS.test(prev) || WORK.test(prev))) out.add('f:prev-nk-work');
  }
  if (q.hostElsewhere) out.add('f:host-elsewhere');
  if (q.headline) out.add('f:headline');
  out.add(`via:${m.via}`);
  out.add(`rule:${q.rule}`);
  return [...out];
}

export function hostProbability(model: RoleModel, features: readonly string[]): number {
  let z = model.bias;
  for (const f of features) z += model.weights[f] ?? 0;
  return 1 / (1 + Math.exp(-z));
}

let active: RoleModel | null = bundled as RoleModel;
let collector: ((q: RoleQuestion) => void) | null = null;

/** The model countryRoles asks (null: rules alone). For measurement: bench/extract/role-model. */
export function setRoleModel(model: RoleModel | null): void {
  active = model;
}
export const roleModel = (): RoleModel | null => active;

/** Hands every question countryRoles would ask to `fn` (for training), whatever the model. */
export function collectRoleQuestions(fn: ((q: RoleQuestion) => void) | null): void {
  collector = fn;
}

/** Whether the mention is a host by the model (null without one). */
export function modelVerdict(q: RoleQuestion): boolean | null {
  collector?.(q);
  return active === null ? null : hostProbability(active, roleFeatures(q)) >= active.threshold;
}
