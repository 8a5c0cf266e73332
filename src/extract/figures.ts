/**
 * Figures in running text: worker counts, shares, money and dates, each with
 * the exact span of its expression, the sentence it stands in, and how the
 * source states it (exact, range, bound, part of a whole, order of
 * magnitude). Written by hand: no library reads "between 50,000 and 60,000
 * North Korean workers" or "40,000 to 50,000 KPW [5-6 USD]" with offsets.
 */
import type { FigureQualifier } from '../model/figure.ts';
import { parseNumber } from './numbers.ts';
import { Occupancy } from './occupancy.ts';
import { B, BOUND, E, N, SP, boundedNumberStarts, bounds, fresh, guardText, matchesAt, qualifierOf, stickyOf, type Hit, type Sentence } from './figure-patterns.ts';
import { shares } from './shares.ts';
import { WORK_CUE, workerCounts } from './worker-counts.ts';
import type { ExtractedFigure, ExtractedUnit, ShareWhole } from './types.ts';

export type { Sentence } from './figure-patterns.ts';

// ---------------------------------------------------------------- money

const PREFIX = String.raw`(US[ \u00a0]?\$|U\.S\.[ \u00a0]?\$|\$|USD[ \u00a0]?|€|EUR[ \u00a0]?|£|¥|₩|W(?=\d)|RMB[ \u00a0]?|CNY[ \u00a0]?|KPW[ \u00a0]?|KRW[ \u00a0]?)`;
const SUFFIX = String.raw`((?:US[ \u00a0]+)?dollars?|USD|euros?|EUR|KPW|KRW|(?:North[ \u00a0]+Korean[ \u00a0]+|South[ \u00a0]+Korean[ \u00a0]+)?won(?:[ \u00a0]+\((?:North|South)[ \u00a0]+Korean\))?|yuan|RMB|CNY|renminbi|roubles?|rubles?|RUB|(?:North[ \u00a0]+Korean[ \u00a0]+)?chon)`;

function currencyOf(prefix: string | undefined, suffix: string | undefined, state: { won: ExtractedUnit }): { unit: ExtractedUnit; factor: number } | null {
  const p = (prefix ?? '').replace(/[\s\u00a0.]/g, '').toUpperCase();
  const sfx = (suffix ?? '').replace(/[\s\u00a0]+/g, ' ').toLowerCase();
  if (p) {
    if (p.endsWith('$') || p === 'USD') return { unit: 'USD', factor: 1 };
    if (p === '€' || p === 'EUR') return { unit: 'EUR', factor: 1 };
    if (p === '₩' || p === 'W' || p === 'KRW') return { unit: 'KRW', factor: 1 };
    if (p === 'KPW') return { unit: 'KPW', factor: 1 };
    if (p === '¥' || p === 'RMB' || p === 'CNY') return { unit: 'CNY', factor: 1 };
    return null;
  }
  if (/dollar|usd/.test(sfx)) return { unit: 'USD', factor: 1 };
  if (/euro|eur/.test(sfx)) return { unit: 'EUR', factor: 1 };
  if (/yuan|rmb|cny|renminbi/.test(sfx)) return { unit: 'CNY', factor: 1 };
  if (/rouble|ruble|rub/.test(sfx)) return { unit: 'RUB', factor: 1 };
  if (sfx === 'kpw') return { unit: (state.won = 'KPW'), factor: 1 };
  if (sfx === 'krw') return { unit: (state.won = 'KRW'), factor: 1 };
  if (/chon/.test(sfx)) return { unit: 'KPW', factor: 0.01 };
  if (/won/.test(sfx)) {
    if (/south korean/.test(sfx)) state.won = 'KRW';
    else if (/north korean/.test(sfx)) state.won = 'KPW';
    return { unit: state.won, factor: 1 };
  }
  return null;
}

const PER_AFTER = /^[ \u00a0]*(?:\([^)]{0,30}\)[ \u00a0]*)?(?:\[[^\]]{0,30}\][ \u00a0]*)?(?:in[ \u00a0]+\w+[ \u00a0]+)?(?:\w+[ \u00a0]+){0,3}?(?:(per|a|each|every)[ \u00a0]+(year|annum|month|day|week)|(annually|yearly|monthly|daily|weekly)|(annual))\b/i;
const PER_BEFORE = /\b(annual|yearly|monthly|daily|weekly)(?:[ \u00a0]+(?:average|income|salary|wage|revenue|profit|profits|earnings))?(?:[ \u00a0]+of)?[ \u00a0]+$/i;

