/**
 * The cases' tables (migrations 040_cases.sql, 056_case_names_per_owner.sql): every query the cases module
 * runs, parameterised, in batches where a case is large. Nothing else writes
 * these tables.
 */
import type { Db, Queryable } from '../store/db.ts';
import { notFound } from '../errors.ts';
import type { ScreenInput } from '../screen/csv-input.ts';
import type { ScreenMatch } from '../screen/screen.ts';
import type { ListState } from './state.ts';
import { EVERY_CASE, caseOwnerKey, pickCase, type CaseAsker } from './access.ts';

export interface CaseRecord {
  id: string;
  name: string;
  created_at: string;
  created_by: string;
  file_name: string;
  file_sha256: string;
  input_info: unknown;
  threshold: number;
  cutoff: number;
  result_limit: number;
  dataset: string;
  algorithm: string;
  webhook_url: string | null;
  row_count: number;
  status: 'screening' | 'ready';
  updated_at: string;
}

export interface StoredRow { row_no: number; input: ScreenInput; error: string | null }

export interface StoredResult extends ScreenMatch {
  row_no: number;
  state: ListState | null;
}

export interface ListVersionRef { dataset: string; source_id: string; version: string }

const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));
/** A stored case as the doors show it (the `owner` column, derived from `created_by`, stays inside). */
const toRecord = ({ owner: _owner, ...r }: CaseRecord & { owner?: unknown }): CaseRecord => ({
  ...r, input_info: json(r.input_info), created_at: iso(r.created_at), updated_at: iso(r.updated_at),
});

/**
 * Every case `ref` could name, whoever made it: the one with that id, and those with that name (as given, or read as
 * a name is kept: NFC, trimmed, create.ts `checkCaseName`); oldest first. Names are unique per owner only (migration
 * 056): access.ts `pickCase` chooses among these the one the asker may see.
 */
export async function casesNamed(q: Queryable, ref: string): Promise<CaseRecord[]> {
  const rows = await q.query<CaseRecord>('SELECT * FROM cases WHERE name = $1 OR name = $2 OR id = $1 ORDER BY created_at, id', [ref, ref.normalize('NFC').trim()]);
  return rows.map(toRecord);
}

/**
 * A case by its id or its name, among those `asker` may see (access.ts `pickCase`): the id wins, then the asker's own
 * case of that name, then the only other one; several others of that name are an error naming their ids. Ids are made
 * by room39, so a case named like another case's id never stands in for it (the doors look a case up by name once,
 * as their caller, and pass its id on). Without an asker, every case is seen and none is the asker's own.
 */
export async function findCase(q: Queryable, ref: string, asker: CaseAsker = EVERY_CASE): Promise<CaseRecord | null> {
  return pickCase(await casesNamed(q, ref), ref, asker);
}

/** The owner's case of this name (as kept), if any: the one a new case of that name would collide with. */
export async function ownCaseNamed(q: Queryable, createdBy: string, name: string): Promise<CaseRecord | null> {
  const [r] = await q.query<CaseRecord>('SELECT * FROM cases WHERE owner = $1 AND name = $2', [caseOwnerKey(createdBy), name]);
  return r ? toRecord(r) : null;
}

/** The answer for a case that is not there, or that the asker may not see (the same words, so neither tells the other apart). */
export const noSuchCase = (name: string) => notFound(`no case named "${name.slice(0, 80)}"; room39 case list shows the cases`);

export async function getCase(q: Queryable, ref: string, asker: CaseAsker = EVERY_CASE): Promise<CaseRecord> {
  const c = await findCase(q, ref, asker);
  if (!c) throw noSuchCase(ref);
  return c;
}

export async function listCaseRecords(q: Queryable): Promise<CaseRecord[]> {
  const rows = await q.query<CaseRecord>('SELECT * FROM cases ORDER BY created_at DESC, name');
  return rows.map(toRecord);
}

