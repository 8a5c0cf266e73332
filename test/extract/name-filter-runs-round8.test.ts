/**
 * The shortcut of round 8 (issue 17, speed): extraction asks the resolver's
 * name filter about each candidate from the words of its run
 * (`NameFilter.rejectsRun`, computed once per word of the run) and does not
 * send the candidates it rejects. Checked against the full path: a rejected
 * candidate is one `mayMatch` rejects, on generated runs of words drawn from
 * the graph's names (possessives, connectors in any case, joins, no-break
 * spaces, initials, letters outside ASCII); and extraction through a resolver
 * that shows its filter equals extraction through the same resolver hidden
 * behind a plain `EntityResolver` (every candidate sent, the filter applied
 * name by name), on the seeds and on generated texts. And the lower-case
 * look-up's word starts, now kept in 26 lists by first letter: one
 * look-up asked many phrases (through its word starts) answers what a fresh
 * look-up per phrase answers (by `indexOf` searches only). The short
 * references' test of a name's first word against the first words of the
 * forms (`firstWord` is `words(name)[0]`), and the filter's table of filed
 * key hashes (a bit array: a key it says is not filed finds nothing in the
 * index, one letter off included).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { extract } from '../../src/extract/extract.ts';
import { lowerCaseLookup } from '../../src/extract/lower-case.ts';
import { firstWord, nameCandidates, words as referenceWords } from '../../src/extract/entities.ts';
import { RunWords } from '../../src/extract/name-filter.ts';
import { deletions, type MatchIndex } from '../../src/match/candidate-index.ts';
import type { EntityResolver } from '../../src/extract/types.ts';
import { bundledResolver, type MatcherResolver } from '../../src/ingest/documents/resolver.ts';
import { officialListFiles } from '../support/official.ts';
import { seedDir, texts } from './texts.ts';

let resolver: MatcherResolver;
/** The same resolver without its filter showing: extraction sends it every candidate (the full path). */
let hidden: EntityResolver;
beforeAll(async () => {
  resolver = await bundledResolver(REPO_ROOT, officialListFiles());
  hidden = { resolveMany: (names, wanted) => resolver.resolveMany(names, wanted) };
}, 120_000);

/** Words of graph names and near them, as texts write them. */
const WORDS = ['Korea', 'Korea’s', 'Korean', 'North', 'DPRK', 'D', 'P', 'R', 'K', 'Democratic', 'Peoples', 'People’s', 'Republic', 'Ministry', 'of', 'Of', 'OF',
  'the', 'The', 'and', 'AND', 'Al', 'al', 'Bin', 'de', 'Security', 'State', 'States', 'United', 'Nations', 'Council', 'Kim', 'Won', 'Hong', 'Won-hong', 'Wonhong',
  'Jong', 'Un', 'Il', 'Sung', 'Thae', 'Yong-ho', 'Bureau', 'Room', '39', '#39', 'Mansudae', 'Art', 'Studio', 'Overseas', 'Project', 'Group', 'Companies',
  'Company', 'Trading', 'Corporation', 'General', 'Workers’', 'Workers', 'Party', 'U.S.', 'Treasury', 'Department', 'Dep’t', 'Human', 'Rights', 'Joint',
  'Venture', 'Export', 'Import', 'Limited', 'Liability', 'J', 'V', 'Namgang', 'Construction', 'Chosun', 'Choson', 'Kang', 'Chol-hwan', 'Malaysia’s',
  'Immigration', 'Outlaw', 'Ocean', 'Black', 'Hills', 'Überseeprojekt', 'Pyŏngyang', 'ÉTAT', 'Ryonbong', 'Kwangson', 'Banking', 'Tumen', 'KOMID', 'Foreign'];

describe('candidates rejected from their run’s words', () => {
  it('are candidates the name filter rejects, on generated runs', () => {
    const filter = resolver.nameFilter;
    let rejected = 0;
    let passed = 0;
    const run = fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom('', '', '’s', '’', '\'s'), fc.constantFrom(' ', ' ', ' ', '\u00a0')), { minLength: 1, maxLength: 9 });
    fc.assert(fc.property(run, (tokens) => {
      filter.forget();
      const last = tokens.map(([w]) => w);
      const inner = tokens.slice(0, -1).map(([w, possessive]) => w + possessive);
      const words = new RunWords(inner, last);
      for (let i = 0; i < tokens.length; i++) {
        for (let j = i; j < tokens.length; j++) {
          let name = '';
          for (let k = i; k < j; k++) name += inner[k]! + tokens[k]![2];
          name += last[j]!;
          // Asked in either order: what the filter remembers of words must change no answer.
          const full = (i + j) % 2 === 0 ? filter.mayMatch(name) : undefined;
          const rejects = filter.rejectsRun(words, i, j, name);
          if (i === j) expect(filter.rejectsWord(name)).toBe(rejects);
          const mayMatch = full ?? filter.mayMatch(name);
          if (rejects) {
            expect({ name, mayMatch }).toEqual({ name, mayMatch: false });
            rejected++;
          } else if (mayMatch) passed++;
        }
      }
    }), { numRuns: 1500, seed: 8 });
    expect(rejected).toBeGreaterThan(5000);
    expect(passed).toBeGreaterThan(100);
  }, 120_000);

  it('leave extraction of the seeds as the full path gives it', async () => {
    let entities = 0;
    for (const [file, text] of texts(seedDir)) {
      resolver.forget();
      const got = await extract(text, { resolver });
      resolver.forget();
      const want = await extract(text, { resolver: hidden });
      expect({ file, ...got }).toEqual({ file, ...want });
      entities += want.mentions.filter((m) => m.type === 'person' || m.type === 'organization').length;
    }
    expect(entities).toBeGreaterThan(250);
  }, 120_000);

  it('leave extraction of generated texts as the full path gives it', async () => {
    const sep = fc.constantFrom(' ', ' ', ' ', '\u00a0', '’s ', '’ ', ', ', '. ', '\n', '  ', '-');
    const names = ['Ministry of People’s Security', 'Kim Won-hong', 'Kim Won Hong', 'Mansudae Art Studio', 'Mansudae Overseas Project Group of Companies',
      'U.S. Treasury Department', 'Workers’ Party of Korea', 'Korea Kwangson Banking Corporation', 'Bureau 39', 'Room 39', 'United Nations Security Council',
      'KOMID', 'Thae Yong-ho', 'Malaysia’s Immigration Department', 'State Department'];
    const text = fc.array(fc.tuple(fc.constantFrom(...WORDS, ...names, ...names, 'workers', 'in', 'were', 'sent', 'to', 'Russia', 'China', 'said'), sep), { maxLength: 40 })
      .map((xs) => xs.map(([w, s]) => w + s).join(''));
    let mentions = 0;
    await fc.assert(fc.asyncProperty(text, async (t) => {
      resolver.forget();
      const got = await extract(t, { resolver });
      resolver.forget();
      const want = await extract(t, { resolver: hidden });
      expect(got).toEqual(want);
      mentions += want.mentions.filter((m) => m.type === 'person' || m.type === 'organization').length;
    }), { numRuns: 400, seed: 8 });
    expect(mentions).toBeGreaterThan(300);
  }, 240_000);
});

