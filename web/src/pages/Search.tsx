/** Search as you type, with schema filters and keyboard navigation through the results. The query and filter are in the URL. */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useApi } from '../api.ts';
import { Link, href, navigate, useLocation, useQueryUpdater } from '../router.tsx';
import type { SearchHit } from '../../../src/server/wire.ts';
import { SEARCH_SCHEMAS, schemaName } from '../schemas.ts';
import { ErrorNote } from '../components/Status.tsx';
import { hitPath, topicLabel } from '../format.ts';
import { countryName } from '../../../src/server/wire.ts';

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

  const url = debounced ? href('/api/search', { q: debounced, schema: schema || null, limit: 50 }) : null;
  const { data, error, loading } = useApi<{ results: SearchHit[] }>(url);
  const results = data?.results ?? [];

  useEffect(() => setActive(-1), [debounced, schema]);
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
        {debounced && !loading && !error ? `${results.length} result${results.length === 1 ? '' : 's'} for “${debounced}”` : null}
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
            {r.matched !== r.caption ? <div className="small muted">matched “{r.matched}”</div> : null}
          </li>
        ))}
      </ol>
      {debounced && !loading && !error && results.length === 0 ? (
        <p>Nothing in the graph matches “{debounced}”{schema ? ` as ${schemaName(schema)}` : ''}. Try fewer words, or screen the name against the lists.</p>
      ) : null}
    </section>
  );
}