export async function insertRows(q: Queryable, caseId: string, rows: { row_no: number; input: ScreenInput; keys: string[]; error: string | null }[]): Promise<void> {
  if (!rows.length) return;
  await q.query(
    `INSERT INTO case_rows (case_id, row_no, input, keys, error)
     SELECT $1, r.row_no, r.input::jsonb, ARRAY(SELECT jsonb_array_elements_text(r.keys::jsonb)), r.error
       FROM unnest($2::int[], $3::text[], $4::text[], $5::text[]) AS r(row_no, input, keys, error)
     ON CONFLICT (case_id, row_no) DO UPDATE SET input = EXCLUDED.input, keys = EXCLUDED.keys, error = EXCLUDED.error`,
    [caseId, rows.map((r) => r.row_no), rows.map((r) => JSON.stringify(r.input)), rows.map((r) => JSON.stringify(r.keys)), rows.map((r) => r.error)],
  );
}

/** Replaces the results of these rows with the given ones. */
export async function replaceResults(q: Queryable, caseId: string, rowNos: readonly number[], results: readonly StoredResult[]): Promise<void> {
  if (rowNos.length) await q.query('DELETE FROM case_results WHERE case_id = $1 AND row_no = ANY($2::int[])', [caseId, rowNos]);
  for (let i = 0; i < results.length; i += 2000) {
    const part = results.slice(i, i + 2000);
    await q.query(
      `INSERT INTO case_results (case_id, row_no, entity_id, caption, schema, score, match, datasets, explanation, flags, state)
       SELECT $1, r.row_no, r.entity_id, r.caption, r.schema, r.score, r.match, ARRAY(SELECT jsonb_array_elements_text(r.datasets::jsonb)),
              r.explanation::jsonb, r.flags::jsonb, r.state::jsonb
         FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::bool[], $8::text[], $9::text[], $10::text[], $11::text[])
           AS r(row_no, entity_id, caption, schema, score, match, datasets, explanation, flags, state)
       ON CONFLICT (case_id, row_no, entity_id) DO NOTHING`,
      [caseId, part.map((r) => r.row_no), part.map((r) => r.id), part.map((r) => r.caption), part.map((r) => r.schema), part.map((r) => r.score),
        part.map((r) => r.match), part.map((r) => JSON.stringify(r.datasets)), part.map((r) => JSON.stringify(r.explanation)),
        part.map((r) => JSON.stringify(r.flags)), part.map((r) => (r.state ? JSON.stringify(r.state) : null))],
    );
  }
}

/** Writes these results over the stored ones of the same (row, entity), and deletes the pairs given (through the primary key's row numbers). */
export async function updateResults(q: Queryable, caseId: string, upsert: readonly StoredResult[], remove: readonly { row_no: number; id: string }[]): Promise<void> {
  const pairs = [...upsert, ...remove];
  for (let i = 0; i < pairs.length; i += 5000) {
    const part = pairs.slice(i, i + 5000);
    await q.query(
      `DELETE FROM case_results WHERE case_id = $1 AND row_no = ANY($2::int[]) AND (row_no::text || '|' || entity_id) = ANY($3::text[])`,
      [caseId, [...new Set(part.map((p) => p.row_no))], part.map((p) => `${p.row_no}|${p.id}`)]);
  }
  await replaceResults(q, caseId, [], upsert);
}

interface ResultRow { row_no: number; entity_id: string; caption: string; schema: string; score: number; match: boolean; datasets: string[]; explanation: unknown; flags: unknown; state: unknown }

function toResult(r: ResultRow): StoredResult {
  return {
    row_no: r.row_no, id: r.entity_id, caption: r.caption, schema: r.schema, score: Number(r.score), match: r.match, datasets: r.datasets ?? [],
    explanation: json(r.explanation) as StoredResult['explanation'], flags: json(r.flags) as StoredResult['flags'], state: (json(r.state) as ListState | null) ?? null,
  };
}

export async function resultsOfRows(q: Queryable, caseId: string, rowNos: readonly number[]): Promise<StoredResult[]> {
  const rows = await q.query<ResultRow>(
    'SELECT row_no, entity_id, caption, schema, score, match, datasets, explanation, flags, state FROM case_results WHERE case_id = $1 AND row_no = ANY($2::int[]) ORDER BY row_no, score DESC',
    [caseId, rowNos]);
  return rows.map(toResult);
}

