/**
 * The period a figure is of, when its sentence says it: "some 20,000 were
 * working on Russian construction sites in 2023" → 2023; "more than 1,000
 * workers between 2017 and early 2024" → 2017 to 2024. A proposal for the
 * reviewer (the review card's period), never more: a sentence's year may be
 * when a report came out rather than what its count describes.
 *
 * Hand-written rules, like the figures': no library reads these phrases. Read
 * in the figure's sentence, by the words around each year:
 * - a time the figure may be of: a year "in", "during", "as of", "early",
 *   "late", "mid-", "the end of", "the first half of", after a month ("March
 *   2018") or in a full date ("on 31 December 2017"); a year that names a
 *   publication ("a 2015 UN report", "NKDB's 2015 report"); a year in
 *   brackets that dates the sentence's claim ("(2012)", "(South Korean
 *   estimate, 2016)");
 * - a span: "between 2017 and 2019", "from 2012 to 2015", "2008–2015",
 *   "August 2019–February 2020";
 * - not a time the figure is of: a year after "since", "from", "until", "by",
 *   "before" or "after" (a bound or a deadline: "send them home by the end of
 *   2019"), a title's year in brackets after a number ("resolution 2397
 *   (2017)"), a year in a regulation's number ("2017/1509").
 * With several in the sentence, the nearest to the figure is proposed (one
 * after it when two are as near): "from 30,023 in 2017 to 11,490 in 2019".
 */
import type { FigureHit } from './figures.ts';

export interface FigurePeriod {
  period_start: string | null;
  period_end: string | null;
}

export const NO_PERIOD: FigurePeriod = { period_start: null, period_end: null };

const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)`;
const YEAR = String.raw`(?:19|20)\d{2}`;
const SP = String.raw`[ \u00a0]+`;
/** What may stand before a year inside a span's ends: "early 2024", "the end of 2022", "August 2019", "mid-2013". */
const EDGE = String.raw`(?:(?:early|late|mid-?|the${SP}(?:start|beginning|middle|end)${SP}of)${SP}?|${MONTH}${SP}(?:\d{1,2},?${SP})?|\d{1,2}${SP}${MONTH}${SP})?`;
/** A span of years: its two years are groups 1 and 2. */
const SPAN = new RegExp(String.raw`\b(?:between${SP}${EDGE}(${YEAR})${SP}and${SP}${EDGE}(${YEAR})|from${SP}${EDGE}(${YEAR})${SP}(?:to|until|through)${SP}${EDGE}(${YEAR})|${EDGE}(${YEAR})[–—-]${EDGE}(${YEAR}|\d{2})(?![\d/]))\b`, 'gi');
/** Any year, not in a regulation's number (2017/1509) nor part of a longer number. */
const ANY_YEAR = new RegExp(String.raw`(?<![\d/.,])(${YEAR})(?![\d/]|,\d)`, 'g');
/** Before a year that is a bound or a deadline, not a time: "since 2017", "by the end of 2019", "until early 2020". */
const BOUND_BEFORE = new RegExp(String.raw`\b(?:since|from|until|till|by|before|after|prior${SP}to)${SP}(?:the${SP}(?:start|beginning|middle|end)${SP}of${SP})?(?:(?:early|late|mid-?)${SP}?)?(?:${MONTH}${SP}(?:\d{1,2},?${SP})?|\d{1,2}${SP}${MONTH}${SP})?$`, 'i');
/** Before a year that is a time: "in 2023", "as of 2019", "in March 2018", "on 31 December 2017", "mid-2013", "the end of June 2018". */
const POINT_BEFORE = new RegExp(String.raw`(?:\b(?:in|during|as${SP}of|early|late|on)${SP}(?:${MONTH}${SP}(?:\d{1,2},?${SP})?|\d{1,2}${SP}${MONTH}${SP})?|\bmid-|\b(?:early|late|mid)${SP}|\b(?:in|at|by)?${SP}?the${SP}(?:start|beginning|middle|end|first|second|last)${SP}(?:half${SP}|quarter${SP}|months?${SP})?of${SP}(?:${MONTH}${SP})?|\b${MONTH}${SP}(?:\d{1,2},?${SP})?)$`, 'i');
/** After a year that dates a publication or a count: "a 2015 UN report", "its 2019 survey". */
const PUBLICATION_AFTER = new RegExp(String.raw`^(?:${SP}(?:[A-Z][\p{L}.]*|UN|annual|interim|midterm|final))?${SP}(?:report|survey|census|estimate|study|count|review|data|figures)\b`, 'u');
/** "(2012)", "(South Korean estimate, 2016)", "(Panel report, 2019)": a year in brackets that closes them, not right after a number. */
const BRACKETED = /\((?:[^()]{0,60}?,[ \u00a0]*)?$/;

interface Candidate { start: number; end: number; from: number; to: number }

/** The years and spans of one sentence that a figure may be of. */
function candidates(sentence: string, offset: number): Candidate[] {
  const out: Candidate[] = [];
  const inSpan: [number, number][] = [];
  SPAN.lastIndex = 0;
  for (let m = SPAN.exec(sentence); m; m = SPAN.exec(sentence)) {
    const [a, b] = [m[1] ?? m[3] ?? m[5], m[2] ?? m[4] ?? m[6]] as [string, string];
    const from = Number(a);
    const to = b.length === 2 ? Math.floor(from / 100) * 100 + Number(b) : Number(b);
    inSpan.push([m.index, m.index + m[0].length]);
    if (to >= from && to - from <= 30 && !BOUND_BEFORE.test(sentence.slice(Math.max(0, m.index - 40), m.index))) out.push({ start: offset + m.index, end: offset + m.index + m[0].length, from, to });
  }
  ANY_YEAR.lastIndex = 0;
  for (let m = ANY_YEAR.exec(sentence); m; m = ANY_YEAR.exec(sentence)) {
    const at = m.index;
    if (inSpan.some(([s, e]) => at >= s && at < e)) continue;
    const before = sentence.slice(Math.max(0, at - 60), at);
    const after = sentence.slice(at + 4, at + 40);
    if (BOUND_BEFORE.test(before)) continue;
    const bracketed = BRACKETED.test(before) && /^[ \u00a0]*\)/.test(after) && !/\d[ \u00a0]*\($/.test(before);
    if (!bracketed && !POINT_BEFORE.test(before) && !PUBLICATION_AFTER.test(after)) continue;
    const year = Number(m[1]);
    out.push({ start: offset + at, end: offset + at + 4, from: year, to: year });
  }
  return out;
}

/**
 * The period each figure of one sentence is of: `hits` are the sentence's figure hits, in order; returns a period
 * for each hit that is not itself a date.
 */
export function sentencePeriods(text: string, sentence: { start: number; end: number }, hits: readonly FigureHit[]): Map<FigureHit, FigurePeriod> {
  const out = new Map<FigureHit, FigurePeriod>();
  const found = candidates(text.slice(sentence.start, sentence.end), sentence.start).filter((c) => !hits.some((h) => h.kind !== 'date' && c.start < h.end && h.start < c.end));
  for (const h of hits) {
    if (h.kind === 'date') continue;
    let best: { distance: number; after: boolean; c: Candidate } | null = null;
    for (const c of found) {
      const after = c.start >= h.end;
      const distance = after ? c.start - h.end : h.start - c.end;
      if (!best || distance < best.distance || (distance === best.distance && after && !best.after)) best = { distance, after, c };
    }
    out.set(h, best ? { period_start: String(best.c.from), period_end: String(best.c.to) } : NO_PERIOD);
  }
  return out;
}
