/** A citation on demand: the grade as a button; opened, the source, its date and the exact quote. */
import { describeReliability, isReliability } from '../../../src/server/wire.ts';
import { safeHttpUrl } from '../format.ts';

export interface CiteSource {
  id: string;
  title: string | null;
  published?: string | null;
  url?: string | null;
  kind?: string;
}

export interface CiteProps {
  source: CiteSource | null;
  quote: string | null;
  grade: string | null;
  /** Shown before the grade in the summary ("1 source"). */
  label?: string;
}

export function gradeText(grade: string | null): string {
  if (!grade) return 'not graded';
  return isReliability(grade) ? `${grade}: ${describeReliability(grade)}` : grade;
}

export function Grade({ grade }: { grade: string | null }) {
  if (!grade) return null;
  const cls = `grade grade-${grade[0]?.toLowerCase() ?? 'f'}`;
  return (
    <abbr className={cls} title={gradeText(grade)}>
      {grade}
    </abbr>
  );
}

export function SourceLine({ source }: { source: CiteSource }) {
  const title = source.title ?? source.id;
  const url = safeHttpUrl(source.url);
  return (
    <span className="source-line">
      {url ? (
        <a href={url} target="_blank" rel="noopener noreferrer external">
          {title}
        </a>
      ) : (
        <cite>{title}</cite>
      )}
      {source.published ? <span className="muted"> ({source.published})</span> : null}
      {source.url && !url ? <span className="muted small"> (address not shown as a link: {source.url})</span> : null}
    </span>
  );
}

export function Cite({ source, quote, grade, label }: CiteProps) {
  return (
    <details className="cite">
      <summary>
        <span className="cite-label">{label ?? 'source'}</span> <Grade grade={grade} />
        <span className="sr-only"> — show the source and quote</span>
      </summary>
      <div className="cite-body">
        {source ? <SourceLine source={source} /> : <span className="muted">no source recorded</span>}
        {quote ? <blockquote>{quote}</blockquote> : <p className="muted small">Structured list data: no quote.</p>}
        <p className="small muted">Reliability {gradeText(grade)}</p>
      </div>
    </details>
  );
}
