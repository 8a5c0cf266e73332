/**
 * What the estimates page shows beside the headline numbers: the tornado of
 * sensitivities, the comparison with published estimates, and the wage flows
 * (Sankey) built from documented wage splits.
 */
import type { Figure } from '../model/index.ts';
import type { Mixture } from './distributions.ts';
import { streamFor } from './random.ts';
import { quantiles, percentileRank, type Summary } from './stats.ts';
import { percentilePhrase, usdLong } from './money.ts';
import { revenueAt, type Plan, type PlannedInput } from './simulate.ts';
import type { SourceRef } from './data.ts';
import { covers } from './model.ts';

/** Draws per input used for its own summary and for the tornado. */
export const INPUT_SAMPLE = 20_000;

export function inputQuantiles(input: PlannedInput, seed: string, draws: number): { q: [number, number, number]; mean: number } {
  const n = Math.min(draws, INPUT_SAMPLE);
  const a = new Float64Array(n);
  (input.mixture as Mixture).fill(a, streamFor(seed, input.key));
  const [p5, p50, p95] = quantiles(a, [0.05, 0.5, 0.95]) as [number, number, number];
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i] as number;
  return { q: [p5, p50, p95], mean: s / n };
}

export interface TornadoBar {
  input: string;
  metric: string;
  country: string | null;
  value_low: number;
  value_high: number;
  revenue_at_low: number;
  revenue_at_high: number;
  swing: number;
}

export interface Tornado {
  /** Revenue with every input at its median. */
  base_revenue_usd: number;
  bars: TornadoBar[];
}

/**
 * One input at a time from its 5th to its 95th percentile, all others at their
 * medians. A country's workers and a group's share also move the countries
 * that take what is left (the rest of the group, the remainder), so their
 * bars show the net effect of moving workers between them.
 */
export function tornado(plan: Plan, q: Map<string, [number, number, number]>): Tornado {
  const med = (k: string) => (q.get(k) as [number, number, number])[1];
  const base = revenueAt(plan, med);
  const bars: TornadoBar[] = [];
  const seen = new Set<string>();
  const consider = (input: PlannedInput | null, metric: string, country: string | null, live: boolean) => {
    if (!input || seen.has(input.key) || !live) return;
    seen.add(input.key);
    const [lo, , hi] = q.get(input.key) as [number, number, number];
    const at = (v: number) => revenueAt(plan, (k) => (k === input.key ? v : med(k)));
    const rl = at(lo);
    const rh = at(hi);
    // A pooled input (rates.ts) is shared by every country that borrows it: no one country's, not the first borrower's.
    const own = input.key.endsWith(':pooled') ? null : country;
    bars.push({ input: input.key, metric, country: own, value_low: lo, value_high: hi, revenue_at_low: rl, revenue_at_high: rh, swing: Math.abs(rh - rl) });
  };
  consider(plan.total, 'workers', null, true);
  for (const g of plan.groups) consider(g.share, 'worker_share', null, true);
  for (const row of plan.rows) {
    consider(row.workers, row.basis === 'share' ? 'worker_share' : 'workers', row.country, true);
    consider(row.wage, 'monthly_wage', row.country, !row.excluded);
    consider(row.share, 'state_share', row.country, !row.excluded);
    consider(row.months, 'months_worked', row.country, !row.excluded);
  }
  if (plan.remainder) {
    const live = !plan.remainder.excluded && plan.remainder.keep > 0;
    consider(plan.remainder.wage, 'monthly_wage', null, live);
    consider(plan.remainder.share, 'state_share', null, live);
    consider(plan.remainder.months, 'months_worked', null, live);
  }
  bars.sort((a, b) => b.swing - a.swing || (a.input < b.input ? -1 : 1));
  return { base_revenue_usd: base, bars };
}

export interface CitedFigure {
  figure_id: string;
  /** The host country the figure is about, or null (world-wide, or a group: see `countries`). */
  country: string | null;
  /** For a figure about a group of countries taken together. */
  countries: string[] | null;
  source: { id: string; title: string | null; url: string | null };
  /** Exact words of a bundled source; null for a cited source (then `locator` and `statement`). */
  quote: string | null;
  /** Where in a cited source the figure stands. */
  locator: string | null;
  /** The figure in room39's words, for a cited source. */
  statement: string | null;
  grade: string;
  period: { start: string | null; end: string | null };
  low: number | null;
  high: number | null;
  unit: string;
  per: string | null;
  qualifier: string;
  note: string | null;
}

