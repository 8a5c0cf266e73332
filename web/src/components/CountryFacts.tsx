/**
 * What the graph knows of one country, each fact with its source: figures,
 * actions it took, TIP ratings, who sends and employs the workers there.
 * Shown in the map's country panel and on the country page.
 */
import type { CountryDetail } from '../../../src/server/wire.ts';
import { Link } from '../router.tsx';
import { Cite } from './Cite.tsx';
import { FigureList } from './Figures.tsx';
import { period } from '../format.ts';

type Level = 2 | 3;

function H({ level, children }: { level: Level; children: string }) {
  return level === 2 ? <h2>{children}</h2> : <h3>{children}</h3>;
}

const named = (deployments: CountryDetail['deployments']) => deployments.filter((d) => d.sender || d.employer).length;

export function CountryFacts({ data, headingLevel }: { data: CountryDetail; headingLevel: Level }) {
  const level = headingLevel;
  return (
    <>
      <p className="small muted">{data.role === 'sending' ? 'Sends workers abroad.' : `${data.deployments.length} documented deployments of North Korean workers.`}</p>
      <H level={level}>Figures</H>
      {data.figures.length ? <FigureList figures={data.figures} /> : <p className="muted">No figure in the graph for this country.</p>}
      {data.actions.length ? (
        <>
          <H level={level}>Actions taken</H>
          <ul className="actions-list">
            {data.actions.map((a) => (
              <li key={a.id}>
                {a.date ? <time dateTime={a.date}>{a.date}: </time> : null}
                <Link to={`/entity/${encodeURIComponent(a.id)}`}>{a.caption}</Link> <Cite source={a.where.source} quote={a.where.quote} grade={a.where.reliability} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {data.tip.length ? (
        <>
          <H level={level}>Trafficking in Persons ratings</H>
          <ul>
            {data.tip.map((t) => (
              <li key={t.year}>
                {t.year}: {t.tier === '2WL' ? 'Tier 2 Watch List' : `Tier ${t.tier}`} <Cite source={t.source} quote={t.quote} grade={t.reliability} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {data.deployments.length ? (
        <>
          <H level={level}>Who sends and employs the workers</H>
          {/* Most sources place workers in a country without naming who sent or employs them: said per row, and counted here. */}
          <p className="small muted">
            {named(data.deployments)} of {data.deployments.length} documented deployment{data.deployments.length === 1 ? '' : 's'} name who sends or employs the workers.
          </p>
          <ul>
            {data.deployments.map((d) => (
              <li key={d.id}>
                {d.sector ?? 'sector not stated'}
                {d.sender ? (
                  <>
                    {' '}
                    · sent by <Link to={`/entity/${encodeURIComponent(d.sender.id)}`}>{d.sender.caption}</Link>
                  </>
                ) : null}
                {d.employer ? (
                  <>
                    {' '}
                    · employed by <Link to={`/entity/${encodeURIComponent(d.employer.id)}`}>{d.employer.caption}</Link>
                  </>
                ) : null}
                {!d.sender && !d.employer ? <span className="muted"> · sender and employer not named</span> : null}{' '}
                <span className="small muted">{period(d.period_start, d.period_end)}</span> <Cite source={d.source} quote={d.quote} grade={d.reliability} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
