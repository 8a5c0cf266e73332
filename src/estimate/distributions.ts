/**
 * How one sourced figure becomes a probability distribution, and how several
 * become one input: a mixture weighted by Admiralty grade. Plain data, so the
 * distribution an input used can be shown next to the statements it came from.
 */
import type { Figure, Reliability, SourceGrade, InformationGrade } from '../model/index.ts';
import type { Stream } from './random.ts';

export type Dist =
  | { kind: 'point'; value: number }
  | { kind: 'uniform'; low: number; high: number }
  | { kind: 'triangular'; low: number; mode: number; high: number }
  | { kind: 'loguniform'; low: number; high: number };

export interface Component {
  dist: Dist;
  /** Relative weight before normalisation (Admiralty weight, or 1 for an override). */
  weight: number;
  /** Figures this component stands for (several when sources repeat the same claim). */
  figureIds: string[];
  /** How the figure was read, in words. */
  interpretation: string;
  /** The same reading without the figure ids and weight, for a reader who sees the figure beside it ("the workers' slice 0–0.15, so a state share of 0.85–1"). */
  reading?: string;
}

/** The modelling conventions, in one place so the README and the output can show them. */
export const CONVENTIONS = {
  /** "about 20,000": triangular from (1 − w)·v to (1 + w)·v, peak at v. */
  approximateWidth: 0.2,
  /** "more than 50,000": triangular from the bound up to bound × cap, peak at the bound. */
  atLeastCap: 1.5,
  /** "as many as 65,000": triangular from bound × floor up to the bound, peak at the bound. */
  atMostFloor: 0.5,
  /** "tens of thousands" with no upper figure: log-uniform from low to low × 10. */
  orderOfMagnitudeSpan: 10,
} as const;

/** Weight of a source's reliability (A–F) and of the information's credibility (1–6). */
export const SOURCE_WEIGHT: Record<SourceGrade, number> = { A: 1, B: 0.8, C: 0.6, D: 0.4, E: 0.2, F: 0.3 };
export const INFORMATION_WEIGHT: Record<InformationGrade, number> = { '1': 1, '2': 0.8, '3': 0.6, '4': 0.4, '5': 0.2, '6': 0.3 };

export function gradeWeight(grade: Reliability): number {
  return SOURCE_WEIGHT[grade[0] as SourceGrade] * INFORMATION_WEIGHT[grade[1] as InformationGrade];
}

export interface Interpretation {
  dist: Dist;
  text: string;
}

/**
 * Reads a figure's low/high/qualifier as a distribution on the model's scale
 * (`scale` turns the figure's unit into the model's: 1, or 1/12 for a yearly
 * wage). `max` caps values that cannot exceed a bound (1 for a fraction, 12
 * for months in a year). Returns null with a reason when the figure cannot be read.
 */
export function interpretFigure(f: Figure, scale = 1, max = Number.POSITIVE_INFINITY): Interpretation | { error: string } {
  const lo = f.low == null ? null : f.low * scale;
  const hi = f.high == null ? null : f.high * scale;
  const cap = (v: number) => Math.min(v, max);
  const c = CONVENTIONS;
  switch (f.qualifier) {
    case 'exact':
    case 'range': {
      if (lo != null && hi != null) {
        if (lo === hi) return { dist: { kind: 'point', value: lo }, text: `${f.qualifier}: the stated value` };
        return { dist: { kind: 'uniform', low: lo, high: hi }, text: `${f.qualifier}: uniform between the stated low and high (the source gives no most likely value)` };
      }
      const v = (lo ?? hi) as number;
      return { dist: { kind: 'point', value: v }, text: `${f.qualifier}: the one stated value` };
    }
    case 'approximate': {
      if (lo != null && hi != null && lo !== hi) {
        return { dist: { kind: 'uniform', low: lo, high: hi }, text: 'approximate range: uniform between the stated values' };
      }
      const v = (lo ?? hi) as number;
      const w = c.approximateWidth;
      const high = cap(v * (1 + w));
      if (high <= v) return { dist: { kind: 'triangular', low: v * (1 - w), mode: v, high: v }, text: `approximate: triangular from ${100 - w * 100}% of the value up to the value (capped at ${max})` };
      return { dist: { kind: 'triangular', low: v * (1 - w), mode: v, high }, text: `approximate: triangular, ±${w * 100}% around the stated value` };
    }
    case 'at_least': {
      if (lo == null) return { error: 'at_least figure without low' };
      if (hi != null && hi > lo) return { dist: { kind: 'uniform', low: lo, high: hi }, text: 'at least, with a stated upper value: uniform between them' };
      const high = cap(lo * c.atLeastCap);
      if (high <= lo) return { dist: { kind: 'point', value: lo }, text: 'at least, at the largest possible value: the bound' };
      return { dist: { kind: 'triangular', low: lo, mode: lo, high }, text: `at least: triangular from the bound up to ${c.atLeastCap}× the bound${high < lo * c.atLeastCap ? ` (capped at ${max})` : ''}, most likely at the bound` };
    }
    case 'at_most': {
      if (hi == null) return { error: 'at_most figure without high' };
      if (lo != null && lo < hi && (lo > 0 || f.unit === 'fraction')) return { dist: { kind: 'uniform', low: lo, high: hi }, text: 'at most, with a stated lower value: uniform between them' };
      return { dist: { kind: 'triangular', low: hi * c.atMostFloor, mode: hi, high: hi }, text: `at most: triangular from ${c.atMostFloor}× the bound up to the bound, most likely at the bound` };
    }
    case 'order_of_magnitude': {
      if (lo == null || lo <= 0) return { error: 'order_of_magnitude figure needs a positive low' };
      const high = cap(hi != null && hi > lo ? hi : lo * c.orderOfMagnitudeSpan);
      return { dist: { kind: 'loguniform', low: lo, high }, text: 'order of magnitude: log-uniform across the stated span (every factor of ten equally likely)' };
    }
    case 'part_of': {
      const v = lo ?? hi;
      if (v == null) return { error: 'part_of figure without a value' };
      const high = cap(v * c.atLeastCap);
      if (high <= v) return { dist: { kind: 'point', value: v }, text: 'part of a whole: the stated part' };
      return { dist: { kind: 'triangular', low: v, mode: v, high }, text: `part of a whole: the stated part is a floor; triangular up to ${c.atLeastCap}× it` };
    }
  }
}

