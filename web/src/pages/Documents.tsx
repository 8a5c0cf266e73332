/**
 * Documents: upload a report (txt, html, pdf); its text with the mentions and
 * figures extraction found highlighted (as text, never as HTML); and the
 * review queue, where an analyst accepts, corrects or rejects each claim
 * before it joins the graph.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { ApiError, request, postJson, useApi } from '../api.ts';
import { Link, href, navigate, useLocation } from '../router.tsx';
import { countryName, type ReviewItem, type ExtractionResult } from '../../../src/server/wire.ts';
import { ErrorNote, Loading } from '../components/Status.tsx';
import { SignIn, useSession } from '../components/SignIn.tsx';
import { figureValue, humanize, period } from '../format.ts';

interface UploadAnswer {
  source: { id: string; title: string; published: string | null; url: string | null; format: string; bytes: number; sha256: string };
  status: 'created' | 'existing';
  review_items: number;
  mentions: ExtractionResult['mentions'];
  figures: ExtractionResult['figures'];
}

interface DocumentAnswer {
  document: { id: string; title: string; published: string | null; url: string | null; format: string; filename: string | null; bytes: number; submitted_by: string; submitted_at: string };
  text: string;
  extraction: ExtractionResult | null;
}

const GRADES = ['A1', 'A2', 'B1', 'B2', 'B3', 'C2', 'C3', 'C4', 'D3', 'D4', 'E5', 'F6'];

function Upload() {
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<UploadAnswer | null>(null);
  const submit = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const answer = await request<UploadAnswer>(href('/api/documents', { title: title.trim() || null }), { method: 'POST', body: form });
      setResult(answer);
      navigate(`/documents/${encodeURIComponent(answer.source.id)}`);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="upload card"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 className="h3">Add a document</h2>
      <p className="small muted">A report or article as .txt, .html or .pdf. Extraction finds the people, organisations, countries, laws and figures it names; nothing joins the graph until it is reviewed.</p>
      <label htmlFor="doc-file">Document</label>
      <input id="doc-file" type="file" accept=".txt,.html,.htm,.pdf,text/plain,text/html,application/pdf" onChange={(e) => setFile(e.target.files?.[0] ?? null)} required />
      <label htmlFor="doc-title">Title (optional)</label>
      <input id="doc-title" type="text" value={title} onChange={(e) => setTitle(e.target.value)} />
      <button type="submit" className="primary" disabled={!file || busy}>
        {busy ? 'Reading the document…' : 'Upload and extract'}
      </button>
      {error ? <ErrorNote error={error} what="The upload" /> : null}
      {result ? (
        <p className="note note-ok" role="status">
          {result.status === 'existing' ? 'This document was submitted before.' : 'Document added.'} {result.review_items} claims wait for review.
        </p>
      ) : null}
    </form>
  );
}

interface Span {
  start: number;
  end: number;
  cls: string;
  label: string;
  id: string;
}

/** The text cut into plain runs and highlighted spans (overlaps dropped), each rendered as text. */
function Highlighted({ text, spans, active }: { text: string; spans: Span[]; active: string | null }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (s.start < at || s.end > text.length || s.end <= s.start) continue;
    if (s.start > at) parts.push(text.slice(at, s.start));
    parts.push(
      <mark key={s.id} id={s.id} className={`hl ${s.cls}${active === s.id ? ' active' : ''}`} title={s.label}>
        {text.slice(s.start, s.end)}
        <span className="sr-only"> ({s.label})</span>
      </mark>,
    );
    at = s.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <div className="doc-text">{parts}</div>;
}

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
}

function figureOf(item: ReviewItem): FigureDraft {
  const cur = item.current as { figure?: FigureDraft } | undefined;
  return cur?.figure ?? (item.proposed as FigureDraft);
}

function Proposed({ item }: { item: ReviewItem }) {
  if (item.kind === 'figure') {
    const f = figureOf(item);
    return (
      <dl className="proposed">
        <dt>Figure</dt>
        <dd>
          {humanize(f.metric ?? item.type)}: <strong>{figureValue({ low: f.low ?? null, high: f.high ?? null, of: f.of_total ?? null, unit: f.unit ?? '', per: f.per ?? null, qualifier: f.qualifier ?? 'exact' })}</strong>
        </dd>
        <dt>Country</dt>
        <dd>{f.country ? countryName(f.country) : 'not stated'}</dd>
        <dt>Period</dt>
        <dd>{period(f.period_start ?? null, f.period_end ?? null)}</dd>
      </dl>
    );
  }
  const p = item.proposed as { caption?: string | null; entity_id?: string | null; country?: string | null; type?: string };
  return (
    <dl className="proposed">
      <dt>Resolves to</dt>
      <dd>
        {p.entity_id ? <Link to={`/entity/${encodeURIComponent(p.entity_id)}`}>{p.caption ?? p.entity_id}</Link> : p.country ? countryName(p.country) : p.caption ?? 'nothing in the graph yet'}
      </dd>
    </dl>
  );
}

