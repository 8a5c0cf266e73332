/**
 * Screening: paste names or upload a CSV or .xlsx (columns name, schema,
 * country, birth_date, id_number). An uploaded file is read by the server,
 * with the reader `room39 screen` and the cases use (any common encoding and
 * separator; its errors say where, its warnings are shown); its rows are then
 * screened in batches with progress; results with the explanation of each
 * match; downloads as CSV, JSON and an HTML report. Names given in the URL
 * (?names=) are screened at once.
 */
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api.ts';
import { Link, useLocation } from '../router.tsx';
import { download } from '../exports.ts';
import { ErrorNote } from '../components/Status.tsx';
import { schemaName } from '../schemas.ts';
import { explanationText, fileRow, flagText, listsLine, namesToRows, readUpload, resultsCsv, resultsHtml, screenRows, type ScreenResults, type ScreenRow } from '../screening.ts';
import type { InputInfo, ScreenMatch } from '../../../src/server/wire.ts';

/** How the server read the uploaded file, and what it warned about. */
interface FileRead {
  name: string;
  rows: number;
  info: InputInfo | null;
  warnings: string[];
}

function ReadNote({ read }: { read: FileRead }) {
  const i = read.info;
  return (
    <div className="read-note">
      <p className="small muted">
        Read {read.name}: {read.rows} {read.rows === 1 ? 'row' : 'rows'}
        {i ? `, as ${i.format}${i.encoding ? `, ${i.encoding}` : ''}${i.delimiter ? `, ${i.delimiter}-separated` : ''}${i.sheet ? `, sheet “${i.sheet}”` : ''}` : ''}.
      </p>
      {i ? (
        // Which column was read as the name (and as what else), so a wrong guess is seen before the results are trusted.
        <p className="small muted read-columns">
          Columns: {i.mapping.map((m) => `${m.header} → ${m.field ?? 'not read'}${m.how === 'partial' ? ' (guessed)' : ''}`).join('; ')}.
          {i.mapping.some((m) => m.how === 'partial') ? ' If a column was read wrong, rename its header or make a screening case, where the columns can be chosen.' : ''}
        </p>
      ) : null}
      {read.warnings.map((w, k) => (
        <p key={k} className="note note-warning small" role="alert">
          {w}
        </p>
      ))}
    </div>
  );
}

/** How many screened rows the page draws at a time. */
const PAGE_ROWS = 200;

function MatchDetail({ m }: { m: ScreenMatch }) {
  return (
    <li className={m.match ? 'match is-match' : 'match'}>
      <Link to={`/entity/${encodeURIComponent(m.id)}`}>{m.caption}</Link> <span className="schema-tag">{schemaName(m.schema)}</span>{' '}
      <span className="score">score {m.score.toFixed(2)}</span> {m.match ? <span className="badge badge-active">match</span> : <span className="badge badge-ended">below threshold</span>}
      {m.referents && m.referents.length > 1 ? <span className="small muted"> · {m.referents.length} records: {m.referents.join(', ')}</span> : null}
      {m.flags.length ? (
        // Below the threshold, the candidate's risks are context, not an alarm.
        <ul className={m.match ? 'flags' : 'flags flags-context'} aria-label={m.match ? 'Risks' : 'Context: risks of a candidate that did not match'}>
          {m.flags.map((f, i) => (
            <li key={i}>{flagText(f)}</li>
          ))}
        </ul>
      ) : null}
      <details className="why">
        <summary>Why this score</summary>
        <ul>
          {m.explanation.map((e, i) => (
            <li key={i}>{explanationText(e)}</li>
          ))}
        </ul>
      </details>
    </li>
  );
}

