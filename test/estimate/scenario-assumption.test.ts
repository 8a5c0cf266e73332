/**
 * A what-if that leaves a host country out says what it assumes of that country's workers: they leave the total, none
 * moving on to another host (the model's workers drop by about that country's count). An override alone assumes
 * nothing of the kind and does not say it. On the bundled dataset for 2017.
 */
import { describe, expect, it } from 'vitest';
import { estimate } from '../../src/estimate/index.ts';
import { dataset } from './helpers.ts';

const assumption = 'The workers of a country left out leave the total: none is assumed to move on to another host, where they would still earn for the state.';

describe('what leaving a country out assumes', () => {
  it('Russia left out: its workers leave the total, and the reading says so', () => {
    const r = estimate(dataset(), { year: 2017, seed: 1, draws: 4000, exclude: ['RU'] });
    expect(r.scenario!.reading).toMatch(/^leaving out Russia \(RU\) changes the 2017 revenue by .* of the baseline mean \$[\d.]+ million\. /);
    expect(r.scenario!.reading).toContain(`. ${assumption} Kept in, Russia (RU) carries`);
    // The claim is the model's behaviour: the drop in workers is about Russia's own count, not zero.
    const ru = r.inputs.find((i) => i.key === 'workers:RU')!;
    expect(-r.scenario!.difference_workers.p50).toBeGreaterThan(0.8 * ru.summary.p50);
  });

  it('an override alone does not say it', () => {
    const r = estimate(dataset(), { year: 2017, seed: 1, draws: 4000, overrides: ['state_share=0.3..0.5'] });
    expect(r.scenario!.reading).not.toContain(assumption);
  });
});
