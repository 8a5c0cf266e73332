/**
 * The review queue: figures and host countries first, each with its
 * sentence; what the graph already holds marked as a duplicate. One key per
 * decision on the claim in focus — a accept, c correct, r reject, x select,
 * j / k (or ↓ / ↑) move — and the selected claims rejected at once.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ApiError, postJson, useApi } from '../../api.ts';
import { Link, href, useLocation } from '../../router.tsx';
import { countryName, FIGURE_METRICS, type ReviewItem } from '../../../../src/server/wire.ts';
import { ErrorNote, Loading } from '../../components/Status.tsx';
import { figureValue, humanize, period } from '../../format.ts';
import { SourceLine } from '../../components/Cite.tsx';

const GRADES = ['A1', 'A2', 'B1', 'B2', 'B3', 'C2', 'C3', 'C4', 'D3', 'D4', 'E5', 'F6'];

interface FigureDraft {
  metric?: string;
  country?: string | null;
  low?: number | null;
  high?: number | null;
  of_total?: number | null;
  unit?: string;
  per?: string | null;
  qualifier?: string;
  period_start?: string | null;
  period_end?: string | null;
  note?: string | null;
}

function figureOf(item: ReviewItem): FigureDraft {
  const cur = item.current as { figure?: FigureDraft } | undefined;
  return cur?.figure ?? (item.proposed as FigureDraft);
}

function Proposed({ item }: { item: ReviewItem }) {
  if (item.kind === 'figure') {
    const f = figureOf(item);
    const whole = (item.proposed as { share_of?: string | null }).share_of;
    return (
      <dl className="proposed">
        <dt>Figure</dt>
        <dd>
          {humanize(f.metric ?? item.type)}: <strong>{figureValue({ low: f.low ?? null, high: f.high ?? null, of: f.of_total ?? null, unit: f.unit ?? '', per: f.per ?? null, qualifier: f.qualifier ?? 'exact', metric: f.metric ?? null })}</strong>
          {item.type === 'share' && whole ? <span className="small muted"> (a share of {whole === 'other' ? 'something else' : whole})</span> : null}
        </dd>
        <dt>Country</dt>
        <dd>{f.country ? countryName(f.country) : 'not stated'}</dd>
        <dt>Period</dt>
        <dd>{period(f.period_start ?? null, f.period_end ?? null)}</dd>
      </dl>
    );
  }
  const p = item.proposed as { caption?: string | null; entity_id?: string | null; country?: string | null };
  // What stands now: a correction changed the statement's value, not what extraction proposed.
  const now = (prop: string) => (item.current as { statements?: { prop: string; value: string }[] }).statements?.find((s) => s.prop === prop)?.value;
  const entityId = now('entity') ?? p.entity_id;
  const country = now('country')?.toUpperCase() ?? p.country;
  return (
    <dl className="proposed">
      <dt>{item.type === 'country' ? 'Host country' : 'Resolves to'}</dt>
      <dd>
        {entityId ? <Link to={`/entity/${encodeURIComponent(entityId)}`}>{entityId === p.entity_id ? p.caption ?? entityId : entityId}</Link> : country ? countryName(country) : now('namesMentioned') ?? p.caption ?? 'nothing in the graph yet'}
      </dd>
    </dl>
  );
}

function CorrectForm({ item, grade, onDone, onCancel }: { item: ReviewItem; grade: string; onDone(): void; onCancel(): void }) {
  const figure = item.kind === 'figure';
  const cur = (figure ? figureOf(item) : item.proposed) as Record<string, unknown>;
  // A share is corrected in percent, as the card shows it ("95", not 0.95), and stored as the fraction it is.
  const percent = figure && cur.unit === 'fraction';
  const shown = (v: unknown) => (v == null ? '' : String(percent ? Math.round(Number(v) * 100_000) / 1000 : v));
  const [low, setLow] = useState(shown(cur.low));
  const [high, setHigh] = useState(shown(cur.high));
  const [metric, setMetric] = useState(typeof cur.metric === 'string' ? cur.metric : '');
  const [country, setCountry] = useState(typeof cur.country === 'string' ? cur.country : '');
  const [entity, setEntity] = useState(typeof cur.entity_id === 'string' ? cur.entity_id : '');
  const [start, setStart] = useState(typeof cur.period_start === 'string' ? cur.period_start : '');
  const [end, setEnd] = useState(typeof cur.period_end === 'string' ? cur.period_end : '');
  const [error, setError] = useState<ApiError | null>(null);
  const first = useRef<HTMLInputElement | null>(null);
  useEffect(() => first.current?.focus(), []);
  const num = (v: string) => (v.trim() === '' ? null : Number(v.trim().replace(/\s*%$/, '')) / (percent ? 100 : 1));
  const save = async () => {
    const correction: Record<string, unknown> = figure
      ? { low: num(low), high: num(high), country: country.trim() || null, period_start: start.trim() || null, period_end: end.trim() || null, ...(metric ? { metric } : {}) }
      : item.type === 'country'
        ? { country: country.trim() || null }
        : { entity_id: entity.trim() || null };
    try {
      // Corrected is accepted: with the grade the reviewer chose, as Accept sends it.
      await postJson(`/api/review/${encodeURIComponent(item.id)}/correct`, { correction, version: item.version, reliability: grade });
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
    }
  };
  const field = (id: string, label: string, value: string, set: (v: string) => void, type = 'text', ref?: typeof first) => (
    <div className="field">
      <label htmlFor={`${item.id}-${id}`}>{label}</label>
      <input id={`${item.id}-${id}`} ref={ref} type={type} value={value} onChange={(e) => set(e.target.value)} step="any" />
    </div>
  );
  return (
    <form
      className="correct-form"
      onKeyDown={(e) => {
        e.stopPropagation();
        // Escape leaves the correction unsaved and the claim in focus, as it was before c.
        if (e.key === 'Escape') onCancel();
      }}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {figure ? (
        <>
          {field('low', percent ? 'Low (%)' : 'Low', low, setLow, percent ? 'text' : 'number', first)}
          {field('high', percent ? 'High (%)' : 'High', high, setHigh, percent ? 'text' : 'number')}
          <div className="field">
            <label htmlFor={`${item.id}-metric`}>Kind</label>
            <select id={`${item.id}-metric`} value={metric} onChange={(e) => setMetric(e.target.value)}>
              {FIGURE_METRICS.map((m) => (
                <option key={m} value={m}>
                  {humanize(m)}
                </option>
              ))}
            </select>
          </div>
          {field('start', 'Period start (YYYY)', start, setStart)}
          {field('end', 'Period end (YYYY)', end, setEnd)}
          {field('country', 'Country (ISO code or name)', country, setCountry)}
        </>
      ) : item.type === 'country' ? (
        field('country', 'Country (ISO code or name)', country, setCountry, 'text', first)
      ) : (
        field('entity', 'Entity id', entity, setEntity, 'text', first)
      )}
      <button type="submit" className="primary">
        Save correction and accept
      </button>
      {error ? <ErrorNote error={error} what="The correction" /> : null}
    </form>
  );
}

interface CardProps {
  item: ReviewItem;
  /** In the queue of every document: which document the claim comes from. */
  fromDocument: boolean;
  selected: boolean;
  focused: boolean;
  onSelect(on: boolean): void;
  onFocus(): void;
  onChange(): void;
  onShow(): void;
}

