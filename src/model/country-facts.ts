import type { Reliability } from './reliability.ts';

/** TIP tiers of the US State Department's Trafficking in Persons report. */
export type TipTier = '1' | '2' | '2WL' | '3';

export interface TipRating {
  id: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** Year of the report that gives the rating. */
  reportYear: number;
  tier: TipTier;
  sourceId: string;
  /** Exact words of a bundled source; null when the source is cited, not bundled (see `locator`). */
  quote: string | null;
  quoteStart: number | null;
  quoteEnd: number | null;
  /** Where in a cited source the fact stands. */
  locator?: string | null;
  reliability: Reliability;
}

/**
 * A documented use of North Korean labour in a host country: who sent the
 * workers, who employed them, in which sector, when. This is what makes a
 * company an employer or host of North Korean workers (the CAATSA §321(b)
 * risk) and a country a host on the map.
 */
export interface LabourDeployment {
  id: string;
  /** ISO 3166-1 alpha-2 of the host country. */
  country: string;
  /** Sending organisation (graph entity id), if the source names one. */
  senderId: string | null;
  /** Host employer (graph entity id), if the source names one. */
  employerId: string | null;
  sector: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  sourceId: string;
  /** Exact words of a bundled source; null when the source is cited, not bundled (see `locator`). */
  quote: string | null;
  quoteStart: number | null;
  quoteEnd: number | null;
  /** Where in a cited source the fact stands. */
  locator?: string | null;
  reliability: Reliability;
}
