/**
 * OpenRefine in a real browser (Debian's Chromium): a page served from a
 * second loopback port, OpenRefine's origin, does what OpenRefine's own
 * scripts do with a reconciliation service: registers it by fetching its
 * manifest (CORS), reconciles a column of names, asks the suggest and
 * propose-properties services, shows each candidate's preview in an
 * `<iframe sandbox>` built from the manifest's preview URL, and opens the
 * matched entity through the manifest's view URL in a new tab.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { openTestServices, type TestServices } from '../support/services.ts';
import { ensureWebBuilt, launchChromium, newPage, screenshot } from '../web/harness.ts';

const NAMES = ['Korea General Corporation for External Construction', 'Mansudae Overseas Project Group of Companies', 'Kim Won Hong'];

/** The "OpenRefine" page: plain DOM scripting, as OpenRefine's reconciliation panel and cell renderer work. */
function openRefinePage(service: string): string {
  const script = `
const SERVICE = ${JSON.stringify(service)};
const NAMES = ${JSON.stringify(NAMES)};
const log = (k, v) => { document.body.dataset[k] = typeof v === 'string' ? v : JSON.stringify(v); };
async function main() {
  // ReconciliationManager.registerStandardService: the manifest, read cross-origin as JSON.
  const manifest = await (await fetch(SERVICE)).json();
  log('versions', manifest.versions);
  // StandardReconConfig: the column's cells as one batch, sent as the form field queries=.
  const queries = {};
  NAMES.forEach((n, i) => { queries['q' + i] = { query: n, type_strict: 'should' }; });
  const res = await fetch(SERVICE, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'queries=' + encodeURIComponent(JSON.stringify(queries)) });
  const results = await res.json();
  const table = document.getElementById('cells');
  NAMES.forEach((n, i) => {
    const best = results['q' + i].result[0];
    const row = document.createElement('tr');
    const cell = document.createElement('td');
    cell.textContent = n;
    const link = document.createElement('a');
    link.className = 'candidate';
    link.target = '_blank';
    link.textContent = best.name;
    link.href = encodeURI(manifest.view.url.replace('{{id}}', best.id));
    link.dataset.id = best.id;
    // ReconCellRenderer.previewCandidateTopic: the preview in a sandboxed iframe of the manifest's size.
    link.addEventListener('mouseenter', () => {
      const frame = document.createElement('iframe');
      frame.setAttribute('sandbox', '');
      frame.width = manifest.preview.width;
      frame.height = manifest.preview.height;
      frame.src = encodeURI(manifest.preview.url.replace('{{id}}', best.id));
      document.getElementById('preview').replaceChildren(frame);
    });
    row.append(cell, document.createElement('td'));
    row.lastChild.append(link);
    table.append(row);
  });
  // The suggest box and the data-extension dialog call these from the page too.
  const s = manifest.suggest.entity;
  const suggest = await (await fetch(s.service_url + s.service_path + '?prefix=' + encodeURIComponent('Mansudae'))).json();
  log('suggest', suggest.result.map((r) => r.id));
  const p = manifest.extend.propose_properties;
  const proposal = await (await fetch(p.service_url + p.service_path + '?type=Company')).json();
  log('proposed', proposal.properties.map((x) => x.id));
  log('done', 'yes');
}
main().catch((e) => log('failed', String(e)));`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>OpenRefine</title></head><body>
<table id="cells"></table><div id="preview"></div><script>${script}</script></body></html>`;
}

let ts: TestServices;
let room39: ServerType;
let openRefine: http.Server;
let browser: Browser;
let room39Url = '';
let openRefineUrl = '';

beforeAll(async () => {
  ensureWebBuilt();
  ts = await openTestServices();
  const app = createApp(ts.services);
  room39 = await new Promise((resolve) => { const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s)); });
  room39Url = `http://127.0.0.1:${(room39.address() as AddressInfo).port}`;
  const page = openRefinePage(`${room39Url}/reconcile`);
  openRefine = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page));
  await new Promise<void>((resolve) => openRefine.listen(0, '127.0.0.1', () => resolve()));
  openRefineUrl = `http://127.0.0.1:${(openRefine.address() as AddressInfo).port}/`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (openRefine ? openRefine.close(() => resolve()) : resolve()));
  await new Promise<void>((resolve) => (room39 ? room39.close(() => resolve()) : resolve()));
  await ts?.dispose();
});

describe('OpenRefine in Chromium', { timeout: 300_000 }, () => {
  it('adds the service, reconciles a column, previews a candidate in a sandboxed iframe and opens its view link', async () => {
    const { page, context, problems } = await newPage(browser);
    await page.goto(openRefineUrl);
    await page.waitForFunction(() => document.body.dataset['done'] === 'yes' || document.body.dataset['failed'] !== undefined, null, { timeout: 240_000 });
    expect(await page.evaluate(() => document.body.dataset['failed'] ?? null)).toBeNull();
    expect(JSON.parse(await page.evaluate(() => document.body.dataset['versions']!))).toEqual(['0.2']);
    expect(JSON.parse(await page.evaluate(() => document.body.dataset['suggest']!))[0]).toBe('r39-mansudae-overseas-project-group');
    expect(JSON.parse(await page.evaluate(() => document.body.dataset['proposed']!))).toEqual(expect.arrayContaining(['country', 'program', 'designationDate', 'topics', 'url']));
    const links = page.locator('a.candidate');
    await expect.poll(() => links.count()).toBe(NAMES.length);

    // The preview: framed by OpenRefine's page, sandboxed, showing the candidate.
    const genco = links.nth(0);
    const id = (await genco.getAttribute('data-id'))!;
    await genco.hover();
    const frame = page.frameLocator('#preview iframe[sandbox]');
    await expect.poll(() => frame.locator('h3').textContent(), { timeout: 15_000 }).toMatch(/Korea General Corporation for External Construction/i);
    await screenshot(page, 'openrefine-preview');

    // The view link opens the entity's page of the web app in a new tab.
    const [tab] = await Promise.all([context.waitForEvent('page'), genco.click()]);
    await tab.waitForLoadState();
    expect(tab.url()).toBe(`${room39Url}/entity/${id}`);
    await tab.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await tab.getByRole('heading', { level: 1 }).first().textContent()).toMatch(/Korea General Corporation for External Construction/i);
    expect(await tab.title()).toMatch(/room39/);
    expect(problems.errors).toEqual([]);
    await context.close();
  });
});
