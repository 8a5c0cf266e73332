/**
 * Figures in running text: worker counts, shares, money and dates, each with
 * the exact span of its expression, the sentence it stands in, and how the
 * source states it (exact, range, bound, part of a whole, order of
 * magnitude). Written by hand: no library reads "between 50,000 and 60,000
 * North Korean workers" or "40,000 to 50,000 KPW [5-6 USD]" with offsets.
 */
import type { FigureQualifier } from '../model/figure.ts';
import { FRACTION_WORDS, NUMBER, parseFraction, parseNumber } from './numbers.ts';
import { Occupancy } from './occupancy.ts';
import type { ExtractedFigure, ExtractedUnit, FigureKind, ShareWhole } from './types.ts';

export interface Sentence {
  start: number;
  end: number;
}

/** Draft figure before the sentence and country are attached. */
interface Hit {
  kind: FigureKind;
  start: number;
  end: number;
  low: number | null;
  high: number | null;
  unit: ExtractedUnit;
  qualifier: FigureQualifier;
  of: number | null;
  per: ExtractedFigure['per'];
  date?: string | null;
  share_of?: ShareWhole | null;
}

/** Compiled patterns, kept: the functions below run once per sentence. */
const compiled = new Map<string, RegExp>();
function re(source: string, flags: string): RegExp {
  const key = `${flags}/${source}`;
  let r = compiled.get(key);
  if (!r) {
    r = new RegExp(source, flags);
    compiled.set(key, r);
  }
  r.lastIndex = 0;
  return r;
}

const B = String.raw`(?<![\p{L}\p{N}])`; // left word boundary that knows letters beyond ASCII
const E = String.raw`(?![\p{L}\p{N}])`;
const SP = String.raw`[ \u00a0]+`;
const N = `(${NUMBER})`;

const AT_LEAST = /^(?:more than|over|at least|upwards of|in excess of|no fewer than|no less than|a minimum of)$/i;
const AT_MOST = /^(?:as many as|as much as|up to|at most|fewer than|less than|no more than|a maximum of|under)$/i;
const APPROX = /^(?:about|around|roughly|approximately|nearly|almost|close to|an estimated|estimated|some|approx\.|circa|c\.|perhaps|an average of|on average)$/i;
const BOUND = String.raw`(more than|over|at least|upwards of|in excess of|no fewer than|no less than|as many as|as much as|up to|at most|fewer than|less than|no more than|about|around|roughly|approximately|nearly|almost|close to|an estimated|estimated|some)`;

function qualifierOf(bound: string | undefined): FigureQualifier {
  if (!bound) return 'exact';
  const b = bound.trim();
  if (AT_LEAST.test(b)) return 'at_least';
  if (AT_MOST.test(b)) return 'at_most';
  if (APPROX.test(b)) return 'approximate';
  return 'exact';
}

function bounds(value: number, q: FigureQualifier): { low: number | null; high: number | null } {
  if (q === 'at_least') return { low: value, high: null };
  if (q === 'at_most') return { low: null, high: value };
  return { low: value, high: value };
}

// ---------------------------------------------------------------- worker counts

/** Nouns that are workers by themselves. */
const WORKER_NOUN = String.raw`(?:workers?|work[ -]?force|labou?rers?|employees|miners|loggers|builders|dolgyeokdae|slaves|staff)`;
const WORKER_NOUN_RE = new RegExp(`^${WORKER_NOUN}$`, 'iu');
/** Nouns that are workers only where the sentence speaks of work. */
const PEOPLE_NOUN = String.raw`(?:North Koreans|Koreans|citizens|nationals|people|persons|men|women|individuals|seamen|sailors|fishermen)`;
const MODIFIER_WORDS = new Set(['of', 'the', 'these', 'those', 'foreign', 'expatriate', 'overseas', 'migrant', 'contract', 'hand-picked', 'female', 'male', 'young', 'skilled', 'unskilled', 'construction', 'restaurant', 'restaurants', 'garment', 'textile', 'logging', 'forestry', 'timber', 'mine', 'mining', 'coal', 'factory', 'farm', 'medical', 'other', 'more', 'additional', 'new']);
/** Up to four words between a number and its noun; checked by validModifiers, since a case-insensitive pattern cannot tell capitals. */
const MODIFIERS = String.raw`((?:[\p{L}’'\-]+[ \u00a0]+){0,4}?)`;

