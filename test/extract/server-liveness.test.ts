/**
 * From outside, against a running `room39 serve` (issue 16, items 2 and 3):
 * `/healthz` answers within 1 s while a 200 KB text of capitalised words is
 * being extracted (before, extraction ran on the event loop, quadratic in a
 * run of capitals: minutes, with the whole server frozen); anonymous
 * `POST /api/documents` is refused by default, and so is the "suggest a
 * document" door until an operator opens it. (Refusal past the time and
 * memory budgets: pool.test.ts.)
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadedDataDir } from '../support/services.ts';
import { startServer, type ServerProcess } from '../security/server-process.ts';

let server: ServerProcess;
let dataDir: string;

beforeAll(async () => {
  dataDir = await loadedDataDir();
  server = await startServer({ ROOM39_DATA: dataDir });
}, 300_000);

afterAll(async () => {
  await server?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

let seed = 11;
const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
function capitals(chars: number): string {
  let s = '';
  while (s.length < chars) {
    let w = String.fromCharCode(65 + Math.floor(rnd() * 26));
    for (let i = 2 + Math.floor(rnd() * 7); i > 0; i--) w += String.fromCharCode(97 + Math.floor(rnd() * 26));
    s += `${w} `;
  }
  return s.slice(0, chars);
}

/** Polls /healthz every 100 ms until `work` settles; returns each answer's time in ms. */
async function healthWhile<T>(work: Promise<T>): Promise<{ result: T; times: number[] }> {
  const times: number[] = [];
  let done = false;
  const settled = work.finally(() => { done = true; });
  const poll = (async () => {
    while (!done) {
      const t0 = performance.now();
      const res = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(5000) });
      expect(res.status).toBe(200);
      times.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const result = await settled;
  await poll;
  return { result, times };
}

describe('a running server while documents are extracted', () => {
  it('answers /healthz within 1 s while 200 KB of capitals is extracted', async () => {
    // The first answers of a fresh server are slow (code compiled on first use, the store's caches cold): not what is measured.
    for (let i = 0; i < 10; i++) await fetch(`${server.url}/healthz`);
    const text = capitals(200_000);
    const { result, times } = await healthWhile(fetch(`${server.url}/api/extract`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: text }));
    expect(result.status).toBe(200);
    const body = (await result.json()) as { mentions: unknown[]; figures: unknown[] };
    expect(Array.isArray(body.mentions)).toBe(true);
    expect(times.length).toBeGreaterThan(0);
    expect(Math.max(...times)).toBeLessThan(1000);
  }, 120_000);

  it('refuses anonymous document submission, and the suggestion door while it is closed', async () => {
    const res = await fetch(`${server.url}/api/documents`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'About 400 North Korean workers are employed in Poland.' });
    expect(res.status).toBe(401);
    const suggest = await fetch(`${server.url}/api/documents/suggest`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'About 400 North Korean workers are employed in Poland.' });
    expect(suggest.status).toBe(403);
    expect(((await suggest.json()) as { error: { message: string } }).error.message).toMatch(/does not take document suggestions/);
  }, 60_000);
});
