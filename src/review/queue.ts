/**
 * The review queue: what extraction found in submitted documents, waiting for
 * an analyst. Accept makes a claim's draft statements or figure `accepted`
 * (part of the graph, with its quote, the reviewer's name and the grade the
 * reviewer gives); correct changes what was proposed and accepts it; reject
 * keeps it out for good. Every decision is recorded with before and after.
 */
import { z } from 'zod';
import type { Db, Queryable } from '../store/db.ts';
import { refreshEntities } from '../store/entities.ts';
import { Room39Error } from '../errors.ts';
import { FIGURE_METRICS, isReliability, type Reliability } from '../model/index.ts';
import { countryCode } from '../extract/countries.ts';
import { documentEntityId } from '../ingest/documents/ingest.ts';
import { appendAudit, type JsonValue } from '../audit/log.ts';
import { duplicateOf, type Duplicate } from './duplicates.ts';

export const REVIEW_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type ReviewItemStatus = (typeof REVIEW_STATUSES)[number];

export interface ReviewItem {
  id: string;
  source: { id: string; title: string };
  kind: 'mention' | 'figure';
  type: string;
  text: string;
  start: number;
  end: number;
  quote: string;
  quote_start: number;
  quote_end: number;
  proposed: Record<string, unknown>;
  /** The figure or statements as they stand now (after any correction). */
  current: Record<string, unknown>;
  status: ReviewItemStatus;
  reviewer: string | null;
  reviewed_at: string | null;
  /** How many decisions the item has had: the version an edit of an accepted claim must name (HTTP ETag / If-Match). */
  version: number;
  /** What the graph already holds that this claim repeats, or null. */
  duplicate: Duplicate | null;
}

interface ItemRow {
  id: string;
  source_id: string;
  title: string;
  kind: 'mention' | 'figure';
  type: string;
  text: string;
  start_offset: number;
  end_offset: number;
  quote: string;
  quote_start: number;
  quote_end: number;
  proposed: Record<string, unknown>;
  statement_ids: string[];
  figure_id: string | null;
  status: ReviewItemStatus;
  reviewer: string | null;
  reviewed_at: string | Date | null;
}

const ITEM_SELECT = `SELECT r.id, r.source_id, s.title, r.kind, r.type, r.text, r.start_offset, r.end_offset, r.quote, r.quote_start, r.quote_end,
  r.proposed, r.statement_ids, r.figure_id, r.status, r.reviewer, r.reviewed_at FROM review_items r JOIN sources s ON s.id = r.source_id`;

interface FigureRow {
  id: string; metric: string; country: string | null; entity_id: string | null; sector: string | null; recipient: string | null;
  period_start: string | null; period_end: string | null; low: number | null; high: number | null; of_total: number | null;
  unit: string; per: string | null; qualifier: string; reliability: string; recorded_by: string; review_status: string; note: string | null;
}

async function currentOf(q: Queryable, row: ItemRow): Promise<Record<string, unknown>> {
  if (row.figure_id) {
    const [f] = await q.query<FigureRow>(
      `SELECT id, metric, country, entity_id, sector, recipient, period_start, period_end, low, high, of_total, unit, per, qualifier,
              reliability, recorded_by, review_status, note FROM figures WHERE id = $1`,
      [row.figure_id],
    );
    return f ? { figure: f } : {};
  }
  const statements = await q.query<{ id: string; entity_id: string; schema: string; prop: string; value: string; reliability: string; review_status: string }>(
    'SELECT id, entity_id, schema, prop, value, reliability, review_status FROM statements WHERE id = ANY($1::text[]) ORDER BY prop',
    [row.statement_ids],
  );
  return { statements };
}

async function toItem(q: Queryable, row: ItemRow): Promise<ReviewItem> {
  return {
    id: row.id, source: { id: row.source_id, title: row.title }, kind: row.kind, type: row.type, text: row.text,
    start: row.start_offset, end: row.end_offset, quote: row.quote, quote_start: row.quote_start, quote_end: row.quote_end,
    proposed: row.proposed, current: await currentOf(q, row), status: row.status, reviewer: row.reviewer,
    reviewed_at: row.reviewed_at === null ? null : new Date(row.reviewed_at).toISOString(),
    version: await versionOf(q, row.id),
    duplicate: row.status === 'pending' ? await duplicateOf(q, row) : null,
  };
}

async function versionOf(q: Queryable, id: string): Promise<number> {
  const [r] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM review_decisions WHERE item_id = $1', [id]);
  return r?.n ?? 0;
}

