/**
 * One extraction worker process (see pool.ts): reads a PDF's text layer or
 * extracts mentions and figures from a text, one job at a time, off the
 * server's process. Names are resolved against the graph the pool last
 * sent (its entity records, rebuilt into a matcher here when they change).
 */
import { extract } from '../../extract/extract.ts';
import { Room39Error } from '../../errors.ts';
import { pdfToText } from './pdf.ts';
import { resolverFromViews, type MatcherResolver } from './resolver.ts';
import type { FromWorker, ToWorker } from './pool-protocol.ts';

if (!process.send) throw new Error('pool-worker.ts runs as a child process of the extraction pool');
const reply = (m: FromWorker): void => {
  process.send?.(m);
};
process.on('disconnect', () => process.exit(0));
let graph: { stamp: string; resolver: MatcherResolver } | null = null;

process.on('message', async (msg: ToWorker) => {
  if (msg.type === 'graph') {
    graph = { stamp: msg.stamp, resolver: resolverFromViews(msg.entities) };
    return;
  }
  try {
    const job = msg.job;
    if (job.kind === 'pdf') {
      reply({ type: 'done', id: msg.id, result: { kind: 'pdf', text: await pdfToText(job.bytes, job.where, job.caps) } });
    } else {
      const resolver = job.withResolver && graph ? graph.resolver : undefined;
      reply({ type: 'done', id: msg.id, result: { kind: 'extract', extraction: await extract(job.text, resolver ? { resolver } : {}) } });
    }
  } catch (e) {
    // The message without its place: the pool's error puts `where` in front again.
    const err = e instanceof Room39Error ? { code: e.code, message: e.detail, where: e.where } : { code: 'invalid_input' as const, message: `extraction failed: ${(e as Error).message}`, where: null };
    reply({ type: 'failed', id: msg.id, error: err });
  }
});
reply({ type: 'ready' });
