/**
 * The shortcuts of round 7 (issue 17, speed) find what the patterns they
 * replaced find: a pattern shaped like the worker-count and money patterns
 * (`B (BOUND SP)? ((between|from) SP)? N …`), tried only where
 * `boundedNumberStarts` says a match may start, gives every match a global
 * scan gives; an end-anchored pattern read on the window's last runs
 * (`execTail`) gives the match read on the whole window. On the seeds'
 * sentences and on generated strings with bounds, number words, "ſ", the
 * Kelvin sign, no-break spaces, brackets and letters outside ASCII.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sentences } from '../../src/extract/extract.ts';
import { B, BOUND, E, N, SP, boundedNumberStarts, matchesAt, numberStarts, stickyOf } from '../../src/extract/figure-patterns.ts';
import { execTail } from '../../src/extract/role-cues.ts';
import { seedDir, texts } from './texts.ts';

/** The shape of the count patterns of worker-counts.ts and figures.ts, ending on a few nouns. */
const COUNT = new RegExp(`${B}(?:${BOUND}${SP})?(?:(?:between|from)${SP})?${N}(?:(?:${SP}(?:and|to)${SP}|[ \\u00a0]?[-–—][ \\u00a0]?)${N})?${SP}((?:[\\p{L}’'\\-]+[ \\u00a0]+){0,4}?)(workers|people|dollars)${E}`, 'giu');
/** The shape of the part-of pattern: a number first. */
const PART = new RegExp(`${B}${N}${SP}(?:out${SP})?of${SP}(?:the${SP})?${N}${SP}(workers|people)${E}`, 'giu');
/** An end-anchored pattern of roles.ts's kind: a preposition, "the", up to three words, the end. */
const PREP = /\b(in|at|to|from)[ \u00a0]+(?:the[ \u00a0]+)?(?:(?!(?:in|at|to|from)\b)[\p{L}\p{N}’'-]+[ \u00a0]+){0,3}$/iu;

const scan = (g: RegExp, s: string) => {
  g.lastIndex = 0;
  return [...s.matchAll(g)].map((m) => [m.index, ...m]);
};
const anchored = (g: RegExp, s: string, starts: readonly number[]) => matchesAt(stickyOf(g), s, starts).map((m) => [m.index, ...m]);

const seedSentences = texts(seedDir).flatMap(([, t]) => sentences(t).map((s) => t.slice(s.start, s.end)));
const piece = fc.constantFrom('about', 'more than', 'no fewer than', 'in excess of', 'as many as', 'ALMOST', 'aſ many aſ', 'between', 'from', 'and', 'to', 'of', 'out of', 'the',
  'one', 'Twenty-five', 'ſix', 'ſeventy', 'a hundred', 'hundred', 'A hundred', 'ten', 'often', 'tone', '50,000', '3', '2.3 million', '10k', '5-6', 'workers', 'people', 'dollars',
  'North Korean', 'foreign', 'é', 'Ÿ', '中', '\u212a', ' ', ' ', ' ', '\u00a0', '  ', '-', '–', '(', ')', ',', '.', '\n', 'x1', '1x');
const sep = fc.constantFrom(' ', ' ', '\u00a0', '  ', '', '-');
/** A count as texts write one: a bound, "between" or "from", numbers, a noun, each perhaps left out. */
const count = fc.tuple(
  fc.constantFrom('', 'about', 'more than', 'no fewer than', 'in excess of', 'as many as', 'aſ many aſ', 'up to'), fc.constantFrom('', 'between', 'from', 'Between'),
  fc.constantFrom('50,000', 'one', 'Twenty-five', 'ſix', 'a hundred', '3', '2.3 million'), fc.constantFrom('', 'and 60,000', 'to seven', '-6'),
  fc.constantFrom('', 'foreign', 'North Korean', 'of the 119'), fc.constantFrom('workers', 'people', 'dollars'),
  sep, sep,
).map(([b, w, n, r, m, noun, s1, s2]) => [b, w, n, r, m, noun].filter(Boolean).join(s1 === '' ? ' ' : s1) + s2);
const generated = fc.array(fc.oneof(piece, count), { maxLength: 16 }).map((xs) => xs.join(''));

describe('patterns tried only where a number may start', () => {
  it('give every match of a global scan, on the seeds', () => {
    expect(seedSentences.length).toBeGreaterThan(1000);
    let matched = 0;
    for (const s of seedSentences) {
      const whole = scan(COUNT, s);
      matched += whole.length;
      expect(anchored(COUNT, s, boundedNumberStarts(s, 5))).toEqual(whole);
      expect(anchored(PART, s, numberStarts(s))).toEqual(scan(PART, s));
    }
    expect(matched).toBeGreaterThan(10);
  });

  it('give every match of a global scan, on generated strings', () => {
    fc.assert(fc.property(generated, (s) => {
      expect(anchored(COUNT, s, boundedNumberStarts(s, 5))).toEqual(scan(COUNT, s));
      expect(anchored(PART, s, numberStarts(s))).toEqual(scan(PART, s));
    }), { numRuns: 3000 });
  });

  it('miss matches when they look too few words back (the check can fail)', () => {
    const s = 'they sent no fewer than 500 workers';
    expect(anchored(COUNT, s, boundedNumberStarts(s, 1))).not.toEqual(scan(COUNT, s));
  });
});

describe('end-anchored patterns read on the last runs of a window', () => {
  const windows = seedSentences.flatMap((s) => [s.slice(0, 120) + ' ', s.slice(-120), s.slice(0, 60) + ' in the ']);
  it('find what the whole window gives', () => {
    let found = 0;
    for (const w of windows) {
      const whole = PREP.exec(w);
      found += whole ? 1 : 0;
      const tail = execTail(PREP, w, 5);
      expect(tail && [tail.index, ...tail]).toEqual(whole && [whole.index, ...whole]);
    }
    expect(found).toBeGreaterThan(100);
  });

  it('find what the whole window gives, on generated windows', () => {
    const word = fc.constantFrom('in', 'at', 'to', 'from', 'the', 'Russia', 'work', 'sites', '(in', 'x-in', 'ſ', '\u212a', 'é', '1');
    const windowOf = fc.array(fc.tuple(word, fc.constantFrom(' ', '  ', '\u00a0', '')), { maxLength: 12 }).map((xs) => xs.map(([w, s]) => w + s).join(''));
    fc.assert(fc.property(windowOf, (w) => {
      const whole = PREP.exec(w);
      const tail = execTail(PREP, w, 5);
      expect(tail && [tail.index, ...tail]).toEqual(whole && [whole.index, ...whole]);
    }), { numRuns: 3000 });
  });
});
