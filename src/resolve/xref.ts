/**
 * The cross-reference job (Aleph's xref, nomenklatura's dedupe): every
 * DPRK-related list record and seed-graph entity is screened, with the
 * matcher of src/match, against the records of the other lists and the seed
 * graph; each pair scoring at or above XREF_MIN that no judgement has
 * settled becomes a candidate with its score and explanation, for a person
 * to accept, reject or mark unsure (queue.ts). A candidate is `proposed`
 * (the job suggests the merge) only when its score reaches PROPOSE_AT and
 * something beside the name agrees (a birth date, an identifier, a post;
 * for organisations, both DPRK-related) and nothing contradicts: names
 * alone never propose merging two persons.
 */
import type { Queryable } from '../store/db.ts';
import { Matcher } from '../match/matcher.ts';
import type { ExplanationItem, MatchableEntity } from '../match/types.ts';
import { loadClusterState, pairOf } from '../store/resolver.ts';
import { loadResolveRecords, SEED_DATASET, type ResolveRecord } from './records.ts';
import { birthDatesContradict, countriesContradict, postsAgree } from './rules.ts';

/** Lowest matcher score kept as a candidate. */
export const XREF_MIN = 0.8;
/** Score at which a corroborated candidate is proposed for merging. */
export const PROPOSE_AT = 0.9;

export interface XrefReport {
  /** Records screened (DPRK-related list records and seed entities). */
  screened: number;
  /** Candidate pairs found, not yet settled by any judgement. */
  candidates: number;
  proposed: number;
  /** Pairs the matcher found that judgements already settle (joined, kept apart, unsure). */
  settled: number;
}

export interface XrefCandidate {
  left_id: string;
  right_id: string;
  score: number;
  proposed: boolean;
  explanation: ExplanationItem[];
}

/** The record as the matcher sees it: its names as the lists write them (no acronyms made up), dates, countries, identifiers. */
function matchable(r: ResolveRecord): MatchableEntity {
  return {
    id: r.id, schema: r.schema, caption: r.names[0] ?? r.id, names: r.names.map((value, i) => ({ value, strength: i === 0 ? 'primary' : 'strong' })),
    birthDates: r.birthDates, countries: [...r.countries], identifiers: [...r.identifiers.keys()].map((value) => ({ type: null, value })),
    datasets: [r.dataset], topics: [], programs: [...r.programs], flags: [], properties: {},
  };
}

/** A match made only by two short one-word names (acronyms: `KKBC`, `MID`, `GPC`) says nothing without an identifier. */
function acronymOnly(explanation: readonly ExplanationItem[]): boolean {
  const name = explanation.find((x) => x.feature === 'name');
  const short = (v: string | null) => !!v && !/\s/.test(v.trim()) && v.trim().length <= 6;
  return !!name && short(name.query) && short(name.candidate) && !explanation.some((x) => x.feature === 'identifier' && x.score > 0);
}

const DAY = 86_400_000;
/** Birth dates a day apart, or the same day and month a year apart (the lists' own slips, e.g. a UN date a day before OFAC's for the same passport). */
function birthDatesNear(a: ResolveRecord, b: ResolveRecord): boolean {
  const full = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d);
  return a.birthDates.filter(full).some((x) => b.birthDates.filter(full).some((y) =>
    Math.abs(Date.parse(x) - Date.parse(y)) <= DAY || (x.slice(5) === y.slice(5) && Math.abs(Number(x.slice(0, 4)) - Number(y.slice(0, 4))) === 1)));
}

/** What, beside the name, agrees between two records (empty: the name alone). */
export function corroboration(a: ResolveRecord, b: ResolveRecord): string[] {
  const out: string[] = [];
  if ([...a.identifiers.keys()].some((k) => b.identifiers.has(k))) out.push('a shared identifier');
  if (a.birthDates.some((x) => b.birthDates.some((y) => x === y || x.startsWith(y) || y.startsWith(x)))) out.push('a birth date');
  else if (birthDatesNear(a, b)) out.push('birth dates a day (or a year, same day) apart');
  if ([...a.positions].some((p) => b.positions.has(p)) || postsAgree(a, b).length) out.push('a post');
  if (a.kind !== 'person' && a.dprk && b.dprk) out.push('both DPRK-related');
  return out;
}

