/**
 * Accepted figures as the atlas answers them: the stored row with its source
 * (one SELECT), the cited shape every answer carries, the grade order that
 * ranks them, and the figures about one entity.
 */
import type { Queryable } from '../db.ts';
import { sourceRef, type SourceColumns, type SourceRef } from './shared.ts';
import { figureCorrections, type Correction, type FigureValue } from '../corrections.ts';

/** The fields of a figure every answer about it carries: what it says (less its whole, `of` or `of_total` by answer), and more. */
interface FigureFields extends Omit<FigureValue, 'of_total'> {
  /** Exact words of a bundled source; null for a cited source (then `locator` and `statement`). */
  quote: string | null;
  locator: string | null;
  statement: string | null;
  /** What a count counts (workers present, permits, entries, repatriated …), and `part` when it covers one region, sector or site. */
  counts: string | null;
  coverage: string | null;
  reliability: string;
  note: string | null;
}

export interface CitedFigureRow extends FigureFields {
  of: number | null;
  source: SourceRef;
  /** Present when a reviewer changed what the document gave: the quote then says `from`, not this figure. */
  correction?: Correction;
}

/** A figure as FIGURE_SELECT reads it: its fields, and its source joined in. */
export interface FigureRow extends FigureFields, SourceColumns {
  of_total: number | null;
}

export const FIGURE_SELECT = `SELECT f.id, f.metric, f.country, f.entity_id, f.sector, f.recipient, f.period_start, f.period_end,
    f.low, f.high, f.of_total, f.unit, f.per, f.qualifier, f.quote, f.locator, f.statement, f.counts, f.coverage, f.reliability, f.note,
    f.source_id, s.title, s.published, s.url
  FROM figures f JOIN sources s ON s.id = f.source_id`;

export function citeFigure(r: FigureRow): CitedFigureRow {
  return {
    id: r.id, metric: r.metric, country: r.country, entity_id: r.entity_id, sector: r.sector, recipient: r.recipient,
    period_start: r.period_start, period_end: r.period_end, low: r.low, high: r.high, of: r.of_total, unit: r.unit, per: r.per,
    qualifier: r.qualifier, quote: r.quote, locator: r.locator, statement: r.statement, counts: r.counts, coverage: r.coverage, reliability: r.reliability, note: r.note,
    source: sourceRef(r),
  };
}

/** The figures cited, each a reviewer corrected with its `correction` (one query for all). */
export async function citeFigures(q: Queryable, rows: readonly FigureRow[]): Promise<CitedFigureRow[]> {
  const corrections = await figureCorrections(q, rows);
  return rows.map((r) => {
    const correction = corrections.get(r.id);
    return correction ? { ...citeFigure(r), correction } : citeFigure(r);
  });
}

/** Admiralty grades best first: A1 < A2 < … < F6. */
export const gradeOrder = (r: string) => (r.charCodeAt(0) - 65) * 10 + Number(r[1]);

export function midpoint(low: number | null, high: number | null): number {
  if (low != null && high != null) return (low + high) / 2;
  return low ?? high ?? 0;
}

/** Accepted figures about one entity (a company's workers, a worksite's wages), each with its source. */
export async function entityFigures(q: Queryable, entityId: string): Promise<CitedFigureRow[]> {
  return citeFigures(q, await q.query<FigureRow>(
    `${FIGURE_SELECT} WHERE f.review_status = 'accepted' AND f.entity_id = $1 ORDER BY f.metric, f.period_start NULLS LAST, f.reliability`,
    [entityId],
  ));
}
