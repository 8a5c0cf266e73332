/**
 * The one parser of screening options (threshold, cutoff, limit, dataset,
 * algorithm) for every door: the CLI, `/api/screen`, yente's `/match` and
 * OpenRefine's `/reconcile`. Values arrive as text (query strings, flags) or
 * numbers (JSON); a bad one is reported by its field name, which each door
 * words its own way (`--threshold` in the CLI).
 */
import { invalidOption } from '../errors.ts';
import { DEFAULT_CUTOFF, DEFAULT_LIMIT, DEFAULT_THRESHOLD } from '../match/matcher.ts';
import { ALGORITHM_NAME } from '../match/features.ts';
import { resolveDataset, type DatasetScope } from './datasets.ts';

export interface ScreeningOptions {
  /** Score at or above which a result is a match. */
  threshold: number;
  /** Results below this score are not returned. */
  cutoff: number;
  /** Results per query or row. */
  limit: number;
  dataset: DatasetScope;
  algorithm: string;
}

export type RawOption = string | number | null | undefined;
export type RawScreeningOptions = Partial<Record<'threshold' | 'cutoff' | 'limit' | 'dataset' | 'algorithm', RawOption>>;

export const SCREENING_DEFAULTS = {
  threshold: DEFAULT_THRESHOLD, cutoff: DEFAULT_CUTOFF, limit: DEFAULT_LIMIT, dataset: 'default', algorithm: ALGORITHM_NAME,
} as const;

/** Largest `limit` each door allows. */
export const MAX_LIMIT = 50;
/** Largest `limit` of yente's `/match` and of OpenRefine's queries (yente's own bound). */
export const MATCH_MAX_LIMIT = 500;

export interface OptionBounds {
  maxLimit?: number;
  /** The datasets that exist (the index's and the collections): another name is refused as not found. */
  knownDatasets?: ReadonlySet<string>;
  /** Too large a limit is lowered to the maximum instead of refused (OpenRefine asks for more than it needs). */
  clampLimit?: boolean;
}

const given = (v: RawOption): v is string | number => v !== null && v !== undefined && v !== '';

function fraction(field: string, v: RawOption, fallback: number): number {
  if (!given(v)) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw invalidOption(field, `must be a number from 0 to 1 (got "${String(v).slice(0, 40)}")`);
  return n;
}

function wholeNumber(field: string, v: RawOption, fallback: number, max: number, clamp: boolean): number {
  if (!given(v)) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw invalidOption(field, `must be a whole number from 1 to ${max} (got "${String(v).slice(0, 40)}")`);
  if (n > max) {
    if (clamp) return max;
    throw invalidOption(field, `must be a whole number from 1 to ${max} (got "${String(v).slice(0, 40)}")`);
  }
  return n;
}

export function parseScreeningOptions(raw: RawScreeningOptions, bounds: OptionBounds = {}): ScreeningOptions {
  const threshold = fraction('threshold', raw.threshold, SCREENING_DEFAULTS.threshold);
  // A cutoff above the threshold would hide matches: it is lowered to the threshold.
  const cutoff = Math.min(fraction('cutoff', raw.cutoff, SCREENING_DEFAULTS.cutoff), threshold);
  const limit = wholeNumber('limit', raw.limit, SCREENING_DEFAULTS.limit, bounds.maxLimit ?? MAX_LIMIT, bounds.clampLimit ?? false);
  const algorithm = given(raw.algorithm) ? String(raw.algorithm) : SCREENING_DEFAULTS.algorithm;
  if (algorithm !== ALGORITHM_NAME) throw invalidOption('algorithm', `unknown algorithm "${algorithm.slice(0, 40)}"; room39 has "${ALGORITHM_NAME}"`);
  const dataset = resolveDataset(given(raw.dataset) ? String(raw.dataset) : SCREENING_DEFAULTS.dataset, 'dataset', bounds.knownDatasets);
  return { threshold, cutoff, limit, dataset, algorithm };
}
