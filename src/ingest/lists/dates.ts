/** Dates as the lists write them → ISO 8601 (possibly partial: YYYY, YYYY-MM). */
const MONTHS: Record<string, string> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06',
  jul: '07', aug: '08', sep: '09', sept: '09', oct: '10', nov: '11', dec: '12',
};

const pad = (n: string) => n.padStart(2, '0');

/**
 * Parses one date: `18 Jun 1964`, `Jun 1964`, `1964`, `circa 1947`,
 * `1964-06-18`, `06/18/1964` (US order, as OFAC XML writes it). A range
 * `1964 to 1966` gives both ends. Unparseable text gives an empty list.
 */
export function parseListDate(text: string): string[] {
  const t = text.trim().replace(/^(circa|approximately|approx\.?|about|c\.)\s+/i, '').replace(/\.$/, '').trim();
  if (!t) return [];
  const range = t.split(/\s+(?:to|-|–)\s+/);
  if (range.length === 2) {
    const a = parseListDate(range[0] ?? '');
    const b = parseListDate(range[1] ?? '');
    if (a.length === 1 && b.length === 1) return [a[0]!, b[0]!];
    return [];
  }
  let m = t.match(/^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/);
  if (m) return [`${m[1]}-${m[2]}-${m[3]}`];
  m = t.match(/^(\d{4})-(\d{2})$/);
  if (m) return [`${m[1]}-${m[2]}`];
  m = t.match(/^(\d{4})$/);
  if (m) return [m[1]!];
  m = t.match(/^(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})$/);
  if (m) {
    const mon = MONTHS[m[2]!.slice(0, 3).toLowerCase()];
    if (mon) return [`${m[3]}-${mon}-${pad(m[1]!)}`];
  }
  m = t.match(/^([A-Za-z]{3,9})\.?\s+(\d{4})$/);
  if (m) {
    const mon = MONTHS[m[1]!.slice(0, 3).toLowerCase()];
    if (mon) return [`${m[2]}-${mon}`];
  }
  m = t.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/);
  if (m) return [`${m[3]}-${pad(m[1]!)}-${pad(m[2]!)}`];
  return [];
}

/** A date in a file name (`sdn-2024-05-03.csv`, `FCDO_SL_2025-08-11.ods`), or null. */
export function dateInFileName(file: string): string | null {
  const m = file.match(/(\d{4})-(\d{2})-(\d{2})/);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}
