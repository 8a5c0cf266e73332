/**
 * The map: the countries that host North Korean workers (from labour
 * deployments and accepted worker figures), or send them, each with the
 * best-graded worker figure for a year and its latest TIP rating.
 */
import type { Queryable } from '../db.ts';
import { countryName, countryNumeric, isCountryCode } from '../../model/countries.ts';
import { FIGURE_SELECT, gradeOrder, midpoint, type FigureRow } from './figures.ts';
import { SENDING_COUNTRY, sourceRef, yearsOf, type SourceRef } from './shared.ts';
import { figureCorrections, type Correction } from '../corrections.ts';

export interface CountrySummary {
  /** ISO 3166-1 alpha-2. */
  cc: string;
  /** ISO 3166-1 numeric, as world-atlas identifies countries. */
  numeric: string | null;
  name: string;
  role: 'host' | 'sending';
  deployments: number;
  sectors: string[];
  /**
   * The worker figure that shades the country for the year: of the figures whose period covers it, a count of
   * workers before a count of workers sent home (`metric` repatriated: those sent home in a window that covers
   * the year were there), a whole-country figure before a partial one, then the best graded. With none dated for
   * the year, the best undated one (`dated` false). Null when there is none.
   */
  workers: {
    low: number | null; high: number | null; mid: number; qualifier: string; figure_id: string; dated: boolean; reliability: string; source: SourceRef;
    quote: string | null; locator: string | null; statement: string | null;
    metric: 'workers' | 'repatriated'; counts: string | null; coverage: string | null; period_start: string | null; period_end: string | null;
    /** Present when a reviewer changed what the document gave: the quote then says `from`. */
    correction?: Correction;
  } | null;
  /** How many worker figures the graph holds for the country, in any year. */
  worker_figures: number;
  tip: { year: number; tier: string } | null;
}

export interface CountriesAnswer {
  year: number | null;
  /** The year with worker figures for the most host countries (the latest of equals): the map's default. */
  default_year: number | null;
  /** Years some country's worker figure covers, ascending. */
  years: number[];
  countries: CountrySummary[];
}

interface DeploymentCount {
  country: string;
  n: number;
  sectors: string[];
}

interface TipYear {
  country: string;
  report_year: number;
  tier: string;
}

/** What the map is built from: deployments per country, accepted worker figures with a country, TIP ratings, every dated worker period. */
async function mapRows(q: Queryable) {
  const deployments = await q.query<DeploymentCount>(
    `SELECT upper(country) AS country, count(*)::int AS n, array_remove(array_agg(DISTINCT sector), NULL) AS sectors
       FROM deployments GROUP BY upper(country)`,
  );
  const workerRows = await q.query<FigureRow>(
    `${FIGURE_SELECT} WHERE f.review_status = 'accepted' AND f.metric IN ('workers', 'repatriated') AND f.unit = 'persons' AND f.country IS NOT NULL`,
  );
  const tips = await q.query<TipYear>('SELECT upper(country) AS country, report_year, tier FROM tip_ratings ORDER BY report_year');
  const periods = await q.query<{ period_start: string | null; period_end: string | null }>(
    `SELECT period_start, period_end FROM figures WHERE review_status = 'accepted' AND metric = 'workers'
     UNION ALL SELECT period_start, period_end FROM deployments`,
  );
  return { deployments, workerRows, tips, periods };
}

