/** GET /api/estimate: the revenue model (year, draws, seed, exclude, override), as the CLI gives it. */
import { z } from 'zod';
import type { RouteRegistrar } from '../context.ts';
import { estimate, loadEstimateData } from '../../estimate/index.ts';
import { storeFigureSource } from '../../estimate/store-source.ts';

/** The web app asks for up to this many draws; the CLI allows more. */
export const API_MAX_DRAWS = 200_000;

const whole = (name: string) => z.string().trim().regex(/^-?\d+$/, `${name} must be a whole number`).transform(Number);

const estimateQuery = z.object({
  year: whole('year').optional(),
  draws: whole('draws').pipe(z.number().int().min(1, 'draws must be above zero').max(API_MAX_DRAWS, `draws must be at most ${API_MAX_DRAWS} here (use the CLI for more)`)).optional(),
  seed: z.string().trim().max(64).optional(),
  exclude: z.string().max(400).optional(),
});

export const registerEstimateRoutes: RouteRegistrar = (app, { db }) => {
  app.get('/api/estimate', async (c) => {
    const q = estimateQuery.parse(c.req.query());
    const overrides = (c.req.queries('override') ?? []).filter((x) => x.trim() !== '');
    const data = await loadEstimateData(storeFigureSource(db));
    const result = estimate(data, {
      year: q.year ?? null,
      draws: q.draws ?? null,
      seed: q.seed ?? null,
      exclude: (q.exclude ?? '').split(',').map((s) => s.trim()).filter(Boolean),
      overrides,
    });
    return c.json(result);
  });
};
