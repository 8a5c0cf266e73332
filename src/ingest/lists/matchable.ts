/**
 * Matchable records straight from official list files, through the list
 * parsers of src/ingest/lists (no second parser here). Used by the
 * evaluation, the benchmark, and screening when no store is at hand. Entity
 * ids are the store's (`ofac-9345`, `unsc-kpe-001`), so results agree with
 * the graph.
 */
import path from 'node:path';
import type { ListEntry } from '../../model/index.ts';
import { bundledListFiles } from './bundled.ts';
import { openListFile } from './input.ts';
import { parseOfacCsv } from './ofac-csv.ts';
import { parseOfacXml } from './ofac-xml.ts';
import { parseUnXml } from './un-xml.ts';
import { DPRK_DATASET, isDprkRelated } from './dprk.ts';
import { entityIdOf, listInfo } from './entry-statements.ts';
import { dateInFileName } from './dates.ts';
import { fromListEntry } from '../../match/entity.ts';
import type { MatchableEntity } from '../../match/types.ts';

export interface ListRecord {
  entry: ListEntry;
  entity: MatchableEntity;
}

/** Parse one list file (OFAC CSV or XML, UN XML) into list entries with their matchable records. */
export async function readListFile(file: string, format: 'ofac-csv' | 'ofac-xml' | 'un-xml'): Promise<ListRecord[]> {
  const input = openListFile(file);
  const opts = { file: path.basename(file) };
  const entries = format === 'ofac-csv' ? parseOfacCsv(input, opts) : format === 'ofac-xml' ? parseOfacXml(input, opts) : parseUnXml(input, opts);
  const out: ListRecord[] = [];
  for await (const entry of entries) {
    const info = listInfo(entry.listId);
    const version = dateInFileName(file);
    const entity = fromListEntry(entry, {
      id: entityIdOf(entry.listId, entry.entryId),
      datasets: isDprkRelated(entry) ? [entry.listId, DPRK_DATASET] : [entry.listId],
      source: { id: `${entry.listId}${version ? `@${version}` : ''}`, title: `${info.title}${version ? ` (${version})` : ''}` },
    });
    out.push({ entry, entity });
  }
  return out;
}

/** Every bundled list under `<root>/data/lists`, newest version of each list only. */
export async function readBundledLists(root: string): Promise<ListRecord[]> {
  const files = bundledListFiles(root);
  const out = new Map<string, ListRecord>();
  for (const f of files) {
    // Files come oldest first; a later version of a list replaces the entries of an earlier one.
    for (const r of await readListFile(f.file, f.format)) out.set(r.entity.id, r);
  }
  return [...out.values()];
}
