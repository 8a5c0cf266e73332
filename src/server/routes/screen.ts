/** POST /api/screen: screen up to 10,000 rows per request, as JSON rows or CSV text. Same answer shape as `room39 screen --json`. */
import { z } from 'zod';
import type { RouteRegistrar } from '../context.ts';
import { Room39Error } from '../../errors.ts';
import {
  jsonWriter, parseScreeningOptions, readScreenCsv, runScreen, screeningService, SCREEN_COLUMNS, type CsvRow, type RawScreeningOptions, type ScreenInput,
} from '../../screen/index.ts';
import { screenedLists } from '../../ingest/lists/status.ts';

export const API_MAX_ROWS = 10_000;

const cell = z.union([z.string(), z.number()]).transform(String).nullish();
const rowSchema = z.object(Object.fromEntries(SCREEN_COLUMNS.map((c) => [c, cell])) as Record<(typeof SCREEN_COLUMNS)[number], typeof cell>).passthrough();
const option = z.union([z.string(), z.number()]).optional();
const bodySchema = z.object({
  rows: z.array(rowSchema).max(API_MAX_ROWS, `at most ${API_MAX_ROWS} rows per request; split the file or use the CLI`),
  threshold: option,
  dataset: option,
  limit: option,
});

export const registerScreenRoutes: RouteRegistrar = (app, { db, settings }) => {
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
        return { row: i + 1, input };
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
