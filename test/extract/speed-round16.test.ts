/**
 * Round 16 of issue 17's speed work changed how the name path holds what it
 * reads, not what it finds. Checked here against the ways they replaced:
 * - the runs of capitalised words are read as ranges of consecutive tokens and
 *   copied out when they end (`capitalRuns`): equal to the runs grown token by
 *   token and popped of trailing connectors, as spansOf made them before, on
 *   the seeds, the corpus texts present and generated texts;
 * - the lower-case look-up's word starts are chains through two typed arrays,
 *   one per first letter and second character: every lower-case word of a seed
 *   asked through them (after they are made) answers what a search answers.
 * That the resolver's name filter drops no real match (extraction of the seeds
 * equals the path that sends every candidate) is name-filter-runs-round8.test.ts's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capitalRuns, joins } from '../../src/extract/entities.ts';
import { lowerCaseLookup } from '../../src/extract/lower-case.ts';
import { CONNECTORS, tokenize, type Token } from '../../src/extract/name-tokens.ts';
import { corpusDir, seedDir, texts } from './texts.ts';

/** The runs as spansOf made them before round 16: an array grown token by token, a new one after each end. */
function runsGrown(text: string): Token[][] {
  const tokens = tokenize(text);
  const runs: Token[][] = [];
  const flush = (run: Token[]): Token[] => {
    while (run.length && !run[run.length - 1]!.cap && !run[run.length - 1]!.num) run.pop();
    if (run.length) runs.push(run);
    return [];
  };
  let run: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = run[run.length - 1];
    if (prev && !joins(text, prev, t)) run = flush(run);
    if (t.cap) run.push(t);
    else if (t.num && run.length && run[run.length - 1]!.cap) run.push(t);
    else if (run.length && t.text !== '' && CONNECTORS.has(t.text) && tokens[i + 1] && tokens[i + 1]!.cap) run.push(t);
    else if (run.length) run = flush(run);
  }
  flush(run);
  return runs;
}

describe('runs of capitalised words read as token ranges', () => {
  it('are the runs grown token by token, on the seeds and the corpus texts present', () => {
    let runs = 0;
    let connectors = 0;
    for (const [file, text] of [...texts(seedDir), ...texts(corpusDir)]) {
      const want = runsGrown(text);
      expect({ file, runs: capitalRuns(text) }).toEqual({ file, runs: want });
      runs += want.length;
      connectors += want.filter((r) => r.some((t) => !t.cap && !t.num)).length;
    }
    expect(runs).toBeGreaterThan(2500);
    expect(connectors).toBeGreaterThan(100);
  });

  it('are the runs grown token by token, on generated texts', () => {
    const piece = fc.constantFrom('Korea', 'Korea’s', 'Ministry', 'of', 'the', 'and', 'for', 'de', 'Al', 'Room', '39', '#39', 'U.S.', 'Kim', 'Won-hong', 'Won-',
      'workers', 'in', 'is', 'Party’', 'D.P.R.K.', 'Überseeprojekt', 'élan', '中国', '2019', 'a');
    const sep = fc.constantFrom(' ', ' ', ' ', '\u00a0', '’s ', '’ ', "'s ", ', ', '. ', '\n', '  ', '-', '');
    const text = fc.array(fc.tuple(piece, sep), { maxLength: 40 }).map((xs) => xs.map(([w, s]) => w + s).join(''));
    fc.assert(fc.property(text, (t) => {
      expect(capitalRuns(t)).toEqual(runsGrown(t));
    }), { numRuns: 3000, seed: 16 });
  });
});

describe('the lower-case look-up\'s word starts as chains by first two characters', () => {
  it('find every lower-case word of the seeds that a search of the text finds, and no other', () => {
    let found = 0;
    for (const [, text] of texts(seedDir)) {
      const words = [...new Set(text.split(/[^\p{L}\p{N}’'\-]+/u).filter((w) => /^[a-z]/.test(w) && w.length > 1))];
      const shared = lowerCaseLookup(text);
      // Three look-ups first (the chains are made after two searches), then every word, and each with a letter more.
      for (const w of ['zz', 'zzz', 'zzzz', ...words, ...words.map((x) => `${x}q`)]) {
        const want = lowerCaseLookup(text).has(w);
        expect({ w, got: shared.has(w) }).toEqual({ w, got: want });
        if (want) found++;
      }
    }
    expect(found).toBeGreaterThan(3000);
  });
});