function validModifiers(raw: string | undefined): boolean {
  if (!raw) return true;
  return raw.trim().split(/[ \u00a0]+/).filter(Boolean).every((w) => MODIFIER_WORDS.has(w) || /^[A-Z]/.test(w));
}
const WORK_CUE = /\b(?:work(?:s|ed|ing|ers?|force)?|labou?r(?:s|ed|ing|ers?)?|employ(?:s|ed|ing|ment|ees?)?|jobs?|dispatched|sent (?:abroad|overseas)|forced to)\b/i;
/** Counts of people something happened to, met or interviewed, or a group's size: not the size of a workforce. */
const EVENT_BEFORE = /\b(?:killed|kill|killing|injured|injuring|wounded|dead|died|deaths|defected|defection|executed|purged|found|met|interviewed|groups?(?: of at least)?|teams?)(?:\s+of)?\s+(?:the\s+)?$/i;
/** Things that happen to people who may or may not be workers: a count of workers only when the sentence speaks of work. */
const EVENT_BEFORE_PEOPLE = /\b(?:arrested|rescued|deported|repatriated)(?:\s+of)?\s+(?:the\s+)?$/i;
const EVENT_AFTER = /^[ \u00a0]*(?:,?[ \u00a0]*(?:who|that)[ \u00a0]+)?(?:have[ \u00a0]+|had[ \u00a0]+|were[ \u00a0]+|was[ \u00a0]+|are[ \u00a0]+)?(?:being[ \u00a0]+)?(?:killed|injured|died|defected|fled|were killed|were injured|escaped|went missing|held|imprisoned|detained|jailed)\b/i;
/** Nouns that name North Koreans as such: with them a count may take its cue from the sentence before. */
const NATIONALS_RE = /^(?:North Koreans|Koreans|nationals|citizens)$/i;

/**
 * Worker counts in one sentence. `prevCue`: the sentence before speaks of
 * work ("Kuwait … sent back 904 North Koreans, … of the total North Korean
 * workers there. Qatar also sent back about 2,500 North Koreans.").
 */
