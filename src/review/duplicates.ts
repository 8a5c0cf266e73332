/**
 * What the graph already holds, for a reviewer: a figure is a duplicate when
 * an accepted figure states the same metric, country, low, high and unit (from
 * any source); a host-country claim when the graph already has that country
 * as a host (an accepted figure about it, or another document's accepted
 * country claim). Marked, not hidden: the reviewer decides.
 */
import type { Queryable } from '../store/db.ts';
import { figureValue } from '../store/corrections.ts';
import { countryName, type FigureMetric } from '../model/index.ts';

export interface Duplicate {
  /** What the graph holds that this claim repeats. */
  what: 'figure' | 'host_country';
  /** `document`: a submitted document, with its page in the library; false for the bundled dataset's sources and the lists. */
  source: { id: string; title: string; url: string | null; document: boolean };
  detail: string;
}

/** Whether the source is a submitted document (the library has a page for it), for `s` the source's row. */
const IS_DOCUMENT = `EXISTS (SELECT 1 FROM documents d WHERE d.source_id = s.id) AS document`;

/** A figure's kind as a reader says it, not its key in the store ("a worker count", not "workers"). */
const METRIC_WORDS: Record<FigureMetric, string> = {
  workers: 'a worker count',
  state_share: "the state's share of wages",
  wage_split: 'a slice of a wage split',
  monthly_wage: 'a monthly wage',
  annual_revenue: 'a revenue a year',
  revenue: 'a revenue',
  months_worked: 'months worked a year',
  worker_share: 'a share of all workers abroad',
  entries: 'a count of entries at the border',
  repatriated: 'a count of workers sent home',
  monthly_remittance: 'a monthly remittance per worker',
  share: 'a share',
};

const metricWords = (metric: string): string => METRIC_WORDS[metric as FigureMetric] ?? metric.replace(/_/g, ' ');

export async function duplicateOf(q: Queryable, item: { id: string; kind: string; type: string; source_id: string; figure_id: string | null; statement_ids: string[] }): Promise<Duplicate | null> {
  if (item.figure_id) {
    const [f] = await q.query<{ source_id: string; title: string; url: string | null; document: boolean; metric: string; country: string | null; low: number | null; high: number | null; unit: string }>(
      `SELECT f.source_id, s.title, s.url, ${IS_DOCUMENT}, f.metric, f.country, f.low, f.high, f.unit
         FROM figures mine
         JOIN figures f ON f.id <> mine.id AND f.review_status = 'accepted' AND f.metric = mine.metric AND f.unit = mine.unit
                       AND f.country IS NOT DISTINCT FROM mine.country AND f.low IS NOT DISTINCT FROM mine.low AND f.high IS NOT DISTINCT FROM mine.high
         JOIN sources s ON s.id = f.source_id
        WHERE mine.id = $1
        ORDER BY f.source_id = mine.source_id DESC, s.title, document DESC, f.source_id LIMIT 1`,
      [item.figure_id],
    );
    if (!f) return null;
    return { what: 'figure', source: { id: f.source_id, title: f.title, url: f.url, document: f.document }, detail: `the graph already holds ${metricWords(f.metric)}: ${figureValue(f.low, f.high, f.unit)}${f.country ? ` in ${countryName(f.country)}` : ''}` };
  }
  if (item.type !== 'country' || item.statement_ids.length === 0) return null;
  const [c] = await q.query<{ source_id: string; title: string; url: string | null; document: boolean; code: string }>(
    `WITH mine AS (SELECT upper(value) AS code FROM statements WHERE id = ANY($1::text[]) AND prop = 'country' LIMIT 1)
     SELECT x.source_id, s.title, s.url, ${IS_DOCUMENT}, mine.code FROM mine JOIN LATERAL (
         SELECT f.source_id FROM figures f WHERE f.review_status = 'accepted' AND f.country = mine.code
         UNION ALL
         SELECT st.source_id FROM statements st
          WHERE st.prop = 'country' AND st.schema = 'Document' AND st.review_status = 'accepted' AND upper(st.value) = mine.code AND st.source_id <> $2
         LIMIT 1) x ON true
     JOIN sources s ON s.id = x.source_id`,
    [item.statement_ids, item.source_id],
  );
  return c ? { what: 'host_country', source: { id: c.source_id, title: c.title, url: c.url, document: c.document }, detail: `the graph already has ${countryName(c.code)} as a host country` } : null;
}
