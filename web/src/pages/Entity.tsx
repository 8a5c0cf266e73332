/**
 * The entity page: every property with its citations on demand, sanctions
 * with authority, programme and date, relationships, figures and a small
 * timeline; links to the network and to screening this name.
 */
import { useEffect, useState } from 'react';
import { useApi } from '../api.ts';
import { Link, href, navigate, useLocation } from '../router.tsx';
import { Designations, RecordsBehind } from '../components/Resolution.tsx';
import { countryName, type EntityDetail, type StatementView, type RelationView, type CitedFigureRow, type TimelineItem } from '../../../src/server/wire.ts';
import { Cite, Grade } from '../components/Cite.tsx';
import { ErrorNote, Loading } from '../components/Status.tsx';
import { humanize, safeHttpUrl, topicLabel } from '../format.ts';
import { FigureList, TimelineList } from '../components/Figures.tsx';
import { schemaName } from '../schemas.ts';
import { usePageTitle } from '../title.ts';
import { download, entityCsv, fileSafe } from '../exports.ts';

type EntityAnswer = Omit<EntityDetail, 'entity' | 'requestedId'> & { entity: EntityDetail['entity'] & { first_seen: string | null; last_seen: string | null }; requested_id?: string };

const REF_PROPS = new Set(['entity', 'member', 'organization', 'employee', 'employer', 'director', 'owner', 'asset', 'subject', 'object', 'person', 'associate', 'relative', 'holder', 'post', 'involved', 'organizer', 'parent', 'programId', 'authorityEntity']);
const FIRST_PROPS = ['name', 'alias', 'weakAlias', 'previousName', 'summary', 'description', 'country', 'jurisdiction', 'nationality', 'birthDate', 'position', 'authority', 'program', 'startDate', 'endDate', 'date'];
const COUNTRY_PROPS = new Set(['country', 'jurisdiction', 'nationality', 'citizenship', 'mainCountry']);


function groupByProp(statements: StatementView[]): [string, Map<string, StatementView[]>][] {
  const props = new Map<string, Map<string, StatementView[]>>();
  for (const s of statements) {
    const values = props.get(s.prop) ?? new Map<string, StatementView[]>();
    values.set(s.value, [...(values.get(s.value) ?? []), s]);
    props.set(s.prop, values);
  }
  const rank = (p: string) => {
    const i = FIRST_PROPS.indexOf(p);
    return i < 0 ? FIRST_PROPS.length : i;
  };
  return [...props.entries()].sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0]));
}

function Citations({ list }: { list: StatementView[] }) {
  if (list.length === 1) {
    const s = list[0]!;
    return <Cite source={{ ...s.source, gradeReason: s.source.grade_reason }} quote={s.quote} locator={s.locator} grade={s.reliability} correction={s.correction} />;
  }
  return (
    <details className="cite">
      <summary>
        <span className="cite-label">{list.length} sources</span> {list.map((s) => <Grade key={s.id} grade={s.reliability} />)}
      </summary>
      <ul className="cite-list">
        {list.map((s) => (
          <li key={s.id}>
            <Cite source={{ ...s.source, gradeReason: s.source.grade_reason }} quote={s.quote} locator={s.locator} grade={s.reliability} correction={s.correction} />
          </li>
        ))}
      </ul>
    </details>
  );
}

function Value({ prop, value, captions }: { prop: string; value: string; captions: Map<string, string> }) {
  if (REF_PROPS.has(prop)) return <Link to={`/entity/${encodeURIComponent(value)}`}>{captions.get(value) ?? value}</Link>;
  if (COUNTRY_PROPS.has(prop) && /^[a-z]{2}$/i.test(value)) return <span>{countryName(value)}</span>;
  const url = safeHttpUrl(value);
  if (url && /^https?:\/\//i.test(value)) {
    return (
      <a href={url} target="_blank" rel="noopener noreferrer external">
        {value}
      </a>
    );
  }
  return <span>{value}</span>;
}

