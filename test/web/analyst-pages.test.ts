/**
 * A policy analyst's reading of the country and estimate pages, in Chromium against the real server over the bundled
 * dataset and the official lists: a country page says which documented deployments name who sends or employs the
 * workers (Qatar: one of six, the others naming neither); the estimate page says how each figure under an input was read
 * (a worker's 0–15% slice under "state share" is the state's 85–100%) and sets a published "more than" as a bound.
 */
import { describe, expect, it } from 'vitest';
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

  it('the estimate for 2017 reads each input figure in words and a published bound as a bound', async () => {
    const { page, context, problems } = await newPage(web.browser);
    await page.goto(`${web.server.url}/estimates?year=2017`);
    const malaysia = page.locator('table.inputs tr').filter({ has: page.locator('th', { hasText: /^state share · Malaysia/ }) });
    await malaysia.waitFor();
    await expect(malaysia.locator('.figure-reading').allTextContents()).resolves.toEqual([
      "read as: wage split: one minus the workers' slice (0–0.15), so a state share of 0.85–1 (uniform)",
    ]);
    const bound = page.locator('table.comparison tr').filter({ hasText: 'at least $500 million a year' });
    await expect(bound.locator('td').nth(1).textContent()).resolves.toBe('at least $500 million');
    await expect(bound.locator('td').nth(3).textContent()).resolves.toMatch(/^\d\.\d\d×\d+% of the model's draws at or above it$/);
    expect(problems.errors).toEqual([]);
    await context.close();
  });
});
