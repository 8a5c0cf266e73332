/**
 * Seed 001 submitted and reviewed: its host country China corrected to
 * Kazakhstan, its worker count ("more than 50,000 North Koreans") corrected to
 * 40,000 in Kazakhstan in 2017, its host country Russia and its state share accepted
 * as extracted. The reviewer's name carries markup, which must show as text.
 */
import path from 'node:path';
import { REPO_ROOT } from '../../src/config/settings.ts';
import type { Db } from '../../src/store/db.ts';
import { readDocumentFile } from '../../src/ingest/documents/read.ts';
import { submitDocument } from '../../src/ingest/documents/service.ts';
import { documentEntityId } from '../../src/ingest/documents/ingest.ts';
import { acceptReviewItem, correctReviewItem, listReviewItems, type ReviewItem } from '../../src/review/queue.ts';

export const REVIEWER = 'Kim <i>Reviewer</i>';
export const SEED = path.join(REPO_ROOT, 'data/sources/seeds/001_ed61e6457cd6775b.txt');

export interface CorrectedSeed {
  sourceId: string;
  documentEntity: string;
  china: ReviewItem;
  russia: ReviewItem;
  workers: ReviewItem;
  share: ReviewItem;
}

export async function correctedSeed(db: Db): Promise<CorrectedSeed> {
  const doc = await readDocumentFile(SEED);
  const { sourceId } = await submitDocument(db, doc, { submittedBy: 'cli:tester' });
  const { items } = await listReviewItems(db, { status: 'pending', source: sourceId, limit: 500, offset: 0 });
  const find = (type: string, text: RegExp) => {
    const item = items.find((i) => i.type === type && text.test(i.text));
    if (!item) throw new Error(`seed 001 has no ${type} claim ${text}: ${items.map((i) => `${i.type}:${i.text}`).join(', ')}`);
    return item;
  };
  const china = await correctReviewItem(db, find('country', /^China$/).id, REVIEWER, { country: 'KZ' }, { reliability: 'B2' });
  const russia = await acceptReviewItem(db, find('country', /^Russia$/).id, 'Park Accepter', { reliability: 'B2' });
  const workers = await correctReviewItem(db, find('worker_count', /50,000/).id, REVIEWER, { low: 40_000, high: 40_000, qualifier: 'exact', country: 'KZ', period_start: '2017', period_end: '2017' }, { reliability: 'B2' });
  const share = await acceptReviewItem(db, find('share', /95 percent/).id, 'Park Accepter', { reliability: 'B2' });
  return { sourceId, documentEntity: documentEntityId(sourceId), china, russia, workers, share };
}