export const listQuery = z.object({
  status: z.enum(REVIEW_STATUSES).default('pending'),
  source: z.string().max(100).optional(),
  kind: z.enum(['mention', 'figure']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type ListQuery = z.infer<typeof listQuery>;

/** What a reviewer sees first: worker counts and shares, other figures, host countries, then persons and organisations, then legal instruments. */
const PRIORITY = `CASE WHEN r.kind = 'figure' AND r.type IN ('worker_count', 'share') THEN 0 WHEN r.kind = 'figure' THEN 1
  WHEN r.type = 'country' THEN 2 WHEN r.type IN ('person', 'organization') THEN 3 ELSE 4 END`;

export async function listReviewItems(q: Queryable, query: ListQuery): Promise<{ items: ReviewItem[]; total: number }> {
  const where = ['r.status = $1'];
  const params: unknown[] = [query.status];
  if (query.source) where.push(`r.source_id = $${params.push(query.source)}`);
  if (query.kind) where.push(`r.kind = $${params.push(query.kind)}`);
  const [count] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM review_items r WHERE ${where.join(' AND ')}`, params);
  const rows = await q.query<ItemRow>(
    `${ITEM_SELECT} WHERE ${where.join(' AND ')} ORDER BY r.source_id, ${PRIORITY}, r.start_offset, r.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, query.limit, query.offset],
  );
  const items: ReviewItem[] = [];
  for (const r of rows) items.push(await toItem(q, r));
  return { items, total: count?.n ?? 0 };
}

async function loadRow(q: Queryable, id: string, lock = false): Promise<ItemRow> {
  const [row] = await q.query<ItemRow>(`${ITEM_SELECT} WHERE r.id = $1${lock ? ' FOR UPDATE OF r' : ''}`, [id]);
  if (!row) throw new Room39Error('not_found', `no review item "${id}"`);
  return row;
}

export async function getReviewItem(q: Queryable, id: string): Promise<ReviewItem> {
  return toItem(q, await loadRow(q, id));
}

/** What a reviewer may change before accepting. Unknown fields are refused, so a typo is not silently ignored. */
export const correctionSchema = z
  .object({
    // figures
    metric: z.enum(FIGURE_METRICS).optional(),
    country: z.string().max(60).nullable().optional(),
    entity_id: z.string().min(1).max(200).nullable().optional(),
    sector: z.string().max(200).nullable().optional(),
    recipient: z.string().max(200).nullable().optional(),
    period_start: z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'use YYYY, YYYY-MM or YYYY-MM-DD').nullable().optional(),
    period_end: z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'use YYYY, YYYY-MM or YYYY-MM-DD').nullable().optional(),
    low: z.number().finite().nullable().optional(),
    high: z.number().finite().nullable().optional(),
    of: z.number().finite().nullable().optional(),
    unit: z.enum(['persons', 'fraction', 'USD', 'EUR', 'KPW', 'KRW', 'CNY', 'RUB', 'months']).optional(),
    per: z.enum(['year', 'month', 'day']).nullable().optional(),
    qualifier: z.enum(['exact', 'range', 'at_least', 'at_most', 'approximate', 'order_of_magnitude', 'part_of']).optional(),
    note: z.string().max(2000).nullable().optional(),
    // mentions: the entity a person/organisation mention is about, or the value (country code, instrument name)
    value: z.string().min(1).max(500).optional(),
  })
  .strict();
export type Correction = z.infer<typeof correctionSchema>;

export const decisionSchema = z
  .object({
    /** Admiralty grade the reviewer gives the claim (source A–F, information 1–6). */
    reliability: z.string().refine(isReliability, 'an Admiralty grade: a letter A–F then a digit 1–6, e.g. "B2"').optional(),
    note: z.string().max(2000).optional(),
    /** The item's version the reviewer saw; required to correct an already accepted claim, so two editors never overwrite each other unseen. */
    version: z.number().int().min(0).optional(),
  })
  .strict();
export type Decision = z.infer<typeof decisionSchema>;

function normCountry(raw: string | null | undefined, where: string): string | null | undefined {
  if (raw === undefined || raw === null) return raw;
  const code = /^[A-Za-z]{2}$/.test(raw) ? raw.toUpperCase() : countryCode(raw);
  if (!code) throw new Room39Error('invalid_input', `"${raw}" is not a country (give an ISO alpha-2 code such as RU, or a country name)`, where);
  return code;
}

async function record(q: Queryable, id: string, decision: 'accept' | 'correct' | 'reject', reviewer: string, before: unknown, after: unknown, note: string | null): Promise<void> {
  await q.query(
    `INSERT INTO review_decisions (item_id, decision, reviewer, before, after, note) VALUES ($1,$2,$3,$4::jsonb,$5::jsonb,$6)`,
    [id, decision, reviewer, JSON.stringify(before), JSON.stringify(after), note],
  );
}

