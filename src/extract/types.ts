/**
 * What extraction produces: mentions and figures with character offsets into
 * the extracted text. Offsets are JavaScript string indices (UTF-16 code
 * units), `start` inclusive and `end` exclusive, so `text.slice(start, end)`
 * is the mention or figure expression. The JSON shape is the `room39 extract`
 * contract of DESIGN.md; fields after the contract's are extra and optional.
 */
import type { FigureQualifier } from '../model/figure.ts';

export const MENTION_TYPES = ['person', 'organization', 'country', 'legal_instrument'] as const;
export type MentionType = (typeof MENTION_TYPES)[number];

export const FIGURE_KINDS = ['worker_count', 'share', 'money', 'date'] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];

export interface Mention {
  type: MentionType;
  text: string;
  start: number;
  end: number;
  /** Graph entity a person or organisation mention resolves to, or null. */
  entity_id: string | null;
  /** ISO 3166-1 alpha-2 code a country mention names, or null. */
  country: string | null;
  /** For a country mention: `host` (workers are or were sent, employed or found there) or `other`; null for other mentions. */
  role?: 'host' | 'other' | null;
  /** Caption of the resolved entity, or the canonical name of a legal instrument. */
  caption?: string | null;
  /** Resolver score (0..1) for person/organisation mentions. */
  score?: number | null;
}

/** Unit of an extracted figure: `persons`, `fraction`, an ISO 4217 currency, or `date`. */
export type ExtractedUnit = 'persons' | 'fraction' | 'USD' | 'EUR' | 'KPW' | 'KRW' | 'CNY' | 'RUB' | 'date';

/** What a share is a share of: `wages` (a worker's pay, kept by the state or others), `workforce` (a population of workers), `revenue` (money earned by the state or a venture), `other`. */
export const SHARE_WHOLES = ['wages', 'workforce', 'revenue', 'other'] as const;
export type ShareWhole = (typeof SHARE_WHOLES)[number];

export interface ExtractedFigure {
  kind: FigureKind;
  /** Lower bound (null for "as many as", or for a vague share); for dates, the year. */
  low: number | null;
  /** Upper bound (null for "more than"); for dates, the year. */
  high: number | null;
  unit: ExtractedUnit;
  /** The figure expression: `text.slice(start, end)`. */
  start: number;
  end: number;
  /** The sentence the figure stands in, an exact substring of the text at [quote_start, quote_end). */
  quote: string;
  /** ISO alpha-2 of the country the sentence says the figure is about, or null. */
  country: string | null;
  qualifier: FigureQualifier;
  /** For `part_of`: the whole ("49 of the 119" → 119). */
  of: number | null;
  /** For money: per year, month or day, when stated. */
  per: 'year' | 'month' | 'day' | 'week' | null;
  quote_start: number;
  quote_end: number;
  /** For shares: what the share is a share of (a worker's pay, a workforce, revenue), or `other`. */
  share_of?: ShareWhole | null;
  /** For dates: ISO 8601, possibly partial (YYYY, YYYY-MM, YYYY-MM-DD; --MM-DD when the year is not stated). */
  date?: string | null;
  /** For a figure that is not a date: the year its sentence says it is of ("in 2023"), proposed for review (extract/periods.ts); null when none. */
  period_start?: string | null;
  period_end?: string | null;
}

export interface ExtractionResult {
  mentions: Mention[];
  figures: ExtractedFigure[];
}

/** A graph entity a name resolves to. */
export interface ResolvedEntity {
  entityId: string;
  caption: string;
  schema: string;
  /** 0..1 */
  score: number;
  /** The candidate is, letter for letter (ignoring case, spaces and punctuation), one of the entity's names. */
  exact?: boolean;
}

/**
 * Resolves candidate names found in a text to graph entities. The screening
 * matcher sits behind this (src/match); extraction never matches names itself.
 * `resolveMany` gets every distinct candidate string of a document at once and
 * answers in the same order, null where nothing in the graph matches well.
 */
export interface EntityResolver {
  resolveMany(names: readonly string[], wanted?: ResolveWanted): Promise<(ResolvedEntity | null)[]>;
}

/**
 * What the caller will keep of an answer: with a `threshold`, only answers that are exact or score at least that
 * much make a mention, so a resolver may answer null (or another entity scoring under it) for the rest without
 * changing what is found, and skip scoring the names that cannot reach it.
 */
export interface ResolveWanted {
  threshold?: number;
}

/** A resolver that knows no entities: persons and organisations are then not reported. */
export const NO_ENTITIES: EntityResolver = {
  async resolveMany(names) {
    return names.map(() => null);
  },
};
