/**
 * The resolver over HTTP: its figures, the cross-reference job and its
 * review queue, judgements (same, different, unsure) and their undo, and the
 * judgements behind one entity. Writing needs an editor (the access policy's
 * default for a state-changing request); the judge is the logged-in account.
 */
import { z } from 'zod';
import type { RouteRegistrar } from '../context.ts';
import { actorOf, principalOf } from '../../auth/principal.ts';
import { decide, openCandidates, resolutionOf, resolutionStats, runXref } from '../../resolve/index.ts';
import { NOTE_MAX, undoJudgement } from '../../store/resolver.ts';

const DECISION = { same: 'positive', different: 'negative', unsure: 'unsure', positive: 'positive', negative: 'negative' } as const;
const recordId = z.string().trim().min(1).max(256);
const judgeBody = z.object({
  a: recordId, b: recordId,
  judgement: z.enum(['same', 'different', 'unsure', 'positive', 'negative']).transform((j) => DECISION[j]),
  note: z.string().max(NOTE_MAX).nullish(),
  force: z.boolean().optional(),
}).strict();
const undoBody = z.object({ note: z.string().max(NOTE_MAX).nullish() }).strict();
const candidatesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  proposed: z.enum(['true', 'false', '1', '0']).optional().transform((v) => v === 'true' || v === '1'),
});

async function jsonBody(c: { req: { text(): Promise<string> } }): Promise<unknown> {
  const raw = await c.req.text();
  return raw.trim() === '' ? {} : (JSON.parse(raw) as unknown);
}

export const registerResolveRoutes: RouteRegistrar = (app, { db }) => {
  app.get('/api/resolve', async (c) => c.json(await resolutionStats(db)));

  app.get('/api/resolve/candidates', async (c) => {
    const q = candidatesQuery.parse(c.req.query());
    return c.json(await openCandidates(db, { limit: q.limit, offset: q.offset, proposedOnly: q.proposed }));
  });

  app.post('/api/resolve/xref', async (c) => c.json(await db.transaction((tx) => runXref(tx))));

  app.post('/api/resolve/judgements', async (c) => {
    const body = judgeBody.parse(await jsonBody(c));
    const by = actorOf(principalOf(c));
    return c.json(await db.transaction((tx) => decide(tx, { a: body.a, b: body.b, judgement: body.judgement, by, note: body.note ?? null, force: body.force === true })));
  });

  app.post('/api/resolve/judgements/:id/undo', async (c) => {
    const body = undoBody.parse(await jsonBody(c));
    const judgement = await db.transaction((tx) => undoJudgement(tx, c.req.param('id'), actorOf(principalOf(c)), body.note ?? 'undone'));
    return c.json({ judgement });
  });

  app.get('/api/resolve/entities/:id', async (c) => {
    return c.json(await resolutionOf(db, c.req.param('id')));
  });
};