export function cite(f: Figure, sources: ReadonlyMap<string, SourceRef>): CitedFigure {
  const s = sources.get(f.sourceId);
  return {
    figure_id: f.id,
    country: f.country,
    countries: f.countries ?? null,
    source: { id: f.sourceId, title: s?.title ?? null, url: s?.url ?? null },
    quote: f.quote,
    locator: f.locator ?? null,
    statement: f.statement ?? null,
    grade: f.reliability,
    period: { start: f.periodStart, end: f.periodEnd },
    low: f.low,
    high: f.high,
    unit: f.unit,
    per: f.per,
    qualifier: f.qualifier,
    note: f.note,
  };
}

export type Position = 'below_p5' | 'p5_to_p95' | 'above_p95';

export interface ComparisonPoint {
  value_usd: number;
  percentile: number;
  position: Position;
}

export interface Comparison {
  estimate: CitedFigure;
  /** `total` or the host country the published figure is about. */
  scope: string;
  matches_year: boolean;
  points: ComparisonPoint[];
  /** Share of the model's draws inside the published range (for a range; for "at least" or "at most" a bound, the draws on its side). */
  share_of_draws_inside: number | null;
  model: Summary;
  /** By how much they differ: the model's median against the published value (the midpoint of a range). */
  difference: { published_usd: number; model_p50_usd: number; model_minus_published_usd: number; model_over_published: number };
  /**
   * Why they differ: the input that moves the model most (for a country's estimate, the country's own input
   * that moves it most, if any), what the model gives with that input at its 5th and 95th percentile (the
   * others at their medians), and whether that span reaches the published value.
   */
  driver: { input: string; revenue_at_p5_usd: number; revenue_at_p95_usd: number; reaches_published: boolean } | null;
  reading: string;
}

export interface SkippedComparison {
  figure_id: string;
  reason: string;
}

const usd = usdLong;

/** The tornado bar that explains a comparison: for a country, its own input that moves the total most; else the first bar. */
function driverBar(bars: readonly TornadoBar[], scope: string): TornadoBar | null {
  return (scope === 'total' ? null : bars.find((b) => b.country === scope)) ?? bars[0] ?? null;
}

export function compare(
  f: Figure,
  scope: string,
  year: number,
  draws: ArrayLike<number>,
  model: Summary,
  sources: ReadonlyMap<string, SourceRef>,
  bars: readonly TornadoBar[] = [],
): Comparison {
  const scale = f.per === 'month' ? 12 : 1;
  const values = [...new Set([f.low, f.high].filter((v): v is number => v != null).map((v) => v * scale))];
  const points = values.map((v) => {
    const p = percentileRank(draws, v);
    const position: Position = p < 5 ? 'below_p5' : p > 95 ? 'above_p95' : 'p5_to_p95';
    return { value_usd: v, percentile: p, position };
  });
  // "More than $500 million" is a bound, not a value the model should land on: what counts is how many draws keep to it.
  const bound = f.low != null && f.high == null ? 'lower' : f.high != null && f.low == null ? 'upper' : null;
  let inside: number | null = null;
  if (values.length === 2 || bound) {
    const [a, b] = bound === 'lower' ? [values[0] as number, Infinity] : bound === 'upper' ? [-Infinity, values[0] as number] : values as [number, number];
    let c = 0;
    for (let i = 0; i < draws.length; i++) {
      const x = draws[i] as number;
      if (x >= a && x <= b) c++;
    }
    inside = (100 * c) / draws.length;
  }
  const pts = points.map((p) => `${usd(p.value_usd)} lies ${percentilePhrase(p.percentile)}`).join(', ');
  const published = values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
  const difference = { published_usd: published, model_p50_usd: model.p50, model_minus_published_usd: model.p50 - published, model_over_published: published > 0 ? model.p50 / published : Number.NaN };
  const bar = driverBar(bars, scope);
  const lo = bar ? Math.min(bar.revenue_at_low, bar.revenue_at_high) : 0;
  const hi = bar ? Math.max(bar.revenue_at_low, bar.revenue_at_high) : 0;
  const driver = bar ? { input: bar.input, revenue_at_p5_usd: bar.revenue_at_low, revenue_at_p95_usd: bar.revenue_at_high, reaches_published: published >= lo && published <= hi } : null;
  const ratio = Number.isFinite(difference.model_over_published) ? `${difference.model_over_published.toFixed(2)}×` : 'n/a';
  const why = driver
    ? ` The model's median (${usd(model.p50)}) is ${ratio} the published ${bound ? `${bound} bound` : values.length > 1 ? 'midpoint' : 'value'} (${usd(published)}). The input that moves the model most${scope === 'total' ? '' : ` for ${scope}`} is ${driver.input}: from its 5th to its 95th percentile it takes the total from ${usd(driver.revenue_at_p5_usd)} to ${usd(driver.revenue_at_p95_usd)}, which ${driver.reaches_published ? 'spans' : 'does not reach'} the published value.`
    : '';
  const share = inside == null ? '' : bound ? `; ${inside.toFixed(1)}% of the model's draws are at or ${bound === 'lower' ? 'above' : 'below'} it, the published ${bound} bound`
    : `; ${inside.toFixed(1)}% of the model's draws fall inside the published range`;
  const reading = `${pts} of the model's ${scope === 'total' ? 'total' : scope} revenue for ${year} (model 90% interval ${usd(model.p5)} – ${usd(model.p95)})${share}.${why}`;
  return { estimate: cite(f, sources), scope, matches_year: covers(f, year), points, share_of_draws_inside: inside, model, difference, driver, reading };
}

