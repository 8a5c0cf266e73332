/**
 * The development / held-out split of the out-of-sample extraction corpus,
 * drawn at random with a fixed seed (committed) before any rule was run on
 * the texts: `npx tsx bench/extract/out-of-sample/split.ts` prints the split
 * that `split.json` records, so anyone can check it was not chosen by hand.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../../support/random.ts';

export const SEED = 20261122;
export const HELD_OUT_SIZE = 10;


export function split(ids: readonly string[], seed = SEED): { dev: string[]; heldout: string[] } {
  const order = [...ids].sort();
  const rand = mulberry32(seed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return { heldout: order.slice(0, HELD_OUT_SIZE).sort(), dev: order.slice(HELD_OUT_SIZE).sort() };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const recorded = JSON.parse(fs.readFileSync(path.join(here, 'split.json'), 'utf8')) as { dev: string[]; heldout: string[] };
  const again = split([...recorded.dev, ...recorded.heldout]);
  console.log(JSON.stringify({ seed: SEED, ...again }, null, 1));
  const same = JSON.stringify(again.dev) === JSON.stringify(recorded.dev) && JSON.stringify(again.heldout) === JSON.stringify(recorded.heldout);
  console.log(same ? 'split.json matches the seed' : 'split.json does NOT match the seed');
  if (!same) process.exitCode = 1;
}