/** The years worker figures and deployments cover, and the one with figures for the most host countries (the latest of equals). */
function mapYears(workerRows: readonly FigureRow[], periods: readonly { period_start: string | null; period_end: string | null }[]) {
  const years = new Set<number>();
  for (const f of periods) {
    const ys = yearsOf(f.period_start, f.period_end);
    if (ys) for (let y = ys[0]; y <= ys[1]; y++) years.add(y);
  }
  const hostsByYear = new Map<number, Set<string>>();
  for (const f of workerRows) {
    if (f.country?.toUpperCase() === SENDING_COUNTRY) continue;
    const ys = yearsOf(f.period_start, f.period_end);
    if (!ys) continue;
    for (let y = ys[0]; y <= ys[1]; y++) {
      years.add(y);
      hostsByYear.set(y, (hostsByYear.get(y) ?? new Set()).add((f.country as string).toUpperCase()));
    }
  }
  let defaultYear: number | null = null;
  for (const y of [...years].sort((a, b) => a - b)) {
    const n = hostsByYear.get(y)?.size ?? 0;
    const best = defaultYear == null ? -1 : (hostsByYear.get(defaultYear)?.size ?? 0);
    if (n >= best) defaultYear = y;
  }
  return { years: [...years].sort((a, b) => a - b), defaultYear };
}

/** The best-graded worker figure covering the year (the larger of equals); with none dated for the year, the best undated one. */
function bestWorkerFigure(figs: readonly FigureRow[], year: number | null): CountrySummary['workers'] {
  const dated = year == null ? [] : figs.filter((f) => {
    const ys = yearsOf(f.period_start, f.period_end);
    return ys != null && ys[0] <= year && year <= ys[1];
  });
  // No figure dated for the year: an undated one stands in, marked as such.
  const covering = dated.length ? dated : figs.filter((f) => yearsOf(f.period_start, f.period_end) == null);
  const rank = (f: FigureRow) => (f.metric === 'workers' ? 0 : 2) + (f.coverage === 'part' ? 1 : 0);
  covering.sort((a, b) => rank(a) - rank(b) || gradeOrder(a.reliability) - gradeOrder(b.reliability) || midpoint(b.low, b.high) - midpoint(a.low, a.high));
  const best = covering[0];
  if (!best) return null;
  return {
    low: best.low, high: best.high, mid: midpoint(best.low, best.high), qualifier: best.qualifier, figure_id: best.id, dated: dated.length > 0,
    reliability: best.reliability, quote: best.quote, locator: best.locator, statement: best.statement, source: sourceRef(best),
    metric: best.metric === 'repatriated' ? 'repatriated' : 'workers', counts: best.counts, coverage: best.coverage,
    period_start: best.period_start, period_end: best.period_end,
  };
}

function corrected(best: CountrySummary['workers'], corrections: Map<string, Correction>): CountrySummary['workers'] {
  const correction = best && corrections.get(best.figure_id);
  return best && correction ? { ...best, correction } : best;
}

/**
 * Countries that host North Korean workers (or send them), each with the
 * worker figure for the year; with no year, for the default year (the one
 * with figures for the most host countries).
 */
export async function hostCountries(q: Queryable, requestedYear: number | null): Promise<CountriesAnswer> {
  const { deployments, workerRows, tips, periods } = await mapRows(q);
  const { years, defaultYear } = mapYears(workerRows, periods);
  const year = requestedYear ?? defaultYear;
  const corrections = await figureCorrections(q, workerRows);
  const codes = new Set<string>([...deployments.map((d) => d.country), ...workerRows.map((f) => (f.country as string).toUpperCase())]);
  const out: CountrySummary[] = [];
  for (const cc of [...codes].sort()) {
    if (!isCountryCode(cc)) continue;
    const dep = deployments.find((d) => d.country === cc);
    const figs = workerRows.filter((f) => f.country?.toUpperCase() === cc);
    const tip = tips.filter((t) => t.country === cc && (year == null || t.report_year <= year)).at(-1);
    out.push({
      cc,
      numeric: countryNumeric(cc),
      name: countryName(cc),
      role: cc === SENDING_COUNTRY ? 'sending' : 'host',
      deployments: dep?.n ?? 0,
      sectors: (dep?.sectors ?? []).sort(),
      workers: corrected(bestWorkerFigure(figs, year), corrections),
      worker_figures: figs.length,
      tip: tip ? { year: tip.report_year, tier: tip.tier } : null,
    });
  }
  return { year, default_year: defaultYear, years, countries: out };
}
