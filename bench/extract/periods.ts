/**
 * How well extraction proposes the year a figure is of (extract/periods.ts), on sentences it was not written on:
 * the statements of the bundled dataset's figures (data/dataset/record-figures.jsonl), each room39's own sentence
 * about one figure of a publication, with the period a person gave the figure. For each statement, the extracted
 * figure whose value is the record's (low, else high) is compared with the record's period.
 * Run: npx tsx bench/extract/periods.ts [--set dev|heldout|all] [--list]   (results in bench/extract/README.md)
 * The records are split before any rule was written from them: even lines (0, 2, …) are the development half, whose
 * misses may be read (--list); odd lines the held-out half, scored without listing (--list refuses it).
 *
 * Counted: proposed and right (the proposal's first and last years are the record period's: a year for a period
 * of one year, or of months or days within it; both years of a span); proposed and wrong; not proposed although the
 * record has a period within one year; records whose period spans several years, none proposed (not a miss).
 */
import { extract } from '../../src/extract/extract.ts';
import { statementsFromArgs } from './figure-statements.ts';


const { set, list, records } = statementsFromArgs();
const n = { records: records.length, found: 0, right: 0, wrong: 0, missed: 0, multiYearNone: 0, none: 0 };
const close = (a: number | null, b: number | null) => a !== null && b !== null && Math.abs(a - b) <= Math.abs(b) * 1e-9;
for (const r of records) {
  const { figures } = await extract(r.statement);
  const value = r.low ?? r.high;
  const f = figures.find((x) => x.kind !== 'date' && (close(x.low, value) || close(x.high, value)));
  if (!f) continue;
  n.found++;
  const startYear = r.period_start?.slice(0, 4) ?? null;
  const endYear = r.period_end?.slice(0, 4) ?? startYear;
  const oneYear = startYear !== null && startYear === endYear;
  const proposed = f.period_start ?? null;
  let verdict: string;
  if (proposed === null) {
    if (oneYear) { n.missed++; verdict = 'missed'; } else if (startYear) { n.multiYearNone++; verdict = 'none (several years)'; } else { n.none++; verdict = 'none (no period)'; }
  } else if (proposed === startYear && (f.period_end ?? proposed) === endYear) { n.right++; verdict = 'right'; } else { n.wrong++; verdict = 'WRONG'; }
  if (list && verdict !== 'none (no period)') console.log(`${verdict}\t${proposed ?? '-'}..${f.period_end ?? '-'}\t${r.period_start ?? '-'}..${r.period_end ?? '-'}\t${r.statement}`);
}
const p = n.right / Math.max(1, n.right + n.wrong);
const rec = n.right / Math.max(1, n.right + n.missed);
console.log(`records ${n.records}, figure found ${n.found}: proposed right ${n.right}, wrong ${n.wrong}; one-year period not proposed ${n.missed}; several-year period, none proposed ${n.multiYearNone}; no period, none proposed ${n.none}`);
console.log(`precision ${p.toFixed(3)}, recall (one-year periods, and spans proposed right) ${rec.toFixed(3)}`);
