/**
 * Documents: the library (submit or suggest a document, search every
 * document's text, suggestions waiting for an analyst) and the page of one
 * document — its text with what extraction found highlighted by review state
 * (as text, never as HTML) beside its review queue, where an analyst
 * accepts, corrects or rejects each claim with one key.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { useApi } from '../api.ts';
import { Link, navigate } from '../router.tsx';
import type { ExtractionResult, ReviewItem, StoredDocument } from '../../../src/server/wire.ts';
import { ErrorNote, Loading } from '../components/Status.tsx';
import { mayWork, SignIn, useSession, ViewerNote } from '../components/SignIn.tsx';
import { fileSize, humanize } from '../format.ts';
import { Queue } from './documents/Review.tsx';
import { Library, Suggestions, SuggestionsClosed, Upload } from './documents/Library.tsx';
import { SourceLink } from '../components/SourceLink.tsx';

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

/** Claims coloured by review state; what extraction found but queued no claim for (a country named for another reason) stays faint. */
function spansOf(data: StoredDocument): Span[] {
  const claimed = new Map(data.claims.map((c) => [`${c.start}-${c.end}`, c.status]));
  const ex = data.extraction as ExtractionResult | null;
  if (!ex) return [];
  const state = (start: number, end: number) => {
    const s = claimed.get(`${start}-${end}`);
    return s ? ` claim-${s}` : ' no-claim';
  };
  return [
    ...ex.mentions.map((m) => ({
      start: m.start, end: m.end, cls: `hl-${m.type}${m.type === 'country' && m.role ? ` role-${m.role}` : ''}${state(m.start, m.end)}`,
      label: `${humanize(m.type)}${m.type === 'country' && m.role ? ` (${m.role})` : ''}${claimed.get(`${m.start}-${m.end}`) ? `, ${claimed.get(`${m.start}-${m.end}`)}` : ''}`,
      id: `s-${m.start}-${m.end}`,
    })),
    ...ex.figures.filter((f) => f.kind !== 'date').map((f) => ({
      start: f.start, end: f.end, cls: `hl-figure hl-${f.kind}${state(f.start, f.end)}`,
      label: `figure: ${humanize(f.kind)}${claimed.get(`${f.start}-${f.end}`) ? `, ${claimed.get(`${f.start}-${f.end}`)}` : ''}`,
      id: `s-${f.start}-${f.end}`,
    })),
  ];
}

function DocumentView({ id }: { id: string }) {
  const { session } = useSession();
  const [decided, setDecided] = useState(0);
  const { data, error } = useApi<StoredDocument>(mayWork(session) ? `/api/documents/${encodeURIComponent(id)}` : null, decided);
  const [active, setActive] = useState<string | null>(null);
  const spans = useMemo<Span[]>(() => (data ? spansOf(data) : []), [data]);
  const show = (item: ReviewItem) => {
    const sid = `s-${item.start}-${item.end}`;
    setActive(sid);
    document.getElementById(sid)?.scrollIntoView({ block: 'center' });
  };
  if (session?.user && !mayWork(session)) {
    return (
      <section>
        <h1>Document</h1>
        <ViewerNote session={session} what="adding, reading and reviewing documents" />
      </section>
    );
  }
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
  const d = data.document;
  return (
    <article className="document-page">
      <p className="crumbs small">
        <Link to="/documents">← Documents</Link>
      </p>
      <h1>{d.title}</h1>
      <p className="small muted">
        {[d.publisher, d.published].filter(Boolean).join(' · ')}
        {d.publisher || d.published ? ' · ' : ''}
        {d.format} · {d.filename ?? 'no file name'} · {fileSize(d.bytes)} · submitted by {d.submitted_by}
        <SourceLink url={d.url} />
      </p>
      <p className="small">
        Claims: {d.claims.pending} pending · {d.claims.accepted} accepted · {d.claims.rejected} rejected
      </p>
      <ul className="legend" aria-label="Highlight legend">
        <li>
          <mark className="hl hl-person">person</mark>
        </li>
        <li>
          <mark className="hl hl-organization">organisation</mark>
        </li>
        <li>
          <mark className="hl hl-country">host country</mark>
        </li>
        <li>
          <mark className="hl hl-legal_instrument">law</mark>
        </li>
        <li>
          <mark className="hl hl-figure">figure</mark>
        </li>
        <li>
          <mark className="hl claim-accepted">accepted</mark>
        </li>
        <li>
          <mark className="hl claim-rejected">rejected</mark>
        </li>
      </ul>
      <div className="doc-layout">
        <section aria-label="Document text">
          <Highlighted text={data.text} spans={spans} active={active} />
        </section>
        <Queue source={id} onShow={show} onDecided={() => setDecided((d) => d + 1)} />
      </div>
    </article>
  );
}

export default function DocumentsPage({ documentId }: { documentId: string | null }) {
  const { session, ready } = useSession();
  if (documentId) return <DocumentView id={documentId} />;
  const signedIn = mayWork(session);
  const viewer = Boolean(session?.user) && !signedIn;
  return (
    <section className="documents-page">
      <h1>Documents</h1>
      <p className="lead">Reports and articles in; mentions and figures out, each with its quote; reviewed into the graph.</p>
      {viewer ? <ViewerNote session={session} what="adding, reading and reviewing documents" /> : null}
      <div className="doc-top">
        {signedIn || session?.public_suggest ? <Upload signedIn={signedIn} /> : <SuggestionsClosed ready={ready} />}
        <div className="card">
          <SignIn why="Sign in as an analyst to add documents, read them and review their claims." />
        </div>
      </div>
      {signedIn ? (
        <>
          <Suggestions />
          <Library />
          <Queue source={null} onShow={(i) => navigate(`/documents/${encodeURIComponent(i.source.id)}`)} />
        </>
      ) : null}
    </section>
  );
}
