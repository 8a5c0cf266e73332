/** Country codes and names for the estimate's messages and tables. */
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };

countries.registerLocale(en);

export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

export function countryName(code: string | null): string {
  if (code == null) return 'other host countries (unattributed remainder)';
  return countries.getName(code, 'en', { select: 'official' }) ?? code;
}
