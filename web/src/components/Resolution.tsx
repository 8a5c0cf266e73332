/**
 * On an entity page: the records behind the entity (each list's and the
 * seed graph's) with the judgements that join them or keep others apart,
 * each with its rule or person, date and evidence, and an undo for editors;
 * and every designation of its records, current or ended, with its list,
 * programme and dates ("removed from the UN list on 2026-03-15").
 */
import { useState } from 'react';
import { ApiError, postJson } from '../api.ts';
import { Link } from '../router.tsx';
import type { DesignationView, Judgement } from '../../../src/server/wire.ts';
import { ErrorNote } from './Status.tsx';
import { useSession } from './SignIn.tsx';
import { humanize } from '../format.ts';

const WORD: Record<string, string> = { positive: 'same entity', negative: 'different entities', unsure: 'unsure' };

function evidenceText(j: Judgement): string {
  const e = j.evidence;
  const parts: string[] = [];
  for (const [k, v] of Object.entries(e)) {
    // Nothing to say of an empty value ("Countries: " with none).
    if (['rule', 'records', 'names', 'explanation'].includes(k) || v == null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    parts.push(`${humanize(k)}: ${Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
  }
  return parts.join('; ');
}

function JudgementRow({ j, canUndo, onChange }: { j: Judgement; canUndo: boolean; onChange: () => void }) {
  const [error, setError] = useState<ApiError | null>(null);
  const undo = async () => {
    try {
      await postJson(`/api/resolve/judgements/${encodeURIComponent(j.id)}/undo`, {});
      onChange();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
    }
  };
  return (
    <li className={j.undone_at ? 'muted' : undefined}>
      <Link to={`/entity/${encodeURIComponent(j.left_id)}`}>{j.left_id}</Link> and <Link to={`/entity/${encodeURIComponent(j.right_id)}`}>{j.right_id}</Link>:{' '}
      <strong>{WORD[j.judgement] ?? j.judgement}</strong>, {j.rule ? `rule ${humanize(j.rule)}` : `judged by ${j.made_by}`} on {j.created_at.slice(0, 10)}
      {evidenceText(j) ? <span className="small"> ({evidenceText(j)})</span> : null}
      {j.undone_at ? <span className="small"> · undone {j.undone_at.slice(0, 10)} by {j.undone_by}{j.undo_reason ? `: ${j.undo_reason}` : ''}</span> : null}
      {canUndo && !j.undone_at ? (
        <>
          {' '}
          <button type="button" className="linklike" onClick={() => void undo()}>
            Undo
          </button>
        </>
      ) : null}
      {error ? <ErrorNote error={error} what="Undo" /> : null}
    </li>
  );
}

export function RecordsBehind({ referents, judgements, requestedId, onChange }: { referents: string[]; judgements: Judgement[]; requestedId: string | null; onChange: () => void }) {
  const { session } = useSession();
  const canUndo = ['editor', 'admin'].includes(session?.user?.role ?? '');
  if (referents.length <= 1 && judgements.length === 0) return null;
  return (
    <section aria-labelledby="records-h">
      <h2 id="records-h">Records behind this entity</h2>
      {requestedId ? (
        <p className="note" role="status">
          <code>{requestedId}</code> is one of this entity’s records: its address leads here.
        </p>
      ) : null}
      <p>
        {referents.map((r, i) => (
          <span key={r}>
            {i > 0 ? ', ' : ''}
            <code>{r}</code>
          </span>
        ))}
      </p>
      {judgements.length ? (
        <ul className="judgements small">
          {judgements.map((j) => (
            <JudgementRow key={j.id} j={j} canUndo={canUndo} onChange={onChange} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export function Designations({ list }: { list: DesignationView[] }) {
  if (list.length === 0) return null;
  return (
    <section aria-labelledby="designations-h">
      <h2 id="designations-h">Designations</h2>
      <ul className="cards">
        {list.map((d) => (
          <li key={`${d.record}-${d.entry_id ?? d.source.id}`} className="card sanction">
            <h3>
              {d.authority ?? d.source.title} {d.entry_id ? <code>{d.entry_id}</code> : null}
              {d.status === 'ended' ? <span className="badge badge-ended">ended {d.ended_on}</span> : <span className="badge badge-active">current</span>}
            </h3>
            <p className="small">
              {d.programs.length ? `Programme ${d.programs.join(', ')}. ` : ''}
              {d.listed_on ? `Listed on ${d.listed_on}. ` : ''}
              {d.first_seen ? `In the list from the version of ${d.first_seen}` : ''}
              {d.status === 'ended' ? `; no longer in the version of ${d.ended_on}.` : d.last_seen && d.last_seen !== d.first_seen ? ` to that of ${d.last_seen}.` : d.first_seen ? '.' : ''} Record <code>{d.record}</code> ·{' '}
              {d.source.title}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
