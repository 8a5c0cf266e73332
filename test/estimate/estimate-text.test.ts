/**
 * `room39 estimate` without --json, as README promises it: "revenue with its uncertainty and every input's source".
 * On the bundled dataset for 2017: every input is listed with each of its figures (value, period, grade, source title
 * and address, the quote or our words for it, and the model's reading), not only counted.
 */
import { describe, expect, it } from 'vitest';
import { estimate } from '../../src/estimate/index.ts';
import { estimateText } from '../../src/estimate/text.ts';
import { dataset } from './helpers.ts';

describe('the estimate as text cites every input', () => {
  const r = estimate(dataset(), { year: 2017, seed: 1, draws: 2000 });
  const text = estimateText(r);
  const lines = text.split('\n');

  it('lists each input once, and under it one line per sourced figure', () => {
    for (const i of r.inputs) expect(lines.filter((l) => l.startsWith(`  ${i.key}${i.sector ? ` (${i.sector})` : ''}: p50 `))).toHaveLength(1);
    const cited = lines.filter((l) => l.startsWith('    - ')).length;
    expect(cited).toBe(r.inputs.reduce((a, i) => a + i.sources.length, 0));
    expect(cited).toBeGreaterThan(50);
  });

  it('gives a figure with its source, address, quote and reading (seed 002: the workers\' 0–15% in Russia)', () => {
    const at = lines.findIndex((l) => l.startsWith('  state_share:RU: p50 '));
    const block = lines.slice(at, lines.findIndex((l, k) => k > at && /^ {2}\S/.test(l)));
    const k = block.findIndex((l) => l.startsWith('    - 0% – 15%, undated, D3: Category Archives: Human Trafficking <http://freekorea.us/>'));
    expect(k).toBeGreaterThan(0);
    expect(block[k + 1]).toMatch(/^ {6}"The usual suspicions arise that the workers in Malaysia are receiving anywhere from zero to 15% of their salaries/);
    expect(block[k + 2]).toBe("      read as: wage split: one minus the workers' slice (0–0.15), so a state share of 0.85–1 (uniform)");
  });

  it('a figure the source states without a quotable sentence is given in our words, with where it stands', () => {
    expect(text).toContain('    - at most 1,500, about 2017-10, C3: UAE stops giving visas for N Korean labourers (AP) <https://newsofbahrain.com/world/38618.html>\n'
      + '      in our words (paragraph 7): ');
    expect(text).not.toMatch(/inputs, each with its sources, and \d+ gap notes: use --json/);
  });
});
