/**
 * Re-screening a case against a list change only. The versions imported
 * since the case was last screened give the entries added, changed and
 * removed; the rows screened again are those the change concerns, found from
 * the change's side (rescreen-rows.ts): rows whose results name an entity of
 * a changed entry's group, and rows where a touched entity's new version
 * scores against the row. Those rows are screened in full, so their results
 * are a full re-screening's; only rows whose results differ are written.
 * Alerts: `new_match` (a row now matches an entity the change touched),
 * `delisted` (a match has no active designation left on any list),
 * `changed` (a match gained or lost a designation, programme or name). A
 * decided false positive stays quiet unless the entity gained something
 * since the decision; then it comes back as `changed`, marked so.
 * `{ full: true }` screens every row instead (the reference the incremental
 * way is tested against, test/cases/incremental.test.ts).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../store/db.ts';
import { appendAudit } from '../audit/log.ts';
import { parseScreeningOptions, type ScreeningOptions } from '../screen/options.ts';
import type { ScreeningService } from '../screen/service.ts';
import { screenRow, type ScreenMatch } from '../screen/screen.ts';
import { changedSinceDecision, decisionKey, latestDecisions, type DecisionRecord } from './decisions.ts';
import { describeChange, diffStates, groupsOf, hasGain, hasLoss, listStates, type ListState } from './state.ts';
import {
  caseLists, getCase, insertRun, pendingVersions, resultsOfRows, rowsOf, setCaseLists, updateResults,
  type CaseRecord, type ListVersionRef, type StoredResult, type StoredRow,
} from './store.ts';
import { inputKey, rowsConcerned } from './rescreen-rows.ts';
import { insertAlerts, type AlertChange, type NewAlert } from './alerts.ts';
import { listVersionDetails } from './versions.ts';

export interface RescreenOutcome {
  case: string;
  versions: ListVersionRef[];
  changes: number;
  rowsScreened: number;
  /** The rows screened again. */
  rows: number[];
  /** Rows whose stored results changed. */
  rowsRewritten: number;
  /** How the rows were chosen (the way, and how many each step found). */
  selection: Record<string, number | string>;
  /** Milliseconds spent choosing rows, screening them, comparing and judging, writing. */
  phasesMs: { select: number; screen: number; judge: number; write: number };
  alerts: NewAlert[];
  durationMs: number;
}

interface ChangeRow { entry_id: string; entity_id: string; change: 'added' | 'changed' | 'removed'; dataset: string; version: string }