export default function ScreenPage() {
  const { query } = useLocation();
  const preset = query.get('names') ?? '';
  const [names, setNames] = useState(preset);
  const [file, setFile] = useState<File | null>(null);
  const [threshold, setThreshold] = useState('');
  const [read, setRead] = useState<FileRead | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [answer, setAnswer] = useState<ScreenResults | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [onlyMatches, setOnlyMatches] = useState(false);
  const [visible, setVisible] = useState(PAGE_ROWS);
  const [running, setRunning] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const results = useRef<HTMLHeadingElement>(null);

  const run = async (inputOverride?: ScreenRow[]) => {
    setError(null);
    setAnswer(null);
    setRead(null);
    setProgress(null);
    setVisible(PAGE_ROWS);
    abort.current?.abort();
    const ctrl = new AbortController();
    abort.current = ctrl;
    let rows: ScreenRow[] = inputOverride ?? [];
    setRunning(true);
    try {
      if (!inputOverride && file) {
        const r = await readUpload(file, ctrl.signal);
        setRead({ name: file.name, rows: r.rows.length, info: r.info, warnings: r.warnings });
        rows = r.rows.map(fileRow);
      } else if (!inputOverride) rows = namesToRows(names);
      if (rows.length === 0) {
        setError(new ApiError(0, 'invalid_input', file && !inputOverride ? `${file.name} has no rows to screen after its header row` : 'nothing to screen: paste at least one name, or choose a CSV or .xlsx file with a "name" column'));
        return;
      }
      const t = threshold.trim() ? Number(threshold) : null;
      const a = await screenRows(rows, t != null && Number.isFinite(t) ? t : null, (done, total) => setProgress({ done, total }), ctrl.signal);
      setAnswer(a);
      window.setTimeout(() => results.current?.focus(), 0);
    } catch (e) {
      if (!ctrl.signal.aborted) setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
    } finally {
      if (abort.current === ctrl) setRunning(false);
    }
  };

  useEffect(() => {
    if (preset.trim()) void run(namesToRows(preset));
    return () => abort.current?.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [preset]);

  const listed = answer ? (onlyMatches ? answer.rows.filter((r) => r.matches.some((m) => m.match)) : answer.rows) : [];
  // A page of rows at a time: a file of 20,000 rows drawn at once froze the tab (the downloads hold every row).
  const shown = listed.slice(0, visible);
  const hits = answer ? answer.rows.filter((r) => r.matches.some((m) => m.match)).length : 0;
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return (
    <section className="screen-page">
      <h1>Screening</h1>
      <p className="lead">
        Check suppliers, employers, vessels or counterparties against DPRK designations and known labour-export fronts. Each match comes with the reasons
        for its score and the risks the graph knows, each with its source.
      </p>
      <p className="note small">
        To keep a screening, record decisions on its matches and be alerted when a sanctions list changes, make it a{' '}
        <Link to="/cases">screening case</Link> (CSV in any common encoding and separator, or .xlsx).
      </p>
      <form
        className="screen-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <div className="two">
          <div>
            <label htmlFor="names">Names, one per line</label>
            <textarea id="names" rows={6} value={names} disabled={!!file} onChange={(e) => setNames(e.target.value)} placeholder={'Mansudae Overseas Project Group\nKorea Rungrado General Trading Corporation'} />
          </div>
          <div>
            <label htmlFor="csv">…or a CSV file (or .xlsx)</label>
            <input
              id="csv"
              type="file"
              accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby="csv-help"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
            <p id="csv-help" className="small muted">
              A header row naming the columns: <code>name</code> (required), and optionally <code>schema</code>, <code>country</code>, <code>birth_date</code>,{' '}
              <code>id_number</code>. Any common encoding and separator, read as <code>room39 screen</code> reads it (at most 10 MB and 100,000 rows here). Large files are
              screened in batches, with progress shown.
            </p>
            {file ? (
              <button type="button" className="linklike" onClick={() => setFile(null)}>
                Clear the file ({file.name})
              </button>
            ) : null}
            <div className="threshold">
              <label htmlFor="threshold">Match threshold (0–1, blank for the default)</label>
              <input id="threshold" type="number" min={0} max={1} step={0.01} value={threshold} onChange={(e) => setThreshold(e.target.value)} />
            </div>
          </div>
        </div>
        <button type="submit" className="primary" disabled={running}>
          {running ? 'Screening…' : 'Screen'}
        </button>
      </form>
      {progress && (running || (answer && progress.total > 1)) ? (
        <div className="progress" role="status" aria-live="polite">
          <label htmlFor="screen-progress">
            {progress.done} of {progress.total} rows screened
          </label>
          <progress id="screen-progress" max={progress.total} value={progress.done} />
        </div>
      ) : null}
      {read ? <ReadNote read={read} /> : null}
      {error ? <ErrorNote error={error} what="Screening" /> : null}
      {answer ? (
        <section aria-labelledby="results-h">
          <h2 id="results-h" ref={results} tabIndex={-1}>
            {answer.rows.length} {answer.rows.length === 1 ? 'row' : 'rows'} screened · {hits} with a match
            {answer.threshold != null ? <span className="small muted"> (threshold {answer.threshold})</span> : null}
          </h2>
          {answer.lists ? <p className="small muted screened-lists">Screened against: {listsLine(answer.lists)}</p> : null}
          <div className="actions">
            <button type="button" className="secondary" onClick={() => download(`room39-screening-${stamp}.csv`, new Blob([resultsCsv(answer)], { type: 'text/csv' }))}>
              Download CSV
            </button>
            <button type="button" className="secondary" onClick={() => download(`room39-screening-${stamp}.json`, new Blob([JSON.stringify(answer, null, 2)], { type: 'application/json' }))}>
              Download JSON
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => download(`room39-screening-${stamp}.html`, new Blob([resultsHtml(answer, { when: new Date().toUTCString(), file: file?.name ?? null })], { type: 'text/html' }))}
            >
              Download HTML report
            </button>
            <label className="chip">
              <input type="checkbox" checked={onlyMatches} onChange={(e) => { setOnlyMatches(e.target.checked); setVisible(PAGE_ROWS); }} /> Only rows with a match
            </label>
          </div>
          <ol className="screen-results">
            {shown.map((r) => (
              <li key={r.row} className={r.matches.some((m) => m.match) ? 'row-hit' : 'row-clear'}>
                <p className="row-head">
                  <span className="muted">Row {r.row}:</span> <strong>{r.input.name}</strong>
                  {Object.entries(r.input)
                    .filter(([k, v]) => k !== 'name' && v)
                    .map(([k, v]) => (
                      <span key={k} className="small muted">
                        {' '}
                        · {k}: {v}
                      </span>
                    ))}{' '}
                  {r.matches.length === 0 && !r.error ? <span className="badge badge-ended">no candidate</span> : null}
                </p>
                {r.error ? <p className="note note-error small">This row could not be screened: {r.error}</p> : null}
                {r.notes?.length ? <p className="small muted">{r.notes.join('; ')}</p> : null}
                {r.matches.length ? (
                  <ul className="matches">
                    {r.matches.map((m) => (
                      <MatchDetail key={m.id} m={m} />
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
          {listed.length > shown.length ? (
            <p className="more-rows">
              <span className="small muted">
                Showing rows 1–{shown.length} of {listed.length}{onlyMatches ? ' with a match' : ''}; the downloads hold every row.
              </span>{' '}
              <button type="button" className="secondary" onClick={() => setVisible((v) => v + PAGE_ROWS)}>
                Show {Math.min(PAGE_ROWS, listed.length - shown.length)} more
              </button>
            </p>
          ) : null}
        </section>
      ) : null}
    </section>
  );
}
