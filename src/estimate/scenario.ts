/**
 * Scenarios: the user's overrides applied to the model's inputs (a country's
 * own override wins over an all-countries one), the model turned into a
 * simulation plan, and a scenario read against the baseline with the same
 * random numbers, with what the left-out countries carry.
 */
import { invalidOption } from '../errors.ts';
import { countryName } from '../model/countries.ts';
import { Mixture } from './distributions.ts';
import type { InputMetric, Model, ModelInput, ModelRow } from './model.ts';
import { overrideDist, type Override } from './overrides.ts';
import { simulate, type Plan, type PlannedInput, type PlannedRow, type SimResult } from './simulate.ts';
import { summarise, type Summary } from './stats.ts';
import type { Exclusions } from './options.ts';

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

export const usd = (v: number): string => (v < 0 ? `-${usd(-v)}` : v >= 1e9 ? `$${(v / 1e9).toFixed(2)} billion` : `$${Math.round(v / 1e6)} million`);

function overridden(input: ModelInput, o: Override): ModelInput {
  return {
    ...input,
    // A country's own override replaces a shared (pooled) input for that country only.
    key: o.country ? `${input.metric}:${o.country}` : input.key,
    country: o.country ?? input.country,
    scope: o.country ? 'country' : input.scope,
    status: 'override',
    flags: [`overridden for this scenario: ${o.text}`],
    components: [{ dist: overrideDist(o), weight: 1, figureIds: [], interpretation: `override ${o.text}: ${o.low === o.high ? 'the given value' : 'uniform between the given values'}`, reading: o.low === o.high ? 'the given value' : 'uniform between the given values' }],
    figures: [],
    override: o.text,
  };
}

const blankInput = (metric: InputMetric, country: string): ModelInput => ({
  key: `${metric}:${country}`, metric, country, scope: 'country', sector: null, status: 'override', flags: [], components: [], figures: [], override: null,
});

/** Each override must have something in the model to replace, and none may contradict the exclusions or another override. */
export function checkOverrides(model: Model, overrides: readonly Override[], excluded: Exclusions): void {
  const named = new Set(model.rows.map((r) => r.country as string));
  const groupKeys = model.groups.map((g) => g.key);
  const bad = (message: string) => invalidOption('override', message);
  const both = (o: Override) => bad(`${o.country} is both left out and overridden ("${o.text}"); do one or the other`);
  for (const o of overrides) if (o.country && excluded.hosts.has(o.country)) throw both(o);
  for (const o of overrides) {
    if (o.country && excluded.rows.has(o.country)) throw both(o);
    if (o.countries) {
      const key = o.countries.join('+');
      if (!groupKeys.includes(key)) {
        throw bad(`no sourced share of ${key} together is used for ${model.year}, so there is none to override; groups in the model: ${groupKeys.join(', ') || 'none'} (a country's own share: CC:worker_share=…)`);
      }
      continue;
    }
    if (o.country && !named.has(o.country)) {
      throw bad(`${o.country} has no worker figure (count or share) near ${model.year}, so the model has no ${o.metric} for it to override; countries in the model: ${[...named].join(', ')}`);
    }
    if (o.metric === 'workers' && o.country == null && !model.total) throw bad(`there is no world total of workers for ${model.year} to override`);
    if (o.metric === 'worker_share' && !model.total) throw bad(`there is no world total of workers for ${model.year} to take a share of`);
    if (o.country && (o.metric === 'workers' || o.metric === 'worker_share') && overrides.some((p) => p !== o && p.country === o.country && (p.metric === 'workers' || p.metric === 'worker_share') && p.metric !== o.metric)) {
      throw bad(`${o.country}: give its workers (${o.country}:workers=…) or its share (${o.country}:worker_share=…), not both`);
    }
  }
}

