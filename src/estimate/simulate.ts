/**
 * The Monte Carlo loop (written by hand: it is the model itself). For each draw:
 *
 * 1. workers per host country: its own count; or its own share × the world
 *    total; or, for a country known only as part of a group ("Russia or
 *    China"), the group's share × the world total less the members that have
 *    their own workers, split evenly among the rest; the unattributed remainder
 *    is the world total less every named country (never below zero);
 * 2. revenue = Σ over rows of workers × monthly wage × state share × months.
 *
 * Row by row over typed arrays, so memory stays a few arrays of `draws`
 * numbers per row. `revenueAt` is the same allocation for one set of values
 * (the tornado); a test holds the two together.
 */
import type { Mixture } from './distributions.ts';
import type { WorkerBasis } from './model.ts';
import { streamFor } from './random.ts';

export interface PlannedInput {
  key: string;
  mixture: Mixture;
}

export interface PlannedRow {
  id: string;
  country: string | null;
  sector: string | null;
  basis: WorkerBasis;
  /** Left out of revenue and workers (its workers still count against the world total and its group). */
  excluded: boolean;
  /** Part of the row kept (1; for the remainder, 1 − the left-out hosts' equal parts). */
  keep: number;
  /** The count (`count`) or own share of the world total (`share`); null for `group` and `remainder`. */
  workers: PlannedInput | null;
  /** For `group`: the group key. */
  group: string | null;
  wage: PlannedInput;
  share: PlannedInput;
  months: PlannedInput;
}

export interface PlannedGroup {
  key: string;
  /** Row ids of the group's countries. */
  members: string[];
  share: PlannedInput;
}

export interface Plan {
  rows: PlannedRow[];
  /** In the order they are applied (fewest countries first). */
  groups: PlannedGroup[];
  remainder: PlannedRow | null;
  total: PlannedInput | null;
}

export interface SimResult {
  revenue: Float64Array;
  workers: Float64Array;
  /** Per-row draws (row id → revenue, workers), for the rows not excluded (or every row, with keepExcluded), when asked for. */
  rows: Map<string, { revenue: Float32Array; workers: Float32Array }>;
  /** Draws in which the named countries' workers exceeded the world total drawn. */
  namedAboveTotal: number;
  /** Per group: draws in which the members with their own workers already exceeded the group's share. */
  groupOverfull: Map<string, number>;
}

type Draw = (input: PlannedInput, out: Float64Array) => Float64Array;

