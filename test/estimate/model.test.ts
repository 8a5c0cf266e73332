import { describe, expect, it } from 'vitest';
import { estimate } from '../../src/estimate/index.ts';
import { buildModel } from '../../src/estimate/inputs.ts';
import type { Figure } from '../../src/model/index.ts';
import { isRoom39Error } from '../../src/errors.ts';
import { dataset } from './helpers.ts';

const run2017 = () => estimate(dataset(), { year: 2017, seed: 1, draws: 20000 });

describe('estimate for 2017 on the bundled dataset', () => {
  const r = run2017();

  it('gives the contract fields, ordered percentiles and a stated interval', () => {
    expect(r.year).toBe(2017);
    expect(r.draws).toBe(20000);
    expect(r.revenue_usd.p5).toBeLessThan(r.revenue_usd.p50);
    expect(r.revenue_usd.p50).toBeLessThan(r.revenue_usd.p95);
    expect(r.workers.p5).toBeLessThan(r.workers.p95);
    // The seeds and sources put 2017's workers between 50,000 and 120,000.
    expect(r.workers.p50).toBeGreaterThan(50000);
    expect(r.workers.p50).toBeLessThan(120000);
    expect(r.interval).toContain('90%');
  });

  it('names the sources of every input, each quote and grade with it', () => {
    const titles = new Set(dataset().sources.map((s) => s.id));
    expect(r.inputs.length).toBeGreaterThan(5);
    for (const i of r.inputs) {
      expect(i.sources.length, i.key).toBeGreaterThan(0);
      for (const s of i.sources) {
        expect(titles.has(s.source.id), `${i.key}: ${s.source.id}`).toBe(true);
        expect(s.quote.length).toBeGreaterThan(3);
        expect(s.grade).toMatch(/^[A-F][1-6]$/);
      }
      const w = i.distribution.reduce((a, c) => a + c.weight, 0);
      expect(w).toBeCloseTo(1);
    }
    const ru = r.inputs.find((i) => i.key === 'workers:RU');
    expect(ru?.sources.map((s) => s.low)).toContain(30023);
  });

  it('flags how it fills gaps: borrowed, undated and remainder rules', () => {
    const rules = new Set(r.gaps.map((g) => g.rule));
    expect(rules.has('borrowed')).toBe(true);
    expect(rules.has('remainder')).toBe(true);
    expect(r.gaps.some((g) => g.country === 'MT' && g.metric === 'workers' && g.rule === 'undated')).toBe(true);
    const pooled = r.inputs.find((i) => i.key === 'months_worked:pooled');
    expect(pooled?.status).toBe('borrowed');
    expect(pooled?.used_by).toContain('CN');
  });

  it('turns the Russian logging wage split into a state share of 75% and a Sankey of four flows', () => {
    const share = r.inputs.find((i) => i.key === 'state_share:RU');
    expect(share?.distribution.some((c) => c.dist.kind === 'point' && Math.abs(c.dist.value - 0.75) < 1e-9)).toBe(true);
    // "receiving anywhere from zero to 15% of their salaries" (seed-002): a state share of 0.85–1.
    expect(share?.distribution.some((c) => c.dist.kind === 'uniform' && Math.abs(c.dist.low - 0.85) < 1e-9 && c.dist.high === 1)).toBe(true);
    const flow = r.wage_flows.find((f) => f.country === 'RU' && f.sector === 'logging' && f.source.id === 'seed-004');
    expect(flow?.links.length).toBe(4);
    expect(flow?.links.reduce((a, l) => a + l.fraction, 0)).toBeCloseTo(1);
    expect(flow?.state_fraction).toBeCloseTo(0.75);
    expect(flow?.nodes.find((n) => n.kind === 'worker')).toBeDefined();
    expect(flow?.links.find((l) => l.fraction === 0.4)?.quote).toContain('State Forestry Administration');
    const implied = r.wage_flows.find((f) => f.country === 'QA');
    expect(implied?.links.find((l) => l.figure_id === null)?.fraction).toBeCloseTo(0.925);
  });

  it('places each published estimate in the model distribution, the $350 million – $2.3 billion one included', () => {
    const wide = r.comparison.find((c) => c.estimate.low === 350000000 && c.estimate.high === 2300000000);
    expect(wide).toBeDefined();
    const [lo, hi] = wide?.points ?? [];
    expect(lo?.percentile).toBeGreaterThanOrEqual(0);
    expect(hi?.percentile).toBe(100);
    expect((lo?.percentile ?? 0) <= (hi?.percentile ?? 0)).toBe(true);
    expect(r.comparison_skipped.some((s) => /North Korea/.test(s.reason))).toBe(true);
  });

  it('ranks the inputs that move the result most (tornado)', () => {
    const bars = r.sensitivity.bars;
    expect(bars.length).toBeGreaterThan(5);
    for (let k = 1; k < bars.length; k++) expect(bars[k - 1]!.swing).toBeGreaterThanOrEqual(bars[k]!.swing);
    expect(r.sensitivity.base_revenue_usd).toBeGreaterThan(0);
  });

  it('bins the revenue draws for the histogram', () => {
    const h = r.histogram;
    expect(h.counts.reduce((a, b) => a + b, 0) + h.below + h.above).toBe(20000);
    expect(h.edges.length).toBe(h.counts.length + 1);
  });
});

