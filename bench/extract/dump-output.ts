/**
 * Every mention and figure `extract()` gives for the five seeds and the corpus texts (texts.ts), as one JSON file,
 * for checking that a speed change changes no output: run it in two checkouts and compare the files byte for byte.
 * Each text is read with the bundled resolver in order, again in reverse order with every answer forgotten before
 * each text, at thresholds 0.7 and 0.95, without the resolver, and upper-cased, lower-cased and reflowed with it.
 * Run: `npx tsx bench/extract/dump-output.ts <checkout> <out.json>` (the checkout whose src/extract is read).
 */
import fs from 'node:fs';
import path from 'node:path';
import { corpusTexts, seedTexts } from './texts.ts';

interface Version {
  extract: (text: string, options: object) => Promise<unknown>;
  resolver: { forget(): void };
}

const root = path.resolve(process.argv[2] ?? '.');
const out = process.argv[3];
if (!out) {
  console.error('usage: npx tsx bench/extract/dump-output.ts <checkout> <out.json>');
  process.exit(2);
}
const { extract } = (await import(path.join(root, 'src/extract/extract.ts'))) as Pick<Version, 'extract'>;
const { bundledResolver } = (await import(path.join(root, 'src/ingest/documents/resolver.ts'))) as { bundledResolver: (root: string, files: unknown) => Promise<Version['resolver']> };
const { officialListFiles } = (await import(path.join(root, 'test/support/official.ts'))) as { officialListFiles: () => unknown };
const resolver = await bundledResolver(root, officialListFiles());

const texts = [...seedTexts(), ...corpusTexts()];
const variants: [string, (t: string) => string][] = [
  ['upper', (t) => t.toUpperCase()],
  ['lower', (t) => t.toLowerCase()],
  ['reflowed', (t) => t.replace(/\s+/g, ' ')],
  ['curly', (t) => t.replace(/'/g, '\u2019').replace(/ /g, (s, i: number) => (i % 7 === 0 ? '\u00a0' : s))],
];
const results: Record<string, unknown[]> = { inOrder: [], reversed: [], t07: [], t095: [], none: [] };
for (const t of texts) results.inOrder!.push(await extract(t, { resolver }));
for (const t of [...texts].reverse()) {
  resolver.forget();
  results.reversed!.push(await extract(t, { resolver }));
}
resolver.forget();
for (const t of texts) results.t07!.push(await extract(t, { resolver, threshold: 0.7 }));
for (const t of texts) results.t095!.push(await extract(t, { resolver, threshold: 0.95 }));
for (const t of texts) results.none!.push(await extract(t, {}));
for (const [name, f] of variants) {
  resolver.forget();
  results[name] = [];
  for (const t of texts) results[name]!.push(await extract(f(t), { resolver }));
}
fs.writeFileSync(out, JSON.stringify(results));
console.log(`${texts.length} texts, ${Object.values(results).reduce((n, r) => n + r.length, 0)} extractions → ${out}`);
