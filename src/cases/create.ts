/**
 * Creating a case: its rows read (CSV or workbook, see screen/file-input.ts),
 * screened in batches against the current index, and kept with their results,
 * their keys (for re-screening against a list change, keys.ts), the list
 * state of every match, the list versions screened against, and a run record;
 * the creation is put in the audit trail. A failure leaves no half-made case.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../store/db.ts';
import { Room39Error, invalidInput, invalidOption } from '../errors.ts';
import { appendAudit } from '../audit/log.ts';
import type { CsvRow, InputInfo } from '../screen/csv-input.ts';
import type { ScreeningOptions } from '../screen/options.ts';
import { screenRow } from '../screen/screen.ts';
import type { ScreeningService } from '../screen/service.ts';
import { rowKeys } from './keys.ts';
import { listStates, type ListState } from './state.ts';
import {
  addKeyCounts, currentListVersions, getCase, ownCaseNamed, insertRows, insertRun, replaceResults, setCaseLists, type CaseRecord, type StoredResult,
} from './store.ts';
import { listVersionDetails } from './versions.ts';

export interface CreateCaseInput {
  name: string;
  rows: AsyncIterable<CsvRow>;
  fileName: string;
  /** How the file was read, once its header is known (filled by the reader's onInfo). */
  info: () => InputInfo | null;
  options: ScreeningOptions;
  actor: string;
  webhookUrl?: string | null;
}

export const BATCH = 1000;

export function checkCaseName(name: string): string {
  const n = name.normalize('NFC').trim();
  if (n === '' || n.length > 100) throw invalidOption('name', 'a case name is 1 to 100 characters');
  if (/[\u0000-\u001f\u007f]/.test(n)) throw invalidOption('name', 'a case name has no control characters');
  return n;
}

export function checkWebhook(url: string | null | undefined): string | null {
  if (!url) return null;
  let u: URL;
  try { u = new URL(url); } catch { throw invalidOption('webhook', `"${url.slice(0, 80)}" is not a URL`); }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw invalidOption('webhook', 'the webhook must be an http(s) URL');
  if (u.username || u.password) throw invalidOption('webhook', 'put no credentials in the webhook URL');
  return u.toString();
}

/** A new id for every case: one made again under a deleted case's name is another case, in the audit trail and the job queue. */
const newCaseId = () => `case-${randomUUID().replace(/-/g, '').slice(0, 16)}`;

/** Screens a batch of rows; results carry the list state of each match (cached across batches). */
export async function screenBatch(db: Db, service: ScreeningService, batch: readonly CsvRow[], options: ScreeningOptions, states: Map<string, ListState | null>, withKeys = true) {
  const results: StoredResult[] = [];
  const rows = batch.map((r) => {
    const res = screenRow(service.matcher, r, options);
    for (const m of res.matches) results.push({ ...m, row_no: r.row, state: null });
    return { row_no: r.row, input: r.input, keys: withKeys ? rowKeys(r.input) : [], error: res.error ?? null };
  });
  const missing = [...new Set(results.filter((m) => m.match && !states.has(m.id)).map((m) => m.id))];
  if (missing.length) {
    const got = await listStates(db, missing);
    for (const id of missing) states.set(id, got.get(id) ?? null);
  }
  for (const m of results) if (m.match) m.state = states.get(m.id) ?? null;
  return { rows, results };
}

