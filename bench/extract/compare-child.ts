/**
 * One side of bench/extract/compare.ts: loads one checkout's extraction and
 * graph resolver in a process of its own, then runs one pass over the texts
 * per message and answers with the pass's CPU time (this process only).
 * Started by compare.ts: `compare-child.ts <checkout> <seeds|corpus>`.
 */
import path from 'node:path';
import { corpusTexts, seedTexts } from './texts.ts';

interface Version {
  extract: (text: string, options: object) => Promise<unknown>;
  resolver: { forget(): void };
}

const root = path.resolve(process.argv[2] ?? '.');
const texts = process.argv[3] === 'corpus' ? corpusTexts() : seedTexts();
const { extract } = (await import(path.join(root, 'src/extract/extract.ts'))) as Pick<Version, 'extract'>;
const { bundledResolver } = (await import(path.join(root, 'src/ingest/documents/resolver.ts'))) as { bundledResolver: (root: string, files: unknown) => Promise<Version['resolver']> };
const { officialListFiles } = (await import(path.join(root, 'test/support/official.ts'))) as { officialListFiles: () => unknown };
const t0 = performance.now();
const resolver = await bundledResolver(root, officialListFiles());
const buildMs = performance.now() - t0;

process.on('message', async (mode: string) => {
  const options = mode === 'none' ? {} : { resolver };
  if (mode === 'cold') resolver.forget();
  const c0 = process.cpuUsage();
  for (const t of texts) await extract(t, options);
  const c = process.cpuUsage(c0);
  process.send?.({ ms: (c.user + c.system) / 1000 });
});
process.on('disconnect', () => process.exit(0));
process.send?.({ ready: true, buildMs, bytes: texts.reduce((n, t) => n + Buffer.byteLength(t), 0), count: texts.length });
