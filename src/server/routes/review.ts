/** The review queue over HTTP: list, show, accept, correct, reject. The reviewer is the logged-in account. */
import { z } from 'zod';
import type { RouteRegistrar } from '../context.ts';
import { actorOf, principalOf } from '../../auth/principal.ts';
import { etagOf, ifMatchVersion } from '../middleware/if-match.ts';
import { acceptReviewItem, correctReviewItem, correctionSchema, decisionSchema, getReviewItem, listQuery, listReviewItems, rejectReviewItem, rejectReviewItems } from '../../review/queue.ts';

const correctBody = decisionSchema.extend({ correction: correctionSchema }).strict();

/** `{ correction: {…}, reliability?, note? }`, or the corrected fields given flat beside reliability and note. */
function parseCorrect(body: unknown): z.infer<typeof correctBody> {
  if (body && typeof body === 'object' && !Array.isArray(body) && !('correction' in body)) {
    const { reliability, note, ...rest } = body as Record<string, unknown>;
    return correctBody.parse({ correction: rest, ...(reliability !== undefined ? { reliability } : {}), ...(note !== undefined ? { note } : {}) });
  }
  return correctBody.parse(body);
}

async function jsonBody(c: { req: { text(): Promise<string> } }): Promise<unknown> {
  const raw = await c.req.text();
  return raw.trim() === '' ? {} : (JSON.parse(raw) as unknown);
}

export const registerReviewRoutes: RouteRegistrar = (app, services) => {
  const { db } = services;

  app.get('/api/review', async (c) => c.json(await listReviewItems(db, listQuery.parse(c.req.query()))));

  // Bulk reject: noise out of the queue in one request (each item its own recorded decision).
  app.post('/api/review/reject', async (c) => {
    const body = decisionSchema.extend({ ids: z.array(z.string().min(1).max(200)).min(1).max(1000) }).strict().parse(await jsonBody(c));
    const { ids, ...d } = body;
    return c.json(await rejectReviewItems(db, ids, actorOf(principalOf(c)), d));
  });

  app.get('/api/review/:id', async (c) => {
    const item = await getReviewItem(db, c.req.param('id'));
    c.header('ETag', etagOf(item.version));
    return c.json({ item });
  });

  app.post('/api/review/:id/accept', async (c) => {
    const d = decisionSchema.parse(await jsonBody(c));
    return c.json({ item: await acceptReviewItem(db, c.req.param('id'), actorOf(principalOf(c)), d) });
  });

  app.post('/api/review/:id/reject', async (c) => {
    const d = decisionSchema.parse(await jsonBody(c));
    return c.json({ item: await rejectReviewItem(db, c.req.param('id'), actorOf(principalOf(c)), d) });
  });

  app.post('/api/review/:id/correct', async (c) => {
    const { correction, ...d } = parseCorrect(await jsonBody(c));
    const ifMatch = ifMatchVersion(c);
    if (ifMatch !== null) d.version = ifMatch;
    return c.json({ item: await correctReviewItem(db, c.req.param('id'), actorOf(principalOf(c)), correction, d) });
  });
};

export type CorrectBody = z.infer<typeof correctBody>;
