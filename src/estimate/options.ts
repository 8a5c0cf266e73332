/**
 * The estimate's options, checked: draws, seed, year and the countries left
 * out. A bad one is reported by the option's own name (`draws`, `exclude`);
 * each door words it (`--draws` in the CLI, `draws` over HTTP).
 */
import { invalidData, invalidOption } from '../errors.ts';
import type { Figure } from '../model/index.ts';
import { countryName, isCountryCode } from '../model/countries.ts';
import { defaultYear, yearsWithWorkerData, type Model } from './model.ts';

export const DEFAULT_DRAWS = 10_000;
export const MAX_DRAWS = 10_000_000;
export const DEFAULT_SEED = '1';

export interface EstimateOptions {
  year?: number | null;
  draws?: number | null;
  seed?: string | number | null;
  exclude?: readonly string[];
  overrides?: readonly string[];
}

export function checkDraws(v: number | null | undefined): number {
  if (v == null) return DEFAULT_DRAWS;
  if (!Number.isInteger(v) || v <= 0) throw invalidOption('draws', `draws must be a whole number above zero (got ${v})`);
  if (v > MAX_DRAWS) throw invalidOption('draws', `draws must be at most ${MAX_DRAWS.toLocaleString('en-US')} (got ${v})`);
  return v;
}

export function checkSeed(v: string | number | null | undefined): string {
  if (v == null || v === '') return DEFAULT_SEED;
  const s = String(v);
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(s)) throw invalidOption('seed', `seed must be 1–64 letters, digits, dots, dashes or underscores (got "${s}")`);
  return s;
}

/** The year asked for, which must lie within the years the worker figures cover; with none asked, the year most worker figures cover. */
export function checkYear(v: number | null | undefined, figures: readonly Figure[]): number {
  const years = yearsWithWorkerData(figures);
  if (!years.length) throw invalidData('the graph holds no dated worker figure, so no year can be estimated', 'estimate');
  if (v == null) return defaultYear(figures) as number;
  if (!Number.isInteger(v)) throw invalidOption('year', `year must be a whole year such as 2017 (got ${v})`);
  // A year between the first and the last year with data is answered, its counts carried from the nearest year that has them (flagged).
  const first = years[0] as number;
  const last = years[years.length - 1] as number;
  if (v < first || v > last) throw invalidOption('year', `no worker figure in the graph covers ${v}, and it lies outside the years with data (${first}–${last}); years with data: ${years.join(', ')}`);
  return v;
}

/** The countries left out: those with a row of their own, and documented hosts that hold an equal part of the remainder. */
export interface Exclusions {
  /** Countries with a row of their own. */
  rows: Set<string>;
  /** Hosts of the unattributed remainder. */
  hosts: Set<string>;
}

export function checkExclusions(raw: readonly string[], model: Model): Exclusions {
  const named = model.rows.map((r) => r.country as string);
  const hosts = model.remainder?.hosts ?? [];
  const out: Exclusions = { rows: new Set(), hosts: new Set() };
  for (const text of raw) {
    const c = text.trim().toUpperCase();
    if (!c) continue;
    if (!isCountryCode(c)) throw invalidOption('exclude', `"${text}" is not an ISO 3166-1 alpha-2 country code (such as RU or CN)`);
    if (named.includes(c)) out.rows.add(c);
    else if (hosts.includes(c)) out.hosts.add(c);
    else {
      throw invalidOption('exclude', `${c} (${countryName(c)}) has no worker figure near ${model.year} and no documented deployment, so the model holds no workers for it to leave out; countries you can leave out: ${named.join(', ')}${hosts.length ? ` (own rows) and ${hosts.join(', ')} (each an equal part of the remainder)` : ''}`);
    }
  }
  return out;
}
