/**
 * What the figure finders share: the draft figure (`Hit`), the sentence span,
 * compiled patterns, word boundaries that know letters beyond ASCII, numbers
 * and the words that bound them ("more than", "up to", "about").
 */
import type { FigureQualifier } from '../model/figure.ts';
import { NUMBER } from './numbers.ts';
import type { ExtractedFigure, ExtractedUnit, FigureKind, ShareWhole } from './types.ts';

export interface Sentence {
  start: number;
  end: number;
}

/** Draft figure before the sentence and country are attached. */
export interface Hit {
  kind: FigureKind;
  start: number;
  end: number;
  low: number | null;
  high: number | null;
  unit: ExtractedUnit;
  qualifier: FigureQualifier;
  of: number | null;
  per: ExtractedFigure['per'];
  date?: string | null;
  share_of?: ShareWhole | null;
}

/** Compiled patterns, kept: the functions below run once per sentence. */
const compiled = new Map<string, RegExp>();
export function re(source: string, flags: string): RegExp {
  const key = `${flags}/${source}`;
  let r = compiled.get(key);
  if (!r) {
    r = new RegExp(source, flags);
    compiled.set(key, r);
  }
  r.lastIndex = 0;
  return r;
}

export const B = String.raw`(?<![\p{L}\p{N}])`; // left word boundary that knows letters beyond ASCII
export const E = String.raw`(?![\p{L}\p{N}])`;
export const SP = String.raw`[ \u00a0]+`;
export const N = `(${NUMBER})`;

const AT_LEAST = /^(?:more than|over|at least|upwards of|in excess of|no fewer than|no less than|a minimum of)$/i;
const AT_MOST = /^(?:as many as|as much as|up to|at most|fewer than|less than|no more than|a maximum of|under)$/i;
const APPROX = /^(?:about|around|roughly|approximately|nearly|almost|close to|an estimated|estimated|some|approx\.|circa|c\.|perhaps|an average of|on average)$/i;
export const BOUND = String.raw`(more than|over|at least|upwards of|in excess of|no fewer than|no less than|as many as|as much as|up to|at most|fewer than|less than|no more than|about|around|roughly|approximately|nearly|almost|close to|an estimated|estimated|some)`;

export function qualifierOf(bound: string | undefined): FigureQualifier {
  if (!bound) return 'exact';
  const b = bound.trim();
  if (AT_LEAST.test(b)) return 'at_least';
  if (AT_MOST.test(b)) return 'at_most';
  if (APPROX.test(b)) return 'approximate';
  return 'exact';
}

export function bounds(value: number, q: FigureQualifier): { low: number | null; high: number | null } {
  if (q === 'at_least') return { low: value, high: null };
  if (q === 'at_most') return { low: null, high: value };
  return { low: value, high: value };
}