describe('the lower-case look-up through word starts', () => {
  const phrases = ['human rights', 'human', 'rights', 'labor training camps', 'k', 'ka', 'kim', 'state', 'the state', 'é', 'ſtate', 'x-ray', 'co-op', 'a', 'ab'];
  const check = (text: string, asked: readonly string[]) => {
    const shared = lowerCaseLookup(text);
    return asked.map((p) => [p, shared.has(p)]).filter(([p, got]) => got !== lowerCaseLookup(text).has(p as string));
  };

  it('answers what searching the text answers, on the seeds', () => {
    for (const [, text] of texts(seedDir)) {
      const words = [...new Set(text.toLowerCase().split(/[^\p{L}’'\-]+/u).filter((w) => w.length > 1))].slice(0, 400);
      const asked = [...phrases, ...words, ...words.slice(0, 100).map((w, i) => `${w} ${words[i + 1]}`)];
      expect(check(text, asked)).toEqual([]);
    }
  });

  it('answers what searching the text answers, on generated texts', () => {
    const piece = fc.constantFrom('human', 'Human', 'rights', 'ka', 'kim', 'k', 'the', 'state', 'ſtate', 'é', 'ék', 'x-ray', 'co-op', '’s', "'", '-', '9', 'a', 'b',
      ' ', ' ', '\u00a0', '\n', '.', ',', '𝐀', '中');
    const text = fc.array(piece, { maxLength: 60 }).map((xs) => xs.join(''));
    fc.assert(fc.property(text, fc.array(fc.constantFrom(...phrases), { minLength: 3, maxLength: 12 }), (t, asked) => {
      expect(check(t, asked)).toEqual([]);
    }), { numRuns: 3000, seed: 8 });
  });
});

describe('the short references\' first word', () => {
  it('is the first of the words they compare, on the seeds\' candidates and generated names', () => {
    const names = texts(seedDir).flatMap(([, t]) => nameCandidates(t).map((c) => c.text));
    expect(names.length).toBeGreaterThan(1000);
    const generated = fc.sample(fc.array(fc.constantFrom(...WORDS, '’s', '\'s', '’S', 'S', ' ', '\u00a0', '\t', '\u2028', 'İ', 'ſ'), { minLength: 1, maxLength: 8 }).map((xs) => xs.join('')), { numRuns: 20_000, seed: 8 });
    let checked = 0;
    for (const name of [...names, ...generated]) {
      const first = firstWord(name);
      if (first === null) continue;
      expect({ name, first }).toEqual({ name, first: referenceWords(name)[0] });
      checked++;
    }
    expect(checked).toBeGreaterThan(15_000);
    for (const name of ['’s Kim', ' Kim', '\u00a0Kim']) expect(firstWord(name)).toBeNull();
  });
});

describe('the name filter\'s filed key hashes', () => {
  it('say "not filed" only of keys that find nothing in the index, one letter off included', () => {
    /** The filter's private parts this test reads: its look-up of one key, and the index it reads. */
    const filter = resolver.nameFilter as unknown as { forget(): void; slotsOfKey(key: string): { size: number } | null; index: MatchIndex };
    const index = filter.index;
    /** The slots a key reaches, every look-up made (no hash gate). */
    const full = (key: string): number => {
      const slots = new Set([...index.lookup(key), ...(key.length >= 5 ? index.lookupDeletion(key) : [])]);
      if (key.length >= 5) for (const d of deletions(key)) for (const s of [...index.lookup(d), ...index.lookupDeletion(d)]) slots.add(s);
      return slots.size;
    };
    const graphKeys = [...new Set(index.names.flatMap((n) => n.prepared.tokens.map((t) => t.key)))];
    const near = graphKeys.flatMap((k) => [k, k.slice(1), `${k}a`, k.split('').reverse().join(''), `x${k.slice(1)}`]);
    const random = fc.sample(fc.stringMatching(/^[a-z]{1,12}$/), { numRuns: 20_000, seed: 8 });
    let found = 0;
    filter.forget();
    for (const key of [...near, ...random]) {
      const size = filter.slotsOfKey(key)?.size ?? 0;
      expect({ key, size }).toEqual({ key, size: full(key) });
      if (size > 0) found++;
    }
    expect(found).toBeGreaterThan(1000);
  }, 120_000);
});
