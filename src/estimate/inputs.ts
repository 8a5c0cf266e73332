/**
 * From sourced figures to the model's inputs for one year: which figures each
 * input uses, how a missing figure is filled (the gap rules) and the flags
 * that say so. Nothing here draws random numbers.
 */
import type { Figure, LabourDeployment } from '../model/index.ts';
import { invalidData } from '../errors.ts';
import { gradeWeight, interpretFigure, sameDist, type Component } from './distributions.ts';

export const INPUT_METRICS = ['workers', 'worker_share', 'monthly_wage', 'state_share', 'months_worked'] as const;
export type InputMetric = (typeof INPUT_METRICS)[number];
export type RateMetric = 'monthly_wage' | 'state_share' | 'months_worked';

/**
 * Modelling rules for shares of the workers abroad stated in words. Printed in
 * every result (`method.share_rules`), flagged on each input and gap that uses
 * them, and replaceable with `--override` (README, "Worker shares").
 */
export const SHARE_RULES = {
  /**
   * share_at_least_cap: an open-ended share ("most", "primarily": at least 0.5, no upper
   * value) reads uniform from the bound up to this cap, never 1: the same sources name
   * other host countries.
   */
  atLeastCap: 0.9,
} as const;

/**
 * observed: figures dated to the year. carried_forward / carried_back: the
 * nearest earlier / later year's figures (counts only, at most MAX_GAP_YEARS
 * away). undated: figures without a date, used only when no dated one is near.
 * other_years: a rate (wage, share, months) from figures of other or unstated
 * years. borrowed: no figure for this country, so the pooled figures of all
 * others. override: set by the user for a scenario.
 */
export type InputStatus = 'observed' | 'carried_forward' | 'carried_back' | 'undated' | 'other_years' | 'borrowed' | 'override';

export const MAX_GAP_YEARS = 3;

/** North Korea itself: figures about labour at home (Kaesong, camps) are not labour export. */
export const HOME_COUNTRY = 'KP';

/** Counts of a flow (new permits, new dispatches, people sent home): not a stock of workers the model can use. */
const FLOW_COUNTS: ReadonlySet<string> = new Set(['permits_issued', 'dispatched', 'repatriated']);

export interface ModelInput {
  key: string;
  metric: InputMetric;
  /** Host country, or null for the world total, a group and the unattributed remainder. */
  country: string | null;
  /** For a group's worker_share: its countries (sorted). */
  countries?: string[];
  /** `pooled`: one input shared by every country that borrows it (one draw for all, so ignorance is not averaged away). `group`: a share of several countries together. */
  scope: 'country' | 'total' | 'pooled' | 'group';
  sector: string | null;
  status: InputStatus;
  flags: string[];
  components: Component[];
  figures: Figure[];
  /** The override text, when status is `override`. */
  override: string | null;
}

/**
 * Where a row's workers come from. `count`: its own sourced count. `share`: its
 * own sourced share of the world total. `group`: no count or share of its own,
 * so its part of a group's share (the group's workers less the members that have
 * their own, split evenly among the rest). `remainder`: the world total less
 * every named country.
 */
export type WorkerBasis = 'count' | 'share' | 'group' | 'remainder';

export interface ModelRow {
  /** Host country; null for the unattributed remainder. */
  country: string | null;
  sector: string | null;
  basis: WorkerBasis;
  /** The row's own count (`count`) or own share of the world total (`share`); null for `group` and `remainder`. */
  workers: ModelInput | null;
  /** For `group`: the key of the group whose share the row takes part of. */
  group: string | null;
  /** For the remainder: the documented host countries without a figure, each with an equal part of it. */
  hosts?: string[];
  wage: ModelInput;
  share: ModelInput;
  months: ModelInput;
}

export interface ModelGroup {
  /** Sorted codes joined by `+` (`CN+RU`). */
  key: string;
  countries: string[];
  input: ModelInput;
}

export interface Gap {
  country: string | null;
  metric: InputMetric | 'all';
  rule:
    | 'carried_forward' | 'carried_back' | 'undated' | 'other_years' | 'borrowed' | 'remainder' | 'excluded'
    | 'share_of_total' | 'group_split' | 'vague_share' | 'remainder_split';
  message: string;
}

export interface UnusedFigure {
  figureId: string;
  reason: string;
}

