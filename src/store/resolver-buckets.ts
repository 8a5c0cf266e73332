/**
 * What the resolver's rule run keeps between list versions: the stamp of the
 * records and judgements it saw, and its buckets (a full write per dataset,
 * and the changes list versions made to them since), with the token of their
 * last write. See src/resolve/incremental.ts for how they are used.
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from './db.ts';

/**
 * A fingerprint of what the rule run reads: the entities (every write of statements refreshes them: the newest
 * write, at clock time, and the removals) and the judgements (made, undone). The run stores it (with its buckets,
 * resolver_buckets); while the store still shows it, the next list version's run need only look at the records
 * that version changed (src/resolve/incremental.ts). Every part only grows.
 */
async function recordsStamp(q: Queryable): Promise<string> {
  const [row] = await q.query<{ stamp: string }>(
    `SELECT coalesce((SELECT max(updated_at) FROM entities)::text, '') || '/' || (SELECT count(*) FROM entity_removals)::text || '/' ||
            j.n::text || '/' || j.undone::text AS stamp
       FROM (SELECT count(*) AS n, count(undone_at) AS undone FROM judgements) j`);
  return row?.stamp ?? '';
}

/**
 * Does the store still show what the last rule run saw (nothing written since but by list versions that say what
 * they changed)? When it does, takes the lock that keeps other writers of entities and judgements out until the
 * caller's transaction ends, and looks again (on PostgreSQL, a writer in flight is waited for; one after stamps later).
 */
export async function ruledStampHolds(q: Queryable): Promise<boolean> {
  const holds = async () => {
    const [row] = await q.query<{ ruled_stamp: string | null }>('SELECT ruled_stamp FROM resolver_state WHERE id = 1');
    return !!row?.ruled_stamp && row.ruled_stamp === await recordsStamp(q);
  };
  if (!(await holds())) return false;
  await q.query('LOCK TABLE entities, judgements IN SHARE ROW EXCLUSIVE MODE');
  return holds();
}

/** What a rule run writes of one dataset's buckets: all of them, or (after a list version's run) its change to the stored ones. */
export interface BucketWrite { dataset: string; kind: 'full' | 'change'; data: string }

/**
 * After a rule run: its buckets (replacing every dataset's, or writing those given) and the stamp of what it saw.
 * Answers the new token of the stored buckets (bucketsToken), unique to this write.
 */
export async function markRuled(q: Queryable, writes: readonly BucketWrite[], replaceAll: boolean): Promise<string> {
  if (replaceAll) {
    await q.query('DELETE FROM resolver_buckets');
    await q.query('DELETE FROM resolver_bucket_changes');
  }
  // One row at a time: a few MB given as a text[] literal costs its escaping and parsing.
  for (const { dataset, kind, data } of writes) {
    if (kind === 'full') {
      await q.query('INSERT INTO resolver_buckets (dataset, data) VALUES ($1, $2) ON CONFLICT (dataset) DO UPDATE SET data = EXCLUDED.data', [dataset, data]);
      if (!replaceAll) await q.query('DELETE FROM resolver_bucket_changes WHERE dataset = $1', [dataset]);
    } else {
      await q.query(
        'INSERT INTO resolver_bucket_changes (dataset, seq, data) SELECT $1, coalesce(max(seq), 0) + 1, $2 FROM resolver_bucket_changes WHERE dataset = $1',
        [dataset, data]);
    }
  }
  const token = randomUUID();
  await q.query('UPDATE resolver_state SET ruled_stamp = $1, buckets_token = $2 WHERE id = 1', [await recordsStamp(q), token]);
  return token;
}

/** The token of the stored buckets: it changes with every write of them (and never comes back: a write rolled back leaves the old one). */
export async function bucketsToken(q: Queryable): Promise<string | null> {
  const [row] = await q.query<{ buckets_token: string | null }>('SELECT buckets_token FROM resolver_state WHERE id = 1');
  return row?.buckets_token ?? null;
}

/** The buckets a rule run last wrote in full, by dataset, with the changes later runs made to them, oldest first. */
export async function storedBuckets(q: Queryable): Promise<Map<string, { data: string; changes: string[] }>> {
  const out = new Map((await q.query<{ dataset: string; data: string }>('SELECT dataset, data FROM resolver_buckets'))
    .map((r) => [r.dataset, { data: r.data, changes: [] as string[] }]));
  for (const c of await q.query<{ dataset: string; data: string }>('SELECT dataset, data FROM resolver_bucket_changes ORDER BY dataset, seq')) {
    out.get(c.dataset)?.changes.push(c.data);
  }
  return out;
}
