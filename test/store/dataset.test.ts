import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { datasetFiles, parseDataset, quickFingerprint } from '../../src/ingest/dataset/read.ts';
import { rubricLetter } from '../../src/ingest/dataset/grading.ts';

const { dataset, problems } = parseDataset(path.join(REPO_ROOT, 'data/dataset'), REPO_ROOT);
const rawLines = () => datasetFiles(path.join(REPO_ROOT, 'data/dataset')).flatMap((f) => fs.readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>));

describe('the bundled dataset', () => {
  it('has no problems (shape, FtM properties, references, quotes, grades by the rubric)', () => {
    expect(problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([]);
  });

  it('gives the same fingerprint read quickly (no record checked) as read whole, and a changed seed text changes it', () => {
    expect(quickFingerprint(path.join(REPO_ROOT, 'data/dataset'), REPO_ROOT)).toEqual({ fingerprint: dataset.fingerprint, testimonies: dataset.testimonies.length });
    expect(dataset.testimonies.length).toBeGreaterThan(0);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-fingerprint-'));
    try {
      fs.cpSync(path.join(REPO_ROOT, 'data/dataset'), path.join(root, 'data/dataset'), { recursive: true });
      fs.cpSync(path.join(REPO_ROOT, 'data/sources'), path.join(root, 'data/sources'), { recursive: true });
      expect(quickFingerprint(path.join(root, 'data/dataset'), root)?.fingerprint).toBe(dataset.fingerprint);
      const seed = path.join(root, 'data/sources/seeds', fs.readdirSync(path.join(root, 'data/sources/seeds'))[0]!);
      fs.appendFileSync(seed, ' ');
      expect(quickFingerprint(path.join(root, 'data/dataset'), root)?.fingerprint).not.toBe(dataset.fingerprint);
      fs.rmSync(seed);
      expect(quickFingerprint(path.join(root, 'data/dataset'), root)).toBeNull();
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('every quote is an exact substring of the bundled document it cites (read straight from the files)', () => {
    const textOf = new Map<string, string>();
    const lines = rawLines();
    for (const r of lines) if (r.type === 'source' && typeof r.file === 'string') textOf.set(r.id as string, fs.readFileSync(path.join(REPO_ROOT, r.file), 'utf8'));
    let checked = 0;
    for (const r of lines) {
      const quote = (r.type === 'testimony' ? r.narrative : r.quote) as string | undefined;
      if (!quote) continue;
      expect(textOf.get(r.source as string), `${r.id} quotes ${r.source}, which must be bundled`).toContain(quote);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('quotes nothing from a source that is not bundled: such records say the fact and where it stands', () => {
    const bundled = new Set(dataset.sources.filter((s) => s.record.file).map((s) => s.record.id));
    const cited = [...dataset.entities, ...dataset.figures, ...dataset.deployments, ...dataset.tipRatings].filter((r) => !bundled.has(r.record.source));
    expect(cited.length).toBeGreaterThan(200);
    for (const { record: r } of cited) {
      expect(r.quote ?? null, r.id).toBeNull();
      expect((r.locator ?? '').length, `${r.id} locator`).toBeGreaterThan(2);
    }
    for (const { record: f } of dataset.figures.filter((x) => !bundled.has(x.record.source))) expect((f.statement ?? '').length, f.id).toBeGreaterThan(10);
  });

  it('gives every source a URL, a class and the letter the rubric gives that class, with the reason', () => {
    expect(dataset.sources.length).toBeGreaterThan(100);
    for (const { record: s } of dataset.sources) {
      expect(s.url, s.id).toMatch(/^https?:\/\//);
      expect(s.grade, s.id).toBe(rubricLetter(s.source_class, s.copy ?? false));
      expect(s.grade_reason.length, s.id).toBeGreaterThan(20);
    }
    // An unsigned blog is not "completely reliable"; an official legal text is.
    expect(dataset.sources.find((s) => s.record.id === 'seed-000')?.record.grade).toBe('F');
    expect(dataset.sources.find((s) => s.record.id === 'legal-eo-13722')?.record.grade).toBe('A');
  });

  it('keeps the seed documents byte for byte, and no other third-party text', () => {
    const seeds = fs.readdirSync(path.join(REPO_ROOT, 'data/sources/seeds'));
    expect(seeds).toHaveLength(5);
    expect(fs.readdirSync(path.join(REPO_ROOT, 'data/sources'))).toEqual(['seeds']);
    expect(dataset.sources.filter((s) => s.record.file).map((s) => s.record.id).sort()).toEqual(['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004']);
    // Compared with shared/seeds, which must be there: beside the repository (CI, /work/main), or beside the folder
    // of work trees; ROOM39_SHARED overrides. Missing, the test fails rather than checking less.
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
    // Russia at the end of 2017: its own report (30,023 permits), its ambassador (about 34,000), an Asahi estimate (50,000).
    const ru2017 = dataset.figures.filter((f) => f.record.metric === 'workers' && f.record.country === 'RU' && (f.record.period_start ?? '').startsWith('2017'));
    for (const v of [30023, 34000, 50000]) expect(ru2017.some((f) => f.record.low === v), String(v)).toBe(true);
  });

  it('holds the Russian logging wage split of 40, 20, 15 and 25 percent', () => {
    const split = dataset.figures.filter((f) => f.record.metric === 'wage_split' && f.record.country === 'RU').map((f) => f.record.low).sort();
    expect(split).toEqual(expect.arrayContaining([0.4, 0.2, 0.15, 0.25]));
  });

  it('has TIP ratings, designations and legal instruments, each law with its official citation and URL', () => {
    expect(dataset.tipRatings.length).toBeGreaterThan(0);
    expect(dataset.entities.some((e) => e.record.schema === 'Sanction')).toBe(true);
    for (const law of ['r39-law-eo-13687', 'r39-law-eo-13722', 'r39-law-kims-act', 'r39-law-tvpa', 'r39-law-unscr-2321', 'r39-law-unscr-2397', 'r39-law-caatsa-321b']) expect(ids.has(law), law).toBe(true);
    const urlOf = (id: string) => dataset.entities.find((e) => e.record.id === id && e.record.props.sourceUrl)?.record.props.sourceUrl;
    expect(urlOf('r39-law-eo-13722')).toBe('https://www.federalregister.gov/d/2016-06355');
    expect(urlOf('r39-law-unscr-2397')).toBe('https://undocs.org/S/RES/2397(2017)');
    expect(urlOf('r39-law-caatsa-321b')).toMatch(/^https:\/\/uscode\.house\.gov\/.*section9241a/);
    // The legal texts are cited, not copied: no record quotes them.
    for (const e of dataset.entities.filter((x) => x.record.source.startsWith('legal-'))) expect(e.record.quote ?? null).toBeNull();
  });
});

describe('the public record over time', () => {
  const covers = (f: { period_start?: string | null; period_end?: string | null }, y: number) => {
    if (!f.period_start) return false;
    const a = Number(f.period_start.slice(0, 4));
    const b = Number((f.period_end ?? f.period_start).slice(0, 4));
    return a <= y && y <= b;
  };
  const workerYears = (cc: string) => {
    const years = new Set<number>();
    for (const { record: f } of dataset.figures) {
      if (f.metric !== 'workers' || f.country !== cc || f.coverage === 'part') continue;
      for (let y = 2010; y <= 2025; y++) if (covers(f, y)) years.add(y);
    }
    return [...years].sort();
  };

  it('gives Russia and China worker figures of their own for at least 8 of the years 2010–2025', () => {
    expect(workerYears('RU').length, workerYears('RU').join(',')).toBeGreaterThanOrEqual(8);
    expect(workerYears('CN').length, workerYears('CN').join(',')).toBeGreaterThanOrEqual(8);
  });

  it('has a worker count or a count of workers sent home whose period covers 2017 for at least 15 host countries', () => {
    const hosts = new Set(dataset.figures.filter((f) => ['workers', 'repatriated'].includes(f.record.metric) && f.record.country && covers(f.record, 2017)).map((f) => f.record.country));
    expect(hosts.size, [...hosts].join(',')).toBeGreaterThanOrEqual(15);
  });

  it('says what each new count counts and which year it is about', () => {
    for (const { record: f } of dataset.figures.filter((x) => x.record.source.startsWith('pub-') && ['workers', 'entries', 'repatriated'].includes(x.record.metric))) {
      expect(f.counts, f.id).toBeTruthy();
    }
    const dated = dataset.figures.filter((x) => x.record.source.startsWith('pub-') && x.record.period_start);
    expect(dated.length).toBeGreaterThan(150);
  });
});
