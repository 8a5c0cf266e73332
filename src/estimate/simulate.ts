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

export function simulate(plan: Plan, draws: number, seed: string, keepRows: boolean): SimResult {
  // An input shared by several rows (a pooled one) is drawn once and reused: one draw for all of them.
  const uses = new Map<string, number>();
  for (const r of [...plan.rows, ...(plan.remainder ? [plan.remainder] : [])]) {
    for (const i of [r.wage, r.share, r.months]) uses.set(i.key, (uses.get(i.key) ?? 0) + 1);
  }
  const shared = new Map<string, Float64Array>();
  const draw = (input: PlannedInput, _seed: string, out: Float64Array): Float64Array => {
    if ((uses.get(input.key) ?? 0) > 1) {
      let a = shared.get(input.key);
      if (!a) {
        a = new Float64Array(draws);
        input.mixture.fill(a, streamFor(seed, input.key));
        shared.set(input.key, a);
      }
      return a;
    }
    input.mixture.fill(out, streamFor(seed, input.key));
    return out;
  };

  const revenue = new Float64Array(draws);
  const workers = new Float64Array(draws);
  const named = new Float64Array(draws);
  const w = new Float64Array(draws);
  const mBuf = new Float64Array(draws);
  const sBuf = new Float64Array(draws);
  const tBuf = new Float64Array(draws);
  const rows = new Map<string, { revenue: Float32Array; workers: Float32Array }>();

  const addRow = (row: PlannedRow) => {
    const m = draw(row.wage, seed, mBuf);
    const s = draw(row.share, seed, sBuf);
    const t = draw(row.months, seed, tBuf);
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
