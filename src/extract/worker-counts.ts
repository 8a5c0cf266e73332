/**
 * Worker counts in one sentence: "between 50,000 and 60,000 North Korean
 * workers", "Forty-nine of the 119 foreign workers", "tens of thousands of
 * workers", the values of "the number of … workers" ("fell from 30,023 to
 * 11,490") and counts in brackets after a place ("China (50,000)"); not
 * people something happened to (killed, defected, imprisoned).
 */
import type { FigureQualifier } from '../model/figure.ts';
import { parseNumber } from './numbers.ts';
import { Occupancy } from './occupancy.ts';
import { betweenValues, comparedCounts, putAtCounts, thereAreCounts, valueOrRange, verbCounts } from './count-extras.ts';
import { B, BOUND, E, N, SP, boundedNumberStarts, bounds, fresh, matchesAt, guardText, numberStarts, qualifierOf, stickyOf, type Hit, type Sentence } from './figure-patterns.ts';

/** Nouns that are workers by themselves. */
const WORKER_NOUN = String.raw`(?:workers?|work[ -]?force|labou?rers?|employees|miners|loggers|builders|dolgyeokdae|slaves|staff)`;
const WORKER_NOUN_RE = new RegExp(`^${WORKER_NOUN}$`, 'iu');
/** Professions the state sends to earn abroad: counted where the text speaks of North Korean labour and the sentence of North Koreans. */
const PROFESSION = String.raw`(?:doctors|physicians|nurses|medics|medical${SP}staff|engineers|technicians|teachers|instructors|artists|painters|sculptors|cooks|chefs|waitresses|seafarers|crew${SP}members|surgeons|dentists|pharmacists|seamstresses|welders|carpenters|bricklayers|plasterers|electricians|programmers|developers|deminers)`;
const PROFESSION_RE = new RegExp(`^${PROFESSION}$`, 'iu');
/** Nouns that are workers only where the sentence speaks of work. */
const PEOPLE_NOUN = String.raw`(?:North Koreans|North Korean(?=${SP}(?:are|were|employed|working)${E})|N\.[ \u00a0]?Koreans|Koreans|citizens|nationals|compatriots|people|persons|men|women|individuals|seamen|sailors|fishermen|${PROFESSION}|(?:work[ \u00a0]+)?(?:visas|permits))`;
const MODIFIER_WORDS = new Set(['of', 'the', 'these', 'those', 'foreign', 'expatriate', 'overseas', 'migrant', 'contract', 'hand-picked', 'female', 'male', 'young', 'skilled', 'unskilled', 'construction', 'restaurant', 'restaurants', 'garment', 'textile', 'logging', 'forestry', 'timber', 'mine', 'mining', 'coal', 'factory', 'farm', 'medical', 'other', 'more', 'additional', 'new', 'its', 'their', 'information', 'technology', 'tech', 'guest', 'fishing', 'seafood', 'agricultural', 'such', 'types', 'kinds', 'sorts', 'forced', 'state', 'state-dispatched', 'dispatched', 'registered', 'remaining', 'total', 'undocumented', 'illegal', 'legal', 'documented']);
/** Up to four words between a number and its noun ("N." of "N. Korean" among them); checked by validModifiers, since a case-insensitive pattern cannot tell capitals. */
const MODIFIERS = String.raw`((?:(?:[\p{L}’'\-]+|[NS]\.)[ \u00a0]+){0,4}?)`;