export interface Model {
  year: number;
  rows: ModelRow[];
  /** Shares of groups of countries, in the order the simulation applies them (fewest countries first). */
  groups: ModelGroup[];
  /** World total of workers; null when no global figure is near the year. */
  total: ModelInput | null;
  remainder: ModelRow | null;
  gaps: Gap[];
  unused: UnusedFigure[];
}

export function yearsOf(f: Figure): [number, number] | null {
  const s = f.periodStart ? Number(f.periodStart.slice(0, 4)) : null;
  const e = f.periodEnd ? Number(f.periodEnd.slice(0, 4)) : null;
  if (s == null && e == null) return null;
  return [s ?? (e as number), e ?? (s as number)];
}

export function covers(f: Figure, year: number): boolean {
  const y = yearsOf(f);
  return y != null && y[0] <= year && year <= y[1];
}

/** Years that at least one worker figure covers: the years the model can estimate. */
export function yearsWithWorkerData(figures: readonly Figure[]): number[] {
  const years = new Set<number>();
  for (const f of figures) {
    if (f.metric !== 'workers' || f.entityId != null) continue;
    const y = yearsOf(f);
    if (y) for (let i = y[0]; i <= y[1]; i++) years.add(i);
  }
  return [...years].sort((a, b) => a - b);
}

/** Default year: the one most worker figures cover (latest on a tie). */
export function defaultYear(figures: readonly Figure[]): number | null {
  const count = new Map<number, number>();
  for (const f of figures) {
    if (f.metric !== 'workers' || f.entityId != null) continue;
    const y = yearsOf(f);
    if (y) for (let i = y[0]; i <= y[1]; i++) count.set(i, (count.get(i) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [y, c] of count) {
    if (best == null || c > (count.get(best) ?? 0) || (c === count.get(best) && y > best)) best = y;
  }
  return best;
}

const WORKER_RECIPIENT = /worker|labou?rer|employee/i;

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 3 });

interface Scaled {
  scale: number;
  max: number;
}

/** Whether a figure of this metric can enter the model, and on what scale. */
function scaleFor(f: Figure): Scaled | { error: string } {
  if (f.coverage === 'part') return { error: 'covers part of its country or of the world only (one region, city, sector or site): a floor, not the whole' };
  switch (f.metric) {
    case 'workers':
      if (f.unit !== 'persons') return { error: `unit ${f.unit}, expected persons` };
      if (f.entityId != null) return { error: `counts the workers of one entity (${f.entityId}), not of a country` };
      if (f.counts != null && FLOW_COUNTS.has(f.counts)) return { error: `counts ${f.counts.replace('_', ' ')} in the period (a flow), not the workers there` };
      return { scale: 1, max: Number.POSITIVE_INFINITY };
    case 'monthly_wage':
      if (f.unit !== 'USD') return { error: `wage in ${f.unit}: the model takes USD wages only, as it has no sourced exchange rate` };
      if (f.per === 'year') return { scale: 1 / 12, max: Number.POSITIVE_INFINITY };
      if (f.per === 'month' || f.per == null) return { scale: 1, max: Number.POSITIVE_INFINITY };
      return { error: `wage per ${f.per}: the model has no sourced number of working days` };
    case 'state_share':
      if (f.unit !== 'fraction') return { error: `unit ${f.unit}, expected fraction` };
      return { scale: 1, max: 1 };
    case 'months_worked':
      if (f.unit !== 'months') return { error: `unit ${f.unit}, expected months` };
      return { scale: 1, max: 12 };
    case 'worker_share':
      if (f.unit !== 'fraction') return { error: `unit ${f.unit}, expected fraction` };
      if (f.entityId != null) return { error: `a share of one entity's workers (${f.entityId}), not of the workers abroad` };
      if (f.country == null && (f.countries ?? []).length < 1) return { error: 'a worker_share names no country (country) or group (countries)' };
      return { scale: 1, max: 1 };
    default:
      return { error: `metric ${f.metric} is not a model input` };
  }
}

