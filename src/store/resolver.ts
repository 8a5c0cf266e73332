/**
 * The resolver (nomenklatura's, in room39's store): judgements on pairs of
 * records and the canonical entities they make. A judgement is positive (one
 * real entity), negative (two) or unsure, with the rule or person that made
 * it, when, and its evidence; undoing one keeps the row. Records joined by
 * standing positive judgements form a cluster, named by its canonical id: the
 * id of one of its records (seed graph first, then UN, OFAC, UK, EU, others),
 * so every record id stays a working address: a record merged into another
 * entity answers with that entity (a redirect, in the doors that can say so).
 * A negative judgement keeps two clusters apart: a rule's positive judgement
 * across it is not recorded, a person's is refused; a negative judgement on
 * two records already joined undoes the rule judgements that join them.
 * `canonical_ids` is derived from the standing judgements and rebuilt after
 * every change. Writers give a transaction (`db.transaction`).
 */
import { Room39Error } from '../errors.ts';
import type { Queryable } from './db.ts';
import { stableId } from './statements.ts';

export const JUDGEMENTS = ['positive', 'negative', 'unsure'] as const;
export type JudgementKind = (typeof JUDGEMENTS)[number];

export interface Judgement {
  id: string;
  left_id: string;
  right_id: string;
  judgement: JudgementKind;
  /** The rule that made it (`shared_identifier`, `name_and_birth_date`, …); null when a person did. */
  rule: string | null;
  /** Who made it: a user name, or the recorder of the rule run. */
  made_by: string;
  evidence: Record<string, unknown>;
  score: number | null;
  created_at: string;
  undone_at: string | null;
  undone_by: string | null;
  undo_reason: string | null;
}

export interface JudgementInput {
  a: string;
  b: string;
  judgement: JudgementKind;
  madeBy: string;
  rule?: string | null;
  evidence?: Record<string, unknown>;
  score?: number | null;
}

/** The longest note or undo reason a person may give a judgement (every door: CLI, HTTP, web). */
export const NOTE_MAX = 2000;

/** Refuses a note or reason longer than NOTE_MAX, saying which and how long. */
export function checkNote(text: string | null | undefined, what: string): void {
  if (text && text.length > NOTE_MAX) throw new Room39Error('invalid_input', `${what} is ${text.length} characters long; at most ${NOTE_MAX} are kept with a judgement (shorten it, or put the long text in a document and cite it)`);
}

const COLUMNS = 'id, left_id, right_id, judgement, rule, made_by, evidence, score, created_at::text AS created_at, undone_at::text AS undone_at, undone_by, undo_reason';

