/**
 * What a reviewer reads on the seed documents, and what the graph shows once
 * a claim is accepted: each claim quoted by its whole sentence (an
 * abbreviation such as "U.S." ends none: seed 004's "Poland and Malta have
 * come under media and diplomatic pressure from the U." was a quote); a
 * duplicate of the bundled dataset names its source without a link to a
 * library page it does not have; and an accepted mention shows, on the
 * entity's page, the document that mentions it (and the document the entity).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices, type TestServices } from '../support/services.ts';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { readDocumentFile } from '../../src/ingest/documents/read.ts';
import { submitDocument } from '../../src/ingest/documents/service.ts';
import { documentEntityId } from '../../src/ingest/documents/ingest.ts';
import { acceptReviewItem, listReviewItems, type ReviewItem } from '../../src/review/queue.ts';
import { getEntity } from '../../src/store/entities.ts';

const SEEDS = path.join(REPO_ROOT, 'data/sources/seeds');
let t: TestServices;
const queues = new Map<string, { sourceId: string; text: string; items: ReviewItem[] }>();

beforeAll(async () => {
  t = await openTestServices();
  for (const name of fs.readdirSync(SEEDS).sort()) {
    const doc = await readDocumentFile(path.join(SEEDS, name));
    const r = await submitDocument(t.services.db, doc, { submittedBy: 'cli:tester' });
    const q = await listReviewItems(t.services.db, { status: 'pending', source: r.sourceId, limit: 500, offset: 0 });
    queues.set(name, { sourceId: r.sourceId, text: doc.text, items: q.items });
  }
}, 600_000);

afterAll(async () => {
  await t?.dispose();
});

describe('claims of the seed documents', () => {
  it('quote each claim by its whole sentence: "U.S." or "U.N." ends none', () => {
    // Claims whose sentence goes on past an abbreviation ("… from the U.S. and South Korea over …"): their quotes are whole.
    const past = [...queues.values()].flatMap((q) => q.items).filter((i) => /\bU\.[SN]\.[ \u00a0]+\p{Ll}/u.test(i.quote));
    expect(past.length).toBeGreaterThan(0);
    for (const i of past) expect(i.quote).toMatch(/[.!?”"’)]$/u);
    for (const [name, q] of queues) {
      for (const i of q.items) {
        expect(q.text.slice(i.quote_start, i.quote_end), name).toBe(i.quote);
        expect(i.quote, `${name}: ${i.type} ${i.text}`).not.toMatch(/(?:^|[^\p{L}])\p{Lu}\.$/u);
      }
    }
  });

  it('mark a duplicate of the bundled dataset with its source, which has no page in the library', () => {
    const items = queues.get('004_44246f2efce558ec.txt')!.items;
    const dup = items.find((i) => i.kind === 'figure' && i.duplicate && i.duplicate.source.id.startsWith('seed-'));
    expect(dup?.duplicate?.source).toMatchObject({ id: 'seed-004', document: false });
  });

  it('mark a duplicate of a submitted document as one, with its page in the library', async () => {
    const db = t.services.db;
    const first = queues.get('001_ed61e6457cd6775b.txt')!;
    const count = first.items.find((i) => i.type === 'worker_count')!;
    await acceptReviewItem(db, count.id, 'user:reviewer');
    const doc = await readDocumentFile(path.join(SEEDS, '001_ed61e6457cd6775b.txt'));
    const again = await submitDocument(db, { ...doc, sha256: 'f'.repeat(64) }, { submittedBy: 'cli:tester' });
    const q = await listReviewItems(db, { status: 'pending', source: again.sourceId, limit: 500, offset: 0 });
    expect(q.items.find((i) => i.type === 'worker_count')?.duplicate?.source).toMatchObject({ id: first.sourceId, document: true });
  });

  it('show an accepted mention on the entity’s page with the document that mentions it, and on the document’s', async () => {
    const db = t.services.db;
    const q = queues.get('001_ed61e6457cd6775b.txt')!;
    const person = q.items.find((i) => i.type === 'person' && (i.proposed as { entity_id?: string }).entity_id === 'r39-jon-il-chun')!;
    await acceptReviewItem(db, person.id, 'user:reviewer', { reliability: 'B2' });
    const docId = documentEntityId(q.sourceId);
    const jon = await getEntity(db, 'r39-jon-il-chun');
    const documentation = jon.relations.find((r) => r.schema === 'Documentation');
    expect(documentation?.others).toEqual([expect.objectContaining({ id: docId, schema: 'Document', role: 'document' })]);
    const doc = await getEntity(db, docId);
    expect(doc.relations.find((r) => r.schema === 'Documentation')?.others).toEqual([expect.objectContaining({ id: 'r39-jon-il-chun', role: 'entity' })]);
  });
});
