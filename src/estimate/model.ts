/**
 * The revenue model's vocabulary: its inputs (metric, scope, status, the
 * figures and the mixture components), its rows (one per host country, and
 * the unattributed remainder), groups, gaps and unused figures; the modelling
 * rules for shares stated in words; and the years figures cover.
 */
import type { Figure } from '../model/index.ts';
import type { Component } from './distributions.ts';

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

/**
 * Beyond MAX_GAP_YEARS a count is still carried from the nearest year that has
 * one, so that every year between the first and the last year with data has an
 * answer; the input is flagged with the year it came from and how far that is.
 */
export const CARRY_ANY_DISTANCE = true;

/** North Korea itself: figures about labour at home (Kaesong, camps) are not labour export. */
export const HOME_COUNTRY = 'KP';

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
  /** For a count or share carried from another year (`carried_forward` / `carried_back`): the year its figures are about. */
  fromYear?: number | null;
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

