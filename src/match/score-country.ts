/**
 * Country: nationality, citizenship, jurisdiction or country of the query
 * against the candidate's. A weak signal both ways (a North Korean worker in
 * Russia is listed as Korean, screened as Russian), so its effects are small.
 */
import countries from 'i18n-iso-countries';
import type { ExplanationItem } from './types.ts';

const ALIASES: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, { // no prototype: a word such as "constructor" finds nothing
  'north korea': 'kp', dprk: 'kp', 'korea north': 'kp', 'korea, north': 'kp', 'korea dprk': 'kp', "democratic people's republic of korea": 'kp',
  'democratic peoples republic of korea': 'kp', 'south korea': 'kr', 'korea south': 'kr', 'korea, south': 'kr', 'republic of korea': 'kr',
  russia: 'ru', 'russian federation': 'ru', uk: 'gb', 'united kingdom': 'gb', usa: 'us', 'united states': 'us', uae: 'ae', 'hong kong': 'hk',
  taiwan: 'tw', burma: 'mm', 'czech republic': 'cz', laos: 'la', syria: 'sy', iran: 'ir', vietnam: 'vn',
});

/** ISO alpha-2 (lower case) of a country written as a code (KP, PRK) or a name in English (North Korea, Russia). Null when unknown. */
export function countryCodeOf(value: string): string | null {
  const v = value.trim();
  if (v === '') return null;
  const lower = v.toLowerCase().replace(/\s+/g, ' ');
  if (ALIASES[lower]) return ALIASES[lower] ?? null;
  if (/^[a-z]{2}$/i.test(v) && countries.isValid(v.toUpperCase())) return lower;
  if (/^[a-z]{3}$/i.test(v)) {
    const a2 = countries.alpha3ToAlpha2(v.toUpperCase());
    if (a2) return a2.toLowerCase();
  }
  const byName = countries.getAlpha2Code(v, 'en');
  return byName ? byName.toLowerCase() : null;
}

/** The effect of a country both sides share, and of countries that all differ. */
export const COUNTRY_AGREES = 0.1;
export const COUNTRY_DISAGREES = -0.05;

/** Agreement: `s + (1 − s)·0.1`; disagreement: `s·0.95`. Null when either side has no country. */
export function compareCountries(query: string[], candidate: string[]): { effect: number; item: ExplanationItem } | null {
  if (query.length === 0 || candidate.length === 0) return null;
  const cand = new Set(candidate.map((c) => c.toLowerCase()));
  const shared = query.find((q) => cand.has(q));
  if (shared) {
    return { effect: COUNTRY_AGREES, item: { feature: 'country', score: COUNTRY_AGREES, detail: `country agrees (${shared.toUpperCase()})`, query: shared, candidate: shared } };
  }
  const q = query.join(', ').toUpperCase();
  const c = [...cand].join(', ').toUpperCase();
  return { effect: COUNTRY_DISAGREES, item: { feature: 'country', score: COUNTRY_DISAGREES, detail: `country disagrees (${q} / ${c})`, query: q, candidate: c } };
}
