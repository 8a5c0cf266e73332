/**
 * The one CSV writer of every door (the CLI's `screen --out-csv`, the web
 * app's download, any export a person opens in a spreadsheet): RFC 4180
 * quoting, CRLF line ends, and formula injection defused. A text cell that a
 * spreadsheet would run as a formula (first character = + - @, a tab or a
 * line break, or their full-width forms) gets a leading apostrophe, so
 * `=HYPERLINK(...)` from a list or an uploaded file stays text. Numbers are
 * written as they are. Pure: no Node, no store (the web app imports it
 * through src/server/wire.ts).
 */

/** What a spreadsheet would read as the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r\n\uff1d\uff0b\uff0d\uff20]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  const text = typeof value === 'string' ? value : String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map(csvLine).join('');
}