/** Draws of an input: one shared by several rows (a pooled one) is drawn once and reused, one draw for all of them. */
function drawer(plan: Plan, draws: number, seed: string): Draw {
  const uses = new Map<string, number>();
  for (const r of [...plan.rows, ...(plan.remainder ? [plan.remainder] : [])]) {
    for (const i of [r.wage, r.share, r.months]) uses.set(i.key, (uses.get(i.key) ?? 0) + 1);
  }
  const shared = new Map<string, Float64Array>();
  return (input, out) => {
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
}

/** 1a. Workers of the rows with their own: a count, or a share × the world total. */
function ownWorkers(plan: Plan, total: Float64Array | null, draws: number, seed: string): Map<string, Float64Array> {
  const W = new Map<string, Float64Array>();
  for (const row of plan.rows) {
    if (!row.workers) continue;
    const w = new Float64Array(draws);
    row.workers.mixture.fill(w, streamFor(seed, row.workers.key));
    if (row.basis === 'share') {
      if (!total) throw new Error(`row ${row.id} is a share of the world total, but the plan has none`);
      for (let i = 0; i < draws; i++) w[i] = (w[i] as number) * (total[i] as number);
    }
    W.set(row.id, w);
  }
  return W;
}

/** 1b. Each group's share × the world total, less its members with workers of their own, split evenly among the rest (added to W); per group, the draws where nothing was left. */
function groupWorkers(plan: Plan, W: Map<string, Float64Array>, total: Float64Array | null, draws: number, seed: string): Map<string, number> {
  const groupOverfull = new Map<string, number>();
  const s = new Float64Array(draws);
  for (const g of plan.groups) {
    if (!total) throw new Error(`group ${g.key} is a share of the world total, but the plan has none`);
    const free = plan.rows.filter((r) => r.basis === 'group' && r.group === g.key).map((r) => r.id);
    if (!free.length) continue; // every member has workers of its own (an override): the group adds none
    const fixed = g.members.filter((m) => !free.includes(m) && W.has(m)).map((m) => W.get(m) as Float64Array);
    const outs = free.map(() => new Float64Array(draws));
    g.share.mixture.fill(s, streamFor(seed, g.share.key));
    let over = 0;
    const k = free.length;
    for (let i = 0; i < draws; i++) {
      let rest = (s[i] as number) * (total[i] as number);
      for (const f of fixed) rest -= f[i] as number;
      if (rest < 0) {
        over++;
        rest = 0;
      }
      const each = rest / k;
      for (const o of outs) o[i] = each;
    }
    free.forEach((id, j) => W.set(id, outs[j] as Float64Array));
    groupOverfull.set(g.key, over);
  }
  return groupOverfull;
}

/** 1c. The unattributed remainder: the world total less every named country, never below zero; and the draws where it was below. */
function remainderWorkers(W: ReadonlyMap<string, Float64Array>, total: Float64Array, draws: number): { rest: Float64Array; namedAboveTotal: number } {
  const rest = new Float64Array(draws);
  const named = new Float64Array(draws);
  let namedAboveTotal = 0;
  for (const w of W.values()) for (let i = 0; i < draws; i++) named[i] = (named[i] as number) + (w[i] as number);
  for (let i = 0; i < draws; i++) {
    const r = (total[i] as number) - (named[i] as number);
    if (r < 0) namedAboveTotal++;
    rest[i] = r > 0 ? r : 0;
  }
  return { rest, namedAboveTotal };
}

/** 2. Revenue: each row's workers × wage × state share × months, summed over the rows not left out; per-row draws kept when asked for. */
function revenueOf(plan: Plan, W: ReadonlyMap<string, Float64Array>, rest: Float64Array | null, draw: Draw, draws: number, keepRows: boolean, keepExcluded: boolean) {
  const revenue = new Float64Array(draws);
  const workers = new Float64Array(draws);
  const mBuf = new Float64Array(draws);
  const sBuf = new Float64Array(draws);
  const tBuf = new Float64Array(draws);
  const rows = new Map<string, { revenue: Float32Array; workers: Float32Array }>();
  const addRow = (row: PlannedRow, w: Float64Array) => {
    const counted = !row.excluded;
    const keep = keepRows && (counted || keepExcluded) ? { revenue: new Float32Array(draws), workers: new Float32Array(draws) } : null;
    if (!counted && !keep) return;
    const m = draw(row.wage, mBuf);
    const sh = draw(row.share, sBuf);
    const t = draw(row.months, tBuf);
    const part = row.keep;
    for (let i = 0; i < draws; i++) {
      const wi = (w[i] as number) * part;
      const r = wi * (m[i] as number) * (sh[i] as number) * (t[i] as number);
      if (counted) {
        revenue[i] = (revenue[i] as number) + r;
        workers[i] = (workers[i] as number) + wi;
      }
      if (keep) {
        keep.revenue[i] = r;
        keep.workers[i] = wi;
      }
    }
    if (keep) rows.set(row.id, keep);
  };
  for (const row of plan.rows) {
    const w = W.get(row.id);
    if (w) addRow(row, w);
  }
  if (plan.remainder && rest) addRow(plan.remainder, rest);
  return { revenue, workers, rows };
}

export function simulate(plan: Plan, draws: number, seed: string, keepRows: boolean, keepExcluded = false): SimResult {
  const draw = drawer(plan, draws, seed);
  const total = plan.total ? new Float64Array(draws) : null;
  if (plan.total && total) plan.total.mixture.fill(total, streamFor(seed, plan.total.key));
  const W = ownWorkers(plan, total, draws, seed);
  const groupOverfull = groupWorkers(plan, W, total, draws, seed);
  const { rest, namedAboveTotal } = plan.remainder && total ? remainderWorkers(W, total, draws) : { rest: null, namedAboveTotal: 0 };
  const { revenue, workers, rows } = revenueOf(plan, W, rest, draw, draws, keepRows, keepExcluded);
  return { revenue, workers, rows, namedAboveTotal, groupOverfull };
}

/**
 * The same allocation and revenue for one value per input (`val(key)`), for
 * the tornado: revenue of the rows not excluded.
 */
export function revenueAt(plan: Plan, val: (key: string) => number): number {
  const T = plan.total ? val(plan.total.key) : 0;
  const W = new Map<string, number>();
  for (const row of plan.rows) {
    if (!row.workers) continue;
    const v = val(row.workers.key);
    W.set(row.id, row.basis === 'share' ? v * T : v);
  }
  for (const g of plan.groups) {
    const free = plan.rows.filter((r) => r.basis === 'group' && r.group === g.key).map((r) => r.id);
    if (!free.length) continue;
    let rest = val(g.share.key) * T;
    for (const m of g.members) if (!free.includes(m) && W.has(m)) rest -= W.get(m) as number;
    const each = Math.max(0, rest) / free.length;
    for (const id of free) W.set(id, each);
  }
  let r = 0;
  let named = 0;
  const add = (row: PlannedRow, w: number) => {
    if (!row.excluded) r += w * row.keep * val(row.wage.key) * val(row.share.key) * val(row.months.key);
  };
  for (const row of plan.rows) {
    const w = W.get(row.id);
    if (w == null) continue;
    named += w;
    add(row, w);
  }
  if (plan.remainder && plan.total) add(plan.remainder, Math.max(0, T - named));
  return r;
}
