/**
 * Extraction throughput on the five seed documents (UTF-8 bytes per second),
 * with persons and organisations resolved against the bundled graph, and
 * without a resolver (countries, legal instruments and figures only), plus
 * reading an HTML page and a PDF. Run: `npx tsx bench/extract/throughput.ts [rounds]`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { extract } from '../../src/extract/extract.ts';
import { bundledResolver } from '../../src/ingest/documents/resolver.ts';
import { readDocumentBytes } from '../../src/ingest/documents/read.ts';
import { makePdf } from '../../test/extract/pdf-fixture.ts';
import { officialListFiles } from '../../test/support/official.ts';

const rounds = Number(process.argv[2] ?? 3);
const dir = path.join(REPO_ROOT, 'data/sources/seeds');
const texts = fs.readdirSync(dir).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

let t0 = performance.now();
const resolver = await bundledResolver(REPO_ROOT, officialListFiles());
const buildMs = performance.now() - t0;

/** Texts that are not the seeds (the out-of-sample corpus, outside the repository), to warm the resolver's answers with other documents. */
function otherTexts(): string[] {
  const split = path.join(REPO_ROOT, 'bench/extract/out-of-sample/split.json');
  const dirOut = process.env.ROOM39_CORPUS_DIR || '/work/corpus/texts';
  if (!fs.existsSync(split)) return [];
  const ids = Object.values(JSON.parse(fs.readFileSync(split, 'utf8')) as Record<string, unknown>).filter(Array.isArray).flat() as string[];
  return ids.map((id) => path.join(dirOut, `${id}.txt`)).filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f, 'utf8'));
}

type Mode = 'cold' | 'warm-other' | 'remembered' | 'none';

async function run(label: string, mode: Mode, warm: readonly string[] = []) {
  const options = mode === 'none' ? {} : { resolver };
  for (const t of texts) await extract(t, options); // warm-up (compiles the code paths)
  let wall = 0;
  let cpu = 0;
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    // Each round reads the seeds as never seen: every remembered answer and word is forgotten; for `warm-other`, the
    // resolver then reads other documents first (not timed), as a server does that has read other reports on the subject.
    // `remembered`: the seeds again with every answer kept: what resolution costs besides the filter and the matcher.
    if (mode !== 'remembered') resolver.forget();
    for (const t of mode === 'warm-other' ? warm : []) await extract(t, options);
    const start = performance.now();
    const cpu0 = process.cpuUsage();
    for (const t of texts) await extract(t, options);
    wall += (performance.now() - start) / 1000;
    const c = process.cpuUsage(cpu0);
    cpu += (c.user + c.system) / 1e6;
    best = Math.min(best, (c.user + c.system) / 1e6);
  }
  const mb = (bytes * rounds) / 1024 / 1024;
  console.log(`| ${label} | ${(mb / wall).toFixed(3)} MB/s | ${(mb / cpu).toFixed(3)} MB/s | ${(mb / rounds / best).toFixed(3)} MB/s | ${((wall / rounds) * 1000).toFixed(0)} ms per pass over ${(bytes / 1024).toFixed(0)} kB |`);
}

console.log(`Seeds: ${texts.length} documents, ${(bytes / 1024).toFixed(1)} kB; ${rounds} rounds. Resolver built in ${(buildMs / 1000).toFixed(1)} s (curated entities + DPRK list entries).\n`);
console.log(`Load average at start: ${os.loadavg().map((l) => l.toFixed(1)).join(', ')} (2 cores). CPU-time throughput counts the time this process ran, so it says less about other processes' load than wall time does.\n`);
console.log('| what | throughput (wall) | throughput (CPU time) | best round (CPU time) | time |');
console.log('|---|---:|---:|---:|---:|');
await run('extract, with the graph resolver, first reading (nothing remembered)', 'cold');
const warm = otherTexts();
if (warm.length) await run(`extract, with the graph resolver, after reading ${warm.length} other documents (answers remembered)`, 'warm-other', warm);
await run('extract, with the graph resolver, the same seeds again (every answer remembered)', 'remembered');
await run('extract, no resolver (countries, legal, figures)', 'none');

// Reading: HTML (main text) and PDF (text layer), from the seeds' own text.
const html = Buffer.from(`<html><head><title>t</title><script>x()</script></head><body><nav>menu</nav><article>${texts.map((t) => t.split('\n\n').map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('')).join('')}</article></body></html>`);
t0 = performance.now();
for (let r = 0; r < rounds; r++) await readDocumentBytes(html, { filename: 'bench.html' });
let s = (performance.now() - t0) / 1000;
console.log(`| read HTML (main text) | ${((html.byteLength * rounds) / 1024 / 1024 / s).toFixed(2)} MB/s | | | ${((s / rounds) * 1000).toFixed(0)} ms for ${(html.byteLength / 1024).toFixed(0)} kB |`);
const lines = texts.join('\n').split(/\n/).flatMap((l) => l.match(/.{1,90}(\s|$)/g) ?? []).map((l) => l.replace(/[^\x20-\x7e]/g, ' '));
const pages: string[][] = [];
for (let i = 0; i < lines.length; i += 45) pages.push(lines.slice(i, i + 45));
const pdf = makePdf(pages);
t0 = performance.now();
for (let r = 0; r < rounds; r++) await readDocumentBytes(pdf, { filename: 'bench.pdf' });
s = (performance.now() - t0) / 1000;
console.log(`| read PDF (text layer, ${pages.length} pages) | ${((pdf.byteLength * rounds) / 1024 / 1024 / s).toFixed(2)} MB/s | | | ${((s / rounds) * 1000).toFixed(0)} ms for ${(pdf.byteLength / 1024).toFixed(0)} kB |`);