function validModifiers(raw: string | undefined): boolean {
  if (!raw) return true;
  return raw.trim().split(/[ \u00a0]+/).filter(Boolean).every((w) => MODIFIER_WORDS.has(w) || /^[A-Z]/.test(w));
}
export const WORK_CUE = /\b(?:work(?:s|ed|ing|ers?|force)?|labou?r(?:s|ed|ing|ers?)?|employ(?:s|ed|ing|ment|ees?)?|jobs?|hir(?:e|es|ed|ing)|dispatched|sent (?:abroad|overseas)|forced to)\b/i;
/** Counts of people something happened to, met or interviewed, or the size of each of several groups ("move in groups of fifteen"): not a workforce; "a group of 35 North Korean workers" is one. */
const EVENT_BEFORE = /\b(?:killed|kill|killing|injured|injuring|wounded|dead|died|deaths|defected|defection|executed|purged|met|interviewed|groups(?: of at least)?|teams|country|nation|population)(?:\s+of)?\s+(?:the\s+)?$/i;
/** Things that happen to people who may or may not be workers ("found" too: "found 29 North Korean workers" is a count, "found 3 North Koreans" need not be): a count of workers only when the sentence speaks of work. */
const EVENT_BEFORE_PEOPLE = /\b(?:arrested|rescued|deported|repatriated|(?<!\b(?:report|study|survey|investigation|review|panel|analysis|audit)[ \u00a0]+)found)(?:\s+of)?\s+(?:the\s+)?$/i;
/** Jobs to fill, not workers who came: "labour shortages estimated at 4,500 workers", "vacancies for 300 builders". */
const DEMAND_BEFORE = /\b(?:shortages?|vacanc(?:y|ies)|deficit|gap)(?:[ \u00a0]+[\p{L}\-]+){0,2}?[ \u00a0]+(?:of|at|for|by)[ \u00a0]+$/iu;
const EVENT_AFTER = /^[ \u00a0]*(?:,?[ \u00a0]*(?:who|that)[ \u00a0]+)?(?:have[ \u00a0]+|had[ \u00a0]+|were[ \u00a0]+|was[ \u00a0]+|are[ \u00a0]+)?(?:being[ \u00a0]+)?(?:killed|injured|died|defected|fled|were killed|were injured|escaped|went missing|held|imprisoned|detained|jailed|(?:could|can)[ \u00a0]+be[ \u00a0]+seen)\b/i;
/** A word every noun of WORKER_NOUN and PEOPLE_NOUN contains (a cheap test before the patterns that need one, of the lower-case sentence). */
const HAS_NOUN = /work|labou?rer|employee|miner|logger|builder|dolgyeokdae|slave|staff|korean|citizen|national|compatriot|people|person|men|individual|seam|sailor/;
/** "North Koreans" by name: in a text about their labour, a count of them is a count of workers ("plans to bring in 5,000 North Koreans"). */
const NK_PEOPLE_RE = /^(?:North Koreans?|N\.[ \u00a0]?Koreans)$/i;
/** Visas or permits "to North Koreans", "for North Korean workers". */
const VISAS_TO_NK = /^[ \u00a0]+(?:(?:(?:had|have|has|were|was)[ \u00a0]+)?(?:been[ \u00a0]+)?(?:granted|issued|given)[ \u00a0]+)?(?:to|for)[ \u00a0]+(?:North[ \u00a0]Koreans?|N\.[ \u00a0]?Koreans?|DPRK)/i;
/** Sentences about North Koreans who are not sent to work: soldiers, defectors, refugees, tourists, athletes. */
const NOT_WORK = /\b(?:corpses?|bodies|dead|bones|troops?|soldiers?|military|fight(?:s|ing)?|combat|battle\w*|defect\w*|refugees?|escapees?|asylum|tourists?|athletes?|delegat\w*|students?|prisoners?|abduct\w*)\b/i;
/** "the North" for North Korea, as Korean papers write it (not "the North East"). */
const THE_NORTH = /\bthe North\b(?![ \u00a0-]*(?:[Ee]ast|[Ww]est|[Ss]ea|[Pp]ole|[Aa]tlantic))/;
const SANCTIONS_WORDS = /\b(?:sanctions?|resolutions?|visas?|permits?|contracts?)\b/i;
/** Nouns that name North Koreans as such: with them a count may take its cue from the sentence before. */
const NATIONALS_RE = /^(?:North Koreans?|N\.[ \u00a0]?Koreans|Koreans|nationals|citizens)$/i;

const RE_WORKER_COUNTS_1 = new RegExp(`${B}${N}${SP}(?:out${SP})?of${SP}(?:the${SP}|these${SP}|those${SP}|some${SP}|his${SP}|her${SP}|its${SP}|their${SP})?${N}${SP}${MODIFIERS}(${WORKER_NOUN}|${PEOPLE_NOUN})${E}`, 'giu');
const RE_WORKER_COUNTS_2 = new RegExp(`${B}(?:${BOUND}${SP})?(?:(?:between|from)${SP})?${N}(?:(?:${SP}(?:and|to|or)${SP}|[ \\u00a0]?[-–—][ \\u00a0]?)${N})?[”"’]?${SP}${MODIFIERS}(${WORKER_NOUN}|${PEOPLE_NOUN})${E}`, 'giu');
const RE_WORKER_COUNTS_7 = new RegExp(`${B}(?<!(?:tens|hundreds)${SP}of${SP})(?:${BOUND}${SP}["“‘]?|many${SP})?(?:(thousands|hundreds|dozens|scores)(?:${SP}more)?(?:${SP}of)?|(?:several|a${SP}few)${SP}(hundred|thousand))${SP}${MODIFIERS}(${WORKER_NOUN}|${PEOPLE_NOUN})${E}`, 'giu');
const RE_MANY_WORKING = new RegExp(`${B}(?<!(?:tens|hundreds)${SP}of${SP})(thousands|hundreds|dozens|(?:several|a${SP}few)${SP}(?:thousand|hundred))(?=${SP}(?:(?:who|that)${SP}(?:work|toil|labou?r|are${SP}employed|were${SP}employed|are${SP}working|were${SP}working)|employed|working|toiling|remain(?:ed)?|(?:are|were)${SP}left|stay(?:ed)?)${E})`, 'giu');
/** What RE_MANY_WORKING needs, tested first on the lower-case sentence (a plain pattern, cheaper than its look-behinds at every character). */
const MANY_WORKING_WORDS = /(?:thousands?|hundreds?|dozens)[ \u00a0]+(?:who|that|employed|working|toiling|remain|are[ \u00a0]+left|were[ \u00a0]+left|stay)/;
/** A team's size in its name: "the 38-member team", "a 20-strong brigade". */
const RE_TEAM_SIZE = new RegExp(`${B}(\\d{1,4})[-–](?:member|strong|person)${SP}(?:(?:North${SP}Korean|DPRK)${SP})?(?:(?:medical|construction|work|working|labou?r)${SP})?(?:team|crew|brigade|group|unit|workforce)${E}`, 'giu');
/** "a workforce that once stood at 30,000": the value of a workforce. */
const RE_WORKFORCE_AT = new RegExp(`\\b(?:work[ -]?force|labou?r${SP}force)${SP}(?:that${SP}|which${SP})?(?:(?:once|now|then|still|had)${SP})?(?:stood${SP}at|stands${SP}at|numbered|numbers|peaked${SP}at|totall?ed|reached|was)${SP}(?<val>(?:${BOUND}${SP})?${N})(?![\\p{N}]|[,.]\\p{N})${E}`, 'giu');
/** The two above, tried (sticky) only where a number may start (irregexp would try them at every character). */
const PART_AT = stickyOf(RE_WORKER_COUNTS_1);
const COUNTED_AT = stickyOf(RE_WORKER_COUNTS_2);
const RE_WORKER_COUNTS_3 = new RegExp(`${B}(tens|hundreds)${SP}of${SP}thousands(?:${SP}of${SP}${MODIFIERS}(${WORKER_NOUN}|${PEOPLE_NOUN}))?${E}|${B}(thousands)${SP}of${SP}${MODIFIERS}(${WORKER_NOUN})${E}`, 'giu');

