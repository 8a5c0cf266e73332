/**
 * A matching worker thread (match-pool.ts): holds its own screening index, built from the entities the server's
 * index holds, and answers yente batches with the same code the route runs in its own thread (yente-batch.ts).
 */
import { parentPort } from 'node:worker_threads';
import type { MatchableEntity } from '../match/types.ts';
import type { EntityDates } from './index-facts.ts';
import { ScreeningService } from './service.ts';
import { yenteEntries, type YenteBatch } from './yente-batch.ts';

export type ToMatchWorker =
  | { type: 'init'; entities: MatchableEntity[]; dates: Map<string, EntityDates> }
  | { type: 'match'; id: number; batch: YenteBatch };
export type FromMatchWorker =
  | { type: 'ready' }
  /** Each entry's UTF-8 bytes, one after another in `bytes` (its buffer transferred, not copied), `lengths` long. */
  | { type: 'done'; id: number; bytes: Uint8Array; lengths: number[] }
  | { type: 'failed'; id: number; message: string };

let state: { service: ScreeningService; dates: Map<string, EntityDates> } | null = null;
const encoder = new TextEncoder();

/**
 * The entries as bytes in one transferred buffer: the route writes them to the socket as they are, and the
 * server's thread never holds them as strings (received strings were a few kilobytes a request that lived
 * long enough to be moved to the old generation, whose collections then stalled the server under load).
 */
function entriesMessage(id: number, entries: string[]): { message: FromMatchWorker; transfer: ArrayBuffer[] } {
  const parts = entries.map((e) => encoder.encode(e));
  const bytes = new Uint8Array(parts.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of parts) { bytes.set(b, at); at += b.length; }
  return { message: { type: 'done', id, bytes, lengths: parts.map((b) => b.length) }, transfer: [bytes.buffer] };
}
const port = parentPort!;
port.on('message', (m: ToMatchWorker) => {
  if (m.type === 'init') {
    state = { service: new ScreeningService(m.entities), dates: m.dates };
    port.postMessage({ type: 'ready' } satisfies FromMatchWorker);
    return;
  }
  try {
    if (!state) throw new Error('matching worker asked before its index was built');
    const { message, transfer } = entriesMessage(m.id, yenteEntries(state.service, m.batch, state.dates));
    port.postMessage(message, transfer);
  } catch (e) {
    port.postMessage({ type: 'failed', id: m.id, message: e instanceof Error ? e.message : String(e) } satisfies FromMatchWorker);
  }
});