/** Components from figures: one per figure, identical readings merged (a repeated claim is not new evidence). */
export function componentsFrom(
  figures: readonly Figure[],
  unused: UnusedFigure[],
  workerSlice: (f: Figure) => number | null = () => null,
): { components: Component[]; used: Figure[] } {
  const components: Component[] = [];
  const used: Figure[] = [];
  for (const f of figures) {
    const s = scaleFor(f);
    if ('error' in s) {
      unused.push({ figureId: f.id, reason: s.error });
      continue;
    }
    let netNote = '';
    if (f.metric === 'monthly_wage' && f.recipient != null && WORKER_RECIPIENT.test(f.recipient)) {
      const ws = workerSlice(f);
      if (ws == null || ws <= 0) {
        unused.push({ figureId: f.id, reason: 'pay the worker received (recipient: worker), but no wage split gives the workers\' slice to turn it into a gross wage' });
        continue;
      }
      s.scale /= ws;
      netNote = `the worker's net pay divided by the workers' slice of the wage split (${fmt(ws)}), giving the gross wage; then `;
    }
    const r = f.metric === 'worker_share' && f.qualifier === 'at_least' && f.low != null && f.high == null
      ? openShare(f.low)
      : interpretFigure(f, s.scale, s.max);
    if ('error' in r) {
      unused.push({ figureId: f.id, reason: r.error });
      continue;
    }
    used.push(f);
    const w = gradeWeight(f.reliability);
    const same = components.find((c) => sameDist(c.dist, r.dist));
    if (same) {
      same.weight = Math.max(same.weight, w);
      same.figureIds.push(f.id);
      same.interpretation += `; also stated by ${f.id} (${f.reliability})`;
    } else {
      components.push({ dist: r.dist, weight: w, figureIds: [f.id], interpretation: `${f.id} (${f.reliability}, weight ${fmt(w)}): ${netNote}${r.text}` });
    }
  }
  return { components, used };
}

/** An open-ended share ("most": at least 0.5) read up to the cap (rule share_at_least_cap). */
function openShare(low: number): { dist: Component['dist']; text: string } {
  const cap = SHARE_RULES.atLeastCap;
  if (low >= cap) return { dist: { kind: 'point', value: low }, text: `at least ${fmt(low)}, at or above the cap ${cap}: the bound` };
  return {
    dist: { kind: 'uniform', low, high: cap },
    text: `at least ${fmt(low)} with no upper value: uniform from the bound to ${cap} (modelling rule share_at_least_cap: "most" is not "all", and the sources name other host countries)`,
  };
}

const groupKey = (countries: readonly string[]) => [...new Set(countries)].sort().join('+');

/** The countries a worker_share figure is about (one, or a group). */
export function shareCountries(f: Figure): string[] {
  if (f.countries && f.countries.length) return [...new Set(f.countries)].sort();
  return f.country ? [f.country] : [];
}

/** Counts follow time: the year's figures, else the nearest year's (within MAX_GAP_YEARS), else undated ones. */
function selectCounts(cands: readonly Figure[], year: number): { figures: Figure[]; status: InputStatus; flag: string | null } {
  const covering = cands.filter((f) => covers(f, year));
  if (covering.length) return { figures: covering, status: 'observed', flag: null };
  let best: { dist: number; forward: boolean; figs: Figure[] } | null = null;
  for (const f of cands) {
    const y = yearsOf(f);
    if (!y) continue;
    const forward = y[1] < year;
    const dist = forward ? year - y[1] : y[0] - year;
    if (dist > MAX_GAP_YEARS) continue;
    const better = !best || dist < best.dist || (dist === best.dist && forward && !best.forward);
    if (better) best = { dist, forward, figs: [f] };
    else if (best && dist === best.dist && forward === best.forward) best.figs.push(f);
  }
  if (best) {
    const from = best.forward ? year - best.dist : year + best.dist;
    return {
      figures: best.figs,
      status: best.forward ? 'carried_forward' : 'carried_back',
      flag: `no figure for ${year}: ${best.forward ? 'carried forward' : 'carried back'} from ${from} (${best.dist} year${best.dist > 1 ? 's' : ''} away)`,
    };
  }
  const undated = cands.filter((f) => yearsOf(f) == null);
  if (undated.length) return { figures: undated, status: 'undated', flag: `no dated figure within ${MAX_GAP_YEARS} years of ${year}: undated figures used` };
  return { figures: [], status: 'observed', flag: null };
}

/**
 * A documented wage split read as a state share: one minus the workers'
 * slice (every other recipient is the state or one of its organs), or the sum
 * of the other slices when the workers' slice is not given.
 */