export async function createCase(db: Db, getService: () => Promise<ScreeningService>, input: CreateCaseInput): Promise<CaseRecord> {
  const name = checkCaseName(input.name);
  const webhook = checkWebhook(input.webhookUrl);
  // Only the maker's own cases are in the way: another account's case of this name is neither refused nor told of.
  const existing = await ownCaseNamed(db, input.actor, name);
  if (existing) {
    throw new Room39Error('conflict', existing.status === 'ready'
      ? `a case named "${name}" exists already; choose another name, or delete it first (room39 case delete)`
      : `a case named "${name}" was left unfinished; delete it first (room39 case delete)`);
  }
  const id = newCaseId();
  // The versions are taken before the index: a version imported meanwhile is re-screened later, never skipped.
  const lists = await currentListVersions(db);
  const service = await getService();
  const started = new Date();
  const o = input.options;
  // Two creations of one name by one owner at once (a double submit): the second is told so, and never touches the first's case.
  const claimed = await db.query<{ id: string }>(
    `INSERT INTO cases (id, name, created_by, file_name, file_sha256, threshold, cutoff, result_limit, dataset, algorithm, webhook_url, status)
     VALUES ($1,$2,$3,$4,'',$5,$6,$7,$8,$9,$10,'screening') ON CONFLICT DO NOTHING RETURNING id`,
    [id, name, input.actor, input.fileName.slice(0, 300), o.threshold, o.cutoff, o.limit, o.dataset.name, o.algorithm, webhook]);
  if (!claimed.length) throw new Room39Error('conflict', `a case named "${name}" is being created or exists already; choose another name, or wait and see room39 case list`);
  try {
    const hash = createHash('sha256');
    const states = new Map<string, ListState | null>();
    let batch: CsvRow[] = [];
    let count = 0;
    let withMatch = 0;
    const keyCount = new Map<string, number>();
    const flush = async () => {
      const { rows, results } = await screenBatch(db, service, batch, o, states);
      for (const r of rows) for (const k of r.keys) keyCount.set(k, (keyCount.get(k) ?? 0) + 1);
      withMatch += new Set(results.filter((r) => r.match).map((r) => r.row_no)).size;
      await insertRows(db, id, rows);
      await replaceResults(db, id, [], results);
      batch = [];
    };
    for await (const r of input.rows) {
      const nul = Object.entries(r.input).find(([, v]) => typeof v === 'string' && v.includes('\u0000'));
      // PostgreSQL cannot store a NUL: say which cell, rather than fail the whole request as the server's fault.
      if (nul) throw invalidInput(`data row ${r.row}, column ${nul[0]}, holds a NUL character, which a case cannot store; remove it (a file full of them is UTF-16 or binary: save it as UTF-8 CSV)`, input.fileName);
      hash.update(JSON.stringify(r.input));
      batch.push(r);
      count++;
      if (batch.length >= BATCH) await flush();
    }
    if (batch.length) await flush();
    if (count === 0) throw invalidOption('file', 'the file has a header but no rows');
    const finished = new Date();
    await setCaseLists(db, id, lists);
    await addKeyCounts(db, id, keyCount);
    // Fresh statistics after a bulk load, so a re-screening's lookups use the indexes (cases/rescreen-rows.ts).
    await db.exec('ANALYZE case_rows; ANALYZE case_results; ANALYZE case_key_counts');
    await db.query(
      `UPDATE cases SET status = 'ready', row_count = $2, file_sha256 = $3, input_info = $4::jsonb, updated_at = now() WHERE id = $1`,
      [id, count, hash.digest('hex'), JSON.stringify(input.info() ?? {})]);
    await insertRun(db, {
      id: `run-${randomUUID()}`, case_id: id, kind: 'screen', actor: input.actor, started_at: started.toISOString(), finished_at: finished.toISOString(),
      duration_ms: finished.getTime() - started.getTime(), threshold: o.threshold, algorithm: o.algorithm,
      list_versions: await listVersionDetails(db, lists.map((l) => l.source_id)), trigger: { reason: 'created' }, rows_screened: count, rows_with_match: withMatch, alerts: 0,
    });
    await appendAudit(db, { actor: input.actor, action: 'case.create', target: id, after: { name, rows: count, rows_with_match: withMatch, threshold: o.threshold, dataset: o.dataset.name, file: input.fileName.slice(0, 300) } });
  } catch (e) {
    await db.query('DELETE FROM cases WHERE id = $1', [id]).catch(() => undefined);
    throw e;
  }
  return getCase(db, id);
}

export async function deleteCase(db: Db, name: string, actor: string): Promise<void> {
  const c = await getCase(db, name);
  await db.transaction(async (tx) => {
    await tx.query('DELETE FROM cases WHERE id = $1', [c.id]);
    await appendAudit(tx, { actor, action: 'case.delete', target: c.id, before: { name: c.name, rows: c.row_count } });
  });
}
