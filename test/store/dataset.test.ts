import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { datasetFiles, parseDataset } from '../../src/ingest/dataset/read.ts';

const { dataset, problems } = parseDataset(path.join(REPO_ROOT, 'data/dataset'), REPO_ROOT);

describe('the bundled dataset', () => {
  it('has no problems (shape, FtM properties, references, quotes)', () => {
    expect(problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([]);
  });

  it('every quote is an exact substring of the document it cites (read straight from the files)', () => {
    const textOf = new Map<string, string>();
    const lines = datasetFiles(path.join(REPO_ROOT, 'data/dataset')).flatMap((f) => fs.readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>));
    for (const r of lines) if (r.type === 'source') textOf.set(r.id as string, fs.readFileSync(path.join(REPO_ROOT, r.file as string), 'utf8'));
    let checked = 0;
    for (const r of lines) {
      const quote = (r.type === 'testimony' ? r.narrative : r.quote) as string | undefined;
      if (!quote) continue;
      expect(textOf.get(r.source as string), `${r.id}`).toContain(quote);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('keeps the seed documents byte for byte (compared with shared/seeds, which must be there)', () => {
    const seeds = fs.readdirSync(path.join(REPO_ROOT, 'data/sources/seeds'));
    expect(seeds).toHaveLength(5);
    // shared/ sits beside the repository (CI, /work/main), or beside the folder of work trees; ROOM39_SHARED overrides.
    const candidates = [process.env.ROOM39_SHARED, path.join(REPO_ROOT, '../shared'), path.join(REPO_ROOT, '../../shared')].filter((d): d is string => !!d);
    const shared = candidates.map((d) => path.join(d, 'seeds')).find((d) => fs.existsSync(d));
    expect(shared, `shared/seeds not found (looked in ${candidates.join(', ')}): the byte check cannot run`).toBeDefined();
    expect(fs.readdirSync(shared!).sort()).toEqual([...seeds].sort());
    for (const f of seeds) expect(fs.readFileSync(path.join(REPO_ROOT, 'data/sources/seeds', f)).equals(fs.readFileSync(path.join(shared!, f))), f).toBe(true);
  });

  const ids = new Set(dataset.entities.map((e) => e.record.id));
  it.each([
    'r39-office-39', 'r39-jon-il-chun', 'r39-jong-yong-su', 'r39-ministry-of-labour', 'r39-state-planning-commission',
    'r39-ministry-of-state-security', 'r39-kim-won-hong', 'r39-propaganda-and-agitation-department',
    'r39-organization-and-guidance-department', 'r39-mansudae-overseas-project-group', 'r39-genco', 'r39-namgang-construction',
    'r39-korea-rungrado-general-trading', 'r39-munitions-industry-department', 'r39-komid', 'r39-daesung-general-bureau',
    'r39-dprk-chamber-of-commerce', 'r39-rite-mix', 'r39-leisure-clothing',
  ])('names %s, an entity the issue requires', (id) => {
    expect(ids.has(id)).toBe(true);
  });

  it('records every one of the 18 countries of the EAHRNK report as a host of North Korean workers', () => {
    const hosts = new Set(dataset.deployments.map((d) => d.record.country));
    for (const cc of ['DZ', 'AO', 'CN', 'GQ', 'ET', 'KW', 'LY', 'MY', 'MT', 'MN', 'MM', 'NP', 'NG', 'OM', 'PL', 'QA', 'RU', 'AE']) {
      expect(hosts.has(cc), cc).toBe(true);
    }
  });

  it('keeps disagreeing worker counts side by side', () => {
    const global = dataset.figures.filter((f) => f.record.metric === 'workers' && f.record.country == null);
    const lows = new Set(global.map((f) => f.record.low));
    expect(lows.has(50000)).toBe(true);
    expect(global.length).toBeGreaterThan(3);
  });

  it('holds the Russian logging wage split of 40, 20, 15 and 25 percent', () => {
    const split = dataset.figures.filter((f) => f.record.metric === 'wage_split' && f.record.country === 'RU').map((f) => f.record.low).sort();
    expect(split).toEqual(expect.arrayContaining([0.4, 0.2, 0.15, 0.25]));
  });

  it('has TIP ratings, designations and legal instruments', () => {
    expect(dataset.tipRatings.length).toBeGreaterThan(0);
    expect(dataset.entities.some((e) => e.record.schema === 'Sanction')).toBe(true);
    for (const law of ['r39-law-eo-13687', 'r39-law-eo-13722', 'r39-law-kims-act', 'r39-law-tvpa', 'r39-law-unscr-2321']) expect(ids.has(law), law).toBe(true);
  });
});
