/** The text of `room39 lists status` (commands/lists.ts loads it when the command runs). */
import { table } from './table.ts';
import { describeStatus, NOT_LOADED_MESSAGE, type ListStatus } from '../ingest/lists/status.ts';

/**
 * `room39 lists status` for a person: a table, then a sentence for each list that needs one (never loaded, its last
 * check failed, or its file carried no date: the table's "published" would otherwise show the file's modification
 * date as if the publisher had given it, and "stale" would go unexplained).
 */
export function statusText(lists: readonly ListStatus[]): string {
  const rows = lists.map((l) => [l.list, l.version ?? '-', l.published_assumed ? 'unknown' : l.published ?? '-', l.fetched_at?.slice(0, 16).replace('T', ' ') ?? '-', String(l.entries ?? '-'), String(l.dprk_entries ?? '-'), l.stale ? 'stale' : 'current']);
  const notes = lists.filter((l) => l.last_error || !l.version || l.published_assumed).map(describeStatus);
  const none = lists.every((l) => !l.version);
  return `${table(['list', 'version', 'published', 'fetched', 'entries', 'DPRK', 'freshness'], rows)}${notes.length ? `\n${notes.join('\n')}` : ''}${none ? `\n${NOT_LOADED_MESSAGE}` : ''}`;
}
