/**
 * The DPRK programme filter. An entry is DPRK-related when it carries a DPRK
 * programme (OFAC DPRK, DPRK2, DPRK3, DPRK4, DPRK-NKSPEA; the UN 1718 regime,
 * whose list type is `DPRK`; the EU's `PRK`; the UK regime "Democratic
 * People's Republic of Korea": 261 UK entries) or when any of its fields names North Korea
 * (the rule in ../shared/data/official/PROVENANCE.md: 484 + 110 = 594 OFAC entries, 155 UN).
 */
import { DPRK_PROGRAMS, type ListEntry } from '../../model/index.ts';

/** Dataset (collection) that DPRK-related entries of every list also belong to. */
export const DPRK_DATASET = 'dprk';

const DPRK_TEXT = /Korea, North|North Korea|Democratic People's Republic of Korea|\bDPRK\b|P'?yongyang|Korea, Democratic/i;

/** The EU's programme code for its DPRK regime (Regulation (EU) 2017/1509). */
const EU_DPRK_PROGRAMME = 'PRK';

export function hasDprkProgram(entry: ListEntry): boolean {
  // OFAC and UN codes (DPRK, DPRK2…), the EU's PRK, and the UK's regime named in words ("Democratic People's Republic of Korea").
  return entry.programs.some((p) => (DPRK_PROGRAMS as readonly string[]).includes(p) || /^DPRK/.test(p) || p === EU_DPRK_PROGRAMME || DPRK_TEXT.test(p));
}

export function isDprkRelated(entry: ListEntry): boolean {
  if (hasDprkProgram(entry)) return true;
  if (entry.nationalities.includes('KP') || entry.countries.includes('KP') || entry.vessel?.flag === 'KP') return true;
  const texts = [
    ...entry.names.map((n) => n.value), ...entry.birthPlaces, ...entry.addresses, ...entry.positions,
    ...entry.linkedTo, ...entry.identifiers.map((i) => `${i.note ?? ''} ${i.value}`),
    entry.remarks ?? '', entry.vessel?.owner ?? '', entry.vessel?.type ?? '',
  ];
  return texts.some((t) => DPRK_TEXT.test(t));
}
