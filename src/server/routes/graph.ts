/** Search and entity pages of the evidence graph. */
import { z } from 'zod';
import type { RouteRegistrar } from '../context.ts';
import { invalidInput } from '../../errors.ts';
import { searchWithCountries } from '../../store/country-search.ts';
import { entityDocument, getEntity } from '../../store/entities.ts';

const searchQuery = z.object({
  q: z.string().trim().min(1, 'q (the name to search for) is required').max(1000, 'q is longer than 1000 characters'),
  schema: z.string().max(64).optional(),
  dataset: z.string().max(128).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(20),
});

export const registerGraphRoutes: RouteRegistrar = (app, { db }) => {
  app.get('/api/search', async (c) => {
    const query = searchQuery.parse(c.req.query());
    const results = await searchWithCountries(db, query.q, { schema: query.schema ?? null, limit: query.limit, dataset: query.dataset ?? null });
    return c.json({ query: query.q, results });
  });

  app.get('/api/entities/:id', async (c) => {
    const id = c.req.param('id');
    if (id.length > 256) throw invalidInput('entity ids are at most 256 characters');
    return c.json(entityDocument(await getEntity(db, id)));
  });
};
