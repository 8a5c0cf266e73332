/** The map's shading: worker figures in five steps, hosts with no figure for the year, the sending country. */
import type { CountrySummary } from '../../src/server/wire.ts';
import { figureValue } from './format.ts';

export const STEPS = [
  { max: 1000, label: 'fewer than 1,000' },
  { max: 5000, label: '1,000 – 5,000' },
  { max: 20000, label: '5,000 – 20,000' },
  { max: 50000, label: '20,000 – 50,000' },
  { max: Infinity, label: '50,000 or more' },
] as const;

export function shadeClass(c: CountrySummary): string {
  if (c.role === 'sending') return 'shade-sending';
  if (!c.workers) return 'shade-host';
  const i = STEPS.findIndex((s) => c.workers!.mid < s.max);
  return `shade-${i}${c.workers.dated ? '' : ' undated'}`;
}

export function describeCountry(c: CountrySummary, year: number | null): string {
  if (c.role === 'sending') return `${c.name}: the sending country`;
  if (c.workers) {
    const when = c.workers.dated ? `in ${year ?? 'the chosen year'}` : '(undated figure)';
    const what = c.workers.metric === 'repatriated' ? ' sent home (a window covering the year)' : c.workers.coverage === 'part' ? ' in part of the country' : '';
    return `${c.name}: ${figureValue({ ...c.workers, unit: 'persons' })}${what} ${when}, grade ${c.workers.reliability}`;
  }
  return `${c.name}: hosts North Korean workers; no worker figure for ${year ?? 'this year'}`;
}
