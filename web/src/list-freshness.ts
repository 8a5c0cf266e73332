/**
 * One line of the freshness banner for a list (components/ListFreshness.tsx).
 * A list fetched from its publisher is as fresh as its last successful check
 * (a list the publisher has not changed is current), so its age is said as
 * that check, never as if the publication were that old; a file imported by
 * hand is as old as its publication date.
 */
import type { ListStatus } from '../../src/server/wire.ts';

const days = (n: number) => (n === 0 ? 'today' : `${n} day${n === 1 ? '' : 's'} ago`);

export function describeList(l: ListStatus): string {
  if (!l.version) return `${l.title}: never loaded${l.off ? ' (fetching is off)' : ''}`;
  if (l.published_assumed) return `${l.title}: version ${l.version}, publication date unknown (the file carries none; an operator sets it with room39 import and --date)`;
  const published = `${l.title}: version ${l.version}, published ${l.published?.slice(0, 10) ?? '?'}`;
  if (l.age_days === null) return published;
  return l.source_url ? `${published}; checked with its publisher ${days(l.age_days)}` : `${published}, ${l.age_days} day${l.age_days === 1 ? '' : 's'} old`;
}
