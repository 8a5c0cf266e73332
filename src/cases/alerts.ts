/**
 * A case's alerts: what a list change did to its matches, in the shape of the
 * contract (`{"alerts":[{"row","entity_id","caption","change","list","version","at"}]}`,
 * DESIGN.md) with room39's additions (whether it is back since a decision,
 * what changed); and their delivery to the case's webhook as JSON, retried
 * until delivered.
 */
import type { Db, Queryable } from '../store/db.ts';
import { invalidOption } from '../errors.ts';
import { getCase } from './store.ts';

export type AlertChange = 'new_match' | 'delisted' | 'changed';

export interface NewAlert {
  row: number;
  entity_id: string;
  caption: string;
  change: AlertChange;
  list: string;
  version: string;
  since_decision: boolean;
  details: Record<string, unknown>;
}

export interface CaseAlert extends NewAlert {
  id: string;
  at: string;
  delivered_at: string | null;
}

export async function insertAlerts(q: Queryable, caseId: string, runId: string, alerts: readonly (NewAlert & { id: string })[]): Promise<void> {
  for (let i = 0; i < alerts.length; i += 2000) {
    const part = alerts.slice(i, i + 2000);
    await q.query(
      `INSERT INTO case_alerts (id, case_id, run_id, row_no, entity_id, caption, change, list, version, since_decision, details)
       SELECT a.id, $1, $2, a.row_no, a.entity_id, a.caption, a.change, a.list, a.version, a.since_decision, a.details::jsonb
         FROM unnest($3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::bool[], $11::text[])
           AS a(id, row_no, entity_id, caption, change, list, version, since_decision, details)
       ON CONFLICT (id) DO NOTHING`,
      [caseId, runId, part.map((a) => a.id), part.map((a) => a.row), part.map((a) => a.entity_id), part.map((a) => a.caption), part.map((a) => a.change),
        part.map((a) => a.list), part.map((a) => a.version), part.map((a) => a.since_decision), part.map((a) => JSON.stringify(a.details))]);
  }
}

interface AlertRow { id: string; row_no: number; entity_id: string; caption: string; change: AlertChange; list: string; version: string; at: unknown; since_decision: boolean; details: unknown; delivered_at: unknown }

const iso = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

export async function alertsOf(q: Queryable, caseId: string, opts: { since?: string | null; undelivered?: boolean } = {}): Promise<CaseAlert[]> {
  const rows = await q.query<AlertRow>(
    `SELECT id, row_no, entity_id, caption, change, list, version, at, since_decision, details, delivered_at FROM case_alerts
      WHERE case_id = $1 AND ($2::timestamptz IS NULL OR at >= $2) AND ($3::bool = false OR delivered_at IS NULL)
      ORDER BY at, row_no, entity_id`,
    [caseId, opts.since ?? null, opts.undelivered === true]);
  return rows.map((r) => ({
    id: r.id, row: r.row_no, entity_id: r.entity_id, caption: r.caption, change: r.change, list: r.list, version: r.version, at: iso(r.at)!,
    since_decision: r.since_decision, details: (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as Record<string, unknown>, delivered_at: iso(r.delivered_at),
  }));
}

/** The contract's JSON for `room39 case alerts NAME --json` and `GET /api/cases/{name}/alerts`. */
export async function caseAlerts(q: Queryable, name: string, since: string | null = null): Promise<{ case: string; alerts: CaseAlert[] }> {
  const c = await getCase(q, name);
  if (since !== null && Number.isNaN(Date.parse(since))) throw invalidOption('since', `"${since.slice(0, 30)}" is not a date or time`);
  return { case: c.name, alerts: await alertsOf(q, c.id, { since }) };
}

/** Sends the case's undelivered alerts to its webhook as one JSON document; records delivery or the error. */
export async function deliverAlerts(db: Db, caseId: string, fetcher: typeof fetch = fetch): Promise<{ sent: number; error: string | null }> {
  const [c] = await db.query<{ name: string; webhook_url: string | null }>('SELECT name, webhook_url FROM cases WHERE id = $1', [caseId]);
  if (!c?.webhook_url) return { sent: 0, error: null };
  const pending = await alertsOf(db, caseId, { undelivered: true });
  if (!pending.length) return { sent: 0, error: null };
  const body = JSON.stringify({
    case: c.name,
    alerts: pending.map(({ row, entity_id, caption, change, list, version, at, since_decision, details }) => ({ row, entity_id, caption, change, list, version, at, since_decision, details })),
  });
  let error: string | null = null;
  try {
    const res = await fetcher(c.webhook_url, { method: 'POST', body, headers: { 'content-type': 'application/json', 'user-agent': 'room39-case-alerts' }, signal: AbortSignal.timeout(10_000), redirect: 'error' });
    if (!res.ok) error = `the webhook answered ${res.status}`;
  } catch (e) {
    error = `the webhook could not be reached (${e instanceof Error ? e.message : String(e)})`.slice(0, 300);
  }
  const ids = pending.map((a) => a.id);
  if (error) await db.query('UPDATE case_alerts SET delivery_error = $2 WHERE id = ANY($1::text[])', [ids, error]);
  else await db.query('UPDATE case_alerts SET delivered_at = now(), delivery_error = NULL WHERE id = ANY($1::text[])', [ids]);
  return { sent: error ? 0 : pending.length, error };
}
