/**
 * How well extraction says which country a figure is about (extract.ts `figureCountry`), on the sentences of
 * bench/extract/periods.ts: the statements of the bundled dataset's figures (data/dataset/record-figures.jsonl),
 * each with the country a person gave the figure, split the same way (even lines: development, whose misses may be
 * read with --list; odd lines: held out, scored only).
 * Run: npx tsx bench/extract/figure-countries.ts [--set dev|heldout|all] [--list]   (results in bench/extract/README.md)
 *
 * Counted, for records with a country whose figure is found: right, wrong (another country), none proposed.
 */
import { extract } from '../../src/extract/extract.ts';
import { statementsFromArgs } from './figure-statements.ts';


const { set, list, records } = statementsFromArgs();
const n = { found: 0, right: 0, wrong: 0, none: 0, noCountry: 0 };
for (const r of records) {
  const value = r.low ?? r.high;
  const f = (await extract(r.statement)).figures.find((x) => x.kind !== 'date' && value !== null && (x.low === value || x.high === value));
  if (!f) continue;
  n.found++;
  if (!r.country) { n.noCountry++; continue; }
  const verdict = f.country === null ? 'none' : f.country === r.country ? 'right' : 'WRONG';
  n[verdict === 'WRONG' ? 'wrong' : verdict]++;
  if (list && verdict !== 'right') console.log(`${verdict}\t${f.country ?? '-'}\t${r.country}\t${r.statement}`);
}
console.log(`${set}: figure found ${n.found} (${n.noCountry} records without a country); right ${n.right}, wrong ${n.wrong}, none ${n.none}`);
console.log(`precision ${(n.right / Math.max(1, n.right + n.wrong)).toFixed(3)}, recall ${(n.right / Math.max(1, n.right + n.wrong + n.none)).toFixed(3)}`);
