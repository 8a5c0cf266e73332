/**
 * Text → mentions and figures, with offsets into that same text. This is the
 * one entry point the CLI, the HTTP API and document ingestion call.
 */
import { findCountryMentions, type CountryMention } from './countries.ts';
import { findEntityMentions } from './entities.ts';
import { findFigureHits, type FigureHit, type Sentence } from './figures.ts';
import { findLegalMentions } from './legal.ts';
import { Occupancy } from './occupancy.ts';
import { NO_PERIOD, sentencePeriods, type FigurePeriod } from './periods.ts';
import { HOST_MODEL, modelRoles, type HostModel } from './host-model.ts';
import { countryVerdicts } from './roles.ts';
import { sentenceBreaks } from './sentence-breaks.ts';
import { NO_ENTITIES, type EntityResolver, type ExtractedFigure, type ExtractionResult, type Mention } from './types.ts';

export interface ExtractOptions {
  /** Resolves person and organisation names to graph entities; without one, only countries, legal instruments and figures are found. */
  resolver?: EntityResolver;
  /** Lowest resolver score that makes a person or organisation mention (default 0.9). */
  threshold?: number;
  /** The model that weighs each country mention's role after the rules (default the trained one); `false` keeps the rules' roles. */
  hostModel?: HostModel | false;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
/** A full stop, a space and a digit: the only place the split below can cut (looked for once in the whole text: most sentences have none). */
const NUMBER_OPENS = /[.!?] \d/g;

/**
 * Sentences as [start, end) ranges over the text, whitespace trimmed. Lines
 * are units too (a heading, a list item, a caption is its own sentence), and
 * each line is segmented on its own: ICU's segmenter slows down badly on one
 * long input.
 */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  // Where the text holds one (matches cannot overlap: the pattern's second and third characters cannot open it).
  const opens: number[] = [];
  NUMBER_OPENS.lastIndex = 0;
  for (let m = NUMBER_OPENS.exec(text); m; m = NUMBER_OPENS.exec(text)) opens.push(m.index);
  let k = 0;
  let lineStart = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) {
      for (const seg of lineSegments(line)) {
        // ICU does not break before a sentence that opens with a number ("… last year. 37 of the 90 …").
        let offset = lineStart + seg.index;
        while (k < opens.length && opens[k]! < offset) k++;
        const parts = k < opens.length && opens[k]! + 3 <= offset + seg.segment.length ? seg.segment.split(/(?<=[a-z)\]”"’][.!?]) (?=\d)/) : [seg.segment];
        for (const part of parts) {
          const lead = part.length - part.trimStart().length;
          const body = part.trim();
          const prev = out[out.length - 1];
          // "N. Koreans", "S. Korea": an abbreviated North or South is no sentence end.
          if (body && prev && prev.end > lineStart && /^Korea/.test(body) && /(?:^|[^\p{L}])[NS]\.$/u.test(text.slice(Math.max(lineStart, prev.end - 3), prev.end))) prev.end = offset + lead + body.length;
          // "U.N. Security Council", "the U.S. Treasury": an abbreviated name goes on, unless what follows opens a sentence.
          else if (body && prev && prev.end > lineStart && ABBREVIATED_NAME_END.test(text.slice(Math.max(lineStart, prev.end - 5), prev.end)) && !SENTENCE_OPENER.test(body)) prev.end = offset + lead + body.length;
          else if (body) out.push({ start: offset + lead, end: offset + lead + body.length });
          offset += part.length + 1;
        }
      }
    }
    lineStart += line.length + 1;
  }
  return out;
}

