/**
 * One screening case: the list versions it stands on, its alerts from list
 * changes, its rows with their matches (each with its explanation, the
 * decision in force and a form to decide), the supplier-risk indicator of
 * each row's country, and the audit report (HTML, PDF).
 */
import { useState } from 'react';
import { ApiError, postJson, useApi } from '../api.ts';
import { Link } from '../router.tsx';
import { ErrorNote, Loading } from '../components/Status.tsx';
import { CorrectionNote } from '../components/Cite.tsx';
import { SignIn, useSession } from '../components/SignIn.tsx';
import { schemaName } from '../schemas.ts';
import type { CaseAlert, CaseRecord, CaseRowsPage, CaseRowView, ListVersionDetail, RunRecord, SupplierRisk } from '../../../src/server/wire.ts';

const DECISIONS = [['confirmed', 'Confirmed match'], ['false_positive', 'False positive'], ['needs_review', 'Needs review']] as const;
const CHANGE: Record<string, string> = { new_match: 'New match', delisted: 'Delisted', changed: 'Changed' };

function Decide({ name, row, entity, done }: { name: string; row: number; entity: string; done: () => void }) {
  // No decision is chosen for the analyst: a confirmed match is never dismissed by a default.
  const [decision, setDecision] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async () => {
    setError(null);
    try {
      await postJson(`/api/cases/${encodeURIComponent(name)}/decisions`, { row, entity_id: entity, decision, reason });
      setReason('');
      setDecision('');
      done();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
    }
  };
  return (
    <div className="decide">
      <select aria-label="decision" value={decision} onChange={(e) => setDecision(e.target.value)}>
        <option value="" disabled>Decide…</option>
        {DECISIONS.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>{' '}
      <input aria-label="reason" placeholder="why (kept in the audit trail)" value={reason} onChange={(e) => setReason(e.target.value)} />{' '}
      <button type="button" className="secondary" disabled={!decision || !reason.trim()} onClick={() => void submit()}>Record</button>
      {error ? <ErrorNote error={error} what="The decision" /> : null}
    </div>
  );
}

interface RescreenAnswer { rescreened: { versions: unknown[]; rows: number; alerts: number }[] }

/** "Re-screen now", with what came of it: how many rows and alerts, nothing new to screen against, or why it failed. */
function Rescreen({ base, done }: { base: string; done: () => void }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async () => {
    setBusy(true);
    setOutcome(null);
    setError(null);
    try {
      const r = await postJson<RescreenAnswer>(`${base}/rescreen`, {});
      const rows = r.rescreened.reduce((n, x) => n + x.rows, 0);
      const alerts = r.rescreened.reduce((n, x) => n + x.alerts, 0);
      setOutcome(r.rescreened.length
        ? `Re-screened ${rows} row${rows === 1 ? '' : 's'} against the new list versions: ${alerts} new alert${alerts === 1 ? '' : 's'}.`
        : 'No list version was imported since the last screening: nothing to re-screen.');
      done();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="secondary" disabled={busy} onClick={() => void run()}>{busy ? 'Re-screening…' : 'Re-screen against new list versions now'}</button>
      {outcome ? <span className="small" role="status"> {outcome}</span> : null}
      {error ? <ErrorNote error={error} what="Re-screening" /> : null}
    </>
  );
}

function Risk({ risk }: { risk: SupplierRisk[] }) {
  const known = risk.filter((r) => r.level !== 'none');
  if (!known.length) return null;
  return (
    <details className="risk">
      <summary>North Korean labour documented in {known.map((r) => r.country_name).join(', ')}{known.some((r) => r.level === 'sector') ? ' (this sector named)' : ''}</summary>
      {known.map((r) => (
        <div key={r.country}>
          <p className="small">{r.summary}</p>
          <ul className="small">
            {r.evidence.slice(0, 8).map((e, i) => (
              <li key={i}>
                {e.sector ? `${e.sector}: ` : ''}{e.quote ? `“${e.quote}”` : e.figure ?? 'deployment'} <span className="muted">({e.source.title}, {e.reliability})</span>
                <CorrectionNote correction={e.correction} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </details>
  );
}

function Row({ name, r, refresh }: { name: string; r: CaseRowView; refresh: () => void }) {
  return (
    <li className={r.results.some((m) => m.match) ? 'row-hit' : 'row-clear'}>
      <p className="row-head"><span className="muted">Row {r.row}:</span> <strong>{r.input.name}</strong>
        {Object.entries(r.input).filter(([k, v]) => k !== 'name' && v).map(([k, v]) => <span key={k} className="small muted"> · {k}: {v}</span>)}</p>
      <ul className="matches">
        {r.results.map((m) => (
          <li key={m.id} className={m.match ? 'match is-match' : 'match'}>
            <Link to={`/entity/${encodeURIComponent(m.id)}`}>{m.caption}</Link> <span className="schema-tag">{schemaName(m.schema)}</span>{' '}
            <span className="score">score {m.score.toFixed(2)}</span>{' '}
            {m.decision ? <span className="badge">{DECISIONS.find(([v]) => v === m.decision!.decision)?.[1]}: {m.decision.reason} ({m.decision.actor}, {m.decision.at.slice(0, 10)})</span> : null}
            <details className="why"><summary>Why this score</summary><ul>{m.explanation.map((e, i) => <li key={i}>{e.detail}</li>)}</ul></details>
            <Decide name={name} row={r.row} entity={m.id} done={refresh} />
          </li>
        ))}
      </ul>
      <Risk risk={r.risk} />
    </li>
  );
}

export default function CasePage({ name }: { name: string }) {
  const { session, ready } = useSession();
  const signedIn = Boolean(session?.user);
  const [tick, setTick] = useState(0);
  const [offset, setOffset] = useState(0);
  const base = `/api/cases/${encodeURIComponent(name)}`;
  const info = useApi<{ case: CaseRecord; lists: ListVersionDetail[]; runs: RunRecord[] }>(signedIn ? base : null, tick);
  const alerts = useApi<{ alerts: CaseAlert[] }>(signedIn ? `${base}/alerts` : null, tick);
  const rows = useApi<CaseRowsPage>(signedIn ? `${base}/rows?offset=${offset}&limit=50` : null, tick);
  const refresh = () => setTick((t) => t + 1);
  if (!signedIn) {
    return (
      <section className="case-page">
        <p className="small"><Link to="/cases">All cases</Link></p>
        <h1>{name}</h1>
        {ready ? <SignIn why="Sign in as an analyst to see this case and decide on its matches." /> : null}
      </section>
    );
  }
  return (
    <section className="case-page">
      <p className="small"><Link to="/cases">All cases</Link></p>
      <h1>{info.data?.case.name ?? name}</h1>
      {info.error ? <ErrorNote error={info.error} what="The case" /> : null}
      {info.data ? (
        <>
          <p className="small muted">{info.data.case.row_count} rows from {info.data.case.file_name}, threshold {info.data.case.threshold}, created {info.data.case.created_at} by {info.data.case.created_by}.</p>
          <p className="small">Screened against: {info.data.lists.map((l) => `${l.dataset} ${l.version} (published ${l.published ?? '?'})`).join('; ')}</p>
          <div className="actions">
            <a className="secondary" href={`${base}/report/html`} target="_blank" rel="noopener">Report (HTML)</a>{' '}
            <a className="secondary" href={`${base}/report/pdf`}>Report (PDF)</a>{' '}
            <Rescreen base={base} done={refresh} />
          </div>
        </>
      ) : null}
      <h2>Alerts from list changes</h2>
      {/* "No alerts" only when the server said so: a failed or pending answer is not an all-clear. */}
      {alerts.error ? <ErrorNote error={alerts.error} what="The alerts" /> : !alerts.data ? <Loading what="Loading the alerts" /> : alerts.data.alerts.length ? (
        <ul className="alerts">
          {alerts.data.alerts.map((a) => (
            <li key={`${a.row}-${a.entity_id}-${a.change}-${a.version}`}>
              <strong>{CHANGE[a.change]}</strong>{a.since_decision ? ' (changed since your decision)' : ''}: row {a.row}, <Link to={`/entity/${encodeURIComponent(a.entity_id)}`}>{a.caption}</Link>
              <span className="small muted"> · {a.list} {a.version} · {String(a.details.what ?? '')} · {a.at.slice(0, 16).replace('T', ' ')}</span>
            </li>
          ))}
        </ul>
      ) : <p className="muted">No alerts.</p>}
      <h2>Rows with a match or a decision</h2>
      {rows.error ? <ErrorNote error={rows.error} what="The rows" /> : null}
      {rows.data ? (
        <>
          <ol className="screen-results">{rows.data.rows.map((r) => <Row key={r.row} name={name} r={r} refresh={refresh} />)}</ol>
          <p className="actions">
            {offset > 0 ? <button type="button" className="secondary" onClick={() => setOffset(Math.max(0, offset - 50))}>Previous</button> : null}{' '}
            {offset + 50 < rows.data.total ? <button type="button" className="secondary" onClick={() => setOffset(offset + 50)}>Next</button> : null}
            <span className="small muted"> {rows.data.total} rows</span>
          </p>
        </>
      ) : null}
    </section>
  );
}
