/**
 * Checks bench/resolve/dprk-names-100.json and pairs-labelled.json against the official list
 * files (../shared/data/official from the repository root, or ROOM39_OFFICIAL) and the dataset:
 * every cited id exists, the random draws are the ones draw.ts and pairs-draw.ts give, each item
 * is consistent (no record in two entities, the ideal answer scores a pass), and the pair labels
 * agree with the groupings. Exits 1 with the list of problems.
 *
 *   npx tsx bench/resolve/check.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { readAll, type SetRecord } from './official-lists.ts';
import { STRATA, SEED, drawOrder } from './draw.ts';
import { drawPairs } from './pairs-draw.ts';
import { scoreItem, type NameItem, type LabelledPair } from './score.ts';

const here = path.join(REPO_ROOT, 'bench/resolve');
type Drawn = { how: 'must-have'; why: string } | { how: 'random'; stratum: string; rank: number; record: string };
type Item = NameItem & { drawn: Drawn; variant: string };
interface NamesSet { items: Item[]; skipped_draws: Array<{ stratum: string; rank: number; record: string; target_of_item: number }> }
interface PairsSet { pairs: Array<LabelledPair & { n: number; reason: string; drawn_by: string }> }

const problems: string[] = [];
const fail = (msg: string) => problems.push(msg);

function checkIds(records: Map<string, SetRecord>, names: NamesSet, pairs: PairsSet): number {
  const cited = new Set<string>();
  for (const it of names.items) {
    for (const e of it.expected) for (const id of [...e.records, ...(e.may_include ?? [])]) cited.add(id);
    if (it.drawn.how === 'random') cited.add(it.drawn.record);
  }
  for (const p of pairs.pairs) cited.add(p.a).add(p.b);
  for (const id of cited) if (!records.has(id)) fail(`unknown record id ${id}`);
  return cited.size;
}

function checkItems(names: NamesSet): void {
  if (names.items.length !== 100) fail(`dprk-names-100 has ${names.items.length} items`);
  for (const it of names.items) {
    const where = `item ${it.n}`;
    if (!it.input.name.trim()) fail(`${where}: empty query`);
    if (it.expected.filter((e) => e.role === 'target').length !== 1 || it.expected[0]?.role !== 'target') fail(`${where}: the first expected entity must be the only target`);
    const owner = new Map<string, number>();
    it.expected.forEach((e, i) => {
      if (!e.basis?.trim()) fail(`${where}: entity ${i} has no basis`);
      for (const id of e.records) {
        if (owner.has(id)) fail(`${where}: ${id} stands in two entities`);
        owner.set(id, i);
      }
      for (const id of e.may_include ?? []) if (e.records.includes(id)) fail(`${where}: ${id} both a record and may_include`);
    });
    const ideal = it.expected.map((e) => e.records);
    const score = scoreItem(it, ideal);
    if (!score.complete) fail(`${where}: the ideal answer does not pass (${score.problems.join('; ')})`);
    const target = it.expected[0]?.records ?? [];
    if (target.length > 1 && scoreItem(it, target.map((id) => [id])).pass) fail(`${where}: a split answer passes`);
  }
}

function checkDraw(records: Map<string, SetRecord>, names: NamesSet): void {
  const all = [...records.values()];
  const targets = new Map<string, number>();
  for (const it of names.items) for (const id of it.expected[0]?.records ?? []) if (!targets.has(id)) targets.set(id, it.n);
  const skipped = new Set(names.skipped_draws.map((s) => s.record));
  STRATA.forEach((s, n) => {
    const name = `${s.list === 'unsc' ? 'unsc' : s.list} ${s.kind}`;
    const order = drawOrder(all.filter((r) => r.list === s.list && r.kind === s.kind && r.dprk), SEED + n);
    const taken = names.items.filter((it) => it.drawn.how === 'random' && it.drawn.stratum === name);
    if (taken.length !== s.take) fail(`stratum ${name}: ${taken.length} items, expected ${s.take}`);
    let next = 0;
    for (const it of taken) {
      const d = it.drawn as Extract<Drawn, { how: 'random' }>;
      while (order[next] && skipped.has((order[next] as SetRecord).id)) next++;
      const expect = order[next];
      if (!expect || expect.id !== d.record || next + 1 !== d.rank) fail(`item ${it.n}: drawn ${d.record} rank ${d.rank}, the draw gives ${expect?.id} at rank ${next + 1}`);
      if (!it.expected[0]?.records.includes(d.record)) fail(`item ${it.n}: drawn record ${d.record} is not in its target`);
      next++;
    }
  });
  for (const s of names.skipped_draws) {
    const first = targets.get(s.record);
    if (first !== s.target_of_item) fail(`skipped ${s.record}: target of item ${first}, not ${s.target_of_item}`);
  }
}

function checkPairs(records: Map<string, SetRecord>, names: NamesSet, pairs: PairsSet): void {
  if (pairs.pairs.length < 60) fail(`only ${pairs.pairs.length} labelled pairs`);
  const key = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);
  const seen = new Set<string>();
  for (const p of pairs.pairs) {
    if (p.a === p.b) fail(`pair ${p.n}: a record paired with itself`);
    if (seen.has(key(p.a, p.b))) fail(`pair ${p.n}: duplicate`);
    seen.add(key(p.a, p.b));
    if (!['same', 'different', 'unsure'].includes(p.label) || !p.reason?.trim()) fail(`pair ${p.n}: label or reason missing`);
  }
  for (const { pool, taken } of drawPairs(records)) {
    const inSet = pairs.pairs.filter((p) => p.pool === pool).map((p) => key(p.a, p.b));
    const drawn = taken.map((p) => key(p.a, p.b));
    if (inSet.length !== drawn.length || drawn.some((k) => !inSet.includes(k))) fail(`pool ${pool}: the labelled pairs are not the draw (${inSet.length} vs ${drawn.length})`);
  }
  // The labels and the groupings of the 100 names must agree.
  const label = new Map(pairs.pairs.map((p) => [key(p.a, p.b), p.label]));
  for (const it of names.items) {
    it.expected.forEach((e, i) => {
      for (const a of e.records) {
        for (const b of e.records) if (a < b && label.get(key(a, b)) && label.get(key(a, b)) !== 'same') fail(`item ${it.n}: ${a}/${b} grouped but labelled ${label.get(key(a, b))}`);
        for (const other of it.expected.slice(i + 1)) for (const b of other.records) if (label.get(key(a, b)) === 'same') fail(`item ${it.n}: ${a}/${b} kept apart but labelled same`);
      }
    });
  }
}

function main(): void {
  const records = readAll(REPO_ROOT);
  const names = JSON.parse(fs.readFileSync(path.join(here, 'dprk-names-100.json'), 'utf8')) as NamesSet;
  const pairs = JSON.parse(fs.readFileSync(path.join(here, 'pairs-labelled.json'), 'utf8')) as PairsSet;
  const cited = checkIds(records, names, pairs);
  checkItems(names);
  checkDraw(records, names);
  checkPairs(records, names, pairs);
  if (problems.length) {
    console.error(`${problems.length} problem(s):\n${problems.join('\n')}`);
    process.exit(1);
  }
  const labels = pairs.pairs.reduce<Record<string, number>>((c, p) => ({ ...c, [p.label]: (c[p.label] ?? 0) + 1 }), {});
  console.log(`ok: ${names.items.length} names, ${pairs.pairs.length} pairs (${Object.entries(labels).map(([k, v]) => `${v} ${k}`).join(', ')}), ${cited} cited ids all found in the lists and the dataset`);
}

main();
