/**
 * What screening "against a dataset" means: `default` (also `all`,
 * `sanctions`) is everything in the index; `dprk` every list entry under a
 * DPRK programme (OFAC DPRK*, UN 1718, UK DPRK regime, or naming North Korea)
 * plus the curated seed dataset; any other name is one dataset of the graph
 * (`us_ofac_sdn`, `un_sc_sanctions`, `room39_seeds`).
 */
import { invalidOption } from '../errors.ts';

export interface DatasetScope {
  /** The name asked for. */
  name: string;
  /** Datasets an entity must belong to (one of), or undefined for everything. */
  filter: string[] | undefined;
}

const EVERYTHING = new Set(['default', 'all', 'sanctions']);
const DPRK_COLLECTION = ['dprk', 'room39_seeds'];

export function resolveDataset(name: string, field = 'dataset'): DatasetScope {
  if (EVERYTHING.has(name)) return { name, filter: undefined };
  if (name === 'dprk') return { name, filter: DPRK_COLLECTION };
  if (!/^[a-z0-9_-]{1,64}$/.test(name)) throw invalidOption(field, `unknown dataset "${name.slice(0, 40)}"; use default, dprk or a dataset name such as us_ofac_sdn`);
  return { name, filter: [name] };
}
