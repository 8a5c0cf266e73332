import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { loadedDataDir, openTestServices, type TestServices } from '../support/services.ts';
import { createApp } from '../../src/server/app.ts';
import type { EstimateResult } from '../../src/estimate/index.ts';
import { MAX_OUTPUT } from '../support/child.ts';

/** The two doors of the model (DESIGN.md contract), over the store filled from the bundled dataset. */

function checkContract(r: EstimateResult) {
  expect(r.year).toBe(2017);
  expect(typeof r.draws).toBe('number');
  for (const k of ['p5', 'p50', 'p95', 'mean'] as const) expect(r.revenue_usd[k]).toBeGreaterThan(0);
  expect(r.revenue_usd.p5).toBeLessThan(r.revenue_usd.p95);
  for (const k of ['p5', 'p50', 'p95'] as const) expect(r.workers[k]).toBeGreaterThan(0);
  expect(r.inputs.length).toBeGreaterThan(5);
  for (const i of r.inputs) {
    expect(i.sources.length, i.key).toBeGreaterThan(0);
    for (const s of i.sources) {
      expect(s.source.id).toMatch(/^(seed-00\d|pub-[a-z0-9-]+)$/);
      expect(s.source.title, s.figure_id).toBeTruthy();
      expect(s.source.url, s.figure_id).toMatch(/^https?:\/\//);
      // A bundled source is quoted; a cited one is stated in room39's words with where it stands.
      if (s.quote !== null) expect(s.quote.length).toBeGreaterThan(3);
      else expect([s.locator?.length ?? 0, s.statement?.length ?? 0].every((n) => n > 3), s.figure_id).toBe(true);
    }
  }
  // The public record gives Russia and China counts of their own for 2017; they reached the model through the store.
  expect(r.by_country.find((c) => c.country === 'CN')?.basis).toBe('count');
  expect(r.by_country.find((c) => c.country === 'RU')?.basis).toBe('count');
  expect(r.inputs.find((i) => i.key === 'workers:RU')?.sources.map((s) => s.figure_id)).toContain('r39-fig-pub-ru-2017-12-31-valid-permits');
}

describe('room39 estimate (CLI)', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await loadedDataDir();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const room39 = (...args: string[]) => {
    const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/room39.js'), 'estimate', ...args, '--data', dir], {
      encoding: 'utf8', maxBuffer: MAX_OUTPUT,
      env: { ...process.env, DATABASE_URL: '' },
      timeout: 300_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('--year 2017 --seed 1 --json gives the contract fields, every input with its sources, the same JSON twice', () => {
    const a = room39('--year', '2017', '--seed', '1', '--json');
    expect(a.code, a.stderr).toBe(0);
    const r = JSON.parse(a.stdout) as EstimateResult;
    checkContract(r);
    expect(r.draws).toBe(10000);
    const b = room39('--year', '2017', '--seed', '1', '--json');
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  }, 600_000); // the first command fills the empty data directory from the bundle

  it('--exclude RU,CN says how much of the revenue they carry, per their sourced counts', () => {
    const a = room39('--year', '2017', '--seed', '1', '--exclude', 'RU,CN', '--json');
    expect(a.code, a.stderr).toBe(0);
    const r = JSON.parse(a.stdout) as EstimateResult;
    expect(r.scenario?.excluded).toEqual(['RU', 'CN']);
    expect(r.scenario?.excluded_carry?.share_of_baseline.p50).toBeGreaterThan(0.5);
    expect(r.scenario?.excluded_carry?.figure_ids).toContain('r39-fig-pub-ru-2017-12-31-valid-permits');
  });

  it('an --override written as its usage line shows it is taken', () => {
    const help = room39('--help');
    const form = /--override ([^\s]+?)\]\.\.\./.exec(help.stdout + help.stderr)?.[1];
    expect(form, help.stdout).toBeTruthy();
    // The usage's optional part filled in: a country's worker count (Russia, 20,000 to 30,000).
    const override = form!.replace(/\[([^\]]*)\]/g, '$1').replace('METRIC', 'workers').replace('CC', 'RU').replace('LOW..HIGH', '20000..30000');
    const a = room39('--year', '2017', '--seed', '1', '--override', override, '--json');
    expect(a.code, `${override}: ${a.stderr}`).toBe(0);
    expect((JSON.parse(a.stdout) as EstimateResult).scenario?.overrides).toHaveLength(1);
  });

  it('prints the published estimates about the year apart from those about other years, each with its period', () => {
    const r = JSON.parse(room39('--year', '2017', '--seed', '1', '--json').stdout) as EstimateResult;
    const other = r.comparison.find((c) => !c.matches_year && c.estimate.period.start !== null)!;
    const same = r.comparison.find((c) => c.matches_year)!;
    expect(other && same).toBeTruthy();
    const text = room39('--year', '2017', '--seed', '1').stdout;
    const sameAt = text.indexOf('Published estimates about 2017:');
    const otherAt = text.indexOf('Published estimates about other years, against the model for 2017:');
    expect(sameAt).toBeGreaterThan(0);
    expect(otherAt).toBeGreaterThan(sameAt);
    const lineOf = (id: string) => text.indexOf(`  ${id}, `);
    expect(lineOf(same.estimate.figure_id)).toBeGreaterThan(sameAt);
    expect(lineOf(same.estimate.figure_id)).toBeLessThan(otherAt);
    expect(lineOf(other.estimate.figure_id)).toBeGreaterThan(otherAt);
    expect(text).toContain(`  ${other.estimate.figure_id}, about ${other.estimate.period.start}`);
  });

  it('a bad --exclude fails with a message and a non-zero exit', () => {
    const a = room39('--year', '2017', '--exclude', 'XX', '--json');
    expect(a.code).not.toBe(0);
    expect(a.stderr).toMatch(/XX\\?" is not an ISO 3166-1 alpha-2 country code/);
    // The service names the field; the command line words it as the option typed.
    expect(JSON.parse(a.stderr).error.message).toMatch(/^--exclude: /);
  });
});

describe('GET /api/estimate', () => {
  let t: TestServices;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await openTestServices();
    app = createApp(t.services);
  });
  afterAll(async () => t?.dispose());

  it('answers with the contract fields and the same numbers for the same seed', async () => {
    const res = await app.request('/api/estimate?year=2017&seed=1&draws=5000');
    expect(res.status).toBe(200);
    const r = (await res.json()) as EstimateResult;
    checkContract(r);
    expect(r.draws).toBe(5000);
    const again = (await (await app.request('/api/estimate?year=2017&seed=1&draws=5000')).json()) as EstimateResult;
    expect(again.revenue_usd).toEqual(r.revenue_usd);
  });

  it('takes exclude and override (a country’s count)', async () => {
    const res = await app.request(`/api/estimate?year=2017&seed=1&draws=5000&exclude=RU&override=${encodeURIComponent('CN:workers=50000..60000')}`);
    expect(res.status).toBe(200);
    const r = (await res.json()) as EstimateResult;
    expect(r.scenario?.excluded).toEqual(['RU']);
    expect(r.scenario?.overrides).toEqual(['CN:workers=50000..60000']);
    const cn = r.by_country.find((c) => c.country === 'CN');
    expect(cn?.workers.p5).toBeGreaterThanOrEqual(50000);
    expect(cn?.workers.p95).toBeLessThanOrEqual(60000);
  });

  it('rejects too many draws with a 400 that says the limit', async () => {
    const res = await app.request('/api/estimate?draws=999999999');
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { message: string; field: string } };
    expect(error.message).toMatch(/^draws: .*at most 200000/);
    expect(error.field).toBe('draws');
  });
});