/** The pair in stored order. */
export function pairOf(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

const PREFIX_ORDER = ['r39-', 'unsc-', 'ofac-', 'gb-', 'eu-'];
/** Which record names a cluster: the seed graph's, then UN, OFAC, UK, EU, then any other; ties by id. */
export function canonicalOrder(a: string, b: string): number {
  const rank = (id: string) => { const i = PREFIX_ORDER.findIndex((p) => id.startsWith(p)); return i < 0 ? PREFIX_ORDER.length : i; };
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

function parse(row: Judgement): Judgement {
  return { ...row, evidence: typeof row.evidence === 'string' ? JSON.parse(row.evidence) : row.evidence, score: row.score === null ? null : Number(row.score) };
}

/** Connected positive judgements as clusters, with the negative judgements between records. */
export class ClusterState {
  private parent = new Map<string, string>();
  positives: Judgement[] = [];
  negatives: Judgement[] = [];
  /** Standing judgements by pair (`left|right`). */
  readonly standing = new Map<string, Judgement>();
  /** Every pair ever judged, standing or undone. */
  readonly ever = new Set<string>();
  /** How many judgements each pair has had (a new one's id counts on it: the same history gives the same ids). */
  readonly times = new Map<string, number>();

  constructor(rows: readonly Judgement[]) {
    for (const j of rows) {
      const key = `${j.left_id}|${j.right_id}`;
      this.ever.add(key);
      this.times.set(key, (this.times.get(key) ?? 0) + 1);
      if (j.undone_at === null) this.standing.set(key, j);
    }
    this.reindex();
  }

  private reindex(): void {
    this.parent = new Map();
    this.positives = [...this.standing.values()].filter((j) => j.judgement === 'positive');
    this.negatives = [...this.standing.values()].filter((j) => j.judgement === 'negative');
    for (const j of this.positives) this.union(j.left_id, j.right_id);
  }

  /** The standing judgements change: some leave, one comes. */
  change(leave: readonly Judgement[], come: Judgement | null): void {
    for (const j of leave) this.standing.delete(`${j.left_id}|${j.right_id}`);
    if (come) {
      const key = `${come.left_id}|${come.right_id}`;
      this.standing.set(key, come);
      this.ever.add(key);
      this.times.set(key, (this.times.get(key) ?? 0) + 1);
    }
    this.reindex();
  }

  /** A copy without some standing judgements (to ask what would follow). */
  without(leave: readonly Judgement[]): ClusterState {
    const next = new ClusterState([...this.standing.values()].filter((j) => !leave.includes(j)));
    for (const k of this.ever) next.ever.add(k);
    for (const [k, n] of this.times) next.times.set(k, n);
    return next;
  }

  find(id: string): string {
    let p = this.parent.get(id) ?? id;
    if (p === id) return id;
    p = this.find(p);
    this.parent.set(id, p);
    return p;
  }

  private union(a: string, b: string): void {
    const ra = this.find(a), rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }

  /** A negative judgement between the clusters of a and b, if any. */
  negativeBetween(a: string, b: string): Judgement | null {
    const ra = this.find(a), rb = this.find(b);
    return this.negatives.find((n) => {
      const l = this.find(n.left_id), r = this.find(n.right_id);
      return (l === ra && r === rb) || (l === rb && r === ra);
    }) ?? null;
  }

  /** Every record in a cluster of two or more → its canonical id. */
  canonicalMap(): Map<string, string> {
    const members = new Map<string, Set<string>>();
    for (const j of this.positives) {
      const root = this.find(j.left_id);
      const set = members.get(root) ?? new Set<string>();
      set.add(j.left_id).add(j.right_id);
      members.set(root, set);
    }
    const out = new Map<string, string>();
    for (const set of members.values()) {
      const canonical = [...set].sort(canonicalOrder)[0]!;
      for (const id of set) out.set(id, canonical);
    }
    return out;
  }
}

export async function loadClusterState(q: Queryable): Promise<ClusterState> {
  return new ClusterState((await q.query<Judgement>(`SELECT ${COLUMNS} FROM judgements ORDER BY created_at, id`)).map(parse));
}

/** Rewrites canonical_ids from the standing judgements; bumps the resolver version when anything moved. */
export async function rebuildCanonicalIds(q: Queryable, state?: ClusterState): Promise<{ clusters: number; records: number; changed: number }> {
  const map = (state ?? (await loadClusterState(q))).canonicalMap();
  const stored = new Map((await q.query<{ record_id: string; canonical_id: string }>('SELECT record_id, canonical_id FROM canonical_ids')).map((r) => [r.record_id, r.canonical_id]));
  const gone = [...stored.keys()].filter((id) => !map.has(id));
  const set = [...map].filter(([id, c]) => stored.get(id) !== c);
  if (gone.length) await q.query('DELETE FROM canonical_ids WHERE record_id = ANY($1::text[])', [gone]);
  if (set.length) {
    await q.query(
      `INSERT INTO canonical_ids (record_id, canonical_id) SELECT * FROM unnest($1::text[], $2::text[])
       ON CONFLICT (record_id) DO UPDATE SET canonical_id = EXCLUDED.canonical_id`,
      [set.map(([id]) => id), set.map(([, c]) => c)],
    );
  }
  if (gone.length || set.length) await q.query('UPDATE resolver_state SET version = version + 1, changed_at = now() WHERE id = 1');
  return { clusters: new Set(map.values()).size, records: map.size, changed: gone.length + set.length };
}

/** A number that moves whenever a canonical entity is made, changed or split (for caches). */
export async function resolverVersion(q: Queryable): Promise<string> {
  const [row] = await q.query<{ version: string }>('SELECT version::text AS version FROM resolver_state WHERE id = 1');
  return row?.version ?? '0';
}

/** The canonical id of a record: the entity it is merged into, or itself. */
export async function canonicalId(q: Queryable, id: string): Promise<string> {
  const rows = await q.query<{ canonical_id: string }>('SELECT canonical_id FROM canonical_ids WHERE record_id = $1', [id]);
  return rows[0]?.canonical_id ?? id;
}

/** For a door that answers an id: the canonical id, and whether the asked id is another name of it (answer with a redirect). */
export async function resolveId(q: Queryable, id: string): Promise<{ canonical: string; redirect: boolean }> {
  const canonical = await canonicalId(q, id);
  return { canonical, redirect: canonical !== id };
}

/** Canonical ids of many records (records in no cluster map to themselves). */
export async function canonicalIds(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map(ids.map((id) => [id, id]));
  if (!ids.length) return out;
  for (const r of await q.query<{ record_id: string; canonical_id: string }>(
    'SELECT record_id, canonical_id FROM canonical_ids WHERE record_id = ANY($1::text[])', [[...new Set(ids)]])) out.set(r.record_id, r.canonical_id);
  return out;
}

/** The records of canonical entities: canonical id first, then the others by id. */
export async function clustersOf(q: Queryable, canonicals: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map(canonicals.map((c) => [c, [c]]));
  if (!canonicals.length) return out;
  for (const r of await q.query<{ record_id: string; canonical_id: string }>(
    'SELECT record_id, canonical_id FROM canonical_ids WHERE canonical_id = ANY($1::text[]) ORDER BY record_id', [[...new Set(canonicals)]])) {
    const list = out.get(r.canonical_id)!;
    if (!list.includes(r.record_id)) list.push(r.record_id);
  }
  return out;
}

/** All record ids of one canonical entity. */
export async function clusterIds(q: Queryable, canonical: string): Promise<string[]> {
  return (await clustersOf(q, [canonical])).get(canonical)!;
}

/** Every cluster of two or more records: canonical id → its records. */
export async function allClusters(q: Queryable): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const r of await q.query<{ record_id: string; canonical_id: string }>('SELECT record_id, canonical_id FROM canonical_ids ORDER BY record_id')) {
    const list = out.get(r.canonical_id) ?? [r.canonical_id];
    if (r.record_id !== r.canonical_id) list.push(r.record_id);
    out.set(r.canonical_id, list);
  }
  return out;
}

