/**
 * Scenario overrides: `state_share=0.5..0.7` (every country), `RU:workers=20000..30000`
 * (one country), `workers=60000..90000` (the world total), `RU:worker_share=0.3..0.5`
 * (a country's share of the world total), `CN+RU:worker_share=0.6..0.8` (a
 * group's share). Parsed and checked here, applied to the model's inputs in estimate.ts.
 */
import { invalidOption } from '../errors.ts';
import type { Dist } from './distributions.ts';
import { INPUT_METRICS, type InputMetric } from './model.ts';
import { isCountryCode } from '../model/countries.ts';

export interface Override {
  metric: InputMetric;
  /** Null: every country (for workers: the world total), or a group (see `countries`). */
  country: string | null;
  /** A group of countries (sorted), for `worker_share` only: `CN+RU:worker_share=…`. */
  countries: string[] | null;
  low: number;
  high: number;
  text: string;
}

const LIMITS: Record<InputMetric, { min: number; max: number; what: string }> = {
  workers: { min: 0, max: 10_000_000, what: 'a number of persons' },
  worker_share: { min: 0, max: 1, what: 'a fraction of all workers abroad, between 0 and 1 (0.6 for 60 percent)' },
  monthly_wage: { min: 0, max: 1_000_000, what: 'USD per month' },
  state_share: { min: 0, max: 1, what: 'a fraction between 0 and 1 (0.95 for 95 percent)' },
  months_worked: { min: 0, max: 12, what: 'months in a year, 0 to 12' },
};

const NUMBER = /^\d+(\.\d+)?$/;

export function parseOverride(text: string): Override {
  /** A bad override, reported under the option's name with the override's own text first. */
  const bad = (message: string) => invalidOption('override', `${text.trim()}: ${message}`);
  const m = /^\s*(?:([A-Za-z]{2}(?:(?:\s*\+\s*|\s+)[A-Za-z]{2})*)\s*:\s*)?([a-z_]+)\s*=\s*([^\s]+)\s*$/.exec(text);
  if (!m) throw bad('an override reads METRIC=LOW..HIGH or CC:METRIC=VALUE, e.g. state_share=0.5..0.7, RU:workers=20000..30000 or CN+RU:worker_share=0.6..0.8');
  const [, cc, metricText, value] = m as unknown as [string, string | undefined, string, string];
  if (!(INPUT_METRICS as readonly string[]).includes(metricText)) {
    throw bad(`unknown input "${metricText}"; overridable inputs: ${INPUT_METRICS.join(', ')}`);
  }
  const metric = metricText as InputMetric;
  const codes = cc ? [...new Set(cc.split(/[+\s]+/).map((x) => x.trim().toUpperCase()))].sort() : [];
  for (const c of codes) if (!isCountryCode(c)) throw bad(`"${c}" is not an ISO 3166-1 alpha-2 country code`);
  if (codes.length > 1 && metric !== 'worker_share') throw bad(`only worker_share can be given for a group of countries (${codes.join('+')}); give ${metric} one country at a time`);
  if (metric === 'worker_share' && codes.length === 0) throw bad('a worker_share override names the country or group it is the share of, e.g. RU:worker_share=0.3..0.5 or CN+RU:worker_share=0.6..0.8');
  const country = codes.length === 1 ? (codes[0] as string) : null;
  const countries = codes.length > 1 ? codes : null;
  const parts = value.split('..');
  if (parts.length > 2 || parts.some((p) => !NUMBER.test(p))) {
    throw bad(`"${value}" is not a value or a LOW..HIGH range of plain non-negative numbers (no commas, no units)`);
  }
  const low = Number(parts[0]);
  const high = Number(parts[1] ?? parts[0]);
  if (low > high) throw bad(`the low end ${low} is above the high end ${high}`);
  const lim = LIMITS[metric];
  if (low < lim.min || high > lim.max) throw bad(`${metric} is ${lim.what}; ${value} is out of range`);
  return { metric, country, countries, low, high, text: text.trim() };
}

/** Parses several overrides (each may hold several, separated by commas or semicolons) and rejects contradictions. */
export function parseOverrides(texts: readonly string[]): Override[] {
  const out: Override[] = [];
  for (const t of texts.flatMap((x) => x.split(/[;,]/)).map((x) => x.trim()).filter(Boolean)) {
    const o = parseOverride(t);
    const clash = out.find((p) => p.metric === o.metric && p.country === o.country && (p.countries ?? []).join('+') === (o.countries ?? []).join('+'));
    if (clash) {
      if (clash.low !== o.low || clash.high !== o.high) {
        throw invalidOption('override', `contradictory overrides for ${o.country ? `${o.country}:` : ''}${o.metric}: "${clash.text}" and "${o.text}"; give one`);
      }
      continue;
    }
    out.push(o);
  }
  return out;
}

export function overrideDist(o: Override): Dist {
  return o.low === o.high ? { kind: 'point', value: o.low } : { kind: 'uniform', low: o.low, high: o.high };
}
