/**
 * The rates of a row: monthly wage, state share and months worked. A
 * country's own figures (of any year, flagged when none is dated for the
 * year); else, and always for the remainder, the pooled figures of every
 * country, one input shared by all that borrow it. The state share also
 * reads documented wage splits.
 */
import type { Figure } from '../model/index.ts';
import { invalidData } from '../errors.ts';
import { gradeWeight, type Component } from './distributions.ts';
import { covers, HOME_COUNTRY, type Gap, type ModelInput, type RateMetric, type UnusedFigure } from './model.ts';
import { componentsFrom, fmt, sharesFromSplits, WORKER_RECIPIENT } from './readings.ts';

export function rateInput(
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
      const reading = `${s.text}, so a state share of ${s.low === s.high ? fmt(s.low) : `${fmt(s.low)}–${fmt(s.high)} (uniform)`}`;
      components.push({ dist, weight: w, figureIds: ids, interpretation: `${ids.join(', ')} (weight ${fmt(w)}): ${reading}`, reading });
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
