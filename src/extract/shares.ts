/**
 * Shares in one sentence — "95 percent", "zero to 15%", "one third of",
 * "Three of every four", "a 40:60 ratio", "the majority of" — each with what
 * it is a share of (a worker's wages, a workforce, revenue, or other).
 */
import type { FigureQualifier } from '../model/figure.ts';
import { FRACTION_WORDS, parseFraction, parseNumber } from './numbers.ts';
import { B, BOUND, E, N, SP, bounds, fresh, guardText, qualifierOf, re, type Hit, type Sentence } from './figure-patterns.ts';
import type { ShareWhole } from './types.ts';

const WAGE_NOUN = String.raw`(?:wages?|salar(?:y|ies)|pay|paychecks?|earnings?|income|remuneration|compensation|stipends?|pay${SP}packets?)`;
const WORKFORCE_NOUN = String.raw`(?:workers?|work[ -]?force|labou?rers?|North${SP}Koreans|Koreans|nationals|citizens|employees|people|labou?r${SP}force)`;
const REVENUE_NOUN = String.raw`(?:revenues?|profits?|proceeds|exports?|trade|turnover|sales|foreign${SP}currency|hard${SP}currency|budget)`;
const OWNER_STATE = /\b(?:state|government|regime|country|company|companies|firm|party|nation|North[ \u00a0]Korea)(?:[’']s)?[ \u00a0]+$/i;

const RE_SHARES_1 = new RegExp(`^[ \\u00a0]*(?:of|in)${SP}(?:the${SP}|their${SP}|its${SP}|his${SP}|her${SP}|all${SP}|these${SP}|those${SP}|a${SP}worker[’']s${SP})?(?:total${SP})?((?:[\\p{L}\\p{N}’'\\-,]+${SP}){0,3}?)(${WAGE_NOUN}|${WORKFORCE_NOUN}|${REVENUE_NOUN})${E}(?![’']s${E})`, 'iu');
const EARNED_CLAUSE = /^[ \u00a0]*of[ \u00a0]+(?:the[ \u00a0]+(?:amount|money|sum)[ \u00a0]+(?:that[ \u00a0]+)?|what[ \u00a0]+)(?:they|he|she|the[ \u00a0]+workers?|workers?|[“"‘']?\p{Lu}[\p{L}.]*[”"’']?)[ \u00a0]+(?:[\p{Ll}]+[ \u00a0]+){0,3}?(?:earn(?:s|ed)?|ma[dk]es?|receiv(?:e|es|ed)|(?:were|are|is|was|be)[ \u00a0]+paid)\b/iu;
/** "of the promised amount", "of the agreed sum": the pay a worker was promised. */
const PROMISED_PAY = /^[ \u00a0]*of[ \u00a0]+(?:the|their|his|her)[ \u00a0]+(?:promised|agreed|contracted|original)[ \u00a0]+(?:amount|sum|money|pay|salary|wages?)\b/i;
/** Workers who receive or keep "a cut of" a share: of their pay. */
const WORKERS_KEEP = /\b(?:workers?|employees|labou?rers|they|themselves)\b[^.;]{0,40}?\b(?:receiv\w*|get(?:s|ting)?|got|keep(?:s|ing)?|kept|tak(?:e|es|ing)[ \u00a0]+home)[ \u00a0]+(?:only[ \u00a0]+)?(?:a[ \u00a0]+)?(?:cut|share|portion)[ \u00a0]+of[ \u00a0]+$/i;
const RE_SHARES_2 = new RegExp(`^${WAGE_NOUN}$`, 'iu');
const RE_SHARES_3 = new RegExp(`^${REVENUE_NOUN}$`, 'iu');

/**
 * What a share is a share of, from the words after it ("of their monthly
 * wages", "of the total North Korean workers"; not a possessive: "of each worker’s pay" is of pay) or, for "of which", "of
 * them", the nearest whole named before it ("$1,000 a month, half of which").
 */
function shareWhole(sentence: string, start: number, end: number): ShareWhole {
  const after = sentence.slice(end, end + 90).replace(/^([ \u00a0]+)(?=(?:the|their|his|her|its)[ \u00a0])/i, '$1of ');
  // "only 10 percent of the amount they earned", "a fraction of what they make", "of the promised amount": of their pay.
  if (EARNED_CLAUSE.test(after) || PROMISED_PAY.test(after)) return 'wages';
  const direct = fresh(RE_SHARES_1).exec(after);
  if (direct) {
    const noun = direct[2] ?? '';
    const modifiers = direct[1] ?? '';
    // "of the net income" of a venture, "of the company's profits": revenue, not a worker's pay.
    // ("of their gross income": a worker's, with "their" before it.)
    if (fresh(RE_SHARES_2).test(noun)) return OWNER_STATE.test(modifiers) || (/\b(?:net|gross|operating)[ \u00a0]+$/i.test(modifiers) && !/^[ \u00a0]*of[ \u00a0]+(?:their|his|her)[ \u00a0]/i.test(after)) ? 'revenue' : 'wages';
    // "of refined petroleum product exports": a volume of goods, not money earned.
    // "of North Korea's total exports": a country's trade is not money the state or a venture earned.
    if (fresh(RE_SHARES_3).test(noun)) return /^(?:exports?|trade|sales)$/i.test(noun) && (GOODS.test(modifiers) || /\btotal[ \u00a0]+$/i.test(after.slice(0, direct.index + direct[0].length - noun.length))) ? 'other' : 'revenue';
    return 'workforce';
  }
  // "most of them, about 85 percent, work in …", "The vast majority, about 80 per cent, are in …": a share of people.
  if (/\b(?:most|majority|bulk)(?:[ \u00a0]+of[ \u00a0]+(?:them|these|those|the[ \u00a0]+\p{L}+))?[ \u00a0]*[,—–][ \u00a0]*$/iu.test(sentence.slice(Math.max(0, start - 40), start)) && /^[ \u00a0]*[,—–]/.test(after)) return 'workforce';
  // "of those returning", "of those sent": people.
  if (/^[ \u00a0]*of[ \u00a0]+(?:those|these)[ \u00a0]+(?:who[ \u00a0]+)?\p{Ll}+(?:ing|ed|t)\b/iu.test(after)) return 'workforce';
  // "their income — upwards of 80 percent — is seized": the whole set off just before the share.
  const setOff = /\b(?:(wages?|salar(?:y|ies)|pay|earnings?|income)|(revenues?|profits?|proceeds))[ \u00a0]*[—–:-][ \u00a0]*$/i.exec(sentence.slice(Math.max(0, start - 40), start));
  if (setOff) return setOff[1] ? 'wages' : 'revenue';
  // "$1,000 a month, with about half being kept by the government": of the nearest whole before, as "half of which".
  const ofWhatCame = /^[ \u00a0]*of[ \u00a0]+(?:which|them|these|those|it|this)\b/i.test(after) || /^[ \u00a0]+(?:being|is|was|goes|went)\b/i.test(after);
  if (!ofWhatCame) return wholeAround(sentence, start, after);
  // The nearest whole before the share: money or pay, workers, revenue.
  const before = sentence.slice(Math.max(0, start - 160), start);
  const money = Math.max(lastAt(`${WAGE_NOUN}${E}`, before), lastAt(`(?:\\$|€|£|USD|dollars?|euros?|won|yuan)`, before));
  const workers = lastAt(`${WORKFORCE_NOUN}${E}`, before);
  const revenue = lastAt(`${REVENUE_NOUN}${E}`, before);
  const best = Math.max(money, workers, revenue);
  if (best < 0) return 'other';
  return best === money ? 'wages' : best === workers ? 'workforce' : 'revenue';
}

/** Where the last match of the pattern in `text` starts, or -1. */
function lastAt(pattern: string, text: string): number {
  let at = -1;
  const r = re(pattern, 'giu');
  for (let m = r.exec(text); m; m = r.exec(text)) at = m.index;
  return at;
}

/**
 * The whole of a share that names none after it: "a 30 percent cut" (of a payment: revenue), "divided payments …
 * at a 40:60 ratio" (revenue), "wages that are invariably a fraction of what …" (wages).
 */
function wholeAround(sentence: string, start: number, after: string): ShareWhole {
  if (/^[ \u00a0]+(?:cut|commission)\b/i.test(after)) return 'revenue';
  const before = sentence.slice(Math.max(0, start - 80), start);
  if (fresh(RE_SHARES_9).test(before)) return 'wages';
  // "the employees themselves only receive a cut of 30-40%": what the workers keep of their pay.
  if (WORKERS_KEEP.test(before)) return 'wages';
  // "the unemployment rate … 2.6%": a share of a workforce.
  if (/\b(?:unemployment|employment|jobless|participation)[ \u00a0]+rate\b/i.test(before)) return 'workforce';
  if (/^[ \u00a0]+ratio\b/i.test(after) && /\b(?:divid|split|shar)\w*[ \u00a0]+(?:the[ \u00a0]+|their[ \u00a0]+)?(?:payments?|proceeds|profits?|revenues?|income|earnings|money|takings)\b/i.test(before)) return 'revenue';
  return 'other';
}
const OR_MORE = /^[ \u00a0]+or[ \u00a0]+(?:more|greater|higher|above)\b/i;
/** A difference: "40 percent less like the average", "20% higher than". */
const DIFFERENCE_AFTER = /^[ \u00a0]+(?:less|more|lower|higher|cheaper|dearer|above|below|fewer|greater|smaller|larger|bigger)\b/i;
/** Goods whose exports or trade are volumes, not money: "refined petroleum product exports". */
const GOODS = /\b(?:petroleum|oil|crude|coal|iron|steel|fuel|gas|seafood|textiles?|garments?|products?|goods|commodit(?:y|ies)|minerals?|ore)\b/i;
/** A rate of change is no share: "grew by a record 9.2%", "up from 8.2%", "inflation of 9.5%". */
const CHANGE_BEFORE = /\b(?:gr[eo]w(?:s|n|th)?|rose|rise[sn]?|rising|f[ae]ll(?:s|en)?|falling|increas(?:e|es|ed|ing)|decreas(?:e|es|ed|ing)|declin(?:e|es|ed|ing)|drop(?:s|ped)?|jump(?:s|ed)?|climb(?:s|ed)?|surg(?:e|es|ed)|slow(?:s|ed)?|inflation|up|down|sav(?:e|es|ed|ing))(?:[ \u00a0]*[–—:][ \u00a0]*|[ \u00a0]+(?:by|of|from|at|a|an|the|record|annual|yearly|year-on-year|some|nearly|about|almost|around|over|more[ \u00a0]+than|was|is|stood|reached|hit))*[ \u00a0]*$/i;
const RE_SHARES_9 = new RegExp(`${WAGE_NOUN}(?:[ \\u00a0]+(?:that|which))?[ \\u00a0]+(?:is|are|was|were)(?:[ \\u00a0]+[\\p{L}]+ly)?[ \\u00a0]+(?:only[ \\u00a0]+|just[ \\u00a0]+)?$`, 'iu');
const RE_SHARES_4 = new RegExp(`${B}(?:${BOUND}${SP})?(?:(?:from${SP})?${N}(?:%|${SP}percent|${SP}per${SP}cent|${SP}pct)?(?:${SP}to${SP}|[ \\u00a0]?[-–][ \\u00a0]?))?${N}[ \\u00a0]?(?:%|percent${E}|per${SP}cent${E}|pct${E})`, 'giu');
const RE_SHARES_8 = new RegExp(`${B}between${SP}${N}(?:%|${SP}percent|${SP}per${SP}cent)?${SP}and${SP}${N}[ \\u00a0]?(?:%|percent${E}|per${SP}cent${E})`, 'giu');
const RE_SHARES_5 = new RegExp(`${B}(?:${BOUND}${SP})?(${FRACTION_WORDS})(?=${SP}(?:of|the|their|his|her|its|being|is|was|goes|went|go|are|were|what)${E})`, 'giu');
const RE_SHARES_6 = new RegExp(`${B}${N}${SP}(?:of|in|out${SP}of)${SP}every${SP}${N}${E}`, 'giu');
const RE_SHARES_7 = new RegExp(`${B}(?:(a|only a|a small|a tiny|a large)${SP}fraction|(?:the|a)${SP}majority)(?=${SP}(?:of|stake)${E})`, 'giu');

/** A share at `idx` of the sentence `sentence`, which starts at `s.start` (a module-level function: see figures.ts `Found`). */
function addShare(hits: Hit[], sentence: string, s: Sentence, idx: number, len: number, low: number | null, high: number | null, qualifier: FigureQualifier): void {
  hits.push({ kind: 'share', start: s.start + idx, end: s.start + idx + len, low, high, unit: 'fraction', qualifier, of: null, per: null, share_of: shareWhole(sentence, idx, idx + len) });
}

export function shares(text: string, s: Sentence): Hit[] {
  const sentence = text.slice(s.start, s.end);
  const hits: Hit[] = [];

  // (The cheap tests read the sentence in lower case: see guardText.)
  const lower = guardText(sentence);
  const percent = /%|per[ \u00a0]*cent|pct/.test(lower);
  // "between 70 and 90 percent": first, so that "90 percent" alone is not taken from it
  const between = fresh(RE_SHARES_8);
  for (let m = percent ? between.exec(sentence) : null; m; m = between.exec(sentence)) {
    const a = parseNumber(m[1] ?? '');
    const b = parseNumber(m[2] ?? '');
    if (a === null || b === null || a > b) continue;
    addShare(hits, sentence, s, m.index, m[0].length, a / 100, b / 100, 'range');
  }
  // "95 percent", "40%", "zero to 15%", "about 40%"
  const pct = fresh(RE_SHARES_4);
  for (let m = percent ? pct.exec(sentence) : null; m; m = pct.exec(sentence)) {
    const a = m[2] ? parseNumber(m[2]) : null;
    const b = parseNumber(m[3] ?? '');
    if (b === null) continue;
    if (!m[2] && CHANGE_BEFORE.test(sentence.slice(Math.max(0, m.index - 40), m.index))) continue;
    // "40 percent less than", "20% higher": a difference, not a share.
    if (DIFFERENCE_AFTER.test(sentence.slice(m.index + m[0].length, m.index + m[0].length + 24))) continue;
    // "fork over 70% of earnings", "hand over 30 percent": "over" belongs to the verb, it is no bound.
    if (m[1] && /^over$/i.test(m[1]) && /\b(?:fork|hand|turn|sign|pass|give|gave|given|giving|pay|paid|paying|forks|hands|turns|handed|forked|turned)[ \u00a0]+$/i.test(sentence.slice(Math.max(0, m.index - 12), m.index))) {
      const at = m.index + m[1].length + 1;
      addShare(hits, sentence, s, at, m[0].length - m[1].length - 1, b / 100, b / 100, 'exact');
      continue;
    }
    if (a !== null) addShare(hits, sentence, s, m.index, m[0].length, a / 100, b / 100, 'range');
    else {
      // "50 percent or more": a lower bound written after the value.
      const orMore = !m[1] ? OR_MORE.exec(sentence.slice(m.index + m[0].length)) : null;
      const q = orMore ? 'at_least' : qualifierOf(m[1]);
      const v = b / 100;
      const { low, high } = bounds(v, q);
      addShare(hits, sentence, s, m.index, m[0].length + (orMore?.[0].length ?? 0), low, high, q);
    }
  }
  // "one third of their wages", "two-thirds", "half of"
  const frac = fresh(RE_SHARES_5);
  for (let m = /half|third|quarter|fifth|tenth/.test(lower) ? frac.exec(sentence) : null; m; m = frac.exec(sentence)) {
    const v = parseFraction(m[2] ?? '');
    if (v === null) continue;
    // "that half of the strategy": a part of something, not a share of an amount.
    // "the southern half of the peninsula": a part of a place.
    if (/\b(?:that|this|the other|other|first|second|latter|former|each|northern|southern|eastern|western|upper|lower)[ \u00a0]+$/i.test(sentence.slice(Math.max(0, m.index - 12), m.index))) continue;
    // "could not collect even half": at most.
    const q = !m[1] && /\b(?:not|never|n[’']t)\b[^.;]{0,30}?\beven[ \u00a0]+$/i.test(sentence.slice(Math.max(0, m.index - 45), m.index)) ? 'at_most' : qualifierOf(m[1]);
    const { low, high } = bounds(v, q);
    // "half the compensation owed to him" is half of it: the whole is read as after "of".
    addShare(hits, sentence, s, m.index, m[0].length, low, high, q);
  }
  // "Three of every four North Korean escapees"
  const every = fresh(RE_SHARES_6);
  for (let m = lower.includes('every') ? every.exec(sentence) : null; m; m = every.exec(sentence)) {
    const a = parseNumber(m[1] ?? '');
    const b = parseNumber(m[2] ?? '');
    if (a === null || b === null || b === 0 || a > b) continue;
    addShare(hits, sentence, s, m.index, m[0].length, a / b, a / b, 'exact');
  }
  // "a 40:60 or 50:50 ratio", "a 70:30 split", "his salary is split 50:50": the first party's share
  const ratio = /(?<![\d:])(?<=\b(?:split|divided|shared)[ \u00a0]+(?:[\p{L}]+[ \u00a0]+){0,2}?)(\d{1,3}):(\d{1,3})(?: or (\d{1,3}):(\d{1,3}))?(?![\d:])|(?<![\d:])(\d{1,3}):(\d{1,3})(?: or (\d{1,3}):(\d{1,3}))? (?:ratio|split)\b/gu;
  for (let m = /\d:\d/.test(sentence) ? ratio.exec(sentence) : null; m; m = ratio.exec(sentence)) {
    const g = m[1] !== undefined ? 1 : 5;
    const a = Number(m[g]);
    const b = Number(m[g + 1]);
    const c = m[g + 2] ? Number(m[g + 2]) : null;
    const d = m[g + 3] ? Number(m[g + 3]) : null;
    if (a + b === 0) continue;
    const first = a / (a + b);
    const second = c !== null && d !== null ? c / (c + d) : null;
    const len = m[0].replace(/ (?:ratio|split)$/, '').length;
    if (second === null) addShare(hits, sentence, s, m.index, len, first, first, 'exact');
    else addShare(hits, sentence, s, m.index, len, Math.min(first, second), Math.max(first, second), 'range');
  }
  // Vague shares: "a fraction of", "the majority of", "a majority stake"
  const fuzzy = fresh(RE_SHARES_7);
  for (let m = /fraction|majority/.test(lower) ? fuzzy.exec(sentence) : null; m; m = fuzzy.exec(sentence)) {
    const isMajority = /majority/i.test(m[0]);
    addShare(hits, sentence, s, m.index, m[0].length, isMajority ? 0.5 : null, isMajority ? null : null, isMajority ? 'at_least' : 'order_of_magnitude');
  }
  return hits;
}
