/**
 * Precision, recall and F1 of extraction on the five hand-labelled seed
 * documents (test/extract/labels), per field, against the bundled graph.
 * Run: `npx tsx bench/extract/evaluate.ts [--misses]`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { extract } from '../../src/extract/extract.ts';
import { bundledResolver } from '../../src/ingest/documents/resolver.ts';
import { GOALS, SCORED_FIELDS, scoreDocument, summarize, type DocumentLabels } from '../../src/extract/evaluate.ts';
import { officialListFiles } from '../../test/support/official.ts';

const dir = path.join(REPO_ROOT, 'test/extract/labels');
const resolver = await bundledResolver(REPO_ROOT, officialListFiles());
const scores = [];
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const labels = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as DocumentLabels;
  const text = fs.readFileSync(path.join(REPO_ROOT, labels.document), 'utf8');
  const result = await extract(text, { resolver });
  const s = scoreDocument(text, labels, result);
  scores.push(s);
  if (process.argv.includes('--misses')) {
    for (const m of s.misses) console.log(`${file} MISS ${m.field} @${m.start} ${JSON.stringify(m.text)}`);
    for (const m of s.spurious) console.log(`${file} SPURIOUS ${m.field} @${m.start} ${JSON.stringify(m.text)}`);
    for (const w of s.wrongValues) console.log(`${file} VALUE ${JSON.stringify(w.label.text)} labelled ${w.label.low}–${w.label.high} ${w.label.unit}, extracted ${w.predicted.low}–${w.predicted.high} ${w.predicted.unit}`);
  }
}
const sum = summarize(scores);
const pct = (x: number) => x.toFixed(3);
console.log('| field | labelled | extracted | correct | precision | recall | F1 |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const f of SCORED_FIELDS) {
  const s = sum.fields[f];
  console.log(`| ${f} | ${s.tp + s.fn} | ${s.tp + s.fp} | ${s.tp} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} |`);
}
for (const [name, s] of [['**mentions (all)**', sum.mentions], ['**figures (all)**', sum.figures]] as const) {
  console.log(`| ${name} | ${s.tp + s.fn} | ${s.tp + s.fp} | ${s.tp} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} |`);
}
console.log(`\nfigures whose quote is not an exact substring at its offsets: ${sum.badQuotes}`);
console.log(`goals: mentions F1 ≥ ${GOALS.mentionsF1} (${sum.mentions.f1 >= GOALS.mentionsF1 ? 'met' : 'NOT met'}), figures F1 ≥ ${GOALS.figuresF1} (${sum.figures.f1 >= GOALS.figuresF1 ? 'met' : 'NOT met'})`);
