/**
 * The browser tests' harness: builds the web app when web/dist is missing or
 * older than its sources, starts the real server in-process on a random
 * loopback port over a fresh PGlite data directory, and launches Debian's
 * Chromium through playwright-core. A browser that cannot start fails the
 * test: there is no skipping.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { REPO_ROOT, readSettings, type Settings } from '../../src/config/settings.ts';
import { openServices, type Services } from '../../src/services.ts';
import { createApp } from '../../src/server/app.ts';
import { loadedDataDir } from '../support/services.ts';

export const CHROMIUM = process.env.ROOM39_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];
export const SCREENSHOTS = path.join(REPO_ROOT, 'test-artifacts/screenshots');
const WEB = path.join(REPO_ROOT, 'web');
const DIST_INDEX = path.join(WEB, 'dist/index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds web/dist unless it is there and newer than web/src, web/index.html and the Vite config. */
export function ensureWebBuilt(): void {
  const sources = Math.max(newestMtime(path.join(WEB, 'src')), fs.statSync(path.join(WEB, 'index.html')).mtimeMs, fs.statSync(path.join(WEB, 'vite.config.ts')).mtimeMs);
  if (fs.existsSync(DIST_INDEX) && fs.statSync(DIST_INDEX).mtimeMs >= sources) return;
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', path.join(WEB, 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  if (!fs.existsSync(DIST_INDEX)) throw new Error('the web app build produced no web/dist/index.html');
}

export interface RunningServer {
  services: Services;
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** The real server, in this process, on 127.0.0.1 and a random port, over a private copy of the loaded test store. */
export async function startServer(prepare?: (services: Services) => Promise<void>, overrides: Partial<Settings> = {}): Promise<RunningServer> {
  const dataDir = await loadedDataDir(); // the curated dataset and the official lists (test/support/services.ts)
  const services = await openServices(readSettings({ ...overrides, dataDir, port: 0, databaseUrl: null }));
  if (prepare) await prepare(services);
  const app = createApp(services);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    services,
    url: `http://127.0.0.1:${port}`,
    dataDir,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await services.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: run scripts/test.sh (it installs Debian's chromium), or set ROOM39_CHROMIUM`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface PageProblems {
  errors: string[];
}

/** A page that records script errors and CSP violations, which every test then asserts away. */
export async function newPage(browser: Browser, options: { width?: number; height?: number } = {}): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: options.height ?? 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems: PageProblems = { errors: [] };
  page.on('pageerror', (e) => problems.errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource: the server responded with a status of 404/.test(m.text())) problems.errors.push(`console: ${m.text()}`);
  });
  return { context, page, problems };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** A browser test file's server and Chromium, started before its tests (the web app built first) and stopped after them. */
export interface WebFixture {
  readonly server: RunningServer;
  readonly browser: Browser;
}

/** Registers the file's beforeAll and afterAll; the fixture's server and browser are there once the tests run. */
export function webFixture(prepare?: (services: Services) => Promise<void>, timeoutMs = 600_000): WebFixture {
  let server: RunningServer | null = null;
  let browser: Browser | null = null;
  beforeAll(async () => {
    ensureWebBuilt();
    server = await startServer(prepare);
    browser = await launchChromium();
  }, timeoutMs);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(what: T | null, name: string): T => {
    if (!what) throw new Error(`the ${name} is not started: use it inside a test`);
    return what;
  };
  return { get server() { return started(server, 'server'); }, get browser() { return started(browser, 'browser'); } };
}