/** Results of a case, matches only or all, in row order (a page of them). */
export async function caseResults(q: Queryable, caseId: string, opts: { matchesOnly?: boolean; limit?: number; offset?: number } = {}): Promise<StoredResult[]> {
  const rows = await q.query<ResultRow>(
    `SELECT row_no, entity_id, caption, schema, score, match, datasets, explanation, flags, state FROM case_results
      WHERE case_id = $1 AND ($2::bool = false OR match) ORDER BY row_no, score DESC LIMIT $3 OFFSET $4`,
    [caseId, opts.matchesOnly === true, opts.limit ?? 1_000_000, opts.offset ?? 0]);
  return rows.map(toResult);
}

/** Rows with a result (any score) or a decision naming one of these entities (by the entity index: the case's share of the key is larger). */
export async function rowsWithAnyResultFor(q: Queryable, caseId: string, entityIds: readonly string[]): Promise<number[]> {
  if (!entityIds.length) return [];
  const rows = await q.query<{ row_no: number }>(
    `SELECT row_no FROM (SELECT case_id, row_no FROM case_results WHERE entity_id = ANY($2::text[]) OFFSET 0) r WHERE case_id = $1
      UNION SELECT row_no FROM case_decisions WHERE entity_id = ANY($2::text[]) AND case_id = $1`,
    [caseId, entityIds]);
  return rows.map((r) => r.row_no);
}

/**
 * Rows carrying one of these keys (and `alsoKey`, when given), through the
 * keys' GIN index: the planner, misled by the overlap's selectivity, would
 * rather filter every row of the case, so the lookup is fenced from the case
 * condition and sequential scans are off for it.
 */
export async function rowsByKeys(db: Db, caseId: string, keys: readonly string[], alsoKey: string | null = null): Promise<number[]> {
  if (!keys.length) return [];
  return db.transaction(async (tx) => {
    await tx.query('SET LOCAL enable_seqscan = off');
    const rows = await tx.query<{ row_no: number }>(
      `SELECT row_no FROM (SELECT case_id, row_no FROM case_rows WHERE keys && $2::text[] AND ($3::text IS NULL OR keys @> ARRAY[$3::text]) OFFSET 0) x
        WHERE case_id = $1`,
      [caseId, keys, alsoKey]);
    return rows.map((r) => r.row_no);
  });
}

export async function rowsOf(q: Queryable, caseId: string, rowNos?: readonly number[]): Promise<StoredRow[]> {
  const rows = await q.query<{ row_no: number; input: unknown; error: string | null }>(
    `SELECT row_no, input, error FROM case_rows WHERE case_id = $1 AND ($2::int[] IS NULL OR row_no = ANY($2::int[])) ORDER BY row_no`,
    [caseId, rowNos ?? null]);
  return rows.map((r) => ({ row_no: r.row_no, input: json(r.input) as ScreenInput, error: r.error }));
}

/** How many of a case's rows could not be screened (an empty name, an unknown schema). */
export async function unscreenedRows(q: Queryable, caseId: string): Promise<number> {
  const [r] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM case_rows WHERE case_id = $1 AND error IS NOT NULL', [caseId]);
  return r?.n ?? 0;
}

export async function caseLists(q: Queryable, caseId: string): Promise<ListVersionRef[]> {
  return q.query<ListVersionRef>('SELECT dataset, source_id, version FROM case_lists WHERE case_id = $1 ORDER BY dataset', [caseId]);
}

export async function setCaseLists(q: Queryable, caseId: string, lists: readonly ListVersionRef[]): Promise<void> {
  for (const l of lists) {
    await q.query(
      `INSERT INTO case_lists (case_id, dataset, source_id, version, synced_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (case_id, dataset) DO UPDATE SET source_id = EXCLUDED.source_id, version = EXCLUDED.version, synced_at = now()`,
      [caseId, l.dataset, l.source_id, l.version]);
  }
}

