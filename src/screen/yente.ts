/**
 * The yente translation: room39's match results in the shape of the
 * OpenSanctions yente `/match` API (`ScoredEntityResponse`, `features`,
 * `explanations`, the `matcher` description), so yente clients read them
 * unchanged. The route parses the request; the shapes live here.
 */
import type { ExplanationItem, MatchResult, RiskFlag } from '../match/types.ts';
import { ALGORITHM_NAME, MATCH_FEATURES, featureKey } from '../match/features.ts';
import { isoTimestamp, type EntityDates } from './index-facts.ts';

export interface YenteExplanation { score: number; detail: string; query: string | null; candidate: string | null }

/** What yente says of every entity it answers with, besides its properties. */
export interface YenteEntityHead {
  id: string;
  caption: string;
  schema: string;
  datasets: string[];
  referents: string[];
  target: boolean;
  first_seen: string | null;
  last_seen: string | null;
  last_change: string | null;
}

export interface YenteResult extends YenteEntityHead {
  properties: Record<string, string[]>;
  score: number;
  features: Record<string, number>;
  explanations: Record<string, YenteExplanation>;
  match: boolean;
  token: string | null;
  /** room39's addition (yente clients ignore unknown fields): the risks the graph knows, each with its source. */
  flags: RiskFlag[];
}

export interface YenteFeatureDoc { description: string; coefficient: number; url: string }

/** Each feature's score under yente's key, and its explanation; the first item of a feature counts. */
export function yenteFeatures(explanation: readonly ExplanationItem[]): { features: Record<string, number>; explanations: Record<string, YenteExplanation> } {
  const features: Record<string, number> = {};
  const explanations: Record<string, YenteExplanation> = {};
  for (const x of explanation) {
    const key = featureKey(x.feature);
    if (explanations[key]) continue;
    features[key] = x.score;
    explanations[key] = { score: x.score, detail: x.detail, query: x.query, candidate: x.candidate };
  }
  return { features, explanations };
}

export function yenteResult(r: MatchResult, dates?: EntityDates): YenteResult {
  const { features, explanations } = yenteFeatures(r.explanation);
  return { ...resultHead(r.entity, dates), score: r.score, features, explanations, match: r.match, token: null, flags: r.entity.flags };
}

/** What a result says of its entity before its score: the same in every answer that returns the entity. */
function resultHead(entity: MatchResult['entity'], dates: EntityDates | undefined): Omit<YenteResult, 'score' | 'features' | 'explanations' | 'match' | 'token' | 'flags'> {
  return {
    id: entity.id, caption: entity.caption, schema: entity.schema, properties: entity.properties,
    // One result per canonical entity: every record behind it, the datasets of all, a target when any record is sanctioned.
    datasets: entity.datasets, referents: entity.referents ?? [entity.id],
    target: entity.topics.includes('sanction') || entity.flags.some((f) => f.kind === 'sanctioned'),
    ...yenteDates(dates),
  };
}

/** The JSON of a result's parts that depend on its entity alone, around the parts that depend on the query. */
interface ResultFrame { dates: EntityDates | undefined; head: string; tail: string }
let frames = new WeakMap<MatchResult['entity'], ResultFrame>();
/** Characters the frames kept hold; past FRAMES_BUDGET (about 16 MB of text) they are dropped and made again as needed. */
let framedChars = 0;
const FRAMES_BUDGET = 8_000_000;

/**
 * `JSON.stringify(yenteResult(r, dates))`, byte for byte, with the entity's own parts (its properties, datasets,
 * dates, flags: most of a result's text) written once per entity instead of once per answer.
 */
export function yenteResultJson(r: MatchResult, dates?: EntityDates): string {
  let frame = frames.get(r.entity);
  if (!frame || frame.dates !== dates) {
    frame = { dates, head: JSON.stringify(resultHead(r.entity, dates)).slice(0, -1), tail: `,"token":null,"flags":${JSON.stringify(r.entity.flags)}}` };
    framedChars += frame.head.length + frame.tail.length;
    if (framedChars > FRAMES_BUDGET) { frames = new WeakMap(); framedChars = 0; }
    frames.set(r.entity, frame);
  }
  const { features, explanations } = yenteFeatures(r.explanation);
  return `${frame.head},"score":${JSON.stringify(r.score)},"features":${JSON.stringify(features)},"explanations":${JSON.stringify(explanations)},"match":${JSON.stringify(r.match)}${frame.tail}`;
}

/** yente's three timestamps of an entity. */
export function yenteDates(dates: EntityDates | undefined): Pick<YenteResult, 'first_seen' | 'last_seen' | 'last_change'> {
  return { first_seen: isoTimestamp(dates?.firstSeen), last_seen: isoTimestamp(dates?.lastSeen), last_change: isoTimestamp(dates?.lastChange) };
}

const SOURCE_BASE = 'https://github.com/room39/room39/blob/main/';

/** The `matcher` block of a `/match` response: each feature, its weight and its code. */
export function yenteMatcherDocs(): Record<string, YenteFeatureDoc> {
  return Object.fromEntries(MATCH_FEATURES.map((f) => [f.key, { description: f.description, coefficient: f.coefficient, url: `${SOURCE_BASE}${f.file}` }]));
}

export interface YenteAlgorithm {
  name: string;
  description: string;
  features: Record<string, YenteFeatureDoc>;
  /** Configuration keys `/match` accepts in its body's `config` (room39's matcher has none). */
  config: Record<string, never>;
}

/** yente's `/algorithms` answer, generated from the matcher's feature list: room39's matcher is the only, default and best one. */
export function yenteAlgorithms(): { algorithms: YenteAlgorithm[]; default: string; best: string } {
  return {
    algorithms: [{
      name: ALGORITHM_NAME,
      description: 'room39 matcher: the best name comparison (Korean-aware), weighted by the strength of the matched name, then moved by date of birth, country and identifiers. '
        + 'Weights of /match replace the coefficients of the features beside the name (0 turns one off); the name score is the base.',
      features: yenteMatcherDocs(),
      config: {},
    }],
    default: ALGORITHM_NAME,
    best: ALGORITHM_NAME,
  };
}
