/**
 * The matcher's features as data: what each compares, how much it can move a
 * score, and where its code is. The yente `/algorithms` answer, the `matcher`
 * block of `/match` responses and the explanation keys are generated from
 * this list, so a feature is described in one place.
 */
export interface MatchFeature {
  /** The feature name of `ExplanationItem.feature`. */
  feature: 'name' | 'birth_date' | 'country' | 'identifier';
  /** yente's name for it (`features` keys of a `/match` result). */
  key: string;
  description: string;
  /** How strongly it moves the score (1: the base score itself). */
  coefficient: number;
  /** The file that computes it. */
  file: string;
}

export const MATCH_FEATURES: readonly MatchFeature[] = [
  {
    feature: 'name', key: 'name_match', coefficient: 1, file: 'src/match/score-name.ts',
    description: 'Best name comparison (Korean-aware: MR/RR/DPRK spellings, joined and split given names, Hangul), weighted by the strength of the matched name',
  },
  { feature: 'birth_date', key: 'dob_match', coefficient: 0.5, file: 'src/match/score-birth-date.ts', description: 'Date of birth: exact, same year, or years apart' },
  { feature: 'country', key: 'country_match', coefficient: 0.1, file: 'src/match/score-country.ts', description: 'Nationality or country agreement' },
  { feature: 'identifier', key: 'identifier_match', coefficient: 0.6, file: 'src/match/score-identifier.ts', description: 'Same passport, registration or IMO number' },
];

/** The room39 matcher's name where an algorithm is chosen by name (yente's `algorithm`). */
export const ALGORITHM_NAME = 'room39';

/** yente's key for a feature; features without one (schema, notes) keep their own name. */
export function featureKey(feature: string): string {
  return MATCH_FEATURES.find((f) => f.feature === feature)?.key ?? feature;
}
