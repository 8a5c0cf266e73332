/**
 * Which rows of a case a list change concerns, found from the change's side
 * (issue 20: re-screening a large case against a small change costs a small
 * part of a full screening). Instead of screening the rows again, the
 * entities the change touched are matched against the rows:
 *   1. rows whose stored results (any score, or a decision) name an entity of
 *      a changed entry's group: their answer changes with it;
 *   2. rows sharing a block with the new version of a touched entity: the
 *      case rows' name keys (keys.ts, the matcher's own blocking keys, kept
 *      with each row under a GIN index) looked up by the entity's rarest words
 *      among the case's rows, enough of them that a row holding none cannot
 *      reach the threshold (`shareFor`);
 *   3. of those, the rows where a touched entity scores at least the cutoff:
 *      each row matched against a small index of the touched entities only,
 *      weighed by the whole index's word frequencies, so the (row, entity)
 *      scores are the full matcher's (or above: it compares every name the
 *      row's keys reach, the full one skips the words in over 1,500 names).
 * The rows of 1 and 3 are then screened again in full (cases/rescreen.ts),
 * so their results are exactly a full re-screening's.
 */
import type { Db } from '../store/db.ts';
import { MatchIndex } from '../match/candidate-index.ts';
import { Matcher } from '../match/matcher.ts';
import { MATCH_FEATURES } from '../match/features.ts';
import type { MatchableEntity } from '../match/types.ts';
import type { ScreeningOptions } from '../screen/options.ts';
import type { ScreenInput } from '../screen/csv-input.ts';
import { INPUT_FIELDS } from '../screen/input-detect.ts';
import type { ScreeningService } from '../screen/service.ts';
import { screenRow } from '../screen/screen.ts';
import { BIRTH_DATE_KEY, identifierKeys, selectiveNameKeys } from './keys.ts';
import { keyCounts, rowsByKeys, rowsOf, rowsWithAnyResultFor, type StoredRow } from './store.ts';

export interface RowSelection {
  /** Rows to screen again, ascending. */
  rows: number[];
  /** Their stored inputs, by row number (those already read). */
  inputs: Map<number, StoredRow>;
  /** Entities of the current index the change touched (their ids). */
  touched: MatchableEntity[];
  /** Rows found by their results (1), by a shared block (2), and kept after scoring (3). */
  byResult: number;
  byBlock: number;
  byScore: number;
  /** Milliseconds for each step: results, index of touched entities, block lookup, scoring. */
  ms: { results: number; index: number; block: number; score: number };
}

/** Alignments found without a shared key (two edits on long words, translations, squeezed names) may add this much of a name's weight. */
const MARGIN = 0.1;

const effect = (feature: string) => MATCH_FEATURES.find((f) => f.feature === feature)?.coefficient ?? 0;

/**
 * The lowest name score from which the features beside the name could still
 * lift a result to the threshold: country agreement (and an exact birth date,
 * for a row that gives one) at full effect (`s + (1 − s)·e`).
 */
export function nameFloor(threshold: number, withBirthDate: boolean): number {
  let keep = 1 - effect('country');
  if (withBirthDate) keep *= 1 - effect('birth_date');
  return Math.max(0, 1 - (1 - threshold) / keep);
}

/**
 * The share of a name's weight a row must hold for the weighted Dice score of
 * score-name.ts to reach `floor`: a row matching only the rest (1 − share) of
 * the name scores at most 2(1 − share)/(2 − share). Plus a margin.
 */
export function shareFor(floor: number): number {
  return Math.min(1, Math.max(0, (2 * (1 - floor)) / (2 - floor) + MARGIN));
}

/** Entities of the index with a record in `records` (their own id or a referent). */
export function touchedEntities(service: ScreeningService, records: ReadonlySet<string>): MatchableEntity[] {
  return service.matcher.index.entities.filter((e) => records.has(e.id) || (e.referents ?? []).some((r) => records.has(r)));
}

/** What identifies a row's screening: its input, fields in a fixed order. */
export function inputKey(input: ScreenInput): string {
  return JSON.stringify(INPUT_FIELDS.map((f) => input[f] ?? ''));
}

export async function rowsConcerned(
  q: Db, caseId: string, service: ScreeningService, affected: ReadonlySet<string>, options: ScreeningOptions, opts: { sameInputOnce?: boolean } = {},
): Promise<RowSelection> {
  const t0 = performance.now();
  const byResult = new Set(await rowsWithAnyResultFor(q, caseId, [...affected]));
  const t1 = performance.now();
  const touched = touchedEntities(service, affected);
  const inputs = new Map<number, StoredRow>();
  if (!touched.length) return { rows: [...byResult].sort((a, b) => a - b), inputs, touched, byResult: byResult.size, byBlock: 0, byScore: 0, ms: { results: t1 - t0, index: 0, block: 0, score: 0 } };

  const small = new Matcher(new MatchIndex(touched, { weightsFrom: service.matcher.index }));
  const names = small.index.names.map((n) => ({ prepared: n.prepared, weights: n.weights }));
  const words = [...new Set(names.flatMap((n) => n.prepared.tokens.map((t) => t.key)).filter((k) => k !== ''))];
  const t2 = performance.now();
  const counts = await keyCounts(q, caseId, [...words, BIRTH_DATE_KEY]);
  const [plain, withDate] = selectiveNameKeys(names, (k) => counts.get(k) ?? 0, [
    shareFor(nameFloor(options.threshold, false)), shareFor(nameFloor(options.threshold, true)),
  ]) as [Set<string>, Set<string>];
  for (const k of identifierKeys(touched.flatMap((e) => e.identifiers.map((i) => i.value)))) { plain.add(k); withDate.add(k); }
  // Only keys some row carries (most one-letter deletions are nobody's).
  const held = await keyCounts(q, caseId, [...new Set([...plain, ...withDate])]);
  const present = (keys: Iterable<string>) => [...keys].filter((k) => (held.get(k) ?? 0) > 0);
  const dated = (counts.get(BIRTH_DATE_KEY) ?? 0) > 0 ? present([...withDate].filter((k) => !plain.has(k))) : [];
  const block = new Set([...await rowsByKeys(q, caseId, present(plain)), ...await rowsByKeys(q, caseId, dated, BIRTH_DATE_KEY)]);
  const t3 = performance.now();
  const scored: number[] = [];
  const toScore = [...block].filter((r) => !byResult.has(r)).sort((a, b) => a - b);
  const wide = { ...options, limit: Math.max(options.limit, small.size) };
  // Rows of the same input (a name listed twice) score alike: once each.
  const seen = new Map<string, boolean>();
  for (let i = 0; i < toScore.length; i += 5000) {
    for (const row of await rowsOf(q, caseId, toScore.slice(i, i + 5000))) {
      const key = opts.sameInputOnce === false ? null : inputKey(row.input);
      let hit = key === null ? undefined : seen.get(key);
      if (hit === undefined) {
        hit = screenRow(small, { row: row.row_no, input: row.input }, wide).matches.length > 0;
        if (key !== null) seen.set(key, hit);
      }
      if (hit) {
        scored.push(row.row_no);
        inputs.set(row.row_no, row);
      }
    }
  }
  const rows = [...new Set([...byResult, ...scored])].sort((a, b) => a - b);
  const ms = { results: t1 - t0, index: t2 - t1, block: t3 - t2, score: performance.now() - t3 };
  return { rows, inputs, touched, byResult: byResult.size, byBlock: block.size, byScore: scored.length, ms: Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, Math.round(v)])) as RowSelection['ms'] };
}