/** The model's inputs with the (checked) overrides applied: a country's own override wins over an all-countries one. */
export function applyOverrides(model: Model, overrides: readonly Override[]): Model {
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
    return { ...r, basis, workers, group, wage: apply(r.wage, 'monthly_wage'), share: apply(r.share, 'state_share'), months: apply(r.months, 'months_worked') };
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

const NONE: Exclusions = { rows: new Set(), hosts: new Set() };

/** The simulation plan of a model: one mixture per distinct input, the left-out rows and remainder hosts marked. */
export function planOf(model: Model, excluded: Exclusions = NONE): Plan {
  const cache = new Map<string, PlannedInput>();
  const p = (i: ModelInput): PlannedInput => {
    let x = cache.get(i.key);
    if (!x) cache.set(i.key, (x = { key: i.key, mixture: new Mixture(i.components) }));
    return x;
  };
  const row = (r: ModelRow): PlannedRow => {
    const hosts = r.hosts ?? [];
    const left = hosts.filter((h) => excluded.hosts.has(h)).length;
    return {
      id: r.country ?? 'remainder',
      country: r.country,
      sector: r.sector,
      basis: r.basis,
      excluded: r.country != null && excluded.rows.has(r.country),
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

/** The sourced figures that size the left-out countries' workers: their counts or shares, their groups' shares, the world total. */
function carriedFigureIds(model: Model, excluded: Exclusions): string[] {
  const ids = new Set<string>();
  for (const r of model.rows) {
    if (!r.country || !excluded.rows.has(r.country)) continue;
    for (const f of r.workers?.figures ?? []) ids.add(f.id);
    const g = r.group ? model.groups.find((x) => x.key === r.group) : undefined;
    for (const f of g?.input.figures ?? []) ids.add(f.id);
    if (r.basis !== 'count') for (const f of model.total?.figures ?? []) ids.add(f.id);
  }
  if (excluded.hosts.size) for (const f of model.total?.figures ?? []) ids.add(f.id);
  return [...ids].sort();
}

/** Countries as a reader names them, with the code the scenario was given: "Russia (RU) and China (CN)". */
function namedCountries(codes: readonly string[]): string {
  const named = codes.map((cc) => `${countryName(cc)} (${cc})`);
  return named.length < 2 ? named.join('') : `${named.slice(0, -1).join(', ')} and ${named.at(-1)}`;
}

/** What the left-out countries carry in the baseline: their revenue and workers per draw, and the figures that size them. */
function carried(model: Model, sim: SimResult, excluded: Exclusions, draws: number): ExcludedCarry {
  const rev = new Float64Array(draws);
  const wk = new Float64Array(draws);
  const parts: { id: string; part: number }[] = [...excluded.rows].map((c) => ({ id: c, part: 1 }));
  const hosts = model.remainder?.hosts ?? [];
  if (excluded.hosts.size && hosts.length) parts.push({ id: 'remainder', part: excluded.hosts.size / hosts.length });
  for (const { id, part } of parts) {
    const d = sim.rows.get(id);
    if (!d) continue;
    for (let i = 0; i < draws; i++) {
      rev[i] = (rev[i] as number) + (d.revenue[i] as number) * part;
      wk[i] = (wk[i] as number) + (d.workers[i] as number) * part;
    }
  }
  const frac = new Float64Array(draws);
  for (let i = 0; i < draws; i++) frac[i] = (sim.revenue[i] as number) > 0 ? (rev[i] as number) / (sim.revenue[i] as number) : 0;
  const ids = carriedFigureIds(model, excluded);
  const share = summarise(frac);
  const revenue = summarise(rev);
  const countries = [...excluded.rows, ...excluded.hosts];
  const pc = (v: number) => `${(100 * v).toFixed(0)}%`;
  return {
    countries,
    revenue_usd: revenue,
    share_of_baseline: share,
    workers: summarise(wk),
    figure_ids: ids,
    reading: `Kept in, ${namedCountries(countries)} ${countries.length === 1 ? 'carries' : 'carry'} ${pc(share.p50)} of the revenue at the median (90% interval ${pc(share.p5)}–${pc(share.p95)}; ${usd(revenue.p50)}), sized by ${ids.length} published figure${ids.length === 1 ? '' : 's'}, each listed with its source among the inputs.`,
  };
}

/** A scenario (countries left out, inputs overridden) and the baseline it is read against. */
export interface ScenarioRun {
  base: Model;
  model: Model;
  excluded: Exclusions;
  overrides: readonly Override[];
  sim: SimResult;
  draws: number;
  seed: string;
  year: number;
}

/**
 * The scenario against the baseline, draw by draw with the same random
 * numbers: the baseline's revenue (for the comparison with published
 * estimates) and the scenario's reading.
 */
/** What leaving a country out assumes, said with every such scenario: an expulsion's workers are not counted again elsewhere. */
export const NOT_MOVED = 'The workers of a country left out leave the total: none is assumed to move on to another host, where they would still earn for the state.';

export function runScenario(s: ScenarioRun): { scenario: ScenarioOut; baseline: SimResult } {
  const { draws, seed, sim, overrides } = s;
  const leftOut = [...s.excluded.rows, ...s.excluded.hosts];
  const b = simulate(planOf(s.base), draws, seed, leftOut.length > 0);
  const baselineSummary = summarise(b.revenue);
  const dr = new Float64Array(draws);
  const dw = new Float64Array(draws);
  for (let i = 0; i < draws; i++) {
    dr[i] = (sim.revenue[i] as number) - (b.revenue[i] as number);
    dw[i] = (sim.workers[i] as number) - (b.workers[i] as number);
  }
  const diff = summarise(dr);
  const pct = (100 * diff.mean) / (baselineSummary.mean || 1);
  // What the left-out countries carry, under the scenario's overrides if any (else the baseline itself).
  const carry = leftOut.length ? carried(s.model, overrides.length ? simulate(planOf(s.model), draws, seed, true) : b, s.excluded, draws) : null;
  const what = [
    ...(leftOut.length ? [`leaving out ${namedCountries(leftOut)}`] : []),
    ...(overrides.length ? [`overriding ${overrides.map((o) => o.text).join(', ')}`] : []),
  ].join(' and ');
  return {
    baseline: b,
    scenario: {
      excluded: leftOut,
      excluded_carry: carry,
      overrides: overrides.map((o) => o.text),
      baseline: { revenue_usd: baselineSummary, workers: summarise(b.workers) },
      difference_usd: diff,
      difference_workers: summarise(dw),
      difference_pct_of_baseline: pct,
      reading: `${what} changes the ${s.year} revenue by ${usd(diff.p50)} at the median (90% interval ${usd(diff.p5)} to ${usd(diff.p95)}), ${pct.toFixed(1)}% of the baseline mean ${usd(baselineSummary.mean)}.${leftOut.length ? ` ${NOT_MOVED}` : ''}${carry ? ` ${carry.reading}` : ''}`,
    },
  };
}