function CorrectForm({ item, onDone }: { item: ReviewItem; onDone(): void }) {
  const cur = (item.kind === 'figure' ? figureOf(item) : item.proposed) as Record<string, unknown>;
  const [low, setLow] = useState(cur.low == null ? '' : String(cur.low));
  const [high, setHigh] = useState(cur.high == null ? '' : String(cur.high));
  const [country, setCountry] = useState(typeof cur.country === 'string' ? cur.country : '');
  const [entity, setEntity] = useState(typeof cur.entity_id === 'string' ? cur.entity_id : '');
  const [start, setStart] = useState(typeof cur.period_start === 'string' ? cur.period_start : '');
  const [end, setEnd] = useState(typeof cur.period_end === 'string' ? cur.period_end : '');
  const [error, setError] = useState<ApiError | null>(null);
  const figure = item.kind === 'figure';
  const num = (v: string) => (v.trim() === '' ? null : Number(v));
  const save = async () => {
    const correction: Record<string, unknown> = figure
      ? { low: num(low), high: num(high), country: country.trim() || null, period_start: start.trim() || null, period_end: end.trim() || null }
      : { entity_id: entity.trim() || null, country: country.trim() || null };
    try {
      await postJson(`/api/review/${encodeURIComponent(item.id)}/correct`, { correction, version: item.version });
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
    }
  };
  const field = (id: string, label: string, value: string, set: (v: string) => void, type = 'text') => (
    <div className="field">
      <label htmlFor={`${item.id}-${id}`}>{label}</label>
      <input id={`${item.id}-${id}`} type={type} value={value} onChange={(e) => set(e.target.value)} step="any" />
    </div>
  );
  return (
    <form
      className="correct-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {figure ? (
        <>
          {field('low', 'Low', low, setLow, 'number')}
          {field('high', 'High', high, setHigh, 'number')}
          {field('start', 'Period start (YYYY)', start, setStart)}
          {field('end', 'Period end (YYYY)', end, setEnd)}
        </>
      ) : (
        field('entity', 'Entity id', entity, setEntity)
      )}
      {field('country', 'Country (ISO code or name)', country, setCountry)}
      <button type="submit" className="primary">
        Save correction and accept
      </button>
      {error ? <ErrorNote error={error} what="The correction" /> : null}
    </form>
  );
}

function ReviewCard({ item, onChange, onShow }: { item: ReviewItem; onChange(): void; onShow(): void }) {
  const [grade, setGrade] = useState('C3');
  const [correcting, setCorrecting] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const decide = async (what: 'accept' | 'reject') => {
    try {
      await postJson(`/api/review/${encodeURIComponent(item.id)}/${what}`, what === 'accept' ? { reliability: grade } : {});
      onChange();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
    }
  };
  return (
    <li className={`review-item kind-${item.kind}`} aria-label={`${humanize(item.type)}: ${item.text}`}>
      <p className="review-head">
        <span className={`tl-type hl-${item.type}`}>{humanize(item.type)}</span> <strong>{item.text}</strong>{' '}
        <button type="button" className="linklike small" onClick={onShow}>
          show in text
        </button>
      </p>
      <blockquote>{item.quote}</blockquote>
      <Proposed item={item} />
      {item.status === 'pending' ? (
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
          <button type="button" className="primary" onClick={() => void decide('accept')}>
            Accept<span className="sr-only"> {item.text}</span>
          </button>
          <button type="button" className="secondary" onClick={() => setCorrecting((c) => !c)} aria-expanded={correcting}>
            Correct<span className="sr-only"> {item.text}</span>
          </button>
          <button type="button" className="secondary danger" onClick={() => void decide('reject')}>
            Reject<span className="sr-only"> {item.text}</span>
          </button>
        </div>
      ) : (
        <p className="small">
          <span className={`badge ${item.status === 'accepted' ? 'badge-ok' : 'badge-ended'}`}>{item.status}</span> by {item.reviewer}
        </p>
      )}
      {correcting ? <CorrectForm item={item} onDone={onChange} /> : null}
      {error ? <ErrorNote error={error} what="The decision" /> : null}
    </li>
  );
}

