/**
 * A citation on demand: the grade as a button; opened, the source, its date and the
 * exact quote (a bundled document), or where the fact stands in a cited source and
 * the fact in room39's words (a publication that is cited, not copied).
 */
import { describeReliability, isReliability } from '../../../src/server/wire.ts';
import { Link } from '../router.tsx';
import { safeHttpUrl } from '../format.ts';
import { mayWork, useSession } from './SignIn.tsx';

export interface CiteSource {
  id: string;
  title: string | null;
  published?: string | null;
  url?: string | null;
  kind?: string;
  /** Why the grading rubric (docs/grading.md) gives the source its letter. */
  gradeReason?: string | null;
}

export interface CiteProps {
  source: CiteSource | null;
  quote: string | null;
  grade: string | null;
  /** Shown before the grade in the summary ("1 source"). */
  label?: string;
  /** Where in a cited (not bundled) source the fact stands. */
  locator?: string | null;
  /** The fact in room39's words, for a cited source. */
  statement?: string | null;
  /** Set when a reviewer changed the value the source gave: the quote then says `from`. */
  correction?: CiteCorrection | null;
}

export interface CiteCorrection {
  by: string;
  at: string;
  from: string;
}

/** Said beside the quote of a corrected value, so the quote is never read as saying the value shown. */
export function CorrectionNote({ correction }: { correction: CiteCorrection | null | undefined }) {
  if (!correction) return null;
  return (
    <p className="cite-correction small" role="note">
      Corrected by {correction.by}: the source says {correction.from}
      <span className="muted"> ({correction.at.slice(0, 10)}; the value shown is the reviewer's, not the quote's)</span>
    </p>
  );
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

/** A document submitted to room39 (its library page), from its kind or, where a figure's source gives none, its id (ingest.ts documentSourceId). */
const isLibraryDocument = (source: CiteSource) => source.kind === 'document' || (source.kind === undefined && source.id.startsWith('doc-'));

/** The submitted document's page in the library (text, highlights, claims), for whoever may read the library: an analyst or above. */
function LibraryLink({ source }: { source: CiteSource }) {
  const { session } = useSession();
  if (!isLibraryDocument(source) || !mayWork(session)) return null;
  return (
    <>
      {' · '}
      <Link to={`/documents/${encodeURIComponent(source.id)}`} className="small">
        in the library
      </Link>
    </>
  );
}

function Unquoted({ locator, statement }: { locator: string | null | undefined; statement: string | null | undefined }) {
  if (!locator && !statement) return <p className="muted small">No quote: structured list data, or a publication room39 cites rather than bundles.</p>;
  return (
    <>
      {statement ? <p className="small">{statement}</p> : null}
      {locator ? <p className="muted small">Where in the source: {locator} (cited, not copied: the text is not bundled).</p> : null}
    </>
  );
}

export function Cite({ source, quote, grade, label, locator, statement, correction }: CiteProps) {
  return (
    <details className="cite">
      <summary>
        <span className="cite-label">{label ?? 'source'}</span> <Grade grade={grade} />
        {correction ? <span className="cite-corrected"> corrected</span> : null}
        <span className="sr-only"> — show the source and quote</span>
      </summary>
      <div className="cite-body">
        {source ? (
          <>
            <SourceLine source={source} />
            <LibraryLink source={source} />
          </>
        ) : (
          <span className="muted">no source recorded</span>
        )}
        <CorrectionNote correction={correction} />
        {quote ? <blockquote>{quote}</blockquote> : <Unquoted locator={locator} statement={statement} />}
        <p className="small muted">Reliability {gradeText(grade)}</p>
        {source?.gradeReason ? <p className="small muted">Why this grade: {source.gradeReason}</p> : null}
      </div>
    </details>
  );
}
