/**
 * Whether extraction finds a figure's value in a sentence it was not written on: the statements of the bundled
 * dataset's figures (data/dataset/record-figures.jsonl), each room39's own sentence about one figure of a
 * publication (a count of workers, work permits or entries, a share, a wage, a revenue), with the values a person
 * gave it. Split as bench/extract/periods.ts (even lines development, --list reads their misses; odd lines held out).
 * Run: npx tsx bench/extract/figure-values.ts [--set dev|heldout|all] [--list]   (results in bench/extract/README.md)
 *
 * Each statement is read as a document would give it: after the heading "North Korean workers abroad" (a document
 * about the labour says so somewhere; a count of "North Koreans" is then read as a count of people sent to work).
 * Counts of entries into a country (metric `entries`) are left out: they are not counts of workers.
 * A record is found when an extracted figure of its kind (persons: worker_count; fraction: share; a currency:
 * money) has its low and high bounds (a missing bound as null on both sides; shares compared as fractions); per
 * kind: found, found with other bounds (the value is there, its bounds differ), not found.
 */
import { extract } from '../../src/extract/extract.ts';
import { statementsFromArgs } from './figure-statements.ts';


const chosen = statementsFromArgs();
const { set, list } = chosen;
const records = chosen.records.filter((r) => r.metric !== 'entries');
const HEADING = 'North Korean workers abroad\n\n';
const kindOf = (unit: string) => (unit === 'persons' ? 'worker_count' : unit === 'fraction' ? 'share' : 'money');
const same = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= Math.abs(b) * 1e-6);
const tally = new Map<string, { n: number; found: number; bounds: number; missed: number }>();
for (const r of records) {
  const kind = kindOf(r.unit);
  const t = tally.get(kind) ?? { n: 0, found: 0, bounds: 0, missed: 0 };
  tally.set(kind, t);
  t.n++;
  const figures = (await extract(HEADING + r.statement)).figures.filter((f) => f.kind === kind);
  const exact = figures.find((f) => same(f.low, r.low) && same(f.high, r.high));
  const near = exact ? null : figures.find((f) => [f.low, f.high].some((v) => v !== null && [r.low, r.high].some((w) => w !== null && same(v, w))));
  if (exact) t.found++;
  else if (near) t.bounds++;
  else t.missed++;
  if (list && !exact) console.log(`${near ? 'BOUNDS' : 'MISSED'}\t${kind}\t${r.low ?? '-'}..${r.high ?? '-'} (${r.qualifier})\t${near ? `${near.low ?? '-'}..${near.high ?? '-'} (${near.qualifier})` : figures.map((f) => `${f.low}..${f.high}`).join(' ') || '-'}\t${r.statement}`);
}
let all = { n: 0, found: 0 };
for (const [kind, t] of tally) {
  all = { n: all.n + t.n, found: all.found + t.found };
  console.log(`${set}\t${kind}\t${t.n} records: found ${t.found} (${(t.found / t.n).toFixed(3)}), other bounds ${t.bounds}, not found ${t.missed}`);
}
console.log(`${set}\tall\t${all.n} records: found ${all.found} (${(all.found / all.n).toFixed(3)})`);
