/**
 * The freshness banner: shown on every page when an official list is older
 * than 7 days or was never loaded (GET /api/lists), naming each list's
 * version and publication date, so a result is never read without knowing
 * what it was screened against. A loaded list warns when it is old even if
 * its fetching is off (results still depend on it); a list that is off and
 * was never loaded is named but warns of nothing. Quiet when every list in
 * use is current; when the check itself fails, it says the lists' age is unknown.
 */
import { useState } from 'react';
import type { ListsAnswer } from '../../../src/server/wire.ts';
import { describeList } from '../list-freshness.ts';
import { useApi } from '../api.ts';

/** On a phone the list of lists starts folded (its first screen was this banner alone); the sentence above it stays. */
const NARROW = '(max-width: 600px)';

export function ListFreshness() {
  const { data, error } = useApi<ListsAnswer>('/api/lists');
  const [open] = useState(() => !window.matchMedia(NARROW).matches);
  // No answer is no all-clear: say that the lists' age is unknown.
  if (error) {
    return (
      <div className="note note-error list-freshness" role="status">
        <p>
          <strong>Whether the official lists are current could not be checked.</strong> Results may miss recent designations or delistings. {error.message}
        </p>
      </div>
    );
  }
  const lists = data?.lists ?? [];
  const stale = lists.filter((l) => l.stale && (l.version !== null || !l.off));
  if (!stale.length) return null;
  const none = lists.every((l) => !l.version);
  return (
    <div className="note note-error list-freshness" role="status" aria-live="polite">
      <p>
        <strong>{none ? 'Official lists not loaded.' : 'Some official lists are out of date.'}</strong>{' '}
        {none
          ? 'Screening and search cover the curated graph only. An operator can run room39 lists update (or room39 import FORMAT FILE).'
          : 'Results may miss recent designations or delistings.'}{' '}
        {lists.some((l) => l.published_assumed) ? 'A list whose file carries no date counts as out of date until its date is set.' : ''}
      </p>
      <details className="list-versions" open={open}>
        <summary className="small">Each list, its version and age</summary>
        <ul className="small">
          {lists.map((l) => (
            <li key={l.list} className={l.stale ? 'stale' : undefined}>
              {describeList(l)}
              {l.stale && l.version && !l.published_assumed ? ` — older than 7 days${l.off ? '; fetching is off, so it is not updated' : ''}` : ''}
              {l.last_error ? ` (last check failed: ${l.last_error})` : ''}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