export function sharesFromSplits(splits: readonly Figure[]): { low: number; high: number; figures: Figure[]; text: string }[] {
  const groups = new Map<string, Figure[]>();
  for (const f of splits) {
    if (f.unit !== 'fraction') continue;
    const k = `${f.sourceId}|${f.country ?? ''}|${f.sector ?? ''}`;
    groups.set(k, [...(groups.get(k) ?? []), f]);
  }
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  const lo = (f: Figure) => f.low ?? f.high ?? 0;
  const hi = (f: Figure) => f.high ?? f.low ?? 0;
  const out: { low: number; high: number; figures: Figure[]; text: string }[] = [];
  for (const figs of groups.values()) {
    const worker = figs.filter((f) => f.recipient != null && WORKER_RECIPIENT.test(f.recipient));
    if (worker.length) {
      const wl = worker.reduce((s, f) => s + lo(f), 0);
      const wh = worker.reduce((s, f) => s + hi(f), 0);
      out.push({ low: clamp(1 - wh), high: clamp(1 - wl), figures: figs, text: `wage split: one minus the workers' slice (${wl === wh ? fmt(wl) : `${fmt(wl)}–${fmt(wh)}`})` });
    } else {
      out.push({ low: clamp(figs.reduce((a, f) => a + lo(f), 0)), high: clamp(figs.reduce((a, f) => a + hi(f), 0)), figures: figs, text: 'wage split without a workers\' slice: the sum of the state organs\' slices' });
    }
  }
  return out;
}

function rateInput(
  metric: RateMetric,
  country: string | null,
  scope: 'country' | 'remainder',
  sector: string | null,
  all: readonly Figure[],
  year: number,
  unused: UnusedFigure[],
  gaps: Gap[],
): ModelInput {
  const key = `${metric}:${country ?? 'remainder'}`;
  const ofMetric = all.filter((f) => f.metric === metric && f.country !== HOME_COUNTRY);
  const splits = metric === 'state_share' ? all.filter((f) => f.metric === 'wage_split' && f.country !== HOME_COUNTRY) : [];
  const allSplits = all.filter((f) => f.metric === 'wage_split' && f.unit === 'fraction' && f.recipient != null && WORKER_RECIPIENT.test(f.recipient));
  /**
   * The workers' slice of the same country's split: from the same source when it
   * gives one (the worker who states his net pay and his split), else from the
   * same sector, else any; averaged over the splits picked.
   */
  const workerSlice = (f: Figure): number | null => {
    const same = allSplits.filter((x) => x.country === f.country);
    const bySource = same.filter((x) => x.sourceId === f.sourceId && x.sector === f.sector);
    const bySector = same.filter((x) => x.sector === f.sector);
    const pick = bySource.length ? bySource : bySector.length ? bySector : same;
    if (!pick.length) return null;
    return pick.reduce((a, x) => a + ((x.low ?? x.high ?? 0) + (x.high ?? x.low ?? 0)) / 2, 0) / pick.length;
  };
  const build = (figs: readonly Figure[], splitFigs: readonly Figure[]) => {
    const { components, used } = componentsFrom(figs, unused, workerSlice);
    for (const s of sharesFromSplits(splitFigs)) {
      const ids = s.figures.map((f) => f.id);
      const w = Math.max(...s.figures.map((f) => gradeWeight(f.reliability)));
      const dist: Component['dist'] = s.low === s.high ? { kind: 'point', value: s.low } : { kind: 'uniform', low: s.low, high: s.high };
      components.push({ dist, weight: w, figureIds: ids, interpretation: `${ids.join(', ')} (weight ${fmt(w)}): ${s.text}, so a state share of ${s.low === s.high ? fmt(s.low) : `${fmt(s.low)}–${fmt(s.high)} (uniform)`}` });
      used.push(...s.figures);
    }
    return { components, used };
  };
  if (scope === 'country') {
    const own = build(ofMetric.filter((f) => f.country === country), splits.filter((f) => f.country === country));
    if (own.components.length) {
      const dated = own.used.some((f) => covers(f, year));
      const flags: string[] = [];
      if (!dated) {
        flags.push(`no ${metric} figure dated ${year} for ${country}: figures of other or unstated years used`);
        gaps.push({ country, metric, rule: 'other_years', message: flags[0] as string });
      }
      return { key, metric, country, scope: 'country', sector, status: dated ? 'observed' : 'other_years', flags, components: own.components, figures: own.used, override: null };
    }
  }
  // Borrowed: the pooled figures of every country and the world-wide ones.
  const pooled = build(ofMetric, splits);
  if (!pooled.components.length) {
    throw invalidData(`no usable ${metric} figure in the graph for any country: the model cannot run without a sourced ${metric} (add a figure record with metric ${metric})`, 'estimate');
  }
  const msg = scope === 'remainder'
    ? `${metric} of the unattributed remainder: the pooled figures of all countries`
    : `no ${metric} figure for ${country}: borrowed the pooled figures of all countries`;
  gaps.push({ country, metric, rule: 'borrowed', message: msg });
  const flag = `pooled ${metric}: every sourced ${metric} figure of every country, one draw shared by all countries that borrow it`;
  return { key: `${metric}:pooled`, metric, country: null, scope: 'pooled', sector: null, status: 'borrowed', flags: [flag], components: pooled.components, figures: pooled.used, override: null };
}