function checkReviewer(reviewer: string): string {
  const r = reviewer.trim();
  if (!r) throw new Room39Error('invalid_input', 'a review needs the reviewer\'s name (--reviewer NAME, or log in)');
  return r.slice(0, 200);
}

async function applyFigureCorrection(q: Queryable, figureId: string, c: Correction, itemId: string): Promise<void> {
  if (c.value !== undefined) throw new Room39Error('invalid_input', '`value` corrects a mention; for a figure, correct low, high, unit, metric, country …', itemId);
  const [f] = await q.query<FigureRow>('SELECT * FROM figures WHERE id = $1', [figureId]);
  if (!f) throw new Room39Error('not_found', `figure ${figureId} of review item is missing`, itemId);
  const next = {
    metric: c.metric ?? f.metric, country: c.country !== undefined ? normCountry(c.country, itemId) ?? null : f.country,
    entity_id: c.entity_id !== undefined ? c.entity_id : f.entity_id, sector: c.sector !== undefined ? c.sector : f.sector,
    recipient: c.recipient !== undefined ? c.recipient : f.recipient, period_start: c.period_start !== undefined ? c.period_start : f.period_start,
    period_end: c.period_end !== undefined ? c.period_end : f.period_end, low: c.low !== undefined ? c.low : f.low,
    high: c.high !== undefined ? c.high : f.high, of_total: c.of !== undefined ? c.of : f.of_total, unit: c.unit ?? f.unit,
    per: c.per !== undefined ? c.per : f.per, qualifier: c.qualifier ?? f.qualifier, note: c.note !== undefined ? c.note : f.note,
  };
  if (next.low !== null && next.high !== null && next.low > next.high) throw new Room39Error('invalid_input', `low (${next.low}) is above high (${next.high})`, itemId);
  if (next.unit === 'fraction' && [next.low, next.high].some((v) => v !== null && (v < 0 || v > 1))) {
    throw new Room39Error('invalid_input', 'a share is a fraction from 0 to 1 (95 percent is 0.95)', itemId);
  }
  if (next.entity_id) {
    const [e] = await q.query<{ id: string }>('SELECT id FROM entities WHERE id = $1', [next.entity_id]);
    if (!e) throw new Room39Error('invalid_input', `no entity "${next.entity_id}" in the graph`, itemId);
  }
  await q.query(
    `UPDATE figures SET metric=$2, country=$3, entity_id=$4, sector=$5, recipient=$6, period_start=$7, period_end=$8, low=$9, high=$10,
       of_total=$11, unit=$12, per=$13, qualifier=$14, note=$15 WHERE id = $1`,
    [figureId, next.metric, next.country, next.entity_id, next.sector, next.recipient, next.period_start, next.period_end, next.low, next.high,
      next.of_total, next.unit, next.per, next.qualifier, next.note],
  );
}

async function applyMentionCorrection(q: Queryable, row: ItemRow, c: Correction): Promise<void> {
  const figureOnly = Object.keys(c).filter((k) => k !== 'value' && k !== 'entity_id' && k !== 'country' && k !== 'note');
  if (figureOnly.length) throw new Room39Error('invalid_input', `${figureOnly.join(', ')} correct a figure; a mention takes entity_id, country or value`, row.id);
  const statements = await q.query<{ id: string; prop: string; schema: string }>('SELECT id, prop, schema FROM statements WHERE id = ANY($1::text[])', [row.statement_ids]);
  let target: { id: string; value: string } | null = null;
  if (row.type === 'person' || row.type === 'organization') {
    const v = c.entity_id ?? c.value;
    if (!v) return;
    const [e] = await q.query<{ id: string; schema: string }>('SELECT id, schema FROM entities WHERE id = $1', [v]);
    if (!e) throw new Room39Error('invalid_input', `no entity "${v}" in the graph`, row.id);
    const s = statements.find((x) => x.prop === 'entity');
    if (s) target = { id: s.id, value: e.id };
  } else if (row.type === 'country') {
    const v = normCountry(c.country ?? c.value, row.id);
    if (!v) return;
    const s = statements.find((x) => x.prop === 'country');
    if (s) target = { id: s.id, value: v.toLowerCase() };
  } else {
    const v = c.value;
    if (!v) return;
    const s = statements.find((x) => x.prop === 'namesMentioned');
    if (s) target = { id: s.id, value: v };
  }
  if (target) await q.query('UPDATE statements SET original_value = COALESCE(original_value, value), value = $2 WHERE id = $1', [target.id, target.value]);
}

