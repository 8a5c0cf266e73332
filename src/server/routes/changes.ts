/** GET /api/changes?since=DATE&dataset=D&change=C: designations added, changed and removed between list versions. */
import { z } from 'zod';
import type { RouteRegistrar } from '../context.ts';
import { listChanges } from '../../ingest/lists/changes.ts';

const changesQuery = z.object({
  since: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'since is a date, YYYY-MM-DD').optional(),
  dataset: z.string().max(128).optional(),
  change: z.enum(['added', 'changed', 'removed']).optional(),
  initial: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
  offset: z.coerce.number().int().min(0).default(0),
});

export const registerChangesRoutes: RouteRegistrar = (app, { db }) => {
  app.get('/api/changes', async (c) => {
    const q = changesQuery.parse(c.req.query());
    return c.json(await listChanges(db, {
      since: q.since ?? null, dataset: q.dataset ?? null, change: q.change ?? null,
      includeInitial: q.initial === 'true', limit: q.limit, offset: q.offset,
    }));
  });
};
