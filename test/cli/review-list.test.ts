/**
 * `room39 review list` as a reviewer reads it: each claim in its sentence,
 * the words found in brackets (a bare "Malta" said nothing of why it is a
 * host country), and what the graph already holds marked as such.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../support/db.ts';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { readDocumentBytes, readDocumentFile } from '../../src/ingest/documents/read.ts';
import { submitDocument } from '../../src/ingest/documents/service.ts';
import { acceptReviewItem, listReviewItems, type ReviewItem } from '../../src/review/queue.ts';
import { claimInSentence, reviewLine } from '../../src/cli/commands/review.ts';

let t: TestDb;
let items: ReviewItem[];

beforeAll(async () => {
  t = await freshDb('pglite');
  const doc = await readDocumentFile(path.join(REPO_ROOT, 'data/sources/seeds/004_44246f2efce558ec.txt'));
  const r = await submitDocument(t.db, doc, { submittedBy: 'cli:tester' });
  items = (await listReviewItems(t.db, { status: 'pending', source: r.sourceId, limit: 500, offset: 0 })).items;
}, 300_000);

afterAll(async () => {
  await t?.dispose();
});

describe('room39 review list', () => {
  it('shows each claim in its sentence, never a bare name', () => {
    // A host-country claim reads in its sentence: "… the recent decisions of Poland and — as of last week, [Malta] — to stop …".
    const malta = items.find((i) => i.type === 'country' && i.text === 'Malta')!;
    expect(reviewLine(malta)[3]).toMatch(/\w[,—]? \[Malta\][ —,]+\w/);
    for (const i of items) {
      const claim = reviewLine(i)[3]!;
      expect(claim).toContain(`[${i.text}]`);
      expect(claim.length).toBeGreaterThan(i.text.length + 2);
      expect(claim.length).toBeLessThanOrEqual(i.text.length + 2 + 2 * 91);
    }
    // A long sentence is cut to the 90 characters either side of the claim.
    const long = items.find((i) => i.quote.length > i.text.length + 200)!;
    expect(claimInSentence(long)).toMatch(/^…|…$/);
  });

  it('marks what the graph already holds', async () => {
    const count = items.find((i) => i.type === 'worker_count')!;
    await acceptReviewItem(t.db, count.id, 'cli:tester');
    const again = await submitDocument(t.db, await readDocumentBytes(Buffer.from(count.quote), { filename: 'again.txt' }), { submittedBy: 'cli:tester' });
    const [dup] = (await listReviewItems(t.db, { status: 'pending', source: again.sourceId, kind: 'figure', limit: 50, offset: 0 })).items;
    expect(reviewLine(dup!)[4]).toContain(`(already in the graph: ${count.source.id})`);
  });
});
