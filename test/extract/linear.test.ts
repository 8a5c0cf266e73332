/**
 * Extraction is linear in its input (issue 16, item 2): a long run of
 * capitalised words, of legal references or of figures does not make it
 * quadratic. Before the fix, 40 KB of capitals took 7 s and 200 KB minutes
 * (per-token segment look-ups, `kept.some` / `mentions.some` scans, an
 * unbounded act-name pattern); the bounds below are far above the linear
 * times (well under a second each on this machine) and far below the
 * quadratic ones. Speed itself is measured in bench/extract.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/extract.ts';
import type { EntityResolver } from '../../src/extract/types.ts';

let seed = 7;
const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
function capitals(chars: number): string {
  let s = '';
  while (s.length < chars) {
    let w = String.fromCharCode(65 + Math.floor(rnd() * 26));
    for (let i = 2 + Math.floor(rnd() * 7); i > 0; i--) w += String.fromCharCode(97 + Math.floor(rnd() * 26));
    s += `${w} `;
  }
  return s.slice(0, chars);
}

/** Sees every candidate name, resolves none: the work of candidate finding without the matcher's. */
const seesAll: EntityResolver & { names: number } = {
  names: 0,
  async resolveMany(names) {
    this.names += names.length;
    return names.map(() => null);
  },
};

describe('extraction is linear in the input', () => {
  it('reads 200 KB of capitalised words in seconds, not minutes', async () => {
    const text = capitals(200_000);
    const t0 = performance.now();
    const r = await extract(text, { resolver: seesAll });
    expect(performance.now() - t0).toBeLessThan(15_000);
    expect(seesAll.names).toBeGreaterThan(1000);
    expect(r.mentions.every((m) => text.slice(m.start, m.end) === m.text)).toBe(true);
  }, 60_000);

  it('reads 400 KB of figures, countries and legal references without a full stop, with quotes bounded', async () => {
    const unit = 'Executive Order 13722 and Resolutions 2397 and 2375 sent 5 workers to Russia and China, 40% of their wages, $300 a month in May 2019, ';
    const text = unit.repeat(Math.ceil(400_000 / unit.length));
    const t0 = performance.now();
    const r = await extract(text);
    expect(performance.now() - t0).toBeLessThan(20_000);
    expect(r.figures.length).toBeGreaterThan(10_000);
    // A sentence as long as the text is quoted around each figure, not whole: output grows with the text, not its square.
    expect(Math.max(...r.figures.map((f) => f.quote.length))).toBeLessThanOrEqual(600);
    expect(r.figures.every((f) => text.slice(f.quote_start, f.quote_end) === f.quote && f.quote_start <= f.start && f.end <= f.quote_end)).toBe(true);
  }, 60_000);
});
