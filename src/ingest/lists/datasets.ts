/**
 * The official lists' names: their formats and dataset names, in a module of
 * their own so a command can name them without loading the parsers.
 */
import type { ListKey } from '../../config/settings.ts';

export const OFAC_DATASET = 'us_ofac_sdn';
export const UN_DATASET = 'un_sc_sanctions';
export const UK_DATASET = 'gb_fcdo_sanctions';
export const EU_DATASET = 'eu_fsf';

/** `ofac-xml` reads the legacy sdn.xml and the advanced XML; `uk` the full XML and the summary ODS. */
export const LIST_FORMATS = ['ofac-csv', 'ofac-xml', 'un-xml', 'uk', 'eu-xml'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

export const FORMAT_DATASET: Record<ListFormat, string> = {
  'ofac-csv': OFAC_DATASET, 'ofac-xml': OFAC_DATASET, 'un-xml': UN_DATASET, uk: UK_DATASET, 'eu-xml': EU_DATASET,
};

/** The dataset of each list's short name (`--list ofac`). */
export const LIST_DATASET: Record<ListKey, string> = { ofac: OFAC_DATASET, un: UN_DATASET, uk: UK_DATASET, eu: EU_DATASET };
