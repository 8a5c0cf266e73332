/**
 * The Screening page's file upload in a real browser (Debian's Chromium
 * through playwright-core), against the real server on the loaded store: the
 * file is read by the server's reader, as `room39 screen` and POST /api/screen
 * read it, never by a parser in the browser. A quote never closed is refused
 * with the reader's message (a designated person must not come back as
 * "0 with a match"); a semicolon-separated file is screened; a Windows-1252
 * file is read right and the page says it had to guess the encoding. A
 * large file's results are drawn a page of rows at a time (20,000 rows drawn
 * at once froze the tab).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/settings.ts';
import type { Browser, Page } from 'playwright-core';
import { ensureWebBuilt, launchChromium, newPage, screenshot, startServer, type RunningServer } from './harness.ts';
import { screeningService } from '../../src/screen/service.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  ensureWebBuilt();
  // The matcher's index is built before the browser clicks: the server runs in this process, and a click waits on it.
  server = await startServer(async (services) => { await screeningService(services.db); });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function upload(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page.getByLabel('…or a CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: bytes });
  await page.getByRole('button', { name: 'Screen', exact: true }).click();
}

describe('the Screening page reads an uploaded file on the server', { timeout: 180_000 }, () => {
  it('refuses an unclosed quote, screens a semicolon file and reads Windows-1252 with a note', async () => {
    const { page, context, problems } = await newPage(browser);
    await page.goto(server.url + '/screen');
    await page.getByRole('heading', { name: 'Screening', level: 1 }).waitFor();

    // A quote never closed: the reader's message, saying where; no result.
    await upload(page, 'unclosed.csv', Buffer.from('name,country\n"Kim Won Hong,KP\nJohn Smith,US\n'));
    const error = page.getByRole('alert').filter({ hasText: 'Screening failed' });
    await error.waitFor();
    await expect(error.textContent()).resolves.toMatch(/Screening failed\..*unclosed\.csv, line 2: data row 1 cannot be read: Quote Not Closed/);
    expect(await page.locator('#results-h').count()).toBe(0);
    expect(await page.getByText(/with a match/).count()).toBe(0);
    await screenshot(page, 'screen-upload-unclosed-quote');

    // Semicolon-separated: read as the CLI reads it, and Kim Won Hong is a match.
    await upload(page, 'semicolon.csv', Buffer.from('name;country\nKim Won Hong;KP\nJohn Smith;US\n'));
    const heading = page.locator('#results-h');
    await heading.waitFor({ timeout: 60_000 });
    await expect(heading.textContent()).resolves.toMatch(/^2 rows screened · [1-9]\d* with a match/);
    expect(await error.count()).toBe(0);
    await expect(page.locator('.read-note').textContent()).resolves.toMatch(/Read semicolon\.csv: 2 rows, as csv, utf-8, semicolon-separated/);
    const kim = page.locator('.screen-results > li').filter({ hasText: 'Kim Won Hong' });
    await expect(kim.locator('.row-head').textContent()).resolves.toMatch(/^Row 1: Kim Won Hong · country: KP/);
    await expect(kim.locator('.is-match').count()).resolves.toBeGreaterThan(0);
    await expect(kim.locator('.is-match').first().textContent()).resolves.toMatch(/Kim Won-hong/i);

    // Windows-1252: the accented name read right, and the page says the encoding was guessed.
    await upload(page, 'spain.csv', Buffer.from('name,country\nJosé Martínez,ES\n', 'latin1'));
    await page.locator('#results-h').filter({ hasText: /^1 row screened/ }).waitFor({ timeout: 60_000 });
    await expect(page.locator('.screen-results > li .row-head strong').first().textContent()).resolves.toBe('José Martínez');
    await expect(page.locator('.note-warning').textContent()).resolves.toMatch(/^spain\.csv: the file is not UTF-8; read as Windows-1252/);
    await expect(page.locator('.read-note').textContent()).resolves.toMatch(/Read spain\.csv: 1 row, as csv, windows-1252, comma-separated/);
    await screenshot(page, 'screen-upload-windows-1252');

    // The refused upload's 400 is the only console error the page may show.
    expect(problems.errors.filter((e) => !/Failed to load resource: the server responded with a status of 400/.test(e))).toEqual([]);
    await context.close();
  });

  it('says which column it read as the name, and which it left out', async () => {
    const { page, context, problems } = await newPage(browser);
    await page.goto(server.url + '/screen');
    await page.getByRole('heading', { name: 'Screening', level: 1 }).waitFor();
    // The bundled suppliers as a purchasing system exports them: a vendor number first, the name under another header.
    const [, ...suppliers] = fs.readFileSync(path.join(REPO_ROOT, 'data/examples/suppliers.csv'), 'utf8').trim().split('\n');
    const lines = ['Vendor ID,Supplier legal name,Type,Country Code', ...suppliers.map((l, i) => { const [name, schema, country] = l.split(','); return `V${100 + i},${name},${schema},${country}`; })];
    await upload(page, 'vendors.csv', Buffer.from(`${lines.join('\n')}\n`));
    await page.locator('#results-h').filter({ hasText: new RegExp(`^${suppliers.length} rows screened`) }).waitFor({ timeout: 60_000 });
    await expect(page.locator('.read-columns').textContent()).resolves
      .toMatch(/^Columns: Vendor ID → not read; Supplier legal name → name \(guessed\); Type → schema; Country Code → country\. If a column was read wrong/);
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('draws the results of a large file a page at a time, the downloads holding every row', async () => {
    const { page, context, problems } = await newPage(browser);
    await page.goto(server.url + '/screen');
    await page.getByRole('heading', { name: 'Screening', level: 1 }).waitFor();
    // The bundled suppliers every third row; between them, names nobody lists: 450 rows.
    const [header, ...suppliers] = fs.readFileSync(path.join(REPO_ROOT, 'data/examples/suppliers.csv'), 'utf8').trim().split('\n');
    const lines = [header!];
    for (let i = 0; i < 450; i++) lines.push(i % 3 === 0 ? suppliers[(i / 3) % suppliers.length]! : `Harbour ${i} Packaging Co Ltd,Company,CN,,`);
    await upload(page, 'suppliers-450.csv', Buffer.from(`${lines.join('\n')}\n`));
    await page.locator('#results-h').filter({ hasText: /^450 rows screened/ }).waitFor({ timeout: 120_000 });
    const rows = page.locator('.screen-results > li');
    expect(await rows.count()).toBe(200);
    await expect(page.locator('.more-rows').textContent()).resolves.toMatch(/Showing rows 1–200 of 450; the downloads hold every row\. Show 200 more/);
    await page.getByRole('button', { name: 'Show 200 more' }).click();
    expect(await rows.count()).toBe(400);
    await page.getByRole('button', { name: 'Show 50 more' }).click();
    expect(await rows.count()).toBe(450);
    expect(await page.locator('.more-rows').count()).toBe(0);
    await expect(rows.nth(449).locator('.row-head').textContent()).resolves.toMatch(/^Row 450: Harbour 449 Packaging Co Ltd/);
    // The CSV download holds every row, not only those drawn.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const csv = fs.readFileSync(await (await download).path(), 'utf8');
    expect(csv).toMatch(/\n450,/);
    expect(problems.errors).toEqual([]);
    await context.close();
  });
});
