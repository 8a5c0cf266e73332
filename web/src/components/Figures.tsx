/** Lists of cited figures and of timeline items, shared by the home, entity and timeline pages. */
import { Link } from '../router.tsx';
import type { CitedFigureRow, TimelineItem } from '../../../src/server/wire.ts';
import { Cite } from './Cite.tsx';
import { figureValue, humanize, metricLabel, period } from '../format.ts';

/** Recipients the dataset gives as a key, not a name: said in words ("to employer_pays" read as a payee). */
const RECIPIENT_WORDS: Record<string, string> = { employer_pays: ' paid by the employer' };

export function FigureList({ figures }: { figures: CitedFigureRow[] }) {
  return (
    <ul className="figures">
      {figures.map((f) => (
        <li key={f.id}>
          <span className="figure-metric">{metricLabel(f.metric)}</span>
          {f.recipient ? <span className="muted">{RECIPIENT_WORDS[f.recipient] ?? ` to ${f.recipient}`}</span> : null}
          {f.sector ? <span className="muted"> ({f.sector})</span> : null}: <strong>{figureValue(f)}</strong>{' '}
          <span className="muted small">{period(f.period_start, f.period_end)}</span> <Cite source={f.source} quote={f.quote} locator={f.locator} statement={f.statement} grade={f.reliability} correction={f.correction} />
        </li>
      ))}
    </ul>
  );
}

export function TimelineList({ items }: { items: TimelineItem[] }) {
  return (
    <ol className="timeline-list">
      {items.map((i) => (
        <li key={i.id} className={`tl-item tl-${i.type}`}>
          <time dateTime={i.date}>{i.date}</time> <span className={`tl-type tl-type-${i.type}`}>{humanize(i.type)}</span>{' '}
          {i.entity_id ? <Link to={`/entity/${encodeURIComponent(i.entity_id)}`}>{i.title}</Link> : <span>{i.title}</span>}
          {i.detail ? <div className="small muted">{i.detail}</div> : null}
          {i.source ? <Cite source={i.source} quote={i.quote} grade={i.reliability} /> : null}
        </li>
      ))}
    </ol>
  );
}