/**
 * Worker counts in one sentence. `prevCue`: the sentence before speaks of
 * work ("Kuwait … sent back 904 North Koreans, … of the total North Korean
 * workers there. Qatar also sent back about 2,500 North Koreans.").
 */
/** What `pushCount` reads of the sentence a count is in (a module-level function takes it: see figures.ts `Found`). */
interface CountContext {
  text: string;
  sentence: string;
  ownCue: boolean;
  prevCue: boolean;
  textCue: boolean;
  taken: Occupancy;
  hits: Hit[];
}

function pushCount(c: CountContext, h: Hit, nounKind: 'worker' | 'people', before: string, after: string, noun = ''): void {
  const { text, sentence, ownCue, prevCue, textCue } = c;
  // Without a word of work in its own sentence, a count of people takes its cue from the sentence before or from the text, unless it speaks of soldiers, defectors or the like.
  // "issued 13,000 visas to North Koreans" in a text about their labour: visas of workers.
  const visasToNorthKoreans = textCue && /(?:visas|permits)$/i.test(noun) && VISAS_TO_NK.test(after) && !NOT_WORK.test(sentence);
  // "97 North Korean doctors" in a text about their labour.
  const sentProfessionals = textCue && PROFESSION_RE.test(noun) && (NK_WORD.test(sentence) || THE_NORTH.test(sentence)) && !NOT_WORK.test(sentence);
  // "33 North Korean nationals", "296 DPRK nationals": North Koreans by name, in a text about their labour.
  const namedNationals = textCue && NATIONALS_RE.test(noun) && NK_WORD.test(text.slice(h.start, h.end));
  if (nounKind === 'people' && !visasToNorthKoreans && !sentProfessionals && !(ownCue || ((prevCue || namedNationals || (textCue && NK_PEOPLE_RE.test(noun))) && NATIONALS_RE.test(noun) && !NOT_WORK.test(sentence)))) return;
  // A number glued to another by a dash is a date or a code ("2019-12-21 North Korean workers"), not a count.
  if (/\d[-–/]$/.test(before)) return;
  if (EVENT_BEFORE.test(before) || EVENT_AFTER.test(after) || DEMAND_BEFORE.test(before)) return;
  // "an article that found two North Korean construction workers": a few people met, not a workforce counted.
  if ((h.high ?? h.low ?? 0) < 10 && /\bfound\s+$/i.test(before)) return;
  // Nationals sent home under the sanctions are workers sent home ("repatriated 33 North Korean nationals … to implement UN sanctions").
  const sentHome = namedNationals && /\brepatriat/i.test(before) && SANCTIONS_WORDS.test(sentence);
  if (nounKind === 'people' && !ownCue && !sentHome && EVENT_BEFORE_PEOPLE.test(before)) return;
  // Millions of foreign workers are a host's whole migrant labour force, not North Koreans, unless the sentence says so.
  if ((h.low ?? h.high ?? 0) >= 1_000_000 && /\b(?:foreign|migrant|expatriate)\b/i.test(sentence) && !NK_WORD.test(sentence)) return;
  // "30,000 foreign laborers live in the camps": workers of other nations, unless the sentence names North Koreans.
  if (/\b(?:foreign|migrant|expatriate)[ \u00a0]+(?:[\p{L}\-]+[ \u00a0]+)?(?:workers|labou?rers|employees)\b/iu.test(text.slice(h.start, h.end)) && !NK_WORD.test(sentence)) return;
  if (!c.taken.claim(h.start, h.end)) return;
  c.hits.push(h);
}

