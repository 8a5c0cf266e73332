/**
 * The resolver's review queue: the cross-reference job's candidate pairs,
 * both records side by side with the score and its explanation; an editor
 * judges each pair the same entity, different, or unsure (kept as a
 * judgement that can be undone from the entity page). Figures at the top:
 * entities, records merged, open candidates, judgements.
 */
import { useState } from 'react';
import { ApiError, postJson, request, useApi } from '../api.ts';
import { Link, href, useLocation, useQueryUpdater } from '../router.tsx';
import type { CandidateView, Judgement, JudgeResult, RecordSummary, ResolutionStats, XrefState } from '../../../src/server/wire.ts';
import { ErrorNote, Loading } from '../components/Status.tsx';
import { SignIn, useSession } from '../components/SignIn.tsx';
import { humanize } from '../format.ts';
import { schemaName } from '../schemas.ts';

const SHOW = ['name', 'alias', 'previousName', 'birthDate', 'birthPlace', 'nationality', 'country', 'position', 'passportNumber', 'idNumber', 'imoNumber', 'registrationNumber', 'swiftBic', 'program', 'address'];
/** The longest note a judgement keeps (NOTE_MAX of src/store/resolver.ts). */
const NOTE_MAX = 2000;
const EDITOR = new Set(['editor', 'admin']);

