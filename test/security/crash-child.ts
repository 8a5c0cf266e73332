/**
 * The process the crash test kills with SIGKILL: a long list import (one
 * transaction, through the real import core) or a review batch (one
 * transaction per decision, through the real review queue). It prints
 * progress lines the test waits for before it kills.
 */
import { openDb } from '../../src/store/db.ts';
import { importVersion } from '../../src/ingest/lists/versioned-import.ts';
import { acceptReviewItem, rejectReviewItem } from '../../src/review/queue.ts';
import { records, versionInfo } from './fixtures.ts';

const [mode, dataDir] = process.argv.slice(2);
const db = await openDb({ dataDir: dataDir! });
const say = (line: string) => process.stdout.write(`${line}\n`);

if (mode === 'import') {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  await importVersion(db, () => versionInfo('2025-01-01'), records(40_000, '2025-01-01', {
    onYield: async (i) => {
      if (i === 6000) say('MIDWAY');
      if (i > 6000) await sleep(1);
    },
  }));
  say('DONE');
} else if (mode === 'review') {
  const items = await db.query<{ id: string }>(`SELECT id FROM review_items WHERE status = 'pending' ORDER BY id`);
  let n = 0;
  for (const { id } of items) {
    if (n % 3 === 2) await rejectReviewItem(db, id, 'user:crash-test');
    else await acceptReviewItem(db, id, 'user:crash-test', { reliability: 'B2' });
    say(`DECIDED ${++n}`);
  }
  say('DONE');
}
await db.close();
