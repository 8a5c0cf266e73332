/**
 * The screening cases pages in Chromium, as a compliance analyst meets them: opening /cases (or a case's
 * own address, from an alert) before signing in offers the sign-in form there — it once said only "log in
 * first" with no way to do so on the page — and deciding on a match takes an explicit choice: the form
 * once came with "False positive" chosen, so a reason typed and "Record" pressed dismissed a listed match.
 * "Re-screen now" once said nothing at all, whether it worked or the server refused it; now it says which.
 * The cases are data/examples/suppliers.csv screened against the official lists of the loaded test store,
 * made by the analyst (a case is its maker's: src/cases/access.ts). A name is unique per owner only, so an admin
 * may see two analysts' cases of one name: each is linked by its id (by name, both led to an error naming the ids).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage, webFixture } from './harness.ts';
import { createUser } from '../../src/auth/service.ts';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { createCase, deleteCase, latestDecisions, getCase, listCaseRecords } from '../../src/cases/index.ts';
import { readScreenFile } from '../../src/screen/file-input.ts';
import { parseScreeningOptions } from '../../src/screen/options.ts';
import { screeningService } from '../../src/screen/service.ts';

const ANALYST = { username: 'case-analyst', password: 'a-long-test-password-43' };
const CASE = 'Suppliers / Q1 <2026>';
const GONE = 'Suppliers Q2';
// Names are unique per owner only: two analysts each keep a case of this name, and an admin sees both.
const SHARED = 'Suppliers Q3';
const OTHER = { username: 'case-analyst-two', password: 'a-long-test-password-44' };
const ADMIN = { username: 'case-admin', password: 'a-long-test-password-45' };

const web = webFixture(async (services) => {
    await createUser(services.db, { ...ANALYST, role: 'analyst' }, 'test');
    await createUser(services.db, { ...OTHER, role: 'analyst' }, 'test');
    await createUser(services.db, { ...ADMIN, role: 'admin' }, 'test');
    for (const [name, maker] of [[CASE, ANALYST], [GONE, ANALYST], [SHARED, ANALYST], [SHARED, OTHER]] as const) {
      await createCase(services.db, () => screeningService(services.db), {
        name, rows: readScreenFile(path.join(REPO_ROOT, 'data/examples/suppliers.csv')), fileName: 'suppliers.csv', info: () => null,
        options: parseScreeningOptions({}), actor: `user:${maker.username}`,
      });
    }
  }, 600_000);

async function signIn(page: Page, to: string) {
  await page.goto(to);
  await page.getByLabel('Username').fill(ANALYST.username);
  await page.getByLabel('Password').fill(ANALYST.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Rows with a match or a decision' }).waitFor();
}

describe('screening cases in the browser', { timeout: 240_000 }, () => {
  it('lets an analyst sign in on the case page, and records only the decision the analyst chose', async () => {
    const { page, context, problems } = await newPage(web.browser);
    // Arriving at the case's own address, signed out: the sign-in form is there.
    await page.goto(`${web.server.url}/cases/${encodeURIComponent(CASE)}`);
    await page.getByLabel('Username').fill(ANALYST.username);
    await page.getByLabel('Password').fill(ANALYST.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Rows with a match or a decision' }).waitFor();
    // Row 3, "Rhee Je-son", matches RI JE-SON of the UN list.
    const match = page.locator('li.match.is-match', { has: page.getByRole('link', { name: 'RI JE-SON' }) }).first();
    await match.waitFor();
    const record = match.getByRole('button', { name: 'Record' });
    await match.getByLabel('reason').fill('같은 사람: 리제선, same person as the UN entry');
    expect(await match.getByLabel('decision').inputValue()).toBe('');
    expect(await record.isDisabled()).toBe(true);
    await match.getByLabel('decision').selectOption('confirmed');
    await record.click();
    await match.getByText('Confirmed match: 같은 사람: 리제선').waitFor();

    const k = await getCase(web.server.services.db, CASE);
    const decided = [...(await latestDecisions(web.server.services.db, k.id)).values()];
    expect(decided).toHaveLength(1);
    expect(decided[0]).toMatchObject({ row: 3, decision: 'confirmed', actor: expect.stringContaining(ANALYST.username) });

    // The list of cases, after signing in, names this one.
    await page.goto(`${web.server.url}/cases`);
    await page.getByRole('link', { name: CASE }).waitFor();
    expect(problems.errors.filter((e) => !/status of 401/.test(e))).toEqual([]);

    // The HTML audit report, opened from the case page, is styled as the saved file is: the app's CSP
    // (no inline style) once left it bare, and Chromium reported each refused style.
    await page.goto(`${web.server.url}/cases/${encodeURIComponent(CASE)}`);
    const [report] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: 'Report (HTML)' }).click()]);
    const reportErrors: string[] = [];
    report.on('console', (m) => { if (m.type() === 'error') reportErrors.push(m.text()); });
    await report.getByRole('heading', { name: `Screening case report: ${CASE}` }).waitFor();
    await report.reload();
    await report.getByRole('heading', { name: `Screening case report: ${CASE}` }).waitFor();
    expect(await report.locator('th').first().evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(243, 243, 243)');
    expect(await report.locator('th').first().evaluate((e) => getComputedStyle(e).width)).toBe('224px');
    await expect(report.evaluate(() => document.body.textContent ?? '')).resolves.toContain('같은 사람: 리제선');
    expect(reportErrors).toEqual([]);
    await context.close();
  });

  it('says what came of "Re-screen now": nothing new to screen against, or why the server refused it', async () => {
    const { page, context } = await newPage(web.browser);
    await signIn(page, `${web.server.url}/cases/${encodeURIComponent(GONE)}`);
    const button = page.getByRole('button', { name: 'Re-screen against new list versions now' });
    // The page reads the case again after a re-screen: the case is deleted only once it has (else the page finds it gone first).
    const caseApi = `/api/cases/${encodeURIComponent(GONE)}`;
    const reread = Promise.all([caseApi, `${caseApi}/alerts`, `${caseApi}/rows`].map((p) =>
      page.waitForResponse((r) => r.request().method() === 'GET' && new URL(r.url()).pathname === p)));
    await button.click();
    await page.getByRole('status').filter({ hasText: 'No list version was imported since the last screening: nothing to re-screen.' }).waitFor();
    await reread;

    // The case is deleted meanwhile (by its maker in another tab, or on the command line): the server answers 404.
    await deleteCase(web.server.services.db, GONE, 'cli:test');
    await button.click();
    const failed = page.getByRole('alert').filter({ hasText: 'Re-screening failed.' });
    await failed.waitFor();
    expect(await failed.textContent()).toContain(`no case named "${GONE}"`);
    expect(await page.getByRole('status').filter({ hasText: 'nothing to re-screen' }).count()).toBe(0);
    expect(await button.isEnabled()).toBe(true);
    await context.close();
  });

  it('links an admin to each of two analysts\' cases of one name by its id', async () => {
    const { page, context, problems } = await newPage(web.browser);
    await page.goto(`${web.server.url}/cases`);
    await page.getByLabel('Username').fill(ADMIN.username);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const links = page.getByRole('link', { name: SHARED, exact: true });
    await links.first().waitFor();
    const made = (await listCaseRecords(web.server.services.db)).filter((k) => k.name === SHARED);
    expect(made.map((k) => k.created_by).sort()).toEqual([`user:${ANALYST.username}`, `user:${OTHER.username}`]);
    expect((await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).sort()).toEqual(made.map((k) => `/cases/${k.id}`).sort());
    for (const k of made) {
      await page.goto(`${web.server.url}/cases/${k.id}`);
      await page.getByRole('heading', { name: SHARED, exact: true }).waitFor();
      await page.getByText(`by ${k.created_by}.`).waitFor();
    }
    expect(problems.errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
    await context.close();
  });

  it('offers the sign-in form on /cases to a visitor who is not signed in', async () => {
    const { page, context } = await newPage(web.browser);
    await page.goto(`${web.server.url}/cases`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.getByRole('link', { name: CASE }).count()).toBe(0);
    await context.close();
  });
});