function RecordCard({ r }: { r: RecordSummary }) {
  return (
    <div className="card record">
      <h3>
        <Link to={`/entity/${encodeURIComponent(r.id)}`}>{r.caption}</Link> <span className="schema-tag">{schemaName(r.schema)}</span>
      </h3>
      <p className="small muted">
        <code>{r.id}</code> · {r.datasets.join(', ')}
        {r.canonical_id !== r.id ? <> · part of <Link to={`/entity/${encodeURIComponent(r.canonical_id)}`}>{r.canonical_id}</Link></> : null}
      </p>
      <dl className="props compact">
        {SHOW.filter((p) => r.properties[p]?.length).map((p) => (
          <div key={p}>
            <dt>{humanize(p)}</dt>
            <dd>{r.properties[p]!.join(' · ')}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

const WORD: Record<string, string> = { positive: 'same entity', negative: 'different', unsure: 'unsure' };

/** What a judgement undid, said after it (someone else may have judged the pair since this page was loaded: overruling them is never silent). */
async function undoneNotice(c: CandidateView, r: JudgeResult): Promise<string | null> {
  if (!r.undone.length) return null;
  const about = await request<{ judgements: Judgement[] }>(`/api/resolve/entities/${encodeURIComponent(c.left.id)}`).catch(() => ({ judgements: [] as Judgement[] }));
  const said = r.undone.map((id) => {
    const j = about.judgements.find((x) => x.id === id);
    return j ? `${WORD[j.judgement] ?? j.judgement} on ${j.left_id} and ${j.right_id} by ${j.rule ? `rule ${humanize(j.rule)}` : j.made_by}` : id;
  });
  return `Your judgement on ${c.left.id} and ${c.right.id} replaced: ${said.join('; ')}.`;
}

function Candidate({ c, canJudge, onDone }: { c: CandidateView; canJudge: boolean; onDone: (notice: string | null) => void }) {
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const judge = async (judgement: 'same' | 'different' | 'unsure') => {
    setBusy(true);
    setError(null);
    try {
      const r = await postJson<JudgeResult>('/api/resolve/judgements', { a: c.left.id, b: c.right.id, judgement, note: note.trim() || null });
      onDone(await undoneNotice(c, r));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className="candidate">
      <p>
        <strong>score {c.score.toFixed(2)}</strong> {c.proposed ? <span className="badge badge-active">proposed merge</span> : <span className="badge">to check</span>}
      </p>
      <div className="pair">
        <RecordCard r={c.left} />
        <RecordCard r={c.right} />
      </div>
      <ul className="explanation small">
        {c.explanation.map((x, i) => (
          <li key={i}>
            {humanize(x.feature)}: {x.detail}
          </li>
        ))}
      </ul>
      {canJudge ? (
        <p className="actions">
          <label>
            Why (kept with the judgement){' '}
            <input type="text" value={note} maxLength={NOTE_MAX} size={50} onChange={(e) => setNote(e.target.value)} />
          </label>{' '}
          <button type="button" disabled={busy} onClick={() => void judge('same')}>Same entity</button>{' '}
          <button type="button" className="secondary" disabled={busy} onClick={() => void judge('different')}>Different</button>{' '}
          <button type="button" className="secondary" disabled={busy} onClick={() => void judge('unsure')}>Unsure</button>
        </p>
      ) : null}
      {error ? <ErrorNote error={error} what="This judgement" /> : null}
    </li>
  );
}

function Figures({ s }: { s: ResolutionStats }) {
  const people = Object.entries(s.judgements.by_people).map(([k, n]) => `${n} ${k}`).join(', ') || 'none yet';
  return (
    <p className="lead">
      {s.canonical_entities.toLocaleString()} entities from {s.records.toLocaleString()} records; {s.records_merged} records merged into {s.merged_entities} entities;{' '}
      {s.open_candidates} open candidates ({s.open_proposed} proposed). Judgements by rule: {Object.values(s.judgements.by_rule).reduce((a, b) => a + b, 0)}; by people: {people}.
    </p>
  );
}

/**
 * Whether the queue is filled: the cross-reference job never ran (a fresh store: the lists' imports do not run it), or
 * lists were imported since it ran; with an empty queue, why it is empty. Says what to do about it.
 */
function XrefNote({ x, empty, canJudge }: { x: XrefState; empty: boolean; canJudge: boolean }) {
  const lists = x.lists_since.slice(0, 4).map((v) => `${v.list} ${v.version}`).join(', ') + (x.lists_since.length > 4 ? ' …' : '');
  const when = x.ran_at ? `${x.ran_at.slice(0, 16).replace('T', ' ')} UTC` : '';
  const how = canJudge
    ? 'Run the cross-reference job (the button above; a few seconds per 10,000 records) and the pairs it finds appear here.'
    : 'An editor runs the cross-reference job: sign in as one above.';
  if (x.state === 'never_run') {
    return <p className="note xref-state">Nothing to review yet: the cross-reference job has not run on this store{lists ? ` (lists imported: ${lists})` : ''}, so nothing has looked for records that may be one entity. {how}</p>;
  }
  if (x.state === 'out_of_date') {
    return <p className="note xref-state">The cross-reference job last ran {when}; imported since: {lists}, whose records it has not looked at. {how}</p>;
  }
  if (!empty) return null;
  return <p className="xref-state">No open candidates: {x.candidates ? `every pair the cross-reference job found (${when}) is judged.` : `the cross-reference job (${when}) found no pair to review.`}</p>;
}

export default function ResolvePage() {
  const { session } = useSession();
  const { query } = useLocation();
  const update = useQueryUpdater();
  const [refresh, setRefresh] = useState(0);
  const [running, setRunning] = useState(false);
  const [xrefError, setXrefError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const proposed = query.get('proposed') === '1';
  const offset = Number(query.get('offset') ?? 0) || 0;
  const stats = useApi<ResolutionStats>('/api/resolve', refresh);
  const list = useApi<{ total: number; proposed: number; candidates: CandidateView[]; xref: XrefState }>(href('/api/resolve/candidates', { limit: 20, offset, proposed: proposed ? 'true' : null }), refresh);
  const canJudge = EDITOR.has(session?.user?.role ?? '');
  const runXref = async () => {
    setRunning(true);
    setXrefError(null);
    try {
      await postJson('/api/resolve/xref', {});
      setRefresh((n) => n + 1);
    } catch (e) {
      setXrefError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
    } finally {
      setRunning(false);
    }
  };
  return (
    <section className="resolve-page">
      <h1>Resolve: one entity per real person or company</h1>
      {stats.data ? <Figures s={stats.data} /> : stats.error ? <ErrorNote error={stats.error} what="Counting the entities" /> : <Loading what="Counting" />}
      <p className="small muted">
        Records of the lists and the seed graph are joined by rules (a shared passport, a name and a birth date…) and by people. A candidate below is a pair the
        cross-reference job found; names alone never merge two people. Every judgement can be undone from the entity page.
      </p>
      <div className="card">
        {canJudge ? (
          <button type="button" disabled={running} onClick={() => void runXref()}>
            {running ? 'Cross-referencing…' : 'Run the cross-reference job'}
          </button>
        ) : (
          <SignIn why="Sign in as an editor to judge candidates." />
        )}{' '}
        <label>
          <input type="checkbox" checked={proposed} onChange={(e) => update({ proposed: e.target.checked ? '1' : null, offset: null })} /> proposed merges only
        </label>
      </div>
      {notice ? <p className="note" role="status">{notice}</p> : null}
      {xrefError ? <ErrorNote error={xrefError} what="The cross-reference job" /> : null}
      {list.error ? <ErrorNote error={list.error} what="The candidates" /> : null}
      {list.data ? (
        list.data.candidates.length ? (
          <>
            <XrefNote x={list.data.xref} empty={false} canJudge={canJudge} />
            <p>
              {offset + 1}–{offset + list.data.candidates.length} of {list.data.total} open candidates.
            </p>
            <ol className="candidates">
              {list.data.candidates.map((c) => (
                <Candidate key={`${c.left.id}|${c.right.id}`} c={c} canJudge={canJudge} onDone={(n) => { setNotice(n); setRefresh((x) => x + 1); }} />
              ))}
            </ol>
            <p className="actions">
              {offset > 0 ? <button type="button" className="secondary" onClick={() => update({ offset: Math.max(0, offset - 20) || null })}>Previous</button> : null}{' '}
              {offset + 20 < list.data.total ? <button type="button" className="secondary" onClick={() => update({ offset: offset + 20 })}>Next</button> : null}
            </p>
          </>
        ) : (
          <XrefNote x={list.data.xref} empty canJudge={canJudge} />
        )
      ) : list.error ? null : (
        <Loading what="Loading the candidates" />
      )}
    </section>
  );
}
