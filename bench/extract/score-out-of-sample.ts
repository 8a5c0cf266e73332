/**
 * Precision, recall and F1 per type of extraction on the out-of-sample corpus
 * (bench/extract/out-of-sample: texts outside the repository, each checked
 * against its annotated SHA-256) or on the five seeds:
 *
 *   npx tsx bench/extract/score-out-of-sample.ts [--set dev|heldout|fresh|heldout3|heldout4|heldout5|heldout6|heldout7|heldout8|heldout9|heldout10|heldout11|heldout12|heldout13|heldout14|heldout15|heldout16|heldout17|heldout18|heldout19|heldout20|heldout21|seeds] [--misses] [--no-resolver] [--rules-only]
 *
 * Texts are read from ROOM39_CORPUS_DIR (default /work/corpus/texts); the third
 * and fourth held-out sets' from ROOM39_CORPUS_DIR3 and ROOM39_CORPUS_DIR4
 * (defaults /work/corpus/texts2, /work/corpus/texts3). Each held-out set is
 * scored once, at the end of its round (see out-of-sample/README.md).
 * `--available` scores only the texts present (for development, where some are missing).
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { extract } from '../../src/extract/extract.ts';
import { bundledResolver } from '../../src/ingest/documents/resolver.ts';
import type { DocumentLabels, LabelledFigure, LabelledMention } from '../../src/extract/evaluate.ts';
import type { EntityResolver } from '../../src/extract/types.ts';
import { SETS, corpusDir, loadSet, readText, type Annotation, type CorpusSet } from './out-of-sample/corpus.ts';
import { emptyTotals, predictedItems, printTable, scoreDoc, type Doc } from './scoring.ts';
import { officialListFiles } from '../../test/support/official.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const set = arg('--set') ?? 'dev';
const showMisses = process.argv.includes('--misses');

/** The seeds in the same form: legal instruments, worker counts, shares with their wholes; host countries per document only. */
function seedDocs(): Doc[] {
  const dir = path.join(REPO_ROOT, 'test/extract/labels');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => {
    const l = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Omit<DocumentLabels, 'mentions' | 'figures'> & { host_countries?: string[]; mentions: (LabelledMention & { role?: string })[]; figures: (LabelledFigure & { share_of?: string })[] };
    const gold: Annotation[] = [];
    for (const m of l.mentions) {
      if (m.type === 'legal_instrument') gold.push({ type: 'legal_instrument', start: m.start, end: m.end, text: m.text });
      if (m.type === 'country' && m.role === 'host') gold.push({ type: 'host_country', start: m.start, end: m.end, text: m.text, country: m.country! });
    }
    for (const g of l.figures) {
      if (g.kind === 'worker_count') gold.push({ type: 'worker_count', start: g.start, end: g.end, text: g.text, low: g.low, high: g.high, qualifier: g.qualifier as 'exact', country: g.country });
      if (g.kind === 'share') gold.push({ type: 'share', start: g.start, end: g.end, text: g.text, low: g.low, high: g.high, qualifier: g.qualifier as 'exact', of: (g.share_of ?? 'other') as 'other' });
    }
    return {
      id: l.source_id,
      text: fs.readFileSync(path.join(REPO_ROOT, l.document), 'utf8'),
      gold,
      hostsLabelled: l.mentions.some((m) => m.role !== undefined),
      sharesOfLabelled: l.figures.some((g) => g.share_of !== undefined),
      ...(l.host_countries ? { docHosts: l.host_countries } : {}),
    };
  });
}

/** `--available`: score the texts of the set that are present (a development check on a machine that lacks some), saying which are left out. */
function corpusDocs(which: CorpusSet): Doc[] {
  const annotated = loadSet(which);
  const present = process.argv.includes('--available') ? annotated.filter((a) => fs.existsSync(path.join(corpusDir(a.set), `${a.id}.txt`))) : annotated;
  if (present.length < annotated.length) console.log(`(--available: ${annotated.length - present.length} of ${annotated.length} texts missing, left out: ${annotated.filter((a) => !present.includes(a)).map((a) => a.id).join(', ')})`);
  return present.map((a) => ({ id: a.id, text: readText(a), gold: a.annotations, hostsLabelled: true, sharesOfLabelled: true }));
}

const isCorpusSet = (s: string): s is CorpusSet => (SETS as readonly string[]).includes(s);
const docs = set === 'seeds' ? seedDocs() : isCorpusSet(set) ? corpusDocs(set) : (() => { throw new Error(`--set ${set}: expected ${SETS.join(', ')} or seeds`); })();
const resolver: EntityResolver | undefined = process.argv.includes('--no-resolver') ? undefined : await bundledResolver(REPO_ROOT, officialListFiles());
const totals = emptyTotals();
// `--rules-only`: the rules' roles, without the host model (src/extract/host-model.ts) weighing them.
const hostModel = process.argv.includes('--rules-only') ? { hostModel: false as const } : {};
for (const doc of docs) scoreDoc(doc, predictedItems(await extract(doc.text, { ...(resolver ? { resolver } : {}), ...hostModel })), totals, showMisses);

console.log(`\n${set}: ${docs.length} texts, ${docs.reduce((n, d) => n + d.text.length, 0)} characters${resolver ? ', names resolved against the bundled graph' : ''}\n`);
printTable(totals);
