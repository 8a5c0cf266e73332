import { describe, expect, it } from 'vitest';
import { estimate } from '../../src/estimate/index.ts';
import { buildModel } from '../../src/estimate/inputs.ts';
import type { Figure, LabourDeployment } from '../../src/model/index.ts';
import { isRoom39Error } from '../../src/errors.ts';
import { dataset, seedDataset } from './helpers.ts';

const run2017 = () => estimate(seedDataset(), { year: 2017, seed: 1, draws: 20000 });

// The model's rules, checked on the seed documents' figures alone (see helpers.ts); the full
// dataset (the public record) is checked in record.test.ts.
describe('estimate for 2017 on the seed documents’ figures', () => {
  const r = run2017();

  it('gives the contract fields, ordered percentiles and a stated interval', () => {
    expect(r.year).toBe(2017);
    expect(r.draws).toBe(20000);
    expect(r.revenue_usd.p5).toBeLessThan(r.revenue_usd.p50);
    expect(r.revenue_usd.p50).toBeLessThan(r.revenue_usd.p95);
    expect(r.workers.p5).toBeLessThan(r.workers.p95);
    // The one 2017 world total (seed-004, Tillerson): "52,000-80,000"; every worker is placed within it.
    expect(r.workers.p5).toBeGreaterThanOrEqual(52000);
    expect(r.workers.p95).toBeLessThanOrEqual(80000);
    expect(r.interval).toContain('90%');
  });

  it('names the sources of every input, each quote and grade with it', () => {
    const titles = new Set(seedDataset().sources.map((s) => s.id));
    expect(r.inputs.length).toBeGreaterThan(5);
    for (const i of r.inputs) {
      expect(i.sources.length, i.key).toBeGreaterThan(0);
      for (const s of i.sources) {
        expect(titles.has(s.source.id), `${i.key}: ${s.source.id}`).toBe(true);
        // A bundled source is quoted; a cited one is stated in room39's words with where it stands.
        if (s.quote !== null) expect(s.quote.length).toBeGreaterThan(3);
        else expect([s.locator?.length ?? 0, s.statement?.length ?? 0].every((n) => n > 3), s.figure_id).toBe(true);
        expect(s.grade).toMatch(/^[A-F][1-6]$/);
      }
      const w = i.distribution.reduce((a, c) => a + c.weight, 0);
      expect(w).toBeCloseTo(1);
    }
    expect(r.inputs.find((i) => i.key === 'workers:total')?.sources.map((s) => s.figure_id)).toEqual(['r39-fig-004-1']);
    const group = r.inputs.find((i) => i.key === 'worker_share:CN+RU');
    expect(group?.scope).toBe('group');
    expect(group?.countries).toEqual(['CN', 'RU']);
    expect(group?.sources[0]?.quote).toBe('working overseas as forced laborers primarily in Russia and China');
    expect(group?.sources[0]?.countries).toEqual(['RU', 'CN']);
    const ru = r.inputs.find((i) => i.key === 'worker_share:RU');
    // seed-000 is an unsigned blog: F by the rubric of docs/grading.md (it was C3 before the re-grading).
    expect(ru?.sources.map((s) => [s.source.id, s.quote, s.grade])).toEqual([['seed-000', 'with much of the labor going to Russian logging camps', 'F3']]);
  });

  it('places the workers by the sourced counts and shares: RU by its share, CN by the RU+CN share less RU, the rest in the remainder', () => {
    const row = (c: string | null) => r.by_country.find((x) => x.country === c);
    expect(row('RU')?.basis).toBe('share');
    expect(row('CN')?.basis).toBe('group');
    expect(row('QA')?.basis).toBe('count');
    expect(row(null)?.basis).toBe('remainder');
    // "primarily in Russia and China" (at least half) read up to the 0.9 cap; RU "much of" read as 0.25–0.5.
    expect(r.inputs.find((i) => i.key === 'worker_share:CN+RU')?.distribution.map((d) => d.dist)).toEqual([{ kind: 'uniform', low: 0.5, high: 0.9 }]);
    expect(r.inputs.find((i) => i.key === 'worker_share:RU')?.distribution.map((d) => d.dist)).toEqual([{ kind: 'uniform', low: 0.25, high: 0.5 }]);
    const ruCn = (row('RU')?.workers.mean ?? 0) + (row('CN')?.workers.mean ?? 0);
    // E[share] ≈ 0.7 of E[total] ≈ 66,000.
    expect(ruCn / r.workers.mean).toBeGreaterThan(0.65);
    expect(ruCn / r.workers.mean).toBeLessThan(0.75);
    expect(row(null)?.hosts).toContain('PL');
    expect(row(null)?.hosts).not.toContain('CN');
    expect(row(null)?.per_host_share).toBeCloseTo(1 / (row(null)?.hosts?.length ?? 0));
    expect(r.by_country.reduce((a, c) => a + c.share_of_revenue, 0)).toBeCloseTo(1, 6);
  });

  it('flags how it fills gaps: borrowed, undated, share of a total, group split, vague shares and the remainder', () => {
    const rules = new Set(r.gaps.map((g) => g.rule));
    for (const rule of ['borrowed', 'remainder', 'remainder_split', 'share_of_total', 'group_split', 'vague_share']) expect(rules.has(rule as never), rule).toBe(true);
    expect(r.gaps.some((g) => g.country === 'MT' && g.metric === 'workers' && g.rule === 'undated')).toBe(true);
    expect(r.gaps.find((g) => g.rule === 'group_split')?.message).toMatch(/^CN: .*CN\+RU share of the world total \(r39-fig-004-share-1\) less RU's own workers/);
    const vague = r.gaps.filter((g) => g.rule === 'vague_share').map((g) => g.message);
    expect(vague.some((m) => /primarily in Russia and China.*at least 0\.5, capped at 0\.9.*--override CN\+RU:worker_share=/.test(m))).toBe(true);
    expect(vague.some((m) => /much of the labor.*0\.25–0\.5.*--override RU:worker_share=/.test(m))).toBe(true);
    expect((r.method.share_rules as { share_at_least_cap: number }).share_at_least_cap).toBe(0.9);
    const pooled = r.inputs.find((i) => i.key === 'months_worked:pooled');
    expect(pooled?.status).toBe('borrowed');
    expect(pooled?.used_by).toContain('CN');
    // Counts follow time: the undated "more than 50,000" gives way to 2017's "52,000-80,000".
    expect(r.unused_figures.find((u) => u.figure_id === 'r39-fig-001-1')?.reason).toMatch(/outside 2017 \(or undated\)/);
    expect(r.unused_figures.find((u) => u.figure_id === 'r39-fig-001-share-1')?.reason).toMatch(/outside 2017 \(or undated\)/);
  });

  it('turns the logging worker\'s net pay into a gross wage with the split from his own testimony', () => {
    const wage = r.inputs.find((i) => i.key === 'monthly_wage:RU');
    const net = wage?.distribution.find((d) => d.figure_ids.includes('r39-fig-004-11'));
    // "$70-$80" in hand, 25% to the labourers (same source): $280–320 gross.
    expect(net?.dist).toEqual({ kind: 'uniform', low: 280, high: 320 });
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
    expect(wide?.estimate.figure_id).toBe('r39-fig-003-2');
    // On the seeds' figures alone ($300 a month, 52,000–80,000 workers) the model sits below that range.
    expect(wide?.points.map((p) => p.position)).toEqual(['above_p95', 'above_p95']);
    expect(wide?.share_of_draws_inside).toBeLessThan(5);
    // "hundreds of millions of dollars per year" (2017): read as $100 million – $1 billion, and the model lies inside it.
    const hundreds = r.comparison.find((c) => c.estimate.figure_id === 'r39-fig-004-2');
    expect(hundreds?.matches_year).toBe(true);
    expect(hundreds?.share_of_draws_inside).toBeGreaterThan(90);
    expect(r.revenue_usd.p50).toBeGreaterThan(100e6);
    expect(r.revenue_usd.p50).toBeLessThan(350e6);
    expect(r.comparison_skipped.some((s) => /North Korea/.test(s.reason))).toBe(true);
  });

  it('ranks the inputs that move the result most (tornado)', () => {
    const bars = r.sensitivity.bars;
    expect(bars.length).toBeGreaterThan(5);
    for (let k = 1; k < bars.length; k++) expect(bars[k - 1]!.swing).toBeGreaterThanOrEqual(bars[k]!.swing);
    expect(r.sensitivity.base_revenue_usd).toBeGreaterThan(0);
    // The stated interval names the top inputs in words, each with its key (before: bare keys like "workers:CN").
    const named = r.interval.slice(r.interval.indexOf('move the result most are'));
    expect(named).toMatch(/(the number of workers|the monthly wage|the state's share of wages|the share of the workers|the months worked a year)[^;]* \([a-z_]+:[A-Za-z+]+\)/);
    expect(named).not.toMatch(/are [a-z_]+:[A-Za-z+]+,/);
  });

  it('bins the revenue draws for the histogram', () => {
    const h = r.histogram;
    expect(h.counts.reduce((a, b) => a + b, 0) + h.below + h.above).toBe(20000);
    expect(h.edges.length).toBe(h.counts.length + 1);
  });
});

describe('reproducibility', () => {
  it('the same seed gives the same numbers; another seed other numbers', () => {
    const a = estimate(seedDataset(), { year: 2017, seed: 7, draws: 5000 });
    const b = estimate(seedDataset(), { year: 2017, seed: 7, draws: 5000 });
    const c = estimate(seedDataset(), { year: 2017, seed: 8, draws: 5000 });
    expect(b.revenue_usd).toEqual(a.revenue_usd);
    expect(b.by_country).toEqual(a.by_country);
    expect(c.revenue_usd.p50).not.toBe(a.revenue_usd.p50);
  });

  it('does not depend on the order figures arrive in', () => {
    const d = seedDataset();
    const shuffled = { ...d, figures: [...d.figures].reverse() };
    expect(estimate(shuffled, { year: 2017, seed: 3, draws: 3000 }).revenue_usd).toEqual(estimate(d, { year: 2017, seed: 3, draws: 3000 }).revenue_usd);
  });
});

describe('scenarios', () => {
  it('leaving out Russia and China shows they carry most of the revenue, per the sourced shares', () => {
    const base = run2017();
    const s = estimate(seedDataset(), { year: 2017, seed: 1, draws: 20000, exclude: ['RU', 'cn'] });
    expect(s.scenario?.excluded).toEqual(['RU', 'CN']);
    expect(s.scenario?.baseline.revenue_usd).toEqual(base.revenue_usd);
    expect(s.scenario?.difference_usd.p95).toBeLessThan(0);
    expect(s.scenario?.difference_pct_of_baseline).toBeLessThan(-50);
    const carry = s.scenario?.excluded_carry;
    expect(carry?.countries).toEqual(['RU', 'CN']);
    expect(carry?.figure_ids).toEqual(['r39-fig-000-share-1', 'r39-fig-004-1', 'r39-fig-004-share-1']);
    // What they carry is their revenue per draw: the same as the revenue the scenario loses.
    expect(carry?.revenue_usd.mean).toBeCloseTo(-(s.scenario?.difference_usd.mean ?? 0), -3);
    expect(carry?.share_of_baseline.p50).toBeGreaterThan(0.5);
    expect(carry?.share_of_baseline.p95).toBeLessThanOrEqual(0.9);
    // Named as a reader names them, with the codes given.
    expect(s.scenario?.reading).toMatch(/^leaving out Russia \(RU\) and China \(CN\) changes the 2017 revenue by /);
    expect(s.scenario?.reading).toMatch(/Kept in, Russia \(RU\) and China \(CN\) carry \d+% of the revenue at the median .* sized by 3 published figures, each listed with its source among the inputs\.$/);
    // The prose names no figure id (they stay in figure_ids, above; the page lists each input with its source).
    expect(s.scenario?.reading).not.toMatch(/r39-fig-/);
    const carried = base.by_country.filter((c) => c.country === 'RU' || c.country === 'CN').reduce((a, c) => a + c.share_of_revenue, 0);
    expect(carried).toBeGreaterThan(0.5);
    expect(s.by_country.some((c) => c.country === 'RU')).toBe(false);
    // Their workers still count against the world total: the remainder does not grow.
    const rest = (x: typeof s) => x.by_country.find((c) => c.country === null)?.workers.mean;
    expect(rest(s)).toBeCloseTo(rest(base) ?? 0, 0);
  });

  it('leaving out a documented host without a figure removes its equal part of the remainder', () => {
    const base = run2017();
    const rem = base.by_country.find((c) => c.country === null);
    const k = rem?.hosts?.length ?? 0;
    const s = estimate(seedDataset(), { year: 2017, seed: 1, draws: 20000, exclude: ['PL'] });
    expect(s.by_country.find((c) => c.country === null)?.hosts).not.toContain('PL');
    expect(s.scenario?.difference_usd.mean).toBeCloseTo(-(rem?.revenue_usd.mean ?? 0) / k, -2);
    expect(s.scenario?.excluded_carry?.share_of_baseline.p50).toBeLessThan(0.05);
  });

  it('a share stated in words can be replaced: the RU+CN share and RU\'s own count', () => {
    const s = estimate(seedDataset(), { year: 2017, seed: 1, draws: 20000, overrides: ['CN+RU:worker_share=0.9'] });
    const g = s.inputs.find((i) => i.key === 'worker_share:CN+RU');
    expect(g?.status).toBe('override');
    expect(g?.summary.p50).toBe(0.9);
    // More workers in CN, as many fewer in the remainder: the world total is unchanged, and as CN and the
    // remainder both borrow the pooled rates (one draw shared), the revenue is too.
    const cn = (x: typeof s, c: string | null) => x.by_country.find((y) => y.country === c)?.workers.mean ?? 0;
    const base = run2017();
    expect(cn(s, 'CN')).toBeGreaterThan(cn(base, 'CN') + 5000);
    expect(cn(s, null)).toBeLessThan(cn(base, null) - 5000);
    expect(Math.abs(s.scenario?.difference_workers.mean ?? 1)).toBeLessThan(1e-6);
    expect(Math.abs(s.scenario?.difference_usd.mean ?? 1)).toBeLessThan(1e-6 * base.revenue_usd.mean);
    const c = estimate(seedDataset(), { year: 2017, seed: 1, draws: 5000, overrides: ['RU:workers=20000'] });
    expect(c.by_country.find((x) => x.country === 'RU')?.basis).toBe('count');
    expect(c.by_country.find((x) => x.country === 'RU')?.workers.p50).toBe(20000);
    expect(c.inputs.some((i) => i.key === 'worker_share:RU')).toBe(false);
  });

  it('an override of the state share replaces its sources and shifts revenue, with its uncertainty', () => {
    const s = estimate(seedDataset(), { year: 2017, seed: 1, draws: 20000, overrides: ['state_share=0.3..0.4'] });
    const shares = s.inputs.filter((i) => i.metric === 'state_share');
    expect(shares.every((i) => i.status === 'override' && i.override === 'state_share=0.3..0.4')).toBe(true);
    expect(s.scenario?.difference_usd.p95).toBeLessThan(0);
    expect(s.scenario?.difference_usd.p5).toBeLessThan(s.scenario?.difference_usd.p95 ?? 0);
  });

  it('a country override wins over the all-countries one for that country', () => {
    const s = estimate(seedDataset(), { year: 2017, seed: 1, draws: 2000, overrides: ['state_share=0.5..0.7', 'RU:state_share=0.9'] });
    expect(s.inputs.find((i) => i.key === 'state_share:RU')?.summary.p50).toBe(0.9);
    const pooled = s.inputs.find((i) => i.key === 'state_share:pooled');
    expect(pooled?.used_by).toContain('CN');
    expect(pooled?.summary.p50).toBeLessThanOrEqual(0.7);
    expect(pooled?.summary.p50).toBeGreaterThanOrEqual(0.5);
  });
});

describe('bad input gets a clear message', () => {
  /** The service names the option at fault by its own name (`field`); each door words it (`--exclude` in the CLI). */
  const fails = (opts: Parameters<typeof estimate>[1], pattern: RegExp, field?: string) => {
    try {
      estimate(seedDataset(), opts);
    } catch (e) {
      expect(isRoom39Error(e)).toBe(true);
      expect((e as Error).message).toMatch(pattern);
      if (field !== undefined && isRoom39Error(e)) expect(e.field).toBe(field);
      return;
    }
    throw new Error(`expected ${JSON.stringify(opts)} to fail`);
  };

  it('rejects unknown and unmodelled country codes', () => {
    fails({ year: 2017, exclude: ['XX'] }, /^"XX" is not an ISO 3166-1 alpha-2/, 'exclude');
    fails({ year: 2017, exclude: ['FR'] }, /FR .* no worker figure near 2017 and no documented deployment.*countries you can leave out: .*RU.*ZW/);
  });

  it('rejects a year without data, naming the years that have some', () => {
    fails({ year: 1990 }, /^no worker figure in the graph covers 1990, and it lies outside the years with data \(\d{4}–\d{4}\); years with data: .*2017/, 'year');
  });

  it('rejects zero, negative and fractional draws', () => {
    fails({ year: 2017, draws: 0 }, /draws must be a whole number above zero/, 'draws');
    fails({ year: 2017, draws: -5 }, /draws must be a whole number above zero/);
    fails({ year: 2017, draws: 2.5 }, /draws must be a whole number above zero/);
  });

  it('rejects contradictory and malformed overrides', () => {
    fails({ year: 2017, overrides: ['state_share=0.5..0.7', 'state_share=0.6'] }, /contradictory overrides for state_share/);
    fails({ year: 2017, overrides: ['state_share=1.5'] }, /fraction between 0 and 1/);
    fails({ year: 2017, overrides: ['state_share=0.7..0.5'] }, /low end 0.7 is above the high end 0.5/);
    fails({ year: 2017, overrides: ['wages=300'] }, /unknown input "wages"/);
    fails({ year: 2017, exclude: ['RU'], overrides: ['RU:workers=1000'] }, /RU is both left out/, 'override');
    fails({ year: 2017, overrides: ['worker_share=0.5'] }, /names the country or group it is the share of/);
    fails({ year: 2017, overrides: ['DE+FR:worker_share=0.5'] }, /no sourced share of DE\+FR together .*groups in the model: CN\+RU/);
    fails({ year: 2017, overrides: ['CN+RU:state_share=0.5'] }, /only worker_share can be given for a group/);
    fails({ year: 2017, overrides: ['RU:workers=1000', 'RU:worker_share=0.3'] }, /give its workers .* or its share/);
    fails({ year: 2017, overrides: ['RU:worker_share=1.5'] }, /fraction of all workers abroad/);
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

  describe('allocation of the world total, with exact figures', () => {
    const global = [
      f({ id: 'w', metric: 'monthly_wage', unit: 'USD', per: 'month', low: 100, high: 100, country: null }),
      f({ id: 's', metric: 'state_share', unit: 'fraction', low: 0.5, high: 0.5, country: null }),
      f({ id: 'm', metric: 'months_worked', unit: 'months', low: 10, high: 10, country: null }),
      f({ id: 't', country: null, low: 100000, high: 100000, periodStart: '2017', periodEnd: '2017' }),
      f({ id: 'g', metric: 'worker_share', unit: 'fraction', country: null, countries: ['RU', 'CN'], low: 0.8, high: 0.8 }),
      f({ id: 'r', metric: 'worker_share', unit: 'fraction', country: 'RU', low: 0.3, high: 0.3 }),
      f({ id: 'y', country: 'MY', low: 1000, high: 1000 }),
    ];
    const dep = (id: string, country: string): LabourDeployment => ({
      id, country, senderId: null, employerId: null, sector: null, periodStart: null, periodEnd: null, sourceId: 's', quote: 'q', quoteStart: null, quoteEnd: null, reliability: 'B2',
    });
    const data = { figures: global, sources: [], deployments: [dep('d1', 'PL'), dep('d2', 'KW'), dep('d3', 'RU')] };
    const workers = (r: ReturnType<typeof estimate>, c: string | null) => r.by_country.find((x) => x.country === c)?.workers.p50;

    it('RU = its share × total; CN = the group share × total less RU; the rest shared equally by the documented hosts', () => {
      const r = estimate(data, { year: 2017, draws: 200 });
      expect(workers(r, 'RU')).toBeCloseTo(30000, 6);
      expect(workers(r, 'CN')).toBeCloseTo(50000, 6);
      expect(workers(r, 'MY')).toBe(1000);
      expect(workers(r, null)).toBeCloseTo(19000, 6);
      expect(r.by_country.find((x) => x.country === null)?.hosts).toEqual(['KW', 'PL']);
      expect(r.revenue_usd.p50).toBeCloseTo(100000 * 100 * 0.5 * 10, 0);
      // The tornado's one-value allocation agrees with the Monte Carlo one.
      expect(r.sensitivity.base_revenue_usd).toBeCloseTo(r.revenue_usd.p50, 0);
      expect(r.gaps.filter((g) => g.rule === 'vague_share')).toEqual([]);
    });

    it('--exclude of a remainder host removes its equal part; of a group member, its workers only', () => {
      const pl = estimate(data, { year: 2017, draws: 200, exclude: ['PL'] });
      expect(pl.revenue_usd.p50).toBeCloseTo((100000 - 9500) * 500, 0);
      const cn = estimate(data, { year: 2017, draws: 200, exclude: ['CN'] });
      expect(cn.revenue_usd.p50).toBeCloseTo(50000 * 500, 0);
      expect(workers(cn, null)).toBeCloseTo(19000, 6);
      expect(cn.scenario?.excluded_carry?.share_of_baseline.p50).toBeCloseTo(0.5, 6);
    });

    it('a country count wins over the shares; RU and CN with counts leave the group share unused', () => {
      const withCount = [...global, f({ id: 'c', country: 'RU', low: 40000, high: 40000, periodStart: '2017', periodEnd: '2017' })];
      const r = estimate({ ...data, figures: withCount }, { year: 2017, draws: 200 });
      expect(workers(r, 'RU')).toBe(40000);
      expect(workers(r, 'CN')).toBeCloseTo(40000, 6);
      expect(r.unused_figures.find((u) => u.figure_id === 'r')?.reason).toMatch(/own count/);
      const both = [...withCount, f({ id: 'd', country: 'CN', low: 10000, high: 10000 })];
      const m = buildModel(both, [], 2017);
      expect(m.groups).toEqual([]);
      expect(m.unused.find((u) => u.figureId === 'g')?.reason).toMatch(/every country of CN\+RU has its own count/);
    });

    it('an open-ended share ("most") reads uniform up to the cap, and is flagged', () => {
      const most = global.map((x) => (x.id === 'g' ? { ...x, qualifier: 'at_least' as const, low: 0.5, high: null } : x));
      const m = buildModel(most, [], 2017);
      expect(m.groups[0]?.input.components.map((c) => c.dist)).toEqual([{ kind: 'uniform', low: 0.5, high: 0.9 }]);
      expect(m.gaps.some((g) => g.rule === 'vague_share' && /capped at 0\.9/.test(g.message))).toBe(true);
    });

    it('without a world total, shares cannot place workers: only counted countries remain', () => {
      const m = buildModel(global.filter((x) => x.id !== 't'), [], 2017);
      expect(m.rows.map((r) => r.country)).toEqual(['MY']);
      expect(m.unused.find((u) => u.figureId === 'g')?.reason).toMatch(/no world total/);
    });
  });
});
