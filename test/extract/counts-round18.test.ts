/**
 * Worker counts of round 18 (issue 17), written from the development half of the bundled dataset's figure
 * statements (data/dataset/record-figures.jsonl, even lines; the odd lines are held out:
 * bench/extract/figure-values.ts --set heldout): an estimate "put" at a value, workers "found" by inspectors, a
 * team of North Koreans by its size. Each statement is read after a heading about the labour, as a document gives it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { extract } from '../../src/extract/extract.ts';

interface RecordFigure { statement: string; metric: string; low: number | null; high: number | null }
const RECORDS = fs.readFileSync(path.join(REPO_ROOT, 'data/dataset/record-figures.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as RecordFigure);
const dev = (start: string) => {
  const r = RECORDS.find((x, i) => i % 2 === 0 && x.statement.startsWith(start));
  if (!r) throw new Error(`no development statement starts "${start}"`);
  return r.statement;
};
const HEADING = 'North Korean workers abroad\n\n';
const counts = async (sentence: string) => (await extract(HEADING + sentence)).figures.filter((f) => f.kind === 'worker_count').map((f) => [f.low, f.high, f.qualifier]);

describe('worker counts, round 18', () => {
  it('reads an estimate put at a value, with the workers named or "them"', async () => {
    expect(await counts(dev('Russia’s ambassador in Pyongyang put'))).toEqual([[34_000, 34_000, 'approximate']]);
    expect(await counts(dev('A Dandong factory manager put'))).toEqual([[5_000, 7_000, 'range']]);
    expect(await counts(dev('An Asan Institute estimate put'))).toEqual([[52_000, 54_000, 'range']]);
    expect(await counts(dev('Two officials familiar with North Korean operations had put them'))).toEqual([[2_500, 2_500, 'approximate']]);
    // Money is no count: "put the regime's revenue from these labourers at $100–200 million a year".
    expect(await counts(dev('The same researcher put the regime’s revenue'))).toEqual([]);
    expect(await counts('The ministry put the wages of the North Korean workers at 500 a month.')).toEqual([]);
  });

  it('counts workers found by inspectors, not two people an article found', async () => {
    expect(await counts(dev('Inspectors found 29 North Koreans'))).toEqual([[29, 29, 'exact']]);
    expect(await counts('An NK News article found two North Korean construction workers in Vladivostok.')).toEqual([]);
  });

  it('reads a team of North Koreans by its size', async () => {
    expect(await counts(dev('A 38-member North Korean medical team'))).toEqual([[38, 38, 'exact']]);
  });

  it('finds the values of four in five of the dataset’s worker counts', async () => {
    // bench/extract/figure-values.ts --set all: 106 of 134 (0.791) when written (2026-12-07); 97 (0.724) before round 18.
    let found = 0;
    let n = 0;
    for (const r of RECORDS.filter((x) => x.metric === 'workers' || x.metric === 'repatriated')) {
      n++;
      const got = await counts(r.statement);
      if (got.some(([low, high]) => low === r.low && high === r.high)) found++;
    }
    expect(n).toBe(134);
    expect(found / n).toBeGreaterThanOrEqual(0.77);
  });
});
