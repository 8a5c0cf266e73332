/**
 * V8 heap settings for a long-running server. V8 learns from the index builds at start (hundreds of thousands of
 * objects that all live on) to allocate objects from the same code straight in the old generation
 * ("allocation-site pretenuring"); a query's objects come from that same code (name preparation, the name bound's
 * layouts) and die at once, so under /match load the old generation filled with them (about 6 KB a batch, 50 MB a
 * minute at 800 batches/s) and its collections, whose marking shares the 2 cores, held requests for 200-600 ms every
 * 10-20 s. Turned off, those objects die young (measured: old-generation growth 52 → 8 MB over 8,000 batches).
 */
import v8 from 'node:v8';

/** Process-wide; call before the indexes are built. */
export function tuneHeapForServing(): void {
  v8.setFlagsFromString('--no-allocation-site-pretenuring');
}
