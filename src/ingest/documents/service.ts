/**
 * What the doors (CLI, HTTP) call for documents: the graph names are resolved
 * against (rebuilt when the graph changes), reading a document, extraction
 * without storing, and submission into the review queue. The server reads
 * PDFs and extracts in a pool of worker processes with a budget per document
 * (pool.ts); the CLI, one user at a time, does it in its own thread.
 */
import type { Db } from '../../store/db.ts';
import type { DocumentSettings } from '../../config/settings.ts';
import { storeEntityViews, storeResolver, type MatcherResolver } from './resolver.ts';
import { extract } from '../../extract/extract.ts';
import type { ExtractionResult } from '../../extract/types.ts';
import { ingestDocument, type IngestResult } from './ingest.ts';
import { readDocumentBytes, type DocumentText, type ReadOptions } from './read.ts';
import type { ExtractionPool } from './pool.ts';
import { extractionPool } from './pools.ts';

export { extractionPool } from './pools.ts';

const cache = new WeakMap<Db, { stamp: string; resolver: Promise<MatcherResolver> }>();

async function graphStamp(db: Db): Promise<string> {
  const [row] = await db.query<{ stamp: string }>(`SELECT count(*)::text || '/' || coalesce(max(updated_at)::text, '') AS stamp FROM entities`);
  return row?.stamp ?? '';
}

/** The resolver over the graph as the store holds it; rebuilt when entities change. */
export async function graphResolver(db: Db): Promise<MatcherResolver> {
  const stamp = await graphStamp(db);
  const hit = cache.get(db);
  if (hit && hit.stamp === stamp) return hit.resolver;
  const resolver = storeResolver(db);
  cache.set(db, { stamp, resolver });
  resolver.catch(() => cache.delete(db));
  return resolver;
}

const stamps = new WeakMap<Db, { at: number; stamp: Promise<string> }>();
/**
 * How long a look at the graph's stamp stands. Past it, a request extracts
 * with the graph the workers have while the stamp is looked at again for the
 * next one: the store is asked at most once a minute, never on a request's path.
 */
const STAMP_MS = 60_000;

/** Sends the pool the graph's names when they changed since it last had them. */
async function withGraph(db: Db, pool: ExtractionPool): Promise<ExtractionPool> {
  let seen = stamps.get(db);
  const fresh = () => {
    const next = { at: Date.now(), stamp: graphStamp(db) };
    stamps.set(db, next);
    return next;
  };
  if (!seen) seen = fresh();
  else if (Date.now() - seen.at > STAMP_MS) {
    const next = fresh();
    if (pool.graphStamp !== null) {
      void next.stamp.then(async (stamp) => { if (pool.graphStamp !== stamp) pool.setGraph(stamp, await storeEntityViews(db)); }).catch(() => stamps.delete(db));
      return pool;
    }
    seen = next;
  }
  const stamp = await seen.stamp;
  if (pool.graphStamp !== stamp) pool.setGraph(stamp, await storeEntityViews(db));
  return pool;
}

/**
 * Reads the graph's names for extraction before the server listens (about 0.2 s on the bundled graph, a query
 * that holds the event loop while the embedded store runs it), so the first document does not pay it on its request.
 */
export async function primeExtractionGraph(db: Db, settings: DocumentSettings): Promise<void> {
  await withGraph(db, extractionPool(db, settings));
}

/** Starts the server's extraction workers with the graph's names, before the first document arrives. */
export async function warmExtraction(db: Db, settings: DocumentSettings): Promise<void> {
  (await withGraph(db, extractionPool(db, settings))).warm();
}

/** Reads a document's bytes; a PDF in the pool, within its caps, when one is given. */
export async function readDocument(bytes: Uint8Array, options: ReadOptions, pool: ExtractionPool | null, settings: DocumentSettings | null): Promise<DocumentText> {
  if (!pool || !settings) return readDocumentBytes(bytes, options);
  return readDocumentBytes(bytes, { ...options, readPdf: (b, where) => pool.readPdf(b, where, { maxPages: settings.pdfMaxPages, maxChars: settings.pdfMaxChars }) });
}

export async function extractDocument(db: Db, doc: DocumentText, pool: ExtractionPool | null = null): Promise<ExtractionResult> {
  if (pool) return (await withGraph(db, pool)).extract(doc.text);
  return extract(doc.text, { resolver: await graphResolver(db) });
}

export async function submitDocument(
  db: Db,
  doc: DocumentText,
  options: { submittedBy: string; filename?: string | null; mediaType?: string | null; title?: string | null; publisher?: string | null; pool?: ExtractionPool | null },
): Promise<IngestResult> {
  const { pool, ...rest } = options;
  if (pool) {
    const ready = await withGraph(db, pool);
    return ingestDocument(db, doc, { ...rest, extractText: (text) => ready.extract(text) });
  }
  const resolver = await graphResolver(db);
  return ingestDocument(db, doc, { ...rest, extractText: (text) => extract(text, { resolver }) });
}