export function workerCounts(text: string, s: Sentence, prevCue = false, textCue = false, prevCount = false): Hit[] {
  const sentence = text.slice(s.start, s.end);
  const hits: Hit[] = [];
  const ownCue = WORK_CUE.test(sentence);
  // (The cheap tests read the sentence in lower case: see guardText.)
  const lower = guardText(sentence);
  // (Professionals "from the North" need no noun of HAS_NOUN.)
  const nouns = HAS_NOUN.test(lower) || (textCue && THE_NORTH.test(sentence));
  const thousands = lower.includes('thousands');
  // No noun a count could stand before, no "thousands", no cue to work: nothing below can match.
  const figureNamed = (prevCue || prevCount) && /estimate|figure|tally|number/.test(lower);
  const ofThem = (prevCue || prevCount) && lower.includes('of them');
  const remaining = (prevCue || prevCount) && /thousand|hundred|dozens|scores|-member|-strong|-person|there (?:are|were|is|was) /.test(lower);
  if (!nouns && !thousands && !ownCue && !figureNamed && !ofThem && !remaining) return hits;
  const taken = new Occupancy(s.end - s.start, s.start);
  const c: CountContext = { text, sentence, ownCue, prevCue, textCue, taken, hits };

  // Orders of magnitude with a bound or without "of": "at least thousands of workers", "hundreds more North Korean workers", "several hundred North Koreans"
  const rough = fresh(RE_WORKER_COUNTS_7);
  for (let m = lower.includes('thousand') || lower.includes('hundred') || lower.includes('dozens') || lower.includes('scores') ? rough.exec(sentence) : null; m; m = rough.exec(sentence)) {
    if (!validModifiers(m[4])) continue;
    const start = s.start + m.index;
    const end = start + m[0].length;
    const low = magnitudeOf(m[2] ?? m[3] ?? '');
    const q = m[1] ? qualifierOf(m[1]) : 'order_of_magnitude';
    const bounded = q === 'at_least' ? { low, high: null } : q === 'at_most' ? { low: null, high: low * 10 } : { low, high: low * 10 };
    pushCount(
      c,
      { kind: 'worker_count', start, end, ...bounded, unit: 'persons', qualifier: q === 'at_least' || q === 'at_most' ? q : 'order_of_magnitude', of: null, per: null },
      WORKER_NOUN_RE.test(m[5] ?? '') ? 'worker' : 'people',
      text.slice(Math.max(0, start - 40), start), text.slice(end, end + 40), (m[5] ?? '').replace(/\s+/g, ' '),
    );
  }

  // Orders of magnitude whose noun is a clause: "the thousands who work in Russia's Far East", "hundreds employed at a zone".
  if ((ownCue || prevCue) && MANY_WORKING_WORDS.test(lower) && !NOT_WORK.test(sentence)) {
    const r = fresh(RE_MANY_WORKING);
    for (let m = r.exec(sentence); m; m = r.exec(sentence)) {
      const low = magnitudeOf(m[1] ?? '');
      const start = s.start + m.index;
      pushCount(c, { kind: 'worker_count', start, end: start + m[0].length, low, high: low * 10, unit: 'persons', qualifier: 'order_of_magnitude', of: null, per: null }, 'worker', '', '');
    }
  }
  // "The 38-member team … to work in a hospital": the size of a team sent to work.
  if ((ownCue || prevCue) && /-(?:member|strong|person)/.test(lower) && (NK_WORD.test(sentence) || textCue) && !NOT_WORK.test(sentence)) {
    const r = fresh(RE_TEAM_SIZE);
    for (let m = r.exec(sentence); m; m = r.exec(sentence)) {
      const v = Number(m[1]);
      if (v < 2) continue;
      const start = s.start + m.index;
      pushCount(c, { kind: 'worker_count', start, end: start + m[0].length, low: v, high: v, unit: 'persons', qualifier: 'exact', of: null, per: null }, 'worker', '', '');
    }
  }
  if (lower.includes('force')) for (const h of valuesAfter(RE_WORKFORCE_AT, sentence, s, 2)) pushCount(c, h, 'worker', '', '');

  // Part of a whole: "Forty-nine of the 119 foreign workers", "140 of 176 North Korean workers"
  for (const m of nouns ? matchesAt(PART_AT, sentence, numberStarts(sentence)) : []) {
    const a = parseNumber(m[1] ?? '');
    const b = parseNumber(m[2] ?? '');
    if (a === null || b === null || a > b || !validModifiers(m[3])) continue;
    const start = s.start + m.index;
    const end = start + m[0].length;
    // "one of 30,000 North Korean workers": a person among a workforce, whose size is the count.
    if (a === 1 && b >= 2) {
      const whole = start + m[0].indexOf(m[2] ?? '', (m[1] ?? '').length);
      pushCount(c, { kind: 'worker_count', start: whole, end, low: b, high: b, unit: 'persons', qualifier: 'exact', of: null, per: null },
        WORKER_NOUN_RE.test(m[4] ?? '') ? 'worker' : 'people', text.slice(Math.max(0, whole - 40), whole), text.slice(end, end + 40), (m[4] ?? '').replace(/\s+/g, ' '));
      continue;
    }
    pushCount(
      c,
      { kind: 'worker_count', start, end, low: a, high: a, unit: 'persons', qualifier: 'part_of', of: b, per: null },
      WORKER_NOUN_RE.test(m[4] ?? '') ? 'worker' : 'people',
      text.slice(Math.max(0, start - 40), start), text.slice(end, end + 40),
    );
  }

  // Ranges and single values, with a bound word: "between 50,000 and 60,000 North Korean workers", "52,000-80,000 North Korean citizens", "as many as 65,000 North Koreans", "400,000 dolgyeokdae"
  // (A bound and "between" or "from" are at most five words before the number.)
  for (const m of nouns ? matchesAt(COUNTED_AT, sentence, boundedNumberStarts(sentence, 5)) : []) {
    const first = parseNumber(m[2] ?? '');
    const second = m[3] ? parseNumber(m[3]) : null;
    if (first === null || (m[3] && second === null) || !validModifiers(m[4])) continue;
    // "One laborer went into town": a person, not a count of a workforce.
    if (second === null && first < 2) continue;
    // Years and small numbers glued to nouns ("2016 people") are not counts of workers ("Around 2000 workers", with a bound, is).
    if (looksLikeYear(m[2] ?? '', first) && !m[3] && !m[1]) continue;
    const start = s.start + m.index;
    const end = start + m[0].length;
    if (!taken.isFree(start, end)) continue;
    const nounKind = WORKER_NOUN_RE.test(m[5] ?? '') ? 'worker' : 'people';
    // "20,000 and 19,000 workers", "up to 80,000 and 40,000 laborers": two counts (of two places), not a range downwards.
    if (second !== null && / and /.test(m[0]) && shorthandLow(m[2] ?? '', first, m[3] ?? '', second) > second) {
      const firstEnd = start + m[0].indexOf(m[2] ?? '') + (m[2] ?? '').length, q2 = qualifierOf(m[1]);
      for (const [from, to, v] of [[start, firstEnd, first], [start + m[0].lastIndexOf(m[3] ?? ''), end, second]] as const) {
        pushCount(c, { kind: 'worker_count', start: from, end: to, ...bounds(v, q2), unit: 'persons', qualifier: q2, of: null, per: null }, nounKind, text.slice(Math.max(0, from - 40), from), text.slice(to, to + 40), (m[5] ?? '').replace(/\s+/g, ' '));
      }
      continue;
    }
    let q: FigureQualifier;
    let low: number | null;
    let high: number | null;
    if (second !== null) {
      q = 'range';
      low = shorthandLow(m[2] ?? '', first, m[3] ?? '', second);
      high = second;
      const bq = qualifierOf(m[1]);
      if (bq === 'approximate') q = 'range';
    } else {
      q = qualifierOf(m[1]);
      ({ low, high } = bounds(first, q));
    }
    pushCount(
      c,
      { kind: 'worker_count', start, end, low, high, unit: 'persons', qualifier: q, of: null, per: null },
      nounKind,
      text.slice(Math.max(0, start - 40), start), text.slice(end, end + 40), (m[5] ?? '').replace(/\s+/g, ' '),
    );
  }

  // Orders of magnitude: "tens of thousands of workers", "the number of North Koreans working abroad is in the tens of thousands"
  const vague = fresh(RE_WORKER_COUNTS_3);
  for (let m = thousands ? vague.exec(sentence) : null; m; m = vague.exec(sentence)) {
    const start = s.start + m.index;
    const end = start + m[0].length;
    const head = (m[1] ?? m[4] ?? '').toLowerCase();
    const noun = m[3] ?? m[6];
    if (!validModifiers(m[2]) || !validModifiers(m[5])) continue;
    const numberOf = /\bnumber of\b[^.]*\b(?:work|labou?r|employ)/i.test(sentence.slice(0, m.index));
    if (!noun && !numberOf) continue;
    const low = head === 'tens' ? 10_000 : head === 'hundreds' ? 100_000 : 1_000;
    pushCount(
      c,
      { kind: 'worker_count', start, end, low, high: low * 10, unit: 'persons', qualifier: 'order_of_magnitude', of: null, per: null },
      noun && WORKER_NOUN_RE.test(noun) ? 'worker' : 'people',
      text.slice(Math.max(0, start - 40), start), text.slice(end, end + 40),
    );
  }
  // "the number of DPRK workers in Qatar … in the low thousands"
  const low = /\b(?:number|estimates?)\b[^.]*\b(?:work|labou?r|employ)/i.test(sentence) || ((prevCue || prevCount) && /\b(?:numbers?|estimates?)\b/i.test(sentence)) ? RE_LOW_THOUSANDS.exec(sentence) : null;
  if (low) {
    const start = s.start + low.index;
    const unit = /hundreds/i.test(low[1] ?? low[2] ?? '') ? 100 : 1_000;
    pushCount(c, { kind: 'worker_count', start, end: start + low[0].length, low: unit, high: unit * 10, unit: 'persons', qualifier: 'order_of_magnitude', of: null, per: null }, 'worker', '', '');
  }
  if (ownCue || prevCount) for (const h of [...numberOfCounts(sentence, s, lower, hits.length > 0 || prevCount), ...(ownCue ? parenthesisedCounts(sentence, s) : [])]) pushCount(c, h, 'worker', '', '');
  // A second count whose noun is left out: "sent up to 3,000 workers to Nepal, and perhaps as many as 50,000 abroad in total",
  // "more than 10,000 arrived last year, and the total could pass 40,000"; or one that follows a sentence with a count:
  // "Around 6,000 North Koreans work in the Middle East. Some 800 work in the UAE, with another 300 in Oman."
  // ("There are 100 to 120 of them in Angola" after a sentence about the workers.)
  if (hits.length || prevCount || (prevCue && /\bof[ \u00a0]+them\b/.test(lower))) for (const h of [...ellipticCounts(sentence, s), ...totalCounts(sentence, s)]) pushCount(c, h, 'worker', '', '');
  // "three North Koreans … down from 33 and 30 in January"; "now there are close to 400" after a sentence about the workers.
  if (hits.length || prevCount) for (const h of [...(hits.length ? comparedCounts(sentence, s) : []), ...verbCounts(sentence, s)]) pushCount(c, h, 'worker', '', '');
  if ((prevCue || prevCount || ownCue) && !NOT_WORK.test(sentence)) for (const h of thereAreCounts(sentence, s)) pushCount(c, h, 'worker', '', '');
  // An estimate with its noun left out, in a sentence about the workers: "an estimated 47,000 were in Russia", "a figure of around 53,000".
  const aboutWorkers = ownCue && nouns && WORKERS_NAMED.test(sentence);
  if ((aboutWorkers || prevCue || prevCount) && !NOT_WORK.test(sentence)) for (const h of bareEstimates(sentence, s, aboutWorkers)) pushCount(c, h, 'worker', '', '');
  // "put the North Korean workers in Russia at about 34,000", "had put them at about 2,500".
  if (!NOT_WORK.test(sentence)) for (const h of putAtCounts(sentence, s, ownCue || prevCue || prevCount)) pushCount(c, h, 'worker', '', '');
  return hits;
}

