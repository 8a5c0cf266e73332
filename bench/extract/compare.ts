/**
 * Extraction speed of this checkout against another one (a worktree at an
 * earlier commit), measured in one process, passes interleaved (before, after,
 * before, after …) so both see the same load on a shared machine. CPU time
 * per pass over the five seeds, fastest and median pass, for the modes of
 * throughput.ts: `cold` (with the graph resolver, every answer and word
 * forgotten first), `remembered` (the same seeds again, every answer kept),
 * `none` (no resolver). The texts: the five seeds (default), or `corpus`: the
 * 88 out-of-sample texts (ROOM39_CORPUS_DIR, ROOM39_CORPUS_DIR3,
 * ROOM39_CORPUS_DIR4; defaults /work/corpus/texts, texts2, texts3), which the
 * curated graph was not written from. Run:
 *
 *   git worktree add --detach /tmp/before <commit> && ln -s "$PWD/node_modules" /tmp/before/node_modules
 *   npx tsx bench/extract/compare.ts /tmp/before [rounds] [modes, e.g. cold,none,remembered] [seeds|corpus]
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { corpusTexts, seedTexts } from './texts.ts';

interface Version {
  extract: (text: string, options: object) => Promise<unknown>;
  resolver: { forget(): void };
}

const other = process.argv[2];
if (!other || !fs.existsSync(path.join(other, 'src/extract/extract.ts'))) {
  console.error('usage: npx tsx bench/extract/compare.ts <other checkout> [rounds] [modes]');
  process.exit(2);
}
const rounds = Number(process.argv[3] ?? 30);
const modes = (process.argv[4] ?? 'cold,none,remembered').split(',');
const set = process.argv[5] ?? 'seeds';

async function load(root: string): Promise<Version> {
  const { extract } = (await import(path.join(root, 'src/extract/extract.ts'))) as Pick<Version, 'extract'>;
  const { bundledResolver } = (await import(path.join(root, 'src/ingest/documents/resolver.ts'))) as { bundledResolver: (root: string, files: unknown) => Promise<Version['resolver']> };
  const { officialListFiles } = (await import(path.join(root, 'test/support/official.ts'))) as { officialListFiles: () => unknown };
  return { extract, resolver: await bundledResolver(root, officialListFiles()) };
}

const before = await load(path.resolve(other));
const after = await load(REPO_ROOT);
const texts = set === 'corpus' ? corpusTexts() : seedTexts();
if (!texts.length) {
  console.error(`no texts found for set "${set}"`);
  process.exit(2);
}
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

async function pass(v: Version, mode: string): Promise<number> {
  const options = mode === 'none' ? {} : { resolver: v.resolver };
  if (mode === 'cold') v.resolver.forget();
  const c0 = process.cpuUsage();
  for (const t of texts) await v.extract(t, options);
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

const mbs = (ms: number) => (bytes / 1024 / 1024 / (ms / 1000)).toFixed(2);
const describe = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const min = s[0]!;
  const med = s[s.length >> 1]!;
  return `${min.toFixed(1)} ms (${mbs(min)} MB/s) | ${med.toFixed(1)} ms (${mbs(med)} MB/s)`;
};

console.log(`${set === 'corpus' ? `Corpus: ${texts.length} texts` : 'Seeds'}: ${(bytes / 1024).toFixed(1)} kB; ${rounds} interleaved passes each; load average ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} (2 cores).\n`);
console.log('| mode | before: fastest | before: median | after: fastest | after: median |');
console.log('|---|---:|---:|---:|---:|');
for (const mode of modes) {
  for (const v of [before, after]) for (let i = 0; i < 3; i++) await pass(v, mode); // warm-up
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < rounds; r++) {
    a.push(await pass(before, mode));
    b.push(await pass(after, mode));
  }
  console.log(`| ${mode} | ${describe(a)} | ${describe(b)} |`);
}
