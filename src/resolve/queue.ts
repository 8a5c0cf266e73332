/**
 * The review queue of the cross-reference job: the open candidates (no
 * judgement settles the pair: not joined, not kept apart, not marked
 * unsure), each with both records side by side; and the decision, kept as a
 * person's judgement with the candidate's score and explanation as its
 * evidence. Also the resolver's figures (canonical entities, records merged,
 * open candidates, judgements by rule and by person).
 */
import { Room39Error } from '../errors.ts';
import type { Queryable } from '../store/db.ts';
import { checkNote, clusterIds, canonicalId, judgementsOf, loadClusterState, pairOf, recordJudgement, type Judgement, type JudgeResult, type JudgementKind } from '../store/resolver.ts';
import type { ExplanationItem } from '../match/types.ts';
import { MATCHABLE_SCHEMAS } from './records.ts';
import { xrefState, type XrefState } from './xref.ts';

export interface RecordSummary {
  id: string;
  schema: string;
  caption: string;
  datasets: string[];
  /** The canonical entity the record stands in now. */
  canonical_id: string;
  properties: Record<string, string[]>;
}

export interface CandidateView {
  left: RecordSummary;
  right: RecordSummary;
  score: number;
  proposed: boolean;
  explanation: ExplanationItem[];
  found_at: string;
}

interface CandidateRow { left_id: string; right_id: string; score: number; proposed: boolean; explanation: unknown; found_at: string }

const SHOWN_PROPS = ['name', 'alias', 'previousName', 'birthDate', 'birthPlace', 'nationality', 'country', 'position', 'passportNumber', 'idNumber', 'imoNumber', 'registrationNumber', 'swiftBic', 'program', 'address'];

async function summaries(q: Queryable, ids: readonly string[]): Promise<Map<string, RecordSummary>> {
  const rows = await q.query<{ id: string; schema: string; caption: string; datasets: string[]; canonical_id: string | null }>(
    `SELECT e.id, e.schema, e.caption, e.datasets, c.canonical_id FROM entities e LEFT JOIN canonical_ids c ON c.record_id = e.id WHERE e.id = ANY($1::text[])`, [[...ids]]);
  const props = await q.query<{ entity_id: string; prop: string; value: string }>(
    `SELECT DISTINCT entity_id, prop, value FROM statements WHERE entity_id = ANY($1::text[]) AND review_status = 'accepted' AND prop = ANY($2::text[]) ORDER BY prop, value`,
    [[...ids], SHOWN_PROPS]);
  const out = new Map<string, RecordSummary>();
  for (const r of rows) out.set(r.id, { id: r.id, schema: r.schema, caption: r.caption, datasets: r.datasets ?? [], canonical_id: r.canonical_id ?? r.id, properties: {} });
  for (const p of props) {
    const s = out.get(p.entity_id);
    if (s) (s.properties[p.prop] ??= []).push(p.value.length > 300 ? `${p.value.slice(0, 300)}…` : p.value);
  }
  return out;
}

/** Stored candidates that no judgement settles (in score order, proposals first). */
async function openRows(q: Queryable): Promise<CandidateRow[]> {
  const rows = await q.query<CandidateRow>(
    `SELECT left_id, right_id, score, proposed, explanation, found_at::text AS found_at FROM xref_candidates ORDER BY proposed DESC, score DESC, left_id, right_id`);
  const state = await loadClusterState(q);
  return rows.filter((r) => !state.standing.has(`${r.left_id}|${r.right_id}`) && state.find(r.left_id) !== state.find(r.right_id) && !state.negativeBetween(r.left_id, r.right_id));
}

/** The open candidates, a page of them, and whether the job that finds them has run since the lists last changed (`xref`). */
export async function openCandidates(q: Queryable, opts: { limit?: number; offset?: number; proposedOnly?: boolean } = {}): Promise<{ total: number; proposed: number; candidates: CandidateView[]; xref: XrefState }> {
  const all = await openRows(q);
  const wanted = opts.proposedOnly ? all.filter((r) => r.proposed) : all;
  const offset = Math.max(0, opts.offset ?? 0);
  const page = wanted.slice(offset, offset + Math.min(Math.max(opts.limit ?? 50, 1), 500));
  const sums = await summaries(q, page.flatMap((r) => [r.left_id, r.right_id]));
  const missing = (id: string): RecordSummary => ({ id, schema: 'Thing', caption: id, datasets: [], canonical_id: id, properties: {} });
  return {
    total: wanted.length,
    proposed: all.filter((r) => r.proposed).length,
    xref: await xrefState(q),
    candidates: page.map((r) => ({
      left: sums.get(r.left_id) ?? missing(r.left_id), right: sums.get(r.right_id) ?? missing(r.right_id), score: Number(r.score), proposed: r.proposed,
      explanation: (typeof r.explanation === 'string' ? JSON.parse(r.explanation) : r.explanation) as ExplanationItem[], found_at: r.found_at,
    })),
  };
}

export interface Decision {
  a: string;
  b: string;
  judgement: JudgementKind;
  /** The person deciding. */
  by: string;
  note?: string | null;
  /** Merge even when the two entities each hold a record of one list (a list that does list one party twice). */
  force?: boolean;
}

const LIST_PREFIXES = ['unsc-', 'ofac-', 'gb-', 'eu-'];

