/**
 * Web app budgets: (1) the initial JavaScript, gzipped (the chunks index.html
 * loads: its module script and modulepreloads; the map, network, Sankey and
 * other pages load later), against 300 KB; (2) home-page load on the loopback
 * server in Chromium, against 1 s to interactive: the time from navigation
 * start to the app shell mounted (performance mark `room39:interactive`),
 * to the headline figures and to the map drawn, median and worst of N loads
 * in a fresh browser context each (cold browser cache, warm server).
 *
 * Usage: npx tsx bench/web/bench-web.ts [--runs 10] [--no-build]
 * ROOM39_DATA=DIR reuses a data directory (else a fresh one is made and filled).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { chromium } from 'playwright-core';
import { REPO_ROOT, readSettings } from '../../src/config/settings.ts';
import { openServices } from '../../src/services.ts';
import { createApp } from '../../src/server/app.ts';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] ?? 10) || 10;
const dist = path.join(REPO_ROOT, 'web/dist');
const BUDGET_JS_GZIP = 300 * 1024;
const BUDGET_INTERACTIVE_MS = 1000;

if (!args.includes('--no-build')) {
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', path.join(REPO_ROOT, 'web/vite.config.ts'), '--logLevel', 'warn'], { cwd: REPO_ROOT, stdio: 'inherit' });
}

// 1. Initial JavaScript: what index.html asks for before any page code runs.
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map((m) => m[1]!);
const sizeOf = (rel: string) => {
  const bytes = fs.readFileSync(path.join(dist, rel.replace(/^\//, '')));
  return { file: rel, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};
const initialSizes = initial.map(sizeOf);
const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+\.css)"/g)].map((m) => sizeOf(m[1]!));
const lazy = fs.readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js') && !initial.some((i) => i.endsWith(f))).map((f) => sizeOf(`/assets/${f}`));
const initialGzip = initialSizes.reduce((n, s) => n + s.gzip, 0);

// 2. Home page load.
const dataDir = process.env.ROOM39_DATA ?? fs.mkdtempSync(path.join(os.tmpdir(), 'room39-bench-web-'));
const services = await openServices(readSettings({ dataDir, port: 0, databaseUrl: null }));
const app = createApp(services);
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((r) => server.once('listening', r));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
const browser = await chromium.launch({
  executablePath: process.env.ROOM39_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
});
interface Sample { interactive: number; headline: number; map: number; dcl: number; load: number }
const samples: Sample[] = [];
for (let i = 0; i < runs + 1; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => ['room39:interactive', 'room39:headline', 'room39:map-drawn'].every((m) => performance.getEntriesByName(m).length > 0), null, { timeout: 30_000 });
  await page.waitForLoadState('load');
  // A string, not a function: tsx would wrap named helpers in a __name() the page does not have.
  const s = (await page.evaluate(`(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      interactive: performance.getEntriesByName('room39:interactive')[0].startTime,
      headline: performance.getEntriesByName('room39:headline')[0].startTime,
      map: performance.getEntriesByName('room39:map-drawn')[0].startTime,
      dcl: nav.domContentLoadedEventEnd,
      load: nav.loadEventEnd,
    };
  })()`)) as Sample;
  if (i > 0) samples.push(s); // the first load warms the server's caches
  await context.close();
}
await browser.close();
server.close();
await services.close();
if (!process.env.ROOM39_DATA) fs.rmSync(dataDir, { recursive: true, force: true });

const stat = (k: keyof Sample) => {
  const xs = samples.map((s) => s[k]).sort((a, b) => a - b);
  return { median: Math.round(xs[Math.floor(xs.length / 2)]!), max: Math.round(xs.at(-1)!) };
};
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const result = {
  when: new Date().toISOString(),
  machine: `${os.cpus().length} cores, ${os.loadavg()[0]!.toFixed(1)} load, Node ${process.version}`,
  initial_js: { files: initialSizes, gzip_total: initialGzip, budget: BUDGET_JS_GZIP, within_budget: initialGzip <= BUDGET_JS_GZIP },
  css,
  lazy_chunks: lazy.sort((a, b) => b.gzip - a.gzip),
  home_ms: { runs, interactive: stat('interactive'), headline: stat('headline'), map_drawn: stat('map'), dom_content_loaded: stat('dcl'), load: stat('load') },
  budget_interactive_ms: BUDGET_INTERACTIVE_MS,
  interactive_within_budget: stat('interactive').max <= BUDGET_INTERACTIVE_MS,
};
fs.writeFileSync(path.join(REPO_ROOT, 'bench/web/results.json'), JSON.stringify(result, null, 2) + '\n');
console.log(`initial JavaScript: ${kb(initialGzip)} gzip (${initialSizes.map((s) => `${path.basename(s.file)} ${kb(s.gzip)}`).join(', ')}); budget ${kb(BUDGET_JS_GZIP)}: ${result.initial_js.within_budget ? 'within' : 'OVER'}`);
console.log(`lazy chunks (gzip): ${lazy.slice(0, 6).map((s) => `${path.basename(s.file)} ${kb(s.gzip)}`).join(', ')}`);
const h = result.home_ms;
console.log(`home page over ${runs} loads, median / worst: interactive ${h.interactive.median} / ${h.interactive.max} ms; headline ${h.headline.median} / ${h.headline.max} ms; map drawn ${h.map_drawn.median} / ${h.map_drawn.max} ms; load event ${h.load.median} / ${h.load.max} ms`);
console.log(`budget 1 s to interactive: ${result.interactive_within_budget ? 'within' : 'OVER'}`);
