/**
 * The estimation service: one call from options to the full result the CLI,
 * the HTTP API and the web page show. Doors stay thin and call `estimate`.
 * The steps: check the options, build the model for the year, apply the
 * scenario, simulate, then read the draws out (inputs, countries and sectors,
 * the scenario against the baseline, the published estimates, sensitivity).
 */
import type { Figure } from '../model/index.ts';
import { countryName } from '../model/countries.ts';
import { Mixture, CONVENTIONS, SOURCE_WEIGHT, INFORMATION_WEIGHT, type Dist } from './distributions.ts';
import { buildModel } from './inputs.ts';
import { HOME_COUNTRY, SHARE_RULES, yearsWithWorkerData, type ModelInput, type ModelRow, type Model, type InputMetric, type WorkerBasis } from './model.ts';
import { parseOverrides } from './overrides.ts';
import { simulate, type Plan, type PlannedInput, type SimResult } from './simulate.ts';
import { summarise, histogram, type Summary, type Histogram } from './stats.ts';
import { inputQuantiles, tornado, compare, cite, wageFlows, INPUT_SAMPLE, type Tornado, type TornadoBar, type Comparison, type SkippedComparison, type CitedFigure, type WageFlow } from './analysis.ts';
import type { EstimateData, SourceRef } from './data.ts';
import { checkDraws, checkExclusions, checkSeed, checkYear, type EstimateOptions, type Exclusions } from './options.ts';
import { applyOverrides, checkOverrides, planOf, runScenario, usd, type ScenarioOut } from './scenario.ts';

export { DEFAULT_DRAWS, MAX_DRAWS, DEFAULT_SEED, type EstimateOptions } from './options.ts';
export type { ExcludedCarry, ScenarioOut } from './scenario.ts';

export interface InputOut {
  key: string;
  metric: InputMetric;
  unit: string;
  country: string | null;
  country_name: string;
  scope: 'country' | 'total' | 'pooled' | 'group';
  /** For a group's share: its countries. */
  countries: string[] | null;
  /** Rows that use this input (country codes, `remainder`). */
  used_by: string[];
  sector: string | null;
  status: string;
  /** For a count or share carried from another year: the year its figures are about (null when observed or not carried). */
  carried_from: number | null;
  flags: string[];
  override: string | null;
  excluded: boolean;
  summary: Summary;
  /** Each component of the input's mixture: its figures, how they were read (`interpretation` with ids and weight; `reading` the same in words alone). */
  distribution: { weight: number; dist: Dist; figure_ids: string[]; interpretation: string; reading: string }[];
  sources: CitedFigure[];
}

export interface CountryOut {
  country: string | null;
  name: string;
  sector: string | null;
  /** Where the row's workers come from: its own count, its own share of the world total, its part of a group's share, or the remainder. */
  basis: WorkerBasis;
  workers_status: string;
  /** For the remainder: the documented host countries it is divided among (equal parts), and each one's part. */
  hosts?: string[];
  per_host_share?: number;
  revenue_usd: Summary;
  workers: Summary;
  /** This row's mean revenue as a share of the total mean (0–1). */
  share_of_revenue: number;
  flags: string[];
}

export interface EstimateResult {
  year: number;
  draws: number;
  seed: string;
  revenue_usd: Summary;
  workers: Summary;
  interval: string;
  by_country: CountryOut[];
  by_sector: { sector: string; revenue_usd: Summary; workers: Summary }[];
  inputs: InputOut[];
  gaps: { country: string | null; metric: string; rule: string; message: string }[];
  unused_figures: { figure_id: string; reason: string }[];
  warnings: string[];
  scenario: ScenarioOut | null;
  sensitivity: Tornado;
  comparison: Comparison[];
  comparison_skipped: SkippedComparison[];
  histogram: Histogram;
  wage_flows: WageFlow[];
  years_with_data: number[];
  /** The years --year answers: every year from the first to the last with data (counts carried, and flagged, where a year has none). */
  years_answered: number[];
  method: Record<string, unknown>;
}

