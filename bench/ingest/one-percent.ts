/**
 * A second version of the OFAC SDN CSV that changes 1% of its entries, made
 * from the real file (../shared/data/official/ofac/sdn.csv) and written
 * outside the repository: 75 entries changed (a sentence added to the
 * remarks), 37 delisted, 38 new (a copy of an entry under a new number and
 * name). For the update benchmark (bench/ingest/README.md).
 * Run: npx tsx bench/ingest/one-percent.ts OUT.csv
 */
import fs from 'node:fs';
import { OFFICIAL } from '../../test/support/official.ts';

/** The modified copy of the file's lines, and what was done to them. `variant` 1, 2 … picks other entries, so successive variants are successive versions. */
export function onePercent(text: string, variant = 0): { text: string; changed: number; removed: number; added: number } {
  const [removeAt, changeAt, addAt] = [(57 + 97 * variant) % 400, (7 + 13 * variant) % 200, (131 + 89 * variant) % 400];
  const remark = variant ? `Remark ${variant} added in the benchmark copy.` : 'Remark added in the benchmark copy.';
  const lines = text.split('\r\n');
  const out: string[] = [];
  let changed = 0, removed = 0, added = 0;
  lines.forEach((line, i) => {
    if (!/^\d+,/.test(line)) { out.push(line); return; }
    if (i % 400 === removeAt) { removed++; return; }
    if (i % 200 === changeAt) {
      changed++;
      out.push(line.endsWith('-0- ') ? `${line.slice(0, -4)}"${remark}"` : line.replace(/"$/, ` ${remark}"`));
      return;
    }
    out.push(line);
    if (i % 400 === addAt) {
      added++;
      out.push(line.replace(/^\d+,"/, `${900000 + 100000 * variant + i},"BENCH COPY `));
    }
  });
  return { text: out.join('\r\n'), changed, removed, added };
}

if (process.argv[1]?.endsWith('one-percent.ts')) {
  const target = process.argv[2];
  if (!target) throw new Error('usage: npx tsx bench/ingest/one-percent.ts OUT.csv');
  const r = onePercent(fs.readFileSync(OFFICIAL.ofacCsv, 'latin1'));
  fs.writeFileSync(target, r.text, 'latin1');
  console.log(`${target}: ${r.changed} changed, ${r.removed} removed, ${r.added} added`);
}
