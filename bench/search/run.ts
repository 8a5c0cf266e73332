/**
 * Search ranking on the written query sets: the share of queries whose first
 * result is the expected entity (any of its records, or its referents) or
 * the expected country's page. `--set dev` is the set tuned on
 * (dev-queries.json); `--set heldout` the 101 committed before any ranking
 * change (queries.json), never tuned on.
 *
 *   npx tsx bench/search/run.ts --set heldout [--show-failures]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openTestServices } from '../../test/support/services.ts';
import type { SearchHit } from '../../src/store/search.ts';
import { searchWithCountries } from '../../src/store/country-search.ts';

interface Query { n: number; query: string; kind: string; expected: { ids?: string[]; country?: string } }

const here = path.dirname(fileURLToPath(import.meta.url));
const arg = (name: string) => { const i = process.argv.indexOf(`--${name}`); return i >= 0 ? process.argv[i + 1] : undefined; };
const set = arg('set') ?? 'dev';
const file = path.join(here, set === 'heldout' ? 'queries.json' : 'dev-queries.json');
const queries = (JSON.parse(fs.readFileSync(file, 'utf8')) as { queries: Query[] }).queries;

export function passes(q: Query, first: SearchHit | undefined): boolean {
  if (!first) return false;
  if (q.expected.country) return first.schema === 'Country' && first.id === `country-${q.expected.country.toLowerCase()}`;
  const ids = new Set(q.expected.ids ?? []);
  return ids.has(first.id) || (first.referents ?? []).some((r) => ids.has(r));
}

const t = await openTestServices();
try {
  const byKind = new Map<string, { pass: number; n: number }>();
  const failures: string[] = [];
  for (const q of queries) {
    const hits = await searchWithCountries(t.services.db, q.query, { limit: 5 });
    const ok = passes(q, hits[0]);
    const k = byKind.get(q.kind) ?? { pass: 0, n: 0 };
    k.n++; if (ok) k.pass++;
    byKind.set(q.kind, k);
    if (!ok) failures.push(`${q.n} "${q.query}" → ${hits.slice(0, 3).map((h) => `${h.id} (${h.caption}, ${h.score.toFixed(2)})`).join('; ') || 'nothing'}`);
  }
  const pass = queries.length - failures.length;
  console.log(`${set}: ${pass} of ${queries.length} ranked first (${((100 * pass) / queries.length).toFixed(1)}%)`);
  for (const [kind, k] of [...byKind].sort()) console.log(`  ${kind.padEnd(12)} ${k.pass}/${k.n}`);
  if (process.argv.includes('--show-failures')) for (const f of failures) console.log(`  ✗ ${f}`);
} finally {
  await t.dispose();
}
