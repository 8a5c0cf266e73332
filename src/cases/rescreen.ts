/**
 * Re-screening a case against a list change only. The versions imported
 * since the case was last screened give the entries added, changed and
 * removed; the rows screened again are those whose results name an entity
 * of those entries (or of its canonical group) and those sharing a name key
 * with an added or changed entry (keys.ts): every other row's answer cannot
 * have changed. Alerts: `new_match` (a row now matches an entity the change
 * touched), `delisted` (a match has no active designation left on any list),
 * `changed` (a match gained or lost a designation, programme or name). A
 * decided false positive stays quiet unless the entity gained something
 * since the decision; then it comes back as `changed`, marked so.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../store/db.ts';
import { appendAudit } from '../audit/log.ts';
import { parseScreeningOptions } from '../screen/options.ts';
import type { ScreeningService } from '../screen/service.ts';
import type { CsvRow } from '../screen/csv-input.ts';
import { screenBatch } from './create.ts';
import { changedSinceDecision, decisionKey, latestDecisions, type DecisionRecord } from './decisions.ts';
import { entityKeys } from './keys.ts';
import { describeChange, diffStates, groupsOf, hasGain, hasLoss, listStates, type ListState } from './state.ts';
import {
  caseLists, getCase, insertRun, pendingVersions, replaceResults, resultsOfRows, rowsByKeys, rowsOf, rowsWithResultsFor, setCaseLists,
  type CaseRecord, type ListVersionRef, type StoredResult,
} from './store.ts';
import { insertAlerts, type AlertChange, type NewAlert } from './alerts.ts';
import { listVersionDetails } from './versions.ts';

export interface RescreenOutcome {
  case: string;
  versions: ListVersionRef[];
  changes: number;
  rowsScreened: number;
  alerts: NewAlert[];
  durationMs: number;
}

interface ChangeRow { entry_id: string; entity_id: string; change: 'added' | 'changed' | 'removed'; dataset: string; version: string }

async function changesOf(q: Queryable, sourceIds: readonly string[]): Promise<ChangeRow[]> {
  return q.query<ChangeRow>('SELECT entry_id, entity_id, change, dataset, version FROM list_changes WHERE source_id = ANY($1::text[]) ORDER BY version', [sourceIds]);
}

/** Rows sharing a key with the names and identifiers of the added and changed entries. */
async function rowsNearEntries(q: Queryable, caseId: string, changes: readonly ChangeRow[]): Promise<number[]> {
  const wanted = changes.filter((c) => c.change !== 'removed');
  const keys = new Set<string>();
  for (let i = 0; i < wanted.length; i += 2000) {
    const part = wanted.slice(i, i + 2000);
    const rows = await q.query<{ names: unknown; identifiers: unknown }>(
      `SELECT snapshot->'names' AS names, snapshot->'identifiers' AS identifiers FROM list_entries
        WHERE (dataset, entry_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [part.map((c) => c.dataset), part.map((c) => c.entry_id)]);
    for (const r of rows) {
      const names = ((typeof r.names === 'string' ? JSON.parse(r.names) : r.names) as { value: string }[] | null) ?? [];
      const ids = ((typeof r.identifiers === 'string' ? JSON.parse(r.identifiers) : r.identifiers) as { value: string }[] | null) ?? [];
      for (const k of entityKeys(names.map((n) => n.value), ids.map((x) => x.value))) keys.add(k);
    }
  }
  const all = [...keys];
  const out = new Set<number>();
  for (let i = 0; i < all.length; i += 5000) for (const r of await rowsByKeys(q, caseId, all.slice(i, i + 5000))) out.add(r);
  return [...out];
}

/** What happened to one (row, entity) pair: an alert, or nothing. */
function judge(row: number, id: string, caption: string, before: StoredResult | undefined, after: StoredResult | undefined, now: ListState | null, decision: DecisionRecord | undefined): Omit<NewAlert, 'list' | 'version'> | null {
  const wasMatch = before?.match === true;
  const isMatch = after?.match === true;
  let change: AlertChange | null = null;
  const diff = diffStates(before?.state ?? null, now);
  if (wasMatch) {
    const hadDesignation = (before?.state?.designations.length ?? 0) > 0;
    if (hadDesignation && (now?.designations.length ?? 0) === 0) change = 'delisted';
    else if (before?.state && (hasGain(diff) || hasLoss(diff))) change = 'changed';
  } else if (isMatch) change = 'new_match';
  if (!change) return null;
  let sinceDecision = false;
  if (decision?.decision === 'false_positive') {
    if (!changedSinceDecision(decision, now)) return null;
    change = 'changed';
    sinceDecision = true;
  }
  const sinceWhat = sinceDecision ? diffStates(decision!.state, now) : diff;
  return {
    row, entity_id: id, caption, change, since_decision: sinceDecision,
    details: {
      what: change === 'new_match' ? `now matches at ${after?.score}` : change === 'delisted' ? 'no active designation left on any list' : describeChange(sinceWhat),
      gained: sinceWhat.gained, lost: sinceWhat.lost, score: after?.score ?? null, previous_score: before?.score ?? null,
      decision: decision ? { decision: decision.decision, by: decision.actor, at: decision.at, reason: decision.reason } : null,
      ...(sinceDecision ? { note: 'changed since your decision' } : {}),
    },
  };
}

export async function rescreenCase(db: Db, service: ScreeningService, caseName: string, actor = 'system'): Promise<RescreenOutcome | null> {
  const c = await getCase(db, caseName);
  if (c.status !== 'ready') return null;
  const pending = await pendingVersions(db, c.id);
  if (!pending.length) return null;
  const t0 = performance.now();
  const started = new Date();
  const before = await caseLists(db, c.id);
  const changes = await changesOf(db, pending.map((p) => p.source_id));
  const changed = [...new Set(changes.map((x) => x.entity_id))];
  const changedGroups = await groupsOf(db, changed);
  const affected = new Set([...changedGroups.values()].flat());
  const rowSet = new Set([...await rowsWithResultsFor(db, c.id, [...affected]), ...await rowsNearEntries(db, c.id, changes)]);
  const rowNos = [...rowSet].sort((a, b) => a - b);
  const options = parseScreeningOptions({ threshold: c.threshold, cutoff: c.cutoff, limit: c.result_limit, dataset: c.dataset, algorithm: c.algorithm });
  const oldResults = await resultsOfRows(db, c.id, rowNos);
  const rows: CsvRow[] = (await rowsOf(db, c.id, rowNos)).map((r) => ({ row: r.row_no, input: r.input }));
  const states = new Map<string, ListState | null>();
  const { results } = await screenBatch(db, service, rows, options, states);
  const decisions = await latestDecisions(db, c.id, rowNos);
  const resultIds = [...new Set([...oldResults, ...results].map((r) => r.id))];
  const groups = await groupsOf(db, resultIds);
  const lastChange = new Map<string, ChangeRow>();
  for (const ch of changes) lastChange.set(ch.entity_id, ch);
  const changeOf = (id: string) => (groups.get(id) ?? [id]).map((m) => lastChange.get(m)).filter((x): x is ChangeRow => !!x).sort((a, b) => a.version.localeCompare(b.version)).at(-1);
  const touchedIds = resultIds.filter((id) => changeOf(id));
  const now = await listStates(db, touchedIds);
  const key = (r: { row_no: number; id: string }) => `${r.row_no}|${r.id}`;
  const oldBy = new Map(oldResults.map((r) => [key(r), r]));
  const newBy = new Map(results.map((r) => [key(r), r]));
  const alerts: NewAlert[] = [];
  for (const k of new Set([...oldBy.keys(), ...newBy.keys()])) {
    const b = oldBy.get(k);
    const a = newBy.get(k);
    const r = (a ?? b)!;
    const ch = changeOf(r.id);
    if (!ch) continue;
    const judged = judge(r.row_no, r.id, r.caption, b, a, now.get(r.id) ?? null, decisions.get(decisionKey(r.row_no, r.id)));
    if (judged) alerts.push({ ...judged, list: ch.dataset, version: ch.version });
  }
  // Matches keep the list state they have now, so the next change is told from this one.
  for (const r of results) if (r.match && now.has(r.id)) r.state = now.get(r.id) ?? null;
  const latest = new Map<string, ListVersionRef>();
  for (const p of pending) latest.set(p.dataset, p);
  const runId = `run-${randomUUID()}`;
  const finished = new Date();
  const written = await db.transaction(async (tx) => {
    // Another worker may have done this case meanwhile: then nothing is written twice.
    const still = await caseLists(tx, c.id);
    if (JSON.stringify(still) !== JSON.stringify(before)) return false;
    await replaceResults(tx, c.id, rowNos, results);
    await insertAlerts(tx, c.id, runId, alerts.map((x) => ({ ...x, id: alertId(c, x) })));
    await setCaseLists(tx, c.id, [...latest.values()]);
    const all = await caseLists(tx, c.id);
    await insertRun(tx, {
      id: runId, case_id: c.id, kind: 'rescreen', actor, started_at: started.toISOString(), finished_at: finished.toISOString(),
      duration_ms: Math.round(performance.now() - t0), threshold: c.threshold, algorithm: c.algorithm,
      list_versions: await listVersionDetails(tx, all.map((l) => l.source_id)), trigger: { versions: pending, changes: changes.length },
      rows_screened: rowNos.length, rows_with_match: new Set(results.filter((r) => r.match).map((r) => r.row_no)).size, alerts: alerts.length,
    });
    await appendAudit(tx, { actor, action: 'case.rescreen', target: c.id, meta: { versions: pending.map((p) => p.source_id), changes: changes.length, rows: rowNos.length, alerts: alerts.length } });
    return true;
  });
  if (!written) return null;
  return { case: c.name, versions: pending, changes: changes.length, rowsScreened: rowNos.length, alerts, durationMs: Math.round(performance.now() - t0) };
}

function alertId(c: CaseRecord, a: NewAlert): string {
  return `alert-${createHash('sha256').update([c.id, a.row, a.entity_id, a.change, a.list, a.version].join('\u0000')).digest('hex').slice(0, 24)}`;
}
