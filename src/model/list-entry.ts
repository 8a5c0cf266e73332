/**
 * One entry of an official sanctions list, as its importer parses it, before
 * it becomes statements. Importers (src/ingest) produce these; the matcher's
 * evaluation and the store's list loader consume them.
 */
export type ListId = 'us_ofac_sdn' | 'un_sc_sanctions' | 'gb_fcdo_sanctions' | string;

export type ListEntrySchema = 'Person' | 'Organization' | 'Company' | 'LegalEntity' | 'Vessel' | 'Airplane';

export interface ListName {
  value: string;
  /** `primary`: the listed name; `strong`: a good-quality alias (a.k.a., UN "Good"); `weak`: a low-quality alias (OFAC weak a.k.a., UN "Low"). */
  strength: 'primary' | 'strong' | 'weak';
  /** `fka` for a former name. */
  kind?: 'aka' | 'fka' | 'nka';
}

export interface ListIdentifier {
  /** e.g. `passport`, `national_id`, `registration`, `imo`, `swift`, `digital_currency`. */
  type: string;
  value: string;
  country: string | null;
  note: string | null;
}

export interface ListEntry {
  listId: ListId;
  /** The list's own id: OFAC `ent_num`, UN `REFERENCE_NUMBER` (`KPi.001`). */
  entryId: string;
  schema: ListEntrySchema;
  names: ListName[];
  /** ISO 8601, possibly partial (YYYY or YYYY-MM). A range of years is given as two values. */
  birthDates: string[];
  birthPlaces: string[];
  /** ISO 3166-1 alpha-2 codes. */
  nationalities: string[];
  countries: string[];
  identifiers: ListIdentifier[];
  addresses: string[];
  /** Programmes as the list names them (`DPRK3`, `NPWMD`, `DPRK` for UN 1718). */
  programs: string[];
  /** ISO date of listing, when the list gives one. */
  listedOn: string | null;
  remarks: string | null;
  positions: string[];
  gender: 'male' | 'female' | null;
  /** Names of other listed parties this entry is linked to (OFAC "Linked To:"). */
  linkedTo: string[];
  /** Vessel fields (flag as ISO2, IMO number, call sign, type, tonnage), when a vessel. */
  vessel?: { flag: string | null; imo: string | null; callSign: string | null; type: string | null; tonnage: string | null; owner: string | null; /** Gross registered tonnage (OFAC `GRT`), when given. */ grt?: string | null };
}

/** The programmes that make an entry DPRK-related. */
export const DPRK_PROGRAMS = ['DPRK', 'DPRK2', 'DPRK3', 'DPRK4', 'DPRK-NKSPEA'] as const;