const UNITS: Record<InputMetric, string> = { workers: 'persons', worker_share: 'fraction of all workers abroad', monthly_wage: 'USD per month', state_share: 'fraction', months_worked: 'months per year' };

/** A row's name: the country's, or the unattributed remainder's. */
const METRIC_WORDS: Record<string, string> = {
  workers: 'the number of workers', worker_share: 'the share of the workers', monthly_wage: 'the monthly wage',
  state_share: 'the state\'s share of wages', months_worked: 'the months worked a year',
};

/** An input as a sentence names it (`monthly_wage:pooled` → "the monthly wage, pooled across countries"); the key follows in brackets. */
function inputPhrase(b: { input: string; metric: string }): string {
  const scope = b.input.split(':')[1] ?? '';
  const where = scope === 'pooled' ? 'pooled across countries' : scope === 'total' ? 'all host countries' : scope ? scope.split('+').map((c) => countryName(c)).join(' and ') : '';
  return `${METRIC_WORDS[b.metric] ?? b.metric}${where ? `, ${where}` : ''} (${b.input})`;
}

const rowName = (country: string | null): string => (country == null ? 'other host countries (unattributed remainder)' : countryName(country));

type Quantiles = Map<string, [number, number, number]>;

/** Every distinct input (pooled ones once), with the rows that use it. */
function allInputs(model: Model): { input: ModelInput; usedBy: (string | null)[] }[] {
  const out = new Map<string, { input: ModelInput; usedBy: (string | null)[] }>();
  const add = (i: ModelInput, row: string | null) => {
    const e = out.get(i.key);
    if (e) e.usedBy.push(row);
    else out.set(i.key, { input: i, usedBy: [row] });
  };
  if (model.total) out.set(model.total.key, { input: model.total, usedBy: [] });
  for (const g of model.groups) out.set(g.input.key, { input: g.input, usedBy: model.rows.filter((r) => r.basis === 'group' && r.group === g.key).map((r) => r.country) });
  for (const r of [...model.rows, ...(model.remainder ? [model.remainder] : [])]) {
    if (r.workers) add(r.workers, r.country);
    add(r.wage, r.country);
    add(r.share, r.country);
    add(r.months, r.country);
  }
  return [...out.values()];
}

/** Each planned input's p5, p50 and p95 (and mean), from its first draws. */
function inputSummaries(plan: Plan, seed: string, draws: number): { q: Quantiles; summaries: Map<string, Summary> } {
  const q: Quantiles = new Map();
  const summaries = new Map<string, Summary>();
  const planned: PlannedInput[] = [
    ...plan.groups.map((g) => g.share),
    ...plan.rows.flatMap((r) => [r.workers, r.wage, r.share, r.months]),
    ...(plan.remainder ? [plan.remainder.wage, plan.remainder.share, plan.remainder.months] : []),
    plan.total,
  ].filter((x): x is PlannedInput => x != null);
  for (const pi of planned) {
    if (q.has(pi.key)) continue;
    const { q: qq, mean } = inputQuantiles(pi, seed, draws);
    q.set(pi.key, qq);
    summaries.set(pi.key, { p5: qq[0], p50: qq[1], p95: qq[2], mean });
  }
  return { q, summaries };
}

/** The inputs as the result shows them: what each is, which rows use it, its mixture, and the statements it came from. */
function inputsOut(model: Model, summaries: ReadonlyMap<string, Summary>, excluded: Exclusions, figures: readonly Figure[], sources: ReadonlyMap<string, SourceRef>): InputOut[] {
  const byId = new Map(figures.map((f) => [f.id, f]));
  const where = (i: ModelInput) =>
    i.scope === 'total' ? 'all host countries (world total)' : i.scope === 'pooled' ? 'pooled across countries' : i.scope === 'group' ? (i.countries ?? []).map((c) => countryName(c)).join(' and ') : rowName(i.country);
  return allInputs(model).map(({ input: i, usedBy }) => {
    const w = new Mixture(i.components).weights();
    return {
      key: i.key,
      metric: i.metric,
      unit: UNITS[i.metric],
      country: i.country,
      country_name: where(i),
      scope: i.scope,
      countries: i.countries ?? null,
      used_by: usedBy.map((c) => c ?? 'remainder'),
      sector: i.sector,
      status: i.status,
      carried_from: i.fromYear ?? null,
      flags: i.flags,
      override: i.override,
      excluded: i.country != null && (excluded.rows.has(i.country) || excluded.hosts.has(i.country)),
      summary: summaries.get(i.key) as Summary,
      distribution: i.components.map((c, k) => ({ weight: w[k] as number, dist: c.dist, figure_ids: c.figureIds, interpretation: c.interpretation, reading: c.reading ?? c.interpretation })),
      sources: i.figures.map((f) => cite(byId.get(f.id) ?? f, sources)),
    };
  });
}

