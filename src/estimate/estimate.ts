/**
 * The estimation service: one call from options to the full result the CLI,
 * the HTTP API and the web page show. Doors stay thin and call `estimate`.
 */
import { invalidData, invalidInput } from '../errors.ts';
import type { Figure } from '../model/index.ts';
import { Mixture, CONVENTIONS, SOURCE_WEIGHT, INFORMATION_WEIGHT, type Dist } from './distributions.ts';
import { buildModel, defaultYear, HOME_COUNTRY, SHARE_RULES, yearsWithWorkerData, type ModelInput, type ModelRow, type Model, type InputMetric, type WorkerBasis } from './inputs.ts';
import { parseOverrides, overrideDist, type Override } from './overrides.ts';
import { simulate, type Plan, type PlannedInput, type PlannedRow } from './simulate.ts';
import { summarise, histogram, type Summary, type Histogram } from './stats.ts';
import { inputQuantiles, tornado, compare, cite, wageFlows, INPUT_SAMPLE, type Tornado, type Comparison, type SkippedComparison, type CitedFigure, type WageFlow } from './analysis.ts';
import type { EstimateData, SourceRef } from './data.ts';
import { countryName, isCountryCode } from './countries.ts';

export const DEFAULT_DRAWS = 10_000;
export const MAX_DRAWS = 10_000_000;
export const DEFAULT_SEED = '1';

export interface EstimateOptions {
  year?: number | null;
  draws?: number | null;
  seed?: string | number | null;
  exclude?: readonly string[];
  overrides?: readonly string[];
}

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
  flags: string[];
  override: string | null;
  excluded: boolean;
  summary: Summary;
  distribution: { weight: number; dist: Dist; figure_ids: string[]; interpretation: string }[];
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

export interface ExcludedCarry {
  countries: string[];
  /** Baseline revenue of the left-out countries (for a remainder host, its equal part of the remainder), per draw. */
  revenue_usd: Summary;
  /** That revenue as a fraction of the baseline revenue, per draw. */
  share_of_baseline: Summary;
  workers: Summary;
  /** The sourced figures that size their workers (counts, shares, the world total). */
  figure_ids: string[];
  reading: string;
}

export interface ScenarioOut {
  excluded: string[];
  /** What the left-out countries carry when kept (with the scenario's overrides, if any), per the sourced counts and shares. */
  excluded_carry: ExcludedCarry | null;
  overrides: string[];
  baseline: { revenue_usd: Summary; workers: Summary };
  /** Scenario minus baseline, draw by draw (same random numbers). */
  difference_usd: Summary;
  difference_workers: Summary;
  difference_pct_of_baseline: number;
  reading: string;
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
  method: Record<string, unknown>;
}

const UNITS: Record<InputMetric, string> = { workers: 'persons', worker_share: 'fraction of all workers abroad', monthly_wage: 'USD per month', state_share: 'fraction', months_worked: 'months per year' };

function checkDraws(v: number | null | undefined): number {
  if (v == null) return DEFAULT_DRAWS;
  if (!Number.isInteger(v) || v <= 0) throw invalidInput(`draws must be a whole number above zero (got ${v})`, '--draws');
  if (v > MAX_DRAWS) throw invalidInput(`draws must be at most ${MAX_DRAWS.toLocaleString('en-US')} (got ${v})`, '--draws');
  return v;
}

function checkSeed(v: string | number | null | undefined): string {
  if (v == null || v === '') return DEFAULT_SEED;
  const s = String(v);
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(s)) throw invalidInput(`seed must be 1–64 letters, digits, dots, dashes or underscores (got "${s}")`, '--seed');
  return s;
}

