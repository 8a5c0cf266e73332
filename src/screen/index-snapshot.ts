/**
 * The screening index kept beside an embedded store (store/snapshot-file.ts): after a build, the matcher's gathered
 * names and the entities' dates; the next process on the data directory (a restarted `room39 serve`, a `room39 screen`
 * or `case` command) reads them back in about a second instead of rebuilding them (5–8 CPU-seconds with the official
 * lists), while the tables they came from and the code are unchanged.
 */
import { IndexNames, MatchIndex, type Slices } from '../match/candidate-index.ts';
import { Matcher } from '../match/matcher.ts';
import type { MatchableEntity } from '../match/types.ts';
import type { Queryable } from '../store/db.ts';
import { indexInputFingerprint, keepSnapshot, readSnapshot, snapshotPath, writeSnapshot } from '../store/snapshot-file.ts';
import type { EntityDates } from './index-facts.ts';

export const SNAPSHOT_FILE = 'screening-index.snapshot';
const MAGIC = 'room39 screening index 1';
const ENTITY_CHUNK = 2_000;
const NAME_CHUNK = 5_000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** What a built matcher holds that is costly to make: its gathered names (IndexNames), and the entities' dates. */
function partsOf(matcher: Matcher, dates: Map<string, EntityDates>): unknown[] {
  const index = matcher.index.gathered();
  return [
    { entityChunks: Math.ceil(index.entities.length / ENTITY_CHUNK), nameChunks: Math.ceil(index.names.length / NAME_CHUNK) },
    ...chunks(index.entities, ENTITY_CHUNK), ...chunks(index.names, NAME_CHUNK),
    index.namesOf, index.postings, index.deletionPostings, index.byIdentifier, index.df, dates,
  ];
}

export interface IndexSnapshot { matcher: Matcher; dates: Map<string, EntityDates> }

function fromParts(parts: unknown[]): IndexSnapshot {
  const { entityChunks, nameChunks } = parts[0] as { entityChunks: number; nameChunks: number };
  const entities = (parts.slice(1, 1 + entityChunks) as MatchableEntity[][]).flat();
  const names = (parts.slice(1 + entityChunks, 1 + entityChunks + nameChunks) as IndexNames['names'][number][][]).flat();
  const [namesOf, postings, deletionPostings, byIdentifier, df, dates] = parts.slice(1 + entityChunks + nameChunks) as [
    number[][], Map<string, number[]>, Map<string, number[]>, Map<string, number[]>, Map<string, number>, Map<string, EntityDates>,
  ];
  const gathered = IndexNames.restore({ entities, names, namesOf, postings, deletionPostings, byIdentifier, df });
  return { matcher: new Matcher(new MatchIndex(gathered)), dates };
}

/** Where the store's snapshot is and what the store is now; null when it keeps none (PostgreSQL, or turned off). */
export async function screeningSnapshotKey(q: Queryable): Promise<{ file: string; fingerprint: string } | null> {
  const file = snapshotPath(q, SNAPSHOT_FILE);
  return file ? { file, fingerprint: await indexInputFingerprint(q) } : null;
}

/** The matcher and dates of the snapshot when it was written for the store as it is now and by this code; else null. */
export async function readScreeningSnapshot(key: { file: string; fingerprint: string }, slices: Slices): Promise<IndexSnapshot | null> {
  const parts = await readSnapshot(key.file, MAGIC, key.fingerprint, slices);
  if (!parts) return null;
  try {
    return fromParts(parts);
  } catch {
    return null;
  }
}

/** Keeps a built matcher and its dates as the store's snapshot, written in the background. */
export function keepScreeningSnapshot(key: { file: string; fingerprint: string }, matcher: Matcher, dates: () => Promise<Map<string, EntityDates>>, slices: Slices): void {
  keepSnapshot(key.file, async () => writeSnapshot(key.file, MAGIC, key.fingerprint, partsOf(matcher, await dates()), slices));
}
