/**
 * Home: headline figures with their sources, and the world map of host
 * countries for a chosen year; a country opens its figures, deployments,
 * TIP ratings and the actions it took. Year and country are in the URL.
 */
import { Suspense, lazy, useEffect } from 'react';
import { useApi } from '../api.ts';
import { Link, href, useLocation, useQueryUpdater } from '../router.tsx';
import type { CountriesAnswer, CountryDetail, CountrySummary, Headline } from '../../../src/server/wire.ts';
import { Cite, CorrectionNote, SourceLine, Grade } from '../components/Cite.tsx';
import { ErrorNote, Loading } from '../components/Status.tsx';
import { figureValue, num, period, usd } from '../format.ts';
import { STEPS, describeCountry, shadeClass } from '../mapScale.ts';
import { FigureList } from '../components/Figures.tsx';
import { CountryFacts } from '../components/CountryFacts.tsx';

// The map's code (d3-geo and the world outlines) starts loading with the home page, alongside its data.
let mapModule: ReturnType<typeof loadMap> | null = null;
function loadMap() {
  return import('../components/WorldMap.tsx');
}
const WorldMap = lazy(() => (mapModule ??= loadMap()));

function HeadlineFigures() {
  const { data, error } = useApi<Headline>('/api/headline');
  useEffect(() => {
    if (data && performance.getEntriesByName('room39:headline').length === 0) performance.mark('room39:headline');
  }, [data]);
  if (error) return <ErrorNote error={error} what="The headline figures" />;
  if (!data) return <Loading what="Loading the headline figures" />;
  const workers = data.workers[0];
  const revenue = data.revenue.slice(0, 3);
  const share = data.state_share[0];
  return (
    <section className="headline" aria-labelledby="headline-h">
      <h2 id="headline-h" className="sr-only">
        Headline figures
      </h2>
      <div className="stats">
        {workers ? (
          <div className="stat">
            <p className="stat-value">{figureValue(workers)}</p>
            <p className="stat-label">North Koreans working abroad ({period(workers.period_start, workers.period_end)})</p>
            <Cite source={workers.source} quote={workers.quote} locator={workers.locator} statement={workers.statement} grade={workers.reliability} correction={workers.correction} />
          </div>
        ) : null}
        {revenue.length ? (
          <div className="stat">
            <p className="stat-value">
              {usd(Math.min(...revenue.map((r) => r.low ?? r.high ?? 0)))} – {usd(Math.max(...revenue.map((r) => r.high ?? r.low ?? 0)))}
            </p>
            <p className="stat-label">earned by the regime a year, as {revenue.length} sources put it</p>
            <details className="cite">
              <summary>
                <span className="cite-label">{revenue.length} sources</span> {revenue.map((r) => <Grade key={r.id} grade={r.reliability} />)}
              </summary>
              <ul className="cite-list">
                {revenue.map((r) => (
                  <li key={r.id}>
                    <strong>{figureValue(r)}</strong> ({period(r.period_start, r.period_end)}) <SourceLine source={r.source} />
                    <CorrectionNote correction={r.correction} />
                    {r.quote ? <blockquote>{r.quote}</blockquote> : <p className="small">{r.statement} <span className="muted">({r.locator})</span></p>}
                  </li>
                ))}
              </ul>
            </details>
          </div>
        ) : null}
        {share ? (
          <div className="stat">
            <p className="stat-value">{figureValue(share)}</p>
            <p className="stat-label">of a worker's wage taken by the state</p>
            <Cite source={share.source} quote={share.quote} locator={share.locator} statement={share.statement} grade={share.reliability} correction={share.correction} />
          </div>
        ) : null}
        <div className="stat">
          <p className="stat-value">{num(data.counts.host_countries)}</p>
          <p className="stat-label">
            host countries · {num(data.counts.entities)} entities · {num(data.counts.sanctions)} DPRK designations · {num(data.counts.sources)} sources
          </p>
        </div>
      </div>
    </section>
  );
}

function CountryPanel({ cc, onClose }: { cc: string; onClose(): void }) {
  const { data, error } = useApi<CountryDetail>(`/api/countries/${encodeURIComponent(cc)}`);
  return (
    <aside className="country-panel" aria-labelledby="country-h" aria-live="polite">
      <button type="button" className="close" onClick={onClose} aria-label="Close the country panel">
        ×
      </button>
      {error ? <ErrorNote error={error} what="Loading this country" /> : null}
      {!data ? (
        error ? null : <Loading what="Loading the country" />
      ) : (
        <>
          <h2 id="country-h">{data.name}</h2>
          <CountryFacts data={data} headingLevel={3} />
          <p>
            <Link to={`/country/${encodeURIComponent(cc.toLowerCase())}`}>The page of {data.name}</Link> · <Link to={href('/timeline', {})}>Timeline of designations and actions</Link> ·{' '}
            <Link to={href('/estimates', { exclude: cc })}>Revenue without {data.name}</Link>
          </p>
        </>
      )}
    </aside>
  );
}

