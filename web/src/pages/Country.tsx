/**
 * A host country's own page (or North Korea's): its worker figures over time,
 * each source side by side (a figure is a claim of its source, never
 * averaged), then everything else the graph knows of it with its sources.
 */
import { useApi } from '../api.ts';
import { Link, href } from '../router.tsx';
import type { CitedFigureRow, CountryDetail } from '../../../src/server/wire.ts';
import { CountryFacts } from '../components/CountryFacts.tsx';
import { Cite } from '../components/Cite.tsx';
import { ErrorNote, Loading } from '../components/Status.tsx';
import { figureValue, num, period } from '../format.ts';
import { usePageTitle } from '../title.ts';

const W = 640;
const ROW = 22;

/** The year a figure is about (its period's start), or null when undated. */
const yearOf = (f: CitedFigureRow): number | null => (f.period_start ? Number(f.period_start.slice(0, 4)) : null);

function WorkersOverTime({ figures }: { figures: CitedFigureRow[] }) {
  const dated = figures
    .filter((f) => f.metric === 'workers' && yearOf(f) !== null && (f.low ?? f.high) !== null)
    .sort((a, b) => (yearOf(a)! - yearOf(b)!) || a.source.id.localeCompare(b.source.id));
  if (!dated.length) return <p className="muted">No dated worker figure for this country.</p>;
  const years = dated.map((f) => yearOf(f)!);
  const y0 = Math.min(...years);
  const y1 = Math.max(...years);
  const max = Math.max(...dated.map((f) => f.high ?? f.low ?? 0));
  const x = (v: number) => 150 + (v / max) * (W - 170);
  return (
    <figure className="over-time">
      <svg viewBox={`0 0 ${W} ${dated.length * ROW + 24}`} role="img" aria-label={`Worker figures from ${y0} to ${y1}, one row per source and year`}>
        {dated.map((f, i) => {
          const lo = f.low ?? f.high ?? 0;
          const hi = f.high ?? f.low ?? 0;
          return (
            <g key={f.id} transform={`translate(0 ${i * ROW + 4})`}>
              <text x={0} y={14} className="axis-label">{`${period(f.period_start, f.period_end)}`}</text>
              <line x1={150} x2={W - 20} y1={10} y2={10} className="track" />
              <rect x={x(lo)} y={4} width={Math.max(3, x(hi) - x(lo))} height={12} className="over-time-bar" />
              <title>{`${figureValue(f)} (${f.source.title ?? f.source.id})`}</title>
            </g>
          );
        })}
        <text x={150} y={dated.length * ROW + 20} className="axis-label">0</text>
        <text x={W - 20} y={dated.length * ROW + 20} textAnchor="end" className="axis-label">{num(max)}</text>
      </svg>
      <figcaption className="small muted">Each bar is one source's figure for its period (a range where the source gives one); sources are kept side by side.</figcaption>
      <table className="figures-table">
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Workers</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {dated.map((f) => (
            <tr key={f.id}>
              <td>{period(f.period_start, f.period_end)}</td>
              <td>{figureValue(f)}</td>
              <td>
                <Cite source={f.source} quote={f.quote} locator={f.locator} statement={f.statement} grade={f.reliability} correction={f.correction} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

export default function CountryPage({ cc }: { cc: string }) {
  const { data, error } = useApi<CountryDetail>(`/api/countries/${encodeURIComponent(cc.toUpperCase())}`);
  usePageTitle(data?.name);
  if (error) return <ErrorNote error={error} what="Opening this country's page" />;
  if (!data) return <Loading what="Loading the country" />;
  return (
    <article className="country-page" aria-labelledby="country-title">
      <p className="small">
        <Link to={href('/', { country: data.cc })}>← The map, with {data.name} selected</Link>
      </p>
      <h1 id="country-title">{data.name}</h1>
      <h2>Worker figures over time</h2>
      <WorkersOverTime figures={data.figures} />
      <CountryFacts data={data} headingLevel={2} />
      <p>
        <Link to={href('/timeline', {})}>Timeline of designations and actions</Link> · <Link to={href('/estimates', { exclude: data.cc })}>Revenue without {data.name}</Link>
      </p>
    </article>
  );
}
