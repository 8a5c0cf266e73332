/**
 * Countries by ISO 3166-1 code: the one place room39 names them. Every door
 * (the atlas, the estimate's tables and messages, the web app through the wire
 * module) shows the same short English name for a code. The names are
 * i18n-iso-countries' (its short alias where it has one, as "Russia" for
 * "Russian Federation"), with room39's own short form where the library's is
 * long, inverted or an abbreviation. Reading country names out of text is
 * another matter: src/extract/countries.ts and src/ingest/lists/countries.ts.
 */
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };

countries.registerLocale(en);

/** room39's short English names where the library's alias is ambiguous, long, inverted or an abbreviation. */
const SHORT_NAMES: Readonly<Record<string, string>> = {
  AE: 'United Arab Emirates',
  AX: 'Åland Islands',
  BN: 'Brunei',
  CD: 'DR Congo',
  CG: 'Republic of the Congo',
  FM: 'Micronesia',
  GB: 'United Kingdom',
  IR: 'Iran',
  KR: 'South Korea',
  LA: 'Laos',
  MD: 'Moldova',
  NL: 'Netherlands',
  SY: 'Syria',
  TZ: 'Tanzania',
  VA: 'Vatican City',
  VG: 'British Virgin Islands',
  VI: 'US Virgin Islands',
  VN: 'Vietnam',
};

/** Whether the text is an ISO 3166-1 alpha-2 code (either case): RU, cn. */
export function isCountryCode(code: string): boolean {
  return /^[A-Za-z]{2}$/.test(code) && countries.isValid(code.toUpperCase());
}

/** The short English name of a country code ("Russia" for RU); an unknown code comes back as it is, upper-cased. */
export function countryName(code: string): string {
  const cc = code.toUpperCase();
  return SHORT_NAMES[cc] ?? countries.getName(cc, 'en', { select: 'alias' }) ?? cc;
}

/** ISO 3166-1 numeric ("643" for RU), as world-atlas identifies countries; null for an unknown code. */
export function countryNumeric(code: string): string | null {
  return countries.alpha2ToNumeric(code.toUpperCase()) ?? null;
}
