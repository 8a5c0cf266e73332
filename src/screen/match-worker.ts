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
  | { type: 'done'; id: number; entries: string[] }
  | { type: 'failed'; id: number; message: string };

let state: { service: ScreeningService; dates: Map<string, EntityDates> } | null = null;
const port = parentPort!;
port.on('message', (m: ToMatchWorker) => {
  if (m.type === 'init') {
    state = { service: new ScreeningService(m.entities), dates: m.dates };
    port.postMessage({ type: 'ready' } satisfies FromMatchWorker);
    return;
  }
  try {
    if (!state) throw new Error('matching worker asked before its index was built');
    port.postMessage({ type: 'done', id: m.id, entries: yenteEntries(state.service, m.batch, state.dates) } satisfies FromMatchWorker);
  } catch (e) {
    port.postMessage({ type: 'failed', id: m.id, message: e instanceof Error ? e.message : String(e) } satisfies FromMatchWorker);
  }
});
