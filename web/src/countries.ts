/** Country names from ISO codes, by the browser's own data (no table shipped). */
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

export function countryLabel(code: string): string {
  try {
    return regionNames.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