/** Builds the model for a year from the accepted figures (and deployments, for the remainder's host countries). */
export function buildModel(figures: readonly Figure[], deployments: readonly LabourDeployment[], year: number): Model {
  // Sorted by id, so the mixtures (and so the draws) do not depend on the order the store returns rows in.
  const accepted = figures.filter((f) => f.reviewStatus === 'accepted').sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const unused: UnusedFigure[] = [];
  const gaps: Gap[] = [];
  const workerFigs = accepted.filter((f) => f.metric === 'workers');
  const shareFigs = accepted.filter((f) => f.metric === 'worker_share');
  const bad = (f: Figure) => ('error' in scaleFor(f) ? (scaleFor(f) as { error: string }).error : null);
  for (const f of accepted) {
    if (f.country === HOME_COUNTRY || (f.countries ?? []).includes(HOME_COUNTRY)) unused.push({ figureId: f.id, reason: 'about labour inside North Korea (KP), not labour sent abroad' });
  }
  for (const f of [...workerFigs, ...shareFigs]) {
    const e = bad(f);
    if (e) unused.push({ figureId: f.id, reason: e });
  }
  const abroad = (f: Figure) => f.country !== HOME_COUNTRY && !(f.countries ?? []).includes(HOME_COUNTRY) && bad(f) == null;

  // World total → shares and the unattributed remainder.
  const globalFigs = workerFigs.filter((f) => f.country == null && abroad(f));
  const g = selectCounts(globalFigs, year);
  let total: ModelInput | null = null;
  if (g.figures.length) {
    for (const f of globalFigs) if (!g.figures.includes(f)) unused.push({ figureId: f.id, reason: `world total dated outside ${year} (or undated) while nearer figures exist` });
    const { components, used } = componentsFrom(g.figures, unused);
    const flags = g.flag ? [g.flag] : [];
    if (g.flag) gaps.push({ country: null, metric: 'workers', rule: g.status as Gap['rule'], message: `world total: ${g.flag}` });
    if (components.length) total = { key: 'workers:total', metric: 'workers', country: null, scope: 'total', sector: null, status: g.status, flags, components, figures: used, override: null };
  }

  // Countries' own counts and shares; groups' shares.
  const countFigs = workerFigs.filter((f) => f.country != null && abroad(f));
  const singleShares = shareFigs.filter((f) => abroad(f) && shareCountries(f).length === 1);
  const groupShares = shareFigs.filter((f) => abroad(f) && shareCountries(f).length > 1);
  const groupKeys = [...new Set(groupShares.map((f) => groupKey(shareCountries(f))))]
    .sort((a, b) => a.split('+').length - b.split('+').length || (a < b ? -1 : a > b ? 1 : 0));
  const countries = [...new Set([
    ...countFigs.map((f) => f.country as string),
    ...singleShares.map((f) => shareCountries(f)[0] as string),
    ...groupKeys.flatMap((k) => k.split('+')),
  ])].sort();

  const noTotal = (what: string) => `${what}, but there is no world total of workers within ${MAX_GAP_YEARS} years of ${year} to take it of`;
  const own = new Map<string, { basis: 'count' | 'share'; input: ModelInput; sector: string | null }>();
  for (const c of countries) {
    const cands = countFigs.filter((f) => f.country === c);
    const cnt = selectCounts(cands, year);
    const shares = singleShares.filter((f) => shareCountries(f)[0] === c);
    if (cnt.figures.length) {
      for (const f of cands) if (!cnt.figures.includes(f)) unused.push({ figureId: f.id, reason: `dated outside ${year} while nearer figures exist` });
      for (const f of shares) unused.push({ figureId: f.id, reason: `${c} has its own count of workers for ${year}; the count is used, not the share` });
      const { components, used } = componentsFrom(cnt.figures, unused);
      if (!components.length) continue;
      const flags = cnt.flag ? [cnt.flag] : [];
      if (cnt.flag) gaps.push({ country: c, metric: 'workers', rule: cnt.status as Gap['rule'], message: `${c}: ${cnt.flag}` });
      own.set(c, { basis: 'count', sector: oneSector(used), input: { key: `workers:${c}`, metric: 'workers', country: c, scope: 'country', sector: oneSector(used), status: cnt.status, flags, components, figures: used, override: null } });
      continue;
    }
    const sh = selectCounts(shares, year);
    if (!sh.figures.length) continue;
    if (!total) {
      for (const f of shares) unused.push({ figureId: f.id, reason: noTotal(`a share of the workers abroad for ${c}`) });
      continue;
    }
    for (const f of shares) if (!sh.figures.includes(f)) unused.push({ figureId: f.id, reason: `dated outside ${year} (or undated) while nearer figures exist` });
    const { components, used } = componentsFrom(sh.figures, unused);
    if (!components.length) continue;
    const flags = [...(sh.flag ? [sh.flag] : []), `no count of workers for ${c}: its workers are this share × the world total`];
    if (sh.flag) gaps.push({ country: c, metric: 'worker_share', rule: sh.status as Gap['rule'], message: `${c}: ${sh.flag}` });
    gaps.push({ country: c, metric: 'workers', rule: 'share_of_total', message: `${c}: no count of workers near ${year}; its workers are its sourced share of the world total (${used.map((f) => f.id).join(', ')})` });
    vagueGaps(used, c, c, gaps);
    own.set(c, { basis: 'share', sector: oneSector(used), input: { key: `worker_share:${c}`, metric: 'worker_share', country: c, scope: 'country', sector: oneSector(used), status: sh.status, flags, components, figures: used, override: null } });
  }

  // Groups, fewest countries first: a country without its own count or share takes part of the first group that holds it.
  const groups: ModelGroup[] = [];
  const inGroup = new Map<string, string>();
  for (const key of groupKeys) {
    const members = key.split('+');
    const figs = groupShares.filter((f) => groupKey(shareCountries(f)) === key);
    const free = members.filter((m) => !own.has(m) && !inGroup.has(m));
    if (!total) {
      for (const f of figs) unused.push({ figureId: f.id, reason: noTotal(`a share of the workers abroad for ${members.join(' and ')} together`) });
      continue;
    }
    if (!free.length) {
      for (const f of figs) unused.push({ figureId: f.id, reason: `every country of ${key} has its own count or share (or an earlier group's), so the group's share adds no workers` });
      continue;
    }
    const sel = selectCounts(figs, year);
    if (!sel.figures.length) continue;
    for (const f of figs) if (!sel.figures.includes(f)) unused.push({ figureId: f.id, reason: `dated outside ${year} (or undated) while nearer figures exist` });
    const { components, used } = componentsFrom(sel.figures, unused);
    if (!components.length) continue;
    const fixed = members.filter((m) => !free.includes(m));
    const flags = [...(sel.flag ? [sel.flag] : []), `share of ${members.join(' and ')} together; ${free.join(', ')} ${free.length > 1 ? 'split evenly' : 'takes'} what ${fixed.length ? `${fixed.join(', ')} ${fixed.length > 1 ? 'do' : 'does'} not` : 'the group holds'}`];
    if (sel.flag) gaps.push({ country: null, metric: 'worker_share', rule: sel.status as Gap['rule'], message: `${key}: ${sel.flag}` });
    vagueGaps(used, key, null, gaps);
    for (const m of free) {
      inGroup.set(m, key);
      const rest = fixed.length ? ` less ${fixed.join(' and ')}'s own workers` : '';
      gaps.push({
        country: m,
        metric: 'workers',
        rule: 'group_split',
        message: `${m}: no count or share of its own near ${year}; its workers are the ${key} share of the world total (${used.map((f) => f.id).join(', ')})${rest}${free.length > 1 ? `, split evenly among ${free.join(', ')} (no figure says how they divide)` : ''}`,
      });
    }
    groups.push({ key, countries: members, input: { key: `worker_share:${key}`, metric: 'worker_share', country: null, countries: members, scope: 'group', sector: null, status: sel.status, flags, components, figures: used, override: null } });
  }

  const rows: ModelRow[] = [];
  for (const c of countries) {
    const o = own.get(c);
    const grp = inGroup.get(c) ?? null;
    if (!o && !grp) {
      gaps.push({ country: c, metric: 'workers', rule: 'excluded', message: `${c}: no worker figure (count or share) usable for ${year}; its workers, if any, are in the unattributed remainder` });
      continue;
    }
    const sector = o?.sector ?? null;
    rows.push({
      country: c,
      sector,
      basis: o ? o.basis : 'group',
      workers: o ? o.input : null,
      group: o ? null : grp,
      wage: rateInput('monthly_wage', c, 'country', sector, accepted, year, unused, gaps),
      share: rateInput('state_share', c, 'country', sector, accepted, year, unused, gaps),
      months: rateInput('months_worked', c, 'country', sector, accepted, year, unused, gaps),
    });
  }

  let remainder: ModelRow | null = null;
  const named = new Set(rows.map((r) => r.country));
  const hosts = [...new Set(deployments.map((d) => d.country))].filter((c) => !named.has(c) && c !== HOME_COUNTRY).sort();
  if (total) {
    remainder = {
      country: null,
      sector: null,
      basis: 'remainder',
      workers: null,
      group: null,
      hosts,
      wage: rateInput('monthly_wage', null, 'remainder', null, accepted, year, unused, gaps),
      share: rateInput('state_share', null, 'remainder', null, accepted, year, unused, gaps),
      months: rateInput('months_worked', null, 'remainder', null, accepted, year, unused, gaps),
    };
    gaps.push({ country: null, metric: 'workers', rule: 'remainder', message: 'workers in host countries without a figure of their own: the world total less the named countries (never below zero)' });
    if (hosts.length) {
      gaps.push({
        country: null,
        metric: 'workers',
        rule: 'remainder_split',
        message: `host countries with documented deployments but no usable worker figure for ${year}, each given an equal 1/${hosts.length} of the remainder (no figure says how it divides; --exclude of one of them removes its part): ${hosts.join(', ')}`,
      });
    }
  } else {
    gaps.push({ country: null, metric: 'workers', rule: 'excluded', message: `no world total of workers within ${MAX_GAP_YEARS} years of ${year}: only countries with their own count are counted${hosts.length ? `; left out: ${hosts.join(', ')}` : ''}` });
  }

  const seen = new Set<string>();
  const unique = unused.filter((u) => (seen.has(u.figureId) ? false : (seen.add(u.figureId), true)));
  return { year, rows, groups, total, remainder, gaps, unused: unique };
}

function oneSector(used: readonly Figure[]): string | null {
  const sectors = [...new Set(used.map((f) => f.sector))];
  return sectors.length === 1 ? (sectors[0] ?? null) : null;
}

/** A gap note for every share stated in words rather than as a number, with the reading used and how to change it. */
function vagueGaps(used: readonly Figure[], target: string, country: string | null, gaps: Gap[]): void {
  for (const f of used) {
    if (f.qualifier === 'exact' || f.qualifier === 'range') continue;
    const reading = f.qualifier === 'at_least' && f.high == null
      ? `at least ${fmt(f.low ?? 0)}, capped at ${SHARE_RULES.atLeastCap} (rule share_at_least_cap)`
      : `${fmt(f.low ?? 0)}–${fmt(f.high ?? f.low ?? 0)} (${f.qualifier}; the reading is stated in the figure's note)`;
    gaps.push({
      country,
      metric: 'worker_share',
      rule: 'vague_share',
      message: `${target}: "${f.quote}" (${f.id}, ${f.reliability}) gives no number; read as a share of ${reading}. Change it with --override ${target}:worker_share=LOW..HIGH`,
    });
  }
}