/** Judgements (standing and undone) that touch any of the given records, newest first. */
export async function judgementsOf(q: Queryable, ids: readonly string[]): Promise<Judgement[]> {
  if (!ids.length) return [];
  return (await q.query<Judgement>(
    `SELECT ${COLUMNS} FROM judgements WHERE left_id = ANY($1::text[]) OR right_id = ANY($1::text[]) ORDER BY created_at DESC, id`, [[...ids]])).map(parse);
}

export async function getJudgement(q: Queryable, id: string): Promise<Judgement> {
  const [row] = await q.query<Judgement>(`SELECT ${COLUMNS} FROM judgements WHERE id = $1`, [id]);
  if (!row) throw new Room39Error('not_found', `no judgement with id "${id}"`);
  return parse(row);
}

async function markUndone(q: Queryable, ids: readonly string[], by: string, reason: string): Promise<void> {
  if (ids.length) await q.query('UPDATE judgements SET undone_at = now(), undone_by = $2, undo_reason = $3 WHERE id = ANY($1::text[]) AND undone_at IS NULL', [ids, by, reason]);
}

/** Positive rule judgements to undo so that a and b are no longer joined; a person's judgements are never undone here. */
function positivesJoining(state: ClusterState, a: string, b: string): { undo: Judgement[]; blockedBy: Judgement[] } {
  const undo: Judgement[] = [];
  for (;;) {
    const path = shortestPath(state.positives.filter((j) => !undo.includes(j)), a, b);
    if (!path) return { undo, blockedBy: [] };
    const byRule = path.filter((j) => j.rule !== null);
    if (!byRule.length) return { undo, blockedBy: path };
    undo.push(byRule.sort((x, y) => y.created_at.localeCompare(x.created_at))[0]!);
  }
}

function shortestPath(edges: readonly Judgement[], from: string, to: string): Judgement[] | null {
  const adj = new Map<string, Judgement[]>();
  for (const j of edges) for (const id of [j.left_id, j.right_id]) adj.set(id, [...(adj.get(id) ?? []), j]);
  const prev = new Map<string, Judgement | null>([[from, null]]);
  const queue = [from];
  while (queue.length) {
    const at = queue.shift()!;
    if (at === to) break;
    for (const j of adj.get(at) ?? []) {
      const next = j.left_id === at ? j.right_id : j.left_id;
      if (prev.has(next)) continue;
      prev.set(next, j);
      queue.push(next);
    }
  }
  if (!prev.has(to)) return null;
  const path: Judgement[] = [];
  for (let at = to; at !== from;) {
    const j = prev.get(at)!;
    path.push(j);
    at = j.left_id === at ? j.right_id : j.left_id;
  }
  return path;
}

export interface JudgeResult {
  /** The judgement recorded (or the standing one, when it already said the same); null when a rule's judgement was not recorded. */
  judgement: Judgement | null;
  /** Judgements undone by this one (the pair's earlier judgement; rule judgements a negative judgement split). */
  undone: string[];
  /** Why a rule's judgement was not recorded. */
  skipped?: string;
}

/**
 * Records judgements in order, then rebuilds the canonical ids once. A rule's
 * judgement (with `rule`) is not recorded on a pair that was ever judged
 * before, nor across a negative judgement; a person's replaces the pair's
 * standing judgement, and a positive one across a negative is refused.
 */
