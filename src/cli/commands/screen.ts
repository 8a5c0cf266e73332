/**
 * room39 screen FILE.csv: screen a spreadsheet of names against the graph.
 * Streams: rows are read, screened and written one at a time (JSON on stdout
 * with --json, CSV and HTML reports to files), so memory does not grow with
 * the file. A progress bar shows on stderr when stderr is a terminal. Through
 * a running `room39 serve` that holds its screening index, the server screens
 * the rows in batches.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import cliProgress from 'cli-progress';
import { optString, UsageError, type CliCommand, type ParsedArgs } from '../command.ts';
import { invalidInput } from '../../errors.ts';
import { openReportFile, type ReportFile } from '../report-file.ts';
import type { ReportWriter, RowScreener, ScreenedList } from '../../screen/index.ts';
import type { CsvRow, InputInfo, ScreenInput } from '../../screen/csv-input.ts';
import { INPUT_OPTIONS, inputReadOptions, mappingText, readHow } from '../input-options.ts';
import type { ScreenOptions, ScreenRowResult } from '../../screen/screen.ts';
import type { Services } from '../../services.ts';

/**
 * Rows screened by the `room39 serve` that holds the store, if it has built its screening index (an empty batch asks);
 * null when it has not: the command builds its own, as the server's memory is kept for what it serves itself.
 */
async function serverScreener(runJob: NonNullable<Services['runJob']>, options: ScreenOptions): Promise<RowScreener | null> {
  const { indexed } = await runJob({ kind: 'screen', rows: [], options, ifBuilt: true }, () => undefined);
  if (indexed === null) return null;
  return { indexed, batch: 500, screen: async (rows) => (await runJob({ kind: 'screen', rows, options }, () => undefined)).results };
}

/** The row `--name` and its companions make (row 1), or null without `--name`. */
function oneRow(args: ParsedArgs): CsvRow | null {
  const name = optString(args, 'name');
  const fields = { schema: 'schema', country: 'country', birth_date: 'birth-date', id_number: 'id-number' } as const;
  if (name === null) {
    const stray = Object.values(fields).find((o) => optString(args, o) !== null);
    if (stray) throw new UsageError(`--${stray} goes with --name (a file gives it as a column)`);
    return null;
  }
  if (name.trim() === '') throw new UsageError('--name is empty: give the name to screen, e.g. --name "Kim Won Hong"');
  const input: ScreenInput = { name };
  for (const [column, option] of Object.entries(fields)) {
    const v = optString(args, option);
    if (v !== null) input[column as keyof typeof fields] = v;
  }
  return { row: 1, input };
}

/** One name's candidates for a person: score, verdict, who, why and what risks the graph knows. */
function oneRowText(r: ScreenRowResult, threshold: number): string {
  if (r.error) return `${r.input.name}: not screened: ${r.error}`;
  const matched = r.matches.filter((m) => m.match).length;
  const head = `${r.input.name}: ${r.matches.length ? `${r.matches.length} candidate(s), ${matched} at or above the threshold ${threshold}` : `no candidate at threshold ${threshold}`}`;
  const lines = r.matches.flatMap((m) => [
    `  ${m.score.toFixed(3)}  ${m.match ? 'MATCH ' : 'review'}  ${m.caption}  [${m.schema}]  ${m.id}  (${m.datasets.join(', ')})`,
    ...m.explanation.map((e) => `          why: ${e.detail}`),
    ...m.flags.map((f) => `          ${m.match ? 'risk' : 'context'}: ${f.label}${f.label.includes(f.source.title) ? '' : ` (source: ${f.source.title})`}`),
  ]);
  return [head, ...(r.notes ?? []).map((n) => `  note: ${n}`), ...lines].join('\n');
}

/** A file's first four bytes (a workbook is a ZIP archive). */
async function firstBytes(file: string): Promise<Uint8Array> {
  const fd = await fs.promises.open(file, 'r');
  try {
    const b = Buffer.alloc(4);
    await fd.read(b, 0, 4, 0);
    return b;
  } finally {
    await fd.close();
  }
}