/** Where a row's workers come from, in words. */
function workersStatus(mr: ModelRow, model: Model): string {
  const grp = mr.group ? model.groups.find((g) => g.key === mr.group) : undefined;
  if (mr.basis === 'remainder') return 'remainder';
  if (mr.basis === 'group') return `group_split (${grp?.input.status ?? ''})`;
  if (!mr.workers) return mr.basis;
  return mr.basis === 'share' ? `share_of_total (${mr.workers.status})` : mr.workers.status;
}

/** The flags of a row: how the remainder divides, the group share it takes part of, or its own workers' flags. */
function rowFlags(mr: ModelRow, model: Model, excluded: Exclusions): string[] {
  if (mr.basis === 'remainder') {
    const left = excluded.hosts.size ? ` (${[...excluded.hosts].join(', ')} left out)` : '';
    return [`world total less the named countries${mr.hosts?.length ? `, in equal parts among ${mr.hosts.length} documented host countries without a figure${left}` : ''}`];
  }
  if (mr.basis === 'group') {
    const grp = model.groups.find((g) => g.key === mr.group);
    return [`part of the ${mr.group} share of the world total (no count or share of its own)`, ...(grp?.input.flags ?? [])];
  }
  return mr.workers?.flags ?? [];
}

/** Revenue and workers by country (largest mean revenue first) and by sector, from the per-row draws. */
function byCountryAndSector(plan: Plan, model: Model, sim: SimResult, excluded: Exclusions, draws: number, revenue: Summary) {
  const meanTotal = revenue.mean || 1;
  const byCountry: CountryOut[] = [];
  const sectorSums = new Map<string, { revenue: Float64Array; workers: Float64Array }>();
  const rowsAll = [...plan.rows, ...(plan.remainder ? [plan.remainder] : [])];
  const modelRows = [...model.rows, ...(model.remainder ? [model.remainder] : [])];
  rowsAll.forEach((r, idx) => {
    const d = sim.rows.get(r.id);
    if (!d) return;
    const mr = modelRows[idx] as ModelRow;
    const rs = summarise(d.revenue);
    byCountry.push({
      country: r.country,
      name: rowName(r.country),
      sector: r.sector,
      basis: mr.basis,
      workers_status: workersStatus(mr, model),
      ...(mr.basis === 'remainder' ? { hosts: (mr.hosts ?? []).filter((h) => !excluded.hosts.has(h)), per_host_share: mr.hosts && mr.hosts.length ? 1 / mr.hosts.length : 1 } : {}),
      revenue_usd: rs,
      workers: summarise(d.workers),
      share_of_revenue: rs.mean / meanTotal,
      flags: rowFlags(mr, model, excluded),
    });
    const sk = r.sector ?? 'unspecified';
    let s = sectorSums.get(sk);
    if (!s) sectorSums.set(sk, (s = { revenue: new Float64Array(draws), workers: new Float64Array(draws) }));
    for (let i = 0; i < draws; i++) {
      s.revenue[i] = (s.revenue[i] as number) + (d.revenue[i] as number);
      s.workers[i] = (s.workers[i] as number) + (d.workers[i] as number);
    }
  });
  byCountry.sort((a, b) => b.revenue_usd.mean - a.revenue_usd.mean);
  const bySector = [...sectorSums].map(([sector, s]) => ({ sector, revenue_usd: summarise(s.revenue), workers: summarise(s.workers) }));
  return { byCountry, bySector };
}

