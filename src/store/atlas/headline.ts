/** The home page's headline: worker, revenue and state-share figures for all host countries and sectors together, and the graph's counts. */
import type { Queryable } from '../db.ts';
import { FIGURE_SELECT, citeFigures, gradeOrder, type CitedFigureRow, type FigureRow } from './figures.ts';
import { SENDING_COUNTRY, TIMELINE_DATASETS } from './shared.ts';

export interface Headline {
  /** Worker figures for all host countries together, newest first. */
  workers: CitedFigureRow[];
  /** Revenue estimates for the regime, newest first. */
  revenue: CitedFigureRow[];
  /** Shares of wages taken by the state. */
  state_share: CitedFigureRow[];
  counts: { entities: number; sanctions: number; host_countries: number; sources: number; figures: number };
}

const newestFirst = (a: CitedFigureRow, b: CitedFigureRow) =>
  (b.period_end ?? b.period_start ?? '').localeCompare(a.period_end ?? a.period_start ?? '') || gradeOrder(a.reliability) - gradeOrder(b.reliability);

/** The headline figures of the home page, each with its source. */
export async function headline(q: Queryable): Promise<Headline> {
  const rows = await citeFigures(q, await q.query<FigureRow>(
    // Whole-programme figures only: one sector's (IT workers') or one site's figure is not the regime's total.
    `${FIGURE_SELECT} WHERE f.review_status = 'accepted' AND f.country IS NULL AND f.sector IS NULL AND f.coverage IS DISTINCT FROM 'part'
        AND f.metric IN ('workers', 'annual_revenue', 'state_share')`,
  ));
  const [c] = await q.query<Headline['counts']>(
    `SELECT (SELECT count(*)::int FROM entities) AS entities,
            (SELECT count(*)::int FROM entities WHERE schema = 'Sanction' AND datasets && $2::text[]) AS sanctions,
            (SELECT count(DISTINCT upper(country))::int FROM deployments WHERE upper(country) <> $1) AS host_countries,
            (SELECT count(*)::int FROM sources) AS sources,
            (SELECT count(*)::int FROM figures WHERE review_status = 'accepted') AS figures`,
    [SENDING_COUNTRY, TIMELINE_DATASETS],
  );
  return {
    workers: rows.filter((r) => r.metric === 'workers').sort(newestFirst),
    revenue: rows.filter((r) => r.metric === 'annual_revenue' && r.unit === 'USD').sort(newestFirst),
    state_share: rows.filter((r) => r.metric === 'state_share').sort(newestFirst),
    counts: c ?? { entities: 0, sanctions: 0, host_countries: 0, sources: 0, figures: 0 },
  };
}
