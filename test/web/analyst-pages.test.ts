/**
 * A policy analyst's reading of the country and estimate pages, in Chromium against the real server over the bundled
 * dataset and the official lists: a country page says which documented deployments name who sends or employs the
 * workers (Qatar: one of six, the others naming neither); the estimate page says how each figure under an input was read
 * (a worker's 0–15% slice under "state share" is the state's 85–100%) and sets a published "more than" as a bound;
 * the map asked for a year no figure covers says so; a viewer's account is told what its role may not do, instead of
 * documents and cases sections that each fail with "forbidden".
 */
import { describe, expect, it } from 'vitest';
import { createUser } from '../../src/auth/service.ts';
import { newPage, webFixture } from './harness.ts';

const web = webFixture();

describe('an analyst reads the country and estimate pages', { timeout: 240_000 }, () => {
  it('Qatar: who sends and employs the workers, or that the source names neither', async () => {
    const { page, context, problems } = await newPage(web.browser, { width: 390 });
    await page.goto(`${web.server.url}/country/qa`);
    const heading = page.getByRole('heading', { name: 'Who sends and employs the workers' });
    await heading.waitFor();
    const list = page.locator('h2:has-text("Who sends and employs the workers") ~ ul').first();
    const rows = await list.locator('> li').allTextContents();
    expect(rows).toHaveLength(6);
    expect(rows.filter((r) => r.includes('sent by North Korean government'))).toHaveLength(1);
    expect(rows.filter((r) => r.includes('sender and employer not named'))).toHaveLength(5);
    await expect(page.getByText('1 of 6 documented deployments name who sends or employs the workers.').count()).resolves.toBe(1);
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('the map asked for a year no figure covers says so, and does not offer another year as the one shown', async () => {
    const { page, context, problems } = await newPage(web.browser);
    await page.goto(`${web.server.url}/?year=1990`);
    const note = page.getByText(/^No worker figure in the graph is dated 1990: its figures run from \d{4} to \d{4}\./);
    await note.waitFor();
    await expect(page.locator('#year').inputValue()).resolves.toBe('1990');
    await expect(page.locator('#year option:checked').textContent()).resolves.toBe('1990 (no figures)');
    await page.goto(`${web.server.url}/?year=2017`);
    await page.getByRole('heading', { name: 'Where the workers are, 2017' }).waitFor();
    await expect(page.getByText(/^No worker figure in the graph is dated/).count()).resolves.toBe(0);
    await expect(page.locator('#year option').filter({ hasText: 'no figures' }).count()).resolves.toBe(0);
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('a viewer signed in: documents and cases say the analyst role is needed, and ask the server nothing it refuses', async () => {
    const viewer = { username: 'policy-viewer', password: 'a-long-test-password-46' };
    await createUser(web.server.services.db, { ...viewer, role: 'viewer' }, 'test');
    const { page, context, problems } = await newPage(web.browser, { width: 390 });
    const refused: string[] = [];
    page.on('response', (r) => { if (r.status() === 403) refused.push(r.url()); });
    await page.goto(`${web.server.url}/documents`);
    await page.getByLabel('Username').fill(viewer.username);
    await page.getByLabel('Password').fill(viewer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const note = 'Your account (policy-viewer, role viewer) reads the graph; adding, reading and reviewing documents needs the analyst role or above. '
      + 'Whoever runs this room39 can give it: room39 user role policy-viewer analyst.';
    await page.getByText(note).waitFor();
    await expect(page.getByRole('button', { name: 'Upload and extract' }).count()).resolves.toBe(0);
    await page.goto(`${web.server.url}/documents/seed-004`);
    await page.getByText(note).waitFor();
    await page.goto(`${web.server.url}/cases`);
    await page.getByText(/^Your account \(policy-viewer, role viewer\) reads the graph; keeping screening cases needs the analyst role or above\./).waitFor();
    await expect(page.getByText(/may not do this/).count()).resolves.toBe(0);
    expect(refused).toEqual([]);
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('the estimate for 2017 reads each input figure in words and a published bound as a bound', async () => {
    const { page, context, problems } = await newPage(web.browser);
    await page.goto(`${web.server.url}/estimates?year=2017`);
    const malaysia = page.locator('table.inputs tr').filter({ has: page.locator('th', { hasText: /^state share · Malaysia/ }) });
    await malaysia.waitFor();
    await expect(malaysia.locator('.figure-reading').allTextContents()).resolves.toEqual([
      "read as: wage split: one minus the workers' slice (0–0.15), so a state share of 0.85–1 (uniform)",
    ]);
    // What moves the estimate, in words as well as bars: each input from its 5th to its 95th percentile.
    await page.getByText(/^The values: the estimate with each input at its 5th and its 95th percentile/).click();
    const values = await page.locator('ul.tornado-values li').allTextContents();
    expect(values.length).toBe(8);
    expect(values[0]).toMatch(/^monthly wage \(pooled\): \$\d+ million → \$\d+ million$/);
    const bound = page.locator('table.comparison tr').filter({ hasText: 'at least $500 million a year' });
    // China in 2017 has counts of its own: no note under its name.
    await expect(page.locator('tr', { has: page.locator('th', { hasText: /^China/ }) }).first().locator('.country-basis').count()).resolves.toBe(0);
    await expect(bound.locator('td').nth(1).textContent()).resolves.toBe('at least $500 million');
    await expect(bound.locator('td').nth(3).textContent()).resolves.toMatch(/^\d\.\d\d×\d+% of the model's draws at or above it$/);
    // A year without a count of its own for a country says where the count comes from, in the table as in the CLI.
    await page.goto(`${web.server.url}/estimates?year=2021`);
    await page.getByRole('heading', { name: 'Revenue from labour export, 2021' }).waitFor();
    const china = page.locator('tr', { has: page.locator('th', { hasText: /^China/ }) }).first();
    await expect(china.locator('.country-basis').textContent()).resolves.toMatch(/^no figure for 2021: carried forward from 20\d\d \(\d years? away\)$/);
    expect(problems.errors).toEqual([]);
    await context.close();
  });
});
