/**
 * Testimony over HTTP. The list gives no protected field (analyst and up);
 * one testimony in full is for editors and admins (admins only when consent
 * was withdrawn), and every such read is in the audit trail before the
 * answer leaves. Edits carry If-Match (the ETag of the read), so two editors
 * never silently overwrite each other. Without a configured key, protected
 * material can be neither stored nor read, and the answer says how to fix it.
 */
import { z } from 'zod';
import type { RouteRegistrar } from '../context.ts';
import { securityState } from '../security-state.ts';
import { actorOf, principalOf } from '../../auth/principal.ts';
import { requireKeyring } from '../../testimony/keyring.ts';
import { createTestimony, listTestimonies, readTestimony, testimonyInput, testimonyPatch, updateTestimony } from '../../testimony/store.ts';
import { etagOf, requireIfMatch } from '../middleware/if-match.ts';

const listQuery = z.object({
  entity: z.string().max(256).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});

export const registerTestimonyRoutes: RouteRegistrar = (app, services) => {
  const { db } = services;

  app.get('/api/testimony', async (c) => {
    const q = listQuery.parse(c.req.query());
    return c.json({ testimonies: await listTestimonies(db, { entityId: q.entity ?? null, limit: q.limit }) });
  });

  app.get('/api/testimony/:id', async (c) => {
    const p = principalOf(c);
    const ring = requireKeyring(securityState(services).keyring);
    const t = await readTestimony(db, ring, c.req.param('id'), { actor: actorOf(p), role: p.account!.role, meta: { address: p.address } });
    c.header('ETag', etagOf(t.version));
    c.header('Cache-Control', 'no-store');
    return c.json({ testimony: t });
  });

  app.post('/api/testimony', async (c) => {
    const ring = requireKeyring(securityState(services).keyring);
    const body = testimonyInput.parse(await c.req.json());
    const t = await createTestimony(db, ring, body, actorOf(principalOf(c)));
    c.header('ETag', etagOf(t.version));
    return c.json({ testimony: t }, 201);
  });

  const edit = (method: 'put' | 'patch') => app[method]('/api/testimony/:id', async (c) => {
    const expected = requireIfMatch(c);
    const ring = requireKeyring(securityState(services).keyring);
    const body = testimonyPatch.parse(await c.req.json());
    const p = principalOf(c);
    const t = await updateTestimony(db, ring, c.req.param('id'), body, expected, { actor: actorOf(p), role: p.account!.role });
    c.header('ETag', etagOf(t.version));
    return c.json({ testimony: t });
  });
  edit('put');
  edit('patch');
};