function Queue({ source, onShow }: { source: string | null; onShow(item: ReviewItem): void }) {
  const { query } = useLocation();
  const status = query.get('status') ?? 'pending';
  const kind = query.get('kind') ?? '';
  const [refresh, setRefresh] = useState(0);
  const { data, error, loading } = useApi<{ items: ReviewItem[]; total: number }>(href('/api/review', { source, status, kind: kind || null, limit: 200 }), refresh);
  const base = source ? `/documents/${encodeURIComponent(source)}` : '/documents';
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
      {error ? <ErrorNote error={error} what="The review queue" /> : null}
      {loading && !data ? <Loading what="Loading the queue" /> : null}
      {data ? (
        <>
          <p className="small muted" aria-live="polite">
            {data.total} {status} {data.total === 1 ? 'claim' : 'claims'}
          </p>
          <ul className="review-list">
            {data.items.map((i) => (
              <ReviewCard key={`${i.id}-${i.status}`} item={i} onChange={() => setRefresh((r) => r + 1)} onShow={() => onShow(i)} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function DocumentView({ id }: { id: string }) {
  const { session } = useSession();
  const { data, error } = useApi<DocumentAnswer>(session?.user ? `/api/documents/${encodeURIComponent(id)}` : null);
  const [active, setActive] = useState<string | null>(null);
  const spans = useMemo<Span[]>(() => {
    const ex = data?.extraction;
    if (!ex) return [];
    return [
      ...ex.mentions.map((m) => ({ start: m.start, end: m.end, cls: `hl-${m.type}`, label: humanize(m.type), id: `s-${m.start}-${m.end}` })),
      ...ex.figures.map((f) => ({ start: f.start, end: f.end, cls: `hl-figure hl-${f.kind}`, label: `figure: ${humanize(f.kind)}`, id: `s-${f.start}-${f.end}` })),
    ];
  }, [data]);
  const show = (item: ReviewItem) => {
    const sid = `s-${item.start}-${item.end}`;
    setActive(sid);
    document.getElementById(sid)?.scrollIntoView({ block: 'center' });
  };
  if (!session?.user) {
    return (
      <section>
        <h1>Document</h1>
        <p>Submitted documents are unreviewed material: sign in as an analyst to read the text and review what was found in it.</p>
        <SignIn why="Analysts and editors review extracted claims." />
      </section>
    );
  }
  if (error) return <ErrorNote error={error} what="This document" />;
  if (!data) return <Loading what="Loading the document" />;
  return (
    <article className="document-page">
      <p className="crumbs small">
        <Link to="/documents">← Documents</Link>
      </p>
      <h1>{data.document.title}</h1>
      <p className="small muted">
        {data.document.format} · {data.document.filename ?? 'no file name'} · {Math.round(data.document.bytes / 1024)} KB · submitted by {data.document.submitted_by}
      </p>
      <ul className="legend" aria-label="Highlight legend">
        <li>
          <mark className="hl hl-person">person</mark>
        </li>
        <li>
          <mark className="hl hl-organization">organisation</mark>
        </li>
        <li>
          <mark className="hl hl-country">country</mark>
        </li>
        <li>
          <mark className="hl hl-legal_instrument">law</mark>
        </li>
        <li>
          <mark className="hl hl-figure">figure</mark>
        </li>
      </ul>
      <div className="doc-layout">
        <section aria-label="Document text">
          <Highlighted text={data.text} spans={spans} active={active} />
        </section>
        <Queue source={id} onShow={show} />
      </div>
    </article>
  );
}

export default function DocumentsPage({ documentId }: { documentId: string | null }) {
  const { session } = useSession();
  if (documentId) return <DocumentView id={documentId} />;
  return (
    <section className="documents-page">
      <h1>Documents</h1>
      <p className="lead">Reports and articles in; mentions and figures out, each with its quote; reviewed into the graph.</p>
      <div className="doc-top">
        <Upload />
        <div className="card">
          <SignIn why="Sign in as an analyst to read submitted documents and review their claims." />
        </div>
      </div>
      {session?.user ? <Queue source={null} onShow={(i) => navigate(`/documents/${encodeURIComponent(i.source.id)}`)} /> : null}
    </section>
  );
}
