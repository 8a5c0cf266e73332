/**
 * Worker counts whose noun a report leaves to the sentence around them
 * (round 14 of issue 17): a count compared with earlier ones ("three North
 * Koreans … down from 33 and 30 in January"), and a count stated as what
 * there is now ("The first arrived in 1998; now there are close to 400").
 * Called by worker-counts.ts, which decides when the sentence is about the
 * workers.
 */
import { parseNumber } from './numbers.ts';
import { BOUND, E, N, SP, bounds, fresh, qualifierOf, type Hit, type Sentence } from './figure-patterns.ts';
import type { FigureQualifier } from '../model/figure.ts';

const SMALL_WORD = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+ty(?:[- ][a-z]+)?)$/i;
/** After a value: no unit, money, time or share that would make it something other than people. */
const NO_UNIT = String.raw`(?![\p{N}]|[,.]\p{N})(?![ \u00a0]*(?:%|percent|per${SP}cent|dollars|euros|won|yuan|rubles|roubles|years?|months?|days?|hours?|times)${E})`;

/** A count of one value (with its bound) or, given an upper end above it, a range; null for an upper end not above the value. */
export function valueOrRange(start: number, end: number, v: number, upper: number | null, q: FigureQualifier): Hit | null {
  if (upper === null) return { kind: 'worker_count', start, end, ...bounds(v, q), unit: 'persons', qualifier: q, of: null, per: null };
  return upper > v ? { kind: 'worker_count', start, end, low: v, high: upper, unit: 'persons', qualifier: 'range', of: null, per: null } : null;
}

/** "down from 33 and 30", "up from 1,200": values the count before it was compared with. */
const RE_COMPARED = new RegExp(`\\b(?:down|up)${SP}from${SP}(?:${BOUND}${SP})?${N}${NO_UNIT}(?:${SP}and${SP}${N}${NO_UNIT})?`, 'giu');

/** A count compared with earlier values of the same count, in a sentence that holds one. */
export function comparedCounts(sentence: string, s: Sentence): Hit[] {
  const hits: Hit[] = [];
  if (!/\b(?:down|up)[ \u00a0]+from\b/i.test(sentence)) return hits;
  const r = fresh(RE_COMPARED);
  for (let m = r.exec(sentence); m; m = r.exec(sentence)) {
    const q = qualifierOf(m[1]);
    for (const raw of [m[2], m[3]]) {
      const v = raw ? parseNumber(raw) : null;
      if (v === null || v < 2 || (/^\d{4}$/.test(raw!) && v >= 1900 && v <= 2099)) continue;
      const start = s.start + m.index + m[0].lastIndexOf(raw!);
      hits.push({ kind: 'worker_count', start, end: start + raw!.length, ...bounds(v, q), unit: 'persons', qualifier: q, of: null, per: null });
    }
  }
  return hits;
}

/** "now there are close to 400.", "there were some 2,000 by 2017": a count whose noun is the sentence before's. */
const RE_THERE_ARE = new RegExp(`\\b[Tt]here${SP}(?:are|were|is|was)${SP}(?:(?:now|still|only|already|currently)${SP})?(?<val>(?:${BOUND}${SP})?${N})${NO_UNIT}(?=[ \\u00a0]*(?:[,;:)]|[.](?![\\p{N}])|$)|${SP}(?:in${SP}\\p{Lu}|today|now|left|remaining|by${SP}(?:19|20)\\d\\d|(?:working|employed)${SP}(?:in|at|on|as|for))${E})`, 'gu');

export function thereAreCounts(sentence: string, s: Sentence): Hit[] {
  const hits: Hit[] = [];
  if (!/\b[Tt]here[ \u00a0]+(?:are|were|is|was)\b/.test(sentence)) return hits;
  const r = fresh(RE_THERE_ARE);
  for (let m = r.exec(sentence); m; m = r.exec(sentence)) {
    const raw = m[3] ?? '';
    const v = parseNumber(raw);
    // Small numbers written as words are seldom a workforce ("there were two"); years are no count.
    if (v === null || v < 10 || SMALL_WORD.test(raw) || (/^\d{4}$/.test(raw) && v >= 1900 && v <= 2099)) continue;
    const q = qualifierOf(m[2]);
    const val = m.groups?.val ?? raw;
    const start = s.start + m.index + m[0].length - val.length;
    hits.push({ kind: 'worker_count', start, end: start + val.length, ...bounds(v, q), unit: 'persons', qualifier: q, of: null, per: null });
  }
  return hits;
}

/**
 * "…, 30 arrive next week", "but only 36 possessed valid work permits", "…, around 10,000 of whom work in Primorsky":
 * a count whose noun is the people counted before it, told by what they do (arrive, return, hold permits, work).
 */
const RE_VERB_COUNT = new RegExp(`(?<![\\p{L}\\p{N}$€£¥.,])(?:(?:only|just|another)${SP})?(?<val>(?:${BOUND}${SP})?${N})(?=${SP}(?:more${SP})?(?:(?:are|were|is)${SP}to${SP}|will${SP}|would${SP})?(?:of${SP}(?:whom|them)${SP}(?:(?:still|now|currently|reportedly)${SP})?(?:work|toil|(?:are|were)${SP}(?:employed|working))|(?:working|employed)${SP}(?:at|for|by)|arrive[sd]?|arriving|return(?:s|ed)?|(?:went|go|were${SP}sent|are${SP}sent)${SP}home|(?:had|have|held|hold|possessed|obtained|received)${SP}(?:valid${SP}|legal${SP})?(?:work(?:ing)?${SP})?(?:permits|visas|passes))${E})`, 'giu');