function workerCounts(text: string, s: Sentence, prevCue = false): Hit[] {
  const sentence = text.slice(s.start, s.end);
  const hits: Hit[] = [];
  const ownCue = WORK_CUE.test(sentence);
  const taken = new Occupancy(s.end - s.start, s.start);
  const push = (h: Hit, nounKind: 'worker' | 'people', before: string, after: string, noun = '') => {
    if (nounKind === 'people' && !(ownCue || (prevCue && NATIONALS_RE.test(noun)))) return;
    if (EVENT_BEFORE.test(before) || EVENT_AFTER.test(after)) return;
    if (nounKind === 'people' && !ownCue && EVENT_BEFORE_PEOPLE.test(before)) return;
    if (!taken.claim(h.start, h.end)) return;
    hits.push(h);
  };

  // Part of a whole: "Forty-nine of the 119 foreign workers", "140 of 176 North Korean workers"
  const part = re(`${B}${N}${SP}(?:out${SP})?of${SP}(?:the${SP}|these${SP}|those${SP}|some${SP})?${N}${SP}${MODIFIERS}(${WORKER_NOUN}|${PEOPLE_NOUN})${E}`, 'giu');
  for (let m = part.exec(sentence); m; m = part.exec(sentence)) {
    const a = parseNumber(m[1] ?? '');
    const b = parseNumber(m[2] ?? '');
    if (a === null || b === null || a > b || !validModifiers(m[3])) continue;
    const start = s.start + m.index;
    const end = start + m[0].length;
    push(
      { kind: 'worker_count', start, end, low: a, high: a, unit: 'persons', qualifier: 'part_of', of: b, per: null },
      WORKER_NOUN_RE.test(m[4] ?? '') ? 'worker' : 'people',
      text.slice(Math.max(0, start - 40), start), text.slice(end, end + 40),
    );
  }

  // Ranges and single values, with a bound word: "between 50,000 and 60,000 North Korean workers", "52,000-80,000 North Korean citizens", "as many as 65,000 North Koreans", "400,000 dolgyeokdae"
  const counted = re(
    `${B}(?:${BOUND}${SP})?(?:(?:between|from)${SP})?${N}(?:(?:${SP}(?:and|to)${SP}|[ \\u00a0]?[-–—][ \\u00a0]?)${N})?${SP}${MODIFIERS}(${WORKER_NOUN}|${PEOPLE_NOUN})${E}`,
    'giu',
  );
  for (let m = counted.exec(sentence); m; m = counted.exec(sentence)) {
    const first = parseNumber(m[2] ?? '');
    const second = m[3] ? parseNumber(m[3]) : null;
    if (first === null || (m[3] && second === null) || !validModifiers(m[4])) continue;
    // "One laborer went into town": a person, not a count of a workforce.
    if (second === null && first < 2) continue;
    // Years and small numbers glued to nouns ("2016 people") are not counts of workers.
    if (/^\d{4}$/.test(m[2] ?? '') && first >= 1900 && first <= 2099 && !m[3]) continue;
    const start = s.start + m.index;
    const end = start + m[0].length;
    if (!taken.isFree(start, end)) continue;
    let q: FigureQualifier;
    let low: number | null;
    let high: number | null;
    if (second !== null) {
      q = 'range';
      low = first;
      high = second;
      const bq = qualifierOf(m[1]);
      if (bq === 'approximate') q = 'range';
    } else {
      q = qualifierOf(m[1]);
      ({ low, high } = bounds(first, q));
    }
    push(
      { kind: 'worker_count', start, end, low, high, unit: 'persons', qualifier: q, of: null, per: null },
      WORKER_NOUN_RE.test(m[5] ?? '') ? 'worker' : 'people',
      text.slice(Math.max(0, start - 40), start), text.slice(end, end + 40), (m[5] ?? '').replace(/\s+/g, ' '),
    );
  }

  // Orders of magnitude: "tens of thousands of workers", "the number of North Koreans working abroad is in the tens of thousands"
  const vague = re(`${B}(tens|hundreds)${SP}of${SP}thousands(?:${SP}of${SP}${MODIFIERS}(${WORKER_NOUN}|${PEOPLE_NOUN}))?${E}|${B}(thousands)${SP}of${SP}${MODIFIERS}(${WORKER_NOUN})${E}`, 'giu');
  for (let m = vague.exec(sentence); m; m = vague.exec(sentence)) {
    const start = s.start + m.index;
    const end = start + m[0].length;
    const head = (m[1] ?? m[4] ?? '').toLowerCase();
    const noun = m[3] ?? m[6];
    if (!validModifiers(m[2]) || !validModifiers(m[5])) continue;
    const numberOf = /\bnumber of\b[^.]*\b(?:work|labou?r|employ)/i.test(sentence.slice(0, m.index));
    if (!noun && !numberOf) continue;
    const low = head === 'tens' ? 10_000 : head === 'hundreds' ? 100_000 : 1_000;
    push(
      { kind: 'worker_count', start, end, low, high: low * 10, unit: 'persons', qualifier: 'order_of_magnitude', of: null, per: null },
      noun && WORKER_NOUN_RE.test(noun) ? 'worker' : 'people',
      text.slice(Math.max(0, start - 40), start), text.slice(end, end + 40),
    );
  }
  if (ownCue) for (const h of [...numberOfCounts(sentence, s), ...parenthesisedCounts(sentence, s)]) push(h, 'worker', '', '');
  return hits;
}

const COUNT_NOUN = String.raw`(?:workers?|work[ -]?force|labou?rers?|employees|North${SP}Koreans|nationals|citizens|people|persons|work${SP}permits|work${SP}visas|working${SP}visas|permits|visas)`;
/** Bare numbers after "the number of … workers" that give its value: "dropped from 30,023 to 11,490", "stood at about 400", "peaking at 2,123". */
function numberOfCounts(sentence: string, s: Sentence): Hit[] {
  const head = re(`\\bnumber${SP}of${SP}(?:[\\p{L}’'\\-]+${SP}){0,5}?${COUNT_NOUN}${E}`, 'giu').exec(sentence);
  if (!head) return [];
  const hits: Hit[] = [];
  const tail = sentence.slice(head.index + head[0].length);
  const offset = s.start + head.index + head[0].length;
  const value = re(`${B}(?<verb>(?:from|at|to|by|of|reached|was|is|were|stood${SP}at|peak(?:ed|ing)${SP}at)${SP})(?<val>(?:${BOUND}${SP})?${N})(?![\\p{L}\\p{N}%$]|${SP}(?:percent|per${SP}cent|hours?|days?|months?|years?|countries|dollars|euros|won|yuan)${E})`, 'giu');
  for (let m = value.exec(tail); m; m = value.exec(tail)) {
    const raw = m[4] ?? '';
    const v = parseNumber(raw);
    if (v === null || v < 2 || (/^\d{4}$/.test(raw) && v >= 1900 && v <= 2099)) continue;
    const q = qualifierOf(m[3]);
    const start = offset + m.index + (m.groups?.verb ?? '').length;
    const { low, high } = bounds(v, q);
    hits.push({ kind: 'worker_count', start, end: offset + m.index + m[0].length, low, high, unit: 'persons', qualifier: q, of: null, per: null });
  }
  return hits;
}

