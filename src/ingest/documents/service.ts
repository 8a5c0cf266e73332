/**
 * What the doors (CLI, HTTP) call for documents: the resolver over the
 * store's graph (built once and rebuilt when the graph changes), extraction
 * without storing, and submission into the review queue.
 */
import type { Db } from '../../store/db.ts';
import { storeResolver, type MatcherResolver } from './resolver.ts';
import { extract } from '../../extract/extract.ts';
import type { ExtractionResult } from '../../extract/types.ts';
import { ingestDocument, type IngestResult } from './ingest.ts';
import type { DocumentText } from './read.ts';

const cache = new WeakMap<Db, { stamp: string; resolver: Promise<MatcherResolver> }>();

/** The resolver over the graph as the store holds it; rebuilt when entities change. */
export async function graphResolver(db: Db): Promise<MatcherResolver> {
  const [row] = await db.query<{ stamp: string }>(`SELECT count(*)::text || '/' || coalesce(max(updated_at)::text, '') AS stamp FROM entities`);
  const stamp = row?.stamp ?? '';
  const hit = cache.get(db);
  if (hit && hit.stamp === stamp) return hit.resolver;
  const resolver = storeResolver(db);
  cache.set(db, { stamp, resolver });
  resolver.catch(() => cache.delete(db));
  return resolver;
}

export async function extractDocument(db: Db, doc: DocumentText): Promise<ExtractionResult> {
  return extract(doc.text, { resolver: await graphResolver(db) });
}

export async function submitDocument(
  db: Db,
  doc: DocumentText,
  options: { submittedBy: string; filename?: string | null; mediaType?: string | null; title?: string | null; publisher?: string | null },
): Promise<IngestResult> {
  return ingestDocument(db, doc, { ...options, resolver: await graphResolver(db) });
}
