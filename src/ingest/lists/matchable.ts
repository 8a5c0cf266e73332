/**
 * Matchable records straight from official list files, through the list
 * parsers of src/ingest/lists (no second parser here). Used by the
 * evaluations and benchmarks, which read the official files without a store. Entity
 * ids are the store's (`ofac-9345`, `unsc-kpe-001`), so results agree with
 * the graph.
 */
import type { ListEntry } from '../../model/index.ts';
import { openListEntries, type ListFormat } from './formats.ts';
import { DPRK_DATASET, isDprkRelated } from './dprk.ts';
import { entityIdOf, listInfo } from './entry-statements.ts';
import { dateInFileName } from './dates.ts';
import { fromListEntry } from '../../match/entity.ts';
import type { MatchableEntity } from '../../match/types.ts';

export interface ListRecord {
  entry: ListEntry;
  entity: MatchableEntity;
}

/** A list file to read: its format, and its date when the file carries none (OFAC's legacy CSV). */
export interface ListFileRef {
  file: string;
  format: ListFormat;
  date?: string;
}

/** Parse one list file (any format of formats.ts) into list entries with their matchable records. */
export async function readListFile(file: string, format: ListFormat, date?: string): Promise<ListRecord[]> {
  const out: ListRecord[] = [];
  for await (const entry of openListEntries(format, file).entries) {
    const info = listInfo(entry.listId);
    const version = date ?? dateInFileName(file);
    const entity = fromListEntry(entry, {
      id: entityIdOf(entry.listId, entry.entryId),
      datasets: isDprkRelated(entry) ? [entry.listId, DPRK_DATASET] : [entry.listId],
      source: { id: `${entry.listId}${version ? `@${version}` : ''}`, title: `${info.title}${version ? ` (${version})` : ''}` },
    });
    out.push({ entry, entity });
  }
  return out;
}

/** Several list files (oldest version of a list first): a later version replaces the entries of an earlier one. */
export async function readListFiles(files: readonly ListFileRef[]): Promise<ListRecord[]> {
  const out = new Map<string, ListRecord>();
  for (const f of files) {
    for (const r of await readListFile(f.file, f.format, f.date)) out.set(r.entity.id, r);
  }
  return [...out.values()];
}