/** "U.S.", "U.N.", "U.K.", "E.U." at the end of what the segmenter took for a sentence. */
const ABBREVIATED_NAME_END = /(?:^|[^\p{L}.])(?:U\.[SNK]|E\.U)\.$/u;
/** Words that open a sentence rather than go on with a name: "… to the U.N. The report …". */
const SENTENCE_OPENER = /^(?:The|A|An|In|On|At|It|Its|He|She|They|We|I|You|This|That|These|Those|There|Their|His|Her|Our|But|And|Or|So|Yet|As|If|When|While|After|Before|Since|Until|According|However|Meanwhile|Also|Some|Many|Most|Such|What|Who|Why|How|Where|Now|Then|Today|Yesterday|Last|Next|For|From|With|By|To|Of|Under|No|Not|All|Both|Each|One|Two|Three|[\p{N}"“‘'(])(?![\p{L}\p{N}])/u;

/** A line's sentences as ICU would segment it: by the rules in sentence-breaks.ts where they know every character, else by ICU. */
export function lineSegments(line: string): Iterable<{ index: number; segment: string }> {
  const breaks = sentenceBreaks(line);
  if (!breaks) return segmenter.segment(line);
  const out: { index: number; segment: string }[] = [];
  let from = 0;
  for (const b of [...breaks, line.length]) {
    out.push({ index: from, segment: line.slice(from, b) });
    from = b;
  }
  return out;
}

/** Legal instruments, then persons and organisations, then countries: a country word inside a name is part of that name. */
async function namedThings(text: string, options: ExtractOptions): Promise<{ mentions: Mention[]; countries: CountryMention[] }> {
  const legal = findLegalMentions(text);
  const entities = await findEntityMentions(text, options.resolver ?? NO_ENTITIES, { threshold: options.threshold ?? 0.9 });
  const mentions: Mention[] = [...legal];
  const taken = new Occupancy(text.length);
  for (const m of legal) taken.take(m.start, m.end);
  for (const m of entities) if (taken.claim(m.start, m.end)) mentions.push(m);
  return { mentions, countries: findCountryMentions(text).filter((m) => taken.isFree(m.start, m.end)) };
}

/**
 * The country mentions `extract` gives roles to, each with how the text names it (`via`, which the output leaves out):
 * what the host model reads, for its training (bench/extract/host-model) and tests.
 */
export async function countryMentionsOf(text: string, options: ExtractOptions = {}): Promise<CountryMention[]> {
  return (await namedThings(text, options)).countries;
}

/** Extracts mentions and figures from a text. Offsets are JavaScript string indices into `text`. */
export async function extract(text: string, options: ExtractOptions = {}): Promise<ExtractionResult> {
  const { mentions, countries: keptCountries } = await namedThings(text, options);
  const sents = sentences(text);
  const verdicts = countryVerdicts(text, keptCountries, sents);
  const model = options.hostModel ?? HOST_MODEL;
  const roles = model === false ? verdicts.map((v) => (v === 'host' ? 'host' : 'other')) : modelRoles(text, keptCountries, sents, verdicts, model);
  keptCountries.forEach((m, i) => (m.role = roles[i] ?? 'other'));
  mentions.push(...keptCountries);
  mentions.sort((a, b) => a.start - b.start || a.end - b.end);

  const hits = findFigureHits(text, sents);
  const periods = figurePeriods(text, sents, hits);
  const figures: ExtractedFigure[] = [];
  let si = 0;
  for (const h of hits) {
    while (si < sents.length && sents[si]!.end <= h.start) si++;
    const s = sents[si] ?? { start: h.start, end: h.end };
    const { qs, qe } = quoteSpan(text, s, h);
    const period = periods.get(h) ?? NO_PERIOD;
    figures.push({
      kind: h.kind,
      low: h.low,
      high: h.high,
      unit: h.unit,
      start: h.start,
      end: h.end,
      quote: text.slice(qs, qe),
      country: figureCountry(keptCountries, qs, qe),
      qualifier: h.qualifier,
      of: h.of,
      per: h.per,
      quote_start: qs,
      quote_end: qe,
      ...(h.kind === 'date' ? { date: h.date ?? null } : {}),
      ...(h.kind === 'share' ? { share_of: h.share_of ?? 'other' } : {}),
      ...(h.kind !== 'date' ? period : {}),
    });
  }
  // Plain contract field order for mentions.
  return {
    mentions: mentions.map((m) => ({
      type: m.type,
      text: m.text,
      start: m.start,
      end: m.end,
      entity_id: m.entity_id,
      country: m.country,
      role: m.type === 'country' ? (m.role ?? 'other') : null,
      ...(m.caption !== undefined ? { caption: m.caption } : {}),
      ...(m.score !== undefined ? { score: m.score } : {}),
    })),
    figures,
  };
}

const HAS_YEAR = /(?:19|20)\d\d/;

/** The period of each figure that is not a date, read in its sentence (periods.ts). */
function figurePeriods(text: string, sents: readonly Sentence[], hits: readonly FigureHit[]): Map<FigureHit, FigurePeriod> {
  const out = new Map<FigureHit, FigurePeriod>();
  let si = 0;
  for (let i = 0; i < hits.length; ) {
    while (si < sents.length && sents[si]!.end <= hits[i]!.start) si++;
    const s = sents[si];
    let j = i + 1;
    while (j < hits.length && s && hits[j]!.start < s.end) j++;
    const group = hits.slice(i, j);
    // Only a sentence that holds a year can give one (most hold none).
    if (s && group.some((h) => h.kind !== 'date') && HAS_YEAR.test(text.slice(s.start, s.end))) for (const [h, p] of sentencePeriods(text, s, group)) out.set(h, p);
    i = j;
  }
  return out;
}

/** Longest quote: a sentence longer than this (a run of text without a full stop) is quoted around the figure only. */
const MAX_QUOTE = 600;

/** The figure's sentence, or for a very long one the words around the figure (so output grows with the text, not its square). */
function quoteSpan(text: string, s: { start: number; end: number }, h: { start: number; end: number }): { qs: number; qe: number } {
  let qs = Math.min(s.start, h.start);
  let qe = Math.max(s.end, h.end);
  if (qe - qs <= MAX_QUOTE) return { qs, qe };
  const room = Math.max(0, (MAX_QUOTE - (h.end - h.start)) >> 1);
  qs = Math.max(qs, h.start - room);
  qe = Math.min(qe, h.end + room);
  // Whole words at both ends.
  const lead = text.slice(qs, h.start).search(/\s/);
  if (qs > s.start && lead >= 0) qs += lead + 1;
  const tail = text.slice(h.end, qe).lastIndexOf(' ');
  if (qe < s.end && tail >= 0) qe = h.end + tail;
  return { qs, qe };
}

/**
 * The country a figure's sentence says it is about: the one country named
 * there, leaving aside "North Korean(s)", which names the workers'
 * nationality, not where they are (nor does another people's name, "a few
 * Nepalis", unless the sentence makes their country a host), and "Pyongyang", which in these texts
 * names the regime ("the government in Pyongyang"), not a worksite; when
 * North Korea and one other country are named, the other (the host).
 */
function figureCountry(countries: readonly CountryMention[], start: number, end: number): string | null {
  const codes = new Set<string>();
  const hosts = new Set<string>();
  const placed = new Set<string>();
  // Countries are sorted by start: find the first inside the quote, then walk while inside (no scan of the whole list per figure).
  let lo = 0;
  let hi = countries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (countries[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < countries.length && countries[i]!.start < end; i++) {
    const c = countries[i]!;
    if (c.end > end) continue;
    if (c.country === 'KP' && (c.via === 'demonym' || /^p['’‘ʼ]?yong-?yang$/i.test(c.text))) continue;
    // People named by their nationality ("49 North Koreans and a few Nepalis working at the coal mine", in Sarawak) are
    // other workers, not a place, unless the sentence makes the country a host: never the answer, still a country named.
    if (!(c.via === 'demonym' && c.role !== 'host' && /[a-z]s$/.test(c.text))) placed.add(c.country);
    codes.add(c.country);
    if (c.role === 'host') hosts.add(c.country);
  }
  // A host named in the sentence is what the figure is about ("Russia said the number of … dropped from 30,023 to 11,490").
  if (hosts.size === 1) return [...hosts][0]!;
  const only = codes.size === 1 ? [...codes][0]! : codes.size === 2 && codes.has('KP') ? [...codes].find((c) => c !== 'KP')! : null;
  return only && placed.has(only) ? only : null;
}
