/** RFC 4180 CSV in the browser: uploads read here; downloads written by the one CSV writer every door uses. */

/** Parses CSV text into rows of fields: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

/** Rows of objects keyed by the header row (header names lower-cased and trimmed). */
export function csvRecords(text: string): { header: string[]; records: Record<string, string>[] } {
  const [head, ...rest] = parseCsv(text);
  const header = (head ?? []).map((h) => h.trim().toLowerCase());
  return { header, records: rest.map((r) => Object.fromEntries(header.map((h, i) => [h, (r[i] ?? '').trim()]))) };
}

/** Downloads go through the server's one CSV writer (quoting, formula-injection escaping): src/screen/csv-output.ts. */
export { toCsv } from '../../src/server/wire.ts';
