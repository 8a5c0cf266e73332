/**
 * The server's extraction pool for each open store: made on first use,
 * closed with the store. Kept apart from service.ts so closing a store
 * (every CLI command does) does not load the extraction rules and the
 * resolver, which only the commands that read documents need.
 */
import type { Db } from '../../store/db.ts';
import type { DocumentSettings } from '../../config/settings.ts';
import { ExtractionPool } from './pool.ts';

const pools = new Map<Db, ExtractionPool>();

/** The server's extraction pool for this store (one, made on first use; closed with `closeExtractionPool`). */
export function extractionPool(db: Db, settings: DocumentSettings): ExtractionPool {
  let pool = pools.get(db);
  if (!pool) {
    pool = new ExtractionPool({ workers: settings.workers, timeoutMs: settings.timeoutMs, memoryMb: settings.memoryMb });
    pools.set(db, pool);
  }
  return pool;
}

export async function closeExtractionPool(db: Db): Promise<void> {
  const pool = pools.get(db);
  pools.delete(db);
  await pool?.close();
}
