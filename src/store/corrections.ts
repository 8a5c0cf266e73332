/**
 * A value a reviewer corrected. A claim accepted from a document through a
 * correction keeps the document's quote, and the quote says something else
 * (the source names China, the reviewer set Kazakhstan): every answer that
 * shows such a statement or figure with its quote also says who corrected it,
 * when, and what the source's text gave. Read from the review queue's record
 * (review_items, review_decisions), batched: one query for many rows.
 */
import type { Queryable } from './db.ts';
import { countryName } from '../model/countries.ts';

export interface Correction {
  /** The reviewer who last corrected the value. */
  by: string;
  at: string;
  /** What the source's text gave, as a reader says it ("China", "4,500 workers in China (2017)"). */
  from: string;
}

/** A figure's value as a reader says it: "4,500" (not "4500–4500"), "70%", "300 or more", "up to $5,000", "8–12 months". */
export function figureValue(low: number | null, high: number | null, unit: string): string {
  const n = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 2 });
  const bare = (v: number) => (unit === 'fraction' ? `${Math.round(v * 1000) / 10}` : unit === 'USD' ? `$${n(v)}` : n(v));
  const after = unit === 'fraction' ? '%' : unit === 'persons' || unit === 'USD' ? '' : ` ${unit}`;
  if (low !== null && high !== null) return low === high ? bare(low) + after : `${bare(low)}–${bare(high)}${after}`;
  if (low !== null) return `${bare(low)}${after} or more`;
  if (high !== null) return `up to ${bare(high)}${after}`;
  return 'no number';
}

interface DecisionRow<Before> {
  target: string;
  words: string;
  before: Before;
  reviewer: string;
  decided_at: string | Date;
}

/** The first decision's `before` (what extraction proposed) and the last correction, of accepted items. */
const DECISIONS = `JOIN LATERAL (SELECT d.reviewer, d.decided_at FROM review_decisions d
                    WHERE d.item_id = r.id AND d.decision = 'correct' ORDER BY d.id DESC LIMIT 1) last ON true
  JOIN LATERAL (SELECT d.before FROM review_decisions d WHERE d.item_id = r.id ORDER BY d.id LIMIT 1) first ON true`;

const made = (r: DecisionRow<unknown>, from: string): Correction => ({ by: r.reviewer, at: new Date(r.decided_at).toISOString(), from });

/** Corrections of statements by id, for those whose value now differs from what the document gave. */
export async function statementCorrections(
  q: Queryable,
  statements: readonly { id: string; prop: string; value: string }[],
): Promise<Map<string, Correction>> {
  const out = new Map<string, Correction>();
  if (statements.length === 0) return out;
  const ids = statements.map((s) => s.id);
  const rows = await q.query<DecisionRow<{ statements?: { id: string; value: string }[] }>>(
    `SELECT u.sid AS target, r.text AS words, first.before, last.reviewer, last.decided_at
       FROM review_items r CROSS JOIN LATERAL unnest(r.statement_ids) AS u(sid) ${DECISIONS}
      WHERE r.status = 'accepted' AND r.statement_ids && $1::text[] AND u.sid = ANY($1::text[])`,
    [ids],
  );
  const byId = new Map(statements.map((s) => [s.id, s]));
  for (const r of rows) {
    const now = byId.get(r.target);
    const was = r.before.statements?.find((s) => s.id === r.target)?.value;
    if (!now || was === undefined || was === now.value) continue;
    // A country is named as a reader knows it; an entity by the words the document used for it.
    out.set(r.target, made(r, now.prop === 'country' ? countryName(was) : now.prop === 'entity' ? r.words : was));
  }
  return out;
}

/** The fields of a figure a correction can change that make what it says. */
export interface FigureValue {
  id: string;
  metric: string;
  country: string | null;
  entity_id: string | null;
  sector: string | null;
  recipient: string | null;
  period_start: string | null;
  period_end: string | null;
  low: number | null;
  high: number | null;
  of_total: number | null;
  unit: string;
  per: string | null;
  qualifier: string;
}

const SAID: readonly (keyof FigureValue)[] = ['metric', 'country', 'entity_id', 'sector', 'recipient', 'period_start', 'period_end', 'low', 'high', 'of_total', 'unit', 'per', 'qualifier'];

/** "4,500 workers in China (2017–2018)": a figure whole, as the source gave it. */
export function figureWords(f: FigureValue): string {
  const period = f.period_start || f.period_end ? ` (${[f.period_start, f.period_end].filter((p, i, a) => p && a.indexOf(p) === i).join('–')})` : '';
  return `${figureValue(f.low, f.high, f.unit)} ${f.metric.replace(/_/g, ' ')}${f.country ? ` in ${countryName(f.country)}` : ''}${period}`;
}

/** Corrections of figures by id, for those that now say something other than what the document gave. */
export async function figureCorrections(q: Queryable, figures: readonly FigureValue[]): Promise<Map<string, Correction>> {
  const out = new Map<string, Correction>();
  if (figures.length === 0) return out;
  const rows = await q.query<DecisionRow<{ figure?: FigureValue }>>(
    `SELECT r.figure_id AS target, r.text AS words, first.before, last.reviewer, last.decided_at
       FROM review_items r ${DECISIONS}
      WHERE r.status = 'accepted' AND r.figure_id = ANY($1::text[])`,
    [figures.map((f) => f.id)],
  );
  const byId = new Map(figures.map((f) => [f.id, f]));
  const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);
  for (const r of rows) {
    const now = byId.get(r.target);
    const was = r.before.figure;
    if (!now || !was || SAID.every((k) => same(was[k], now[k]))) continue;
    out.set(r.target, made(r, figureWords(was)));
  }
  return out;
}
