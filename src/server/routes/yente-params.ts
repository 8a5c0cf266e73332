/**
 * yente's query parameters as its clients send them (lists as repeated
 * parameters: `topics=sanction&topics=role.pep`), read and checked in one
 * place for /match and /search. A value that cannot mean anything is
 * refused by its name, never ignored: a misspelt dataset or topic would
 * otherwise look like a clean result.
 */
import type { Context } from 'hono';
import { invalidOption } from '../../errors.ts';
import { checkSchemas, checkTopics } from '../../screen/index.ts';

/** yente's pattern for `changed_since`: a date, optionally with a time. */
const TS_PATTERN = /^\d{4}-\d{2}-\d{2}(?:T\d{2}(?::\d{2}(?::\d{2})?)?)?$/;
/** yente takes at most this many `exclude_entity_ids`. */
export const MAX_EXCLUDED_IDS = 50;

/** A repeated parameter's values (empty ones dropped). */
export function listParam(c: Context, name: string): string[] {
  return (c.req.queries(name) ?? []).map((v) => v.trim()).filter((v) => v !== '');
}

export function boolParam(c: Context, name: string): boolean | null {
  const v = c.req.query(name);
  if (v === undefined || v === '') return null;
  if (/^(?:true|1|yes|on)$/i.test(v)) return true;
  if (/^(?:false|0|no|off)$/i.test(v)) return false;
  throw invalidOption(name, `must be true or false (got "${v.slice(0, 20)}")`);
}

function datasetList(c: Context, name: string, known: ReadonlySet<string>): string[] {
  const names = listParam(c, name);
  for (const n of names) if (!known.has(n)) throw invalidOption(name, `no such dataset "${n.slice(0, 40)}"; the datasets are listed at /catalog`);
  return names;
}

export interface YenteFilterParams {
  includeDatasets: string[];
  excludeDatasets: string[];
  excludeSchemas: string[];
  topics: string[];
  changedSince: string | null;
  excludeEntityIds: string[];
}

/** The filters /match and /search share. */
export function yenteFilterParams(c: Context, known: ReadonlySet<string>): YenteFilterParams {
  const changedSince = c.req.query('changed_since') || null;
  if (changedSince !== null && !TS_PATTERN.test(changedSince)) {
    throw invalidOption('changed_since', `must be a date YYYY-MM-DD, optionally with a time THH:MM:SS (got "${changedSince.slice(0, 30)}")`);
  }
  const excludeEntityIds = listParam(c, 'exclude_entity_ids');
  if (excludeEntityIds.length > MAX_EXCLUDED_IDS) throw invalidOption('exclude_entity_ids', `at most ${MAX_EXCLUDED_IDS} ids (got ${excludeEntityIds.length})`);
  return {
    includeDatasets: datasetList(c, 'include_dataset', known),
    excludeDatasets: datasetList(c, 'exclude_dataset', known),
    excludeSchemas: checkSchemas('exclude_schema', listParam(c, 'exclude_schema')),
    topics: checkTopics('topics', listParam(c, 'topics')),
    changedSince,
    excludeEntityIds,
  };
}