function checkYear(v: number | null | undefined, figures: readonly Figure[]): number {
  const years = yearsWithWorkerData(figures);
  if (!years.length) throw invalidData('the graph holds no dated worker figure, so no year can be estimated', 'estimate');
  if (v == null) return defaultYear(figures) as number;
  if (!Number.isInteger(v)) throw invalidInput(`year must be a whole year such as 2017 (got ${v})`, '--year');
  if (!years.includes(v)) throw invalidInput(`no worker figure in the graph covers ${v}; years with data: ${years.join(', ')}`, '--year');
  return v;
}

function overridden(input: ModelInput, o: Override): ModelInput {
  return {
    ...input,
    // A country's own override replaces a shared (pooled) input for that country only.
    key: o.country ? `${input.metric}:${o.country}` : input.key,
    country: o.country ?? input.country,
    scope: o.country ? 'country' : input.scope,
    status: 'override',
    flags: [`overridden for this scenario: ${o.text}`],
    components: [{ dist: overrideDist(o), weight: 1, figureIds: [], interpretation: `override ${o.text}: ${o.low === o.high ? 'the given value' : 'uniform between the given values'}` }],
    figures: [],
    override: o.text,
  };
}

const blankInput = (metric: InputMetric, country: string): ModelInput => ({
  key: `${metric}:${country}`, metric, country, scope: 'country', sector: null, status: 'override', flags: [], components: [], figures: [], override: null,
});

/** The model's inputs with the overrides applied (a country's own override wins over an all-countries one). */
function applyOverrides(model: Model, overrides: readonly Override[], excluded: ReadonlySet<string>): Model {
  const named = new Set(model.rows.map((r) => r.country as string));
  const groupKeys = model.groups.map((g) => g.key);
  for (const o of overrides) {
    if (o.country && excluded.has(o.country)) throw invalidInput(`${o.country} is both left out (--exclude) and overridden ("${o.text}"); do one or the other`, '--override');
    if (o.countries) {
      const key = o.countries.join('+');
      if (!groupKeys.includes(key)) {
        throw invalidInput(`no sourced share of ${key} together is used for ${model.year}, so there is none to override; groups in the model: ${groupKeys.join(', ') || 'none'} (a country's own share: CC:worker_share=…)`, '--override');
      }
      continue;
    }
    if (o.country && !named.has(o.country)) {
      throw invalidInput(`${o.country} has no worker figure (count or share) near ${model.year}, so the model has no ${o.metric} for it to override; countries in the model: ${[...named].join(', ')}`, '--override');
    }
    if (o.metric === 'workers' && o.country == null && !model.total) throw invalidInput(`there is no world total of workers for ${model.year} to override`, '--override');
    if (o.metric === 'worker_share' && !model.total) throw invalidInput(`there is no world total of workers for ${model.year} to take a share of`, '--override');
    if (o.country && (o.metric === 'workers' || o.metric === 'worker_share') && overrides.some((p) => p !== o && p.country === o.country && (p.metric === 'workers' || p.metric === 'worker_share') && p.metric !== o.metric)) {
      throw invalidInput(`${o.country}: give its workers (${o.country}:workers=…) or its share (${o.country}:worker_share=…), not both`, '--override');
    }
  }
  /** A country's own override, else (for rates) the all-countries one; the world total's is applied below. */
  const pick = (metric: InputMetric, country: string | null): Override | undefined => {
    const own = country == null ? undefined : overrides.find((o) => o.metric === metric && o.country === country);
    return own ?? (metric === 'workers' || metric === 'worker_share' ? undefined : overrides.find((o) => o.metric === metric && o.country == null && o.countries == null));
  };
  const rowWith = (r: ModelRow): ModelRow => {
    const apply = (input: ModelInput, metric: InputMetric) => {
      const o = pick(metric, r.country);
      return o ? overridden(input, o) : input;
    };
    let { basis, workers, group } = r;
    if (r.country) {
      const count = pick('workers', r.country);
      const share = pick('worker_share', r.country);
      const base = (m: InputMetric) => (r.workers && r.workers.metric === m ? r.workers : blankInput(m, r.country as string));
      if (count) [basis, workers, group] = ['count', overridden(base('workers'), count), null];
      else if (share) [basis, workers, group] = ['share', overridden(base('worker_share'), share), null];
    }
    return {
      ...r,
      basis,
      workers,
      group,
      wage: apply(r.wage, 'monthly_wage'),
      share: apply(r.share, 'state_share'),
      months: apply(r.months, 'months_worked'),
    };
  };
  const totalOverride = overrides.find((o) => o.metric === 'workers' && o.country == null);
  return {
    ...model,
    rows: model.rows.map(rowWith),
    groups: model.groups.map((g) => {
      const o = overrides.find((x) => x.countries && x.countries.join('+') === g.key);
      return o ? { ...g, input: overridden(g.input, o) } : g;
    }),
    remainder: model.remainder ? rowWith(model.remainder) : null,
    total: model.total && totalOverride ? overridden(model.total, totalOverride) : model.total,
  };
}