/** "Russia will get 24,200 workers, while China gets 1,500, Southeast Asia receives 700": a share of the workers counted before, by what a place gets. */
const RE_GETS_COUNT = new RegExp(`\\b(?:gets?|getting|receives?|receiving|received|hosts?|hosting|hosted)${SP}(?:(?:only|just|another|a${SP}further)${SP})?(?<val>(?:${BOUND}${SP})?${N})${NO_UNIT}(?=[ \\u00a0]*(?:[,;)]|[.](?![\\p{N}])|$)|${SP}(?:and|while|whereas|but)${E})`, 'giu');

export function verbCounts(sentence: string, s: Sentence): Hit[] {
  const hits: Hit[] = [];
  if (!/arriv|return|home|permits|visas|passes|whom|them|get|receiv|host|working|employed/i.test(sentence)) return hits;
  for (const r of [fresh(RE_VERB_COUNT), fresh(RE_GETS_COUNT)]) hits.push(...verbCountsOf(r, sentence, s));
  return hits;
}

function verbCountsOf(r: RegExp, sentence: string, s: Sentence): Hit[] {
  const hits: Hit[] = [];
  for (let m = r.exec(sentence); m; m = r.exec(sentence)) {
    const raw = m[3] ?? '';
    const v = parseNumber(raw);
    if (v === null || v < 2 || (/^\d{4}$/.test(raw) && v >= 1900 && v <= 2099)) continue;
    const q = qualifierOf(m[2]);
    const val = m.groups?.val ?? raw;
    const start = s.start + m.index + m[0].length - val.length;
    hits.push({ kind: 'worker_count', start, end: start + val.length, ...bounds(v, q), unit: 'persons', qualifier: q, of: null, per: null });
  }
  return hits;
}

/**
 * "put the North Korean migrant workers in Russia at about 34,000", "had put them at about 2,500", "estimated the
 * workers abroad at 52,000–54,000", "estimates put the number somewhere between 50,000 and 100,000": an estimate whose
 * value follows "at" (or "between"), the workers named (or "them", "the number") between.
 * `them`: whether "them" or "the number" may stand for the workers (the sentence or the one before speaks of them).
 */
const RE_PUT_AT = new RegExp(`\\b(?:put|puts|putting|placed|places|placing|estimated|estimates|estimating)${SP}(?<what>(?:[\\p{L}’'\\-]+,?${SP}){1,12}?)(?:at|between)${SP}(?<val>(?:${BOUND}${SP})?${N}(?:(?:[ \\u00a0]?[-–][ \\u00a0]?|${SP}(?:and|to)${SP})(\\d{1,3}(?:,\\d{3})+|\\d+))?)${NO_UNIT}(?![ \\u00a0]*(?:[-–][ \\u00a0]?)?(?:million|billion|a${SP}(?:month|year|day)|per${SP}))`, 'giu');
const PUT_WHAT = /\b(?:workers?|work[ -]?force|labou?rers?|employees|North[ \u00a0]+Koreans|nationals)\b/i;

export function putAtCounts(sentence: string, s: Sentence, them: boolean): Hit[] {
  const hits: Hit[] = [];
  if (!/\b(?:put|plac|estimat)/i.test(sentence)) return hits;
  const r = fresh(RE_PUT_AT);
  for (let m = r.exec(sentence); m; m = r.exec(sentence)) {
    const what = m.groups?.what ?? '';
    // (Refused: the next try starts at the next word, "estimates put the number at": "put" may be the verb.)
    if (!PUT_WHAT.test(what) && !(them && /^(?:them|the[ \u00a0]+(?:total[ \u00a0]+)?number)\b/i.test(what))) {
      r.lastIndex = m.index + 1;
      continue;
    }
    const raw = m[4] ?? '';
    const v = parseNumber(raw);
    if (v === null || v < 2 || (/^\d{4}$/.test(raw) && v >= 1900 && v <= 2099)) continue;
    const val = m.groups?.val ?? raw;
    const start = s.start + m.index + m[0].length - val.length;
    const h = valueOrRange(start, start + val.length, v, m[5] ? parseNumber(m[5]) : null, qualifierOf(m[3]));
    if (h) hits.push(h);
  }
  return hits;
}

/** "is estimated at between 50,000 to 60,000": a range after the verb of "the number of … workers". */
const RE_BETWEEN_VALUE = new RegExp(`\\b(?:at|is|was|are|were|of)${SP}(between${SP}${N}${SP}(?:and|to)${SP}${N})${NO_UNIT}`, 'giu');

/** The ranges "between … and/to …" in `tail`, which starts at `offset` of the text. */
export function betweenValues(tail: string, offset: number): Hit[] {
  const hits: Hit[] = [];
  if (!/between/i.test(tail)) return hits;
  const r = fresh(RE_BETWEEN_VALUE);
  for (let m = r.exec(tail); m; m = r.exec(tail)) {
    const low = parseNumber(m[2] ?? '');
    const high = parseNumber(m[3] ?? '');
    if (low === null || high === null || low >= high) continue;
    const span = m[1] ?? '';
    const start = offset + m.index + m[0].length - span.length;
    const h = valueOrRange(start, start + span.length, low, high, 'range');
    if (h) hits.push(h);
  }
  return hits;
}