function perOf(before: string, after: string): ExtractedFigure['per'] {
  const m = PER_AFTER.exec(after);
  const word = m ? (m[2] ?? m[3] ?? m[4] ?? '').toLowerCase() : (PER_BEFORE.exec(before)?.[1] ?? '').toLowerCase();
  if (/^(?:year|annum|annually|yearly|annual)$/.test(word)) return 'year';
  if (/^(?:month|monthly)$/.test(word)) return 'month';
  if (/^(?:day|daily)$/.test(word)) return 'day';
  if (/^(?:week|weekly)$/.test(word)) return 'week';
  return null;
}

const RE_FIGURES_1 = new RegExp(`${B}(?:${BOUND}${SP})?(?:(?:between|from)${SP})?${PREFIX}${N}(?:(?:${SP}(?:to|and)${SP}(?:${BOUND}${SP})?|[ \\u00a0]?[-–][ \\u00a0]?)${PREFIX}?${N})?`, 'giu');
const RE_FIGURES_2 = new RegExp(`${B}(?:${BOUND}${SP})?(?:(?:between|from)${SP})?${N}(?:(?:${SP}(?:to|and)${SP}|[ \\u00a0]?[-–][ \\u00a0]?)${N})?${SP}${SUFFIX}${E}`, 'giu');
/** Tried (sticky) only where a number, or a bound or "between" before it, may start. */
const SUFFIXED_AT = stickyOf(RE_FIGURES_2);
const RE_FIGURES_3 = new RegExp(`${B}(?:(tens|hundreds)${SP}of${SP})?(millions|billions)${SP}of${SP}(dollars|US${SP}dollars|euros|yuan|won)${E}`, 'giu');

/** Cheap tests before the money patterns, of the sentence in lower case (guardText): a currency sign or code (prefixes), a currency word (suffixes, "millions of dollars"). */
const HAS_PREFIX = /[$€£¥₩]|usd|eur|w\d|rmb|cny|kpw|krw/;
const HAS_SUFFIX = /dollar|usd|euro|eur|kpw|krw|won|yuan|rmb|cny|renminbi|roubl|rubl|rub|chon/;

/**
 * What one sentence's finder has kept so far (a module-level function takes it rather than a closure made per
 * sentence: tsx names each such closure at its making, which costs more than the call).
 */
interface Found {
  text: string;
  s: Sentence;
  taken: Occupancy;
  hits: Hit[];
}

function addMoney(f: Found, idx: number, len: number, low: number | null, high: number | null, unit: ExtractedUnit, qualifier: FigureQualifier): void {
  const { text, taken } = f;
  const start = f.s.start + idx;
  const end = start + len;
  if (!taken.isFree(start, end)) return;
  // "a hundred dollar bill" is a banknote, not an amount.
  if (/^[ \u00a0]*bills?\b/i.test(text.slice(end, end + 8))) return;
  taken.take(start, end);
  const per = perOf(text.slice(Math.max(0, start - 40), start), text.slice(end, end + 60));
  f.hits.push({ kind: 'money', start, end, low, high, unit, qualifier, of: null, per });
}

