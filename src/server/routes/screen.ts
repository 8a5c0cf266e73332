/**
 * POST /api/screen: screen up to 10,000 rows per request, as JSON rows or CSV text. Same answer shape as `room39 screen --json`.
 * POST /api/screen/read: a file's bytes in (CSV in any encoding and separator, or .xlsx), its rows, how it was read and the
 * reader's warnings out, read by the one reader the CLI and the cases use; the web page then screens the rows in batches.
 */
import { z } from 'zod';
import type { Context } from 'hono';
import type { AppEnv, RouteRegistrar } from '../context.ts';
import { invalidInput, Room39Error } from '../../errors.ts';
import { readScreenBytes } from '../../screen/file-input.ts';
import type { InputInfo } from '../../screen/csv-input.ts';
import type { ScreenFileRead } from '../wire.ts';
import {
  jsonWriter, parseScreeningOptions, readScreenCsv, runScreen, screeningService, SCREEN_COLUMNS, type CsvRow, type RawScreeningOptions, type ScreenInput,
} from '../../screen/index.ts';
import { screenedLists } from '../../ingest/lists/status.ts';

export const API_MAX_ROWS = 10_000;
/** The largest file POST /api/screen/read reads, and the most rows it returns (the CLI or a case takes larger files). */
export const READ_MAX_BYTES = 10 * 1024 * 1024;
export const READ_MAX_ROWS = 100_000;

const tooLarge = (what: string) => new Room39Error('too_large', `${what}; screen it with the CLI (room39 screen) or as a case`);

/** The file's name as the reader's messages name it: its last path part, no control characters, at most 200 characters. */
function fileLabel(c: Context<AppEnv>): string {
  // eslint-disable-next-line no-control-regex
  const name = (c.req.query('filename') ?? '').split(/[/\\]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return name || 'upload';
}

async function readUpload(c: Context<AppEnv>): Promise<ScreenFileRead> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (type.startsWith('multipart/') || type.startsWith('application/x-www-form-urlencoded')) {
    throw new Room39Error('unsupported_type', 'send the file itself as the request body (e.g. Content-Type: application/octet-stream), not as a form');
  }
  const declared = Number(c.req.header('content-length') ?? '0');
  const limit = `the limit is ${READ_MAX_BYTES / 1048576} MB`;
  if (declared > READ_MAX_BYTES) throw tooLarge(`the file is ${(declared / 1048576).toFixed(1)} MB; ${limit}`);
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.byteLength > READ_MAX_BYTES) throw tooLarge(`the file is ${(bytes.byteLength / 1048576).toFixed(1)} MB; ${limit}`);
  const label = fileLabel(c);
  if (bytes.byteLength === 0) throw invalidInput('the file is empty; the first row must name the columns (name, schema, country, birth_date, id_number)', label);
  const q = c.req.query();
  const warnings: string[] = [];
  let info: InputInfo | null = null;
  const rows: CsvRow[] = [];
  const read = readScreenBytes(bytes, label, (m) => warnings.push(m), { encoding: q.encoding ?? null, delimiter: q.delimiter ?? null, sheet: q.sheet ?? null, onInfo: (i) => { info = i; } });
  for await (const r of read) {
    if (rows.length >= READ_MAX_ROWS) throw tooLarge(`the file has more than ${READ_MAX_ROWS} rows, the most read here`);
    rows.push(r);
  }
  return { info, rows, warnings };
}

const cell = z.union([z.string(), z.number()]).transform(String).nullish();
const rowSchema = z.object({
  ...(Object.fromEntries(SCREEN_COLUMNS.map((c) => [c, cell])) as Record<(typeof SCREEN_COLUMNS)[number], typeof cell>),
  /** The row's number in the caller's file (a batch of a larger file), used in its messages; else its place in this request. */
  row: z.number().int().min(1).optional(),
}).passthrough();
const option = z.union([z.string(), z.number()]).optional();
const bodySchema = z.object({
  rows: z.array(rowSchema).max(API_MAX_ROWS, `at most ${API_MAX_ROWS} rows per request; split the file or use the CLI`),
  threshold: option,
  dataset: option,
  limit: option,
});

export const registerScreenRoutes: RouteRegistrar = (app, { db, settings }) => {
  app.post('/api/screen/read', async (c) => c.json(await readUpload(c)));

  app.post('/api/screen', async (c) => {
    const type = (c.req.header('content-type') ?? '').toLowerCase();
    const query = c.req.query();
    let raw: RawScreeningOptions = { threshold: query.threshold, dataset: query.dataset, limit: query.limit };
    let rows: CsvRow[] = [];
    if (type.includes('text/csv') || type.includes('text/plain')) {
      const text = await c.req.text();
      for await (const r of readScreenCsv([text], 'request body')) {
        if (rows.length >= API_MAX_ROWS) throw new Room39Error('too_large', `at most ${API_MAX_ROWS} rows per request; split the file or use the CLI`, 'request body');
        rows.push(r);
      }
    } else {
      const body = bodySchema.parse(await c.req.json());
      rows = body.rows.map((r, i) => {
        const input: ScreenInput = {};
        for (const k of SCREEN_COLUMNS) { const v = r[k]; if (v !== null && v !== undefined) input[k] = v; }
        return { row: r.row ?? i + 1, input };
      });
      raw = { threshold: body.threshold ?? raw.threshold, dataset: body.dataset ?? raw.dataset, limit: body.limit ?? raw.limit };
    }
    const options = parseScreeningOptions(raw);
    const service = await screeningService(db);
    const chunks: string[] = [];
    const lists = await screenedLists(db, settings.lists);
    await runScreen(service, rows, options, [jsonWriter((s) => chunks.push(s), lists)]);
    return c.body(chunks.join(''), 200, { 'content-type': 'application/json; charset=utf-8' });
  });
};
