/**
 * Date of birth: exact agreement raises the score, the same year raises it a
 * little, years that cannot be the same person's lower it. Dates are ISO,
 * possibly partial (YYYY, YYYY-MM); query dates in common written forms are
 * parsed by `parseQueryDate`.
 */
import type { ExplanationItem } from './types.ts';

const MONTHS: Record<string, string> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12',
};

const pad = (n: string) => n.padStart(2, '0');

function valid(y: number, m?: number, d?: number): boolean {
  if (y < 1850 || y > 2100) return false;
  if (m !== undefined && (m < 1 || m > 12)) return false;
  if (d !== undefined && (d < 1 || d > 31)) return false;
  return true;
}

/**
 * An ISO date (YYYY, YYYY-MM or YYYY-MM-DD) from the ways dates are written in
 * spreadsheets: 1960-05-01, 1960/05/01, 01.05.1960, 01/05/1960 (day first),
 * 1 May 1960, May 1, 1960, May 1960, 1960. Null when none of these.
 */
export function parseQueryDate(text: string): string | null {
  const s = text.trim().toLowerCase().replace(/,/g, ' ').replace(/\s+/g, ' ');
  let m = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:t.*)?$/.exec(s);
  if (m) {
    const y = Number(m[1]), mo = m[2] ? Number(m[2]) : undefined, d = m[3] ? Number(m[3]) : undefined;
    if (!valid(y, mo, d)) return null;
    return [m[1], m[2] && pad(m[2]), m[3] && pad(m[3])].filter(Boolean).join('-');
  }
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (m) {
    let d = Number(m[1]), mo = Number(m[2]);
    if (mo > 12 && d <= 12) [d, mo] = [mo, d]; // US order when the day-first reading is impossible
    if (!valid(Number(m[3]), mo, d)) return null;
    return `${m[3]}-${pad(String(mo))}-${pad(String(d))}`;
  }
  m = /^(?:(\d{1,2}) )?([a-z]{3})[a-z]* (?:(\d{1,2}) )?(\d{4})$/.exec(s);
  if (m && MONTHS[m[2] ?? '']) {
    const day = m[1] ?? m[3];
    const y = Number(m[4]);
    if (!valid(y, Number(MONTHS[m[2] ?? '']), day ? Number(day) : undefined)) return null;
    return [m[4], MONTHS[m[2] ?? ''], day && pad(day)].filter(Boolean).join('-');
  }
  return null;
}

interface DateCompare { effect: number; kind: string; query: string; candidate: string }

function compareOne(q: string, c: string): DateCompare {
  const qy = Number(q.slice(0, 4)), cy = Number(c.slice(0, 4));
  const base = { query: q, candidate: c };
  if (q === c) return { ...base, effect: q.length === 10 ? 0.5 : q.length === 7 ? 0.3 : 0.2, kind: q.length === 10 ? 'exact' : 'same ' + (q.length === 7 ? 'month' : 'year') };
  if (qy === cy) {
    if (q.length === 10 && c.length === 10) {
      // 1960-05-01 vs 1960-01-05: day and month swapped in one source.
      if (q.slice(5, 7) === c.slice(8, 10) && q.slice(8, 10) === c.slice(5, 7)) return { ...base, effect: 0.2, kind: 'day and month swapped' };
      return { ...base, effect: -0.08, kind: 'same year, different day' };
    }
    const shorter = q.length < c.length ? q : c;
    const longer = q.length < c.length ? c : q;
    if (longer.startsWith(shorter)) return { ...base, effect: 0.2, kind: 'same year' };
    return { ...base, effect: -0.05, kind: 'same year, different month' };
  }
  if (Math.abs(qy - cy) === 1) return { ...base, effect: -0.1, kind: 'one year apart' };
  return { ...base, effect: -0.3, kind: 'different years' };
}

/**
 * Compare the query's birth dates with the candidate's. Positive effects pull
 * the score toward 1 by that share of the distance (`s + (1 − s)·e`); negative
 * ones scale it down (`s·(1 + e)`). Null when either side has none. A
 * candidate listed with two years (a range) agrees with any year between.
 */
export function compareBirthDates(query: string[], candidate: string[]): { effect: number; item: ExplanationItem } | null {
  if (query.length === 0 || candidate.length === 0) return null;
  const years = candidate.filter((d) => /^\d{4}$/.test(d)).map(Number).sort((a, b) => a - b);
  let best: DateCompare | null = null;
  for (const q of query) {
    for (const c of candidate) {
      const r = compareOne(q, c);
      if (!best || r.effect > best.effect) best = r;
    }
    if (years.length === 2 && (best?.effect ?? -1) < 0.15) {
      const qy = Number(q.slice(0, 4));
      const lo = years[0] ?? 0, hi = years[1] ?? 0;
      if (hi - lo > 1 && qy > lo && qy < hi) best = { effect: 0.15, kind: `within ${lo}–${hi}`, query: q, candidate: `${lo}–${hi}` };
    }
  }
  if (!best) return null;
  const verb = best.effect > 0 ? 'agrees' : 'disagrees';
  return {
    effect: best.effect,
    item: { feature: 'birth_date', score: best.effect, detail: `date of birth ${verb}: ${best.kind} (${best.query} / ${best.candidate})`, query: best.query, candidate: best.candidate },
  };
}
