/**
 * The matcher leaves out name pairs whose upper bound (src/match/score-bound.ts)
 * cannot reach the cutoff or beat the best pair found: on the real lists, the
 * bound is never below the score it bounds, and answers with and without it
 * are the same, result for result, score for score, explanation for explanation.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readListFiles } from '../../src/ingest/lists/matchable.ts';
import { Matcher } from '../../src/match/matcher.ts';
import { kthSmallest } from '../../src/match/best-by-weight.ts';
import { nameWords, wordsScore } from '../../src/match/score-name.ts';
import { BoundArena, wordsScoreBound } from '../../src/match/score-bound.ts';
import { prepareName } from '../../src/names/index.ts';
import type { EvalCase } from '../../src/match/evaluation.ts';
import type { MatchQuery } from '../../src/match/types.ts';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { officialListFiles } from '../support/official.ts';

let matcher: Matcher;
let cases: EvalCase[];

beforeAll(async () => {
  matcher = new Matcher((await readListFiles(officialListFiles())).map((r) => r.entity));
  ({ cases } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'test/match/eval-set.json'), 'utf8')) as { cases: EvalCase[] });
});

/** Every 5th case of the evaluation set (all categories), some with a date of birth, a country or an identifier, some with another schema. */
function queries(): MatchQuery[] {
  const out: MatchQuery[] = [];
  cases.forEach((c, i) => {
    if (i % 5 !== 0) return;
    out.push({
      names: [c.query], schema: i % 3 === 0 ? null : c.schema, birthDates: i % 4 === 0 ? ['1960'] : [],
      countries: i % 7 === 0 ? ['KP'] : i % 11 === 0 ? ['China'] : [], identifiers: i % 13 === 0 ? ['745310010'] : [],
    });
  });
  return out;
}

describe('name score upper bound', () => {
  it('is never below the score, on list names against list names of every kind', () => {
    const names = matcher.index.names;
    let pairs = 0;
    let below = 0;
    for (const [k, c] of cases.entries()) {
      if (k % 7 !== 0) continue;
      for (const kind of ['person', 'org', 'any'] as const) {
        const prepared = prepareName(c.query, kind);
        const q = nameWords(prepared, matcher.index.weightsOf(prepared));
        for (let s = k % 97; s < names.length; s += 97) {
          const n = names[s]!;
          const w = nameWords(n.prepared, n.weights);
          pairs++;
          if (wordsScoreBound(q, w) + 1e-9 < wordsScore(q, w)) below++;
        }
      }
    }
    expect(pairs).toBeGreaterThan(100_000);
    expect(below).toBe(0);
  });

  it('reads the same from the arena the matcher lays its names out in as from a name laid out alone', () => {
    const names = matcher.index.names;
    const words = (s: number) => nameWords(names[s]!.prepared, names[s]!.weights);
    const arena = new BoundArena(names.length, words);
    let pairs = 0;
    let differ = 0;
    let positive = 0;
    for (const [k, c] of cases.entries()) {
      if (k % 11 !== 0) continue;
      const prepared = prepareName(c.query, k % 2 ? 'person' : 'org');
      const q = nameWords(prepared, matcher.index.weightsOf(prepared));
      // Slots in a scattered order, so names are laid out far from their neighbours and the arena grows.
      for (let s = (k * 7919) % names.length, n = 0; n < 400; n++, s = (s + 7919) % names.length) {
        const fromArena = arena.bound(q, s);
        pairs++;
        if (fromArena > 0) positive++;
        if (fromArena !== wordsScoreBound(q, words(s))) differ++;
      }
    }
    expect(pairs).toBeGreaterThan(20_000);
    expect(positive).toBeGreaterThan(1_000);
    expect(differ).toBe(0);
  });

  it('leaves the answers exactly as they are without it', () => {
    const qs = queries();
    expect(qs.length).toBeGreaterThan(600);
    let results = 0;
    for (const query of qs) {
      for (const options of [{ limit: 20, cutoff: 0.5 }, { limit: 5, cutoff: 0.3, threshold: 0.7 }, { limit: 10, cutoff: 0.5, weights: { birth_date: 0.5, country: 0.4 } }]) {
        const fast = matcher.matchCounted(query, { ...options, window: 20 });
        const full = matcher.matchCounted(query, { ...options, window: 20, exhaustive: true });
        expect(fast).toEqual(full);
        results += full.results.length;
      }
    }
    expect(results).toBeGreaterThan(1000);
  });
});

describe('the k-th smallest key weight (the candidates kept for scoring)', () => {
  it('is the value a full sort puts at k, with many ties', () => {
    // Weights like the candidate search's: sums of a few word weights, many equal.
    let seed = 7;
    const next = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 2 ** 32; };
    for (let round = 0; round < 300; round++) {
      const n = 1 + Math.floor(next() * 400);
      const xs = Float64Array.from({ length: n }, () => Math.round(next() * (round % 3 === 0 ? 4 : 40)) * 0.25);
      const k = Math.floor(next() * n);
      const sorted = Float64Array.from(xs).sort();
      expect(kthSmallest(Float64Array.from(xs), k)).toBe(sorted[k]);
    }
  });
});
