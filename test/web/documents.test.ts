/**
 * The Documents page in a real browser (issue 17): a signed-in analyst's
 * document opens with its text highlighted beside its queue, figures and host
 * countries first; one key accepts, one rejects, two selected claims are
 * rejected at once; the library finds the document by its words and shows
 * the passage as text. Anonymous visitors get the suggestion form only when
 * the operator opened that door, a plain sentence saying so otherwise.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newPage, screenshot, webFixture } from './harness.ts';
import { createUser } from '../../src/auth/service.ts';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { readDocumentFile } from '../../src/ingest/documents/read.ts';
import { submitDocument } from '../../src/ingest/documents/service.ts';

const ANALYST = { username: 'docs-analyst', password: 'another-long-test-password-7' };
const SEED = path.join(REPO_ROOT, 'data/sources/seeds/003_013e44e156a0b3b0.txt');
const web = webFixture(async (services) => {
    await createUser(services.db, { ...ANALYST, role: 'analyst' }, 'test');
  }, 600_000);

describe('the Documents page', () => {
  it('reviews with one key per decision, rejects in bulk, and searches the library', async () => {
    const { page, context, problems } = await newPage(web.browser);
    await page.goto(web.server.url + '/documents');
    // Suggestions closed (the default): a plain sentence, no form; opened, the form.
    await page.getByText('This server does not take document suggestions.').waitFor();
    expect(await page.getByRole('button', { name: 'Suggest it' }).count()).toBe(0);
    web.server.services.settings.documents.publicSuggest = true;
    await page.reload();
    await page.getByRole('button', { name: 'Suggest it' }).waitFor();
    // A suggestion taken, then an empty file refused: the refusal alone is said, not the thanks for the one before.
    await page.getByLabel('Document', { exact: true }).setInputFiles(SEED);
    await page.getByRole('button', { name: 'Suggest it' }).click();
    await page.getByText('thank you: the document waits for an analyst').waitFor();
    await page.getByLabel('Document', { exact: true }).setInputFiles({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
    await page.getByRole('button', { name: 'Suggest it' }).click();
    await page.getByText('the document is empty (0 bytes)').waitFor();
    expect(await page.getByText('thank you: the document waits for an analyst').count()).toBe(0);
    problems.errors = problems.errors.filter((e) => !/status of 400/.test(e));
    web.server.services.settings.documents.publicSuggest = false;
    await page.getByLabel('Username').fill(ANALYST.username);
    await page.getByLabel('Password').fill(ANALYST.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Signed in as').first().waitFor();
    await page.getByLabel('Document', { exact: true }).setInputFiles(SEED);
    await page.getByRole('button', { name: 'Upload and extract' }).click();
    await page.waitForURL(/\/documents\/doc-/, { timeout: 120_000 });
    await page.locator('.review-item').first().waitFor();

    // Figures first, then host countries, each with its sentence.
    const types = await page.locator('.review-item .review-head .tl-type').allTextContents();
    const firstOther = types.findIndex((t) => !/worker count|share|money|country/i.test(t));
    expect(types.slice(0, firstOther).length).toBeGreaterThan(0);
    expect(types.slice(firstOther).some((t) => /worker count|share|country/i.test(t))).toBe(false);
    expect(await page.locator('.review-item blockquote').first().textContent()).toMatch(/\w+ \w+ \w+/);
    // What the bundled dataset already holds is marked, naming its source: no link to a library page it does not have.
    expect(await page.locator('.dup-note').count()).toBeGreaterThan(0);
    expect(await page.locator('.dup-note a[href^="/documents/seed-"]').count()).toBe(0);
    await expect(page.locator('.dup-note cite, .dup-note a[href^="http"]').first().textContent()).resolves.toMatch(/\w+/);

    const before = await page.locator('.review-item').count();
    // a: accept the claim in focus.
    const first = page.locator('.review-item').first();
    const claim = (await first.locator('.review-head strong').textContent()) ?? '';
    await first.locator('blockquote').click();
    await page.keyboard.press('a');
    await expect.poll(async () => page.locator('.review-item').count()).toBe(before - 1);
    const accepted = await web.server.services.db.query<{ text: string; status: string }>(`SELECT text, status FROM review_items WHERE status <> 'pending'`);
    expect(accepted).toEqual([{ text: claim, status: 'accepted' }]);
    // The decided claim leaves the list and focus goes to the one in its place: the next key decides that one, no click between.
    const next = (await page.locator('.review-item').first().locator('.review-head strong').textContent()) ?? '';
    await expect.poll(async () => page.evaluate(() => document.activeElement?.classList.contains('review-item') ?? false)).toBe(true);
    await page.keyboard.press('r');
    await expect.poll(async () => page.locator('.review-item').count()).toBe(before - 2);
    const [decidedNext] = await web.server.services.db.query<{ status: string }>(`SELECT status FROM review_items WHERE text = $1 AND status <> 'pending'`, [next]);
    expect(decidedNext?.status).toBe('rejected');
    // j moves, r rejects.
    await page.locator('.review-item').first().locator('blockquote').click();
    await page.keyboard.press('j');
    await page.keyboard.press('r');
    await expect.poll(async () => page.locator('.review-item').count()).toBe(before - 3);
    // x selects two; "Reject selected" rejects both.
    await page.locator('.review-item').nth(0).locator('blockquote').click();
    await page.keyboard.press('x');
    await page.locator('.review-item').nth(1).locator('blockquote').click();
    await page.keyboard.press('x');
    await page.getByRole('button', { name: 'Reject selected (2)' }).click();
    await expect.poll(async () => page.locator('.review-item').count()).toBe(before - 5);
    const [rejected] = await web.server.services.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM review_items WHERE status = 'rejected'`);
    expect(rejected!.n).toBe(4);
    expect(await page.locator('.doc-text mark.claim-accepted').count()).toBeGreaterThan(0);

    // c corrects a host-country claim: the grade chosen on the card goes with it, and the accepted card shows the corrected country.
    const countryCard = page.locator('.review-item').filter({ has: page.locator('.tl-type', { hasText: /^Country$/ }) }).first();
    const itemId = ((await countryCard.getByLabel('Grade').getAttribute('id')) ?? '').replace(/-grade$/, '');
    await countryCard.getByLabel('Grade').selectOption('B2');
    await countryCard.locator('blockquote').click();
    await page.keyboard.press('c');
    await countryCard.getByLabel('Country (ISO code or name)').fill('Mongolia');
    await countryCard.getByRole('button', { name: 'Save correction and accept' }).click();
    await expect.poll(async () => page.locator('.review-item').count()).toBe(before - 6);
    const corrected = await web.server.services.db.query<{ value: string; reliability: string }>(
      `SELECT st.value, st.reliability FROM review_items r JOIN statements st ON st.id = ANY(r.statement_ids) WHERE r.id = $1`, [itemId]);
    expect(corrected).toEqual([{ value: 'mn', reliability: 'B2' }]);
    await page.getByRole('link', { name: 'Accepted', exact: true }).click();
    await page.locator('.review-item .proposed dd', { hasText: 'Mongolia' }).waitFor();
    await screenshot(page, 'document-review');

    // The library finds the document by words of its text, the passage shown as text with the words marked.
    await page.goto(web.server.url + '/documents');
    // The queue of every document names the document each claim comes from, with a link to it.
    const from = page.locator('.queue .review-item').first().locator('.review-source a');
    const docHref = (await from.getAttribute('href')) ?? '';
    expect(docHref).toMatch(/^\/documents\/doc-/);
    const [doc] = await web.server.services.db.query<{ title: string }>(`SELECT title FROM sources WHERE id = $1`, [decodeURIComponent(docHref.slice('/documents/'.length))]);
    await expect(from.textContent()).resolves.toBe(doc!.title);
    await page.getByLabel('Search the documents’ text').fill('escapees trafficked');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.locator('.doc-list li').first().waitFor();
    await expect(page.locator('.doc-list .snippet mark').first().textContent()).resolves.toMatch(/escapee|traffick/i);
    await screenshot(page, 'document-library');
    expect(problems.errors).toEqual([]);
    await context.close();
  }, 600_000);

  it('corrects a share in percent, as its card shows it, and stores the fraction', async () => {
    const doc = await readDocumentFile(path.join(REPO_ROOT, 'data/sources/seeds/001_ed61e6457cd6775b.txt'));
    const { sourceId } = await submitDocument(web.server.services.db, doc, { submittedBy: `user:${ANALYST.username}` });
    const { page, context, problems } = await newPage(web.browser);
    await page.goto(`${web.server.url}/documents/${encodeURIComponent(sourceId)}`);
    await page.getByLabel('Username').fill(ANALYST.username);
    await page.getByLabel('Password').fill(ANALYST.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // "95%" on the card: the state's share of the workers' wages (seed 001).
    const card = page.locator('.review-item').filter({ hasText: '95%' }).first();
    await card.waitFor();
    const itemId = ((await card.getByLabel('Grade').getAttribute('id')) ?? '').replace(/-grade$/, '');
    await card.getByRole('button', { name: /^Correct/ }).click();
    await expect(card.getByLabel('Low (%)').inputValue()).resolves.toBe('95');
    await card.getByLabel('Low (%)').fill('90');
    await card.getByLabel('High (%)').fill('90%');
    await card.getByRole('button', { name: 'Save correction and accept' }).click();
    await expect.poll(async () => (await web.server.services.db.query<{ low: number; high: number; status: string }>(
      `SELECT f.low, f.high, r.status FROM review_items r JOIN figures f ON f.id = r.figure_id WHERE r.id = $1`, [itemId]))[0]).toEqual({ low: 0.9, high: 0.9, status: 'accepted' });
    expect(problems.errors).toEqual([]);
    await context.close();
  }, 300_000);
});
