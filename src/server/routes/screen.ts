/** POST /api/screen: screen up to 10,000 rows per request, as JSON rows or CSV text. Same answer shape as `room39 screen --json`. */
import { z } from 'zod';
import type { RouteRegistrar } from '../context.ts';
import { Room39Error, invalidInput } from '../../errors.ts';
import { DEFAULT_THRESHOLD } from '../../match/matcher.ts';
import { jsonWriter, parseScreenDataset, readScreenCsv, runScreen, screeningService, SCREEN_COLUMNS, type CsvRow, type ScreenInput } from '../../screen/index.ts';

export const API_MAX_ROWS = 10_000;

const cell = z.union([z.string(), z.number()]).transform(String).nullish();
const rowSchema = z.object(Object.fromEntries(SCREEN_COLUMNS.map((c) => [c, cell])) as Record<(typeof SCREEN_COLUMNS)[number], typeof cell>).passthrough();
const bodySchema = z.object({
  rows: z.array(rowSchema).max(API_MAX_ROWS, `at most ${API_MAX_ROWS} rows per request; split the file or use the CLI`),
  threshold: z.number().min(0).max(1).optional(),
  dataset: z.string().optional(),
  limit: z.number().int().min(1).max(50).optional(),
});

const params = (q: Record<string, string>) => ({
  threshold: q.threshold !== undefined ? Number(q.threshold) : undefined,
  dataset: q.dataset,
  limit: q.limit !== undefined ? Number(q.limit) : undefined,
});

export const registerScreenRoutes: RouteRegistrar = (app, { db, settings }) => {
  app.post('/api/screen', async (c) => {
    const type = (c.req.header('content-type') ?? '').toLowerCase();
    let rows: CsvRow[] = [];
    let opts: { threshold?: number; dataset?: string; limit?: number } = params(c.req.query());
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
      opts = { ...opts, ...Object.fromEntries(Object.entries({ threshold: body.threshold, dataset: body.dataset, limit: body.limit }).filter(([, v]) => v !== undefined)) };
    }
    const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
    if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) throw invalidInput('threshold must be a number from 0 to 1', 'threshold');
    const limit = opts.limit ?? 5;
    if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw invalidInput('limit must be a whole number from 1 to 50', 'limit');
    const dataset = parseScreenDataset(opts.dataset ?? null, 'dataset');
    const service = await screeningService(db, settings.bundleRoot);
    const chunks: string[] = [];
    await runScreen(service, rows, { threshold, dataset, limit }, [jsonWriter((s) => chunks.push(s))]);
    return c.body(chunks.join(''), 200, { 'content-type': 'application/json; charset=utf-8' });
  });
};
