/**
 * The web app as a journalist and a policy analyst first meet it, in Chromium
 * against the real server over the bundled dataset and the official lists:
 * a search that matches more names than a page lists, a subject search that
 * names a country, the estimate scenario's country list and reading, and a
 * country page asked for a code that is no country.
 */
import { describe, expect, it } from 'vitest';
import { newPage, webFixture } from './harness.ts';

const web = webFixture();

describe('web app, first steps of a journalist and an analyst', { timeout: 240_000 }, () => {
  it('says when more names match than it lists, and shows the next ones with the keyboard at the first of them', async () => {
    const { page, context, problems } = await newPage(web.browser);
    await page.goto(`${web.server.url}/search?q=Kim`);
    const count = page.locator('.result-count');
    await expect.poll(async () => count.textContent()).toBe('The first 50 results for “Kim”; more match (shown by relevance)');
    await expect(page.locator('ol.results li').count()).resolves.toBe(50);
    const all = ((await (await fetch(`${web.server.url}/api/search?q=Kim&limit=500`)).json()) as { results: unknown[] }).results.length;
    expect(all).toBeGreaterThan(50);
    await page.getByRole('button', { name: 'Show 50 more' }).click();
    await expect.poll(async () => page.locator('ol.results li').count()).toBe(Math.min(100, all));
    if (all <= 100) await expect.poll(async () => count.textContent()).toBe(`${all} results for “Kim”`);
    const focused = await page.evaluate(() => [...document.querySelectorAll('a.result-link')].indexOf(document.activeElement as Element));
    expect(focused).toBe(50);
    // A narrow search still says how many it found, with no button.
    await page.goto(`${web.server.url}/search?q=Mansudae`);
    await expect.poll(async () => count.textContent()).toMatch(/^\d results? for “Mansudae”$/);
    await expect(page.getByRole('button', { name: /Show \d+ more/ }).count()).resolves.toBe(0);
    // Each result says where its records come from: room39's graph joined with two lists, or one OFAC entry alone.
    const origin = (name: RegExp) => page.locator('ol.results li').filter({ hasText: name }).first().locator('.origin').textContent();
    await expect(origin(/^Mansudae Overseas Project Group of Companies/)).resolves.toBe(' · room39 graph · OFAC SDN · UN list');
    await expect(origin(/^MANSUDAE OVERSEAS PROJECTS ARCHITECTURAL/)).resolves.toBe(' · OFAC SDN');
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('leads "Chinese seafood" to China\'s page, and says what search finds when nothing or only a part matches', async () => {
    const { page, context, problems } = await newPage(web.browser);
    await page.goto(`${web.server.url}/search?q=${encodeURIComponent('Chinese seafood')}`);
    const first = page.locator('ol.results li').first();
    await first.waitFor();
    await expect(first.locator('.schema-tag').textContent()).resolves.toBe('Country');
    await expect(first.textContent()).resolves.toMatch(/China.*matched “Chinese”/);
    await first.locator('a.result-link').click();
    await page.waitForURL(/\/country\/cn$/);
    await page.goto(`${web.server.url}/search?q=${encodeURIComponent('zzqx unknownword')}`);
    const empty = page.getByText(/Nothing in the graph matches “zzqx unknownword”/);
    await empty.waitFor();
    await expect(empty.getByRole('link', { name: 'screen the name' }).getAttribute('href')).resolves.toBe('/screen?names=zzqx+unknownword');
    // No name holds all three words: the closest names, each saying which word it lacks.
    await page.goto(`${web.server.url}/search?q=${encodeURIComponent('Korea Namgang Construction')}`);
    await page.getByText(/No name holds every word of “Korea Namgang Construction”; the closest names/).waitFor();
    await expect(page.locator('ol.results li').first().textContent()).resolves.toMatch(/^Namgang Construction.*without “korea”$/);
    // A right-to-left query is isolated from the sentence around it, which keeps its order.
    await page.goto(`${web.server.url}/search?q=${encodeURIComponent('שלום 123')}`);
    await expect.poll(async () => page.locator('.result-count bdi').textContent()).toBe('שלום 123');
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('lists the host countries to leave out by name, and reads the scenario in names', async () => {
    const { page, context, problems } = await newPage(web.browser);
    await page.goto(`${web.server.url}/estimates?year=2017`);
    await page.getByTestId('revenue-p50').waitFor();
    const names = (await page.locator('.scenario fieldset label').allTextContents()).map((t) => t.trim());
    expect(names.length).toBeGreaterThan(5);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    await page.getByRole('checkbox', { name: 'Russia' }).check();
    await page.waitForURL(/exclude=RU/);
    await expect.poll(async () => page.locator('.scenario-stat .small').textContent()).toMatch(/^leaving out Russia \(RU\) changes the 2017 revenue by .* Kept in, Russia \(RU\) carries \d+%/);
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('says a code that is no country is not one, without "This country failed"', async () => {
    const { page, context } = await newPage(web.browser);
    await page.goto(`${web.server.url}/country/zz`);
    const note = page.getByRole('alert');
    await note.waitFor();
    await expect(note.textContent()).resolves.toBe('Opening this country\'s page failed. "ZZ" is not an ISO 3166-1 alpha-2 country code (such as RU, CN, MT)');
    await context.close();
  });

  it('writes a country’s figures as a reader says them: entries as people, no dataset key as a payee', async () => {
    const { page, context, problems } = await newPage(web.browser);
    await page.goto(`${web.server.url}/country/ru`);
    await page.locator('ul.figures li').first().waitFor();
    // Each figure as written before its citation (the citation's quote follows in the same item).
    const rows = (await page.locator('ul.figures li').allTextContents()).map((r) => r.split(' source ')[0]!);
    // Rosstat's North Koreans entering Russia for any purpose (it said "about 21,000 workers").
    expect(rows.some((r) => /^Entries: about 21,000 people 2019/.test(r))).toBe(true);
    expect(rows.filter((r) => r.startsWith('Entries')).every((r) => !/workers?\b/.test(r))).toBe(true);
    // The ambassador's gross wage of 2018 (it said "Monthly wage to employer_pays").
    expect(rows.some((r) => /^Monthly wage paid by the employer: about \$500 a month 2018/.test(r))).toBe(true);
    expect(rows.join('\n')).not.toMatch(/\w_\w/);
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('offers to screen the name of a company or a person, not of an event', async () => {
    const { page, context, problems } = await newPage(web.browser);
    await page.goto(`${web.server.url}/entity/r39-mansudae-overseas-project-group`);
    await page.getByRole('link', { name: 'Screen this name' }).waitFor();
    // "Mansudae’s workers leave Angola" screened against the sanctions lists meant nothing.
    await page.goto(`${web.server.url}/entity/r39-event-angola-mansudae-workers-leave-2017`);
    await page.getByRole('heading', { level: 1, name: 'Mansudae’s workers leave Angola' }).waitFor();
    await page.getByRole('button', { name: /Download CSV/ }).waitFor();
    expect(await page.getByRole('link', { name: 'Screen this name' }).count()).toBe(0);
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('names the entity, country or network in the document title, and drops the name on leaving', async () => {
    const { page, context, problems } = await newPage(web.browser);
    await page.goto(`${web.server.url}/entity/r39-kim-won-hong`);
    await page.getByRole('heading', { level: 1, name: 'Kim Won-hong' }).waitFor();
    await expect.poll(async () => page.title()).toBe('Kim Won-hong · Entity · room39');
    await page.goto(`${web.server.url}/country/ru`);
    await expect.poll(async () => page.title()).toBe('Russia · Country · room39');
    await page.goto(`${web.server.url}/network/r39-mansudae-overseas-project-group`);
    await expect.poll(async () => page.title()).toBe('Mansudae Overseas Project Group of Companies · Network · room39');
    // In-app navigation to another kind of page: its own title, no name left behind.
    await page.getByRole('link', { name: 'Timeline' }).first().click();
    await page.waitForURL(/\/timeline/);
    await expect.poll(async () => page.title()).toBe('Timeline · room39');
    expect(problems.errors).toEqual([]);
    await context.close();
  });
});
