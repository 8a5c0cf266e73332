/**
 * The Monte Carlo loop (written by hand: it is the model itself). For each
 * draw: revenue = Σ over rows of workers × monthly wage × state share × months,
 * with the unattributed remainder's workers = max(0, world total − Σ named
 * countries' workers). Row by row over typed arrays, so memory stays a few
 * arrays of `draws` numbers whatever the number of countries.
 */
import type { Mixture } from './distributions.ts';
import { streamFor } from './random.ts';

export interface PlannedInput {
  key: string;
  mixture: Mixture;
}

export interface PlannedRow {
  id: string;
  country: string | null;
  sector: string | null;
  /** Left out of revenue and workers (its workers still count against the world total). */
  excluded: boolean;
  workers: PlannedInput | null;
  wage: PlannedInput;
  share: PlannedInput;
  months: PlannedInput;
}

export interface Plan {
  rows: PlannedRow[];
  remainder: PlannedRow | null;
  total: PlannedInput | null;
}

export interface SimResult {
  revenue: Float64Array;
  workers: Float64Array;
  /** Per-row draws (row id → revenue, workers), for the rows not excluded, when asked for. */
  rows: Map<string, { revenue: Float32Array; workers: Float32Array }>;
  /** Draws in which the named countries' workers exceeded the world total drawn. */
  namedAboveTotal: number;
}

function draw(input: PlannedInput, seed: string, out: Float64Array): void {
  input.mixture.fill(out, streamFor(seed, input.key));
}

export function simulate(plan: Plan, draws: number, seed: string, keepRows: boolean): SimResult {
  const revenue = new Float64Array(draws);
  const workers = new Float64Array(draws);
  const named = new Float64Array(draws);
  const w = new Float64Array(draws);
  const m = new Float64Array(draws);
  const s = new Float64Array(draws);
  const t = new Float64Array(draws);
  const rows = new Map<string, { revenue: Float32Array; workers: Float32Array }>();

  const addRow = (row: PlannedRow) => {
    draw(row.wage, seed, m);
    draw(row.share, seed, s);
    draw(row.months, seed, t);
    const keep = keepRows ? { revenue: new Float32Array(draws), workers: new Float32Array(draws) } : null;
    for (let i = 0; i < draws; i++) {
      const wi = w[i] as number;
      const r = wi * (m[i] as number) * (s[i] as number) * (t[i] as number);
      revenue[i] = (revenue[i] as number) + r;
      workers[i] = (workers[i] as number) + wi;
      if (keep) {
        keep.revenue[i] = r;
        keep.workers[i] = wi;
      }
    }
    if (keep) rows.set(row.id, keep);
  };

  for (const row of plan.rows) {
    if (!row.workers) continue;
    draw(row.workers, seed, w);
    for (let i = 0; i < draws; i++) named[i] = (named[i] as number) + (w[i] as number);
    if (!row.excluded) addRow(row);
  }

  let namedAboveTotal = 0;
  if (plan.remainder && plan.total) {
    draw(plan.total, seed, w);
    for (let i = 0; i < draws; i++) {
      const r = (w[i] as number) - (named[i] as number);
      if (r < 0) namedAboveTotal++;
      w[i] = r > 0 ? r : 0;
    }
    if (!plan.remainder.excluded) addRow(plan.remainder);
  }
  return { revenue, workers, rows, namedAboveTotal };
}
