/**
 * The answers the resolver computes with the graph for the graph's own names
 * (src/ingest/documents/resolver.ts, `precomputeGivenNames`: issue 17, speed
 * of a first reading) are the matcher's own answers: on the bundled graph
 * (curated entities and the DPRK-related entries of the official list files),
 * every name of the table is asked again of a resolver without the table, at
 * the thresholds extraction asks with and without one, and so are the same
 * names written in other cases, spacings and punctuation (answered from the
 * table by how the matcher reads them); and extraction of the
 * seeds and of the out-of-sample texts (when present, ROOM39_CORPUS_DIR) with
 * the table equals extraction without it, mention for mention and figure for
 * figure.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { extract } from '../../src/extract/extract.ts';
import { nameCandidates } from '../../src/extract/entities.ts';
import { bundledResolver, curatedMatchables, type MatcherResolver } from '../../src/ingest/documents/resolver.ts';
import { officialListFiles } from '../support/official.ts';
import { corpusDir, seedDir, texts } from './texts.ts';

let withTable: MatcherResolver;
let plain: MatcherResolver;
beforeAll(async () => {
  withTable = await bundledResolver(REPO_ROOT, officialListFiles());
  plain = await bundledResolver(REPO_ROOT, officialListFiles(), { precompute: false });
}, 120_000);

describe('answers computed with the graph', () => {
  it('cover every name the graph gives its curated entities and list entries', () => {
    const table = withTable.precomputedAnswers();
    expect(plain.precomputedAnswers().size).toBe(0);
    const curated = curatedMatchables(REPO_ROOT).flatMap((e) => ['name', 'alias', 'weakAlias', 'previousName'].flatMap((p) => e.properties[p] ?? []));
    expect(curated.length).toBeGreaterThan(70);
    for (const name of curated) expect(table.has(name), name).toBe(true);
    // The list entries' names too (the bundled graph holds several hundred DPRK-related entries).
    expect(table.size).toBeGreaterThan(curated.length + 300);
    // Most resolve to an entity: the table is about something.
    expect([...table.values()].filter((a) => a !== null).length).toBeGreaterThan(table.size * 0.9);
  });

  it('are, name for name, what the matcher answers without the table, at every threshold extraction asks with', async () => {
    const names = [...withTable.precomputedAnswers().keys()];
    for (const threshold of [undefined, 0.9, 0.5, 0.99]) {
      plain.forget();
      const want = await plain.resolveMany(names, threshold === undefined ? {} : { threshold });
      const got = await withTable.resolveMany(names, threshold === undefined ? {} : { threshold });
      for (let i = 0; i < names.length; i++) expect({ name: names[i], threshold, answer: got[i] }).toEqual({ name: names[i], threshold, answer: want[i] });
    }
  }, 120_000);

  it('answer a given name written otherwise (case, hyphens, spaces, dots) as the matcher does', async () => {
    const variants = new Set<string>();
    for (const name of withTable.precomputedAnswers().keys()) {
      for (const v of [name.toUpperCase(), name.toLowerCase(), name.replace(/-/g, ' '), name.replace(/[\s-]+/g, '-'), name.replace(/\./g, ''), name.replace(/ /g, '')]) {
        if (!withTable.precomputedAnswers().has(v)) variants.add(v);
      }
    }
    const names = [...variants];
    plain.forget();
    withTable.forget();
    const want = await plain.resolveMany(names, { threshold: 0.9 });
    const got = await withTable.resolveMany(names, { threshold: 0.9 });
    let fromTable = 0;
    for (let i = 0; i < names.length; i++) {
      if (withTable.precomputedReading(names[i]!)) fromTable++;
      expect({ name: names[i], answer: got[i] }).toEqual({ name: names[i], answer: want[i] });
    }
    // Hundreds of these variants are answered from the table: the comparison is about it.
    expect(fromTable).toBeGreaterThan(500);
  }, 120_000);

  it('leave extraction of the seeds unchanged, which ask many of these names', async () => {
    let fromTable = 0;
    for (const [file, text] of texts(seedDir)) {
      withTable.forget();
      plain.forget();
      expect({ file, ...(await extract(text, { resolver: withTable })) }).toEqual({ file, ...(await extract(text, { resolver: plain })) });
      fromTable += new Set(nameCandidates(text).map((c) => c.text).filter((t) => withTable.precomputedAnswers().has(t))).size;
    }
    expect(fromTable).toBeGreaterThan(50);
  }, 300_000);

  it('leave extraction of the out-of-sample texts (when present) unchanged', async () => {
    for (const [file, text] of texts(corpusDir)) {
      expect({ file, ...(await extract(text, { resolver: withTable })) }).toEqual({ file, ...(await extract(text, { resolver: plain })) });
    }
  }, 600_000);
});