function isProposed(a: ResolveRecord, b: ResolveRecord, score: number, nameScore: number): boolean {
  if (score < PROPOSE_AT || nameScore < PROPOSE_AT || countriesContradict(a, b)) return false;
  if (birthDatesContradict(a, b) && !birthDatesNear(a, b)) return false;
  return corroboration(a, b).length > 0;
}

/** Finds the candidates (does not write them). */
export async function findCandidates(q: Queryable): Promise<{ report: XrefReport; candidates: XrefCandidate[] }> {
  const recs = await loadResolveRecords(q);
  const byId = new Map(recs.map((r) => [r.id, r]));
  const matcher = new Matcher(recs.map(matchable));
  const state = await loadClusterState(q);
  const population = recs.filter((r) => r.dprk || r.dataset === SEED_DATASET);
  // The lists each entity already holds: a merge that would put two records of one list together is not proposed.
  const lists = new Map<string, Set<string>>();
  const cmap = state.canonicalMap();
  for (const [record, canonical] of cmap) lists.set(canonical, (lists.get(canonical) ?? new Set()).add(byId.get(record)?.dataset ?? record.split('-')[0]!));
  const listsOf = (id: string) => lists.get(cmap.get(id) ?? id) ?? new Set([byId.get(id)?.dataset ?? '']);
  const found = new Map<string, XrefCandidate>();
  let settled = 0;
  for (const r of population) {
    const results = matcher.match(
      { names: r.names, schema: r.schema, birthDates: r.birthDates, countries: [...r.countries], identifiers: [...r.identifiers.keys()] },
      { threshold: PROPOSE_AT, cutoff: XREF_MIN, limit: 10 },
    );
    for (const m of results) {
      const other = byId.get(m.entity.id);
      if (!other || other.id === r.id || other.dataset === r.dataset || other.kind !== r.kind || acronymOnly(m.explanation)) continue;
      const [left, right] = pairOf(r.id, other.id);
      const key = `${left}|${right}`;
      if (found.has(key)) { if (m.score <= found.get(key)!.score) continue; }
      if (state.ever.has(key) || state.find(left) === state.find(right) || state.negativeBetween(left, right)) { settled++; continue; }
      const [a, b] = [byId.get(left)!, byId.get(right)!];
      const agrees = corroboration(a, b);
      const sameList = [...listsOf(left)].filter((d) => listsOf(right).has(d));
      const explanation: ExplanationItem[] = [...m.explanation, {
        feature: 'corroboration', score: 0, query: null, candidate: null,
        detail: agrees.length ? `beside the name: ${agrees.join(', ')}` : 'nothing beside the name agrees: names alone never merge two records',
      }];
      if (sameList.length) explanation.push({ feature: 'lists', score: 0, query: null, candidate: null, detail: `both entities already hold a record of ${sameList.join(', ')}: a list does not list one party twice` });
      const nameScore = m.explanation.find((x) => x.feature === 'name')?.score ?? 0;
      found.set(key, { left_id: left, right_id: right, score: Math.round(m.score * 1000) / 1000, proposed: !sameList.length && isProposed(a, b, m.score, nameScore), explanation });
    }
  }
  const candidates = [...found.values()].sort((x, y) => y.score - x.score || x.left_id.localeCompare(y.left_id));
  return { report: { screened: population.length, candidates: candidates.length, proposed: candidates.filter((c) => c.proposed).length, settled }, candidates };
}

/**
 * Runs the job and replaces the stored candidates with what it found (give a transaction); keeps when it ran and the
 * list versions it saw (xrefState).
 */
