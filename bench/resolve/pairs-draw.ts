/**
 * Candidate record pairs for bench/resolve/pairs-labelled.json, drawn by name and identifier
 * rules alone (no matcher, no score), then sampled with a fixed seed. Prints every pool with
 * its size and the sampled pairs; the labels in the JSON were written by reading the records.
 *
 *   npx tsx bench/resolve/pairs-draw.ts [--all]
 *
 * Pools (records: DPRK-related list entries, persons and organisations, plus the dataset's
 * Person/Organization/Company/PublicBody entities):
 *   same-words-across   two sources, a name of each with the same words (order, case, hyphens,
 *                       apostrophes ignored)
 *   same-words-within   one source, same words: namesakes inside one list
 *   rare-word           same kind, not same-words, sharing a distinctive word that at most 5
 *                       records use (generic words such as "trading" or "kim" never count)
 *   shared-number       a 7+ digit number (passport, IMO, registration) in the remarks of two
 *                       records of one list under different names
 *   seed                a dataset entity and a list record by the same-words or rare-word
 *                       rule (all taken)
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { officialDir, readAll, type SetRecord } from './official-lists.ts';
import { mulberry32 } from '../support/random.ts';

export const PAIR_SEED = 1419;
/** A word is rare when at most this many records use it. */
const RARE = 5;
export const TAKE: Record<string, number> = { 'same-words-across': 20, 'same-words-within': 99, 'rare-word': 24, 'shared-number': 99, seed: 99 };

/** Words that name a kind of body, a legal form or a very common surname, not an entity. */
const GENERIC = new Set(('korea korean dprk democratic peoples republic of the and for co company corp corporation ltd limited llc pte inc jv ' +
  'trading trade general group international shipping shpg marine maritime management bank banking credit commercial development ' +
  'industry industrial technology technical machinery joint venture import export center centre ministry department bureau ' +
  'committee commission office national academy science sciences state security army party workers workers central military ' +
  'kim ri pak park choe jo cho jang chang kang han jon jong yun son ko mun o hwang ryu yu so sin pae paek min hyon chu ku ra ' +
  'kwang chol yong song il nam su hyok chun myong tong ho sok kyong').split(' '));

export const words = (s: string): string[] =>
  s.toLowerCase().replace(/['’‘`"]/g, '').replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
const key = (s: string) => [...words(s)].sort().join(' ');

function population(all: SetRecord[]): SetRecord[] {
  const seedSchemas = new Set(['Person', 'Organization', 'Company', 'PublicBody']);
  return all.filter((r) => (r.list === 'r39' ? seedSchemas.has(r.schema ?? '') && r.dprk : r.dprk && (r.kind === 'person' || r.kind === 'organisation')));
}

export type Pair = { a: string; b: string; pool: string; why: string };

function pools(recs: SetRecord[], ofacRemarks: Map<string, string>): Map<string, Pair[]> {
  const out = new Map<string, Pair[]>();
  const add = (p: Pair) => out.set(p.pool, [...(out.get(p.pool) ?? []), p]);
  const df = new Map<string, number>();
  for (const r of recs) for (const w of new Set(r.names.flatMap(words))) df.set(w, (df.get(w) ?? 0) + 1);
  for (let i = 0; i < recs.length; i++) {
    for (let j = i + 1; j < recs.length; j++) {
      const [a, b] = [recs[i] as SetRecord, recs[j] as SetRecord];
      if (a.kind !== b.kind) continue;
      const same = a.names.find((x) => b.names.some((y) => key(x) === key(y) && key(x) !== ''));
      if (a.list === 'r39' && b.list === 'r39') continue;
      const seed = a.list === 'r39' || b.list === 'r39';
      if (same) { add({ a: a.id, b: b.id, pool: seed ? 'seed' : a.list === b.list ? 'same-words-within' : 'same-words-across', why: `same words: ${same}` }); continue; }
      const wa = new Set(a.names.flatMap(words).filter((w) => !GENERIC.has(w) && w.length > 2 && (df.get(w) ?? 0) <= RARE));
      const shared = [...new Set(b.names.flatMap(words))].filter((w) => wa.has(w));
      if (shared.length) add({ a: a.id, b: b.id, pool: seed ? 'seed' : 'rare-word', why: `shares ${shared.join(', ')}` });
    }
  }
  const byNumber = new Map<string, string[]>();
  for (const [id, rem] of ofacRemarks) for (const n of new Set(rem.match(/\b\d{7,}\b/g) ?? [])) byNumber.set(n, [...(byNumber.get(n) ?? []), id]);
  for (const [n, ids] of byNumber) if (ids.length === 2) add({ a: ids[0] as string, b: ids[1] as string, pool: 'shared-number', why: `both carry ${n}` });
  return out;
}

function sample(pairs: Pair[], take: number, seed: number): Pair[] {
  const sorted = [...pairs].sort((x, y) => `${x.a} ${x.b}`.localeCompare(`${y.a} ${y.b}`, 'en', { numeric: true }));
  const rand = mulberry32(seed);
  for (let i = sorted.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [sorted[i], sorted[j]] = [sorted[j] as Pair, sorted[i] as Pair];
  }
  return sorted.slice(0, take);
}

/** OFAC remarks of DPRK-related entries, for the shared-number pool. */
function ofacRemarks(ids: Set<string>): Map<string, string> {
  const text = fs.readFileSync(path.join(officialDir(REPO_ROOT), 'ofac/sdn.csv'), 'latin1');
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const id = `ofac-${line.split(',')[0]}`;
    if (ids.has(id)) out.set(id, line.slice(line.lastIndexOf(',"') + 2));
  }
  return out;
}

/** Every pool with its size and its seeded sample (or all of it). */
export function drawPairs(records: Map<string, SetRecord>, all = false): Array<{ pool: string; size: number; taken: Pair[] }> {
  const recs = population([...records.values()]);
  const byPool = pools(recs, ofacRemarks(new Set(recs.filter((r) => r.list === 'ofac').map((r) => r.id))));
  return Object.keys(TAKE).map((pool, n) => {
    const pairs = byPool.get(pool) ?? [];
    return { pool, size: pairs.length, taken: all ? pairs : sample(pairs, TAKE[pool] as number, PAIR_SEED + n) };
  });
}

function main(): void {
  for (const { pool, size, taken } of drawPairs(readAll(REPO_ROOT), process.argv.includes('--all'))) {
    console.log(`\n# ${pool}: ${size} candidate pairs, ${taken.length} shown`);
    for (const p of taken) console.log(`${p.a}\t${p.b}\t${p.why}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