/** The JSON document streamed to stdout, with back-pressure. */
function stdoutSink(): { write: (chunk: string) => void; drained: () => Promise<void> } {
  // As report-file.ts: the wait starts when the buffer fills, so a 'drain' while another sink is waited for is not missed.
  let full: Promise<unknown> | null = null;
  return {
    write: (chunk) => { if (!process.stdout.write(chunk) && !full) full = once(process.stdout, 'drain').catch(() => undefined); },
    drained: async () => { if (full) { const wait = full; await wait; if (full === wait) full = null; } },
  };
}

export const screenCommand: CliCommand = {
  name: 'screen',
  summary: 'Screen a CSV or .xlsx of names (columns: name, and optionally schema, country, birth_date, id_number; "Supplier Name" and the like are read as name), or one name, against sanctions lists and the labour-export graph.',
  usage: 'screen FILE.csv|FILE.xlsx [--map "Header=field,…"] [--encoding E] [--delimiter D] [--sheet S] | --name NAME [--schema S] [--country C] [--birth-date D] [--id-number N]  [--threshold T] [--dataset dprk|default] [--limit N] [--out-csv F] [--out-html F] [--json]',
  options: {
    ...INPUT_OPTIONS,
    threshold: { type: 'string' }, dataset: { type: 'string' }, limit: { type: 'string' }, 'out-csv': { type: 'string' }, 'out-html': { type: 'string' },
    name: { type: 'string' }, schema: { type: 'string' }, country: { type: 'string' }, 'birth-date': { type: 'string' }, 'id-number': { type: 'string' },
  },
  async run(ctx) {
    const { csvWriter, describeLists, htmlWriter, jsonWriter, localScreener, parseScreeningOptions, readScreenCsv, runScreen, screeningService } = await import('../../screen/index.ts');
    const { looksLikeXlsx, readScreenXlsx } = await import('../../screen/xlsx-input.ts');
    const { NOT_LOADED_MESSAGE, screenedLists } = await import('../../ingest/lists/status.ts');
    const file = ctx.args.positionals[0];
    const one = oneRow(ctx.args);
    if (one && file) throw new UsageError('give a file or --name, not both');
    if (!file && !one) throw new UsageError('give the CSV file to screen, e.g. room39 screen suppliers.csv, or one name: room39 screen --name "Kim Won Hong"');
    const stray = Object.keys(INPUT_OPTIONS).find((o) => optString(ctx.args, o) !== null);
    if (one && stray) throw new UsageError(`--${stray} goes with a file, not --name`);
    if (ctx.args.positionals.length > 1) throw new UsageError(`screen takes one file (got ${ctx.args.positionals.length})`);
    const options = parseScreeningOptions({ threshold: optString(ctx.args, 'threshold'), dataset: optString(ctx.args, 'dataset'), limit: optString(ctx.args, 'limit') });
    let stat: fs.Stats | null = null;
    if (file) {
      try { stat = fs.statSync(file); } catch { throw invalidInput('cannot read the file (does it exist?)', file); }
      if (!stat.isFile()) throw invalidInput('is not a file', file);
    }

    // The file's first row is read before the index is built (seconds): a file that cannot be read fails at once.
    // How the file was read (format, encoding, separator, which column is which) goes to stderr, for a person to check.
    const readOptions = inputReadOptions(ctx.args, (i: InputInfo) => {
      ctx.log(`${file}: read as ${readHow(i)}; columns: ${mappingText(i)}${i.mapping.some((m) => m.how === 'partial') ? ' (if a column was read wrong, give --map "Header=field,…")' : ''}`);
    });
    // A workbook or a CSV, told apart by their first bytes.
    const xlsx = file ? looksLikeXlsx(await firstBytes(file)) : false;
    if (file && !xlsx && /\.xls$/i.test(file)) throw invalidInput('old Excel .xls files are not read; save the sheet as .xlsx or CSV', file);
    // A workbook is read from its path (its reader loads first: a stream flowing meanwhile would lose its start); a CSV
    // streams, its bytes counted for the progress bar.
    let bytes = 0;
    const input = file && !xlsx ? fs.createReadStream(file) : null;
    input?.on('data', (c) => { bytes += c.length; });
    const reader = file ? (input ? readScreenCsv(input, file, ctx.log, readOptions) : readScreenXlsx(file, file, readOptions))[Symbol.asyncIterator]() : null;
    let first: IteratorResult<CsvRow> | null;
    try {
      first = reader ? await reader.next() : null;
    } catch (e) {
      input?.destroy();
      throw e;
    }
    async function* fileRows(): AsyncGenerator<CsvRow> {
      if (!reader || !first || first.done) return;
      yield first.value;
      for (let next = await reader.next(); !next.done; next = await reader.next()) yield next.value;
    }

    // The reports are written beside their files and moved into place only when the run succeeds (report-file.ts):
    // a run that fails leaves no partial report, and an earlier report as it was. Opened now, so a path that cannot
    // be written fails before the index is built.
    const csvOut = optString(ctx.args, 'out-csv');
    const htmlOut = optString(ctx.args, 'out-html');
    if (csvOut && htmlOut && csvOut === htmlOut) throw new UsageError('--out-csv and --out-html name the same file');
    const files: ReportFile[] = [];
    let summary;
    let single: ScreenRowResult | null = null;
    let lists: ScreenedList[] = [];
    try {
      const csvFile = csvOut ? openReportFile(csvOut, 'out-csv') : null;
      if (csvFile) files.push(csvFile);
      const htmlFile = htmlOut ? openReportFile(htmlOut, 'out-html') : null;
      if (htmlFile) files.push(htmlFile);

      const services = await ctx.services();
      const { db, runJob } = services;
      // Through a running server that holds its screening index, the rows are screened there, in batches.
      const byServer = runJob ? await serverScreener(runJob, options) : null;
      if (byServer) ctx.log(`room39: the running room39 serve screens the rows, against the index it holds (${byServer.indexed} entities)`);
      const screener: RowScreener = byServer ?? localScreener(await screeningService(db), options);
      // Which official list versions the rows are screened against: in every report and in the summary line.
      lists = await screenedLists(db, ctx.settings.lists);
      const sinks: { drained: () => Promise<void> }[] = [...files];
      const writers: ReportWriter[] = [];
      if (csvFile) writers.push(csvWriter(csvFile.write, lists));
      if (htmlFile) writers.push(htmlWriter(htmlFile.write, `room39 screening report: ${file ?? one!.input.name}`, lists));
      if (ctx.json) {
        const out = stdoutSink();
        sinks.push(out);
        writers.push(jsonWriter(out.write, lists));
      }

      const bar = file && process.stderr.isTTY ? new cliProgress.SingleBar({ stream: process.stderr, format: 'screening [{bar}] {percentage}% | {rows} rows | {matches} with a match', hideCursor: true }, cliProgress.Presets.shades_classic) : null;
      let matches = 0;
      bar?.start(stat?.size || 1, 0, { rows: 0, matches: 0 });
      try {
        summary = await runScreen(screener, reader ? fileRows() : [one!], options, writers, async (r) => {
          single = r;
          if (r.matches.some((m) => m.match)) matches++;
          if (bar && r.row % 100 === 0) bar.update(bytes, { rows: r.row, matches });
          for (const s of sinks) await s.drained();
        });
      } finally {
        bar?.update(bytes, { matches });
        bar?.stop();
      }
      for (const f of files) await f.commit();
    } catch (e) {
      for (const f of files) f.discard();
      throw e;
    } finally {
      input?.destroy();
    }
    if (ctx.json) {
      // The JSON document has been streamed to stdout already; print nothing more.
      ctx.json = false;
      return { json: null, text: '' };
    }
    if (one) return { json: null, text: `${oneRowText(single!, summary.threshold)}\nLists: ${describeLists(lists)}${lists.every((l) => !l.version) ? `\n${NOT_LOADED_MESSAGE}` : ''}` };
    return {
      json: null,
      text: `${summary.rows} rows screened against ${summary.dataset} (${summary.indexed} entities): ${summary.rowsWithMatch} with a match at threshold ${summary.threshold}, ${summary.errors} not screened.`
        + `\nLists: ${describeLists(lists)}${lists.every((l) => !l.version) ? `\n${NOT_LOADED_MESSAGE}` : ''}`
        + `${csvOut ? `\nCSV: ${csvOut}` : ''}${htmlOut ? `\nHTML: ${htmlOut}` : ''}`,
    };
  },
};
