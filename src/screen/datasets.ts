/**
 * What screening "against a dataset" means: `default` (also `all`,
 * `sanctions`) is everything in the index; `dprk` every list entry under a
 * DPRK programme (OFAC DPRK*, UN 1718, UK DPRK regime, or naming North Korea)
 * plus the curated seed dataset; any other name is one dataset of the graph
 * (`us_ofac_sdn`, `un_sc_sanctions`, `room39_seeds`).
 */
import { invalidOption, notFound } from '../errors.ts';

export interface DatasetScope {
  /** The name asked for. */
  name: string;
  /** Datasets an entity must belong to (one of), or undefined for everything. */
  filter: string[] | undefined;
}

const EVERYTHING = new Set(['default', 'all', 'sanctions']);
export const DPRK_COLLECTION: readonly string[] = ['dprk', 'room39_seeds'];
/** Names that are collections of datasets rather than one dataset. */
export const COLLECTION_NAMES: readonly string[] = [...EVERYTHING, 'dprk'];

/**
 * The scope of a dataset name. With `known` (the datasets of the index), a
 * name that is neither a collection nor one of them is refused as not found:
 * screening against a dataset that does not exist must not look like a clean
 * result.
 */
export function resolveDataset(name: string, field = 'dataset', known?: ReadonlySet<string>): DatasetScope {
  if (EVERYTHING.has(name)) return { name, filter: undefined };
  if (name === 'dprk') return { name, filter: [...DPRK_COLLECTION] };
  if (!/^[a-z0-9_-]{1,64}$/.test(name)) throw invalidOption(field, `unknown dataset "${name.slice(0, 40)}"; use default, dprk or a dataset name such as us_ofac_sdn`);
  if (known && !known.has(name)) throw notFound(`no such dataset "${name}"; the datasets are listed at /catalog (default and dprk are collections)`);
  return { name, filter: [name] };
}
