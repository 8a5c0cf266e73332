/**
 * Decisions on a case's results, one trail per (row, entity): confirmed
 * match, false positive or needs review, each with its reason, who and when,
 * and the list state of the entity at that moment. The latest decision
 * counts; earlier ones stay as the trail. A decided false positive is kept
 * quiet by re-screening until the entity gains a name, designation or
 * programme it did not have when the decision was taken.
 */
import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../store/db.ts';
import { invalidOption } from '../errors.ts';
import { appendAudit } from '../audit/log.ts';
import { getCase } from './store.ts';
import { diffStates, hasGain, listStates, type ListState } from './state.ts';

export const DECISIONS = ['confirmed', 'false_positive', 'needs_review'] as const;
export type DecisionKind = (typeof DECISIONS)[number];

export interface DecisionRecord {
  id: string;
  row: number;
  entity_id: string;
  decision: DecisionKind;
  reason: string;
  actor: string;
  at: string;
  state: ListState | null;
}

export interface DecisionInput {
  row: number;
  entityId: string;
  decision: string;
  reason: string;
}

const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
export const decisionKey = (row: number, entityId: string) => `${row}|${entityId}`;

interface DecisionRow { id: string; row_no: number; entity_id: string; decision: DecisionKind; reason: string; actor: string; at: unknown; state: unknown }
const toRecord = (r: DecisionRow): DecisionRecord => ({
  id: r.id, row: r.row_no, entity_id: r.entity_id, decision: r.decision, reason: r.reason, actor: r.actor,
  at: r.at instanceof Date ? r.at.toISOString() : String(r.at), state: (json(r.state) as ListState | null) ?? null,
});

/** Every decision of a case, oldest first (the trail). */
export async function decisionTrail(q: Queryable, caseId: string, rows?: readonly number[]): Promise<DecisionRecord[]> {
  const out = await q.query<DecisionRow>(
    `SELECT id, row_no, entity_id, decision, reason, actor, at, state FROM case_decisions
      WHERE case_id = $1 AND ($2::int[] IS NULL OR row_no = ANY($2::int[])) ORDER BY at, id`,
    [caseId, rows ?? null]);
  return out.map(toRecord);
}

/** The decision in force for each (row, entity). */
export async function latestDecisions(q: Queryable, caseId: string, rows?: readonly number[]): Promise<Map<string, DecisionRecord>> {
  const map = new Map<string, DecisionRecord>();
  for (const d of await decisionTrail(q, caseId, rows)) map.set(decisionKey(d.row, d.entity_id), d);
  return map;
}

/** Has the entity gained something since a false-positive decision? */
export function changedSinceDecision(d: DecisionRecord, now: ListState | null): boolean {
  return hasGain(diffStates(d.state, now));
}

export async function decide(db: Db, caseName: string, input: DecisionInput, actor: string): Promise<DecisionRecord> {
  const c = await getCase(db, caseName);
  if (!(DECISIONS as readonly string[]).includes(input.decision)) {
    throw invalidOption('decision', `must be one of ${DECISIONS.join(', ')} (got "${String(input.decision).slice(0, 30)}")`);
  }
  const reason = (input.reason ?? '').trim();
  if (reason === '') throw invalidOption('reason', 'say why: a decision without a reason does not stand in an audit');
  if (reason.length > 2000) throw invalidOption('reason', 'at most 2,000 characters');
  if (!Number.isInteger(input.row) || input.row < 1 || input.row > c.row_count) {
    throw invalidOption('row', `case "${c.name}" has rows 1 to ${c.row_count} (got "${String(input.row).slice(0, 20)}")`);
  }
  const known = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (
       SELECT 1 FROM case_results WHERE case_id = $1 AND row_no = $2 AND entity_id = $3
       UNION ALL SELECT 1 FROM case_alerts WHERE case_id = $1 AND row_no = $2 AND entity_id = $3
       UNION ALL SELECT 1 FROM case_decisions WHERE case_id = $1 AND row_no = $2 AND entity_id = $3) x`,
    [c.id, input.row, input.entityId]);
  if (!known[0]?.n) throw invalidOption('entity_id', `row ${input.row} of case "${c.name}" has no result for entity "${input.entityId.slice(0, 80)}"`);
  const state = (await listStates(db, [input.entityId])).get(input.entityId) ?? null;
  const record: DecisionRecord = {
    id: `dec-${randomUUID()}`, row: input.row, entity_id: input.entityId, decision: input.decision as DecisionKind, reason, actor, at: new Date().toISOString(), state,
  };
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO case_decisions (id, case_id, row_no, entity_id, decision, reason, actor, at, state) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9::jsonb)`,
      [record.id, c.id, record.row, record.entity_id, record.decision, record.reason, actor, record.at, state ? JSON.stringify(state) : null]);
    await appendAudit(tx, {
      actor, action: 'case.decide', target: c.id,
      after: { case: c.name, row: record.row, entity_id: record.entity_id, decision: record.decision, reason: record.reason },
    });
  });
  return record;
}
