/**
 * Estimates: the regime's revenue from labour export as a distribution, the
 * flow of a worker's wage (Sankey, on demand), scenario controls (leave out
 * countries, change the year) and every input with its sources. Year and
 * left-out countries are in the URL.
 */
import { Suspense, lazy, useState } from 'react';
import { useApi } from '../api.ts';
import { href, useLocation, useQueryUpdater } from '../router.tsx';
import type { EstimateResult, CitedFigure } from '../../../src/server/wire.ts';
import { Cite } from '../components/Cite.tsx';
import { ErrorNote, Loading } from '../components/Status.tsx';
import { compact, figureValue, num, pct, period, usd } from '../format.ts';
import { download, estimateCsv, figureReading } from '../exports.ts';

/** Shares (of wages, of all workers abroad) are fractions: shown as percentages. */
const isShare = (unit: string) => unit.startsWith('fraction');

const WageSankey = lazy(() => import('../components/WageSankey.tsx'));

function citeOf(f: CitedFigure) {
  return <Cite source={{ id: f.source.id, title: f.source.title, url: f.source.url }} quote={f.quote} locator={f.locator} statement={f.statement} grade={f.grade} label={figureValue(f)} />;
}

function Histogram({ r }: { r: EstimateResult }) {
  const { edges, counts } = r.histogram;
  const W = 720;
  const H = 200;
  const max = Math.max(1, ...counts);
  const lo = edges[0] ?? 0;
  const hi = edges.at(-1) ?? 1;
  const x = (v: number) => 40 + ((v - lo) / Math.max(1, hi - lo)) * (W - 60);
  const bw = (W - 60) / Math.max(1, counts.length);
  const marks: [string, number][] = [
    ['p5', r.revenue_usd.p5],
    ['median', r.revenue_usd.p50],
    ['p95', r.revenue_usd.p95],
  ];
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H + 40}`} role="img" aria-label={`Distribution of ${num(r.draws)} simulated yearly revenues: 90% between ${usd(r.revenue_usd.p5)} and ${usd(r.revenue_usd.p95)}, median ${usd(r.revenue_usd.p50)}`}>
        {counts.map((c, i) => (
          <rect key={i} x={40 + i * bw} y={H - (c / max) * (H - 10)} width={Math.max(1, bw - 1)} height={(c / max) * (H - 10)} className="hist-bar" />
        ))}
        {marks.map(([name, v]) => (
          <g key={name}>
            <line x1={x(v)} x2={x(v)} y1={4} y2={H} className="hist-mark" />
            <text x={x(v)} y={H + 16} textAnchor="middle" className="hist-label">
              {name}: {usd(v)}
            </text>
          </g>
        ))}
        <line x1={40} x2={W - 20} y1={H} y2={H} className="axis" />
        <text x={40} y={H + 34} className="hist-axis">
          ${compact(lo)}
        </text>
        <text x={W - 20} y={H + 34} textAnchor="end" className="hist-axis">
          ${compact(hi)}
        </text>
      </svg>
      <figcaption className="small muted">Revenue to the regime in {r.year}: {r.draws.toLocaleString('en-GB')} simulated years (seed {r.seed}).</figcaption>
    </figure>
  );
}

/** An input as the charts name it, from its key: `monthly_wage:pooled` → "monthly wage (pooled)", `workers:total` → "workers (world total)", `workers:RU` → "workers (RU)". */
function inputLabel(input: string, country: string | null = null): string {
  const at = input.indexOf(':');
  const metric = (at < 0 ? input : input.slice(0, at)).replace(/_/g, ' ');
  const scope = at < 0 ? '' : input.slice(at + 1);
  const whose = scope === 'pooled' ? 'pooled' : scope === 'total' ? 'world total' : country ?? scope;
  return whose ? `${metric} (${whose})` : metric;
}

function Tornado({ r }: { r: EstimateResult }) {
  const bars = r.sensitivity.bars.slice(0, 8);
  if (!bars.length) return null;
  const W = 720;
  const row = 26;
  const lo = Math.min(...bars.map((b) => Math.min(b.revenue_at_low, b.revenue_at_high)));
  const hi = Math.max(...bars.map((b) => Math.max(b.revenue_at_low, b.revenue_at_high)));
  const x = (v: number) => 230 + ((v - lo) / Math.max(1, hi - lo)) * (W - 250);
  const base = r.sensitivity.base_revenue_usd;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${bars.length * row + 20}`} role="img" aria-label="Which inputs move the estimate most (each from its 5th to its 95th percentile)">
        {bars.map((b, i) => {
          const a = x(Math.min(b.revenue_at_low, b.revenue_at_high));
          const z = x(Math.max(b.revenue_at_low, b.revenue_at_high));
          return (
            <g key={b.input}>
              <text x={224} y={i * row + 17} textAnchor="end" className="tornado-label">
                {inputLabel(b.input, b.country)}
              </text>
              <rect x={a} y={i * row + 5} width={Math.max(2, z - a)} height={row - 8} className="tornado-bar">
                <title>{`${b.input}: ${usd(b.revenue_at_low)} to ${usd(b.revenue_at_high)}`}</title>
              </rect>
            </g>
          );
        })}
        <line x1={x(base)} x2={x(base)} y1={0} y2={bars.length * row + 4} className="hist-mark" />
        <text x={x(base)} y={bars.length * row + 16} textAnchor="middle" className="hist-label">
          all at median: {usd(base)}
        </text>
      </svg>
      {/* The bars' values in words: a tooltip is no help on a touch screen or to a screen reader. */}
      <figcaption>
        <details>
          <summary className="small">The values: the estimate with each input at its 5th and its 95th percentile, the others at their medians</summary>
          <ul className="small tornado-values">
            {bars.map((b) => (
              <li key={b.input}>
                {inputLabel(b.input, b.country)}: {usd(b.revenue_at_low)} → {usd(b.revenue_at_high)}
              </li>
            ))}
          </ul>
        </details>
      </figcaption>
    </figure>
  );
}