/** The published revenue estimates in the graph against the baseline (the world total) or a country's row; the rest skipped, saying why. */
/**
 * Each published revenue estimate placed in the model's distribution, with by how much they differ and the
 * input that moves the model most; estimates about the year first. Estimates about part of the labour only
 * (one sector, region or site, `coverage` part) are not set against the model's totals.
 */
function comparisons(
  figures: readonly Figure[], year: number, sim: SimResult, baseline: { revenue: Float64Array; summary: Summary }, excluded: Exclusions,
  sources: ReadonlyMap<string, SourceRef>, bars: readonly TornadoBar[],
): { comparison: Comparison[]; skipped: SkippedComparison[] } {
  const comparison: Comparison[] = [];
  const skipped: SkippedComparison[] = [];
  for (const f of figures) {
    const annual = f.metric === 'annual_revenue' || (f.metric === 'revenue' && (f.per === 'year' || f.per === 'month'));
    if (!annual) continue;
    if (f.unit !== 'USD') skipped.push({ figure_id: f.id, reason: `in ${f.unit}: the model counts USD` });
    else if (f.country === HOME_COUNTRY) skipped.push({ figure_id: f.id, reason: 'about revenue from labour inside North Korea (KP), which the model does not count' });
    else if (f.entityId != null) skipped.push({ figure_id: f.id, reason: `about one entity (${f.entityId}), not a host country's labour` });
    else if (f.coverage === 'part') skipped.push({ figure_id: f.id, reason: `about part of the labour only (${f.sector ?? 'one region, sector or site'}${f.countries?.length ? `; ${f.countries.join(', ')}` : ''}), not the model's ${f.country ?? 'total'}` });
    else if (f.country == null) comparison.push(compare(f, 'total', year, baseline.revenue, baseline.summary, sources, bars));
    else {
      const d = sim.rows.get(f.country);
      if (d) comparison.push(compare(f, f.country, year, d.revenue, summarise(d.revenue), sources, bars));
      else skipped.push({ figure_id: f.id, reason: `${f.country} is ${excluded.rows.has(f.country) ? 'left out of this scenario' : 'not a separate row of the model for this year'}` });
    }
  }
  comparison.sort((a, b) => Number(b.matches_year) - Number(a.matches_year));
  return { comparison, skipped };
}

/** Draws where the sourced figures disagree with each other: a group's members above its share, the named countries above the world total. */
function warnings(sim: SimResult, draws: number): string[] {
  const out: string[] = [];
  for (const [key, n] of sim.groupOverfull) {
    if (n > 0) out.push(`in ${((100 * n) / draws).toFixed(1)}% of draws the countries of ${key} with their own workers exceeded the ${key} share of the world total drawn; there the rest of the group gets zero`);
  }
  if (sim.namedAboveTotal > 0) {
    out.push(`in ${((100 * sim.namedAboveTotal) / draws).toFixed(1)}% of draws the named countries' workers exceeded the world total drawn; there the remainder is zero and the total is the named countries' sum`);
  }
  return out;
}

const intervalText = (draws: number, revenue: Summary, sensitivity: Tornado) =>
  `Of ${draws.toLocaleString('en-US')} simulated years, 90% give a revenue between ${usd(revenue.p5)} (p5) and ${usd(revenue.p95)} (p95), half fall below ${usd(revenue.p50)} (p50). The width is the disagreement and vagueness of the sources, not sampling noise: each input is a grade-weighted mixture of every sourced figure for it. The inputs that move the result most are ${sensitivity.bars.slice(0, 3).map(inputPhrase).join('; ')} (see sensitivity).`;

