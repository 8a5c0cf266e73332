/**
 * What an audit-grade case report holds, gathered once for both renderings
 * (HTML and PDF): who ran it and when, the list versions with publication
 * dates and SHA-256, threshold and algorithm, a summary first, then every
 * match with its explanation, risk flags, supplier-risk indicator and
 * decision trail, and the alerts list changes raised.
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../store/db.ts';
import { MATCH_FEATURES } from '../match/features.ts';
import type { ScreenInput } from '../screen/csv-input.ts';
import { alertsOf, type CaseAlert } from './alerts.ts';
import { decisionKey, decisionTrail, type DecisionRecord } from './decisions.ts';
import { caseLists, caseResults, caseRuns, getCase, rowsOf, type CaseRecord, type RunRecord, type StoredResult } from './store.ts';
import { SupplierRiskIndex, type SupplierRisk } from './supplier-risk.ts';
import { listVersionDetails, type ListVersionDetail } from './versions.ts';

export interface ReportMatch {
  row: number;
  input: ScreenInput;
  result: StoredResult;
  trail: DecisionRecord[];
  alerts: CaseAlert[];
}

export interface CountryRisk {
  country: string;
  country_name: string;
  rows: number;
  /** Rows whose sector is one the sources name there. */
  sectorRows: number;
  /** The first rows (numbers), for the reader to find them. */
  sampleRows: number[];
  indicator: SupplierRisk;
}

export interface CaseReportData {
  reportId: string;
  generatedAt: string;
  generatedBy: string;
  case: CaseRecord;
  lists: ListVersionDetail[];
  runs: RunRecord[];
  algorithm: { name: string; features: { feature: string; coefficient: number; description: string }[] };
  summary: {
    rows: number; rowsWithMatch: number; matches: number; undecided: number;
    decisions: Record<'confirmed' | 'false_positive' | 'needs_review', number>;
    alerts: Record<'new_match' | 'delisted' | 'changed', number>;
    riskRows: Record<'sector' | 'country', number>;
    /** Rows that could not be screened (an empty name, an unknown schema): not cleared, and listed in `unscreened`. */
    notScreened: number;
  };
  /** The rows not screened, each with why (the first UNSCREENED_LISTED). */
  unscreened: { row: number; name: string; error: string }[];
  matches: ReportMatch[];
  alerts: CaseAlert[];
  /** Supplier-risk indicators by country: rows naming a country where North Korean labour is documented, and what is known there. */
  risks: CountryRisk[];
}

/** How many of the rows not screened a report lists one by one. */
export const UNSCREENED_LISTED = 500;

