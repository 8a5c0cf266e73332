/**
 * Search as you type (the header's combobox): results appear under the box,
 * arrow keys move through them, Enter opens one, Escape closes the list.
 * Enter with no result chosen opens the full search page.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { ApiError, request } from '../api.ts';
import { href, navigate } from '../router.tsx';
import type { SearchHit } from '../../../src/server/wire.ts';
import { schemaName } from '../schemas.ts';
import { hitPath, recordOrigin } from '../format.ts';

export function SearchBox({ initial = '', autoFocus = false, label = 'Search the evidence graph' }: { initial?: string; autoFocus?: boolean; label?: string }) {
  const [q, setQ] = useState(initial);
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // Why the last search as you type got no answer (the list under the box says so instead of staying empty).
  const [failed, setFailed] = useState<string | null>(null);
  const id = useId();
  const listId = `${id}-list`;
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const text = q.trim();
    if (!text) {
      setHits([]);
      setFailed(null);
      return;
    }
    const ctrl = new AbortController();
    const t = window.setTimeout(() => {
      request<{ results: SearchHit[] }>(href('/api/search', { q: text, limit: 8 }), { signal: ctrl.signal }).then(
        (r) => {
          setHits(r.results);
          setFailed(null);
          setActive(-1);
          setOpen(true);
        },
        (e: unknown) => {
          if (ctrl.signal.aborted) return;
          setHits([]);
          setFailed(e instanceof ApiError ? e.message : String(e));
          setOpen(true);
        },
      );
    }, 120);
    return () => {
      window.clearTimeout(t);
      ctrl.abort();
    };
  }, [q]);

  const go = (hit: SearchHit | undefined) => {
    setOpen(false);
    if (hit) navigate(hitPath(hit));
    else if (q.trim()) navigate(href('/search', { q: q.trim() }));
  };

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(hits.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(-1, a - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      go(open && active >= 0 ? hits[active] : undefined);
    } else if (e.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    }
  };

  const showList = open && q.trim() !== '' && hits.length > 0;
  return (
    <form
      className="searchbox"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        go(undefined);
      }}
    >
      <label htmlFor={`${id}-q`} className="sr-only">
        {label}
      </label>
      <input
        ref={inputRef}
        id={`${id}-q`}
        type="search"
        value={q}
        placeholder="Search a company, person, law…"
        autoComplete="off"
        autoFocus={autoFocus}
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
        }}
        onKeyDown={onKey}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
        onFocus={() => hits.length && setOpen(true)}
      />
      <ul id={listId} role="listbox" className={showList ? 'suggestions' : 'suggestions hidden'} aria-label="Matching entities">
        {showList &&
          hits.map((h, i) => (
            <li
              key={h.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                go(h);
              }}
            >
              <span className="caption">{h.caption}</span> <span className="schema-tag">{schemaName(h.schema)}</span>
              {h.matched !== h.caption ? <span className="muted small"> — {h.matched}</span> : null}
              {h.schema !== 'Country' && recordOrigin(h.datasets) ? <span className="muted small origin"> · {recordOrigin(h.datasets)}</span> : null}
            </li>
          ))}
      </ul>
      {open && failed && q.trim() ? (
        <p className="suggestions suggest-failed" role="alert">
          Search failed: {failed}
        </p>
      ) : null}
    </form>
  );
}