/** Two records of one list that a merge of a's and b's entities would put together (none: null). */
async function sameListRecords(q: Queryable, a: string, b: string): Promise<[string, string] | null> {
  const [ca, cb] = [await canonicalId(q, a), await canonicalId(q, b)];
  if (ca === cb) return null;
  const [ra, rb] = [await clusterIds(q, ca), await clusterIds(q, cb)];
  for (const p of LIST_PREFIXES) {
    const x = ra.find((id) => id.startsWith(p)), y = rb.find((id) => id.startsWith(p));
    if (x && y) return [x, y];
  }
  return null;
}

/** A person's judgement on a pair (a candidate of the queue, or any two records), with the candidate's score and explanation as evidence. */
export async function decide(q: Queryable, d: Decision): Promise<JudgeResult> {
  checkNote(d.note, 'the note');
  const [left, right] = pairOf(d.a, d.b);
  const known = await q.query<{ id: string }>('SELECT id FROM entities WHERE id = ANY($1::text[]) UNION SELECT record_id FROM canonical_ids WHERE record_id = ANY($1::text[])', [[left, right]]);
  for (const id of [left, right]) if (!known.some((k) => k.id === id)) throw new Room39Error('not_found', `no record with id "${id}"`);
  const twice = d.judgement === 'positive' && !d.force ? await sameListRecords(q, left, right) : null;
  if (twice) {
    throw new Room39Error('conflict', `judging ${left} and ${right} the same would put ${twice[0]} and ${twice[1]}, two records of one list, into one entity (see room39 resolve show ${twice[0]} and ${twice[1]}); a list rarely lists one party twice. If this one does, judge again with --force (command line) or "force": true (HTTP)`);
  }
  const [c] = await q.query<CandidateRow>('SELECT left_id, right_id, score, proposed, explanation, found_at::text AS found_at FROM xref_candidates WHERE left_id = $1 AND right_id = $2', [left, right]);
  const evidence: Record<string, unknown> = { records: [left, right], ...(d.note ? { note: d.note } : {}) };
  if (c) Object.assign(evidence, { xref_score: Number(c.score), xref_proposed: c.proposed, explanation: typeof c.explanation === 'string' ? JSON.parse(c.explanation) : c.explanation });
  return recordJudgement(q, { a: left, b: right, judgement: d.judgement, madeBy: d.by, rule: null, evidence, score: c ? Number(c.score) : null });
}

/** The records behind the entity of a record id and every judgement on them; an id that is no record and was never judged is not found. */
export async function resolutionOf(q: Queryable, id: string): Promise<{ id: string; referents: string[]; judgements: Judgement[] }> {
  const canonical = await canonicalId(q, id);
  const referents = await clusterIds(q, canonical);
  const judgements = await judgementsOf(q, referents);
  if (!judgements.length && !(await q.query('SELECT 1 FROM entities WHERE id = $1', [id])).length) throw new Room39Error('not_found', `no record with id "${id}"`);
  return { id: canonical, referents, judgements };
}

export interface ResolutionStats {
  /** Canonical entities among persons, organisations, vessels and aircraft (records standing alone count one each). */
  canonical_entities: number;
  /** Records of those kinds. */
  records: number;
  /** Records in an entity of two or more records, and those entities. */
  records_merged: number;
  merged_entities: number;
  open_candidates: number;
  open_proposed: number;
  judgements: { by_rule: Record<string, number>; by_people: Record<string, number>; undone: number };
  /** The cross-reference job: never run, out of date (lists imported since) or current. */
  xref: XrefState;
}

export async function resolutionStats(q: Queryable): Promise<ResolutionStats> {
  const [c] = await q.query<{ canonical: number; records: number }>(
    `SELECT count(DISTINCT coalesce(c.canonical_id, e.id))::int AS canonical, count(*)::int AS records
       FROM entities e LEFT JOIN canonical_ids c ON c.record_id = e.id WHERE e.schema = ANY($1::text[])`, [Object.keys(MATCHABLE_SCHEMAS)]);
  const [m] = await q.query<{ records: number; entities: number }>('SELECT count(*)::int AS records, count(DISTINCT canonical_id)::int AS entities FROM canonical_ids');
  const j = await q.query<{ rule: string | null; judgement: string; undone: boolean; n: number }>(
    'SELECT rule, judgement, undone_at IS NOT NULL AS undone, count(*)::int AS n FROM judgements GROUP BY 1, 2, 3');
  const open = await openRows(q);
  const byRule: Record<string, number> = {};
  const byPeople: Record<string, number> = {};
  let undone = 0;
  for (const r of j) {
    if (r.undone) { undone += r.n; continue; }
    if (r.rule) byRule[r.rule] = (byRule[r.rule] ?? 0) + r.n;
    else byPeople[r.judgement] = (byPeople[r.judgement] ?? 0) + r.n;
  }
  return {
    canonical_entities: c?.canonical ?? 0, records: c?.records ?? 0, records_merged: m?.records ?? 0, merged_entities: m?.entities ?? 0,
    open_candidates: open.length, open_proposed: open.filter((r) => r.proposed).length, judgements: { by_rule: byRule, by_people: byPeople, undone },
    xref: await xrefState(q),
  };
}