/** "about 80% of them work in China (50,000) and Russia (30,000)": a count in brackets after a place. */
function parenthesisedCounts(sentence: string, s: Sentence): Hit[] {
  const hits: Hit[] = [];
  const r = re(`(?<=[\\p{Lu}][\\p{L}’'\\-]*[ \\u00a0]?)\\([ \\u00a0]*(?:${BOUND}${SP})?(\\d{1,3}(?:,\\d{3})+|\\d{3,})[ \\u00a0]*\\)`, 'gu');
  for (let m = r.exec(sentence); m; m = r.exec(sentence)) {
    const v = parseNumber(m[2] ?? '');
    if (v === null || (/^\d{4}$/.test(m[2] ?? '') && v >= 1900 && v <= 2099)) continue;
    const q = qualifierOf(m[1]);
    const start = s.start + m.index + 1;
    hits.push({ kind: 'worker_count', start, end: s.start + m.index + m[0].length - 1, low: bounds(v, q).low, high: bounds(v, q).high, unit: 'persons', qualifier: q, of: null, per: null });
  }
  return hits;
}

// ---------------------------------------------------------------- shares

const WAGE_NOUN = String.raw`(?:wages?|salar(?:y|ies)|pay|paychecks?|earnings|income|remuneration|stipends?|pay${SP}packets?)`;
const WORKFORCE_NOUN = String.raw`(?:workers?|work[ -]?force|labou?rers?|North${SP}Koreans|Koreans|nationals|citizens|employees|people|labou?r${SP}force)`;
const REVENUE_NOUN = String.raw`(?:revenues?|profits?|proceeds|exports?|trade|turnover|sales|foreign${SP}currency|hard${SP}currency|budget)`;
const OWNER_STATE = /\b(?:state|government|regime|country|company|companies|firm|party|nation|North[ \u00a0]Korea)(?:[’']s)?[ \u00a0]+$/i;

/**
 * What a share is a share of, from the words after it ("of their monthly
 * wages", "of the total North Korean workers") or, for "of which", "of
 * them", the nearest whole named before it ("$1,000 a month, half of which").
 */
function shareWhole(sentence: string, start: number, end: number): ShareWhole {
  const after = sentence.slice(end, end + 90);
  const direct = re(`^[ \\u00a0]*(?:of|in)${SP}(?:the${SP}|their${SP}|its${SP}|his${SP}|her${SP}|all${SP}|these${SP}|those${SP}|a${SP}worker[’']s${SP})?(?:total${SP})?((?:[\\p{L}’'\\-]+${SP}){0,3}?)(${WAGE_NOUN}|${WORKFORCE_NOUN}|${REVENUE_NOUN})${E}`, 'iu').exec(after);
  if (direct) {
    const noun = direct[2] ?? '';
    if (re(`^${WAGE_NOUN}$`, 'iu').test(noun)) return OWNER_STATE.test(direct[1] ?? '') ? 'revenue' : 'wages';
    if (re(`^${REVENUE_NOUN}$`, 'iu').test(noun)) return 'revenue';
    return 'workforce';
  }
  if (!/^[ \u00a0]*of[ \u00a0]+(?:which|them|these|those|it|this)\b/i.test(after)) return 'other';
  // The nearest whole before the share: money or pay, workers, revenue.
  const before = sentence.slice(Math.max(0, start - 160), start);
  const last = (pattern: string) => {
    let at = -1;
    const r = re(pattern, 'giu');
    for (let m = r.exec(before); m; m = r.exec(before)) at = m.index;
    return at;
  };
  const money = Math.max(last(`${WAGE_NOUN}${E}`), last(`(?:\\$|€|£|USD|dollars?|euros?|won|yuan)`));
  const workers = last(`${WORKFORCE_NOUN}${E}`);
  const revenue = last(`${REVENUE_NOUN}${E}`);
  const best = Math.max(money, workers, revenue);
  if (best < 0) return 'other';
  return best === money ? 'wages' : best === workers ? 'workforce' : 'revenue';
}

function shares(text: string, s: Sentence): Hit[] {
  const sentence = text.slice(s.start, s.end);
  const hits: Hit[] = [];
  const add = (idx: number, len: number, low: number | null, high: number | null, qualifier: FigureQualifier) =>
    hits.push({ kind: 'share', start: s.start + idx, end: s.start + idx + len, low, high, unit: 'fraction', qualifier, of: null, per: null, share_of: shareWhole(sentence, idx, idx + len) });

  // "95 percent", "40%", "zero to 15%", "about 40%"
  const pct = re(`${B}(?:${BOUND}${SP})?(?:(?:from${SP})?${N}(?:%|${SP}percent|${SP}per${SP}cent)?(?:${SP}to${SP}|[ \\u00a0]?[-–][ \\u00a0]?))?${N}[ \\u00a0]?(?:%|percent${E}|per${SP}cent${E})`, 'giu');
  for (let m = pct.exec(sentence); m; m = pct.exec(sentence)) {
    const a = m[2] ? parseNumber(m[2]) : null;
    const b = parseNumber(m[3] ?? '');
    if (b === null) continue;
    if (a !== null) add(m.index, m[0].length, a / 100, b / 100, 'range');
    else {
      const q = qualifierOf(m[1]);
      const v = b / 100;
      const { low, high } = bounds(v, q);
      add(m.index, m[0].length, low, high, q);
    }
  }
  // "one third of their wages", "two-thirds", "half of"
  const frac = re(`${B}(?:${BOUND}${SP})?(${FRACTION_WORDS})${SP}of${E}`, 'giu');
  for (let m = frac.exec(sentence); m; m = frac.exec(sentence)) {
    const v = parseFraction(m[2] ?? '');
    if (v === null) continue;
    // "that half of the strategy": a part of something, not a share of an amount.
    if (/\b(?:that|this|the other|other|first|second|latter|former|each)[ \u00a0]+$/i.test(sentence.slice(Math.max(0, m.index - 12), m.index))) continue;
    const q = qualifierOf(m[1]);
    const { low, high } = bounds(v, q);
    // The span is the share itself, without the trailing "of".
    add(m.index, m[0].length - 3, low, high, q);
  }
  // "Three of every four North Korean escapees"
  const every = re(`${B}${N}${SP}(?:of|in|out${SP}of)${SP}every${SP}${N}${E}`, 'giu');
  for (let m = every.exec(sentence); m; m = every.exec(sentence)) {
    const a = parseNumber(m[1] ?? '');
    const b = parseNumber(m[2] ?? '');
    if (a === null || b === null || b === 0 || a > b) continue;
    add(m.index, m[0].length, a / b, a / b, 'exact');
  }
  // "a 40:60 or 50:50 ratio": the first party's share
  const ratio = /(?<![\d:])(\d{1,3}):(\d{1,3})(?: or (\d{1,3}):(\d{1,3}))? ratio\b/g;
  for (let m = ratio.exec(sentence); m; m = ratio.exec(sentence)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const c = m[3] ? Number(m[3]) : null;
    const d = m[4] ? Number(m[4]) : null;
    const first = a / (a + b);
    const second = c !== null && d !== null ? c / (c + d) : null;
    const len = m[0].length - ' ratio'.length;
    if (second === null) add(m.index, len, first, first, 'exact');
    else add(m.index, len, Math.min(first, second), Math.max(first, second), 'range');
  }
  // Vague shares: "a fraction of", "the majority of", "a majority stake"
  const fuzzy = re(`${B}(?:(a|only a|a small|a tiny|a large)${SP}fraction|(?:the|a)${SP}majority)(?=${SP}(?:of|stake)${E})`, 'giu');
  for (let m = fuzzy.exec(sentence); m; m = fuzzy.exec(sentence)) {
    const isMajority = /majority/i.test(m[0]);
    add(m.index, m[0].length, isMajority ? 0.5 : null, isMajority ? null : null, isMajority ? 'at_least' : 'order_of_magnitude');
  }
  return hits;
}

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

function money(text: string, s: Sentence, state: { won: ExtractedUnit }): Hit[] {
  const sentence = text.slice(s.start, s.end);
  const hits: Hit[] = [];
  const taken = new Occupancy(s.end - s.start, s.start);
  const add = (idx: number, len: number, low: number | null, high: number | null, unit: ExtractedUnit, qualifier: FigureQualifier) => {
    const start = s.start + idx;
    const end = start + len;
    if (!taken.isFree(start, end)) return;
    // "a hundred dollar bill" is a banknote, not an amount.
    if (/^[ \u00a0]*bills?\b/i.test(text.slice(end, end + 8))) return;
    taken.take(start, end);
    const per = perOf(text.slice(Math.max(0, start - 40), start), text.slice(end, end + 60));
    hits.push({ kind: 'money', start, end, low, high, unit, qualifier, of: null, per });
  };

  // "$350 million to as much as $2.3 billion", "$70-$80", "US $300", "about US$9 million", "close to $1 billion"
  const prefixed = re(
    `${B}(?:${BOUND}${SP})?(?:(?:between|from)${SP})?${PREFIX}${N}(?:(?:${SP}(?:to|and)${SP}(?:${BOUND}${SP})?|[ \\u00a0]?[-–][ \\u00a0]?)${PREFIX}?${N})?`,
    'giu',
  );
  for (let m = prefixed.exec(sentence); m; m = prefixed.exec(sentence)) {
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
      add(m.index, m[0].length, lowV * cur.factor, b * cur.factor, cur.unit, 'range');
    } else {
      const q = qualifierOf(m[1]);
      const { low, high } = bounds(lowV * cur.factor, q);
      add(m.index, m[0].length, low, high, cur.unit, q);
    }
  }

  // "40,000 to 50,000 KPW", "5-6 USD", "2 million won", "50,000 won (South Korean)", "15 North Korean chon"
  const suffixed = re(
    `${B}(?:${BOUND}${SP})?(?:(?:between|from)${SP})?${N}(?:(?:${SP}(?:to|and)${SP}|[ \\u00a0]?[-–][ \\u00a0]?)${N})?${SP}${SUFFIX}${E}`,
    'giu',
  );
  for (let m = suffixed.exec(sentence); m; m = suffixed.exec(sentence)) {
    const cur = currencyOf(undefined, m[4], state);
    const a = parseNumber(m[2] ?? '');
    const b = m[3] ? parseNumber(m[3]) : null;
    if (!cur || a === null) continue;
    if (b !== null) add(m.index, m[0].length, a * cur.factor, b * cur.factor, cur.unit, 'range');
    else {
      const q = qualifierOf(m[1]);
      const { low, high } = bounds(a * cur.factor, q);
      add(m.index, m[0].length, low, high, cur.unit, q);
    }
  }

  // "hundreds of millions of dollars", "billions of dollars"
  const vague = re(`${B}(?:(tens|hundreds)${SP}of${SP})?(millions|billions)${SP}of${SP}(dollars|US${SP}dollars|euros|yuan|won)${E}`, 'giu');
  for (let m = vague.exec(sentence); m; m = vague.exec(sentence)) {
    const cur = currencyOf(undefined, m[3], state);
    if (!cur) continue;
    const base = (m[2] ?? '').toLowerCase() === 'billions' ? 1e9 : 1e6;
    const mult = (m[1] ?? '').toLowerCase() === 'hundreds' ? 100 : (m[1] ?? '').toLowerCase() === 'tens' ? 10 : 1;
    add(m.index, m[0].length, base * mult, base * mult * 10, cur.unit, 'order_of_magnitude');
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

function dates(text: string, s: Sentence): Hit[] {
  const sentence = text.slice(s.start, s.end);
  const hits: Hit[] = [];
  const taken = new Occupancy(s.end - s.start, s.start);
  const add = (idx: number, len: number, iso: string, year: number | null) => {
    const start = s.start + idx;
    const end = start + len;
    if (!taken.claim(start, end)) return;
    hits.push({ kind: 'date', start, end, low: year, high: year, unit: 'date', qualifier: 'exact', of: null, per: null, date: iso });
  };
  const monthNo = (raw: string) => MONTHS[raw.toLowerCase().replace(/\.$/, '')] ?? null;

  const full = re(`${B}${MONTH}[ \\u00a0]+(\\d{1,2})(?:st|nd|rd|th)?,?[ \\u00a0]+((?:19|20)\\d{2})${E}`, 'g');
  for (let m = full.exec(sentence); m; m = full.exec(sentence)) {
    const mo = monthNo(m[1] ?? '');
    const d = Number(m[2]);
    const y = Number(m[3]);
    if (mo && d >= 1 && d <= 31) add(m.index, m[0].length, `${y}-${pad(mo)}-${pad(d)}`, y);
  }
  const dayFirst = re(`${B}(\\d{1,2})[ \\u00a0]+${MONTH}[ \\u00a0]+((?:19|20)\\d{2})${E}`, 'g');
  for (let m = dayFirst.exec(sentence); m; m = dayFirst.exec(sentence)) {
    const mo = monthNo(m[2] ?? '');
    const d = Number(m[1]);
    const y = Number(m[3]);
    if (mo && d >= 1 && d <= 31) add(m.index, m[0].length, `${y}-${pad(mo)}-${pad(d)}`, y);
  }
  const monthYear = re(`${B}${MONTH}[ \\u00a0]+((?:19|20)\\d{2})${E}`, 'g');
  for (let m = monthYear.exec(sentence); m; m = monthYear.exec(sentence)) {
    const mo = monthNo(m[1] ?? '');
    const y = Number(m[2]);
    if (mo) add(m.index, m[0].length, `${y}-${pad(mo)}`, y);
  }
  const monthDay = re(`${B}${MONTH}[ \\u00a0]+(\\d{1,2})(?:st|nd|rd|th)?${E}(?![,:]?[ \\u00a0]*\\d)`, 'g');
  for (let m = monthDay.exec(sentence); m; m = monthDay.exec(sentence)) {
    const mo = monthNo(m[1] ?? '');
    const d = Number(m[2]);
    // "May 5" reads as a date; "may 5" (lowercase) was not matched.
    if (mo && d >= 1 && d <= 31) add(m.index, m[0].length, `--${pad(mo)}-${pad(d)}`, null);
  }
  const slashed = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})(?![\d/])/g;
  for (let m = slashed.exec(sentence); m; m = slashed.exec(sentence)) {
    const mo = Number(m[1]);
    const d = Number(m[2]);
    const y = Number(m[3]);
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) add(m.index, m[0].length, `${y}-${pad(mo)}-${pad(d)}`, y);
  }
  const year = /\b(?:in|since|from|until|by|before|after|of|during|early|late|mid)[ \u00a0]+((?:19|20)\d{2})(?!\d|s\b|[ \u00a0]*(?:percent|%|people|workers|North|US|dollars|won))/gi;
  for (let m = year.exec(sentence); m; m = year.exec(sentence)) {
    const y = Number(m[1]);
    const idx = m.index + m[0].length - (m[1] ?? '').length;
    add(idx, 4, String(y), y);
  }
  return hits;
}

// ---------------------------------------------------------------- all

/** Any word a figure without digits could be written with. */
const NUMBER_WORDS = /\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|half|thirds?|quarters?|fifths?|tenths?|fraction|majority)\b/i;

/** Finds every figure in the text. Sentences must cover the text in order. */
export function findFigureHits(text: string, sentences: readonly Sentence[]): Hit[] {
  const state = { won: 'KPW' as ExtractedUnit };
  const all: Hit[] = [];
  let prevCue = false;
  let lastShare: { whole: ShareWhole; sentence: Sentence; sentenceEnd: number } | null = null;
  for (const s of sentences) {
    // Most sentences hold no number at all: skip them before the costly patterns.
    const body = text.slice(s.start, s.end);
    const cue = prevCue;
    prevCue = WORK_CUE.test(body);
    if (!/\d/.test(body) && !NUMBER_WORDS.test(body)) continue;
    const inSentence: Hit[] = [];
    const taken = new Occupancy(s.end - s.start, s.start);
    for (const h of [...money(text, s, state), ...shares(text, s), ...workerCounts(text, s, cue), ...dates(text, s)]) {
      if (taken.claim(h.start, h.end)) inSentence.push(h);
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
