/**
 * A list version's rule run stores only its change to the list's buckets
 * (#13 part 6) until the changes pile up, then the buckets in full again;
 * making a change leaves the buckets it started from as they were (the run
 * still compares before and after). The stored change read back is checked
 * against a full run on the real OFAC file in test/ingest/skip-unchanged.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { bucketWrites } from '../../src/resolve/link.ts';
import { withChange, type BucketChange, type DatasetBuckets, type StoredShape } from '../../src/resolve/buckets.ts';
import type { IncrementalRun } from '../../src/resolve/incremental.ts';

const listBuckets = (): DatasetBuckets => ({
  buckets: new Map([['n:person:kim jong un', ['ofac-1', 'ofac-2']], ['i:passport:745310010', ['ofac-2']]]),
  counted: new Set(['ofac-1', 'ofac-2']), ids: new Set(['ofac-1', 'ofac-2', 'ofac-3']),
});
const change: BucketChange = { out: [['ofac-2', ['n:person:kim jong un', 'i:passport:745310010']]], in: [['ofac-2', ['n:person:kim jong il'], false]] };
const run = (stored: StoredShape | null): IncrementalRun => ({ proposals: [], buckets: new Map([['us_ofac_sdn', withChange(listBuckets(), change)]]), datasetOf: () => undefined, change, shapes: new Map(stored ? [['us_ofac_sdn', stored]] : []) });

describe('the buckets a list version stores', () => {
  it('a change takes records out of their buckets and puts them in their new ones, leaving the old buckets as they were', () => {
    const before = listBuckets();
    const after = withChange(before, change);
    expect([...after.buckets]).toEqual([['n:person:kim jong un', ['ofac-1']], ['n:person:kim jong il', ['ofac-2']]]);
    expect([...after.counted]).toEqual(['ofac-1']);
    expect([...after.ids].sort()).toEqual(['ofac-1', 'ofac-2', 'ofac-3']);
    expect(before).toEqual(listBuckets());
  });

  it('writes the change alone while few are stored, the buckets in full when none were or the changes pile up', () => {
    const writes = (stored: StoredShape | null) => bucketWrites(run(stored), run(stored).buckets, 'us_ofac_sdn').map((w) => w.kind);
    expect(writes({ changes: 3, fullChars: 2_700_000, changeChars: 60_000 })).toEqual(['change']);
    expect(writes(null)).toEqual(['full']);
    expect(writes({ changes: 30, fullChars: 2_700_000, changeChars: 60_000 })).toEqual(['full']);
    expect(writes({ changes: 5, fullChars: 2_700_000, changeChars: 700_000 })).toEqual(['full']);
    // A full run writes every dataset's buckets.
    expect(bucketWrites(null, new Map([['un_sc_sanctions', listBuckets()], ['us_ofac_sdn', listBuckets()]]), undefined).map((w) => [w.dataset, w.kind]))
      .toEqual([['un_sc_sanctions', 'full'], ['us_ofac_sdn', 'full']]);
  });
});