function ReviewCard({ item, fromDocument, selected, focused, onSelect, onFocus, onChange, onShow }: CardProps) {
  const [grade, setGrade] = useState('C3');
  const [correcting, setCorrecting] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const busy = useRef(false);
  const ref = useRef<HTMLLIElement | null>(null);
  useEffect(() => {
    if (focused && ref.current && !ref.current.contains(document.activeElement)) ref.current.focus();
  }, [focused]);
  const decide = async (what: 'accept' | 'reject') => {
    // A second key press while the first decision is on its way is not a second decision.
    if (busy.current) return;
    busy.current = true;
    try {
      await postJson(`/api/review/${encodeURIComponent(item.id)}/${what}`, what === 'accept' ? { reliability: grade } : {});
      onChange();
    } catch (e) {
      busy.current = false;
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
    }
  };
  const pending = item.status === 'pending';
  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>) => {
    if (!pending || e.altKey || e.ctrlKey || e.metaKey || (e.target as HTMLElement).closest('select, input, textarea')) return;
    const key = e.key.toLowerCase();
    if (key === 'a') void decide('accept');
    else if (key === 'r') void decide('reject');
    else if (key === 'c') setCorrecting((c) => !c);
    else if (key === 'x') onSelect(!selected);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <li
      ref={ref}
      tabIndex={0}
      onFocus={onFocus}
      onKeyDown={onKeyDown}
      className={`review-item kind-${item.kind}${focused ? ' focused' : ''}${item.duplicate ? ' duplicate' : ''}`}
      aria-label={`${humanize(item.type)}: ${item.text}`}
    >
      <p className="review-head">
        {pending ? (
          <input type="checkbox" className="select" checked={selected} onChange={(e) => onSelect(e.target.checked)} aria-label={`Select ${item.text}`} />
        ) : null}
        <span className={`tl-type hl-${item.type}`}>{humanize(item.type)}</span> <strong>{item.text}</strong>{' '}
        <button type="button" className="linklike small" onClick={onShow}>
          show in text
        </button>
      </p>
      {fromDocument ? (
        <p className="small muted review-source">
          from <Link to={`/documents/${encodeURIComponent(item.source.id)}`}>{item.source.title}</Link>
        </p>
      ) : null}
      {item.duplicate ? (
        <p className="small dup-note">
          <span className="badge badge-ended">duplicate</span> {item.duplicate.detail} (
          {item.duplicate.source.document ? (
            <Link to={`/documents/${encodeURIComponent(item.duplicate.source.id)}`}>{item.duplicate.source.title}</Link>
          ) : (
            <SourceLine source={item.duplicate.source} />
          )}
          )
        </p>
      ) : null}
      <blockquote>{item.quote}</blockquote>
      <Proposed item={item} />
      {pending ? (
        <div className="review-actions">
          <label htmlFor={`${item.id}-grade`} className="small">
            Grade
          </label>
          <select id={`${item.id}-grade`} value={grade} onChange={(e) => setGrade(e.target.value)}>
            {GRADES.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
          <button type="button" className="primary" onClick={() => void decide('accept')} aria-keyshortcuts="a">
            Accept<span className="sr-only"> {item.text}</span>
          </button>
          <button type="button" className="secondary" onClick={() => setCorrecting((c) => !c)} aria-expanded={correcting} aria-keyshortcuts="c">
            Correct<span className="sr-only"> {item.text}</span>
          </button>
          <button type="button" className="secondary danger" onClick={() => void decide('reject')} aria-keyshortcuts="r">
            Reject<span className="sr-only"> {item.text}</span>
          </button>
        </div>
      ) : (
        <p className="small">
          <span className={`badge ${item.status === 'accepted' ? 'badge-ok' : 'badge-ended'}`}>{item.status}</span> by {item.reviewer}
        </p>
      )}
      {correcting ? <CorrectForm item={item} grade={grade} onDone={onChange} onCancel={() => { setCorrecting(false); ref.current?.focus(); }} /> : null}
      {error ? <ErrorNote error={error} what="The decision" /> : null}
    </li>
  );
}

