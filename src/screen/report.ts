/**
 * Screening reports, written as the rows come (memory does not grow with the
 * file): JSON (`{"rows":[…]}`, the DESIGN contract), CSV (one line per match,
 * or per row without one; written by csv-output.ts, formulas defused) and a
 * readable HTML report (every row, a cleared one on one line). All list and
 * input text is HTML-escaped in the report.
 */
import { csvLine } from './csv-output.ts';
import type { ScreenRowResult } from './screen.ts';

export interface ReportWriter {
  row(r: ScreenRowResult): void;
  end(summary: ScreenSummary): void;
  /** The input failed after `row` was called (a CSV broken half-way): ends what was written so far, saying why. */
  fail?(error: { code: string; message: string }): void;
}

export interface ScreenSummary {
  rows: number;
  rowsWithMatch: number;
  errors: number;
  threshold: number;
  dataset: string;
  /** Size of the index screened against. */
  indexed: number;
}

/** An official list version a screening ran against (src/ingest/lists/status.ts gives them): reports say which. */
export interface ScreenedList {
  list: string;
  version: string | null;
  published: string | null;
  /** The file carried no date: `published` is its modification date, a guess. */
  published_assumed?: boolean;
  fetched_at: string | null;
  stale: boolean;
}

/** One line naming every list version screened against, and any that is stale or missing. */
export function describeLists(lists: readonly ScreenedList[]): string {
  return lists.map((l) => l.version
    ? `${l.list} ${l.version} (${l.published_assumed ? 'publication date unknown' : `published ${l.published ?? '?'}`}${l.fetched_at ? `, checked ${l.fetched_at.slice(0, 16).replace('T', ' ')} UTC` : ''})${l.stale ? (l.published_assumed ? ' STALE: of unknown date' : ' STALE: older than 7 days') : ''}`
    : `${l.list} not loaded`).join('; ');
}

type Write = (chunk: string) => void;

/**
 * `lists` goes first, so a reader knows what the rows were screened against before reading them.
 * Nothing is written until the first row (or the end): input that fails before any row leaves the output empty.
 */
export function jsonWriter(write: Write, lists: readonly ScreenedList[] | null = null): ReportWriter {
  let started = false;
  let first = true;
  const start = () => {
    if (!started) write(lists ? `{"lists":${JSON.stringify(lists)},"rows":[` : '{"rows":[');
    started = true;
  };
  return {
    row(r) {
      start();
      write(`${first ? '\n' : ',\n'}${JSON.stringify(r)}`);
      first = false;
    },
    end(summary) {
      start();
      write(`\n],"summary":${JSON.stringify(summary)}}\n`);
    },
    // Streamed rows cannot be taken back without holding every row in memory, so a later error closes the document validly with "error" (no "summary").
    fail(error) {
      if (started) write(`\n],"error":${JSON.stringify({ code: error.code, message: error.message })}}\n`);
    },
  };
}

const CSV_HEADER = ['row', 'name', 'schema', 'country', 'birth_date', 'id_number', 'match', 'score', 'match_id', 'match_caption', 'match_schema', 'datasets', 'flags', 'explanation', 'error'];