describe('reproducibility', () => {
  it('the same seed gives the same numbers; another seed other numbers', () => {
    const a = estimate(dataset(), { year: 2017, seed: 7, draws: 5000 });
    const b = estimate(dataset(), { year: 2017, seed: 7, draws: 5000 });
    const c = estimate(dataset(), { year: 2017, seed: 8, draws: 5000 });
    expect(b.revenue_usd).toEqual(a.revenue_usd);
    expect(b.by_country).toEqual(a.by_country);
    expect(c.revenue_usd.p50).not.toBe(a.revenue_usd.p50);
  });

  it('does not depend on the order figures arrive in', () => {
    const d = dataset();
    const shuffled = { ...d, figures: [...d.figures].reverse() };
    expect(estimate(shuffled, { year: 2017, seed: 3, draws: 3000 }).revenue_usd).toEqual(estimate(d, { year: 2017, seed: 3, draws: 3000 }).revenue_usd);
  });
});

describe('scenarios', () => {
  it('leaving out Russia and China shows they carry most of the revenue', () => {
    const base = run2017();
    const s = estimate(dataset(), { year: 2017, seed: 1, draws: 20000, exclude: ['RU', 'cn'] });
    expect(s.scenario?.excluded).toEqual(['RU', 'CN']);
    expect(s.scenario?.baseline.revenue_usd).toEqual(base.revenue_usd);
    expect(s.scenario?.difference_usd.p95).toBeLessThan(0);
    expect(s.scenario?.difference_pct_of_baseline).toBeLessThan(-50);
    const carried = base.by_country.filter((c) => c.country === 'RU' || c.country === 'CN').reduce((a, c) => a + c.share_of_revenue, 0);
    expect(carried).toBeGreaterThan(0.5);
    expect(s.by_country.some((c) => c.country === 'RU')).toBe(false);
  });

  it('an override of the state share replaces its sources and shifts revenue, with its uncertainty', () => {
    const s = estimate(dataset(), { year: 2017, seed: 1, draws: 20000, overrides: ['state_share=0.3..0.4'] });
    const shares = s.inputs.filter((i) => i.metric === 'state_share');
    expect(shares.every((i) => i.status === 'override' && i.override === 'state_share=0.3..0.4')).toBe(true);
    expect(s.scenario?.difference_usd.p95).toBeLessThan(0);
    expect(s.scenario?.difference_usd.p5).toBeLessThan(s.scenario?.difference_usd.p95 ?? 0);
  });

  it('a country override wins over the all-countries one for that country', () => {
    const s = estimate(dataset(), { year: 2017, seed: 1, draws: 2000, overrides: ['state_share=0.5..0.7', 'RU:state_share=0.9'] });
    expect(s.inputs.find((i) => i.key === 'state_share:RU')?.summary.p50).toBe(0.9);
    expect(s.inputs.find((i) => i.key === 'state_share:KW')?.summary.p50).toBeLessThanOrEqual(0.7);
  });
});

