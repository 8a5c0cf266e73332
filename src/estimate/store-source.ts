/** The model's figures from the store: accepted `figures`, `deployments` and `sources` rows. */
import type { Queryable } from '../store/db.ts';
import type { Figure, LabourDeployment } from '../model/index.ts';
import type { FigureSource, SourceRef } from './data.ts';

interface FigureRow {
  id: string; metric: Figure['metric']; country: string | null; countries: string[] | null; entity_id: string | null; sector: string | null; recipient: string | null;
  period_start: string | null; period_end: string | null; low: number | null; high: number | null; of_total: number | null;
  unit: Figure['unit']; per: Figure['per']; qualifier: Figure['qualifier']; source_id: string; quote: string | null;
  quote_start: number | null; quote_end: number | null; reliability: Figure['reliability']; recorded_by: string; review_status: Figure['reviewStatus']; note: string | null;
  locator: string | null; statement: string | null; counts: Figure['counts']; coverage: Figure['coverage'];
}

interface DeploymentRow {
  id: string; country: string; sender_id: string | null; employer_id: string | null; sector: string | null; period_start: string | null; period_end: string | null;
  source_id: string; quote: string | null; quote_start: number | null; quote_end: number | null; reliability: LabourDeployment['reliability'];
  locator: string | null;
}

const num = (v: number | string | null) => (v == null ? null : Number(v));

export function storeFigureSource(db: Queryable): FigureSource {
  return {
    async listFigures() {
      const rows = await db.query<FigureRow>(`SELECT * FROM figures WHERE review_status = 'accepted' ORDER BY id`);
      return rows.map((r) => ({
        id: r.id, metric: r.metric, country: r.country, countries: r.countries ?? null, entityId: r.entity_id, sector: r.sector, recipient: r.recipient,
        periodStart: r.period_start, periodEnd: r.period_end, low: num(r.low), high: num(r.high), of: num(r.of_total),
        unit: r.unit, per: r.per, qualifier: r.qualifier, sourceId: r.source_id, quote: r.quote,
        quoteStart: r.quote_start, quoteEnd: r.quote_end, locator: r.locator, statement: r.statement, counts: r.counts ?? null, coverage: r.coverage ?? null,
        reliability: r.reliability, recordedBy: r.recorded_by, reviewStatus: r.review_status, note: r.note,
      }));
    },
    async listSources() {
      return db.query<SourceRef>(`SELECT id, title, url, publisher, published FROM sources ORDER BY id`);
    },
    async listDeployments() {
      const rows = await db.query<DeploymentRow>(`SELECT * FROM deployments ORDER BY id`);
      return rows.map((r) => ({
        id: r.id, country: r.country, senderId: r.sender_id, employerId: r.employer_id, sector: r.sector,
        periodStart: r.period_start, periodEnd: r.period_end, sourceId: r.source_id, quote: r.quote,
        quoteStart: r.quote_start, quoteEnd: r.quote_end, locator: r.locator, reliability: r.reliability,
      }));
    },
  };
}
