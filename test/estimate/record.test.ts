/**
 * The public record in every door (issue 18): the estimate answers every year 2010–2025 on the bundled
 * dataset, says which inputs were carried from which year, and sets each published estimate of the year
 * against the model with by how much they differ and the input that moves the model most; the map shades
 * the host countries from figures whose period covers the year.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimate } from '../../src/estimate/index.ts';
import { openTestServices, type TestServices } from '../support/services.ts';
import { createApp } from '../../src/server/app.ts';
import { dataset } from './helpers.ts';

describe('the estimate for every year 2010–2025 on the bundled dataset', () => {
  const years = Array.from({ length: 16 }, (_, i) => 2010 + i);
  const results = new Map(years.map((y) => [y, estimate(dataset(), { year: y, seed: 1, draws: 2000 })]));

  it.each(years)('%i answers with ordered percentiles, workers and sources', (y) => {
    const r = results.get(y)!;
    expect(r.year).toBe(y);
    expect(r.revenue_usd.p5).toBeGreaterThan(0);
    expect(r.revenue_usd.p5).toBeLessThan(r.revenue_usd.p50);
    expect(r.revenue_usd.p50).toBeLessThan(r.revenue_usd.p95);
    expect(r.workers.p50).toBeGreaterThan(0);
    expect(r.inputs.find((i) => i.key === 'workers:total')).toBeDefined();
    expect(r.years_answered).toEqual(expect.arrayContaining(years));
  });

  it('flags every carried input with the year it came from, in its status, its carried_from and its flag', () => {
    let carried = 0;
    for (const r of results.values()) {
      for (const i of r.inputs.filter((x) => x.status === 'carried_forward' || x.status === 'carried_back')) {
        carried++;
        expect(i.carried_from, `${r.year} ${i.key}`).not.toBeNull();
        expect(i.carried_from).not.toBe(r.year);
        expect(i.flags.join(' '), `${r.year} ${i.key}`).toContain(`from ${i.carried_from}`);
        if (i.status === 'carried_forward') expect(i.carried_from!).toBeLessThan(r.year);
        else expect(i.carried_from!).toBeGreaterThan(r.year);
      }
      for (const i of r.inputs.filter((x) => x.status === 'observed')) expect(i.carried_from).toBeNull();
    }
    expect(carried).toBeGreaterThan(10);
    // 2025 has no world total of its own in the record: it is carried from 2024, the nearest year with one.
    expect(results.get(2025)!.inputs.find((i) => i.key === 'workers:total')).toMatchObject({ status: 'carried_forward', carried_from: 2024 });
  });

  it('gives a pooled input no country in the tornado: the pooled wage is every borrower’s, not the first one’s', () => {
    let pooled = 0;
    for (const r of results.values()) {
      for (const b of r.sensitivity.bars) {
        if (b.input.endsWith(':pooled')) {
          pooled++;
          expect(b.country, `${r.year} ${b.input}`).toBeNull();
        } else if (b.country !== null) expect(b.input, String(r.year)).toBe(`${b.metric}:${b.country}`);
      }
    }
    expect(pooled).toBeGreaterThan(0);
    // 2017: the pooled monthly wage moves the revenue most (it was labelled the UAE's, the first country borrowing it).
    expect(results.get(2017)!.sensitivity.bars[0]).toMatchObject({ input: 'monthly_wage:pooled', country: null });
  });

  it('follows the record over time: Russia’s workers fall after 2017 and rise again in 2024', () => {
    const ru = (y: number) => results.get(y)!.by_country.find((c) => c.country === 'RU');
    for (const y of [2017, 2018, 2019, 2020, 2024]) expect(ru(y)?.basis, String(y)).toBe('count');
    expect(ru(2017)!.workers.p50).toBeGreaterThan(ru(2018)!.workers.p50);
    expect(ru(2018)!.workers.p50).toBeGreaterThan(ru(2020)!.workers.p50);
    expect(ru(2024)!.workers.p50).toBeGreaterThan(ru(2020)!.workers.p50);
    // The 2020 count is Russia's own report: 511 North Koreans stranded on 10 March 2020.
    expect(ru(2020)!.workers.p50).toBeCloseTo(511, 0);
  });

  it('sets each published estimate of the year against the model: by how much, and the input that moves it most', () => {
    const r = results.get(2017)!;
    const same = r.comparison.filter((c) => c.matches_year);
    expect(same.length).toBeGreaterThanOrEqual(3);
    // Estimates about the year come first.
    expect(r.comparison.findIndex((c) => !c.matches_year)).toBeGreaterThanOrEqual(same.length);
    const un = same.find((c) => c.estimate.figure_id === 'r39-fig-pub-world-2017-un-revenue');
    expect(un?.difference.published_usd).toBe(500e6);
    expect(un?.difference.model_over_published).toBeCloseTo(r.revenue_usd.p50 / 500e6, 6);
    expect(un?.driver?.input).toBe(r.sensitivity.bars[0]?.input);
    expect(un?.reading).toMatch(/The input that moves the model most is \S+: from its 5th to its 95th percentile it takes the total from \$/);
    // Estimates about one sector or region are not set against the model's total.
    expect(r.comparison_skipped.some((s) => s.figure_id === 'r39-fig-pub-world-2017-restaurants-10m' || s.figure_id === 'r39-fig-pub-me-2017-revenue')).toBe(true);
    expect(r.comparison.some((c) => c.estimate.figure_id === 'r39-fig-pub-me-2017-revenue')).toBe(false);
  });
});

describe('the map for every year with data', () => {
  let t: TestServices;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await openTestServices();
    app = createApp(t.services);
  });
  afterAll(async () => t?.dispose());

  interface Countries { year: number; years: number[]; countries: { cc: string; role: string; workers: { metric: string; dated: boolean; period_start: string | null; period_end: string | null } | null }[] }

  it('shades at least 15 host countries for 2017 from figures whose period covers 2017', async () => {
    const res = await app.request('/api/countries?year=2017');
    expect(res.status).toBe(200);
    const a = (await res.json()) as Countries;
    const shaded = a.countries.filter((c) => c.role === 'host' && c.workers?.dated);
    expect(shaded.length, shaded.map((c) => c.cc).join(',')).toBeGreaterThanOrEqual(15);
    for (const c of shaded) {
      const start = Number(c.workers!.period_start!.slice(0, 4));
      const end = Number((c.workers!.period_end ?? c.workers!.period_start)!.slice(0, 4));
      expect(start <= 2017 && 2017 <= end, c.cc).toBe(true);
    }
    // Russia and China are shaded by counts of workers, not by counts of workers sent home.
    for (const cc of ['RU', 'CN']) expect(a.countries.find((c) => c.cc === cc)?.workers?.metric).toBe('workers');
  });

  it('offers every year 2010–2025 and shades some host country in each', async () => {
    const a = (await (await app.request('/api/countries')).json()) as Countries;
    for (let y = 2010; y <= 2025; y++) expect(a.years, String(y)).toContain(y);
    for (const y of [2010, 2013, 2016, 2019, 2021, 2023, 2025]) {
      const r = (await (await app.request(`/api/countries?year=${y}`)).json()) as Countries;
      expect(r.countries.filter((c) => c.role === 'host' && c.workers?.dated).length, String(y)).toBeGreaterThan(0);
    }
  });

  it('answers GET /api/estimate for a year without figures of its own, carrying them', async () => {
    const res = await app.request('/api/estimate?year=2021&seed=1&draws=2000');
    expect(res.status).toBe(200);
    const r = (await res.json()) as { year: number; inputs: { key: string; carried_from: number | null }[] };
    expect(r.year).toBe(2021);
    expect(r.inputs.find((i) => i.key === 'workers:total')?.carried_from).toBe(2019);
  });
});
