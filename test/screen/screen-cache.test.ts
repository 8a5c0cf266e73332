/**
 * A screening run answers a repeated query from its MatchCache (issue 12:
 * supplier files name the same supplier again and again). The answers must
 * be exactly those of screening every row afresh: checked on the official
 * lists with names of the evaluation set (listed names, their variants,
 * unlisted Korean names), each row coming back with and without a country,
 * and with a cache so small that answers are forgotten and computed again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { readListFiles } from '../../src/ingest/lists/matchable.ts';
import type { EvalCase } from '../../src/match/evaluation.ts';
import { MatchCache } from '../../src/screen/screen.ts';
import { jsonWriter, parseScreeningOptions, runScreen, screenRow, ScreeningService, type CsvRow } from '../../src/screen/index.ts';
import { officialListFiles } from '../support/official.ts';

let service: ScreeningService;
const rows: CsvRow[] = [];
const options = parseScreeningOptions({});

beforeAll(async () => {
  service = new ScreeningService((await readListFiles(officialListFiles())).map((r) => r.entity));
  const { cases } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'test/match/eval-set.json'), 'utf8')) as { cases: EvalCase[] };
  const picked = cases.filter((_, i) => i % 16 === 0);
  // Each name three times: as it is, with a country, as it is again; then the whole list once more.
  for (const round of [0, 1]) {
    for (const c of picked) {
      for (const country of ['', 'KP', '']) rows.push({ row: rows.length + 1, input: { name: c.query, schema: round ? '' : (c.schema ?? ''), country } });
    }
  }
}, 300_000);

describe('MatchCache', () => {
  it('gives every row the answer it gets without a cache, byte for byte', async () => {
    const out: string[] = [];
    await runScreen(service, rows, options, [jsonWriter((s) => out.push(s))]);
    const fresh: string[] = [];
    const writer = jsonWriter((s) => fresh.push(s));
    for (const r of rows) writer.row(screenRow(service.matcher, r, options));
    writer.end(JSON.parse(out.join('')).summary);
    expect(out.join('')).toBe(fresh.join(''));
    const parsed = JSON.parse(out.join('')) as { rows: { matches: { match: boolean }[] }[] };
    expect(parsed.rows.filter((r) => r.matches.some((m) => m.match)).length).toBeGreaterThan(rows.length / 10);
  }, 300_000);

  it('computes a repeated query once, and again once a small cache has forgotten it', () => {
    const cache = new MatchCache(3);
    const first = rows.map((r) => screenRow(service.matcher, r, options, cache));
    // Per round, of each name's three rows the third repeats the first (the second has a country): two answers computed.
    expect(cache.hits).toBe(rows.length / 3);
    const again = rows.map((r) => screenRow(service.matcher, r, options, new MatchCache(1)));
    expect(again).toEqual(first);
    const big = new MatchCache();
    rows.forEach((r) => screenRow(service.matcher, r, options, big));
    // Round two repeats round one's queries for names whose schema was empty already.
    expect(big.hits).toBeGreaterThan(rows.length / 3);
  });
});