function Legend() {
  return (
    <ul className="legend" aria-label="Map legend">
      {STEPS.map((s, i) => (
        <li key={s.label}>
          <span className={`swatch shade-${i}`} aria-hidden="true" /> {s.label} workers
        </li>
      ))}
      <li>
        <span className="swatch shade-2 undated" aria-hidden="true" /> dashed: no figure dated for the year, an undated one shown
      </li>
      <li>
        <span className="swatch shade-host" aria-hidden="true" /> hosts workers, no worker figure
      </li>
      <li>
        <span className="swatch shade-sending" aria-hidden="true" /> North Korea (sending)
      </li>
    </ul>
  );
}

function CountryButtons({ countries, year, selected, onSelect }: { countries: CountrySummary[]; year: number | null; selected: string | null; onSelect(cc: string): void }) {
  const sorted = [...countries].sort((a, b) => (b.workers?.mid ?? -1) - (a.workers?.mid ?? -1) || a.name.localeCompare(b.name));
  return (
    <details className="country-list">
      <summary>All {countries.length} countries as a list</summary>
      <ul>
        {sorted.map((c) => (
          <li key={c.cc}>
            <button type="button" className={`linklike ${selected === c.cc ? 'on' : ''}`} onClick={() => onSelect(c.cc)} aria-pressed={selected === c.cc}>
              <span className={`swatch ${shadeClass(c)}`} aria-hidden="true" /> {describeCountry(c, year)}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

export function HomePage() {
  const { query } = useLocation();
  const update = useQueryUpdater();
  const year = query.get('year');
  const cc = query.get('country');
  const { data, error } = useApi<CountriesAnswer>(href('/api/countries', { year }));
  useEffect(() => {
    mapModule ??= loadMap();
  }, []);
  const select = (code: string) => update({ country: code }, { push: true });
  // A year asked for in the URL that no figure covers (a shared link, a typed year): said, not shown as if it had data.
  const outside = !!data && data.year != null && data.years.length > 0 && !data.years.includes(data.year);
  return (
    <div className="home">
      <section className="intro">
        <h1>North Korea's overseas forced labour, source by source</h1>
        <p className="lead">
          Who sends the workers, where they work, what the state takes from their wages, and the sanctions aimed at it. Every figure keeps its source, the
          exact quote and a reliability grade.
        </p>
      </section>
      <HeadlineFigures />
      <section className="map-section" aria-labelledby="map-h">
        <div className="map-head">
          <h2 id="map-h">Where the workers are{data?.year ? `, ${data.year}` : ''}</h2>
          {data && data.years.length ? (
            <div className="year-control">
              <label htmlFor="year">Year</label>
              <select id="year" value={String(data.year ?? '')} onChange={(e) => update({ year: e.target.value })}>
                {outside ? <option value={data.year ?? ''}>{data.year} (no figures)</option> : null}
                {data.years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
        </div>
        <p className="small muted">Shaded by the worker figure whose period covers the year: a count of workers first, else a count of workers sent home in a window covering the year; whole-country before partial, then the best graded (or, failing one, an undated figure). Select a country for its figures, each with source and quote, and the actions it took.</p>
        {outside ? (
          <p className="note note-unavailable" role="status">
            No worker figure in the graph is dated {data?.year}: its figures run from {data?.years[0]} to {data?.years.at(-1)}. The map shows only where
            sources place North Korean workers at some time, and undated figures.
          </p>
        ) : null}
        {error ? <ErrorNote error={error} what="The map" /> : null}
        <div className={cc ? 'map-and-panel open' : 'map-and-panel'}>
          <div className="map-wrap">
            {data ? (
              <Suspense fallback={<Loading what="Drawing the map" />}>
                <WorldMap countries={data.countries} year={data.year} selected={cc} onSelect={select} />
              </Suspense>
            ) : error ? null : (
              <Loading what="Loading the map" />
            )}
            <Legend />
            {data ? <CountryButtons countries={data.countries} year={data.year} selected={cc} onSelect={select} /> : null}
          </div>
          {cc ? <CountryPanel key={cc} cc={cc} onClose={() => update({ country: null }, { push: true })} /> : null}
        </div>
      </section>
    </div>
  );
}
