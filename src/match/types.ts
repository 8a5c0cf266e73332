/**
 * What the matcher matches against (`MatchableEntity`), what it is asked
 * (`MatchQuery`) and what it answers (`MatchResult` with its explanation).
 * Plain data: built from the store's entity views or from parsed list entries
 * (see entity.ts), serialisable, no database inside.
 */

export type NameStrength = 'primary' | 'strong' | 'weak';

export interface MatchableName {
  value: string;
  strength: NameStrength;
}

export interface MatchableIdentifier {
  /** `passport`, `national_id`, `registration`, `imo`, … or null when unknown. */
  type: string | null;
  value: string;
}

export type RiskFlagKind = 'sanctioned' | 'labour_export' | 'labour_host';

/** A risk the graph knows for an entity, with the source that says so. */
export interface RiskFlag {
  kind: RiskFlagKind;
  /** Human-readable: "Sanctioned (OFAC SDN, programme DPRK3)". */
  label: string;
  /** For `sanctioned`: the programme or regime as the list names it. */
  program: string | null;
  source: { id: string; title: string };
  /** For `sanctioned`: the date the list gives for the designation (listed on, start date), when it gives one. */
  date?: string | null;
  /** The record (of a merged entity) the risk was found on. */
  record?: string;
}

export interface MatchableEntity {
  id: string;
  /** FtM schema: Person, Organization, Company, PublicBody, LegalEntity, Vessel, Airplane, … */
  schema: string;
  caption: string;
  names: MatchableName[];
  /** ISO 8601, possibly partial (YYYY, YYYY-MM). */
  birthDates: string[];
  /** ISO 3166-1 alpha-2, lower or upper case (nationalities, citizenship, jurisdiction, country). */
  countries: string[];
  identifiers: MatchableIdentifier[];
  datasets: string[];
  /** Risk topics (OpenSanctions vocabulary plus `labour.export`, `labour.host`). */
  topics: string[];
  /** Programmes (OFAC DPRK3, UN DPRK …). */
  programs: string[];
  flags: RiskFlag[];
  /** The record ids merged into this entity (itself included); absent for a record that stands alone. */
  referents?: string[];
  /** FtM properties, returned as they are in the yente-format API. */
  properties: Record<string, string[]>;
}

export interface MatchQuery {
  /** Names to match (at least one non-empty one). */
  names: string[];
  /** FtM schema of what is screened; null matches any schema. */
  schema: string | null;
  birthDates: string[];
  /** Countries as ISO alpha-2 codes or names ("North Korea", "Russia"). */
  countries: string[];
  identifiers: string[];
}

export interface MatchOptions {
  /** Score at or above which `match` is true. Default `DEFAULT_THRESHOLD`. */
  threshold?: number;
  /** Most results returned. Default 5. */
  limit?: number;
  /** Results below this score are not returned at all. Default 0.5. */
  cutoff?: number;
  /** Only entities in one of these datasets. */
  datasets?: string[];
  /** Entity ids not to return (for hold-out evaluation, or decided false positives). */
  excludeIds?: ReadonlySet<string>;
  /** Names not to compare against (hold-out evaluation): entity id → normalised names. */
  excludeNames?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Only entities this accepts are returned (yente's topic, dataset, schema and date filters). */
  accept?: (entity: MatchableEntity) => boolean;
  /**
   * Weights of the features beside the name, replacing their coefficients
   * (src/match/features.ts): 0 turns a feature off, its coefficient leaves it
   * as it is, twice the coefficient doubles its effect (kept within ±1).
   */
  weights?: Partial<Record<WeightedFeature, number>>;
  /** False: results carry no explanation (an empty list), for callers that read only the entity and the score (document extraction). */
  explain?: boolean;
  /** True: align every name pair reached, without the upper bound that leaves out those that cannot count (the same answers, slower: for tests). */
  exhaustive?: boolean;
}

/** The features whose weight a caller may change (the name score is the base, not a weight). */
export type WeightedFeature = 'birth_date' | 'country' | 'identifier';

/** One piece of the explanation of a score (yente's `explanations` entries have the same shape). */
export interface ExplanationItem {
  /** `name`, `birth_date`, `country`, `identifier`, `schema`. */
  feature: string;
  /** For `name`: the name score; for others, the change made to the score (+ agreement, − disagreement). */
  score: number;
  /** What was compared and how, in words. */
  detail: string;
  /** The query value used. */
  query: string | null;
  /** The candidate value used. */
  candidate: string | null;
}

export interface MatchResult {
  entity: MatchableEntity;
  score: number;
  match: boolean;
  explanation: ExplanationItem[];
}