async function changesOf(q: Queryable, sourceIds: readonly string[]): Promise<ChangeRow[]> {
  return q.query<ChangeRow>(
    `SELECT c.entry_id, c.entity_id, c.change, c.dataset, c.version FROM list_changes c LEFT JOIN list_versions v ON v.source_id = c.source_id
      WHERE c.source_id = ANY($1::text[]) ORDER BY v.imported_at, c.version`, [sourceIds]);
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

export interface RescreenOptions {
  /** Screen every row again, not only those the change concerns. */
  full?: boolean;
  /** Screen rows of the same input once (default); false screens each (to measure what the shortcut saves). */
  sameInputOnce?: boolean;
}

/** A result as stored, in a form that compares equal when nothing stored would change. */
function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${stable(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}
const storedForm = (r: StoredResult) => stable([r.id, r.caption, r.schema, r.score, r.match, r.datasets, r.explanation, r.flags, r.state]);

/** The (row, entity) results to write (new or different) and to delete (gone), and the rows they are in. */
function resultChanges(before: ReadonlyMap<string, StoredResult>, after: ReadonlyMap<string, StoredResult>) {
  const upsert = [...after.entries()].filter(([k, r]) => { const b = before.get(k); return !b || storedForm(b) !== storedForm(r); }).map(([, r]) => r);
  const remove = [...before.entries()].filter(([k]) => !after.has(k)).map(([, r]) => r);
  const rows = [...new Set([...upsert, ...remove].map((r) => r.row_no))].sort((a, b) => a - b);
  return { upsert, remove, rows };
}

/** Screens the rows again with the current index (rows of the same input once, unless told otherwise). */
function screenAgain(service: ScreeningService, rowNos: readonly number[], inputs: ReadonlyMap<number, StoredRow>, options: ScreeningOptions, sameInputOnce: boolean): StoredResult[] {
  const results: StoredResult[] = [];
  const screened = new Map<string, ScreenMatch[]>();
  for (const n of rowNos) {
    const row = inputs.get(n);
    if (!row) continue;
    const key = sameInputOnce ? inputKey(row.input) : null;
    let matches = key === null ? undefined : screened.get(key);
    if (!matches) {
      matches = screenRow(service.matcher, { row: n, input: row.input }, options).matches;
      if (key !== null) screened.set(key, matches);
    }
    for (const m of matches) results.push({ ...m, row_no: n, state: null });
  }
  return results;
}

export async function rescreenCase(db: Db, service: ScreeningService, caseName: string, actor = 'system', opts: RescreenOptions = {}): Promise<RescreenOutcome | null> {
  const c = await getCase(db, caseName);
  if (c.status !== 'ready') return null;
  const pending = await pendingVersions(db, c.id);
  if (!pending.length) return null;
  const t0 = performance.now();
  const started = new Date();
  const before = await caseLists(db, c.id);
  const changes = await changesOf(db, pending.map((p) => p.source_id));
  const changedGroups = await groupsOf(db, [...new Set(changes.map((x) => x.entity_id))]);
  const affected = new Set([...changedGroups.values()].flat());
  const options = parseScreeningOptions({ threshold: c.threshold, cutoff: c.cutoff, limit: c.result_limit, dataset: c.dataset, algorithm: c.algorithm });

  let rowNos: number[];
  let inputs: Map<number, StoredRow>;
  let selection: Record<string, number | string>;
  if (opts.full) {
    const all = await rowsOf(db, c.id);
    rowNos = all.map((r) => r.row_no);
    inputs = new Map(all.map((r) => [r.row_no, r]));
    selection = { way: 'full' };
  } else {
    const sel = await rowsConcerned(db, c.id, service, affected, options, { sameInputOnce: opts.sameInputOnce });
    rowNos = sel.rows;
    inputs = sel.inputs;
    for (const e of sel.touched) affected.add(e.id);
    selection = { way: 'change', by_result: sel.byResult, by_block: sel.byBlock, by_score: sel.byScore, ...Object.fromEntries(Object.entries(sel.ms).map(([k, v]) => [`ms_${k}`, v])) };
  }
  const t1 = performance.now();
  const unread = rowNos.filter((n) => !inputs.has(n));
  for (let i = 0; i < unread.length; i += 5000) for (const r of await rowsOf(db, c.id, unread.slice(i, i + 5000))) inputs.set(r.row_no, r);

  const results = screenAgain(service, rowNos, inputs, options, opts.sameInputOnce !== false);
  const t2 = performance.now();
  const oldResults = await resultsOfRows(db, c.id, rowNos);
  const key = (r: { row_no: number; id: string }) => `${r.row_no}|${r.id}`;
  const oldBy = new Map(oldResults.map((r) => [key(r), r]));
  const newBy = new Map(results.map((r) => [key(r), r]));

  // The change of each touched entity (its group's latest), and the list state of every touched entity now.
  const touchedIds = [...new Set([...oldResults, ...results].map((r) => r.id).filter((id) => affected.has(id)))];
  const groups = await groupsOf(db, touchedIds);
  const lastChange = new Map<string, ChangeRow>();
  for (const ch of changes) lastChange.set(ch.entity_id, ch);
  const changeOf = (id: string) => (affected.has(id) ? (groups.get(id) ?? [id]).map((m) => lastChange.get(m)).filter((x): x is ChangeRow => !!x).sort((a, b) => a.version.localeCompare(b.version)).at(-1) : undefined);
  const now = await listStates(db, touchedIds);
  // Matches keep the list state they have now, so the next change is told from this one (untouched entities' states are as stored).
  const unknown = [...new Set(results.filter((r) => r.match && !affected.has(r.id) && !oldBy.get(key(r))?.state).map((r) => r.id))];
  const others = await listStates(db, unknown);
  for (const r of results) if (r.match) r.state = (affected.has(r.id) ? now.get(r.id) : oldBy.get(key(r))?.state ?? others.get(r.id)) ?? null;

  const decisions = await latestDecisions(db, c.id, rowNos.length < 50_000 ? rowNos : undefined);
  const alerts: NewAlert[] = [];
  for (const k of new Set([...oldBy.keys(), ...newBy.keys()])) {
    const r = (newBy.get(k) ?? oldBy.get(k))!;
    const ch = changeOf(r.id);
    const judged = ch ? judge(r.row_no, r.id, r.caption, oldBy.get(k), newBy.get(k), now.get(r.id) ?? null, decisions.get(decisionKey(r.row_no, r.id))) : null;
    if (judged) alerts.push({ ...judged, list: ch!.dataset, version: ch!.version });
  }
  alerts.sort((x, y) => x.row - y.row || x.entity_id.localeCompare(y.entity_id));
  const changed = resultChanges(oldBy, newBy);
  const latest = new Map<string, ListVersionRef>();
  for (const p of pending) latest.set(p.dataset, p);
  const runId = `run-${randomUUID()}`;
  const finished = new Date();
  const t3 = performance.now();
  const written = await db.transaction(async (tx) => {
    // Another worker may have done this case meanwhile: then nothing is written twice.
    const still = await caseLists(tx, c.id);
    if (JSON.stringify(still) !== JSON.stringify(before)) return false;
    await updateResults(tx, c.id, changed.upsert, changed.remove);
    await insertAlerts(tx, c.id, runId, alerts.map((x) => ({ ...x, id: alertId(c, x) })));
    await setCaseLists(tx, c.id, [...latest.values()]);
    const all = await caseLists(tx, c.id);
    await insertRun(tx, {
      id: runId, case_id: c.id, kind: 'rescreen', actor, started_at: started.toISOString(), finished_at: finished.toISOString(),
      duration_ms: Math.round(performance.now() - t0), threshold: c.threshold, algorithm: c.algorithm,
      list_versions: await listVersionDetails(tx, all.map((l) => l.source_id)),
      trigger: { versions: pending, changes: changes.length, rows: selection, rows_rewritten: changed.rows.length, results_written: changed.upsert.length, results_removed: changed.remove.length },
      rows_screened: rowNos.length, rows_with_match: new Set(results.filter((r) => r.match).map((r) => r.row_no)).size, alerts: alerts.length,
    });
    await appendAudit(tx, { actor, action: 'case.rescreen', target: c.id, meta: { versions: pending.map((p) => p.source_id), changes: changes.length, rows: rowNos.length, alerts: alerts.length } });
    return true;
  });
  if (!written) return null;
  const t4 = performance.now();
  const phasesMs = { select: Math.round(t1 - t0), screen: Math.round(t2 - t1), judge: Math.round(t3 - t2), write: Math.round(t4 - t3) };
  return { case: c.name, versions: pending, changes: changes.length, rowsScreened: rowNos.length, rows: rowNos, rowsRewritten: changed.rows.length, selection, phasesMs, alerts, durationMs: Math.round(t4 - t0) };
}

function alertId(c: CaseRecord, a: NewAlert): string {
  return `alert-${createHash('sha256').update([c.id, a.row, a.entity_id, a.change, a.list, a.version].join('\u0000')).digest('hex').slice(0, 24)}`;
}