export function sameDist(a: Dist, b: Dist): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Inverse CDF of one distribution at u in [0, 1). */
export function quantileOf(d: Dist, u: number): number {
  switch (d.kind) {
    case 'point':
      return d.value;
    case 'uniform':
      return d.low + (d.high - d.low) * u;
    case 'loguniform':
      return d.low * Math.exp(Math.log(d.high / d.low) * u);
    case 'triangular': {
      const { low: a, mode: c, high: b } = d;
      if (b === a) return a;
      const fc = (c - a) / (b - a);
      return u < fc ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
    }
  }
}

const KIND_CODE = { point: 0, uniform: 1, triangular: 2, loguniform: 3 } as const;

/**
 * A mixture compiled into typed arrays for the Monte Carlo loop: pick a
 * component by cumulative weight with one uniform, sample it with a second.
 */
export class Mixture {
  readonly size: number;
  private readonly cum: Float64Array;
  private readonly kind: Uint8Array;
  private readonly a: Float64Array;
  private readonly b: Float64Array;
  private readonly c: Float64Array;

  constructor(readonly components: readonly Component[]) {
    if (components.length === 0) throw new Error('a mixture needs at least one component');
    this.size = components.length;
    this.cum = new Float64Array(this.size);
    this.kind = new Uint8Array(this.size);
    this.a = new Float64Array(this.size);
    this.b = new Float64Array(this.size);
    this.c = new Float64Array(this.size);
    const total = components.reduce((s, k) => s + k.weight, 0);
    let acc = 0;
    components.forEach((k, i) => {
      acc += k.weight / total;
      this.cum[i] = acc;
      const d = k.dist;
      this.kind[i] = KIND_CODE[d.kind];
      if (d.kind === 'point') this.a[i] = d.value;
      else if (d.kind === 'uniform') { this.a[i] = d.low; this.b[i] = d.high; }
      else if (d.kind === 'loguniform') { this.a[i] = d.low; this.b[i] = Math.log(d.high / d.low); }
      else { this.a[i] = d.low; this.b[i] = d.mode; this.c[i] = d.high; }
    });
    this.cum[this.size - 1] = 1;
  }

  /** Normalised weight of each component. */
  weights(): number[] {
    const out: number[] = [];
    let prev = 0;
    for (let i = 0; i < this.size; i++) {
      out.push((this.cum[i] as number) - prev);
      prev = this.cum[i] as number;
    }
    return out;
  }

  /**
   * Fills `out` with `out.length` draws from `stream`: uniforms are generated
   * in bulk (one array to pick the component when there are several, one to
   * place the value), then turned into values in one tight loop.
   */
  fill(out: Float64Array, stream: Stream): void {
    const n = out.length;
    const { cum, kind, a, b, c, size } = this;
    const pickU = size > 1 ? scratch(0, n) : null;
    if (pickU) stream.fill(pickU, n);
    const valU = scratch(1, n);
    stream.fill(valU, n);
    for (let i = 0; i < n; i++) {
      let j = 0;
      if (pickU) {
        const u0 = pickU[i] as number;
        while (j < size - 1 && u0 >= (cum[j] as number)) j++;
      }
      const u = valU[i] as number;
      const k = kind[j];
      const aj = a[j] as number;
      let v: number;
      if (k === 0) v = aj;
      else if (k === 1) v = aj + ((b[j] as number) - aj) * u;
      else if (k === 3) v = aj * Math.exp((b[j] as number) * u);
      else {
        const m = b[j] as number;
        const h = c[j] as number;
        if (h === aj) v = aj;
        else {
          const fc = (m - aj) / (h - aj);
          v = u < fc ? aj + Math.sqrt(u * (h - aj) * (m - aj)) : h - Math.sqrt((1 - u) * (h - aj) * (h - m));
        }
      }
      out[i] = v;
    }
  }
}

const scratches: Float64Array[] = [new Float64Array(0), new Float64Array(0)];
/** Reused buffers for the uniforms (two per fill), grown on demand. */
function scratch(slot: 0 | 1, n: number): Float64Array {
  let s = scratches[slot] as Float64Array;
  if (s.length < n) scratches[slot] = s = new Float64Array(n);
  return s;
}
