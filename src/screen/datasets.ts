/**
 * What "screen against dprk" and "against default" mean: the DPRK collection
 * is every list entry under a DPRK programme (OFAC DPRK*, UN 1718, UK DPRK
 * regime, or naming North Korea) plus the curated seed dataset; `default` is
 * everything in the index.
 */
import { invalidInput } from '../errors.ts';

export const SCREEN_DATASETS = ['dprk', 'default'] as const;
export type ScreenDataset = (typeof SCREEN_DATASETS)[number];

/** Dataset filter for the matcher (undefined: everything). */
export function datasetFilter(dataset: ScreenDataset): string[] | undefined {
  return dataset === 'dprk' ? ['dprk', 'room39_seeds'] : undefined;
}

export function parseScreenDataset(value: string | null | undefined, where = '--dataset'): ScreenDataset {
  if (value === null || value === undefined || value === '') return 'default';
  if ((SCREEN_DATASETS as readonly string[]).includes(value)) return value as ScreenDataset;
  throw invalidInput(`dataset must be "dprk" or "default" (got "${value.slice(0, 40)}")`, where);
}
