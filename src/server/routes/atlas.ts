/** The atlas: host countries for the map, one country's figures and actions, the timeline, the network around an entity, the headline figures. */
import { z } from 'zod';
import type { RouteRegistrar } from '../context.ts';
import { invalidInput } from '../../errors.ts';
import { countryDetail, entityFigures, headline, hostCountries, network, timeline, TIMELINE_TYPES, type TimelineType } from '../../store/atlas/index.ts';

const countriesQuery = z.object({
  year: z.coerce.number().int().min(1900, 'year must be 1900 or later').max(2100, 'year must be 2100 or earlier').optional(),
});

const dateBound = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'from and to are a year or an ISO date (2017, 2017-01, 2017-01-11)').optional();

const timelineQuery = z.object({
  types: z.string().max(200).optional().transform((v, ctx) => {
    if (!v) return null;
    const list = v.split(',').map((t) => t.trim()).filter(Boolean);
    for (const t of list) {
      if (!(TIMELINE_TYPES as readonly string[]).includes(t)) {
        ctx.addIssue({ code: 'custom', message: `unknown type "${t}"; types are ${TIMELINE_TYPES.join(', ')}` });
        return z.NEVER;
      }
    }
    return list as TimelineType[];
  }),
  from: dateBound,
  to: dateBound,
  entity: z.string().max(256).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(2000),
});

const networkQuery = z.object({
  depth: z.coerce.number().int().min(1, 'depth is 1 to 3').max(3, 'depth is 1 to 3').default(1),
  max: z.coerce.number().int().min(10).max(1000).default(250),
});

export const registerAtlasRoutes: RouteRegistrar = (app, { db }) => {
  app.get('/api/headline', async (c) => c.json(await headline(db)));

  app.get('/api/countries', async (c) => {
    const query = countriesQuery.parse(c.req.query());
    // No year asked: the year with figures for the most host countries.
    return c.json(await hostCountries(db, query.year ?? null));
  });

  app.get('/api/countries/:cc', async (c) => c.json(await countryDetail(db, c.req.param('cc'))));

  app.get('/api/figures', async (c) => {
    const entity = z.string().trim().min(1, 'entity (an entity id) is required').max(256).parse(c.req.query('entity') ?? '');
    return c.json({ entity, figures: await entityFigures(db, entity) });
  });

  app.get('/api/timeline', async (c) => {
    const query = timelineQuery.parse(c.req.query());
    const items = await timeline(db, { types: query.types, from: query.from ?? null, to: query.to ?? null, entityId: query.entity ?? null, limit: query.limit });
    return c.json({ types: TIMELINE_TYPES, items });
  });

  app.get('/api/network/:id', async (c) => {
    const id = c.req.param('id');
    if (id.length > 256) throw invalidInput('entity ids are at most 256 characters');
    const query = networkQuery.parse(c.req.query());
    return c.json(await network(db, id, query.depth, query.max));
  });
};
