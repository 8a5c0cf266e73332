/**
 * Precision, recall and F1 per type of extraction on the out-of-sample corpus
 * (bench/extract/out-of-sample: texts outside the repository, each checked
 * against its annotated SHA-256) or on the five seeds:
 *
 *   npx tsx bench/extract/score-out-of-sample.ts [--set dev|heldout|fresh|heldout3|heldout4|heldout5|heldout6|heldout7|heldout8|heldout9|heldout10|heldout11|heldout12|seeds] [--misses] [--no-resolver]
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
import type { EntityResolver, ExtractionResult } from '../../src/extract/types.ts';
import { SETS, corpusDir, loadSet, readText, type Annotation, type AnnotationType, type CorpusSet } from './out-of-sample/corpus.ts';
import { officialListFiles } from '../../test/support/official.ts';

const ROWS = ['host_country', 'host_country (document)', 'legal_instrument', 'worker_count', 'share', 'share+of'] as const;
type Row = (typeof ROWS)[number];
interface Counts { tp: number; fp: number; fn: number; na?: boolean }
interface Doc { id: string; text: string; gold: Annotation[]; hostsLabelled: boolean; sharesOfLabelled: boolean; /** Host countries labelled per document only (the seeds). */ docHosts?: string[] }

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

interface Item { type: AnnotationType; start: number; end: number; text: string; country?: string | null; low?: number | null; high?: number | null; of?: string | null }

/** Extraction output as items of the annotated types. Without a `role` field, every country mention counts as a host. */
function predictedItems(r: ExtractionResult): Item[] {
  const out: Item[] = [];
  for (const m of r.mentions) {
    const role = (m as { role?: string }).role;
    if (m.type === 'country' && (role === undefined || role === 'host')) out.push({ type: 'host_country', start: m.start, end: m.end, text: m.text, country: m.country });
    if (m.type === 'legal_instrument') out.push({ type: 'legal_instrument', start: m.start, end: m.end, text: m.text });
  }
  for (const f of r.figures) {
    if (f.kind === 'worker_count' || f.kind === 'share') {
      const of = (f as { share_of?: string | null }).share_of ?? null;
      out.push({ type: f.kind, start: f.start, end: f.end, text: '', low: f.low, high: f.high, of });
    }
  }
  return out;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
const sameNumber = (a: number | null | undefined, b: number | null | undefined) =>
  a === null || a === undefined || b === null || b === undefined ? (a ?? null) === (b ?? null) : Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

function same(row: Row, g: Annotation, p: Item): boolean {
  if (!overlaps(g, p)) return false;
  if (g.type === 'host_country') return p.country === g.country;
  if (g.type === 'worker_count' || g.type === 'share') {
    if (!sameNumber(g.low, p.low) || !sameNumber(g.high, p.high)) return false;
    return row !== 'share+of' || (g.type === 'share' && p.of === g.of);
  }
  return true;
}

const typeOf = (row: Row): AnnotationType => (row === 'host_country (document)' ? 'host_country' : row === 'share+of' ? 'share' : row);

function scoreDoc(doc: Doc, pred: Item[], totals: Record<Row, Counts>): void {
  for (const row of ROWS) {
    const t = typeOf(row);
    const docLevel = row === 'host_country (document)' && doc.docHosts !== undefined;
    if ((t === 'host_country' && !doc.hostsLabelled && !docLevel) || (row === 'share+of' && !doc.sharesOfLabelled)) {
      totals[row].na = true;
      continue;
    }
    const gold = doc.gold.filter((g) => g.type === t);
    const ps = pred.filter((p) => p.type === t);
    if (row === 'host_country (document)') {
      const gs = new Set(doc.docHosts ?? gold.map((g) => (g as { country: string }).country));
      const pset = new Set(ps.map((p) => p.country ?? ''));
      for (const c of pset) (gs.has(c) ? totals[row].tp++ : (totals[row].fp++, showMisses && console.log(`${doc.id} SPURIOUS ${row} ${c}`)));
      for (const c of gs) if (!pset.has(c)) (totals[row].fn++, showMisses && console.log(`${doc.id} MISS ${row} ${c}`));
      continue;
    }
    const used = new Set<number>();
    for (const p of ps) {
      const i = gold.findIndex((g, k) => !used.has(k) && same(row, g, p));
      if (i >= 0) { used.add(i); totals[row].tp++; continue; }
      totals[row].fp++;
      if (showMisses) {
        const near = gold.find((g) => overlaps(g, p));
        const got = p.low !== undefined ? ` ${p.low}–${p.high}${row === 'share+of' ? ' of ' + p.of : ''}` : p.country ? ` ${p.country}` : '';
        console.log(`${doc.id} SPURIOUS ${row} @${p.start} ${JSON.stringify(doc.text.slice(p.start, p.end))}${got}${near ? ` (annotated ${JSON.stringify(near.text)}${'low' in near ? ` ${near.low}–${near.high}` : ''}${'of' in near ? ' of ' + near.of : ''})` : ''}`);
      }
    }
    gold.forEach((g, k) => {
      if (used.has(k)) return;
      totals[row].fn++;
      if (showMisses) console.log(`${doc.id} MISS ${row} @${g.start} ${JSON.stringify(g.text)}${'low' in g ? ` ${g.low}–${g.high}` : ''}${'of' in g && row === 'share+of' ? ' of ' + g.of : ''}${'country' in g && g.country ? ' ' + g.country : ''}`);
    });
  }
}

const isCorpusSet = (s: string): s is CorpusSet => (SETS as readonly string[]).includes(s);
const docs = set === 'seeds' ? seedDocs() : isCorpusSet(set) ? corpusDocs(set) : (() => { throw new Error(`--set ${set}: expected ${SETS.join(', ')} or seeds`); })();
const resolver: EntityResolver | undefined = process.argv.includes('--no-resolver') ? undefined : await bundledResolver(REPO_ROOT, officialListFiles());
const totals = Object.fromEntries(ROWS.map((r) => [r, { tp: 0, fp: 0, fn: 0 }])) as Record<Row, Counts>;
for (const doc of docs) scoreDoc(doc, predictedItems(await extract(doc.text, resolver ? { resolver } : {})), totals);

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');
console.log(`\n${set}: ${docs.length} texts, ${docs.reduce((n, d) => n + d.text.length, 0)} characters${resolver ? ', names resolved against the bundled graph' : ''}\n`);
console.log('| type | annotated | extracted | correct | precision | recall | F1 |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const row of ROWS) {
  const c = totals[row];
  if (c.na && c.tp + c.fp + c.fn === 0) { console.log(`| ${row} | not labelled | | | | | |`); continue; }
  const p = c.tp / (c.tp + c.fp), r = c.tp / (c.tp + c.fn);
  const f = c.tp === 0 ? 0 : (2 * p * r) / (p + r);
  console.log(`| ${row} | ${c.tp + c.fn} | ${c.tp + c.fp} | ${c.tp} | ${f3(p)} | ${f3(r)} | ${f3(f)} |`);
}
