/** The text of `room39 lists status` (commands/lists.ts loads it when the command runs). */
import { table } from './table.ts';
import { describeStatus, listsNote, type ListStatus } from '../ingest/lists/status.ts';

/**
 * `room39 lists status` for a person: a table, then a sentence for each list that needs one (never loaded, its last
 * check failed, or its file carried no date: the table's "published" would otherwise show the file's modification
 * date as if the publisher had given it, and "stale" would go unexplained).
 */
export function statusText(lists: readonly ListStatus[]): string {
  const rows = lists.map((l) => [l.list, l.version ?? '-', l.published_assumed ? 'unknown' : l.published ?? '-', l.fetched_at?.slice(0, 16).replace('T', ' ') ?? '-', String(l.entries ?? '-'), String(l.dprk_entries ?? '-'), !l.version ? 'not loaded' : l.stale ? 'stale' : 'current']);
  const notes = lists.filter((l) => l.last_error || !l.version || l.published_assumed).map(describeStatus);
  // What to do about lists missing or stale, as /healthz says it: not only when every list is missing.
  const todo = listsNote(lists);
  return `${table(['list', 'version', 'published', 'fetched', 'entries', 'DPRK', 'freshness'], rows)}${notes.length ? `\n${notes.join('\n')}` : ''}${todo ? `\n${todo}` : ''}`;
}