/** A four-digit number a year could be: "2016 workers" is no count. */
const looksLikeYear = (raw: string, v: number) => /^\d{4}$/.test(raw) && v >= 1900 && v <= 2099;
/** The low end of an order of magnitude: "dozens" 10, "hundreds" 100, "thousands" 1,000. */
const magnitudeOf = (word: string) => (/dozens|scores/i.test(word) ? 10 : /hundred/i.test(word) ? 100 : 1_000);

const NK_WORD = /\b(?:North[ \u00a0-]Korean?s?|N\.?[ \u00a0]?Koreans?|DPRK|Pyongyang)\b/i;
// "… abroad in total", "including 2,500 in Kuwait, as many as 1,500 in the UAE": a count whose noun was given before.
const RE_ELLIPTIC = new RegExp(`${B}(?:(?:${BOUND}|another|a${SP}further)${SP})?${N}(?:${SP}to${SP}(?<upper>\\d{1,3}(?:,\\d{3})+|\\d+))?(?=${SP}(?:abroad|overseas|worldwide|in${SP}total|in${SP}all|elsewhere)${E}|${SP}(?:of${SP}them${SP})?(?:(?:work|live|toil|are|were|remain|arrived|arrive|entered|went|came|moved|returned|(?:may|might|could)${SP}be${SP}(?:working|employed))${SP})?in${SP}(?:the${SP})?[\\p{L}]|${SP}of${SP}them${SP}(?:work|working|toil|toiling|employed|are${SP}employed|were${SP}employed|live|living)${E})`, 'giu');

