/**
 * Documents over HTTP. `POST /api/documents` takes the document as the
 * request body (text/plain, text/html or application/pdf; or a multipart
 * form with a `file` field), refuses it by Content-Length before reading when
 * it is over the limit (the upload guard enforces the server's limit too),
 * stores it as a source and queues what extraction finds for review.
 * `POST /api/extract` answers the extraction only, storing nothing.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import type { RouteRegistrar, AppEnv } from '../context.ts';
import { actorOf, principalOf } from '../../auth/principal.ts';
import { Room39Error } from '../../errors.ts';
import { DEFAULT_MAX_DOCUMENT_BYTES, readDocumentBytes, tooLarge, type DocumentText } from '../../ingest/documents/read.ts';
import { extractDocument, submitDocument } from '../../ingest/documents/service.ts';
import { getDocument, listDocuments } from '../../ingest/documents/library.ts';

const submitQuery = z.object({
  title: z.string().min(1).max(500).optional(),
  filename: z.string().min(1).max(255).optional(),
  publisher: z.string().min(1).max(300).optional(),
});

/**
 * The request body, refused by its Content-Length before it is read when that
 * is over the limit. The upload guard (server/middleware/upload.ts) has read
 * and checked the body already, within the server's upload limit; Hono keeps
 * it, so this reads it again without a second copy from the network.
 */
async function readBody(c: Context<AppEnv>, max: number): Promise<Uint8Array> {
  const declared = Number(c.req.header('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > max) throw tooLarge(declared, max, 'request body');
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.byteLength > max) throw tooLarge(bytes.byteLength, max, 'request body');
  return bytes;
}

/** A document sent as JSON: its text, and what is known of it. */
const jsonDocument = z.object({
  text: z.string().max(DEFAULT_MAX_DOCUMENT_BYTES),
  title: z.string().min(1).max(500).optional(),
  filename: z.string().min(1).max(255).optional(),
}).strict();

async function documentFrom(c: Context<AppEnv>, filename: string | null): Promise<{ doc: DocumentText; filename: string | null; mediaType: string | null; title: string | null }> {
  const type = c.req.header('content-type') ?? null;
  if (type && /^application\/json/i.test(type)) {
    const body = jsonDocument.parse(JSON.parse(new TextDecoder().decode(await readBody(c, DEFAULT_MAX_DOCUMENT_BYTES + 64 * 1024))));
    const name = filename ?? body.filename ?? null;
    const doc = await readDocumentBytes(new TextEncoder().encode(body.text), { filename: name, format: 'text' });
    return { doc, filename: name, mediaType: 'text/plain', title: body.title ?? null };
  }
  if (type && /^multipart\/form-data/i.test(type)) {
    const form = await c.req.parseBody({ all: true });
    const field = form['file'];
    const file = Array.isArray(field) ? field[0] : field;
    if (!file || typeof file === 'string') throw new Room39Error('invalid_input', 'the form has no `file` field holding the document', 'request body');
    if (file.size > DEFAULT_MAX_DOCUMENT_BYTES) throw tooLarge(file.size, DEFAULT_MAX_DOCUMENT_BYTES, file.name || 'file');
    const bytes = new Uint8Array(await file.arrayBuffer());
    const name = filename ?? (file.name || null);
    return { doc: await readDocumentBytes(bytes, { filename: name, mediaType: file.type || null }), filename: name, mediaType: file.type || null, title: null };
  }
  const bytes = await readBody(c, DEFAULT_MAX_DOCUMENT_BYTES);
  return { doc: await readDocumentBytes(bytes, { filename, mediaType: type }), filename, mediaType: type, title: null };
}

export const registerDocumentRoutes: RouteRegistrar = (app, services) => {
  const { db } = services;

  app.post('/api/documents', async (c) => {
    const q = submitQuery.parse(c.req.query());
    const { doc, filename, mediaType, title } = await documentFrom(c, q.filename ?? null);
    const r = await submitDocument(db, doc, {
      submittedBy: actorOf(principalOf(c)), filename, mediaType, title: q.title ?? title, publisher: q.publisher ?? null,
    });
    return c.json(
      {
        source: { id: r.sourceId, title: r.title, published: doc.published, url: doc.url, format: doc.format, bytes: doc.bytes, sha256: doc.sha256 },
        status: r.status,
        review_items: r.reviewItems,
        review: `/api/review?source=${encodeURIComponent(r.sourceId)}`,
        mentions: r.extraction.mentions,
        figures: r.extraction.figures,
      },
      r.status === 'created' ? 201 : 200,
    );
  });

  app.post('/api/extract', async (c) => {
    const q = submitQuery.parse(c.req.query());
    const { doc } = await documentFrom(c, q.filename ?? null);
    const r = await extractDocument(db, doc);
    return c.json({ mentions: r.mentions, figures: r.figures, document: { title: doc.title, published: doc.published, url: doc.url, format: doc.format } });
  });

  app.get('/api/documents', async (c) => {
    const q = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50), offset: z.coerce.number().int().min(0).default(0) }).parse(c.req.query());
    return c.json({ documents: await listDocuments(db, q) });
  });

  app.get('/api/documents/:id', async (c) => {
    return c.json(await getDocument(db, c.req.param('id')));
  });
};
