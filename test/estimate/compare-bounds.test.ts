/**
 * A published estimate given as a bound ("more than $500 million a year", the US in 2017; "at least $100 million", 2012)
 * is set against the model as a bound: the share of draws on its side, and words that call it a bound, not a value the
 * model's median is "1.00×" of. On the bundled dataset for 2017.
 */
import { describe, expect, it } from 'vitest';
import { estimate } from '../../src/estimate/index.ts';
import { dataset } from './helpers.ts';

describe('published bounds against the model', () => {
  const r = estimate(dataset(), { year: 2017, seed: 1, draws: 4000 });

  it('"more than $500 million" (2017): the share of draws at or above it, called a lower bound', () => {
    const us = r.comparison.find((c) => c.estimate.figure_id === 'r39-fig-pub-world-2017-us-revenue')!;
    expect(us.estimate).toMatchObject({ low: 500_000_000, high: null, qualifier: 'at_least' });
    const below = us.points[0]!.percentile;
    expect(us.share_of_draws_inside).toBeCloseTo(100 - below, 0);
    expect(us.reading).toContain(`; ${us.share_of_draws_inside!.toFixed(1)}% of the model's draws are at or above it, the published lower bound.`);
    expect(us.reading).toContain('the published lower bound ($500 million)');
    expect(us.reading).not.toMatch(/the published value \(\$500 million\)/);
  });

  it('a range keeps its reading; an approximate value stays a value', () => {
    const range = r.comparison.find((c) => c.estimate.figure_id === 'r39-fig-003-2')!;
    expect(range.reading).toMatch(/% of the model's draws fall inside the published range\./);
    const un = r.comparison.find((c) => c.estimate.figure_id === 'r39-fig-pub-world-2017-un-revenue')!;
    expect(un.share_of_draws_inside).toBeNull();
    expect(un.reading).toContain('the published value ($500 million)');
  });
});
