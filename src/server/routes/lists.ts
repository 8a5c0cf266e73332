/**
 * GET /api/lists: each official list's version, publication date, last check
 * and freshness (the web app's banner, monitoring); POST /api/lists/update
 * (editors): fetch the current lists from their publishers now.
 */
import { z } from 'zod';
import { LIST_KEYS, type ListKey } from '../../config/settings.ts';
import type { RouteRegistrar } from '../context.ts';
import { listStatus } from '../../ingest/lists/status.ts';
import { updateLists } from '../../ingest/lists/update.ts';

const updateBody = z.object({ list: z.enum([...LIST_KEYS, 'all']).default('all') }).strict();

export const registerListRoutes: RouteRegistrar = (app, { db, settings }) => {
  app.get('/api/lists', async (c) => c.json(await listStatus(db, settings.lists)));
  app.post('/api/lists/update', async (c) => {
    const text = await c.req.text();
    const { list } = updateBody.parse(text.trim() ? JSON.parse(text) : {});
    const lists: ListKey[] = list === 'all' ? [...LIST_KEYS] : [list];
    return c.json(await updateLists(db, settings.lists, { lists }));
  });
};