export async function gatherReport(q: Queryable, name: string, actor: string): Promise<CaseReportData> {
  const c = await getCase(q, name);
  const [lists, runs, results, trail, alerts] = await Promise.all([
    caseLists(q, c.id).then((l) => listVersionDetails(q, l.map((x) => x.source_id))),
    caseRuns(q, c.id), caseResults(q, c.id), decisionTrail(q, c.id), alertsOf(q, c.id),
  ]);
  const trailBy = new Map<string, DecisionRecord[]>();
  for (const d of trail) trailBy.set(decisionKey(d.row, d.entity_id), [...(trailBy.get(decisionKey(d.row, d.entity_id)) ?? []), d]);
  const alertsBy = new Map<string, CaseAlert[]>();
  for (const a of alerts) alertsBy.set(decisionKey(a.row, a.entity_id), [...(alertsBy.get(decisionKey(a.row, a.entity_id)) ?? []), a]);
  const shown = results.filter((r) => r.match || trailBy.has(decisionKey(r.row_no, r.id)) || alertsBy.has(decisionKey(r.row_no, r.id)));
  const inputs = new Map((await rowsOf(q, c.id, [...new Set([...shown.map((r) => r.row_no), ...alerts.map((a) => a.row)])])).map((r) => [r.row_no, r.input]));
  const matches: ReportMatch[] = shown.map((r) => ({
    row: r.row_no, input: inputs.get(r.row_no) ?? {}, result: r, trail: trailBy.get(decisionKey(r.row_no, r.id)) ?? [], alerts: alertsBy.get(decisionKey(r.row_no, r.id)) ?? [],
  }));
  // Decided or alerted pairs whose entity is no longer a result (delisted, or no longer matching): their trail stays in the report.
  const present = new Set(shown.map((r) => decisionKey(r.row_no, r.id)));
  for (const k of new Set([...trailBy.keys(), ...alertsBy.keys()])) {
    if (present.has(k)) continue;
    const t = trailBy.get(k) ?? [];
    const a = alertsBy.get(k) ?? [];
    const row = (t[0]?.row ?? a[0]?.row)!;
    const id = (t[0]?.entity_id ?? a[0]?.entity_id)!;
    matches.push({
      row, input: inputs.get(row) ?? (await rowsOf(q, c.id, [row]))[0]?.input ?? {}, trail: t, alerts: a,
      result: { row_no: row, id, caption: a.at(-1)?.caption ?? id, schema: '', score: 0, match: false, datasets: [], explanation: [], flags: [], state: null },
    });
  }
  matches.sort((x, y) => x.row - y.row || x.result.id.localeCompare(y.result.id));
  const decisions = { confirmed: 0, false_positive: 0, needs_review: 0 };
  let undecided = 0;
  for (const m of matches) {
    const last = m.trail.at(-1);
    if (last) decisions[last.decision]++;
    else if (m.result.match) undecided++;
  }
  const alertCounts = { new_match: 0, delisted: 0, changed: 0 };
  for (const a of alerts) alertCounts[a.change]++;
  const riskIndex = new SupplierRiskIndex(q);
  const byCountry = new Map<string, CountryRisk>();
  const riskRows = { sector: 0, country: 0 };
  const unscreened: CaseReportData['unscreened'] = [];
  let notScreened = 0;
  for (const r of await rowsOf(q, c.id)) {
    if (r.error) {
      notScreened++;
      if (unscreened.length < UNSCREENED_LISTED) unscreened.push({ row: r.row_no, name: r.input.name ?? '', error: r.error });
    }
    const found = (await riskIndex.forRow(r.input)).filter((x) => x.level !== 'none');
    if (!found.length) continue;
    if (found.some((x) => x.level === 'sector')) riskRows.sector++;
    else riskRows.country++;
    for (const f of found) {
      const k = byCountry.get(f.country) ?? { country: f.country, country_name: f.country_name, rows: 0, sectorRows: 0, sampleRows: [], indicator: { ...f, level: 'country' as const } };
      k.rows++;
      if (f.level === 'sector') k.sectorRows++;
      if (k.sampleRows.length < 20) k.sampleRows.push(r.row_no);
      byCountry.set(f.country, k);
    }
  }
  const risks = [...byCountry.values()].sort((a, b) => b.rows - a.rows);
  return {
    reportId: `report-${randomUUID()}`, generatedAt: new Date().toISOString(), generatedBy: actor, case: c, lists, runs,
    algorithm: { name: c.algorithm, features: MATCH_FEATURES.map((f) => ({ feature: f.feature, coefficient: f.coefficient, description: f.description })) },
    summary: {
      rows: c.row_count, rowsWithMatch: new Set(results.filter((r) => r.match).map((r) => r.row_no)).size, matches: results.filter((r) => r.match).length,
      undecided, decisions, alerts: alertCounts, riskRows, notScreened,
    },
    unscreened, matches, alerts, risks,
  };
}

export const DECISION_WORDS: Record<string, string> = { confirmed: 'confirmed match', false_positive: 'false positive', needs_review: 'needs review' };
export const CHANGE_WORDS: Record<string, string> = { new_match: 'new match', delisted: 'delisted', changed: 'changed' };
