/**
 * Screening in the web app: an uploaded file read by the server (the reader
 * `room39 screen` and the cases use: encoding, separator, .xlsx, errors that
 * say where), the request in batches (for progress on large files) and the
 * downloads (CSV, JSON, a standalone HTML report), built from the server's
 * answer. Nothing is parsed or matched in the browser.
 */
import { postJson, request } from './api.ts';
import { toCsv, type CsvRow, type ExplanationItem, type RiskFlag, type ScreenAnswer, type ScreenedList, type ScreenFileRead, type ScreenRowResult } from '../../src/server/wire.ts';

export const SCREEN_COLUMNS = ['name', 'schema', 'country', 'birth_date', 'id_number'] as const;
/** The values of a row the server screens. */
export type ScreenInput = Partial<Record<(typeof SCREEN_COLUMNS)[number], string>>;
/** One row to screen: its number (in the file, or the pasted line's place among the names) and its values. */
export interface ScreenRow {
  row: number;
  input: ScreenInput;
}

/** Pasted names, one per line (blank lines skipped), numbered in order. */
export function namesToRows(text: string): ScreenRow[] {
  return text.split(/\r?\n/).map((n) => n.trim()).filter(Boolean).map((name, i) => ({ row: i + 1, input: { name } }));
}

/** Reads an uploaded CSV or .xlsx on the server (POST /api/screen/read); its errors (an unclosed quote, no name column) come back as the CLI words them. */
export function readUpload(file: File, signal?: AbortSignal): Promise<ScreenFileRead> {
  // eslint-disable-next-line no-control-regex
  const name = encodeURIComponent(file.name.replace(/[\u0000-\u001f\u007f-\u009f]/g, ''));
  return request<ScreenFileRead>(`/api/screen/read?filename=${name}`, { method: 'POST', body: file, headers: { 'Content-Type': 'application/octet-stream' }, signal });
}

/** A read row as a row to screen: the columns the server screens, with the file's row number. */
export function fileRow({ row, input }: CsvRow): ScreenRow {
  const out: ScreenInput = {};
  for (const c of SCREEN_COLUMNS) if (input[c] !== undefined) out[c] = input[c];
  return { row, input: out };
}

/** The screened rows of every batch, each with its number in the file (or among the pasted names), and the threshold the server used. */
export interface ScreenResults {
  rows: ScreenRowResult[];
  threshold?: number;
  /** The official list versions the rows were screened against. */
  lists?: ScreenedList[];
}

/** "us_ofac_sdn 2024-05-03 (published …); …": what a result was screened against. */
export function listsLine(lists: readonly ScreenedList[]): string {
  return lists.map((l) => (l.version
    ? `${l.list} ${l.version} (${l.published_assumed ? 'publication date unknown' : `published ${l.published ?? '?'}`})${l.stale ? (l.published_assumed ? ' STALE: of unknown date' : ' STALE: older than 7 days') : ''}`
    : `${l.list} not loaded`)).join('; ');
}

export const BATCH = 250;

/** Screens rows in batches; `progress(done, total)` after each. Each row keeps its number, which the server's messages use. */
export async function screenRows(rows: ScreenRow[], threshold: number | null, progress: (done: number, total: number) => void, signal?: AbortSignal): Promise<ScreenResults> {
  const out: ScreenRowResult[] = [];
  let used: number | undefined;
  let lists: ScreenedList[] | undefined;
  progress(0, rows.length);
  for (let i = 0; i < rows.length; i += BATCH) {
    const part = rows.slice(i, i + BATCH);
    const body: Record<string, unknown> = { rows: part.map((r) => ({ ...r.input, row: r.row })) };
    if (threshold != null) body.threshold = threshold;
    const answer = await postJson<ScreenAnswer>('/api/screen', body, { signal });
    used ??= answer.summary?.threshold;
    lists ??= answer.lists;
    out.push(...answer.rows);
    progress(Math.min(rows.length, i + part.length), rows.length);
  }
  return { rows: out, ...(used === undefined ? {} : { threshold: used }), ...(lists ? { lists } : {}) };
}

export const explanationText = (e: ExplanationItem) => `${e.feature}: ${e.detail}`;
export const flagText = (f: RiskFlag) => `${f.label}${f.source && !f.label.includes(f.source.title) ? ` (source: ${f.source.title})` : ''}`;