export function Queue({ source, onShow, onDecided }: { source: string | null; onShow(item: ReviewItem): void; onDecided?(): void }) {
  const { query } = useLocation();
  const status = query.get('status') ?? 'pending';
  const kind = query.get('kind') ?? '';
  const [refresh, setRefresh] = useState(0);
  const [focus, setFocus] = useState(0);
  // Focus follows j / k only once the reviewer uses them: loading the page does not move it.
  const [navigating, setNavigating] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulkError, setBulkError] = useState<ApiError | null>(null);
  const { data, error, loading } = useApi<{ items: ReviewItem[]; total: number }>(href('/api/review', { source, status, kind: kind || null, limit: 200 }), refresh);
  const base = source ? `/documents/${encodeURIComponent(source)}` : '/documents';
  const items = data?.items ?? [];
  const changed = () => {
    setSelected(new Set());
    setRefresh((r) => r + 1);
    // The decided claim leaves the list: focus goes to the one that takes its place, so the next key decides that one.
    setNavigating(true);
    onDecided?.();
  };
  const rejectSelected = async () => {
    try {
      await postJson('/api/review/reject', { ids: [...selected], note: 'rejected in bulk' });
      changed();
    } catch (e) {
      setBulkError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if ((e.target as HTMLElement).closest('select, input, textarea, form')) return;
    if (e.key === 'j' || e.key === 'ArrowDown') setFocus((f) => Math.min(items.length - 1, f + 1));
    else if (e.key === 'k' || e.key === 'ArrowUp') setFocus((f) => Math.max(0, f - 1));
    else return;
    setNavigating(true);
    e.preventDefault();
  };
  return (
    <section className="queue" aria-labelledby="queue-h">
      <h2 id="queue-h">Review queue</h2>
      <nav className="chips" aria-label="Review filters">
        {['pending', 'accepted', 'rejected'].map((s) => (
          <Link key={s} to={href(base, { status: s, kind: kind || null })} className={status === s ? 'chip on' : 'chip'} aria-current={status === s ? 'true' : undefined}>
            {humanize(s)}
          </Link>
        ))}
        {['', 'figure', 'mention'].map((k) => (
          <Link key={k || 'all'} to={href(base, { status, kind: k || null })} className={kind === k ? 'chip on' : 'chip'} aria-current={kind === k ? 'true' : undefined}>
            {k ? `${humanize(k)}s` : 'Figures and mentions'}
          </Link>
        ))}
      </nav>
      {status === 'pending' ? (
        <p className="small muted keys">
          Keys on the claim in focus: <kbd>a</kbd> accept, <kbd>c</kbd> correct (<kbd>Esc</kbd> leaves the correction), <kbd>r</kbd> reject, <kbd>x</kbd> select; <kbd>j</kbd> / <kbd>k</kbd> next and previous.
        </p>
      ) : null}
      {error ? <ErrorNote error={error} what="The review queue" /> : null}
      {loading && !data ? <Loading what="Loading the queue" /> : null}
      {data ? (
        <>
          <div className="bulk">
            <p className="small muted" aria-live="polite">
              {data.total} {status} {data.total === 1 ? 'claim' : 'claims'}
            </p>
            {status === 'pending' && items.length ? (
              <>
                <button type="button" className="linklike small" onClick={() => setSelected(new Set(items.map((i) => i.id)))}>
                  Select all shown
                </button>
                <button type="button" className="secondary danger" disabled={selected.size === 0} onClick={() => void rejectSelected()}>
                  Reject selected ({selected.size})
                </button>
              </>
            ) : null}
          </div>
          {bulkError ? <ErrorNote error={bulkError} what="Rejecting the selected claims" /> : null}
          <ul className="review-list" onKeyDown={onKeyDown}>
            {items.map((i, n) => (
              <ReviewCard
                key={`${i.id}-${i.status}`}
                item={i}
                fromDocument={source === null}
                focused={navigating && n === Math.min(focus, items.length - 1)}
                selected={selected.has(i.id)}
                onFocus={() => setFocus(n)}
                onSelect={(on) => setSelected((s) => {
                  const next = new Set(s);
                  if (on) next.add(i.id);
                  else next.delete(i.id);
                  return next;
                })}
                onChange={changed}
                onShow={() => onShow(i)}
              />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