const ELLIPTIC_AT = stickyOf(RE_ELLIPTIC);

const RE_TOTAL = new RegExp(`\\b(?:the|that|this)${SP}(?:total|number|figure|tally)${SP}(?:[\\p{L}’'\\-]+${SP}){0,3}?(?<verb>(?<above>exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|top(?:s|ped)?|pass(?:es|ed)?)|reach(?:es|ed)?|hit|r(?:i|o)se${SP}to|climb(?:s|ed)?${SP}to|grow${SP}to|grew${SP}to)${SP}(?<val>(?:${BOUND}${SP})?${N})(?![\\p{L}\\p{N}%$]|${SP}(?:percent|per${SP}cent|dollars|euros|won|yuan)${E})`, 'giu');

/** A bound that opens a value: "about 40,000". */
const LEADING_BOUND = new RegExp(`^${BOUND}${SP}`, 'iu');
/** "… and the total could exceed 50,000": the value of a total of the workers counted before it in the sentence. */
function totalCounts(sentence: string, s: Sentence): Hit[] {
  const hits: Hit[] = [];
  if (!/total|number|figure|tally/i.test(sentence)) return hits;
  const r = fresh(RE_TOTAL);
  for (let m = r.exec(sentence); m; m = r.exec(sentence)) {
    const verb = m.groups?.verb ?? '';
    const value = m.groups?.val ?? '';
    const bound = LEADING_BOUND.exec(value);
    const raw = bound ? value.slice(bound[0].length) : value;
    const v = parseNumber(raw);
    if (v === null || v < 2 || looksLikeYear(raw, v)) continue;
    // "exceed", "surpass", "top", "pass" are bounds of their own; "reach" takes the bound written after it.
    const q: FigureQualifier = m.groups?.above ? 'at_least' : qualifierOf(bound?.[1]);
    const start = s.start + m.index + m[0].lastIndexOf(verb, m[0].length - value.length);
    hits.push({ kind: 'worker_count', start, end: s.start + m.index + m[0].length, ...bounds(v, q), unit: 'persons', qualifier: q, of: null, per: null });
  }
  return hits;
}

/** The workers named as such (or North Koreans by name): what an estimate without a noun in their sentence counts. */
const WORKERS_NAMED = new RegExp(`\\b(?:${WORKER_NOUN}|North${SP}Koreans|N\\.[ \\u00a0]?Koreans)\\b`, 'i');
/** A number after a bound, followed by no noun: punctuation, the end, a place, or a verb of being or working. */
const NOT_PEOPLE_AFTER = String.raw`(?![ \u00a0]*(?:%|percent|per${SP}cent|dollars|euros|won|yuan|rubles|roubles|a${SP}(?:month|year|day)|per${SP}|years?|months?|days?|hours?)${E})`;
/** The value given to an estimate or a figure of people: "puts the figure at around 53,000", "the lower estimate of 20,000". */
const RE_FIGURE_VALUE = new RegExp(`\\b(?:estimates?|figure|tally)${SP}(?:of|at|is|was|to)${SP}(?<val>(?:${BOUND}${SP})?${N}(?![\\p{N}]|[,.]\\p{N})(?:[ \\u00a0]?[-–][ \\u00a0]?(\\d{1,3}(?:,\\d{3})+|\\d+)(?![\\p{N}]|[,.]\\p{N}))?)${NOT_PEOPLE_AFTER}(?=[ \\u00a0]*(?:[,;:)]|[.](?![\\p{N}])|$)|${SP}(?:in|for|by|as|according|among|abroad|overseas|worldwide)${E})`, 'giu');
const RE_BARE_ESTIMATE = new RegExp(`${B}${BOUND}${SP}${N}(?![\\p{N}]|[,.]\\p{N})(?=(?<=(?:figure|estimate|total|tally)${SP}of${SP}${BOUND}${SP}[^ ]+)${NOT_PEOPLE_AFTER}|[ \\u00a0]*(?:[,;:)]|[.](?![\\p{N}])|$)|${SP}(?:in${SP}(?:total|all|the${SP}\\p{Lu}|\\p{Lu}|(?:19|20)\\d\\d${E})|abroad|overseas|worldwide|were|are|was|remain(?:ed)?|work(?:ed)?|toil(?:ed)?|liv(?:e|ed)|of${SP}them|of${SP}whom)${E})`, 'giu');
const BARE_ESTIMATE_AT = stickyOf(RE_BARE_ESTIMATE);
/** Money and time before a bare number: what it counts is not people. */
const MONEY_BEFORE = /(?:[$€£¥₩]|\b(?:US|USD|EUR|paid|pays?|paying|earn(?:s|ed|ing)?|salar(?:y|ies)|wages?|income|fees?|costs?|cost|worth|revenue|profits?|fines?d?|budget|aged?|ages)\b[^,;]{0,20})$/i;
/**
 * The values a pattern gives after its head ("a workforce that once stood at", "the figure at"): its first group, `val`,
 * is the value with its bound (group 2) and number (group 3); years and values under `least` are left out.
 */
