/**
 * The shortcuts entity resolution takes for speed (issue 17) change no answer:
 * the cutoff from the extraction threshold for names that are none of the
 * graph's given names (src/ingest/documents/resolver.ts), under which the
 * matcher's bound on each pair of names (src/match/score-bound.ts) skips most
 * pairs. Extraction with them gives, mention for mention and figure for
 * figure, what it gives when every candidate name that the name filter
 * (src/extract/name-filter.ts) lets through is scored in full against every
 * name of its candidate entities: on the five seeds, and on the out-of-sample
 * texts when they are present (ROOM39_CORPUS_DIR: kept outside the
 * repository). The name filter itself decides what a candidate is (since
 * round 2, bench/extract/README.md) and is not compared here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { extract } from '../../src/extract/extract.ts';
import { bundledResolver, type MatcherResolver } from '../../src/ingest/documents/resolver.ts';
import { officialListFiles } from '../support/official.ts';
import { corpusDir, seedDir, texts } from './texts.ts';

let fast: MatcherResolver;
let full: MatcherResolver;
beforeAll(async () => {
  fast = await bundledResolver(REPO_ROOT, officialListFiles());
  full = await bundledResolver(REPO_ROOT, officialListFiles(), { exhaustive: true });
}, 120_000);

describe('entity resolution shortcuts', () => {
  it('find on the seeds exactly what scoring every name in full finds', async () => {
    let entities = 0;
    for (const [file, text] of texts(seedDir)) {
      const got = await extract(text, { resolver: fast });
      const want = await extract(text, { resolver: full });
      expect({ file, ...got }).toEqual({ file, ...want });
      entities += want.mentions.filter((m) => m.type === 'person' || m.type === 'organization').length;
    }
    // The seeds name hundreds of graph entities: the comparison is about something.
    expect(entities).toBeGreaterThan(250);
  }, 300_000);

  it('find on the out-of-sample texts (when present) what scoring every name in full finds', async () => {
    for (const [file, text] of texts(corpusDir)) {
      const got = await extract(text, { resolver: fast });
      expect({ file, ...got }).toEqual({ file, ...(await extract(text, { resolver: full })) });
    }
  }, 600_000);
});
