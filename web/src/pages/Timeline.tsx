/** The timeline: designations, delistings, host-country actions, TIP ratings and reports, by date; filters in the URL. */
import { useApi } from '../api.ts';
import { href, useLocation, useQueryUpdater } from '../router.tsx';
import type { TimelineItem, TimelineType } from '../../../src/server/wire.ts';
import { ErrorNote, Loading } from '../components/Status.tsx';
import { TimelineList } from '../components/Figures.tsx';

const TYPES: { type: TimelineType; label: string }[] = [
  { type: 'designation', label: 'Designations' },
  { type: 'delisting', label: 'Delistings' },
  { type: 'action', label: 'Host-country actions and events' },
  { type: 'tip', label: 'TIP ratings' },
  { type: 'report', label: 'Reports' },
  { type: 'list_change', label: 'Other list changes' },
];

export default function TimelinePage() {
  const { query } = useLocation();
  const update = useQueryUpdater();
  const raw = query.get('types');
  const chosen = (raw ?? '').split(',').filter((t) => TYPES.some((x) => x.type === t)) as TimelineType[];
  const nothing = raw === 'none';
  const active = new Set<TimelineType>(nothing ? [] : chosen.length ? chosen : TYPES.map((t) => t.type));
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const validYear = (v: string) => (/^\d{4}$/.test(v) ? v : null);
  // A range that is not applied, or that nothing can fall in, is said, not shown as the whole timeline or as nothing.
  const rangeNote = [from, to].filter((v) => v !== '' && !validYear(v)).map((v) => `“${v}” is not a year (four digits, e.g. 2017): it is not applied.`)
    .concat(validYear(from) && validYear(to) && from > to ? [`From ${from} is after to ${to}: no date falls between them.`] : []);
  const { data, error, loading } = useApi<{ items: TimelineItem[] }>(
    nothing ? null : href('/api/timeline', { types: chosen.length ? chosen : null, from: validYear(from), to: validYear(to) }),
  );
  const toggle = (t: TimelineType) => {
    const next = new Set(active);
    if (next.has(t)) next.delete(t);
    else next.add(t);
    update({ types: next.size === TYPES.length ? null : next.size ? [...next] : 'none' });
  };
  const items = (data?.items ?? []).filter((i) => active.has(i.type));
  const years = new Map<string, TimelineItem[]>();
  for (const i of items) years.set(i.date.slice(0, 4), [...(years.get(i.date.slice(0, 4)) ?? []), i]);
  return (
    <section className="timeline-page">
      <h1>Timeline</h1>
      <p className="lead">Designations and delistings, host-country actions, Trafficking in Persons ratings and reports, by date. Undated facts are not shown.</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <fieldset className="chips">
          <legend>Show</legend>
          {TYPES.map((t) => (
            <label key={t.type} className={active.has(t.type) ? 'chip on' : 'chip'}>
              <input type="checkbox" checked={active.has(t.type)} onChange={() => toggle(t.type)} /> {t.label}
            </label>
          ))}
        </fieldset>
        <div className="range">
          <label htmlFor="tl-from">From year</label>
          <input id="tl-from" inputMode="numeric" pattern="\d{4}" maxLength={4} size={5} value={from} placeholder="2000" onChange={(e) => update({ from: e.target.value })} />
          <label htmlFor="tl-to">to</label>
          <input id="tl-to" inputMode="numeric" pattern="\d{4}" maxLength={4} size={5} value={to} placeholder="2025" onChange={(e) => update({ to: e.target.value })} />
        </div>
      </form>
      {rangeNote.length ? (
        <p className="note note-warning small" role="status">
          {rangeNote.join(' ')}
        </p>
      ) : null}
      {error ? <ErrorNote error={error} what="The timeline" /> : null}
      {loading && !data ? <Loading what="Loading the timeline" /> : null}
      <p className="small muted" aria-live="polite">
        {nothing ? 'Choose at least one kind of item to show.' : data ? `${items.length} dated items` : ''}
      </p>
      {[...years.entries()].map(([year, list]) => (
        <section key={year} className="tl-year" aria-labelledby={`y-${year}`}>
          <h2 id={`y-${year}`}>{year}</h2>
          <TimelineList items={list} />
        </section>
      ))}
    </section>
  );
}