function money(text: string, s: Sentence, state: { won: ExtractedUnit }): Hit[] {
  const sentence = text.slice(s.start, s.end);
  const lower = guardText(sentence);
  const hits: Hit[] = [];
  const found: Found = { text, s, taken: new Occupancy(s.end - s.start, s.start), hits };

  // "$350 million to as much as $2.3 billion", "$70-$80", "US $300", "about US$9 million", "close to $1 billion"
  const prefixed = fresh(RE_FIGURES_1);
  for (let m = HAS_PREFIX.test(lower) ? prefixed.exec(sentence) : null; m; m = prefixed.exec(sentence)) {
    const cur = currencyOf(m[2], undefined, state);
    const a = parseNumber(m[3] ?? '');
    if (!cur || a === null) continue;
    const b = m[6] ? parseNumber(m[6]) : null;
    let lowV = a;
    // "$5-6 million": the scale of the second number applies to the first.
    if (b !== null && m[6] && !/[a-z]/i.test(m[3] ?? '') && /[a-z]/i.test(m[6])) {
      lowV = parseNumber(`${m[3]}${m[6].replace(/^[\d.,\s]+/, ' ')}`) ?? a;
    }
    if (b !== null) {
      addMoney(found, m.index, m[0].length, lowV * cur.factor, b * cur.factor, cur.unit, 'range');
    } else {
      const q = qualifierOf(m[1]);
      const { low, high } = bounds(lowV * cur.factor, q);
      addMoney(found, m.index, m[0].length, low, high, cur.unit, q);
    }
  }

  // "40,000 to 50,000 KPW", "5-6 USD", "2 million won", "50,000 won (South Korean)", "15 North Korean chon"
  const named = HAS_SUFFIX.test(lower);
  for (const m of named ? matchesAt(SUFFIXED_AT, sentence, boundedNumberStarts(sentence, 5)) : []) {
    const cur = currencyOf(undefined, m[4], state);
    const a = parseNumber(m[2] ?? '');
    const b = m[3] ? parseNumber(m[3]) : null;
    if (!cur || a === null) continue;
    if (b !== null) addMoney(found, m.index, m[0].length, a * cur.factor, b * cur.factor, cur.unit, 'range');
    else {
      const q = qualifierOf(m[1]);
      const { low, high } = bounds(a * cur.factor, q);
      addMoney(found, m.index, m[0].length, low, high, cur.unit, q);
    }
  }

  // "hundreds of millions of dollars", "billions of dollars"
  const vague = fresh(RE_FIGURES_3);
  for (let m = named ? vague.exec(sentence) : null; m; m = vague.exec(sentence)) {
    const cur = currencyOf(undefined, m[3], state);
    if (!cur) continue;
    const base = (m[2] ?? '').toLowerCase() === 'billions' ? 1e9 : 1e6;
    const mult = (m[1] ?? '').toLowerCase() === 'hundreds' ? 100 : (m[1] ?? '').toLowerCase() === 'tens' ? 10 : 1;
    addMoney(found, m.index, m[0].length, base * mult, base * mult * 10, cur.unit, 'order_of_magnitude');
  }
  return hits;
}

// ---------------------------------------------------------------- dates

