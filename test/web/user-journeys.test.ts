/**
 * Three users' journeys in Chromium against the real server (bundled dataset,
 * OFAC SDN, UN and UK lists), each check one that failed them:
 * - a journalist read on Bureau 39's page that it "directs" its own chief
 *   (a directed edge was worded from its source end on the target's page);
 * - she and a policy analyst could not take what they found away with its
 *   citations: the entity page and the estimate (with its what-if) had no
 *   CSV or JSON download;
 * - a failed API call left "Loading…" under its error for ever (the map, a
 *   designation card, the resolve counts), a case whose alerts could not be
 *   loaded said "No alerts", an entity's figures and timeline vanished, and
 *   the stale-lists warning said nothing (as if the lists were current);
 * - keyboard, focus and narrow-screen defects named in each test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { newPage, webFixture } from './harness.ts';
import { createUser } from '../../src/auth/service.ts';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { createCase } from '../../src/cases/index.ts';
import { importFtmFile } from '../../src/ingest/ftm/import.ts';
import { readScreenFile } from '../../src/screen/file-input.ts';
import { parseScreeningOptions } from '../../src/screen/options.ts';
import { screeningService } from '../../src/screen/service.ts';
import type { EntityDocument, EstimateResult } from '../../src/server/wire.ts';

const ANALYST = { username: 'journeys-analyst', password: 'a-long-test-password-77' };
const SEED = path.join(REPO_ROOT, 'data/sources/seeds/003_013e44e156a0b3b0.txt');
const CASE = 'Suppliers journeys';

/** A list entry holds any text: markup, and a name that is one unbroken run of 120 letters. */
const RUN = `JOURNEYS${'X'.repeat(120)}TRADING`;
const MARKUP = `<img src=x onerror="window.__pwned=1"> ${RUN}`;

const web = webFixture(async (services) => {
  await createUser(services.db, { ...ANALYST, role: 'analyst' }, 'test');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'room39-journeys-')), 'entries.ftm.json');
  fs.writeFileSync(file, [
    { id: 'journeys-long-name', schema: 'Company', properties: { name: [MARKUP], country: ['kp'] } },
    { id: 'journeys-long-owner', schema: 'Ownership', properties: { owner: ['journeys-long-name'], asset: ['r39-genco'] } },
  ].map((e) => JSON.stringify(e)).join('\n'));
  await importFtmFile(services.db, { file, dataset: 'journeys_test', date: '2026-12-01' });
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  await createCase(services.db, () => screeningService(services.db), {
    name: CASE, rows: readScreenFile(path.join(REPO_ROOT, 'data/examples/suppliers.csv')), fileName: 'suppliers.csv', info: () => null,
    options: parseScreeningOptions({}), actor: 'test',
  });
});

const api = async <T>(p: string): Promise<T> => (await (await fetch(`${web.server.url}${p}`)).json()) as T;

/** A downloaded CSV: its comment line, and its rows by header. */
function readCsv(file: string): { comment: string; rows: Record<string, string>[] } {
  const text = fs.readFileSync(file, 'utf8');
  const [comment, ...rest] = text.split('\r\n');
  return { comment: comment ?? '', rows: parse(rest.join('\r\n'), { columns: true }) as Record<string, string>[] };
}