export function resultsCsv(answer: ScreenResults): string {
  const header = ['row', 'name', 'match', 'score', 'entity_id', 'caption', 'schema', 'datasets', 'flags', 'explanation'];
  const lines: unknown[][] = [];
  for (const r of answer.rows) {
    // A row that could not be screened is not cleared: it says so, and why.
    if (r.error) lines.push([r.row, r.input.name ?? '', 'not screened', '', '', '', '', '', '', r.error]);
    else if (r.matches.length === 0) lines.push([r.row, r.input.name ?? '', 'false', '', '', '', '', '', '', 'no candidate above the cut-off']);
    for (const m of r.matches) {
      // Below the threshold a candidate's risks are context, as the page and the HTML report mark them.
      lines.push([r.row, r.input.name ?? '', String(m.match), m.score.toFixed(3), m.id, m.caption, m.schema, m.datasets.join(';'), m.flags.map((f) => `${m.match ? '' : 'context: '}${flagText(f)}`).join('; '), m.explanation.map(explanationText).join('; ')]);
    }
  }
  // A comment line before the header names the list versions screened against.
  return `${answer.lists ? `# room39 screening against: ${listsLine(answer.lists)}\r\n` : ''}${toCsv(header, lines)}`;
}

const esc = (s: unknown) => String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** A standalone HTML report: every list and input value escaped, no script. */
export function resultsHtml(answer: ScreenResults, meta: { when: string; file: string | null }): string {
  const matched = answer.rows.filter((r) => r.matches.some((m) => m.match));
  const unscreened = answer.rows.filter((r) => r.error).length;
  const rows = answer.rows
    .map((r) => {
      const best = r.matches[0];
      const cls = r.matches.some((m) => m.match) ? 'hit' : 'clear';
      const matches = r.matches
        .map(
          (m) => `<li><strong>${esc(m.caption)}</strong> (${esc(m.schema)}, score ${esc(m.score.toFixed(3))}${m.match ? ', <b>match</b>' : ''}) <code>${esc(m.id)}</code>
          ${m.flags.length ? `<ul class="${m.match ? 'flags' : 'context'}">${m.flags.map((f) => `<li>${m.match ? '' : 'context: '}${esc(flagText(f))}</li>`).join('')}</ul>` : ''}
          <ul class="why">${m.explanation.map((e) => `<li>${esc(explanationText(e))}</li>`).join('')}</ul></li>`,
        )
        .join('');
      return `<tr class="${cls}"><td>${esc(r.row)}</td><td>${esc(r.input.name)}${Object.entries(r.input)
        .filter(([k, v]) => k !== 'name' && v)
        .map(([k, v]) => `<br><small>${esc(k)}: ${esc(v)}</small>`)
        .join('')}</td><td>${r.error ? '<b>NOT SCREENED</b>' : best ? (r.matches.some((m) => m.match) ? 'MATCH' : 'possible') : 'clear'}</td><td>${r.error ? esc(r.error) : matches ? `<ul>${matches}</ul>` : 'no candidate'}</td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>room39 screening report</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ccc;padding:.4rem;vertical-align:top;text-align:left}tr.hit{background:#fbe3e1}code{font-size:.85em}.flags li{color:#8c1d18;font-weight:600}.context li{color:#444}.why{color:#444;font-size:.9em}</style>
</head><body>
<h1>room39 screening report</h1>
<p>${esc(meta.when)}${meta.file ? ` · file: ${esc(meta.file)}` : ''} · ${answer.rows.length} rows screened · ${matched.length} with a match${answer.threshold != null ? ` (threshold ${esc(answer.threshold)})` : ''}${unscreened ? ` · <b>${unscreened} not screened</b> (see their rows)` : ''}.</p>
${answer.lists ? `<p><strong>Official list versions:</strong></p><ul>${answer.lists.map((l) => `<li>${esc(l.list)}: ${l.version ? `version ${esc(l.version)}, ${l.published_assumed ? 'publication date unknown' : `published ${esc(l.published ?? '?')}`}${l.stale ? (l.published_assumed ? ' — <b>stale: of unknown date</b>' : ' — <b>stale: older than 7 days</b>') : ''}` : 'not loaded'}</li>`).join('')}</ul>` : ''}
<p>Screened against DPRK designations and known labour-export fronts in the room39 evidence graph. A match is a lead to check, not a finding; each explanation says why the score is what it is, and each flag names its source.</p>
<table><thead><tr><th>Row</th><th>Input</th><th>Result</th><th>Candidates and explanation</th></tr></thead><tbody>
${rows}
</tbody></table></body></html>
`;
}
