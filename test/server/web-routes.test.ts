import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { WEB_ROUTE } from '../../src/server/app.ts';

/** A path of each page web/src/main.tsx routes, with a sample id where the page takes one. */
const SAMPLE: Record<string, string> = {
  entity: '/entity/r39-komid', network: '/network/r39-komid', country: '/country/pl', documents: '/documents/doc-1', cases: '/cases/suppliers',
};

describe('the web app fallback', () => {
  it('answers index.html for every page the web app routes, and for no API path', () => {
    const pages = [...fs.readFileSync(path.join(REPO_ROOT, 'web/src/main.tsx'), 'utf8').matchAll(/case '([a-z-]+)':/g)].map((m) => m[1]!);
    expect(pages.length).toBeGreaterThan(8);
    for (const p of pages) expect(WEB_ROUTE.test(SAMPLE[p] ?? `/${p}`), p).toBe(true);
    expect(WEB_ROUTE.test('/')).toBe(true);
    for (const p of ['/api/search', '/match/default', '/entities/x', '/country/poland', '/nosuch']) expect(WEB_ROUTE.test(p), p).toBe(false);
  });
});
