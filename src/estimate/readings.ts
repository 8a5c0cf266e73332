/**
 * Figures read as mixture components: which figures can enter the model and
 * on what scale (a yearly wage per month, a share up to 1), net pay turned
 * into a gross wage by the workers' slice of a wage split, open-ended shares
 * read up to the cap, identical readings merged; and wage splits read as a
 * state share.
 */
import type { Figure } from '../model/index.ts';
import { gradeWeight, interpretFigure, sameDist, type Component } from './distributions.ts';
import { SHARE_RULES, type UnusedFigure } from './model.ts';

export const WORKER_RECIPIENT = /worker|labou?rer|employee/i;

export const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 3 });
interface Scaled {
  scale: number;
  max: number;
}

/** Whether a figure of this metric can enter the model, and on what scale. */
/** Counts of a flow (new permits, new dispatches, people sent home): not a stock of workers the model can use. */
const FLOW_COUNTS: ReadonlySet<string> = new Set(['permits_issued', 'dispatched', 'repatriated']);

export function scaleFor(f: Figure): Scaled | { error: string } {
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
      components.push({ dist: r.dist, weight: w, figureIds: [f.id], interpretation: `${f.id} (${f.reliability}, weight ${fmt(w)}): ${netNote}${r.text}`, reading: `${netNote}${r.text}` });
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