async function setStatus(q: Queryable, row: ItemRow, status: 'accepted' | 'rejected', reviewer: string, reliability: Reliability | null): Promise<void> {
  await q.query('UPDATE review_items SET status = $2, reviewer = $3, reviewed_at = now() WHERE id = $1', [row.id, status, reviewer]);
  if (row.figure_id) {
    await q.query(
      `UPDATE figures SET review_status = $2, recorded_by = $3, reliability = COALESCE($4, reliability) WHERE id = $1`,
      [row.figure_id, status, reviewer, reliability],
    );
  }
  if (row.statement_ids.length) {
    await q.query(
      `UPDATE statements SET review_status = $2, recorded_by = $3, reliability = COALESCE($4, reliability) WHERE id = ANY($1::text[])`,
      [row.statement_ids, status, reviewer, reliability],
    );
  }
  const touched: string[] = [];
  if (status === 'accepted') {
    // The document itself joins the graph with its first accepted claim.
    const docEntity = documentEntityId(row.source_id);
    await q.query(
      `UPDATE statements SET review_status = 'accepted', recorded_by = $2 WHERE entity_id = $1 AND review_status = 'draft' AND prop IN ('title', 'publishedAt', 'sourceUrl', 'author')`,
      [docEntity, reviewer],
    );
    touched.push(docEntity);
  }
  const ents = await q.query<{ entity_id: string; value: string; prop: string }>('SELECT entity_id, value, prop FROM statements WHERE id = ANY($1::text[])', [row.statement_ids]);
  for (const s of ents) {
    touched.push(s.entity_id);
    if (s.prop === 'entity' || s.prop === 'document') touched.push(s.value);
  }
  if (row.figure_id) {
    const [f] = await q.query<{ entity_id: string | null }>('SELECT entity_id FROM figures WHERE id = $1', [row.figure_id]);
    if (f?.entity_id) touched.push(f.entity_id);
  }
  await refreshEntities(q, touched);
}

async function decide(db: Db, id: string, reviewer: string, decision: 'accept' | 'correct' | 'reject', d: Decision, correction: Correction | null): Promise<ReviewItem> {
  const who = checkReviewer(reviewer);
  return db.transaction(async (tx) => {
    const row = await loadRow(tx, id, true);
    if (row.status !== 'pending' && !(decision === 'correct' && row.status === 'accepted')) {
      throw new Room39Error('conflict', `review item ${id} was already ${row.status} by ${row.reviewer ?? 'someone'}`, id);
    }
    if (row.status === 'accepted') {
      const current = await versionOf(tx, id);
      if (d.version === undefined) {
        throw new Room39Error('invalid_input', `review item ${id} is already accepted: send the version you read (${current}) with the correction, so it cannot overwrite someone else's unseen`, id);
      }
      if (d.version !== current) {
        throw new Room39Error('conflict', `review item ${id} was changed by ${row.reviewer ?? 'someone'} since you read it (you read version ${d.version}, it is now at version ${current}); reload it and apply your correction again`, id);
      }
    }
    const before = await currentOf(tx, row);
    if (correction) {
      if (row.figure_id) await applyFigureCorrection(tx, row.figure_id, correction, id);
      else await applyMentionCorrection(tx, row, correction);
    }
    const reliability = d.reliability && isReliability(d.reliability) ? d.reliability : null;
    await setStatus(tx, row, decision === 'reject' ? 'rejected' : 'accepted', who, reliability);
    const after = await currentOf(tx, row);
    await record(tx, id, decision, who, before, { ...after, correction }, d.note ?? null);
    const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as JsonValue;
    await appendAudit(tx, { actor: who, action: `review.${decision}`, target: id, before: json(before), after: json({ ...after, correction }), meta: { source: row.source_id, note: d.note ?? null } });
    return toItem(tx, await loadRow(tx, id));
  });
}

export const acceptReviewItem = (db: Db, id: string, reviewer: string, d: Decision = {}) => decide(db, id, reviewer, 'accept', d, null);
export const rejectReviewItem = (db: Db, id: string, reviewer: string, d: Decision = {}) => decide(db, id, reviewer, 'reject', d, null);
export const correctReviewItem = (db: Db, id: string, reviewer: string, correction: Correction, d: Decision = {}) => decide(db, id, reviewer, 'correct', d, correction);

/** Rejects many pending items at once (noise): each in its own decision, recorded as usual; items no longer pending are reported, not changed. */
export async function rejectReviewItems(db: Db, ids: readonly string[], reviewer: string, d: Decision = {}): Promise<{ rejected: string[]; skipped: { id: string; why: string }[] }> {
  const rejected: string[] = [];
  const skipped: { id: string; why: string }[] = [];
  for (const id of [...new Set(ids)]) {
    try {
      await rejectReviewItem(db, id, reviewer, d);
      rejected.push(id);
    } catch (e) {
      if (!(e instanceof Room39Error) || (e.code !== 'conflict' && e.code !== 'not_found')) throw e;
      skipped.push({ id, why: e.message });
    }
  }
  return { rejected, skipped };
}