/** How the result was computed, printed with every result. */
const method = (): Record<string, unknown> => ({
  revenue: 'Σ over host countries of workers × monthly wage (USD) × state share × months worked per year',
  workers: 'a country\'s own count; else its own sourced share × the world total; else, for a country known only as part of a group ("Russia or China"), the group\'s sourced share × the world total less the members with their own workers, split evenly among the rest; the documented host countries without any figure divide the world total less every named country in equal parts',
  share_rules: {
    share_at_least_cap: SHARE_RULES.atLeastCap,
    rule: `an open-ended share ("most", "primarily": at least 0.5, no upper value) reads uniform from the bound to ${SHARE_RULES.atLeastCap}; a share stated in words with a range (e.g. "much of" read as 0.25–0.5, in the figure's note) reads uniform over it; every such reading is a vague_share gap and can be replaced with --override CC:worker_share=LOW..HIGH or CC+CC:worker_share=LOW..HIGH`,
  },
  grade_weights: { source: SOURCE_WEIGHT, information: INFORMATION_WEIGHT, rule: 'weight = source weight × information weight; identical readings from several sources count once, at the best grade' },
  conventions: CONVENTIONS,
  input_summaries: `each input's p5/p50/p95 come from its first ${INPUT_SAMPLE.toLocaleString('en-US')} draws`,
  documentation: 'src/estimate/README.md',
});

/** Every year from the first to the last year with a worker figure: the years `--year` answers (counts carried where a year has none). */
function yearSpan(years: readonly number[]): number[] {
  if (!years.length) return [];
  const out: number[] = [];
  for (let y = years[0] as number; y <= (years[years.length - 1] as number); y++) out.push(y);
  return out;
}

export function estimate(data: EstimateData, options: EstimateOptions = {}): EstimateResult {
  const draws = checkDraws(options.draws);
  const seed = checkSeed(options.seed);
  const figures = data.figures.filter((f) => f.reviewStatus === 'accepted');
  const year = checkYear(options.year, figures);
  const base = buildModel(figures, data.deployments, year);
  const sources = new Map<string, SourceRef>(data.sources.map((s) => [s.id, s]));

  const excluded = checkExclusions(options.exclude ?? [], base);
  const overrides = parseOverrides(options.overrides ?? []);
  checkOverrides(base, overrides, excluded);
  const model = applyOverrides(base, overrides);

  const plan = planOf(model, excluded);
  const sim = simulate(plan, draws, seed, true);
  const revenue = summarise(sim.revenue);
  const { q, summaries } = inputSummaries(plan, seed, draws);
  const { byCountry, bySector } = byCountryAndSector(plan, model, sim, excluded, draws, revenue);

  // A scenario is read against the baseline, with the same random numbers.
  const isScenario = excluded.rows.size + excluded.hosts.size > 0 || overrides.length > 0;
  const run = isScenario ? runScenario({ base, model, excluded, overrides, sim, draws, seed, year }) : null;
  const baseline = run ? { revenue: run.baseline.revenue, summary: run.scenario.baseline.revenue_usd } : { revenue: sim.revenue, summary: revenue };
  const sensitivity = tornado(plan, q);
  const { comparison, skipped } = comparisons(figures, year, sim, baseline, excluded, sources, sensitivity.bars);

  const wageP50 = new Map<string, number>();
  for (const r of plan.rows) if (r.country) wageP50.set(r.country, (q.get(r.wage.key) as [number, number, number])[1]);

  return {
    year,
    draws,
    seed,
    revenue_usd: revenue,
    workers: summarise(sim.workers),
    interval: intervalText(draws, revenue, sensitivity),
    by_country: byCountry,
    by_sector: bySector,
    inputs: inputsOut(model, summaries, excluded, figures, sources),
    gaps: model.gaps,
    unused_figures: model.unused.map((u) => ({ figure_id: u.figureId, reason: u.reason })),
    warnings: warnings(sim, draws),
    scenario: run?.scenario ?? null,
    sensitivity,
    comparison,
    comparison_skipped: skipped,
    histogram: histogram(sim.revenue),
    wage_flows: wageFlows(figures, sources, wageP50),
    years_with_data: yearsWithWorkerData(figures),
    years_answered: yearSpan(yearsWithWorkerData(figures)),
    method: method(),
  };
}