export async function recordJudgements(q: Queryable, inputs: readonly JudgementInput[]): Promise<JudgeResult[]> {
  const state = await loadClusterState(q);
  const results: JudgeResult[] = [];
  const fresh = new Map<string, Judgement>();
  for (const input of inputs) {
    const r = judgeOne(state, input);
    results.push(r);
    if (r.judgement && r.judgement.created_at === '') fresh.set(r.judgement.id, r.judgement);
    for (const id of r.undone) fresh.delete(id);
    const stored = r.undone.filter((id) => !fresh.has(id));
    if (stored.length) await markUndone(q, stored, input.madeBy, `replaced by a ${input.judgement} judgement on ${input.a} and ${input.b}`);
  }
  const rows = [...fresh.values()];
  if (rows.length) {
    const cols = ['id', 'left_id', 'right_id', 'judgement', 'rule', 'made_by', 'evidence', 'score'] as const;
    await q.query(
      `INSERT INTO judgements (id, left_id, right_id, judgement, rule, made_by, evidence, score)
       SELECT u.id, u.l, u.r, u.j, u.rule, u.by, u.ev::jsonb, u.score
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::real[]) AS u(id, l, r, j, rule, by, ev, score)`,
      cols.map((c) => rows.map((j) => (c === 'evidence' ? JSON.stringify(j.evidence) : j[c]))),
    );
  }
  await rebuildCanonicalIds(q, state);
  const ids = results.flatMap((r) => (r.judgement ? [r.judgement.id] : []));
  const stored = new Map((ids.length ? await q.query<Judgement>(`SELECT ${COLUMNS} FROM judgements WHERE id = ANY($1::text[])`, [ids]) : []).map((j) => [j.id, parse(j)]));
  return results.map((r) => ({ ...r, judgement: r.judgement ? stored.get(r.judgement.id) ?? null : null }));
}

/** One judgement against the in-memory state (changed in place); a new row has an empty created_at until stored. */
function judgeOne(state: ClusterState, input: JudgementInput): JudgeResult {
  if (!(JUDGEMENTS as readonly string[]).includes(input.judgement)) throw new Room39Error('invalid_input', `a judgement is positive, negative or unsure, not "${input.judgement}"`);
  if (!input.a || !input.b || input.a === input.b) throw new Room39Error('invalid_input', `a judgement needs two different record ids (got "${input.a}" and "${input.b}")`);
  const [left, right] = pairOf(input.a, input.b);
  const key = `${left}|${right}`;
  const byRule = !!input.rule;
  const existing = state.standing.get(key) ?? null;
  if (byRule && state.ever.has(key)) return { judgement: null, undone: [], skipped: `the pair ${left} / ${right} was judged before` };
  if (existing && existing.judgement === input.judgement) return { judgement: existing, undone: [] };
  const undone: Judgement[] = existing ? [existing] : [];
  const rest = existing ? state.without(undone) : state;
  if (input.judgement === 'positive') {
    const neg = rest.negativeBetween(left, right);
    if (neg) {
      if (byRule) return { judgement: null, undone: [], skipped: `${neg.left_id} and ${neg.right_id} were judged different (${neg.id})` };
      throw new Room39Error('conflict', `${neg.left_id} and ${neg.right_id} were judged different by ${neg.made_by} (judgement ${neg.id}); undo that judgement first`);
    }
  } else if (input.judgement === 'negative' && rest.find(left) === rest.find(right)) {
    const { undo, blockedBy } = positivesJoining(rest, left, right);
    if (blockedBy.length) {
      throw new Room39Error('conflict', `${left} and ${right} are joined by judgements people made (${blockedBy.map((j) => `${j.id}: ${j.left_id} = ${j.right_id} by ${j.made_by}`).join('; ')}); undo those first`);
    }
    undone.push(...undo);
  }
  const row: Judgement = {
    id: stableId('jdg-', left, right, input.judgement, input.madeBy, state.times.get(key) ?? 0), left_id: left, right_id: right,
    judgement: input.judgement, rule: input.rule ?? null, made_by: input.madeBy, evidence: input.evidence ?? {}, score: input.score ?? null,
    created_at: '', undone_at: null, undone_by: null, undo_reason: null,
  };
  state.change(undone, row);
  return { judgement: row, undone: undone.map((j) => j.id) };
}

/** Records one judgement (see recordJudgements). */
export async function recordJudgement(q: Queryable, input: JudgementInput): Promise<JudgeResult> {
  return (await recordJudgements(q, [input]))[0]!;
}

/** Undoes a standing judgement; the records it joined (or kept apart) are judged again by what remains. */
export async function undoJudgement(q: Queryable, id: string, by: string, reason = 'undone'): Promise<Judgement> {
  checkNote(reason, 'the reason for undoing');
  const j = await getJudgement(q, id);
  if (j.undone_at !== null) throw new Room39Error('conflict', `judgement ${id} was already undone on ${j.undone_at} by ${j.undone_by ?? 'someone'}`);
  await markUndone(q, [id], by, reason);
  await rebuildCanonicalIds(q);
  return getJudgement(q, id);
}