/** The newest imported version of each list. */
export async function currentListVersions(q: Queryable): Promise<ListVersionRef[]> {
  return q.query<ListVersionRef>(
    `SELECT DISTINCT ON (dataset) dataset, source_id, version FROM list_versions ORDER BY dataset, imported_at DESC, version DESC`);
}

/**
 * SQL: list version `v` came after version `seen`, the one a case row `c` names. Versions are ordered by when they were
 * imported, not by their labels: imports go oldest first (a date going backwards is refused), but a label is not always
 * the date: a file without one is labelled by its modification date, and keeps that label once `--date` gives it its
 * real, earlier date. A version no longer stored is compared by label.
 */
export const importedAfter = (v: string, seen: string, c: string) =>
  `(CASE WHEN ${seen}.source_id IS NULL THEN ${v}.version > ${c}.version ELSE (${v}.imported_at, ${v}.version) > (${seen}.imported_at, ${seen}.version) END)`;

/** List versions imported after the ones a case was screened against (oldest first). */
export async function pendingVersions(q: Queryable, caseId: string): Promise<ListVersionRef[]> {
  return q.query<ListVersionRef>(
    `SELECT v.dataset, v.source_id, v.version FROM list_versions v
       LEFT JOIN case_lists c ON c.case_id = $1 AND c.dataset = v.dataset
       LEFT JOIN list_versions seen ON seen.dataset = c.dataset AND seen.version = c.version
      WHERE c.version IS NULL OR ${importedAfter('v', 'seen', 'c')}
      ORDER BY v.imported_at, v.version, v.dataset`,
    [caseId]);
}

export interface RunRecord {
  id: string; case_id: string; kind: 'screen' | 'rescreen'; actor: string; started_at: string; finished_at: string; duration_ms: number;
  threshold: number; algorithm: string; list_versions: unknown; trigger: unknown; rows_screened: number; rows_with_match: number; alerts: number;
}

export async function insertRun(q: Queryable, r: RunRecord): Promise<void> {
  await q.query(
    `INSERT INTO case_runs (id, case_id, kind, actor, started_at, finished_at, duration_ms, threshold, algorithm, list_versions, trigger, rows_screened, rows_with_match, alerts)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10::jsonb,$11::jsonb,$12,$13,$14)`,
    [r.id, r.case_id, r.kind, r.actor, r.started_at, r.finished_at, r.duration_ms, r.threshold, r.algorithm, JSON.stringify(r.list_versions),
      JSON.stringify(r.trigger), r.rows_screened, r.rows_with_match, r.alerts]);
}

export async function caseRuns(q: Queryable, caseId: string): Promise<RunRecord[]> {
  const rows = await q.query<RunRecord>('SELECT * FROM case_runs WHERE case_id = $1 ORDER BY started_at, id', [caseId]);
  return rows.map((r) => ({ ...r, started_at: iso(r.started_at), finished_at: iso(r.finished_at), list_versions: json(r.list_versions), trigger: json(r.trigger) }));
}

/** Adds to a case's key counts. */
export async function addKeyCounts(q: Queryable, caseId: string, counts: ReadonlyMap<string, number>): Promise<void> {
  const entries = [...counts];
  for (let i = 0; i < entries.length; i += 5000) {
    const part = entries.slice(i, i + 5000);
    await q.query(
      `INSERT INTO case_key_counts (case_id, key, n) SELECT $1, k, n FROM unnest($2::text[], $3::int[]) AS x(k, n)
       ON CONFLICT (case_id, key) DO UPDATE SET n = case_key_counts.n + EXCLUDED.n`,
      [caseId, part.map(([k]) => k), part.map(([, n]) => n)]);
  }
}

/** How many rows of a case carry each of these keys (0 for none). */
export async function keyCounts(q: Queryable, caseId: string, keys: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < keys.length; i += 5000) {
    for (const r of await q.query<{ key: string; n: number }>('SELECT key, n FROM case_key_counts WHERE case_id = $1 AND key = ANY($2::text[])', [caseId, keys.slice(i, i + 5000)])) out.set(r.key, r.n);
  }
  return out;
}
