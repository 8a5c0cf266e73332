/**
 * How extraction output (or a second annotator's marks) is scored against
 * hand annotations: items matched one to one by overlapping span and equal
 * values, per type; precision, recall and F1 as a Markdown table. Shared by
 * score-out-of-sample.ts and agreement.ts.
 */
import type { ExtractionResult } from '../../src/extract/types.ts';
import type { Annotation, AnnotationType } from './out-of-sample/corpus.ts';

export const ROWS = ['host_country', 'host_country (document)', 'legal_instrument', 'worker_count', 'share', 'share+of'] as const;
export type Row = (typeof ROWS)[number];
export interface Counts { tp: number; fp: number; fn: number; na?: boolean }
export interface Doc { id: string; text: string; gold: Annotation[]; hostsLabelled: boolean; sharesOfLabelled: boolean; /** Host countries labelled per document only (the seeds). */ docHosts?: string[] }

export interface Item { type: AnnotationType; start: number; end: number; text: string; country?: string | null; low?: number | null; high?: number | null; of?: string | null }

/** Extraction output as items of the annotated types. Without a `role` field, every country mention counts as a host. */
export function predictedItems(r: ExtractionResult): Item[] {
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

export function scoreDoc(doc: Doc, pred: Item[], totals: Record<Row, Counts>, showMisses = false): void {
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

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');

/** Empty counts for every row. */
export const emptyTotals = (): Record<Row, Counts> => Object.fromEntries(ROWS.map((r) => [r, { tp: 0, fp: 0, fn: 0 }])) as Record<Row, Counts>;

/** The counts as a Markdown table; `found` names the column of what was matched against the annotations. */
export function printTable(totals: Record<Row, Counts>, found = 'extracted'): void {
  console.log(`| type | annotated | ${found} | correct | precision | recall | F1 |`);
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const row of ROWS) {
    const c = totals[row];
    if (c.na && c.tp + c.fp + c.fn === 0) { console.log(`| ${row} | not labelled | | | | | |`); continue; }
    const p = c.tp / (c.tp + c.fp), r = c.tp / (c.tp + c.fn);
    const f = c.tp === 0 ? 0 : (2 * p * r) / (p + r);
    console.log(`| ${row} | ${c.tp + c.fn} | ${c.tp + c.fp} | ${c.tp} | ${f3(p)} | ${f3(r)} | ${f3(f)} |`);
  }
}
