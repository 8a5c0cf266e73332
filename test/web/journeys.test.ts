/**
 * The web app's main journeys in a real browser (Debian's Chromium through
 * playwright-core), against the real server on the bundled dataset: find
 * Mansudae from the home page and open its network; the map and a country's
 * sourced figures; the timeline; change an estimate scenario; list text shown
 * as text, never as HTML. A screenshot of each page is saved as a test artefact.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ensureWebBuilt, launchChromium, newPage, screenshot, startServer, type RunningServer } from './harness.ts';
import { upsertSource, writeStatements, statementId } from '../../src/store/statements.ts';
import { refreshEntities } from '../../src/store/entities.ts';
import type { Statement } from '../../src/model/index.ts';
import { createUser } from '../../src/auth/service.ts';
import { REPO_ROOT } from '../../src/config/settings.ts';
import path from 'node:path';

export const HOSTILE_NAME = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">Hostile & Sons "Ltd"`;
const HOSTILE_ID = 'test-hostile-entity';
const ANALYST = { username: 'web-analyst', password: 'a-long-test-password-42' };
const SEED = path.join(REPO_ROOT, 'data/sources/seeds/003_013e44e156a0b3b0.txt');

async function addHostileEntity(server: Pick<RunningServer, 'services'>): Promise<void> {
  const db = server.services.db;
  await upsertSource(db, {
    id: 'test-hostile-source', kind: 'document', title: '<b>Hostile source</b><script>window.__pwned = 3</script>', publisher: null, author: null,
    published: '2024', url: 'javascript:alert(1)', dataset: 'test_hostile', version: null, sha256: null, file: null,
  });
  const base = { entityId: HOSTILE_ID, schema: 'Company', originalValue: null, dataset: 'test_hostile', sourceId: 'test-hostile-source', quoteStart: null, quoteEnd: null, page: null, reliability: 'C3' as const, firstSeen: '2024-01-01', lastSeen: '2024-01-01', recordedBy: 'test', reviewStatus: 'accepted' as const };
  const rows: Omit<Statement, 'id'>[] = [
    { ...base, prop: 'name', value: HOSTILE_NAME, quote: `quoted: ${HOSTILE_NAME}` },
    { ...base, prop: 'notes', value: '<iframe src="/"></iframe><a href="javascript:alert(1)">click</a>', quote: null },
  ];
  await writeStatements(db, rows.map((r) => ({ ...r, id: statementId(r) })));
  await refreshEntities(db, [HOSTILE_ID]);
}

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  ensureWebBuilt();
  server = await startServer(async (services) => {
    await addHostileEntity({ services });
    await createUser(services.db, { ...ANALYST, role: 'analyst' }, 'test');
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('web app in Chromium', { timeout: 240_000 }, () => {
  it('finds Mansudae from the home page with the keyboard and opens its network', async () => {
    const { page, context, problems } = await newPage(browser);
    await page.goto(server.url + '/');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    // The map draws the host countries, each a button with a label.
    await page.locator('svg.world-map path.map-country').first().waitFor();
    expect(await page.locator('svg.world-map .map-country').count()).toBeGreaterThan(15);
    await screenshot(page, 'home');

    const box = page.getByRole('combobox', { name: 'Search the evidence graph' });
    await box.click();
    await box.fill('Mansudae');
    await page.getByRole('option', { name: /Mansudae Overseas Project Group of Companies/ }).waitFor();
    await box.press('ArrowDown');
    await box.press('Enter');
    await page.waitForURL(/\/entity\/r39-mansudae-overseas-project-group$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Mansudae Overseas Project Group of Companies');
    // Sanctions with programme and authority, and the quote behind a property on demand.
    await page.getByRole('heading', { name: 'Sanctions' }).waitFor();
    await page.locator('.sanction').getByText(/Office of Foreign Assets Control/).first().waitFor();
    const firstCite = page.locator('table.props details.cite').filter({ has: page.locator('blockquote') }).first();
    await firstCite.locator('summary').click();
    await expect(firstCite.locator('blockquote').textContent()).resolves.toMatch(/\S/);
    await screenshot(page, 'entity');

    await page.getByRole('link', { name: 'Network', exact: true }).click();
    await page.waitForURL(/\/network\/r39-mansudae-overseas-project-group/);
    await page.locator('.network-canvas canvas').first().waitFor();
    await page.getByRole('heading', { name: /Network around Mansudae/ }).waitFor();
    const table = page.locator('.network-table');
    await table.locator('summary').click();
    await table.getByRole('link', { name: 'KOMID' }).waitFor();
    // Expanding a node from the table adds its relations and records it in the URL.
    const before = await table.locator('tbody tr').count();
    // The executive order the designation rests on links to every other designation under it.
    await table.locator('tbody tr', { hasText: 'Legal instrument' }).first().getByRole('button', { name: /^Expand / }).click();
    await page.waitForURL(/expand=/);
    await expect.poll(async () => table.locator('tbody tr').count()).toBeGreaterThan(before);
    // Export as GEXF.
    const [gexf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export GEXF' }).click()]);
    const gexfText = fs.readFileSync((await gexf.path()) as string, 'utf8');
    expect(gexfText).toContain('<gexf');
    expect(gexfText).toContain('Mansudae Overseas Project Group of Companies');
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PNG' }).click()]);
    expect(fs.readFileSync((await png.path()) as string).subarray(1, 4).toString()).toBe('PNG');
    await screenshot(page, 'network');
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('shows a host country\'s figures with source and quote, and keeps year and country in the URL', async () => {
    const { page, context, problems } = await newPage(browser);
    await page.goto(server.url + '/');
    await page.locator('#year').waitFor();
    await page.selectOption('#year', '2017');
    await page.waitForURL(/year=2017/);
    const russia = page.getByRole('button', { name: /^Russia:/ }).first();
    await russia.focus();
    await russia.press('Enter');
    await page.waitForURL(/country=RU/);
    const panel = page.locator('aside.country-panel');
    await panel.getByRole('heading', { name: 'Russia' }).waitFor();
    await panel.getByText(/Wage split/).first().waitFor();
    // The seed's wage split is quoted word for word; a figure from the public record is cited, not copied:
    // it says where in its source it stands and states the figure in room39's words.
    const quoted = panel.locator('details.cite', { has: page.locator('blockquote') }).first();
    await quoted.locator('summary').click();
    await expect(quoted.locator('blockquote').textContent()).resolves.toMatch(/\S/);
    const cited = panel.locator('details.cite', { hasText: 'Where in the source' }).first();
    await cited.locator('summary').click();
    await expect(cited.textContent()).resolves.toMatch(/Where in the source: \S/);
    await screenshot(page, 'home-country');
    // The shared URL opens the same view.
    const { page: again, context: c2 } = await newPage(browser);
    await again.goto(page.url());
    await again.locator('aside.country-panel').getByRole('heading', { name: 'Russia' }).waitFor();
    await expect(again.locator('#year').inputValue()).resolves.toBe('2017');
    await c2.close();
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('opens a host country\'s page from search: Poland, Kuwait, Malta and Qatar lead to their countries, not to list entries', async () => {
    const { page, context, problems } = await newPage(browser);
    for (const [name, cc] of [['Poland', 'pl'], ['Kuwait', 'kw'], ['Malta', 'mt'], ['Qatar', 'qa']] as const) {
      await page.goto(`${server.url}/search?q=${encodeURIComponent(name)}`);
      const first = page.locator('ol.results li').first();
      await first.waitFor();
      await expect(first.locator('.schema-tag').textContent()).resolves.toBe('Country');
      await first.locator('a.result-link').click();
      await page.waitForURL(new RegExp(`/country/${cc}$`));
      await expect(page.locator('h1').textContent()).resolves.toBe(name);
      await page.getByRole('heading', { name: 'Worker figures over time' }).waitFor();
    }
    await screenshot(page, 'country-qatar');
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('searches as you type with schema filters and arrow keys', async () => {
    const { page, context, problems } = await newPage(browser);
    await page.goto(server.url + '/search');
    const input = page.getByLabel('Name or alias');
    await input.fill('kim');
    await page.waitForURL(/q=kim/);
    await page.locator('ol.results li').first().waitFor();
    await page.getByLabel('Person', { exact: true }).check();
    await page.waitForURL(/schema=Person/);
    await expect.poll(async () => (await page.locator('ol.results .schema-tag').allTextContents()).every((t) => t === 'Person')).toBe(true);
    await input.focus();
    await input.press('ArrowDown');
    await expect.poll(async () => page.evaluate(() => document.activeElement?.classList.contains('result-link') ?? false)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/entity\//);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.goto(server.url + '/search?q=kim&schema=Person');
    await page.locator('ol.results li').first().waitFor();
    await screenshot(page, 'search');
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('lists designations, actions and TIP ratings on the timeline, filtered by type', async () => {
    const { page, context, problems } = await newPage(browser);
    await page.goto(server.url + '/timeline');
    await page.locator('.tl-designation').first().waitFor();
    expect(await page.locator('.tl-tip').count()).toBeGreaterThan(0);
    await page.getByLabel('Reports', { exact: true }).uncheck();
    await page.waitForURL(/types=/);
    await expect.poll(async () => page.locator('.tl-report').count()).toBe(0);
    expect(await page.locator('.tl-designation').count()).toBeGreaterThan(0);
    // A year range that is not applied, or that nothing falls in, is said (it showed every item, or "0 dated items", silently).
    await page.locator('#tl-from').fill('20l7');
    await page.getByText('“20l7” is not a year (four digits, e.g. 2017): it is not applied.').waitFor();
    await page.locator('#tl-from').fill('2017');
    await page.locator('#tl-to').fill('2016');
    await page.getByText('From 2017 is after to 2016: no date falls between them.').waitFor();
    await page.locator('#tl-to').fill('');
    await page.locator('#tl-from').fill('');
    await screenshot(page, 'timeline');
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('warns on every page that the official lists are old, naming each version, even where fetching is off', async () => {
    const ofac = /OFAC Specially Designated Nationals \(SDN\) List: version 2024-05-03, published 2024-05-03, \d+ days old — older than 7 days/;
    const { page, context, problems } = await newPage(browser);
    for (const path of ['/', '/screen']) {
      await page.goto(server.url + path);
      const banner = page.locator('.list-freshness');
      await banner.getByText('Some official lists are out of date.').waitFor();
      await banner.getByText(ofac).waitFor();
      await banner.getByText('UK Sanctions List: never loaded', { exact: true }).waitFor();
    }
    expect(problems.errors).toEqual([]);
    await context.close();
    // An operator who turned fetching off still screens against the old files: the banner must still say so.
    const off = await startServer(undefined, { lists: { urls: { ofac: null, un: null, uk: null, eu: null }, updateEveryHours: 0, timeoutMs: 1_000, maxBytes: 1, retries: 0 } });
    try {
      const second = await newPage(browser);
      await second.page.goto(off.url + '/screen');
      const banner = second.page.locator('.list-freshness');
      await banner.getByText(ofac).waitFor();
      await banner.getByText(/older than 7 days; fetching is off, so it is not updated/).first().waitFor();
      await banner.getByText('UK Sanctions List: never loaded (fetching is off)', { exact: true }).waitFor();
      await screenshot(second.page, 'list-freshness-fetching-off');
      expect(second.problems.errors).toEqual([]);
      await second.context.close();
    } finally {
      await off.stop();
    }
  });

  it('changes an estimate scenario: leaving out Russia lowers the revenue, and the URL keeps it', async () => {
    const { page, context, problems } = await newPage(browser);
    await page.goto(server.url + '/estimates');
    const p50 = page.getByTestId('revenue-p50');
    await p50.waitFor();
    const baseline = await p50.textContent();
    await page.locator('svg.sankey').waitFor();
    await expect(page.locator('svg.sankey').getAttribute('aria-label')).resolves.toMatch(/State Forestry Administration 40%/);
    // The wage pooled across the countries without one of their own is labelled so, not as the first borrower's (it was "(AE)").
    await expect(page.locator('.tornado-label').allTextContents()).resolves.toContain('monthly wage (pooled)');
    // The input that moves the model most, beside each published estimate, in the chart's words (it was the key "monthly wage:pooled").
    const drivers = (await page.locator('table.comparison tbody tr td:last-child').allTextContents()).join('\n');
    expect(drivers).toContain('monthly wage (pooled): $');
    expect(drivers).not.toMatch(/\w:\w/);
    // The share column says what it is a share of (the remainder showed "$0" at the median beside "4%"), and a small share is not "0%".
    await page.getByRole('columnheader', { name: 'Share of revenue (of the mean)' }).waitFor();
    const poland = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Poland', exact: true }) });
    await expect(poland.locator('td').last().textContent()).resolves.toBe('under 1%');
    await page.getByRole('checkbox', { name: /Russia/ }).check();
    await page.waitForURL(/exclude=RU/);
    await page.locator('.scenario-stat').waitFor();
    await expect.poll(async () => p50.textContent()).not.toBe(baseline);
    await expect(page.locator('.scenario-stat .stat-value').textContent()).resolves.toMatch(/^[-−]\$/);
    // The left-out country stays listed, so it can be put back.
    await expect(page.getByRole('checkbox', { name: /Russia/ }).isChecked()).resolves.toBe(true);
    // Each input with its sources.
    await page.locator('table.inputs details.cite').first().waitFor();
    await screenshot(page, 'estimates');
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('shows list and source text holding <script> and <img onerror> as text, never as HTML', async () => {
    const { page, context, problems } = await newPage(browser);
    await page.goto(server.url + '/entity/' + HOSTILE_ID);
    const h1 = page.getByRole('heading', { level: 1 });
    await h1.waitFor();
    await expect(h1.textContent()).resolves.toBe(HOSTILE_NAME);
    const cite = page.locator('table.props details.cite').first();
    await cite.locator('summary').click();
    await expect(cite.locator('blockquote').textContent()).resolves.toBe(`quoted: ${HOSTILE_NAME}`);
    // The source title and its javascript: URL are text too.
    await expect(cite.textContent()).resolves.toContain('<b>Hostile source</b>');
    expect(await page.locator('main a[href^="javascript:"]').count()).toBe(0);
    expect(await page.locator('main img, main iframe, main script').count()).toBe(0);
    // Search results and suggestions show it as text too.
    await page.goto(server.url + '/search?q=' + encodeURIComponent('Hostile Sons'));
    await page.locator('ol.results .caption').first().waitFor();
    await expect(page.locator('ol.results .caption').first().textContent()).resolves.toBe(HOSTILE_NAME);
    expect(await page.locator('main img, main iframe, main script').count()).toBe(0);
    await expect(page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
    await screenshot(page, 'hostile-text');
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('screens a CSV with progress, explains each match and downloads the report', async () => {
    const { page, context, problems } = await newPage(browser);
    await page.goto(server.url + '/screen');
    const filler = Array.from({ length: 517 }, (_, i) => `Harbour Supplier ${i + 1} Trading,`);
    const csv = ['name,country', '"Mansudae Overseas Project Group",', 'Korea Rungrado General Trading Corporation,KP', 'Acme Widgets Ltd,GB', ...filler].join('\n');
    await page.getByLabel('…or a CSV file').setInputFiles({ name: 'suppliers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Screen', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /of 520 rows screened/ }).waitFor();
    const heading = page.locator('#results-h');
    await heading.waitFor({ timeout: 90_000 });
    await expect(heading.textContent()).resolves.toMatch(/^520 rows screened · [1-9]\d* with a match/);
    await page.getByText('520 of 520 rows screened').waitFor();
    const first = page.locator('.screen-results > li').first();
    await expect(first.textContent()).resolves.toContain('Mansudae Overseas Project Group');
    await expect(first.locator('.is-match').count()).resolves.toBeGreaterThan(0);
    await first.locator('.flags li').first().waitFor();
    await first.locator('details.why summary').first().click();
    await expect(first.locator('details.why li').first().textContent()).resolves.toMatch(/name/);
    await page.getByLabel('Only rows with a match').check();
    await expect.poll(async () => page.locator('.screen-results > li.row-clear').count()).toBe(0);
    await screenshot(page, 'screening');
    const [html] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download HTML report' }).click()]);
    const report = fs.readFileSync((await html.path()) as string, 'utf8');
    expect(report).toContain('room39 screening report');
    expect(report).toContain('Mansudae Overseas Project Group');
    expect(report).not.toMatch(/<script/i);
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    const lines = fs.readFileSync((await csvDownload.path()) as string, 'utf8').split('\r\n');
    // The first line names the list versions screened against (issue 13), then the header.
    expect(lines[0]).toMatch(/^# room39 screening against: us_ofac_sdn 2024-05-03 .*un_sc_sanctions 2026-02-27/);
    expect(lines[1]).toBe('row,name,match,score,entity_id,caption,schema,datasets,flags,explanation');
    expect(lines.some((l) => l.startsWith('1,Mansudae Overseas Project Group,true,'))).toBe(true);
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON' }).click()]);
    expect((JSON.parse(fs.readFileSync((await json.path()) as string, 'utf8')) as { rows: unknown[] }).rows).toHaveLength(520);
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('uploads a seed document, highlights its mentions and figures, and accepts and corrects figures in review', async () => {
    const { page, context, problems } = await newPage(browser);
    await page.goto(server.url + '/documents');
    await page.getByLabel('Username').fill(ANALYST.username);
    await page.getByLabel('Password').fill(ANALYST.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Signed in as').first().waitFor();
    await page.getByLabel('Document', { exact: true }).setInputFiles(SEED);
    await page.getByRole('button', { name: 'Upload and extract' }).click();
    await page.waitForURL(/\/documents\/doc-/, { timeout: 60_000 });
    await page.locator('.doc-text mark.hl-figure').first().waitFor();
    expect(await page.locator('.doc-text mark.hl-country').count()).toBeGreaterThan(0);
    // The text is text: the document's own words, no markup from it.
    await expect(page.locator('.doc-text').textContent()).resolves.toContain('North Korea');
    await page.getByRole('link', { name: 'Figures', exact: true }).click();
    await page.waitForURL(/kind=figure/);
    const item = page.locator('.review-item').first();
    await item.waitFor();
    const claim = (await item.locator('.review-head strong').textContent()) ?? '';
    await item.getByLabel('Grade').selectOption('B2');
    await item.getByRole('button', { name: /^Accept/ }).click();
    await expect.poll(async () => page.locator('.review-item .review-head strong', { hasText: claim }).count()).toBe(0);
    await page.getByRole('link', { name: 'Accepted', exact: true }).click();
    await page.waitForURL(/status=accepted/);
    // The accepted claim, with its reviewer (waiting for it: the pending list may still be on screen for a moment).
    await page.locator('.review-item', { hasText: claim }).filter({ hasText: `user:${ANALYST.username}` }).first().waitFor();
    const rows = await server.services.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM figures WHERE review_status = 'accepted' AND reliability = 'B2' AND recorded_by <> 'room39-curation'`);
    expect(rows[0]?.n).toBeGreaterThan(0);
    // Correct another figure, then it is accepted with the corrected value.
    await page.getByRole('link', { name: 'Pending', exact: true }).click();
    const next = page.locator('.review-item').first();
    await next.waitFor();
    await next.getByRole('button', { name: /^Correct/ }).click();
    await next.getByLabel('Period start (YYYY)').fill('2017');
    await next.getByLabel('Period end (YYYY)').fill('2017');
    await next.getByRole('button', { name: 'Save correction and accept' }).click();
    await page.getByRole('link', { name: 'Accepted', exact: true }).click();
    await expect.poll(async () => page.locator('.review-item').count()).toBeGreaterThan(1);
    await expect.poll(async () => page.locator('.review-item', { hasText: '2017' }).count()).toBeGreaterThan(0);
    await screenshot(page, 'documents');
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('serves the atlas the pages read: countries, a country, timeline, network, headline', async () => {
    const get = async <T,>(u: string, status = 200): Promise<T> => {
      const res = await fetch(server.url + u);
      expect(res.status, u).toBe(status);
      return (await res.json()) as T;
    };
    const countries = await get<{ year: number | null; years: number[]; countries: { cc: string; numeric: string | null; role: string; deployments: number }[] }>('/api/countries');
    expect(countries.countries.find((c) => c.cc === 'RU')).toMatchObject({ numeric: '643', role: 'host' });
    expect(countries.countries.find((c) => c.cc === 'KP')?.role ?? 'sending').toBe('sending');
    const ru = await get<{ name: string; figures: { quote: string | null; locator: string | null; statement: string | null; reliability: string; source: { title: string } }[]; deployments: unknown[] }>('/api/countries/ru');
    expect(ru.name).toBe('Russia');
    expect(ru.figures.length).toBeGreaterThan(0);
    // Each figure: a quote of a bundled seed, or the locator and statement of a cited publication.
    for (const f of ru.figures) expect((f.quote?.length || (f.locator?.length && f.statement?.length)) && f.source.title && f.reliability).toBeTruthy();
    expect(ru.figures.some((f) => f.quote)).toBe(true);
    expect(ru.figures.some((f) => f.quote === null && f.locator)).toBe(true);
    await get(`/api/countries/${encodeURIComponent("R' OR 1=1 --")}`, 400);
    const timeline = await get<{ items: { type: string; date: string }[] }>('/api/timeline?types=designation,delisting&from=2000');
    expect(timeline.items.length).toBeGreaterThan(0);
    expect(timeline.items.every((i) => (i.type === 'designation' || i.type === 'delisting') && i.date >= '2000')).toBe(true);
    await get('/api/timeline?types=bogus', 400);
    const net = await get<{ root: string; nodes: { id: string }[]; edges: { source: string; target: string; type: string }[] }>('/api/network/r39-mansudae-overseas-project-group?depth=2');
    expect(net.root).toBe('r39-mansudae-overseas-project-group');
    const ids = new Set(net.nodes.map((n) => n.id));
    expect(net.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
    expect(net.edges.some((e) => e.type === 'Sanction')).toBe(true);
    await get('/api/network/no-such-entity', 404);
    await get('/api/network/r39-mansudae-overseas-project-group?depth=9', 400);
    const headline = await get<{ workers: { quote: string | null; locator: string | null }[]; counts: { host_countries: number } }>('/api/headline');
    expect(headline.workers[0]?.quote || headline.workers[0]?.locator).toBeTruthy();
    expect(headline.counts.host_countries).toBeGreaterThan(10);
  });

  it('works at desktop and phone width: every page fits, the menu is reachable, Hangul renders in the bundled font', async () => {
    for (const [viewport, prefix] of [[{ width: 1280, height: 900 }, 'desktop'], [{ width: 375, height: 812 }, 'phone']] as const) {
      const { page, context, problems } = await newPage(browser, viewport);
      for (const [path, name, ready] of [
        ['/', 'home', 'svg.world-map'],
        ['/entity/r39-kim-won-hong', 'entity', 'table.props'],
        ['/network/r39-mansudae-overseas-project-group', 'network', '.network-canvas canvas'],
        ['/timeline', 'timeline', '.tl-item'],
        ['/estimates', 'estimates', 'svg.sankey'],
        ['/screen', 'screen', 'textarea#names'],
        // Anonymous, with suggestions closed (the default): the library, and the sentence in place of the form.
        ['/documents', 'documents', '#suggestions-closed'],
        ['/search?q=mansudae', 'search', 'ol.results li'],
        [`/search?q=${encodeURIComponent('김원홍')}`, 'search-hangul', 'ol.results li'],
      ] as const) {
        await page.goto(server.url + path);
        await page.locator(ready).first().waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${path} is wider than the ${prefix} viewport`).toBeLessThanOrEqual(1);
        await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Estimates' }).isVisible()).resolves.toBe(true);
        if (name === 'search-hangul') {
          // The machine has no Korean font: the Hangul query shown on the page is drawn from the bundled Hangul font (Noto Sans KR subsets).
          await expect(page.locator('body').textContent()).resolves.toContain('김원홍');
          const hangul = await page.evaluate(async () => {
            await document.fonts.load('16px "room39 Hangul"', '김원홍');
            await document.fonts.ready;
            return document.fonts.check('16px "room39 Hangul"', '김원홍');
          });
          expect(hangul).toBe(true);
        }
        await screenshot(page, `${prefix}-${name}`);
      }
      expect(problems.errors).toEqual([]);
      await context.close();
    }
  });
});
