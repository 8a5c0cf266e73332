/**
 * Checks bench/search/queries.json against the official list files (../shared/data/official
 * from the repository root, or ROOM39_OFFICIAL) and the dataset: every expected id exists, every
 * country is an ISO 3166-1 alpha-2 code, and each expected id set holds every record of the real
 * entity as bench/resolve/dprk-names-100.json groups it (never records of two entities).
 * Exits 1 with the list of problems.
 *
 *   npx tsx bench/search/check.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import countries from 'i18n-iso-countries';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { readAll } from '../resolve/official-lists.ts';
import type { NameItem } from '../resolve/score.ts';

export type Expected = { ids: string[] } | { country: string };
export interface Query { n: number; query: string; kind: string; expected: Expected; why: string }

const problems: string[] = [];
const fail = (msg: string) => problems.push(msg);

function main(): void {
  const records = readAll(REPO_ROOT);
  const { queries } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'bench/search/queries.json'), 'utf8')) as { queries: Query[] };
  const names = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'bench/resolve/dprk-names-100.json'), 'utf8')) as { items: NameItem[] };
  const groups = names.items.flatMap((it) => it.expected.map((e) => e.records));

  if (queries.length < 60) fail(`only ${queries.length} queries`);
  const seen = new Set<string>();
  for (const q of queries) {
    const where = `query ${q.n} "${q.query}"`;
    if (!q.query.trim() || seen.has(q.query)) fail(`${where}: empty or duplicate`);
    seen.add(q.query);
    if ('country' in q.expected) {
      if (!countries.isValid(q.expected.country) || q.expected.country !== q.expected.country.toUpperCase() || q.expected.country.length !== 2) {
        fail(`${where}: ${q.expected.country} is not an upper-case ISO alpha-2 code`);
      }
      continue;
    }
    const ids = q.expected.ids;
    if (!ids.length) fail(`${where}: no expected id`);
    for (const id of ids) if (!records.has(id)) fail(`${where}: unknown record id ${id}`);
    const touched = groups.filter((g) => g.some((id) => ids.includes(id)));
    for (const g of touched) {
      const missing = g.filter((id) => !ids.includes(id));
      if (missing.length) fail(`${where}: the entity of ${g[0]} also has ${missing.join(', ')}`);
    }
    const disjoint = touched.some((a) => touched.some((b) => !a.some((id) => b.includes(id))));
    if (disjoint) fail(`${where}: the ids mix two real entities`);
  }
  for (const must of ['Poland', 'Kuwait', 'Malta', 'Qatar', 'Rungrado', 'KOMID', 'Mansudae', 'Room 39']) {
    if (!seen.has(must)) fail(`the issue's query "${must}" is missing`);
  }
  if (problems.length) {
    console.error(`${problems.length} problem(s):\n${problems.join('\n')}`);
    process.exit(1);
  }
  const byKind = queries.reduce<Record<string, number>>((c, q) => ({ ...c, [q.kind]: (c[q.kind] ?? 0) + 1 }), {});
  console.log(`ok: ${queries.length} queries (${Object.entries(byKind).map(([k, v]) => `${v} ${k}`).join(', ')}); every id found in the lists and the dataset`);
}

main();
