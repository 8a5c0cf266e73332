/**
 * Screening cases: the saved screenings, and a new one from a CSV (any
 * encoding or separator) or .xlsx. The file is read first and its columns
 * shown with the field each is read as, for the analyst to confirm or change
 * before the case is created.
 */
import { useState } from 'react';
import { ApiError, request, useApi } from '../api.ts';
import { Link, navigate } from '../router.tsx';
import { ErrorNote } from '../components/Status.tsx';
import { mayWork, SignIn, useSession, ViewerNote } from '../components/SignIn.tsx';
import { INPUT_FIELDS, type CaseRecord, type CsvRow, type InputInfo } from '../../../src/server/wire.ts';

interface Preview { info: InputInfo | null; rows: number; sample: CsvRow[]; warnings: string[] }

function NewCase() {
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [threshold, setThreshold] = useState('');
  const [webhook, setWebhook] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const form = (withMapping: boolean) => {
    const f = new FormData();
    f.set('file', file!);
    if (withMapping) f.set('mapping', JSON.stringify(Object.fromEntries(Object.entries(mapping).map(([h, v]) => [h, v === '' ? null : v]))));
    return f;
  };
  const read = async (chosen: File) => {
    setFile(chosen);
    setPreview(null);
    setError(null);
    const f = new FormData();
    f.set('file', chosen);
    try {
      const p = await request<Preview>('/api/cases/preview', { method: 'POST', body: f });
      setPreview(p);
      setMapping(Object.fromEntries((p.info?.mapping ?? []).map((m) => [m.header, m.field ?? ''])));
      if (!name) setName(chosen.name.replace(/\.[^.]+$/, ''));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
    }
  };
  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const f = form(true);
      f.set('name', name);
      if (threshold.trim()) f.set('threshold', threshold.trim());
      if (webhook.trim()) f.set('webhook', webhook.trim());
      const r = await request<{ case: CaseRecord }>('/api/cases', { method: 'POST', body: f });
      navigate(`/cases/${encodeURIComponent(r.case.name)}`);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="new-case-h">
      <h2 id="new-case-h">New case</h2>
      <label htmlFor="case-file">A CSV (UTF-8, UTF-16, Windows-1252 or CP949; comma, semicolon, tab or pipe) or an .xlsx workbook</label>
      <input id="case-file" type="file" accept=".csv,.txt,.tsv,.xlsx,text/csv" onChange={(e) => { const f = e.target.files?.[0]; if (f) void read(f); }} />
      {preview?.info ? (
        <>
          <p className="small muted">
            {preview.rows} rows, read as {preview.info.format}{preview.info.encoding ? `, ${preview.info.encoding}` : ''}{preview.info.delimiter ? `, ${preview.info.delimiter}-separated` : ''}
            {preview.info.sheet ? `, sheet “${preview.info.sheet}”` : ''}. {preview.warnings.join(' ')}
          </p>
          <table className="mapping">
            <caption>Confirm what each column is</caption>
            <thead><tr><th>column in the file</th><th>read as</th><th>first values</th></tr></thead>
            <tbody>
              {preview.info.mapping.map((m) => (
                <tr key={m.header}>
                  <td>{m.header}</td>
                  <td>
                    <select aria-label={`field for column ${m.header}`} value={mapping[m.header] ?? ''} onChange={(e) => setMapping({ ...mapping, [m.header]: e.target.value })}>
                      <option value="">(not read)</option>
                      {INPUT_FIELDS.map((f) => <option key={f} value={f}>{f}</option>)}
                    </select>
                  </td>
                  <td className="small muted">{m.field ? preview.sample.slice(0, 3).map((s) => s.input[m.field!] ?? '').filter(Boolean).join(' · ') : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="two">
            <div><label htmlFor="case-name">Case name</label><input id="case-name" value={name} onChange={(e) => setName(e.target.value)} /></div>
            <div><label htmlFor="case-threshold">Match threshold (blank for the default)</label><input id="case-threshold" type="number" min={0} max={1} step={0.01} value={threshold} onChange={(e) => setThreshold(e.target.value)} /></div>
          </div>
          <label htmlFor="case-webhook">Webhook URL for alerts (optional)</label>
          <input id="case-webhook" type="url" value={webhook} onChange={(e) => setWebhook(e.target.value)} placeholder="https://…" />
          <button type="button" className="primary" disabled={busy || !name.trim() || !Object.values(mapping).includes('name')} onClick={() => void create()}>
            {busy ? 'Screening…' : 'Create the case'}
          </button>
        </>
      ) : null}
      {error ? <ErrorNote error={error} what={preview ? 'Creating the case' : 'Reading the file'} /> : null}
    </section>
  );
}

export default function CasesPage() {
  const { session, ready } = useSession();
  const signedIn = mayWork(session);
  // Cases hold a customer's or supplier's own lists: an analyst signs in here, then they are fetched.
  const cases = useApi<{ cases: CaseRecord[] }>(signedIn ? '/api/cases' : null);
  const lead = (
    <p className="lead">
      A case keeps a screening: its rows, results, the list versions it was screened against and your decisions. When a list changes, the case is
      re-screened against the change and you get alerts; a match you decided is a false positive stays quiet unless the listed entity changes. A case is yours: other analysts neither see nor change it (admins can).
    </p>
  );
  if (!signedIn) {
    return (
      <section className="cases-page">
        <h1>Screening cases</h1>
        {lead}
        {session?.user ? <ViewerNote session={session} what="keeping screening cases" /> : null}
        {ready ? <SignIn why="Sign in as an analyst to see the screening cases, create one and decide on its matches." /> : null}
      </section>
    );
  }
  return (
    <section className="cases-page">
      <h1>Screening cases</h1>
      {lead}
      <SignIn why="" />
      {cases.error ? <ErrorNote error={cases.error} what="The cases" /> : null}
      {cases.data ? (
        cases.data.cases.length ? (
          <ul className="case-list">
            {cases.data.cases.map((c, _i, all) => (
              <li key={c.id}>
                {/* Names are unique per owner only: an admin sees cases of several analysts named alike, each reached by its id. */}
                <Link to={`/cases/${encodeURIComponent(all.some((o) => o.id !== c.id && o.name === c.name) ? c.id : c.name)}`}>{c.name}</Link>{' '}
                <span className="small muted">{c.row_count} rows · {c.status} · created {c.created_at.slice(0, 10)} by {c.created_by}</span>
              </li>
            ))}
          </ul>
        ) : <p className="muted">No case yet.</p>
      ) : null}
      <NewCase />
    </section>
  );
}