/** CSV through the one writer every door uses (csv-output.ts: quoting and formula-injection escaping). */
export function csvWriter(write: Write, lists: readonly ScreenedList[] | null = null): ReportWriter {
  // A comment line before the header says which list versions the rows were screened against (issue 13 asks for it;
  // csv-parse reads it with `comment: '#'`, pandas with `comment='#'`).
  if (lists) write(`# room39 screening against: ${describeLists(lists).replace(/[\r\n]+/g, ' ')}\r\n`);
  write(csvLine(CSV_HEADER));
  return {
    row(r) {
      const base = [r.row, r.input.name ?? '', r.input.schema ?? '', r.input.country ?? '', r.input.birth_date ?? '', r.input.id_number ?? ''];
      const lines = r.matches.length
        ? r.matches.map((m) => [...base, m.match ? 'yes' : 'no', m.score, m.id, m.caption, m.schema, m.datasets.join(' '),
          // Below the threshold a candidate's risks are context, as the HTML report and the CLI mark them: a filter on "Sanctioned" must not read them as the row's.
          m.flags.map((f) => `${m.match ? '' : 'context: '}${f.label} [${f.source.title}]`).join('; '), m.explanation.map((e) => e.detail).join('; '), ''])
        // A row that could not be screened is not a "no": filtering on match=no must not clear it.
        : [[...base, r.error ? 'not screened' : 'no', '', '', '', '', '', '', '', r.error ?? '']];
      write(lines.map(csvLine).join(''));
    },
    end() { /* nothing after the last row */ },
  };
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1b1b1b}h1{font-size:1.4rem}table{border-collapse:collapse;width:100%;margin:.3rem 0 1.2rem}
td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f3f3f3}.hit{background:#fde8e8}.row{margin-top:1.2rem}.row.clear{margin-top:.2rem}.clear p{margin:0}
.flag{display:inline-block;background:#7a1010;color:#fff;border-radius:3px;padding:0 .35rem;margin:.1rem .2rem .1rem 0;font-size:12px}
.context{display:inline-block;color:#444;border:1px solid #bbb;border-radius:3px;padding:0 .35rem;margin:.1rem .2rem .1rem 0;font-size:12px}.err{color:#a00}.muted{color:#666}`;

function listsHtml(lists: readonly ScreenedList[]): string {
  // A file without a date is dated by its modification time: the report says its publication date is unknown, not "published" that day.
  const items = lists.map((l) => `<li${l.stale ? ' class="err"' : ''}>${escapeHtml(l.list)}: ${l.version
    ? `version ${escapeHtml(l.version)}, ${l.published_assumed ? 'publication date unknown' : `published ${escapeHtml(l.published ?? '?')}`}${l.fetched_at ? `, last checked ${escapeHtml(l.fetched_at.slice(0, 16).replace('T', ' '))} UTC` : ''}${l.stale ? (l.published_assumed ? ' — stale: of unknown date' : ' — stale: older than 7 days') : ''}`
    : 'not loaded'}</li>`).join('');
  return `<section class="lists"><p><strong>Screened against these official list versions:</strong></p><ul>${items}</ul></section>\n`;
}

/** How many rows with a match or not screened the HTML report's summary links to. */
const ATTENTION_LISTED = 2_000;

export function htmlWriter(write: Write, title = 'room39 screening report', lists: readonly ScreenedList[] | null = null): ReportWriter {
  write(`<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>\n<h1>${escapeHtml(title)}</h1>\n${lists ? listsHtml(lists) : ''}`
    + '<p><a href="#summary">The summary, with the rows that match and those not screened, is at the end.</a></p>\n');
  // The report is written as the rows come, so its summary comes last: it links to the rows a reader must look at.
  const attention: { row: number; name: string; what: string }[] = [];
  let unlisted = 0;
  return {
    row(r) {
      const best = r.matches.find((m) => m.match);
      if (r.error || best) {
        if (attention.length < ATTENTION_LISTED) attention.push({ row: r.row, name: r.input.name ?? '', what: r.error ? `not screened: ${r.error}` : `match: ${best!.caption} (${best!.score.toFixed(3)})` });
        else unlisted++;
      }
      const input = Object.entries(r.input).filter(([, v]) => v).map(([k, v]) => `${escapeHtml(k)}: ${escapeHtml(String(v))}`).join(' · ');
      const notes = (r.notes ?? []).map((n) => `<p class="muted">${escapeHtml(n)}</p>`).join('');
      // Every row is in the report, so it shows what was screened and cleared: a row without any candidate on one line.
      if (r.matches.length === 0 && !r.error) {
        write(`<div class="row clear" id="row-${r.row}"><p><strong>Row ${r.row}: ${escapeHtml(r.input.name ?? '')}</strong> — no candidate <span class="muted">(${input})</span></p>${notes}</div>\n`);
        return;
      }
      write(`<div class="row" id="row-${r.row}"><h2>Row ${r.row}: ${escapeHtml(r.input.name ?? '')}</h2><p class="muted">${input}</p>`);
      if (r.error) write(`<p class="err">${escapeHtml(r.error)}</p>`);
      if (notes) write(notes);
      if (r.matches.length) {
        write('<table><tr><th>score</th><th>match</th><th>candidate</th><th>risks</th><th>why</th></tr>');
        for (const m of r.matches) {
          // A candidate below the threshold is context, not an alarm: its risks are shown plainly, not as red flags.
          const cls = m.match ? 'flag' : 'context';
          const flags = m.flags.map((f) => `<span class="${cls}" title="${escapeHtml(f.source.title)}">${m.match ? '' : 'context: '}${escapeHtml(f.label)}</span><br><span class="muted">source: ${escapeHtml(f.source.title)}</span>`).join('<br>');
          const why = m.explanation.map((e) => escapeHtml(e.detail)).join('<br>');
          write(`<tr class="${m.match ? 'hit' : ''}"><td>${m.score.toFixed(3)}</td><td>${m.match ? 'match' : 'review'}</td><td>${escapeHtml(m.caption)}<br><span class="muted">${escapeHtml(m.schema)} · ${escapeHtml(m.id)}${(m.referents?.length ?? 0) > 1 ? ` (records ${escapeHtml((m.referents ?? []).join(', '))})` : ''} · ${escapeHtml(m.datasets.join(', '))}</span></td><td>${flags}</td><td>${why}</td></tr>`);
        }
        write('</table>');
      }
      write('</div>\n');
    },
    end(s) {
      const links = attention.map((a) => `<li><a href="#row-${a.row}">Row ${a.row}: ${escapeHtml(a.name.slice(0, 200))}</a> — ${escapeHtml(a.what)}</li>`).join('');
      write(`<section id="summary"><h2>Summary</h2><p>${s.rows} rows screened against ${escapeHtml(s.dataset)} (${s.indexed} entities); ${s.rowsWithMatch} with a match at threshold ${s.threshold}; ${s.errors} rows not screened.</p>`
        + `${links ? `<ul>${links}</ul>` : ''}${unlisted ? `<p class="muted">and ${unlisted} more rows with a match or not screened (see above).</p>` : ''}</section></body></html>\n`);
    },
  };
}
