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
  'entries',           // North Korean nationals entering a host country in the period, for any purpose (border statistics): not a worker count
  'repatriated',       // North Korean workers sent home from a host country in the period (implementation reports, host governments)
  'monthly_remittance', // amount a worker must hand to the state each month (a "loyalty fund" quota), per worker
  'share',             // any other share a source states (of revenue, of a venture's takings), its whole said in `note` (0..1)
] as const;
export type FigureMetric = (typeof FIGURE_METRICS)[number];

/**
 * What a count counts, so that figures of different kinds are not read as one
 * another: workers present at a date, work permits or work visas on record,
 * entries at the border, workers sent home, or an estimate of a stock.
 */
export const FIGURE_COUNTS = [
  'workers_present',   // workers in the country at the time (a stock), as counted or estimated by the source
  'work_permits',      // valid work permits or work visas on record (a stock of permits)
  'permits_issued',    // work permits or visas issued in the period (a flow)
  'entries',           // entries at the border in the period, any purpose (a flow)
  'entries_study',     // entries declared for study (a flow)
  'dispatched',        // workers sent out in the period (a flow)
  'repatriated',       // workers sent home in the period (a flow)
  'estimate',          // an analyst's or government's estimate of the stock, method not given
] as const;
export type FigureCount = (typeof FIGURE_COUNTS)[number];

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
  /**
   * The exact words of the source, only when its text is bundled (the seed
   * documents, an ingested document); null for a figure carried over from a
   * publication that is cited, not copied (then `statement` and `locator` say it).
   */
  quote: string | null;
  quoteStart: number | null;
  quoteEnd: number | null;
  /** Where in the source the figure stands (page, paragraph, table), for a cited source. */
  locator?: string | null;
  /** The figure in room39's own words, for a cited source. */
  statement?: string | null;
  /** What a count counts (workers present, permits, entries, repatriated …), when the metric is a count. */
  counts?: FigureCount | null;
  /**
   * `part` when the figure covers only part of what its country (or the world) would
   * need: one city or region, one sector, one site. Such a count is a floor, not the
   * country's workers, and such a rate is not the country's; the model leaves it out.
   */
  coverage?: 'whole' | 'part' | null;
  reliability: Reliability;
  recordedBy: string;
  reviewStatus: ReviewStatus;
  note: string | null;
}