export interface WageFlow {
  id: string;
  country: string | null;
  sector: string | null;
  source: { id: string; title: string | null };
  /** Median monthly wage the model uses for this country (USD), to scale the flows; null when not modelled. */
  wage_usd_month_p50: number | null;
  nodes: { id: string; label: string; kind: 'wage' | 'state' | 'worker' }[];
  /** `figure_id` null: the implied rest of the wage, when the source gives only the workers' slice. */
  links: { source: string; target: string; fraction: number; usd_per_worker_month: number | null; figure_id: string | null; quote: string | null; grade: string | null }[];
  state_fraction: number;
}

const WORKER = /worker|labou?rer|employee/i;

export function wageFlows(figures: readonly Figure[], sources: ReadonlyMap<string, SourceRef>, wageP50: ReadonlyMap<string, number>): WageFlow[] {
  const groups = new Map<string, Figure[]>();
  for (const f of figures) {
    if (f.metric !== 'wage_split' || f.unit !== 'fraction' || !f.recipient) continue;
    const k = `${f.sourceId}|${f.country ?? ''}|${f.sector ?? ''}`;
    groups.set(k, [...(groups.get(k) ?? []), f]);
  }
  const out: WageFlow[] = [];
  for (const [k, figs] of groups) {
    const first = figs[0] as Figure;
    const wage = first.country ? (wageP50.get(first.country) ?? null) : null;
    const nodes: WageFlow['nodes'] = [{ id: 'wage', label: 'gross wage', kind: 'wage' }];
    const links: WageFlow['links'] = [];
    let state = 0;
    for (const f of figs) {
      const frac = ((f.low ?? f.high ?? 0) + (f.high ?? f.low ?? 0)) / 2;
      const isWorker = WORKER.test(f.recipient as string);
      const id = `r${nodes.length}`;
      nodes.push({ id, label: f.recipient as string, kind: isWorker ? 'worker' : 'state' });
      if (!isWorker) state += frac;
      links.push({ source: 'wage', target: id, fraction: frac, usd_per_worker_month: wage == null ? null : frac * wage, figure_id: f.id, quote: f.quote, grade: f.reliability });
    }
    const given = links.reduce((a, l) => a + l.fraction, 0);
    if (given < 1 - 1e-6 && figs.every((f) => WORKER.test(f.recipient as string))) {
      const rest = 1 - given;
      nodes.push({ id: 'state', label: 'the state (rest of the wage, implied)', kind: 'state' });
      links.push({ source: 'wage', target: 'state', fraction: rest, usd_per_worker_month: wage == null ? null : rest * wage, figure_id: null, quote: null, grade: null });
      state += rest;
    }
    out.push({
      id: k,
      country: first.country,
      sector: first.sector,
      source: { id: first.sourceId, title: sources.get(first.sourceId)?.title ?? null },
      wage_usd_month_p50: wage,
      nodes,
      links,
      state_fraction: state,
    });
  }
  return out;
}
