/**
 * The statements of the bundled dataset's figures (data/dataset/record-figures.jsonl) as a measure of extraction on
 * sentences its rules were not written on, split once for all the scripts that read them (periods.ts,
 * figure-values.ts, figure-countries.ts): even lines are the development half, whose misses may be read (`--list`),
 * odd lines the held-out half, scored only. Reads `--set dev|heldout|all` and `--list` from the command line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../src/config/settings.ts';

/** A figure of the dataset, as a person recorded it, with room39's own sentence about it. */
export interface RecordFigure {
  id: string;
  statement: string;
  metric: string;
  unit: string;
  low: number | null;
  high: number | null;
  qualifier: string;
  country: string | null;
  period_start: string | null;
  period_end: string | null;
}

export type StatementSet = 'dev' | 'heldout' | 'all';

/** The half the command line asks for, and whether its misses are to be listed (refused for the held-out half). */
export function statementsFromArgs(argv: readonly string[] = process.argv): { set: StatementSet; list: boolean; records: RecordFigure[] } {
  const list = argv.includes('--list');
  const at = argv.indexOf('--set');
  const set = at >= 0 ? argv[at + 1] ?? '' : 'all';
  if (set !== 'dev' && set !== 'heldout' && set !== 'all') throw new Error(`--set takes dev, heldout or all, not "${set}"`);
  if (list && set !== 'dev') throw new Error('--list reads the development half only (--set dev): the held-out half is scored, not read');
  const records = fs.readFileSync(path.join(REPO_ROOT, 'data/dataset/record-figures.jsonl'), 'utf8').split('\n').filter(Boolean)
    .map((l) => JSON.parse(l) as RecordFigure).filter((_, i) => set === 'all' || (i % 2 === 0) === (set === 'dev'));
  return { set, list, records };
}
