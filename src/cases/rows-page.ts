/** A page of a case's rows for the web app: each row with its results, the decision in force on each, and its supplier-risk indicator. */
import type { Queryable } from '../store/db.ts';
import type { ScreenInput } from '../screen/csv-input.ts';
import { decisionKey, latestDecisions, type DecisionRecord } from './decisions.ts';
import { getCase, resultsOfRows, rowsOf, type StoredResult } from './store.ts';
import { SupplierRiskIndex, type SupplierRisk } from './supplier-risk.ts';

export interface CaseRowView {
  row: number;
  input: ScreenInput;
  error: string | null;
  results: (StoredResult & { decision: DecisionRecord | null })[];
  risk: SupplierRisk[];
}

export interface CaseRowsPage { case: string; total: number; offset: number; rows: CaseRowView[] }

export async function caseRowsPage(q: Queryable, name: string, opts: { limit: number; offset: number; matchesOnly: boolean }): Promise<CaseRowsPage> {
  const c = await getCase(q, name);
  const filter = opts.matchesOnly ? 'AND row_no IN (SELECT row_no FROM case_results WHERE case_id = $1 AND match UNION SELECT row_no FROM case_decisions WHERE case_id = $1)' : '';
  const [{ n } = { n: 0 }] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM case_rows WHERE case_id = $1 ${filter}`, [c.id]);
  const nos = (await q.query<{ row_no: number }>(`SELECT row_no FROM case_rows WHERE case_id = $1 ${filter} ORDER BY row_no LIMIT $2 OFFSET $3`, [c.id, opts.limit, opts.offset])).map((r) => r.row_no);
  const [rows, results, decisions] = await Promise.all([rowsOf(q, c.id, nos), resultsOfRows(q, c.id, nos), latestDecisions(q, c.id, nos)]);
  const risk = new SupplierRiskIndex(q);
  const out: CaseRowView[] = [];
  for (const r of rows) {
    out.push({
      row: r.row_no, input: r.input, error: r.error,
      results: results.filter((x) => x.row_no === r.row_no).map((x) => ({ ...x, decision: decisions.get(decisionKey(r.row_no, x.id)) ?? null })),
      risk: await risk.forRow(r.input),
    });
  }
  return { case: c.name, total: n, offset: opts.offset, rows: out };
}