function Flows({ r }: { r: EstimateResult }) {
  const flows = r.wage_flows;
  const preferred = flows.find((f) => f.country === 'RU' && f.links.length >= 3) ?? flows[0];
  const [chosen, setChosen] = useState<string | null>(null);
  const flow = flows.find((f) => f.id === chosen) ?? preferred;
  if (!flow) return <p className="muted">No documented wage split in the graph.</p>;
  return (
    <div>
      <label htmlFor="flow">Documented split</label>{' '}
      <select id="flow" value={flow.id} onChange={(e) => setChosen(e.target.value)}>
        {flows.map((f) => (
          <option key={f.id} value={f.id}>
            {[f.country ?? 'all countries', f.sector, f.source.title].filter(Boolean).join(' · ')}
          </option>
        ))}
      </select>
      <Suspense fallback={<Loading what="Drawing the wage flow" />}>
        <WageSankey flow={flow} />
      </Suspense>
      <ul className="flow-sources">
        {flow.links.map((l) => (
          <li key={`${l.target}-${l.figure_id ?? 'implied'}`}>
            {flow.nodes.find((n) => n.id === l.target)?.label}: <strong>{pct(l.fraction)}</strong>
            {l.usd_per_worker_month != null ? ` (${usd(l.usd_per_worker_month)} a month)` : ''}{' '}
            {l.quote ? <Cite source={{ id: flow.source.id, title: flow.source.title }} quote={l.quote} grade={l.grade} /> : <span className="small muted">implied: the rest of the wage</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

export default function EstimatesPage() {
  const { query } = useLocation();
  const update = useQueryUpdater();
  const year = query.get('year');
  const exclude = (query.get('exclude') ?? '').split(',').filter(Boolean);
  const { data, error, loading } = useApi<EstimateResult>(href('/api/estimate', { year, exclude }));
  const toggle = (cc: string) => update({ exclude: exclude.includes(cc) ? exclude.filter((x) => x !== cc) : [...exclude, cc] });
  if (error && !data) {
    return (
      <section>
        <h1>Estimates</h1>
        <ErrorNote error={error} what="The revenue estimate" />
        {exclude.length || year ? (
          <button type="button" className="secondary" onClick={() => update({ exclude: null, year: null })}>
            Back to the baseline
          </button>
        ) : null}
      </section>
    );
  }
  if (!data) return <Loading what="Running the revenue model" />;
  const r = data;
  // Every host country the model knows (from its inputs), so a left-out one stays listed and can be put back.
  const countries = [...new Map(r.inputs.filter((i) => i.country && i.scope === 'country').map((i) => [i.country as string, { country: i.country as string, name: i.country_name }])).values()];
  for (const c of r.by_country) if (c.country && !countries.some((x) => x.country === c.country)) countries.push({ country: c.country, name: c.name });
  // By name, as a reader looks for one (the inputs come by code: United Arab Emirates first).
  countries.sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const stem = `room39-estimate-${r.year}${r.scenario?.excluded.length ? `-without-${r.scenario.excluded.join('-')}` : ''}`;
  return (
    <section className="estimates-page">
      <h1>Revenue from labour export, {r.year}</h1>
      <form className="scenario" onSubmit={(e) => e.preventDefault()} aria-label="Scenario">
        <div>
          <label htmlFor="est-year">Year</label>{' '}
          <select id="est-year" value={String(r.year)} onChange={(e) => update({ year: e.target.value })}>
            {r.years_answered.map((y) => (
              <option key={y} value={y}>
                {y}
                {r.years_with_data.includes(y) ? '' : ' (counts carried from nearby years)'}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="chips">
          <legend>Leave out host countries (for example, after an expulsion)</legend>
          {countries.map((c) => (
            <label key={c.country} className={exclude.includes(c.country) ? 'chip on' : 'chip'}>
              <input type="checkbox" checked={exclude.includes(c.country)} onChange={() => toggle(c.country)} /> {c.name}
            </label>
          ))}
        </fieldset>
        {exclude.length ? (
          <button type="button" className="secondary" onClick={() => update({ exclude: null })}>
            Reset the scenario
          </button>
        ) : null}
        {loading ? <span role="status" className="small muted">Recalculating…</span> : null}
      </form>
      {error ? <ErrorNote error={error} what="This scenario" /> : null}

      <div className="stats" aria-live="polite">
        <div className="stat">
          <p className="stat-value" data-testid="revenue-p50">{usd(r.revenue_usd.p50)}</p>
          <p className="stat-label">
            median revenue a year; 90% between {usd(r.revenue_usd.p5)} and {usd(r.revenue_usd.p95)}
          </p>
        </div>
        <div className="stat">
          <p className="stat-value">{num(r.workers.p50)}</p>
          <p className="stat-label">
            workers abroad (median); 90% between {num(r.workers.p5)} and {num(r.workers.p95)}
          </p>
        </div>
        {r.scenario ? (
          <div className="stat scenario-stat">
            <p className="stat-value">{usd(r.scenario.difference_usd.p50)}</p>
            <p className="stat-label">change against the baseline ({pct(r.scenario.difference_pct_of_baseline / 100, 1)})</p>
            <p className="small">{r.scenario.reading}</p>
          </div>
        ) : null}
      </div>
      <p className="reading">{r.interval}</p>
      <p className="actions">
        <button type="button" className="secondary" onClick={() => download(`${stem}.csv`, new Blob([estimateCsv(r, window.location.href)], { type: 'text/csv' }))}>
          Download CSV<span className="sr-only"> of the estimate, each country and each input with its sources</span>
        </button>
        <button type="button" className="secondary" onClick={() => download(`${stem}.json`, new Blob([JSON.stringify(r, null, 2)], { type: 'application/json' }))}>
          Download JSON<span className="sr-only"> of the estimate as the API gives it</span>
        </button>
      </p>
      <Histogram r={r} />

      <h2>Where a worker's wage goes</h2>
      <Flows r={r} />

      <h2>By host country</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Country</th>
              <th scope="col">Workers (median, 90%)</th>
              <th scope="col">Revenue (median, 90%)</th>
              <th scope="col" title="The country's mean revenue over the mean of the total: shares add up to 100%, medians do not">
                Share of revenue (of the mean)
              </th>
            </tr>
          </thead>
          <tbody>
            {r.by_country.map((c) => (
              <tr key={c.country ?? 'rest'}>
                <th scope="row">
                  {c.name}
                  {/* Where the count comes from when the year has none of its own (carried from another year, undated, the remainder). */}
                  {c.flags.length ? <div className="small muted country-basis">{c.flags.join('; ')}</div> : null}
                </th>
                <td>
                  {num(c.workers.p50)} <span className="small muted">({num(c.workers.p5)} – {num(c.workers.p95)})</span>
                </td>
                <td>
                  {usd(c.revenue_usd.p50)} <span className="small muted">({usd(c.revenue_usd.p5)} – {usd(c.revenue_usd.p95)})</span>
                </td>
                <td>{c.share_of_revenue > 0 && c.share_of_revenue < 0.005 ? 'under 1%' : pct(c.share_of_revenue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>What moves the estimate</h2>
      <Tornado r={r} />

      <h2>Published estimates against the model</h2>
      <Comparisons r={r} />

      <h2>Inputs and their sources</h2>
      <div className="table-scroll">
        <table className="inputs">
          <thead>
            <tr>
              <th scope="col">Input</th>
              <th scope="col">Median (90%)</th>
              <th scope="col">Sources</th>
            </tr>
          </thead>
          <tbody>
            {r.inputs.map((i) => (
              <tr key={i.key} className={i.excluded ? 'excluded' : undefined}>
                <th scope="row">
                  {i.metric.replace(/_/g, ' ')} · {i.country_name}
                  {i.sector ? ` · ${i.sector}` : ''}
                  <div className="small muted">
                    {i.status.replace(/_/g, ' ')}{i.carried_from != null ? ` from ${i.carried_from}` : ''}
                    {i.excluded ? ' · left out' : ''}
                  </div>
                </th>
                <td>
                  {isShare(i.unit) ? pct(i.summary.p50) : i.metric === 'monthly_wage' ? usd(i.summary.p50) : num(i.summary.p50)}{' '}
                  <span className="small muted">
                    ({isShare(i.unit) ? `${pct(i.summary.p5)} – ${pct(i.summary.p95)}` : i.metric === 'monthly_wage' ? `${usd(i.summary.p5)} – ${usd(i.summary.p95)}` : `${num(i.summary.p5)} – ${num(i.summary.p95)}`})
                  </span>
                </td>
                <td>
                  <ul className="values">
                    {i.sources.map((s) => {
                      const reading = figureReading(i, s.figure_id);
                      return (
                        <li key={s.figure_id}>
                          {citeOf(s)} <span className="small muted">{period(s.period.start, s.period.end)}</span>
                          {reading ? <div className="small muted figure-reading">read as: {reading}</div> : null}
                        </li>
                      );
                    })}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {r.gaps.length || r.warnings.length ? (
        <>
          <h2>Gaps and warnings</h2>
          <ul className="small">
            {r.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
            {r.gaps.map((g) => (
              <li key={`${g.country}-${g.metric}-${g.rule}`}>{g.message}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** The published estimates of the year beside the model: by how much they differ, and the input that moves the model most. */
function Comparisons({ r }: { r: EstimateResult }) {
  const same = r.comparison.filter((c) => c.matches_year);
  const other = r.comparison.filter((c) => !c.matches_year);
  const row = (c: EstimateResult['comparison'][number]) => (
    <tr key={c.estimate.figure_id}>
      <td>
        {citeOf(c.estimate)} <span className="small muted">{c.scope === 'total' ? 'all hosts' : c.scope}</span>
      </td>
      <td>{c.estimate.high == null ? 'at least ' : c.estimate.low == null ? 'at most ' : ''}{usd(c.difference.published_usd)}</td>
      <td>
        {usd(c.difference.model_p50_usd)} <span className="small muted">({usd(c.model.p5)} – {usd(c.model.p95)})</span>
      </td>
      <td>
        {Number.isFinite(c.difference.model_over_published) ? `${c.difference.model_over_published.toFixed(2)}×` : '–'}
        {c.share_of_draws_inside != null ? <div className="small muted">{pct(c.share_of_draws_inside / 100)} of the model's draws {c.estimate.high == null ? 'at or above it' : c.estimate.low == null ? 'at or below it' : 'inside the range'}</div> : null}
      </td>
      <td className="small">
        {c.driver ? (
          <>
            {inputLabel(c.driver.input)}: {usd(c.driver.revenue_at_p5_usd)} → {usd(c.driver.revenue_at_p95_usd)}
            {c.driver.reaches_published ? ' (spans the published value)' : ' (does not reach it)'}
          </>
        ) : (
          '–'
        )}
      </td>
    </tr>
  );
  const table = (rows: EstimateResult['comparison']) => (
    <div className="table-scroll">
      <table className="comparison">
        <thead>
          <tr>
            <th scope="col">Published estimate</th>
            <th scope="col">Published (midpoint)</th>
            <th scope="col">Model median (90%)</th>
            <th scope="col">Model ÷ published</th>
            <th scope="col">Input that moves the model most</th>
          </tr>
        </thead>
        <tbody>{rows.map(row)}</tbody>
      </table>
    </div>
  );
  return (
    <>
      {same.length ? table(same) : <p className="muted">No published estimate is about {r.year}.</p>}
      {other.length ? (
        <details>
          <summary>{other.length} published estimates about other years, against the model for {r.year}</summary>
          {table(other)}
        </details>
      ) : null}
      {r.comparison_skipped.length ? (
        <details>
          <summary>{r.comparison_skipped.length} published figures not set against the model</summary>
          <ul className="small">
            {r.comparison_skipped.map((s) => (
              <li key={s.figure_id}>
                {s.figure_id}: {s.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
