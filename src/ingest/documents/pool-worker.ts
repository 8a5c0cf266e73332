/**
 * One extraction worker thread (see pool.ts): reads a PDF's text layer or
 * extracts mentions and figures from a text, one job at a time, off the
 * server's main thread. Names are resolved against the graph the pool last
 * sent (its entity records, rebuilt into a matcher here when they change).
 */
import { parentPort } from 'node:worker_threads';
import { extract } from '../../extract/extract.ts';
import { Room39Error } from '../../errors.ts';
import { pdfToText } from './pdf.ts';
import { resolverFromViews, type MatcherResolver } from './resolver.ts';
import type { FromWorker, ToWorker } from './pool-protocol.ts';

if (!parentPort) throw new Error('pool-worker.ts runs as a worker thread of the extraction pool');
const port = parentPort;
let graph: { stamp: string; resolver: MatcherResolver } | null = null;

port.on('message', async (msg: ToWorker) => {
  if (msg.type === 'graph') {
    graph = { stamp: msg.stamp, resolver: resolverFromViews(msg.entities) };
    return;
  }
  try {
    const job = msg.job;
    let reply: FromWorker;
    if (job.kind === 'pdf') {
      reply = { type: 'done', id: msg.id, result: { kind: 'pdf', text: await pdfToText(job.bytes, job.where, job.caps) } };
    } else {
      const resolver = job.withResolver && graph ? graph.resolver : undefined;
      reply = { type: 'done', id: msg.id, result: { kind: 'extract', extraction: await extract(job.text, resolver ? { resolver } : {}) } };
    }
    port.postMessage(reply);
  } catch (e) {
    const err = e instanceof Room39Error ? { code: e.code, message: e.message, where: e.where } : { code: 'invalid_input' as const, message: `extraction failed: ${(e as Error).message}`, where: null };
    port.postMessage({ type: 'failed', id: msg.id, error: err } satisfies FromWorker);
  }
});
port.postMessage({ type: 'ready' } satisfies FromWorker);
