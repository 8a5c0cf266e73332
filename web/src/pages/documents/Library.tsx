/**
 * The document library: submitting a document (an analyst) or suggesting one
 * (anyone, when the operator opened that door; a plain sentence says so when
 * not); every document with its
 * source, date, submitter and claims by review state, searchable in full
 * text with the passage that matched; and the suggestions waiting for an
 * analyst. Text from documents is shown as text, never as HTML.
 */
import { useState } from 'react';
import { ApiError, postJson, request, useApi } from '../../api.ts';
import { Link, href, navigate, useLocation, useQueryUpdater } from '../../router.tsx';
import type { DocumentSummary, Suggestion } from '../../../../src/server/wire.ts';
import { ErrorNote, Loading } from '../../components/Status.tsx';
import { SourceLink } from '../../components/SourceLink.tsx';
import { fileSize } from '../../format.ts';

interface UploadAnswer {
  source?: { id: string; title: string };
  status?: 'created' | 'existing';
  review_items?: number;
  suggestion?: { id: string; status: string };
  message?: string;
}

export function Upload({ signedIn }: { signedIn: boolean }) {
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<UploadAnswer | null>(null);
  const submit = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    // What the last file got is not said of this one.
    setResult(null);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      if (signedIn) {
        const answer = await request<UploadAnswer>(href('/api/documents', { title: title.trim() || null }), { method: 'POST', body: form });
        setResult(answer);
        if (answer.source) navigate(`/documents/${encodeURIComponent(answer.source.id)}`);
      } else {
        const answer = await request<UploadAnswer>(href('/api/documents/suggest', { filename: file.name }), { method: 'POST', body: file, headers: { 'content-type': file.type || 'application/octet-stream' } });
        setResult(answer);
      }
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
      <h2 className="h3">{signedIn ? 'Add a document' : 'Suggest a document'}</h2>
      <p className="small muted">
        {signedIn
          ? 'A report or article as .txt, .html or .pdf. Extraction finds the people, organisations, countries, laws and figures it names; nothing joins the graph until it is reviewed.'
          : 'Analysts add documents; anyone may suggest one here. It waits for an analyst, who decides whether it enters the library.'}
      </p>
      <label htmlFor="doc-file">Document</label>
      <input id="doc-file" type="file" accept=".txt,.html,.htm,.pdf,text/plain,text/html,application/pdf" onChange={(e) => setFile(e.target.files?.[0] ?? null)} required />
      {signedIn ? (
        <>
          <label htmlFor="doc-title">Title (optional)</label>
          <input id="doc-title" type="text" maxLength={500} value={title} onChange={(e) => setTitle(e.target.value)} />
        </>
      ) : null}
      <button type="submit" className="primary" disabled={!file || busy}>
        {busy ? 'Reading the document…' : signedIn ? 'Upload and extract' : 'Suggest it'}
      </button>
      {error ? <ErrorNote error={error} what={signedIn ? 'The upload' : 'The suggestion'} /> : null}
      {result?.source ? (
        <p className="note note-ok" role="status">
          {result.status === 'existing' ? 'This document was submitted before.' : 'Document added.'} {result.review_items} claims wait for review.
        </p>
      ) : null}
      {result?.suggestion ? (
        <p className="note note-ok" role="status">
          {result.message}
        </p>
      ) : null}
    </form>
  );
}

/** In place of the suggestion form when the server does not take suggestions (or before it has said whether it does). */
export function SuggestionsClosed({ ready }: { ready: boolean }) {
  return (
    <div className="upload card">
      <h2 className="h3">Add a document</h2>
      {ready ? <p id="suggestions-closed" className="small muted">This server does not take document suggestions. Someone with an analyst account can add a document.</p> : null}
    </div>
  );
}

function Claims({ d }: { d: DocumentSummary }) {
  return (
    <span className="small">
      {d.claims.pending} pending · {d.claims.accepted} accepted · {d.claims.rejected} rejected
    </span>
  );
}

export function Library() {
  const { query } = useLocation();
  const update = useQueryUpdater();
  const q = query.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const { data, error, loading } = useApi<{ documents: DocumentSummary[]; total: number }>(href('/api/documents', { q: q || null, limit: 100 }));
  return (
    <section className="library" aria-labelledby="library-h">
      <h2 id="library-h">Library</h2>
      <form
        role="search"
        className="library-search"
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: draft.trim() || null }, { push: true });
        }}
      >
        <label htmlFor="library-q">Search the documents’ text</label>
        <input id="library-q" type="search" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder='e.g. shipyard Poland, "construction sites"' />
        <button type="submit" className="secondary">
          Search
        </button>
      </form>
      {error ? <ErrorNote error={error} what="The library" /> : null}
      {loading && !data ? <Loading what="Loading the library" /> : null}
      {data ? (
        <>
          <p className="small muted" aria-live="polite">
            {q ? `${data.total} ${data.total === 1 ? 'document matches' : 'documents match'} “${q}”` : `${data.total} ${data.total === 1 ? 'document' : 'documents'}`}
          </p>
          <ol className="doc-list">
            {data.documents.map((d) => (
              <li key={d.id}>
                <Link to={`/documents/${encodeURIComponent(d.id)}`}>{d.title}</Link>
                <p className="small muted">
                  {[d.publisher, d.published, d.format.toUpperCase()].filter(Boolean).join(' · ')}
                  <SourceLink url={d.url} />
                  {' · submitted by '}
                  {d.submitted_by} on {d.submitted_at.slice(0, 10)}
                </p>
                <Claims d={d} />
                {d.snippet ? (
                  <p className="snippet">
                    {d.snippet.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}

export function Suggestions() {
  const [refresh, setRefresh] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  const { data, error: loadError } = useApi<{ suggestions: Suggestion[] }>('/api/documents/suggestions?status=pending', refresh);
  // Suggestions that could not be loaded are not "none waiting".
  if (loadError) return <ErrorNote error={loadError} what="Loading the suggested documents" />;
  if (!data || data.suggestions.length === 0) return null;
  const decide = async (s: Suggestion, what: 'accept' | 'reject') => {
    try {
      await postJson(`/api/documents/suggestions/${encodeURIComponent(s.id)}/${what}`, {});
      setRefresh((r) => r + 1);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
    }
  };
  return (
    <section className="suggestions" aria-labelledby="suggestions-h">
      <h2 id="suggestions-h">Suggested documents</h2>
      <p className="small muted">Sent through the public door; nothing is extracted until an analyst accepts one.</p>
      <ul>
        {data.suggestions.map((s) => (
          <li key={s.id}>
            <strong>{s.filename ?? s.id}</strong> <span className="small muted">{fileSize(s.size)} · {s.suggested_at.slice(0, 10)}</span>
            {s.note ? <p className="small">{s.note}</p> : null}
            <button type="button" className="primary" onClick={() => void decide(s, 'accept')}>
              Accept into the library<span className="sr-only"> {s.filename ?? s.id}</span>
            </button>{' '}
            <button type="button" className="secondary danger" onClick={() => void decide(s, 'reject')}>
              Reject<span className="sr-only"> {s.filename ?? s.id}</span>
            </button>
          </li>
        ))}
      </ul>
      {error ? <ErrorNote error={error} what="The decision" /> : null}
    </section>
  );
}
