/**
 * The random part of bench/resolve/dprk-names-100.json: a seeded shuffle of the lists' own DPRK
 * entries (persons and organisations; vessels and aircraft left out), stratified by list and
 * kind. Prints each stratum in drawn order; the set takes the first records of each stratum whose
 * real entity is not already in the set (README.md gives the rule, the seed and the skips).
 *
 *   npx tsx bench/resolve/draw.ts [--top N]
 */
import { REPO_ROOT } from '../../src/config/settings.ts';
import { readAll, type SetRecord } from './official-lists.ts';
import { mulberry32 } from '../support/random.ts';

export const SEED = 1914;
/** How many records each stratum gives to the set. */
export const STRATA: Array<{ list: SetRecord['list']; kind: 'person' | 'organisation'; take: number }> = [
  { list: 'ofac', kind: 'person', take: 18 },
  { list: 'ofac', kind: 'organisation', take: 18 },
  { list: 'unsc', kind: 'person', take: 10 },
  { list: 'unsc', kind: 'organisation', take: 9 },
  { list: 'gb', kind: 'person', take: 9 },
  { list: 'gb', kind: 'organisation', take: 9 },
];


/** Fisher–Yates over the stratum sorted by id, so the order depends only on the files and the seed. */
export function drawOrder(records: SetRecord[], seed: number): SetRecord[] {
  const out = [...records].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  const rand = mulberry32(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as SetRecord, out[i] as SetRecord];
  }
  return out;
}

function main(): void {
  const top = Number(process.argv[process.argv.indexOf('--top') + 1] || 40);
  const all = [...readAll(REPO_ROOT).values()];
  STRATA.forEach((s, n) => {
    const pool = all.filter((r) => r.list === s.list && r.kind === s.kind && r.dprk);
    const order = drawOrder(pool, SEED + n);
    console.log(`\n# ${s.list} ${s.kind}: ${pool.length} records, take ${s.take}`);
    order.slice(0, top).forEach((r, i) => console.log(`${i + 1}\t${r.id}\t${r.names[0]}\t${r.birth.join('; ')}`));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) main();
