/** Search as you type, with schema filters and keyboard navigation through the results. The query and filter are in the URL. */
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useApi } from '../api.ts';
import { Link, href, navigate, useLocation, useQueryUpdater } from '../router.tsx';
import type { SearchHit } from '../../../src/server/wire.ts';
import { SEARCH_SCHEMAS, schemaName } from '../schemas.ts';
import { ErrorNote } from '../components/Status.tsx';
import { hitPath, recordOrigin, topicLabel } from '../format.ts';
import { countryName } from '../../../src/server/wire.ts';
import { usePageTitle } from '../title.ts';

/** Results a page lists at first and adds on "Show more"; the API answers at most 500. */
const PAGE = 50;
const MAX_RESULTS = 500;

/** "3 results for “x”", or, when more match than are listed, "The first 50 results for “x”; more match"; the query isolated, so Arabic or Hebrew keeps its order. */
function countText(n: number, more: boolean, q: string): ReactNode {
  const quoted = <>“<bdi>{q}</bdi>”</>;
  if (more) return <>The first {n} results for {quoted}; more match (shown by relevance)</>;
  return <>{n} result{n === 1 ? '' : 's'} for {quoted}</>;
}

/** When no name holds every word: the results are the names that hold all but one (src/store/search.ts searchClosest). */
function closestText(q: string): ReactNode {
  return <>No name holds every word of “<bdi>{q}</bdi>”; the closest names, each without one word:</>;
}

export default function SearchPage() {
  const { query } = useLocation();
  const update = useQueryUpdater();
  const urlQ = query.get('q') ?? '';
  const schema = query.get('schema') ?? '';
  const [text, setText] = useState(urlQ);
  const [debounced, setDebounced] = useState(urlQ);
  const [active, setActive] = useState(-1);
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    const t = window.setTimeout(() => {
      setDebounced(text.trim());
      update({ q: text.trim() || null });
    }, 150);
    return () => window.clearTimeout(t);
  }, [text, update]);

  // One more than shown: whether more match than the page lists ("Show more" asks for the next page, up to the API's 500).
  const [shown, setShown] = useState(PAGE);
  const url = debounced ? href('/api/search', { q: debounced, schema: schema || null, limit: Math.min(MAX_RESULTS, shown + 1) }) : null;
  const { data, error, loading } = useApi<{ results: SearchHit[] }>(url);
  const found = data?.results.length ?? 0;
  // More match than are listed; at the API's cap, as many as it gives may not be all.
  const more = found > shown;
  const capped = shown >= MAX_RESULTS && found >= MAX_RESULTS;
  const results = (data?.results ?? []).slice(0, shown);
  // After "Show more", the keyboard goes on at the first result added.
  const focusAt = useRef<number | null>(null);
  usePageTitle(debounced ? `“${debounced}”` : null);

  useEffect(() => setActive(-1), [debounced, schema]);
  useEffect(() => setShown(PAGE), [debounced, schema]);
  useEffect(() => {
    if (focusAt.current !== null && results.length > focusAt.current) {
      setActive(focusAt.current);
      focusAt.current = null;
    }
  }, [results.length]);
  useEffect(() => {
    if (active < 0) return;
    const el = listRef.current?.querySelectorAll<HTMLAnchorElement>('a.result-link')[active];
    el?.focus();
  }, [active]);

  const onKey = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(results.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter' && e.target instanceof HTMLInputElement && results[0]) {
      e.preventDefault();
      const hit = results[Math.max(0, active)];
      if (hit) navigate(hitPath(hit));
    }
  };

  return (
    <section className="search-page" onKeyDown={onKey}>
      <h1>Search</h1>
      <p className="lead">Companies, state organs, officials, laws, designations and events. Names match ignoring case, accents, hyphens and word order.</p>
      <div className="search-controls">
        <label htmlFor="search-q">Name or alias</label>
        <input
          id="search-q"
          type="search"
          value={text}
          autoFocus
          autoComplete="off"
          placeholder="e.g. Mansudae, Kim Won Hong, EO 13687"
          aria-describedby="search-help"
          onChange={(e) => setText(e.target.value)}
        />
        <p id="search-help" className="small muted">
          Results update as you type. ↓ and ↑ move through them, Enter opens one.
        </p>
      </div>
      <fieldset className="chips">
        <legend>Type</legend>
        {['', ...SEARCH_SCHEMAS].map((s) => (
          <label key={s || 'all'} className={schema === s ? 'chip on' : 'chip'}>
            <input type="radio" name="schema" value={s} checked={schema === s} onChange={() => update({ schema: s || null })} />
            {s ? schemaName(s) : 'All'}
          </label>
        ))}
      </fieldset>
      <div aria-live="polite" className="small muted result-count">
        {debounced && !loading && !error ? (results.some((r) => r.unmatched) ? closestText(debounced) : countText(results.length, more || capped, debounced)) : null}
        {loading ? 'Searching…' : null}
      </div>
      {error ? <ErrorNote error={error} what="Search" /> : null}
      <ol className="results" ref={listRef}>
        {results.map((r, i) => (
          <li key={r.id} className={i === active ? 'active' : undefined}>
            <Link className="result-link" to={hitPath(r)} onFocus={() => setActive(i)}>
              <span className="caption">{r.caption}</span>
            </Link>{' '}
            <span className="schema-tag">{schemaName(r.schema)}</span>
            {r.topics.map((t) => (
              <span key={t} className={`topic topic-${t.replace(/\W/g, '-')}`}>
                {topicLabel(t)}
              </span>
            ))}
            {r.schema !== 'Country' && r.countries.length ? <span className="small muted"> · {r.countries.slice(0, 3).map((c) => (/^[A-Z]{2}$/.test(c) ? countryName(c) : c)).join(', ')}</span> : null}
            {r.schema !== 'Country' && recordOrigin(r.datasets) ? <span className="small muted origin"> · {recordOrigin(r.datasets)}</span> : null}
            {r.matched !== r.caption ? <div className="small muted">matched “{r.matched}”</div> : null}
            {r.unmatched ? <div className="small muted">without “{r.unmatched.join(' ')}”</div> : null}
          </li>
        ))}
      </ol>
      {more && shown < MAX_RESULTS ? (
        <button type="button" className="secondary" onClick={() => { focusAt.current = shown; setShown((n) => Math.min(MAX_RESULTS, n + PAGE)); }}>
          Show {Math.min(PAGE, MAX_RESULTS - shown)} more
        </button>
      ) : null}
      {capped ? <p className="small muted">Only the first {MAX_RESULTS} are listed: add a word or choose a type to narrow the search.</p> : null}
      {debounced && !loading && !error && results.length === 0 ? (
        <p>
          Nothing in the graph matches “<bdi>{debounced}</bdi>”{schema ? ` as ${schemaName(schema)}` : ''}. Search finds the names of companies, state organs, people, laws
          and events: try fewer words or another spelling, open a host country on the <Link to="/">map</Link> for its figures by sector, or{' '}
          <Link to={href('/screen', { names: debounced })}>screen the name</Link> against the lists.
        </p>
      ) : null}
    </section>
  );
}
