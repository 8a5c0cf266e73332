/**
 * A corrected value in a real browser: on the reviewed seed document's page
 * the host country Kazakhstan (the reviewer's, where the quote says China)
 * and on Kazakhstan's page the worker count 40,000 (where the quote says
 * more than 50,000) each open to their quote with "Corrected by …: the source
 * says …", the reviewer's name shown as text, not markup; Russia, accepted as
 * extracted, is not marked. The CSV of the document's facts says the same.
 * An analyst's citation of the submitted document leads to its page in the
 * library; a reader signed out gets no such link (the library is analysts').
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage, screenshot, webFixture } from './harness.ts';
import { correctedSeed, REVIEWER, type CorrectedSeed } from '../review/corrected-seed.ts';
import { createUser } from '../../src/auth/service.ts';

const ANALYST = { username: 'library-analyst', password: 'a-long-test-password-61' };
let seed: CorrectedSeed | null = null;
const web = webFixture(async (services) => {
  seed = await correctedSeed(services.db);
  await createUser(services.db, { ...ANALYST, role: 'analyst' }, 'test');
});

/** Checks that `marked` citations are marked corrected, opens the first and returns what its note says. */
async function correctionNote(page: Page, marked: number): Promise<string> {
  const corrected = page.locator('details.cite', { has: page.locator('summary .cite-corrected') });
  await corrected.first().waitFor();
  expect(await corrected.count()).toBe(marked);
  await corrected.first().locator('summary').click();
  const note = corrected.first().locator('.cite-correction');
  await note.waitFor();
  expect(await note.locator('i').count()).toBe(0);
  return (await note.textContent()) ?? '';
}

describe('a corrected claim in the browser', () => {
  it('says who corrected it and what the source says, beside the quote', async () => {
    const { page, context, problems } = await newPage(web.browser);
    const { documentEntity } = seed!;
    await page.goto(`${web.server.url}/entity/${encodeURIComponent(documentEntity)}`);
    await page.locator('table.props').first().waitFor();
    const facts = await page.locator('table.props').first().innerText();
    expect(facts).toMatch(/Kazakhstan/);
    expect(facts).toMatch(/Russia/);
    expect(await correctionNote(page, 1)).toContain(`Corrected by ${REVIEWER}: the source says China`);
    await expect(page.locator('details.cite[open] blockquote').textContent()).resolves.toMatch(/China/);
    // The download of the entity's facts says it too, on the Kazakhstan row only.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download CSV/ }).click()]);
    const rows = fs.readFileSync((await csv.path()) as string, 'utf8').split('\r\n');
    expect(rows.find((r) => r.startsWith('entity_id,'))).toMatch(/,corrected_by,source_says$/);
    expect(rows.filter((r) => r.includes(',country,kz,'))).toEqual([expect.stringMatching(new RegExp(`,${REVIEWER},China$`))]);
    expect(rows.find((r) => r.includes(',country,ru,'))).toMatch(/,,$/);

    await page.goto(`${web.server.url}/country/kz`);
    await page.getByRole('heading', { name: 'Kazakhstan' }).waitFor();
    // The figure is cited twice: in the table of worker figures over time and in the list of the country's figures.
    expect(await correctionNote(page, 2)).toContain(`Corrected by ${REVIEWER}: the source says 50,000 or more workers`);
    await screenshot(page, 'corrected-provenance-country');
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('links a citation of a submitted document to its library page for an analyst only, asking who is signed in once a page', async () => {
    const { page, context, problems } = await newPage(web.browser);
    const sessionCalls: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/auth/session') sessionCalls.push(r.url());
    });
    const entity = `${web.server.url}/entity/${encodeURIComponent(seed!.documentEntity)}`;
    await page.goto(entity);
    const cite = page.locator('details.cite', { has: page.locator('summary .cite-corrected') }).first();
    await cite.locator('summary').click();
    await cite.locator('blockquote').waitFor();
    await expect(cite.getByRole('link', { name: 'in the library' }).count()).resolves.toBe(0);
    // The header, the page and each citation want the session: one request answers them all.
    expect(sessionCalls).toHaveLength(1);

    await page.goto(`${web.server.url}/documents`);
    await page.getByLabel('Username').fill(ANALYST.username);
    await page.getByLabel('Password').fill(ANALYST.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(`Signed in as ${ANALYST.username}`).first().waitFor();
    await page.goto(entity);
    await cite.locator('summary').click();
    const link = cite.getByRole('link', { name: 'in the library' });
    await expect(link.getAttribute('href')).resolves.toBe(`/documents/${encodeURIComponent(seed!.sourceId)}`);
    await link.click();
    await page.waitForURL(new RegExp(`/documents/${seed!.sourceId}$`));
    await page.getByText(/North Korean/).first().waitFor();
    expect(problems.errors).toEqual([]);
    await context.close();
  });
});