function planOf(model: Model, excluded: ReadonlySet<string>, excludedHosts: ReadonlySet<string> = new Set()): Plan {
  const cache = new Map<string, PlannedInput>();
  const p = (i: ModelInput): PlannedInput => {
    let x = cache.get(i.key);
    if (!x) cache.set(i.key, (x = { key: i.key, mixture: new Mixture(i.components) }));
    return x;
  };
  const row = (r: ModelRow): PlannedRow => {
    const hosts = r.hosts ?? [];
    const left = hosts.filter((h) => excludedHosts.has(h)).length;
    return {
      id: r.country ?? 'remainder',
      country: r.country,
      sector: r.sector,
      basis: r.basis,
      excluded: r.country != null && excluded.has(r.country),
      keep: r.basis === 'remainder' && hosts.length ? 1 - left / hosts.length : 1,
      workers: r.workers ? p(r.workers) : null,
      group: r.group,
      wage: p(r.wage),
      share: p(r.share),
      months: p(r.months),
    };
  };
  return {
    rows: model.rows.map(row),
    groups: model.groups.map((g) => ({ key: g.key, members: g.countries, share: p(g.input) })),
    remainder: model.remainder ? row(model.remainder) : null,
    total: model.total ? p(model.total) : null,
  };
}

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

const usd = (v: number): string => (v < 0 ? `-${usd(-v)}` : v >= 1e9 ? `$${(v / 1e9).toFixed(2)} billion` : `$${Math.round(v / 1e6)} million`);

