/**
 * Extraction throughput on the five seed documents (UTF-8 bytes per second),
 * with persons and organisations resolved against the bundled graph, and
 * without a resolver (countries, legal instruments and figures only), plus
 * reading an HTML page and a PDF. Run: `npx tsx bench/extract/throughput.ts [rounds]`.
 */
import fs from 'node:fs';
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

async function run(label: string, withResolver: boolean) {
  for (const t of texts) await extract(t, withResolver ? { resolver } : {}); // warm-up
  const start = performance.now();
  for (let r = 0; r < rounds; r++) {
    // Each round reads the documents afresh: the name filter forgets the words it met, so nothing carries over.
    resolver.forget();
    for (const t of texts) await extract(t, withResolver ? { resolver } : {});
  }
  const s = (performance.now() - start) / 1000;
  const mb = (bytes * rounds) / 1024 / 1024;
  console.log(`| ${label} | ${(mb / s).toFixed(3)} MB/s | ${((s / rounds) * 1000).toFixed(0)} ms per pass over ${(bytes / 1024).toFixed(0)} kB |`);
}

console.log(`Seeds: ${texts.length} documents, ${(bytes / 1024).toFixed(1)} kB; ${rounds} rounds. Resolver built in ${(buildMs / 1000).toFixed(1)} s (curated entities + DPRK list entries).\n`);
console.log('| what | throughput | time |');
console.log('|---|---:|---:|');
await run('extract, with the graph resolver', true);
await run('extract, no resolver (countries, legal, figures)', false);

// Reading: HTML (main text) and PDF (text layer), from the seeds' own text.
const html = Buffer.from(`<html><head><title>t</title><script>x()</script></head><body><nav>menu</nav><article>${texts.map((t) => t.split('\n\n').map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('')).join('')}</article></body></html>`);
t0 = performance.now();
for (let r = 0; r < rounds; r++) await readDocumentBytes(html, { filename: 'bench.html' });
let s = (performance.now() - t0) / 1000;
console.log(`| read HTML (main text) | ${((html.byteLength * rounds) / 1024 / 1024 / s).toFixed(2)} MB/s | ${((s / rounds) * 1000).toFixed(0)} ms for ${(html.byteLength / 1024).toFixed(0)} kB |`);
const lines = texts.join('\n').split(/\n/).flatMap((l) => l.match(/.{1,90}(\s|$)/g) ?? []).map((l) => l.replace(/[^\x20-\x7e]/g, ' '));
const pages: string[][] = [];
for (let i = 0; i < lines.length; i += 45) pages.push(lines.slice(i, i + 45));
const pdf = makePdf(pages);
t0 = performance.now();
for (let r = 0; r < rounds; r++) await readDocumentBytes(pdf, { filename: 'bench.pdf' });
s = (performance.now() - t0) / 1000;
console.log(`| read PDF (text layer, ${pages.length} pages) | ${((pdf.byteLength * rounds) / 1024 / 1024 / s).toFixed(2)} MB/s | ${((s / rounds) * 1000).toFixed(0)} ms for ${(pdf.byteLength / 1024).toFixed(0)} kB |`);