function valuesAfter(pattern: RegExp, sentence: string, s: Sentence, least: number): Hit[] {
  const hits: Hit[] = [];
  const r = fresh(pattern);
  for (let m = r.exec(sentence); m; m = r.exec(sentence)) {
    const raw = m[3] ?? '';
    const v = parseNumber(raw);
    if (v === null || v < least || looksLikeYear(raw, v)) continue;
    const end = s.start + m.index + m[0].length;
    // "put the number at 52,000-54,000": a range written with a dash.
    const h = valueOrRange(end - (m.groups?.val ?? raw).length, end, v, m[4] ? parseNumber(m[4]) : null, qualifierOf(m[2]));
    if (h) hits.push(h);
  }
  return hits;
}

function bareEstimates(sentence: string, s: Sentence, aboutWorkers: boolean): Hit[] {
  const hits: Hit[] = [];
  // Where the sentence does not name the workers itself (the one before speaks of them or counts them), only the value of an estimate or a figure.
  if (/estimate|figure|tally/i.test(sentence)) hits.push(...valuesAfter(RE_FIGURE_VALUE, sentence, s, 10));
  if (!aboutWorkers) return hits;
  for (const m of matchesAt(BARE_ESTIMATE_AT, sentence, boundedNumberStarts(sentence, 3))) {
    const raw = m[2] ?? '';
    const v = parseNumber(raw);
    if (v === null || v < 10 || looksLikeYear(raw, v)) continue;
    if (MONEY_BEFORE.test(sentence.slice(Math.max(0, m.index - 30), m.index))) continue;
    const q = qualifierOf(m[1]);
    const start = s.start + m.index;
    hits.push({ kind: 'worker_count', start, end: start + m[0].length, ...bounds(v, q), unit: 'persons', qualifier: q, of: null, per: null });
  }
  return hits;
}

/** Counts with no noun after a count of workers in the same sentence, placed "abroad", "overseas", "in total" or in a named place. */
function ellipticCounts(sentence: string, s: Sentence): Hit[] {
  const hits: Hit[] = [];
  for (const m of matchesAt(ELLIPTIC_AT, sentence, boundedNumberStarts(sentence, 5))) {
    const v = parseNumber(m[2] ?? '');
    if (v === null || v < 2 || looksLikeYear(m[2] ?? '', v)) continue;
    // "… in Kuwait": a named place, not "in time".
    const tail = sentence.slice(m.index + m[0].length).replace(/^[ \u00a0]+(?:of[ \u00a0]+them[ \u00a0]+)?(?:(?:work|live|toil|are|were|remain|arrived|arrive|entered|went|came|moved|returned|(?:may|might|could)[ \u00a0]+be[ \u00a0]+(?:working|employed))[ \u00a0]+)?(?=in[ \u00a0])/i, ' ');
    const inPlace = /^[ \u00a0]+in[ \u00a0](?!(?:total|all)\b)/i.test(tail);
    // A day of a month is no count: "on March 5 in Geneva"; a place needs a capital: not "in time".
    if (inPlace && (v < 100 || !/^[ \u00a0]+in[ \u00a0]+(?:the[ \u00a0]+)?\p{Lu}/u.test(tail))) continue;
    // Money is no count: "$2 billion abroad".
    if (/(?:[$€£¥]|US|USD|EUR)[ \u00a0]?$/.test(sentence.slice(Math.max(0, m.index - 4), m.index + (m[0].length - (m[2] ?? '').length)))) continue;
    const q = qualifierOf(m[1]);
    const start = s.start + m.index;
    // "100 to 120 of them in Angola": a range.
    const h = valueOrRange(start, start + m[0].length, v, m.groups?.upper ? parseNumber(m.groups.upper) : null, q);
    if (h) hits.push(h);
  }
  return hits;
}