export function PropertyTable({ statements, captions, caption }: { statements: StatementView[]; captions: Map<string, string>; caption?: string }) {
  return (
    <table className="props">
      {caption ? <caption>{caption}</caption> : null}
      <tbody>
        {groupByProp(statements).map(([prop, values]) => (
          <tr key={prop}>
            <th scope="row">{humanize(prop)}</th>
            <td>
              <ul className="values">
                {[...values.entries()].map(([value, list]) => (
                  <li key={value}>
                    <Value prop={prop} value={value} captions={captions} /> <Citations list={list} />
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SanctionCard({ relation }: { relation: RelationView }) {
  const { data, error } = useApi<EntityAnswer>(`/api/entities/${encodeURIComponent(relation.id)}`);
  const want = ['authority', 'program', 'startDate', 'endDate', 'provisions', 'reason', 'country'];
  const st = data?.statements.filter((s) => want.includes(s.prop)) ?? [];
  const get = (p: string) => st.filter((s) => s.prop === p);
  const start = get('startDate')[0]?.value;
  const end = get('endDate')[0]?.value;
  return (
    <li className="card sanction">
      <h3>
        <Link to={`/entity/${encodeURIComponent(relation.id)}`}>{get('program')[0]?.value ?? relation.caption}</Link>
        {end ? <span className="badge badge-ended">ended {end}</span> : start ? <span className="badge badge-active">since {start}</span> : null}
      </h3>
      {error ? <ErrorNote error={error} what="This designation" /> : null}
      {data ? <PropertyTable statements={st} captions={new Map()} /> : error ? null : <Loading what="Loading the designation" />}
    </li>
  );
}

function FiguresOf({ id }: { id: string }) {
  const { data, error } = useApi<{ figures: CitedFigureRow[] }>(href('/api/figures', { entity: id }));
  if (error) return <ErrorNote error={error} what="Loading this entity's figures" />;
  if (!data || data.figures.length === 0) return null;
  return (
    <section aria-labelledby="figures-h">
      <h2 id="figures-h">Figures</h2>
      <FigureList figures={data.figures} />
    </section>
  );
}

function EntityTimeline({ id }: { id: string }) {
  const { data, error } = useApi<{ items: TimelineItem[] }>(href('/api/timeline', { entity: id }));
  if (error) return <ErrorNote error={error} what="Loading this entity's timeline" />;
  if (!data || data.items.length === 0) return null;
  return (
    <section aria-labelledby="tl-h">
      <h2 id="tl-h">Timeline</h2>
      <TimelineList items={data.items} />
    </section>
  );
}

function Relationships({ relations }: { relations: RelationView[] }) {
  if (relations.length === 0) return <p className="muted">No relationships recorded.</p>;
  const groups = new Map<string, RelationView[]>();
  for (const r of relations) groups.set(r.label, [...(groups.get(r.label) ?? []), r]);
  return (
    <dl className="relations">
      {[...groups.entries()].map(([label, list]) => (
        <div key={label} className="relation-group">
          <dt>{humanize(label)}</dt>
          {list.map((r) => (
            <dd key={`${r.id}-${r.role}`}>
              {r.others.length ? (
                r.others.map((o, i) => (
                  <span key={`${o.id}-${o.role}`}>
                    {i > 0 ? ', ' : ''}
                    <Link to={`/entity/${encodeURIComponent(o.id)}`}>{o.caption}</Link> <span className="schema-tag">{schemaName(o.schema)}</span>
                  </span>
                ))
              ) : (
                <Link to={`/entity/${encodeURIComponent(r.id)}`}>{r.caption}</Link>
              )}
              {r.others.length ? (
                <span className="small muted">
                  {' '}
                  — <Link to={`/entity/${encodeURIComponent(r.id)}`}>{schemaName(r.schema)}: {r.caption}</Link>
                </span>
              ) : (
                <span className="schema-tag">{schemaName(r.schema)}</span>
              )}
            </dd>
          ))}
        </div>
      ))}
    </dl>
  );
}

/** Who screening can match: people, organisations and what they own; an event, a sanction, a law or a document has no name to screen. */
const SCREENABLE = new Set(['Person', 'Organization', 'Company', 'LegalEntity', 'PublicBody', 'Vessel', 'Airplane']);

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export default function EntityPage({ id }: { id: string }) {
  const [refresh, setRefresh] = useState(0);
  const { data, error, loading } = useApi<EntityAnswer>(`/api/entities/${encodeURIComponent(id)}`, refresh);
  const reachedBy = useLocation().query.get('via');
  usePageTitle(data?.entity.caption);
  // A record merged into another entity: its page is the entity's (the address changes to the canonical id).
  useEffect(() => {
    if (data && data.entity.id !== id) navigate(href(`/entity/${encodeURIComponent(data.entity.id)}`, { via: id }), { replace: true });
  }, [data, id]);
  if (error) {
    return error.status === 404 ? (
      <section>
        <h1>Not in the graph</h1>
        <p>
          No entity has the id <code>{id}</code>. <Link to="/search">Search by name</Link> instead.
        </p>
      </section>
    ) : (
      <ErrorNote error={error} what="Loading this entity" />
    );
  }
  if (!data || loading) return <Loading what="Loading the entity" />;
  const { entity, statements, relations, designations, judgements } = data;
  const captions = new Map<string, string>();
  for (const r of relations) {
    captions.set(r.id, r.caption);
    for (const o of r.others) captions.set(o.id, o.caption);
  }
  const sanctions = relations.filter((r) => r.schema === 'Sanction' && r.role === 'entity');
  const others = relations.filter((r) => !(r.schema === 'Sanction' && r.role === 'entity'));
  const screenName = entity.properties.name?.[0] ?? entity.caption;
  return (
    <article className="entity-page">
      <header className="entity-head">
        <p className="schema-tag big">{schemaName(entity.schema)}</p>
        <h1>{entity.caption}</h1>
        <p className="topics">
          {entity.topics.map((t) => (
            <span key={t} className={`topic topic-${t.replace(/\W/g, '-')}`}>
              {topicLabel(t)}
            </span>
          ))}
        </p>
        <p className="actions">
          <Link className="button" to={`/network/${encodeURIComponent(entity.id)}`}>
            Network
          </Link>
          {SCREENABLE.has(entity.schema) ? (
            <Link className="button secondary" to={href('/screen', { names: screenName })}>
              Screen this name
            </Link>
          ) : null}
          <button type="button" className="secondary" onClick={() => download(`room39-${fileSafe(entity.id)}.csv`, new Blob([entityCsv(entity, statements, window.location.href)], { type: 'text/csv' }))}>
            Download CSV<span className="sr-only"> of every fact with its source, quote and grade</span>
          </button>
          <button type="button" className="secondary" onClick={() => download(`room39-${fileSafe(entity.id)}.json`, new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }))}>
            Download JSON<span className="sr-only"> of the entity, its statements with their sources and its relations</span>
          </button>
        </p>
        <p className="small muted">
          {plural(statements.length, 'statement')} from {plural(new Set(statements.map((s) => s.source.id)).size, 'source')} · datasets: {entity.datasets.join(', ')} · id{' '}
          <code>{entity.id}</code>
        </p>
      </header>
      <Designations list={designations ?? []} />
      {sanctions.length ? (
        <section aria-labelledby="sanctions-h">
          <h2 id="sanctions-h">Sanctions</h2>
          <ul className="cards">
            {sanctions.map((r) => (
              <SanctionCard key={r.id} relation={r} />
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="props-h">
        <h2 id="props-h">What the sources say</h2>
        <p className="small muted">Open a grade to see the source and the exact quote each value rests on.</p>
        <PropertyTable statements={statements} captions={captions} />
      </section>
      <section aria-labelledby="rel-h">
        <h2 id="rel-h">Relationships</h2>
        <Relationships relations={others} />
      </section>
      <RecordsBehind referents={entity.referents} judgements={judgements ?? []} requestedId={data.requested_id ?? reachedBy ?? null} onChange={() => setRefresh((n) => n + 1)} />
      <FiguresOf id={entity.id} />
      <EntityTimeline id={entity.id} />
    </article>
  );
}
