import type { Reliability } from './reliability.ts';
import type { ReviewStatus } from './statement.ts';

/**
 * A figure is not a fact about the world but a claim by a source: "50,000 to
 * 60,000 workers", "95 percent of their salary". Two sources that disagree are
 * both kept; nothing is averaged away in the store.
 */
export const FIGURE_METRICS = [
  'workers',           // number of North Korean workers (abroad, in a country, at a site, of a company)
  'state_share',       // share of a worker's wage taken by the state and its organs (0..1)
  'wage_split',        // one slice of a documented wage split (0..1), with `recipient`
  'monthly_wage',      // gross monthly wage paid for one worker
  'annual_revenue',    // revenue to the regime per year
  'revenue',           // revenue over a stated period that is not a year
  'months_worked',     // months worked per year
  'worker_share',      // share of all overseas workers that a country (`country`) or a group of countries (`countries`) hosts (0..1)
  'share',             // any other share a source states (of revenue, of a venture's takings), its whole said in `note` (0..1)
] as const;
export type FigureMetric = (typeof FIGURE_METRICS)[number];

/** How the source states the number. */
export type FigureQualifier =
  | 'exact'              // "3,000 workers"
  | 'range'              // "between 50,000 and 60,000"
  | 'at_least'           // "more than 50,000" (high is null)
  | 'at_most'            // "as many as 65,000" (low is null or 0)
  | 'approximate'        // "about 20,000", "roughly"
  | 'order_of_magnitude' // "tens of thousands"
  | 'part_of';           // "49 of the 119 foreign workers" (low = high = 49, `of` = 119)

export type FigureUnit = 'persons' | 'fraction' | 'USD' | 'EUR' | 'KPW' | 'KRW' | 'CNY' | 'RUB' | 'months';

export interface Figure {
  id: string;
  metric: FigureMetric;
  /** ISO 3166-1 alpha-2 of the country the figure is about (host country), or null for a global figure. */
  country: string | null;
  /**
   * For a figure about a group of countries taken together ("Most workers are
   * sent to Russia or China": a `worker_share` of RU and CN): their ISO alpha-2
   * codes, with `country` null. Null or absent for a single-country or global figure.
   */
  countries?: string[] | null;
  /** Graph entity the figure is about (a company, a worksite), if any. */
  entityId: string | null;
  sector: string | null;
  /** Who receives this slice, for `wage_split` ("State Forestry Administration", "worker"). */
  recipient: string | null;
  /** Period the figure describes: ISO dates or years, inclusive. */
  periodStart: string | null;
  periodEnd: string | null;
  low: number | null;
  high: number | null;
  /** For `part_of`: the whole the part is of. */
  of: number | null;
  unit: FigureUnit;
  /** For money: per 'year', 'month', 'day' or null when a one-off amount. */
  per: 'year' | 'month' | 'day' | null;
  qualifier: FigureQualifier;
  sourceId: string;
  quote: string;
  quoteStart: number | null;
  quoteEnd: number | null;
  reliability: Reliability;
  recordedBy: string;
  reviewStatus: ReviewStatus;
  note: string | null;
}