const COUNT_NOUN = String.raw`(?:workers?|work[ -]?force|labou?rers?|employees|North${SP}Koreans|nationals|citizens|people|persons|work${SP}permits|work${SP}visas|working${SP}visas|permits|visas)`;
const RE_WORKER_COUNTS_4 = new RegExp(`\\bnumber${SP}of${SP}(?:[\\p{L}’'\\-]+${SP}){0,5}?${COUNT_NOUN}${E}`, 'giu');
const RE_WORKER_COUNTS_5 = new RegExp(`${B}(?<verb>(?:from|at|to|by|of|reached|was|is|were|are|stood${SP}at|peak(?:ed|ing)${SP}at)${SP}(?:(?:currently|now|still|already|only|just)${SP})?)(?<val>(?:${BOUND}${SP})?${N}(?:[ \\u00a0]?[-–][ \\u00a0]?(\\d{1,3}(?:,\\d{3})+|\\d+)(?![\\p{N}]|[,.]\\p{N}))?)(?![\\p{L}\\p{N}%$]|${SP}(?:percent|per${SP}cent|hours?|days?|months?|years?|countries|dollars|euros|won|yuan)${E})`, 'giu');

/** "the low thousands", "the high hundreds": an order of magnitude. */
const RE_LOW_THOUSANDS = /\b(?:(?:low|high|mid)[ \u00a0-]+(thousands|hundreds)\b|in[ \u00a0]+the[ \u00a0]+(thousands|hundreds)\b(?![ \u00a0]+of\b))/i;
/** "the number", "their total numbers", "whose numbers": a number that refers back to workers counted before. */
const RE_NUMBER_BACK = new RegExp(`\\b(?:the|their|whose|its|this)${SP}(?:total${SP})?numbers?\\b(?!${SP}of)`, 'giu');
/** Bare numbers after "the number of … workers" that give its value: "dropped from 30,023 to 11,490", "stood at about 400", "peaking at 2,123". */
function numberOfCounts(sentence: string, s: Sentence, lower: string, counted = false): Hit[] {
  if (!lower.includes('number')) return [];
  // "the number of … workers …", or, after a count of workers, "whose total numbers … peaked at", "the number … rose to".
  const head = fresh(RE_WORKER_COUNTS_4).exec(sentence) ?? (counted ? fresh(RE_NUMBER_BACK).exec(sentence) : null);
  if (!head) return [];
  const tail = sentence.slice(head.index + head[0].length);
  const offset = s.start + head.index + head[0].length;
  const hits: Hit[] = betweenValues(tail, offset);
  const value = fresh(RE_WORKER_COUNTS_5);
  for (let m = value.exec(tail); m; m = value.exec(tail)) {
    const raw = m[4] ?? '';
    const v = parseNumber(raw);
    // "The number of … workers … is now down to zero": none are left.
    if (v === null || (v < 2 && !/^zero$/i.test(raw)) || looksLikeYear(raw, v)) continue;
    const start = offset + m.index + (m.groups?.verb ?? '').length;
    const h = valueOrRange(start, offset + m.index + m[0].length, v, m[5] ? parseNumber(m[5]) : null, qualifierOf(m[3]));
    if (h && !hits.some((b) => b.start < h.end && h.start < b.end)) hits.push(h);
  }
  return hits;
}

/**
 * The low end of a range written in shorthand: "50-60,000" is 50,000 to 60,000 and "2-3 million" 2 to 3
 * million (the first number takes the scale of the second when it has none and would otherwise be far below it).
 */
function shorthandLow(rawLow: string, low: number, rawHigh: string, high: number): number {
  // "2 to 3 thousand", "one or two thousand": the scale of the second number is the first's too.
  if (!/^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a[ \u00a0]+few)$/i.test(rawLow.trim()) || low >= high) return low;
  const scale = /(thousand|million|billion)$/i.exec(rawHigh.trim())?.[1]?.toLowerCase();
  if (scale) return low * (scale === 'thousand' ? 1e3 : scale === 'million' ? 1e6 : 1e9);
  if (/^\d{1,3}(?:,\d{3})+$/.test(rawHigh.trim()) && low < 1000 && low * 1000 <= high && low * 10_000 > high) return low * 1000;
  return low;
}

/** Tried (sticky) at each opening bracket only: the look-behind, tried at every character, would read back over each word. */
const RE_WORKER_COUNTS_6 = new RegExp(`(?<=[\\p{Lu}][\\p{L}’'\\-]*[ \\u00a0]?)\\([ \\u00a0]*(?:${BOUND}${SP})?(\\d{1,3}(?:,\\d{3})+|\\d{3,})(?:[ \\u00a0]?[-–][ \\u00a0]?(\\d{1,3}(?:,\\d{3})+|\\d{3,}))?[ \\u00a0]*\\)`, 'uy');

/** "about 80% of them work in China (50,000) and Russia (30,000)": a count in brackets after a place. */
function parenthesisedCounts(sentence: string, s: Sentence): Hit[] {
  const hits: Hit[] = [];
  if (!/\(/.test(sentence)) return hits;
  const r = RE_WORKER_COUNTS_6;
  for (let i = sentence.indexOf('('); i >= 0; i = sentence.indexOf('(', i + 1)) {
    r.lastIndex = i;
    const m = r.exec(sentence);
    if (!m) continue;
    i = r.lastIndex - 1;
    const v = parseNumber(m[2] ?? '');
    if (v === null || looksLikeYear(m[2] ?? '', v)) continue;
    const q = qualifierOf(m[1]);
    const start = s.start + m.index + 1;
    // "Poland (400-500)": a range.
    const h = valueOrRange(start, s.start + m.index + m[0].length - 1, v, m[3] ? parseNumber(m[3]) : null, q);
    if (h) hits.push(h);
  }
  return hits;
}