describe('three users in the browser', { timeout: 240_000 }, () => {
  it('words a relation from the end the page is about: Bureau 39 has a director, Jon Il-chun directs it', async () => {
    const { page, context, problems } = await newPage(web.browser);
    const group = (label: string) => page.locator('.relations .relation-group', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) });
    await page.goto(`${web.server.url}/entity/r39-office-39`);
    await page.getByRole('heading', { level: 1, name: 'Bureau 39' }).waitFor();
    await expect(group('Director').getByRole('link', { name: 'Jon Il-chun' }).count()).resolves.toBe(1);
    await expect(group('Directs').count()).resolves.toBe(0);
    await page.getByRole('link', { name: 'Jon Il-chun' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Jon Il-chun' }).waitFor();
    await expect(group('Directs').getByRole('link', { name: 'Bureau 39' }).count()).resolves.toBe(1);
    // The browser's back button returns to Bureau 39.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Bureau 39' }).waitFor();
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('downloads an entity\'s facts with source, quote and grade as CSV, and the entity as JSON', async () => {
    const { page, context, problems } = await newPage(web.browser);
    const id = 'r39-genco';
    const doc = await api<EntityDocument>(`/api/entities/${id}`);
    await page.goto(`${web.server.url}/entity/${id}`);
    await page.getByRole('heading', { level: 1, name: 'Korea General Corporation for External Construction' }).waitFor();
    // The judgement joining the OFAC record names its evidence, and no empty part of it ("Countries: )").
    const judgement = page.locator('ul.judgements li', { hasText: 'ofac-19611' });
    await expect(judgement.textContent()).resolves.toMatch(/same entity, rule Name and country on .*\(DPRK: true; Name: [^;]+\)$/);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Download CSV/ }).click()]);
    expect(csv.suggestedFilename()).toBe(`room39-${id}.csv`);
    const { comment, rows } = readCsv((await csv.path()) as string);
    expect(comment).toBe(`# room39 entity ${id}: ${web.server.url}/entity/${id}`);
    expect(rows).toHaveLength(doc.statements.length);
    // The seed's fact keeps its exact quote and grade; the OFAC list's its list version as source.
    const seed = doc.statements.find((s) => s.quote && s.prop === 'notes')!;
    expect(rows).toContainEqual(expect.objectContaining({ entity_id: id, property: 'notes', value: seed.value, source: seed.source.title, quote: seed.quote, grade: seed.reliability }));
    expect(rows.some((r) => r.source?.startsWith('OFAC Specially Designated Nationals (SDN) List') === true && r.value === 'GENCO' && r.property === 'alias')).toBe(true);
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Download JSON/ }).click()]);
    expect(JSON.parse(fs.readFileSync((await json.path()) as string, 'utf8'))).toEqual(JSON.parse(JSON.stringify(doc)));
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('downloads a what-if estimate (Russia expels its workers) with its change, countries and sourced inputs', async () => {
    const { page, context, problems } = await newPage(web.browser);
    await page.goto(`${web.server.url}/estimates?year=2017`);
    await page.getByTestId('revenue-p50').waitFor();
    await page.getByRole('checkbox', { name: 'Russia' }).check();
    await page.waitForURL(/exclude=RU/);
    await page.locator('.scenario-stat').waitFor();
    const r = await api<EstimateResult>('/api/estimate?year=2017&exclude=RU');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Download CSV/ }).click()]);
    expect(csv.suggestedFilename()).toBe('room39-estimate-2017-without-RU.csv');
    const { comment, rows } = readCsv((await csv.path()) as string);
    expect(comment).toMatch(/^# room39 revenue estimate 2017, 10000 draws, seed 1; scenario: RU left out: http:\/\/127\.0\.0\.1:\d+\/estimates\?year=2017&exclude=RU$/);
    const row = (part: string, measure: string, country?: string) => rows.find((x) => x.part === part && x.measure === measure && (country === undefined || x.country === country));
    expect(Number(row('total', 'revenue_usd')?.p50)).toBe(r.revenue_usd.p50);
    expect(Number(row('scenario', 'difference_usd', 'RU')?.p50)).toBe(r.scenario!.difference_usd.p50);
    expect(Number(row('country', 'revenue_usd', 'China')?.p95)).toBe(r.by_country.find((c) => c.country === 'CN')!.revenue_usd.p95);
    // Every sourced figure of every input is a row, with its quote (or where it stands in a cited source) and grade.
    const figures = r.inputs.flatMap((i) => i.sources);
    expect(rows.filter((x) => x.part === 'input' && x.figure_id)).toHaveLength(figures.length);
    const quoted = figures.find((f) => f.quote)!;
    expect(rows).toContainEqual(expect.objectContaining({ figure_id: quoted.figure_id, quote: quoted.quote, grade: quoted.grade }));
    // A cited figure (its text not bundled) keeps both where it stands and what it says (the statement was dropped when a locator was there).
    const cited = figures.find((f) => !f.quote && f.locator && f.statement)!;
    expect(rows).toContainEqual(expect.objectContaining({ figure_id: cited.figure_id, quote: '', locator: cited.locator, statement: cited.statement, grade: cited.grade }));
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Download JSON/ }).click()]);
    const saved = JSON.parse(fs.readFileSync((await json.path()) as string, 'utf8')) as EstimateResult;
    expect([saved.year, saved.scenario?.excluded, saved.revenue_usd]).toEqual([2017, ['RU'], r.revenue_usd]);
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('lets a researcher sign in and correct a claim by keyboard alone: focus lands in the page, Escape leaves a correction', async () => {
    const { page, context, problems } = await newPage(web.browser);
    const focused = () => page.evaluate(() => {
      const e = document.activeElement;
      return e ? `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.getAttribute('aria-label') ? ` ${e.getAttribute('aria-label')}` : ''}` : null;
    });
    await page.goto(`${web.server.url}/documents`);
    await page.getByLabel('Username').focus();
    await page.keyboard.type(ANALYST.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(ANALYST.password);
    await page.keyboard.press('Enter');
    await page.getByText('Signed in as').first().waitFor();
    // The form that had focus is gone: focus is on the page's content, not back at the document's start.
    await expect.poll(focused, { timeout: 15_000 }).toBe('main#main');
    await page.getByLabel('Document', { exact: true }).setInputFiles(SEED);
    await page.getByRole('button', { name: 'Upload and extract' }).click();
    // Extraction takes its time on a loaded machine.
    await page.waitForURL(/\/documents\/doc-/, { timeout: 120_000 });
    const first = page.locator('li.review-item').first();
    await first.waitFor({ timeout: 60_000 });
    const label = await first.getAttribute('aria-label');
    const pending = async () => Number(/^(\d+) pending claims?$/.exec((await page.locator('.queue .bulk p').textContent()) ?? '')?.[1]);
    const before = await pending();
    await first.focus();
    await page.keyboard.press('c');
    await expect.poll(focused, { timeout: 15_000 }).toMatch(/^input#.*-(low|country|entity)$/);
    await page.keyboard.press('Escape');
    await expect(page.locator('form.correct-form').count()).resolves.toBe(0);
    await expect.poll(focused, { timeout: 15_000 }).toBe(`li ${label}`);
    // The claim is still pending, and the next key decides it.
    await page.keyboard.press('r');
    await expect.poll(pending, { timeout: 15_000 }).toBe(before - 1);
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('shows a list entry\'s text as text and wraps its long names at 390 px: search, relations, screening', async () => {
    const { page, context, problems } = await newPage(web.browser, { width: 390, height: 844 });
    const check = async (where: string) => {
      // The first screening builds the matcher's index: on a loaded machine that takes a while.
      await page.getByText(RUN).first().waitFor({ timeout: 60_000 });
      const seen = await page.evaluate(() => ({ pwned: (window as unknown as { __pwned?: number }).__pwned ?? null, imgs: document.querySelectorAll('main img').length, wide: document.documentElement.scrollWidth }));
      expect({ where, ...seen }).toEqual({ where, pwned: null, imgs: 0, wide: 390 });
    };
    await page.goto(`${web.server.url}/search?q=${RUN}`);
    await check('search');
    await expect(page.locator('a.result-link').first().textContent()).resolves.toBe(MARKUP);
    await page.goto(`${web.server.url}/entity/r39-genco`);
    await check('relations');
    await page.goto(`${web.server.url}/screen?names=${RUN}`);
    await check('screening');
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('at 390 px, shows a shared entity link\'s page in the first screen: the stale-lists warning folds its list of versions', async () => {
    const { page, context, problems } = await newPage(web.browser, { width: 390, height: 844 });
    await page.goto(`${web.server.url}/entity/r39-genco`);
    const heading = page.getByRole('heading', { level: 1, name: 'Korea General Corporation for External Construction' });
    await heading.waitFor();
    const banner = page.locator('.list-freshness');
    await banner.getByText('Some official lists are out of date.').waitFor();
    // The page's name and its first actions are on the first screen, under the warning.
    expect(((await page.getByRole('button', { name: /^Download CSV/ }).boundingBox())?.y ?? Infinity) + 40).toBeLessThan(844);
    const ofac = banner.getByText(/OFAC Specially Designated Nationals \(SDN\) List: version 2024-05-03/);
    await expect(ofac.isVisible()).resolves.toBe(false);
    await banner.getByText('Each list, its version and age').click();
    await ofac.waitFor();
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('keeps keyboard focus visible against the page: a ring of 3:1 or more on links, buttons and citations', async () => {
    const { page, context, problems } = await newPage(web.browser);
    await page.goto(`${web.server.url}/entity/r39-genco`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const seen = new Map<string, number>();
    for (let i = 0; i < 40 && seen.size < 3; i++) {
      await page.keyboard.press('Tab');
      const ring = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        if (!el.closest('main')) return null;
        const rgb = (c: string) => (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
        const lum = ([r, g, b]: number[]) => [r!, g!, b!].map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)).reduce((a, v, k) => a + v * [0.2126, 0.7152, 0.0722][k]!, 0);
        const ratio = (a: number[], b: number[]) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x! + 0.05) / (y! + 0.05); };
        const style = getComputedStyle(el);
        const page = rgb(getComputedStyle(document.body).backgroundColor === 'rgba(0, 0, 0, 0)' ? getComputedStyle(document.documentElement).backgroundColor : getComputedStyle(document.body).backgroundColor);
        const rings = [style.outlineStyle !== 'none' ? style.outlineColor : null, style.boxShadow !== 'none' ? style.boxShadow : null].filter((c): c is string => c !== null);
        return { kind: el.tagName.toLowerCase(), best: Math.max(0, ...rings.map((c) => ratio(rgb(c), page))) };
      });
      if (ring && ['a', 'button', 'summary'].includes(ring.kind) && !seen.has(ring.kind)) seen.set(ring.kind, ring.best);
    }
    expect([...seen.keys()].sort()).toEqual(['a', 'button', 'summary']);
    for (const [kind, best] of seen) expect({ kind, best: best >= 3 }).toEqual({ kind, best: true });
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('shows a failed call as a failure, never with a "Loading…" that does not end, nor "No alerts"', async () => {
    const { page, context } = await newPage(web.browser);
    const status = (text: string) => page.getByRole('status').filter({ hasText: text });
    // The map's countries do not come.
    await page.route((url) => url.pathname === '/api/countries', (r) => r.abort('connectionrefused'));
    await page.goto(`${web.server.url}/`);
    await page.getByRole('alert').filter({ hasText: 'The map failed.' }).waitFor();
    await expect(status('Loading the map').count()).resolves.toBe(0);
    // One designation of the entity does not come.
    const genco = await api<EntityDocument>('/api/entities/r39-genco');
    const sanction = genco.relations.find((x) => x.schema === 'Sanction')!;
    await page.route(`**/api/entities/${sanction.id}`, (r) => r.abort('connectionrefused'));
    await page.goto(`${web.server.url}/entity/r39-genco`);
    await page.getByRole('alert').filter({ hasText: 'This designation failed.' }).waitFor();
    await expect(status('Loading the designation').count()).resolves.toBe(0);
    // The entity's figures and timeline, and the lists' ages, do not come: each says so rather than vanish.
    await page.route((url) => ['/api/figures', '/api/timeline', '/api/lists'].includes(url.pathname), (r) => r.abort('connectionrefused'));
    await page.goto(`${web.server.url}/entity/r39-kim-won-hong`);
    await page.getByRole('alert').filter({ hasText: 'Loading this entity\'s figures failed.' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'Loading this entity\'s timeline failed.' }).waitFor();
    await page.locator('.list-freshness').getByText('Whether the official lists are current could not be checked.').waitFor();
    // Search as you type in the header gets no answer: it says so under the box rather than stay blank.
    await page.route((url) => url.pathname === '/api/search', (r) => r.abort('connectionrefused'));
    await page.getByRole('combobox', { name: 'Search the evidence graph' }).fill('Mansudae');
    await page.getByRole('alert').filter({ hasText: /^Search failed: the room39 server did not answer/ }).waitFor();
    // The resolve page's counts and candidates do not come.
    await page.route('**/api/resolve**', (r) => r.abort('connectionrefused'));
    await page.goto(`${web.server.url}/resolve`);
    await page.getByRole('alert').filter({ hasText: 'The candidates failed.' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'Counting the entities failed.' }).waitFor();
    await expect(status('Counting').count()).resolves.toBe(0);
    await expect(status('Loading the candidates').count()).resolves.toBe(0);
    // A case whose alerts do not come does not say it has none.
    await page.route('**/alerts', (r) => r.abort('connectionrefused'));
    await page.goto(`${web.server.url}/cases/${encodeURIComponent(CASE)}`);
    await page.getByLabel('Username').fill(ANALYST.username);
    await page.getByLabel('Password').fill(ANALYST.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'The alerts failed.' }).waitFor();
    await expect(page.getByText('No alerts.').count()).resolves.toBe(0);
    // Nor does a library whose waiting suggestions do not come look as if none waited.
    await page.route((url) => url.pathname === '/api/documents/suggestions', (r) => r.abort('connectionrefused'));
    await page.goto(`${web.server.url}/documents`);
    await page.getByRole('alert').filter({ hasText: 'Loading the suggested documents failed.' }).waitFor();
    await context.close();
  });
});