describe('bad input gets a clear message', () => {
  const fails = (opts: Parameters<typeof estimate>[1], pattern: RegExp) => {
    try {
      estimate(dataset(), opts);
    } catch (e) {
      expect(isRoom39Error(e)).toBe(true);
      expect((e as Error).message).toMatch(pattern);
      return;
    }
    throw new Error(`expected ${JSON.stringify(opts)} to fail`);
  };

  it('rejects unknown and unmodelled country codes', () => {
    fails({ year: 2017, exclude: ['XX'] }, /--exclude: "XX" is not an ISO 3166-1 alpha-2/);
    fails({ year: 2017, exclude: ['ZW'] }, /ZW .* no worker figure near 2017.*countries you can leave out: .*RU/);
  });

  it('rejects a year without data, naming the years that have some', () => {
    fails({ year: 1990 }, /--year: no worker figure in the graph covers 1990; years with data: .*2017/);
  });

  it('rejects zero, negative and fractional draws', () => {
    fails({ year: 2017, draws: 0 }, /draws must be a whole number above zero/);
    fails({ year: 2017, draws: -5 }, /draws must be a whole number above zero/);
    fails({ year: 2017, draws: 2.5 }, /draws must be a whole number above zero/);
  });

  it('rejects contradictory and malformed overrides', () => {
    fails({ year: 2017, overrides: ['state_share=0.5..0.7', 'state_share=0.6'] }, /contradictory overrides for state_share/);
    fails({ year: 2017, overrides: ['state_share=1.5'] }, /fraction between 0 and 1/);
    fails({ year: 2017, overrides: ['state_share=0.7..0.5'] }, /low end 0.7 is above the high end 0.5/);
    fails({ year: 2017, overrides: ['wages=300'] }, /unknown input "wages"/);
    fails({ year: 2017, exclude: ['RU'], overrides: ['RU:workers=1000'] }, /RU is both left out/);
  });
});

describe('gap rules on small hand-made graphs', () => {
  const f = (over: Partial<Figure>): Figure => ({
    id: over.id ?? 'x', metric: 'workers', country: 'RU', entityId: null, sector: null, recipient: null, periodStart: null, periodEnd: null,
    low: null, high: null, of: null, unit: 'persons', per: null, qualifier: 'exact', sourceId: 's', quote: 'q', quoteStart: null, quoteEnd: null,
    reliability: 'B2', recordedBy: 't', reviewStatus: 'accepted', note: null, ...over,
  });
  const rates = [
    f({ id: 'w', metric: 'monthly_wage', unit: 'USD', per: 'month', low: 300, high: 300 }),
    f({ id: 's', metric: 'state_share', unit: 'fraction', low: 0.7, high: 0.7, country: null }),
    f({ id: 'm', metric: 'months_worked', unit: 'months', low: 12, high: 12, country: null }),
  ];

  it('carries a count forward from the nearest earlier year and flags it', () => {
    const m = buildModel([...rates, f({ id: 'a', low: 30000, high: 30000, periodStart: '2015', periodEnd: '2015' })], [], 2017);
    expect(m.rows[0]?.workers?.status).toBe('carried_forward');
    expect(m.rows[0]?.workers?.flags[0]).toMatch(/carried forward from 2015 \(2 years away\)/);
  });

  it('leaves out a country whose nearest figure is too far away', () => {
    const m = buildModel([...rates, f({ id: 'a', low: 30000, high: 30000, periodStart: '2005', periodEnd: '2005' })], [], 2017);
    expect(m.rows).toHaveLength(0);
    expect(m.gaps.some((g) => g.rule === 'excluded' && g.country === 'RU')).toBe(true);
  });

  it('turns a worker\'s net pay into a gross wage through the workers\' slice of the split', () => {
    const net = f({ id: 'n', metric: 'monthly_wage', unit: 'USD', per: 'month', low: 75, high: 75, recipient: 'worker', country: 'CN' });
    const split = f({ id: 'sp', metric: 'wage_split', unit: 'fraction', low: 0.25, high: 0.25, recipient: 'worker', country: 'CN' });
    const m = buildModel([...rates, net, split, f({ id: 'c', country: 'CN', low: 1000, high: 1000, periodStart: '2017', periodEnd: '2017' })], [], 2017);
    const wage = m.rows.find((r) => r.country === 'CN')?.wage;
    expect(wage?.components[0]?.dist).toEqual({ kind: 'point', value: 300 });
    expect(wage?.components[0]?.interpretation).toMatch(/net pay divided by the workers' slice/);
  });

  it('refuses to run without any sourced months_worked: no input enters without a source', () => {
    expect(() => buildModel([rates[0]!, rates[1]!, f({ id: 'a', low: 1, high: 1, periodStart: '2017', periodEnd: '2017' })], [], 2017)).toThrow(/no usable months_worked figure/);
  });
});