export async function runXref(q: Queryable): Promise<XrefReport> {
  const { report, candidates } = await findCandidates(q);
  await q.query(
    `INSERT INTO xref_runs (id, ran_at, screened, candidates, proposed, settled, lists_seen)
     VALUES (1, now(), $1, $2, $3, $4, ARRAY(SELECT source_id FROM list_versions))
     ON CONFLICT (id) DO UPDATE SET ran_at = EXCLUDED.ran_at, screened = EXCLUDED.screened, candidates = EXCLUDED.candidates,
       proposed = EXCLUDED.proposed, settled = EXCLUDED.settled, lists_seen = EXCLUDED.lists_seen`,
    [report.screened, report.candidates, report.proposed, report.settled],
  );
  await q.query('DELETE FROM xref_candidates');
  if (candidates.length) {
    await q.query(
      `INSERT INTO xref_candidates (left_id, right_id, score, proposed, explanation)
       SELECT u.l, u.r, u.s, u.p, u.e::jsonb FROM unnest($1::text[], $2::text[], $3::real[], $4::bool[], $5::text[]) AS u(l, r, s, p, e)`,
      [candidates.map((c) => c.left_id), candidates.map((c) => c.right_id), candidates.map((c) => c.score), candidates.map((c) => c.proposed), candidates.map((c) => JSON.stringify(c.explanation))],
    );
  }
  return report;
}

/**
 * Whether the review queue is filled: `never_run` (the job has not run on this store: an empty queue says nothing
 * about the lists), `out_of_date` (a list version that changed entries was imported since it ran: its records wait
 * for the next run) or `current`.
 */
export interface XrefState {
  state: 'never_run' | 'out_of_date' | 'current';
  /** The last run: when, records screened (null for a run before migration 055), candidates and proposals found. */
  ran_at: string | null;
  screened: number | null;
  candidates: number | null;
  proposed: number | null;
  /** List versions (with added, changed or removed entries) the last run did not see, newest first, at most 20. */
  lists_since: { list: string; version: string; imported_at: string }[];
}

export async function xrefState(q: Queryable): Promise<XrefState> {
  const [run] = await q.query<{ ran_at: string; screened: number | null; candidates: number; proposed: number; lists_seen: string[] }>(
    'SELECT ran_at, screened, candidates, proposed, lists_seen FROM xref_runs WHERE id = 1');
  const since = await q.query<{ list: string; version: string; imported_at: string }>(
    `SELECT dataset AS list, version, imported_at FROM list_versions
      WHERE added + changed + removed > 0 AND NOT (source_id = ANY($1::text[])) ORDER BY imported_at DESC, dataset LIMIT 20`,
    [run?.lists_seen ?? []],
  );
  const iso = (t: string | Date) => new Date(t).toISOString();
  return {
    state: !run ? 'never_run' : since.length ? 'out_of_date' : 'current',
    ran_at: run ? iso(run.ran_at) : null,
    screened: run?.screened ?? null,
    candidates: run?.candidates ?? null,
    proposed: run?.proposed ?? null,
    lists_since: since.map((v) => ({ list: v.list, version: v.version, imported_at: iso(v.imported_at) })),
  };
}

/** What an empty or stale queue is waiting for, in a sentence naming what to run (`how`: the command or the button); null when current. */
export function xrefAdvice(s: XrefState, how: string): string | null {
  const lists = (n: number) => s.lists_since.slice(0, n).map((v) => `${v.list} ${v.version}`).join(', ') + (s.lists_since.length > n ? ' …' : '');
  if (s.state === 'never_run') {
    return `The cross-reference job has not run on this store, so nothing has looked for records to review yet${s.lists_since.length ? ` (lists imported: ${lists(4)})` : ''}: ${how}.`;
  }
  if (s.state === 'out_of_date') {
    return `The cross-reference job last ran ${s.ran_at!.slice(0, 16).replace('T', ' ')} UTC; imported since: ${lists(4)}, whose records are not looked at yet: ${how}.`;
  }
  return null;
}
