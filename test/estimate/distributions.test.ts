import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Figure } from '../../src/model/index.ts';
import { interpretFigure, Mixture, quantileOf, gradeWeight, type Dist } from '../../src/estimate/distributions.ts';
import { Stream, streamFor } from '../../src/estimate/random.ts';
import { quantiles, summarise, percentileRank } from '../../src/estimate/stats.ts';

const fig = (over: Partial<Figure>): Figure => ({
  id: 'f', metric: 'workers', country: 'RU', entityId: null, sector: null, recipient: null, periodStart: '2017', periodEnd: '2017',
  low: null, high: null, of: null, unit: 'persons', per: null, qualifier: 'exact', sourceId: 's', quote: 'q', quoteStart: null, quoteEnd: null,
  reliability: 'B2', recordedBy: 't', reviewStatus: 'accepted', note: null, ...over,
});

const dist = (f: Figure, scale = 1, max = Infinity): Dist => {
  const r = interpretFigure(f, scale, max);
  if ('error' in r) throw new Error(r.error);
  return r.dist;
};

describe('a figure becomes a distribution', () => {
  it('reads each qualifier as documented', () => {
    expect(dist(fig({ qualifier: 'range', low: 52000, high: 80000 }))).toEqual({ kind: 'uniform', low: 52000, high: 80000 });
    expect(dist(fig({ qualifier: 'exact', low: 30023, high: 30023 }))).toEqual({ kind: 'point', value: 30023 });
    expect(dist(fig({ qualifier: 'approximate', low: 100000, high: 100000 }))).toEqual({ kind: 'triangular', low: 80000, mode: 100000, high: 120000 });
    expect(dist(fig({ qualifier: 'at_least', low: 50000 }))).toEqual({ kind: 'triangular', low: 50000, mode: 50000, high: 75000 });
    expect(dist(fig({ qualifier: 'at_most', high: 65000 }))).toEqual({ kind: 'triangular', low: 32500, mode: 65000, high: 65000 });
    expect(dist(fig({ qualifier: 'order_of_magnitude', low: 1e8, high: 1e9 }))).toEqual({ kind: 'loguniform', low: 1e8, high: 1e9 });
  });

  it('caps one-sided fractions at 1 ("95 percent or more" cannot exceed the whole wage)', () => {
    const d = dist(fig({ metric: 'state_share', unit: 'fraction', qualifier: 'at_least', low: 0.85 }), 1, 1);
    expect(d).toEqual({ kind: 'triangular', low: 0.85, mode: 0.85, high: 1 });
  });

  it('weights a completely reliable, confirmed source above a doubtful one', () => {
    expect(gradeWeight('A1')).toBe(1);
    expect(gradeWeight('B2')).toBeCloseTo(0.64);
    expect(gradeWeight('D4')).toBeLessThan(gradeWeight('C3'));
  });

  it('draws stay inside every component\'s support (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.integer({ min: 1, max: 1e6 }), (x, y, seed) => {
        const low = Math.min(x, y);
        const high = Math.max(x, y);
        const mix = new Mixture([
          { dist: { kind: 'uniform', low, high }, weight: 1, figureIds: ['a'], interpretation: '' },
          { dist: { kind: 'triangular', low, mode: (low + high) / 2, high }, weight: 2, figureIds: ['b'], interpretation: '' },
        ]);
        const out = new Float64Array(200);
        mix.fill(out, streamFor(String(seed), 'k'));
        return out.every((v) => v >= low && v <= high);
      }),
    );
  });

  it('a mixture of two disagreeing sources is wider than either (disagreement widens, not averages)', () => {
    const a: Dist = { kind: 'uniform', low: 50000, high: 60000 };
    const b: Dist = { kind: 'uniform', low: 90000, high: 100000 };
    const mix = new Mixture([
      { dist: a, weight: 1, figureIds: ['a'], interpretation: '' },
      { dist: b, weight: 1, figureIds: ['b'], interpretation: '' },
    ]);
    const out = new Float64Array(20000);
    mix.fill(out, new Stream('w'));
    const [p5, p95] = quantiles(out, [0.05, 0.95]) as [number, number];
    expect(p5).toBeLessThan(60000);
    expect(p95).toBeGreaterThan(90000);
    expect(percentileRank(out, 75000)).toBeGreaterThan(48);
    expect(percentileRank(out, 75000)).toBeLessThan(52);
  });

  it('the triangular inverse CDF hits its ends and mode', () => {
    const t: Dist = { kind: 'triangular', low: 1, mode: 2, high: 4 };
    expect(quantileOf(t, 0)).toBe(1);
    expect(quantileOf(t, 1 / 3)).toBeCloseTo(2);
    expect(quantileOf(t, 0.999999)).toBeCloseTo(4, 2);
  });
});

describe('random streams and summaries', () => {
  it('the same seed gives the same numbers, another seed other numbers', () => {
    const a = new Float64Array(5);
    const b = new Float64Array(5);
    const c = new Float64Array(5);
    new Stream('1').fill(a);
    new Stream('1').fill(b);
    new Stream('2').fill(c);
    expect([...a]).toEqual([...b]);
    expect([...a]).not.toEqual([...c]);
    const s = new Stream('1');
    expect([s.next(), s.next()]).toEqual([a[0], a[1]]);
  });

  it('bucketed quantiles equal nearest-rank quantiles of a sort (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 400 }), (xs) => {
        const sorted = Float64Array.from(xs).sort();
        const ps = [0, 0.05, 0.5, 0.95, 1];
        const q = quantiles(xs, ps);
        return ps.every((p, i) => q[i] === sorted[Math.min(xs.length - 1, Math.max(0, Math.ceil(p * xs.length) - 1))]);
      }),
    );
    const s = summarise([1, 2, 3, 4]);
    expect(s.mean).toBe(2.5);
  });
});
