/**
 * Agreement between two people who annotated the same texts by the same
 * guidelines (out-of-sample/README.md): the set's committed annotations are
 * the reference, a second annotator's hand spec is scored against them as
 * extraction output is. F1 is symmetric (precision and recall swap with the
 * reference), so it reads as how far two careful readers agree: the ceiling
 * that an extraction F1 measured on one reader's annotations can be read
 * against.
 *
 *   npx tsx bench/extract/agreement.ts --set heldout11 --second bench/extract/out-of-sample/source/heldout11-second.mjs [--misses]
 *
 * The spec file exports one object (its first export) of text id → { host, legal, workers, shares, notes }, the format of
 * source/*.mjs without citations; it must cover every text of the set.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SETS, loadSet, readText, specAnnotations, type CorpusSet, type HandSpec } from './out-of-sample/corpus.ts';
import { emptyTotals, printTable, scoreDoc, type Item } from './scoring.ts';

function arg(name: string): string {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? process.argv[i + 1] : undefined;
  if (!v) throw new Error(`${name} is required: npx tsx bench/extract/agreement.ts --set SET --second SPEC.mjs [--misses]`);
  return v;
}
const set = arg('--set');
if (!(SETS as readonly string[]).includes(set)) throw new Error(`--set ${set}: expected one of ${SETS.join(', ')}`);
const specFile = path.resolve(arg('--second'));
const module = (await import(pathToFileURL(specFile).href)) as Record<string, Record<string, HandSpec>>;
const second = Object.values(module)[0];
if (!second) throw new Error(`${specFile}: exports no spec object`);

const annotated = loadSet(set as CorpusSet);
const missing = annotated.filter((a) => !second[a.id]).map((a) => a.id);
if (missing.length) throw new Error(`${specFile}: no marks for ${missing.join(', ')}`);
const extra = Object.keys(second).filter((id) => !annotated.some((a) => a.id === id));
if (extra.length) throw new Error(`${specFile}: ${extra.join(', ')} not in set ${set}`);

const totals = emptyTotals();
for (const a of annotated) {
  const text = readText(a);
  const marks: Item[] = specAnnotations(text, second[a.id]!, a.id).map((m) => ({ ...m, ...(m.type === 'share' ? { of: m.of } : {}) }));
  scoreDoc({ id: a.id, text, gold: a.annotations, hostsLabelled: true, sharesOfLabelled: true }, marks, totals, process.argv.includes('--misses'));
}
console.log(`\n${set}: ${annotated.length} texts; reference: the committed annotations; scored: ${path.relative(process.cwd(), specFile)}\n`);
printTable(totals, 'second annotator');
