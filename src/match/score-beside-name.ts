/**
 * The features beside the name (date of birth, country, identifier) applied to a name score. A candidate's
 * features are first read as their effects alone, which is all the matcher needs to rank and to leave out the
 * candidates that cannot reach the cutoff; their explanation items are written only for the results returned.
 */
import { compareBirthDates } from './score-birth-date.ts';
import { compareCountries } from './score-country.ts';
import { compareIdentifiers } from './score-identifier.ts';
import { MATCH_FEATURES } from './features.ts';
import type { ExplanationItem, MatchableEntity, MatchOptions, WeightedFeature } from './types.ts';

/** What the query states beside its names, read once per query. */
export interface QueryFeatures { birthDates: string[]; countries: string[]; identifiers: string[] }

/** What each feature says of one candidate (its effect, null when it says nothing), and the caller's weights. */
export interface FeatureEffects { birth: number | null; country: number | null; identifier: number | null; weights: MatchOptions['weights'] }

/**
 * A name score moved by the features beside the name: date of birth, country,
 * identifier (which lifts a score to at least 0.85). Never lower for a higher
 * name score.
 */
export function withFeatures(name: number, f: FeatureEffects): number {
  let s = applyFeature(name, 'birth_date', f.birth, f.weights);
  s = applyFeature(s, 'country', f.country, f.weights);
  s = applyFeature(s, 'identifier', f.identifier, f.weights);
  if (f.identifier !== null && weightFactor('identifier', f.weights) !== 0) s = Math.max(s, 0.85);
  return s;
}

/**
 * A feature beside the name applied to score `s`: agreement pulls it toward 1
 * (`s + (1 − s)·e`), disagreement scales it down (`s·(1 + e)`). `s` unchanged
 * when the feature has nothing to say or weight 0.
 */
function applyFeature(s: number, feature: WeightedFeature, effect: number | null, weights: MatchOptions['weights']): number {
  const factor = weightFactor(feature, weights);
  if (effect === null || factor === 0) return s;
  const e = Math.max(-1, Math.min(1, effect * factor));
  return e >= 0 ? s + (1 - s) * e : s * (1 + e);
}

/** The explanation items of the features that moved a returned candidate's score, in the order they were applied. */
export function featureItems(q: QueryFeatures, entity: MatchableEntity, weights: MatchOptions['weights']): ExplanationItem[] {
  const items: ExplanationItem[] = [];
  const add = (feature: WeightedFeature, r: { item: ExplanationItem } | null) => {
    const factor = weightFactor(feature, weights);
    if (r && factor !== 0) items.push({ ...r.item, score: round(r.item.score * factor) });
  };
  add('birth_date', compareBirthDates(q.birthDates, entity.birthDates));
  add('country', compareCountries(q.countries, entity.countries));
  add('identifier', compareIdentifiers(q.identifiers, entity.identifiers));
  return items;
}

/** A feature's weight as a multiple of its coefficient (1 when the caller gave none). */
function weightFactor(feature: WeightedFeature, weights: MatchOptions['weights']): number {
  const w = weights?.[feature];
  if (w === undefined) return 1;
  const coefficient = MATCH_FEATURES.find((f) => f.feature === feature)?.coefficient ?? 1;
  return w / coefficient;
}

export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
