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
import { DEFAULT_MAX_DOCUMENT_BYTES, tooLarge, type DocumentText, type ReadOptions } from '../../ingest/documents/read.ts';
import { extractDocument, extractionPool, readDocument, submitDocument } from '../../ingest/documents/service.ts';
import type { ExtractionPool } from '../../ingest/documents/pool.ts';
import type { DocumentSettings } from '../../config/settings.ts';
import { getDocument, listDocuments } from '../../ingest/documents/library.ts';
import { decideSuggestion, listSuggestions, suggestDocument, suggestionContent } from '../../ingest/documents/suggestions.ts';

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

async function documentFrom(c: Context<AppEnv>, filename: string | null, pool: ExtractionPool, settings: DocumentSettings): Promise<{ doc: DocumentText; filename: string | null; mediaType: string | null; title: string | null }> {
  const type = c.req.header('content-type') ?? null;
  // PDFs are read in the extraction pool, within their caps (pages, characters, time).
  const readDocumentBytes = (bytes: Uint8Array, options: ReadOptions) => readDocument(bytes, options, pool, settings);
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
    // A `title` field of the form, as ?title= (checked the same way).
    const titleField = Array.isArray(form['title']) ? form['title'][0] : form['title'];
    const { title } = submitQuery.pick({ title: true }).parse({ title: typeof titleField === 'string' && titleField.trim() ? titleField.trim() : undefined });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const name = filename ?? (file.name || null);
    return { doc: await readDocumentBytes(bytes, { filename: name, mediaType: file.type || null }), filename: name, mediaType: file.type || null, title: title ?? null };
  }
  const bytes = await readBody(c, DEFAULT_MAX_DOCUMENT_BYTES);
  return { doc: await readDocumentBytes(bytes, { filename, mediaType: type }), filename, mediaType: type, title: null };
}

export const registerDocumentRoutes: RouteRegistrar = (app, services) => {
  const { db } = services;
  const settings = services.settings.documents;
  const pool = () => extractionPool(db, settings);

  app.post('/api/documents', async (c) => {
    const q = submitQuery.parse(c.req.query());
    const { doc, filename, mediaType, title } = await documentFrom(c, q.filename ?? null, pool(), settings);
    const r = await submitDocument(db, doc, {
      submittedBy: actorOf(principalOf(c)), filename, mediaType, title: q.title ?? title, publisher: q.publisher ?? null, pool: pool(),
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
    const { doc } = await documentFrom(c, q.filename ?? null, pool(), settings);
    const r = await extractDocument(db, doc, pool());
    return c.json({ mentions: r.mentions, figures: r.figures, document: { title: doc.title, published: doc.published, url: doc.url, format: doc.format } });
  });

  app.get('/api/documents', async (c) => {
    const q = z.object({
      limit: z.coerce.number().int().min(1).max(500).default(50),
      offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
      q: z.string().max(500).optional(),
    }).parse(c.req.query());
    return c.json(await listDocuments(db, q));
  });

  // The public "suggest a document" door: off unless the operator opens it; what comes in waits for an analyst.
  app.post('/api/documents/suggest', async (c) => {
    if (!settings.publicSuggest) {
      // Said to whoever tried (GET /api/auth/session tells the web app beforehand); the operator's switch is in the OpenAPI description.
      throw new Room39Error('forbidden', 'this server does not take document suggestions; someone with an analyst account can add the document');
    }
    const q = z.object({ filename: z.string().min(1).max(255).optional(), note: z.string().max(2000).optional() }).parse(c.req.query());
    const bytes = await readBody(c, DEFAULT_MAX_DOCUMENT_BYTES);
    const r = await suggestDocument(db, bytes, {
      filename: q.filename ?? null, mediaType: c.req.header('content-type') ?? null, note: q.note ?? null, maxBytes: DEFAULT_MAX_DOCUMENT_BYTES, from: actorOf(principalOf(c)),
    });
    return c.json({ suggestion: { id: r.suggestion.id, status: r.suggestion.status }, message: 'thank you: the document waits for an analyst, who decides whether it enters the library' }, r.status === 'created' ? 202 : 200);
  });

  app.get('/api/documents/suggestions', async (c) => {
    const q = z.object({
      status: z.enum(['pending', 'accepted', 'rejected']).default('pending'),
      limit: z.coerce.number().int().min(1).max(500).default(50),
      offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    }).parse(c.req.query());
    return c.json({ suggestions: await listSuggestions(db, q) });
  });

  app.post('/api/documents/suggestions/:id/:decision{accept|reject}', async (c) => {
    const id = c.req.param('id');
    const actor = actorOf(principalOf(c));
    if (c.req.param('decision') === 'reject') return c.json({ suggestion: await decideSuggestion(db, id, 'rejected', actor, null) });
    const { suggestion, content } = await suggestionContent(db, id);
    const doc = await readDocument(content, { filename: suggestion.filename, mediaType: suggestion.media_type }, pool(), settings);
    const r = await submitDocument(db, doc, {
      submittedBy: `${actor} (suggested: ${suggestion.id})`, filename: suggestion.filename, mediaType: suggestion.media_type, pool: pool(),
    });
    return c.json({ suggestion: await decideSuggestion(db, id, 'accepted', actor, r.sourceId), source: { id: r.sourceId, title: r.title }, review_items: r.reviewItems });
  });

  app.get('/api/documents/:id', async (c) => {
    return c.json(await getDocument(db, c.req.param('id')));
  });
};
