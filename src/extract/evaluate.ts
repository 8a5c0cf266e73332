/**
 * Scores extraction against hand labels: precision, recall and F1 for each
 * mention type and each figure kind. A predicted mention matches a label of
 * the same type whose span it overlaps (and, for countries, the same code);
 * a predicted figure matches a label of the same kind whose span it overlaps
 * and whose low, high and unit it states. Each label is matched once.
 * Dates are extracted but not labelled, so they are left out of the scores.
 */
import type { ExtractionResult, FigureKind, MentionType } from './types.ts';

export interface LabelledMention {
  type: MentionType;
  text: string;
  start: number;
  end: number;
  country?: string;
  canonical?: string;
}

export interface LabelledFigure {
  kind: Exclude<FigureKind, 'date'>;
  text: string;
  start: number;
  end: number;
  low: number | null;
  high: number | null;
  unit: string;
  qualifier: string;
  country: string | null;
  of?: number;
}

export interface DocumentLabels {
  document: string;
  source_id: string;
  mentions: LabelledMention[];
  figures: LabelledFigure[];
}

export const SCORED_FIELDS = ['person', 'organization', 'country', 'legal_instrument', 'worker_count', 'share', 'money'] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface FieldScore extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export interface DocumentScore {
  document: string;
  counts: Record<ScoredField, Counts>;
  /** Predicted figures whose quote is not text.slice(quote_start, quote_end) or does not hold the figure. */
  badQuotes: number;
  /** Figures matched by span and kind but with another value or unit. */
  wrongValues: { label: LabelledFigure; predicted: { low: number | null; high: number | null; unit: string } }[];
  misses: { field: ScoredField; text: string; start: number }[];
  spurious: { field: ScoredField; text: string; start: number }[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

function sameNumber(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b)) || Math.abs(a - b) < 1e-3 && Math.max(Math.abs(a), Math.abs(b)) <= 1;
}

export function scoreDocument(text: string, labels: DocumentLabels, result: ExtractionResult): DocumentScore {
  const counts = Object.fromEntries(SCORED_FIELDS.map((f) => [f, { tp: 0, fp: 0, fn: 0 }])) as Record<ScoredField, Counts>;
  const misses: DocumentScore['misses'] = [];
  const spurious: DocumentScore['spurious'] = [];
  const wrongValues: DocumentScore['wrongValues'] = [];

  const usedMention = new Set<number>();
  for (const m of result.mentions) {
    const i = labels.mentions.findIndex((l, k) => !usedMention.has(k) && l.type === m.type && overlaps(l, m) && (m.type !== 'country' || l.country === m.country));
    if (i >= 0) {
      usedMention.add(i);
      counts[m.type].tp++;
    } else {
      counts[m.type].fp++;
      spurious.push({ field: m.type, text: m.text, start: m.start });
    }
  }
  labels.mentions.forEach((l, k) => {
    if (!usedMention.has(k)) {
      counts[l.type].fn++;
      misses.push({ field: l.type, text: l.text, start: l.start });
    }
  });

  let badQuotes = 0;
  const usedFigure = new Set<number>();
  for (const f of result.figures) {
    if (text.slice(f.quote_start, f.quote_end) !== f.quote || f.start < f.quote_start || f.end > f.quote_end || !text.includes(f.quote)) badQuotes++;
    if (f.kind === 'date') continue;
    const i = labels.figures.findIndex((l, k) => !usedFigure.has(k) && l.kind === f.kind && overlaps(l, f));
    const label = i >= 0 ? labels.figures[i]! : null;
    if (label && sameNumber(label.low, f.low) && sameNumber(label.high, f.high) && label.unit === f.unit) {
      usedFigure.add(i);
      counts[f.kind].tp++;
    } else {
      if (label) wrongValues.push({ label, predicted: { low: f.low, high: f.high, unit: f.unit } });
      counts[f.kind].fp++;
      spurious.push({ field: f.kind, text: text.slice(f.start, f.end), start: f.start });
    }
  }
  labels.figures.forEach((l, k) => {
    if (!usedFigure.has(k)) {
      counts[l.kind].fn++;
      misses.push({ field: l.kind, text: l.text, start: l.start });
    }
  });
  return { document: labels.document, counts, badQuotes, wrongValues, misses, spurious };
}

export function fieldScore(c: Counts): FieldScore {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1 };
}

export interface Summary {
  fields: Record<ScoredField, FieldScore>;
  /** Micro-averaged over person, organization, country and legal_instrument. */
  mentions: FieldScore;
  /** Micro-averaged over worker_count, share and money. */
  figures: FieldScore;
  badQuotes: number;
}

export function summarize(scores: readonly DocumentScore[]): Summary {
  const total = (fields: readonly ScoredField[]): Counts => {
    const c = { tp: 0, fp: 0, fn: 0 };
    for (const s of scores) for (const f of fields) {
      c.tp += s.counts[f].tp;
      c.fp += s.counts[f].fp;
      c.fn += s.counts[f].fn;
    }
    return c;
  };
  const fields = Object.fromEntries(SCORED_FIELDS.map((f) => [f, fieldScore(total([f]))])) as Record<ScoredField, FieldScore>;
  return {
    fields,
    mentions: fieldScore(total(['person', 'organization', 'country', 'legal_instrument'])),
    figures: fieldScore(total(['worker_count', 'share', 'money'])),
    badQuotes: scores.reduce((n, s) => n + s.badQuotes, 0),
  };
}

/** Goals of issue 5. */
export const GOALS = { mentionsF1: 0.9, figuresF1: 0.85 } as const;