export function estimate(data: EstimateData, options: EstimateOptions = {}): EstimateResult {
  const draws = checkDraws(options.draws);
  const seed = checkSeed(options.seed);
  const figures = data.figures.filter((f) => f.reviewStatus === 'accepted');
  const year = checkYear(options.year, figures);
  const base = buildModel(figures, data.deployments, year);
  const sources = new Map<string, SourceRef>(data.sources.map((s) => [s.id, s]));

  // --exclude
  const named = base.rows.map((r) => r.country as string);
  const hosts = base.remainder?.hosts ?? [];
  const excluded = new Set<string>();
  const excludedHosts = new Set<string>();
  for (const raw of options.exclude ?? []) {
    const c = raw.trim().toUpperCase();
    if (!c) continue;
    if (!isCountryCode(c)) throw invalidInput(`"${raw}" is not an ISO 3166-1 alpha-2 country code (such as RU or CN)`, '--exclude');
    if (named.includes(c)) excluded.add(c);
    else if (hosts.includes(c)) excludedHosts.add(c);
    else {
      throw invalidInput(`${c} (${countryName(c)}) has no worker figure near ${year} and no documented deployment, so the model holds no workers for it to leave out; countries you can leave out: ${named.join(', ')}${hosts.length ? ` (own rows) and ${hosts.join(', ')} (each an equal part of the remainder)` : ''}`, '--exclude');
    }
  }
  const overrides = parseOverrides(options.overrides ?? []);
  for (const o of overrides) {
    if (o.country && excludedHosts.has(o.country)) throw invalidInput(`${o.country} is both left out (--exclude) and overridden ("${o.text}"); do one or the other`, '--override');
  }
  const model = applyOverrides(base, overrides, excluded);
  const leftOut = [...excluded, ...excludedHosts];
  const isScenario = leftOut.length > 0 || overrides.length > 0;

  const plan = planOf(model, excluded, excludedHosts);
  const sim = simulate(plan, draws, seed, true);
  const revenue = summarise(sim.revenue);
  const workers = summarise(sim.workers);

  // Inputs, with the statements they came from.
  const q = new Map<string, [number, number, number]>();
  const plannedInputs: PlannedInput[] = [
    ...plan.groups.map((g) => g.share),
    ...plan.rows.flatMap((r) => [r.workers, r.wage, r.share, r.months]),
    ...(plan.remainder ? [plan.remainder.wage, plan.remainder.share, plan.remainder.months] : []),
    plan.total,
  ].filter((x): x is PlannedInput => x != null);
  const inputSummary = new Map<string, Summary>();
  for (const pi of plannedInputs) {
    if (q.has(pi.key)) continue;
    const { q: qq, mean } = inputQuantiles(pi, seed, draws);
    q.set(pi.key, qq);
    inputSummary.set(pi.key, { p5: qq[0], p50: qq[1], p95: qq[2], mean });
  }
  const byId = new Map(figures.map((f) => [f.id, f]));
  const inputs: InputOut[] = allInputs(model).map(({ input: i, usedBy }) => {
    const mix = new Mixture(i.components);
    const w = mix.weights();
    return {
      key: i.key,
      metric: i.metric,
      unit: UNITS[i.metric],
      country: i.country,
      country_name: i.scope === 'total' ? 'all host countries (world total)' : i.scope === 'pooled' ? 'pooled across countries' : i.scope === 'group' ? (i.countries ?? []).map((c) => countryName(c)).join(' and ') : countryName(i.country),
      scope: i.scope,
      countries: i.countries ?? null,
      used_by: usedBy.map((c) => c ?? 'remainder'),
      sector: i.sector,
      status: i.status,
      flags: i.flags,
      override: i.override,
      excluded: i.country != null && (excluded.has(i.country) || excludedHosts.has(i.country)),
      summary: inputSummary.get(i.key) as Summary,
      distribution: i.components.map((c, k) => ({ weight: w[k] as number, dist: c.dist, figure_ids: c.figureIds, interpretation: c.interpretation })),
      sources: i.figures.map((f) => cite(byId.get(f.id) ?? f, sources)),
    };
  });

  // By country and by sector.
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
    const grp = mr.group ? model.groups.find((g) => g.key === mr.group) : undefined;
    const kept = (mr.hosts ?? []).filter((h) => !excludedHosts.has(h));
    byCountry.push({
      country: r.country,
      name: countryName(r.country),
      sector: r.sector,
      basis: mr.basis,
      workers_status: mr.basis === 'remainder' ? 'remainder' : mr.basis === 'group' ? `group_split (${grp?.input.status ?? ''})` : mr.workers ? (mr.basis === 'share' ? `share_of_total (${mr.workers.status})` : mr.workers.status) : mr.basis,
      ...(mr.basis === 'remainder' ? { hosts: kept, per_host_share: mr.hosts && mr.hosts.length ? 1 / mr.hosts.length : 1 } : {}),
      revenue_usd: rs,
      workers: summarise(d.workers),
      share_of_revenue: rs.mean / meanTotal,
      flags: mr.basis === 'remainder'
        ? [`world total less the named countries${mr.hosts?.length ? `, in equal parts among ${mr.hosts.length} documented host countries without a figure${excludedHosts.size ? ` (${[...excludedHosts].join(', ')} left out)` : ''}` : ''}`]
        : mr.basis === 'group'
          ? [`part of the ${mr.group} share of the world total (no count or share of its own)`, ...(grp?.input.flags ?? [])]
          : (mr.workers?.flags ?? []),
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

  // Scenario against the baseline, with the same random numbers.
  let scenario: ScenarioOut | null = null;
  let baselineRevenue: Float64Array = sim.revenue;
  let baselineSummary = revenue;
  let carry: ExcludedCarry | null = null;
  if (isScenario) {
    const b = simulate(planOf(base, new Set()), draws, seed, leftOut.length > 0);
    baselineRevenue = b.revenue;
    baselineSummary = summarise(b.revenue);
    const dr = new Float64Array(draws);
    const dw = new Float64Array(draws);
    for (let i = 0; i < draws; i++) {
      dr[i] = (sim.revenue[i] as number) - (b.revenue[i] as number);
      dw[i] = (sim.workers[i] as number) - (b.workers[i] as number);
    }
    const diff = summarise(dr);
    const pct = (100 * diff.mean) / (baselineSummary.mean || 1);
    if (leftOut.length) {
      // What the left-out countries carry, under the scenario's overrides if any (else the baseline itself).
      const c = overrides.length ? simulate(planOf(model, new Set()), draws, seed, true) : b;
      carry = carried(model, c.rows, c.revenue, excluded, excludedHosts, draws);
    }
    const what = [
      ...(leftOut.length ? [`leaving out ${leftOut.join(', ')}`] : []),
      ...(overrides.length ? [`overriding ${overrides.map((o) => o.text).join(', ')}`] : []),
    ].join(' and ');
    scenario = {
      excluded: leftOut,
      excluded_carry: carry,
      overrides: overrides.map((o) => o.text),
      baseline: { revenue_usd: baselineSummary, workers: summarise(b.workers) },
      difference_usd: diff,
      difference_workers: summarise(dw),
      difference_pct_of_baseline: pct,
      reading: `${what} changes the ${year} revenue by ${usd(diff.p50)} at the median (90% interval ${usd(diff.p5)} to ${usd(diff.p95)}), ${pct.toFixed(1)}% of the baseline mean ${usd(baselineSummary.mean)}.${carry ? ` ${carry.reading}` : ''}`,
    };
  }

  // Comparison with the published estimates in the graph.
  const comparison: Comparison[] = [];
  const skipped: SkippedComparison[] = [];
  for (const f of figures) {
    const annual = f.metric === 'annual_revenue' || (f.metric === 'revenue' && (f.per === 'year' || f.per === 'month'));
    if (!annual) continue;
    if (f.unit !== 'USD') {
      skipped.push({ figure_id: f.id, reason: `in ${f.unit}: the model counts USD` });
      continue;
    }
    if (f.country === HOME_COUNTRY) {
      skipped.push({ figure_id: f.id, reason: 'about revenue from labour inside North Korea (KP), which the model does not count' });
      continue;
    }
    if (f.entityId != null) {
      skipped.push({ figure_id: f.id, reason: `about one entity (${f.entityId}), not a host country's labour` });
      continue;
    }
    if (f.country == null) {
      comparison.push(compare(f, 'total', year, baselineRevenue, baselineSummary, sources));
    } else {
      const d = sim.rows.get(f.country);
      if (!d) {
        skipped.push({ figure_id: f.id, reason: `${f.country} is ${excluded.has(f.country) ? 'left out of this scenario' : 'not a separate row of the model for this year'}` });
        continue;
      }
      comparison.push(compare(f, f.country, year, d.revenue, summarise(d.revenue), sources));
    }
  }

  const sens = tornado(plan, q);
  const wageP50 = new Map<string, number>();
  for (const r of plan.rows) if (r.country) wageP50.set(r.country, (q.get(r.wage.key) as [number, number, number])[1]);

  const warnings: string[] = [];
  for (const [key, n] of sim.groupOverfull) {
    if (n > 0) warnings.push(`in ${((100 * n) / draws).toFixed(1)}% of draws the countries of ${key} with their own workers exceeded the ${key} share of the world total drawn; there the rest of the group gets zero`);
  }
  if (sim.namedAboveTotal > 0) {
    warnings.push(`in ${((100 * sim.namedAboveTotal) / draws).toFixed(1)}% of draws the named countries' workers exceeded the world total drawn; there the remainder is zero and the total is the named countries' sum`);
  }
  const top = sens.bars.slice(0, 3).map((b) => b.input).join(', ');
  const interval = `Of ${draws.toLocaleString('en-US')} simulated years, 90% give a revenue between ${usd(revenue.p5)} (p5) and ${usd(revenue.p95)} (p95), half fall below ${usd(revenue.p50)} (p50). The width is the disagreement and vagueness of the sources, not sampling noise: each input is a grade-weighted mixture of every sourced figure for it. The inputs that move the result most are ${top} (see sensitivity).`;

  return {
    year,
    draws,
    seed,
    revenue_usd: revenue,
    workers,
    interval,
    by_country: byCountry,
    by_sector: bySector,
    inputs,
    gaps: model.gaps,
    unused_figures: model.unused.map((u) => ({ figure_id: u.figureId, reason: u.reason })),
    warnings,
    scenario,
    sensitivity: sens,
    comparison,
    comparison_skipped: skipped,
    histogram: histogram(sim.revenue),
    wage_flows: wageFlows(figures, sources, wageP50),
    years_with_data: yearsWithWorkerData(figures),
    method: {
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
    },
  };
}

/** What the left-out countries carry in the baseline: their revenue and workers per draw, and the figures that size them. */
function carried(
  model: Model,
  rows: ReadonlyMap<string, { revenue: Float32Array; workers: Float32Array }>,
  baseline: Float64Array,
  excluded: ReadonlySet<string>,
  excludedHosts: ReadonlySet<string>,
  draws: number,
): ExcludedCarry {
  const rev = new Float64Array(draws);
  const wk = new Float64Array(draws);
  const parts: { id: string; part: number }[] = [...excluded].map((c) => ({ id: c, part: 1 }));
  const hosts = model.remainder?.hosts ?? [];
  if (excludedHosts.size && hosts.length) parts.push({ id: 'remainder', part: excludedHosts.size / hosts.length });
  for (const { id, part } of parts) {
    const d = rows.get(id);
    if (!d) continue;
    for (let i = 0; i < draws; i++) {
      rev[i] = (rev[i] as number) + (d.revenue[i] as number) * part;
      wk[i] = (wk[i] as number) + (d.workers[i] as number) * part;
    }
  }
  const frac = new Float64Array(draws);
  for (let i = 0; i < draws; i++) frac[i] = (baseline[i] as number) > 0 ? (rev[i] as number) / (baseline[i] as number) : 0;
  const ids = new Set<string>();
  for (const r of model.rows) {
    if (!r.country || !excluded.has(r.country)) continue;
    for (const f of r.workers?.figures ?? []) ids.add(f.id);
    const g = r.group ? model.groups.find((x) => x.key === r.group) : undefined;
    for (const f of g?.input.figures ?? []) ids.add(f.id);
    if (r.basis !== 'count') for (const f of model.total?.figures ?? []) ids.add(f.id);
  }
  if (excludedHosts.size) for (const f of model.total?.figures ?? []) ids.add(f.id);
  const share = summarise(frac);
  const revenue = summarise(rev);
  const countries = [...excluded, ...excludedHosts];
  const pc = (v: number) => `${(100 * v).toFixed(0)}%`;
  return {
    countries,
    revenue_usd: revenue,
    share_of_baseline: share,
    workers: summarise(wk),
    figure_ids: [...ids].sort(),
    reading: `Kept in, ${countries.join(', ')} carry ${pc(share.p50)} of the revenue at the median (90% interval ${pc(share.p5)}–${pc(share.p95)}; ${usd(revenue.p50)}), sized by ${[...ids].sort().join(', ')}.`,
  };
}
