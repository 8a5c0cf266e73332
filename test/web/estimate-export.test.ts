/**
 * What the estimate page and its CSV say of each input's figures (web/src/exports.ts), on the bundled dataset for 2017:
 * a figure listed under "state share" that is the worker's slice of the wage, or one line of a wage split, carries the
 * model's reading of it (the state's share it stands for); and a what-if made of overrides is named in the CSV as such.
 */
import { describe, expect, it } from 'vitest';
import { estimate } from '../../src/estimate/index.ts';
import { estimateCsv, figureReading } from '../../web/src/exports.ts';
import { dataset } from '../estimate/helpers.ts';
import { parseCsvText } from '../cli/fixtures.ts';

const run = (overrides: string[] = []) => estimate(dataset(), { year: 2017, seed: 1, draws: 2000, overrides });

describe('estimate inputs read in words', () => {
  it('a worker\'s slice of the wage under "state share" reads as the state\'s share it stands for', () => {
    const r = run();
    const ru = r.inputs.find((i) => i.key === 'state_share:RU')!;
    // Seed 002: the workers receive "anywhere from zero to 15%" of their salaries.
    expect(ru.sources.find((s) => s.figure_id === 'r39-fig-002-5')).toMatchObject({ low: 0, high: 0.15 });
    expect(figureReading(ru, 'r39-fig-002-5')).toBe("wage split: one minus the workers' slice (0–0.15), so a state share of 0.85–1 (uniform)");
    // Seed 004: "20% to the affiliated state-run enterprise", one line of the logger's split whose workers keep 25%.
    expect(figureReading(ru, 'r39-fig-004-13')).toBe("wage split: one minus the workers' slice (0.25), so a state share of 0.75");
    const workers = r.inputs.find((i) => i.key === 'workers:total')!;
    expect(figureReading(workers, 'r39-fig-004-1')).toBe('range: uniform between the stated low and high (the source gives no most likely value)');
  });

  it('the CSV gives each figure\'s reading beside its value and quote', () => {
    const rows = parseCsvText(estimateCsv(run(), 'http://127.0.0.1/estimates?year=2017').split('\r\n').slice(1).join('\r\n'));
    const header = rows[0]!;
    const col = (name: string) => header.indexOf(name);
    expect(col('read_as')).toBeGreaterThan(col('grade'));
    const my = rows.find((row) => row[col('figure_id')] === 'r39-fig-002-3')!;
    expect(my[col('measure')]).toMatch(/^state_share/);
    expect([my[col('figure_low')], my[col('figure_high')]]).toEqual(['0', '0.15']);
    expect(my[col('read_as')]).toBe("wage split: one minus the workers' slice (0–0.15), so a state share of 0.85–1 (uniform)");
  });

  it('the CSV says where a count comes from when the year has none of its own (2021: China carried forward)', () => {
    const r = estimate(dataset(), { year: 2021, seed: 1, draws: 2000 });
    const rows = parseCsvText(estimateCsv(r, 'page').split('\r\n').slice(1).join('\r\n'));
    const header = rows[0]!;
    expect(header.at(-1)).toBe('note');
    expect(rows.every((row) => row.length === header.length)).toBe(true);
    const china = rows.find((row) => row[0] === 'country' && row[1] === 'China' && row[2] === 'workers')!;
    expect(china.at(-1)).toMatch(/^no figure for 2021: carried forward from 20\d\d \(\d years? away\)$/);
    expect(china.at(-1)).toBe(r.by_country.find((c) => c.country === 'CN')!.flags.join('; '));
    const cnInput = rows.find((row) => row[0] === 'input' && row[1] === 'China' && row[2]!.startsWith('workers'))!;
    expect(cnInput.at(-1)).not.toBe('');
  });

  it('names a what-if of overrides in the CSV, not "left out" with nothing before it', () => {
    const csv = estimateCsv(run(['RU:workers=10000..20000']), 'page');
    const first = csv.split('\r\n')[0]!;
    expect(first).toBe('# room39 revenue estimate 2017, 2000 draws, seed 1; scenario: override RU:workers=10000..20000: page');
    const rows = parseCsvText(csv.split('\r\n').slice(1).join('\r\n'));
    expect(rows.filter((row) => row[0] === 'scenario').map((row) => row[1])).toEqual(Array(3).fill('RU:workers=10000..20000'));
  });
});
