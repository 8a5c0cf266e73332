import type { Reliability } from './reliability.ts';

/**
 * Review status of a statement. Curated and list statements are `accepted`;
 * what extraction finds in a document starts as `draft` and only an analyst's
 * review makes it `accepted` (or `rejected`).
 */
export type ReviewStatus = 'draft' | 'accepted' | 'rejected';

/**
 * The unit of truth in room39 (the OpenSanctions statement model, plus the
 * exact quote and the Admiralty grade). Entities are views assembled from
 * statements, never the other way round.
 */
export interface Statement {
  id: string;
  entityId: string;
  schema: string;
  prop: string;
  value: string;
  /** The value as the source wrote it, when normalisation changed it. */
  originalValue: string | null;
  dataset: string;
  sourceId: string;
  /** The exact words of the source this value rests on (a substring of the source text), or null for structured list data. */
  quote: string | null;
  /** Character range of the quote in the source text: [quoteStart, quoteEnd). */
  quoteStart: number | null;
  quoteEnd: number | null;
  page: number | null;
  /** Where in a cited (not bundled) source the value stands: page, paragraph, table. Null for list data and quoted statements. */
  locator?: string | null;
  reliability: Reliability;
  firstSeen: string;
  lastSeen: string;
  recordedBy: string;
  reviewStatus: ReviewStatus;
}