const MONTHS: Readonly<Record<string, number>> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)`;
const pad = (n: number) => String(n).padStart(2, '0');

const RE_FIGURES_4 = new RegExp(`${B}${MONTH}[ \\u00a0]+(\\d{1,2})(?:st|nd|rd|th)?,?[ \\u00a0]+((?:19|20)\\d{2})${E}`, 'g');
const RE_FIGURES_5 = new RegExp(`${B}(\\d{1,2})[ \\u00a0]+${MONTH}[ \\u00a0]+((?:19|20)\\d{2})${E}`, 'g');
const RE_FIGURES_6 = new RegExp(`${B}${MONTH}[ \\u00a0]+((?:19|20)\\d{2})${E}`, 'g');
const RE_FIGURES_7 = new RegExp(`${B}${MONTH}[ \\u00a0]+(\\d{1,2})(?:st|nd|rd|th)?${E}(?![,:]?[ \\u00a0]*\\d)`, 'g');

/** Every month pattern starts with one of these (the patterns are case-sensitive). */
const HAS_MONTH = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/;

function addDate(f: Found, idx: number, len: number, iso: string, year: number | null): void {
  const start = f.s.start + idx;
  const end = start + len;
  if (!f.taken.claim(start, end)) return;
  f.hits.push({ kind: 'date', start, end, low: year, high: year, unit: 'date', qualifier: 'exact', of: null, per: null, date: iso });
}

function monthNo(raw: string): number | null {
  return MONTHS[raw.toLowerCase().replace(/\.$/, '')] ?? null;
}

function dates(text: string, s: Sentence): Hit[] {
  const sentence = text.slice(s.start, s.end);
  const hits: Hit[] = [];
  if (!/\d/.test(sentence)) return hits;
  const found: Found = { text, s, taken: new Occupancy(s.end - s.start, s.start), hits };

  const month = HAS_MONTH.test(sentence);
  const full = fresh(RE_FIGURES_4);
  for (let m = month ? full.exec(sentence) : null; m; m = full.exec(sentence)) {
    const mo = monthNo(m[1] ?? '');
    const d = Number(m[2]);
    const y = Number(m[3]);
    if (mo && d >= 1 && d <= 31) addDate(found, m.index, m[0].length, `${y}-${pad(mo)}-${pad(d)}`, y);
  }
  const dayFirst = fresh(RE_FIGURES_5);
  for (let m = month ? dayFirst.exec(sentence) : null; m; m = dayFirst.exec(sentence)) {
    const mo = monthNo(m[2] ?? '');
    const d = Number(m[1]);
    const y = Number(m[3]);
    if (mo && d >= 1 && d <= 31) addDate(found, m.index, m[0].length, `${y}-${pad(mo)}-${pad(d)}`, y);
  }
  const monthYear = fresh(RE_FIGURES_6);
  for (let m = month ? monthYear.exec(sentence) : null; m; m = monthYear.exec(sentence)) {
    const mo = monthNo(m[1] ?? '');
    const y = Number(m[2]);
    if (mo) addDate(found, m.index, m[0].length, `${y}-${pad(mo)}`, y);
  }
  const monthDay = fresh(RE_FIGURES_7);
  for (let m = month ? monthDay.exec(sentence) : null; m; m = monthDay.exec(sentence)) {
    const mo = monthNo(m[1] ?? '');
    const d = Number(m[2]);
    // "May 5" reads as a date; "may 5" (lowercase) was not matched.
    if (mo && d >= 1 && d <= 31) addDate(found, m.index, m[0].length, `--${pad(mo)}-${pad(d)}`, null);
  }
  const slashed = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})(?![\d/])/g;
  for (let m = slashed.exec(sentence); m; m = slashed.exec(sentence)) {
    const mo = Number(m[1]);
    const d = Number(m[2]);
    const y = Number(m[3]);
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) addDate(found, m.index, m[0].length, `${y}-${pad(mo)}-${pad(d)}`, y);
  }
  const year = /\b(?:in|since|from|until|by|before|after|of|during|early|late|mid)[ \u00a0]+((?:19|20)\d{2})(?!\d|s\b|[ \u00a0]*(?:percent|%|people|workers|North|US|dollars|won))/gi;
  for (let m = year.exec(sentence); m; m = year.exec(sentence)) {
    const y = Number(m[1]);
    const idx = m.index + m[0].length - (m[1] ?? '').length;
    addDate(found, idx, 4, String(y), y);
  }
  return hits;
}

// ---------------------------------------------------------------- all

/** Any word a figure without digits could be written with. */
const NUMBER_WORDS = /\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozens|scores|hundreds?|thousands?|millions?|billions?|half|thirds?|quarters?|fifths?|tenths?|fraction|majority)\b/i;

/** Finds every figure in the text. Sentences must cover the text in order. */
export function findFigureHits(text: string, sentences: readonly Sentence[]): Hit[] {
  const state = { won: 'KPW' as ExtractedUnit };
  const all: Hit[] = [];
  let prev: Sentence | null = null;
  let lastShare: { whole: ShareWhole; sentence: Sentence; sentenceEnd: number } | null = null;
  // The text speaks of North Korean labour: a count of "North Koreans" in it may be a count of workers.
  const textCue = WORK_CUE.test(text) && /\b(?:North[ \u00a0-]Korea|N\.[ \u00a0]?Korea|DPRK)/i.test(text);
  for (const s of sentences) {
    // Most sentences hold no number at all: skip them before the costly patterns.
    const body = text.slice(s.start, s.end);
    const before = prev;
    prev = s;
    if (!/\d/.test(body) && !NUMBER_WORDS.test(body)) continue;
    // Whether the sentence before speaks of work (asked only of sentences that hold a number).
    const cue = before !== null && WORK_CUE.test(text.slice(before.start, before.end));
    const inSentence: Hit[] = [];
    const taken = new Occupancy(s.end - s.start, s.start);
    // Whether the sentence before held a count of workers (asked only of sentences that hold a number).
    let prevCount = false;
    for (let i = all.length - 1; i >= 0 && before !== null && all[i]!.start >= before.start; i--) if (all[i]!.kind === 'worker_count') prevCount = true;
    // (Each finder's hits in turn, without one array of all: the finders run in this order, as before.)
    for (const found of [money(text, s, state), shares(text, s), workerCounts(text, s, cue, textCue, prevCount), dates(text, s)]) {
      for (const h of found) if (taken.claim(h.start, h.end)) inSentence.push(h);
    }
    inSentence.sort((a, b) => a.start - b.start);
    for (const h of inSentence) {
      if (h.kind !== 'share') continue;
      // "40% of our wages went to …, 20% to …; the remaining 25% went to the labourers": one whole for the list.
      if (h.share_of === 'other' && lastShare && (lastShare.sentence === s || /\b(?:remaining|rest|other)[ \u00a0]+$/i.test(text.slice(Math.max(s.start, h.start - 12), h.start))) && lastShare.sentenceEnd >= s.start - 2) h.share_of = lastShare.whole;
      if (h.share_of && h.share_of !== 'other') lastShare = { whole: h.share_of, sentence: s, sentenceEnd: s.end };
    }
    all.push(...inSentence);
  }
  return all;
}

export type FigureHit = Hit;
