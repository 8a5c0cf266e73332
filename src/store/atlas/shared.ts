/**
 * What the atlas's queries share: the sending country, a source as every
 * answer cites it, accepted statements with their sources, entity captions,
 * and the years a period covers.
 */
import type { Queryable } from '../db.ts';

/** The sending country: on the map it is drawn apart, never as a host. */
export const SENDING_COUNTRY = 'KP';

export interface SourceRef {
  id: string;
  title: string;
  published: string | null;
  url: string | null;
}

/** A row with its source joined in (`JOIN sources s`), as the queries select it. */
export interface SourceColumns {
  source_id: string;
  title: string;
  published: string | null;
  url: string | null;
}

export const sourceRef = (r: SourceColumns): SourceRef => ({ id: r.source_id, title: r.title, published: r.published, url: r.url });

export interface CitedValue {
  value: string;
  quote: string | null;
  reliability: string;
  source: SourceRef;
}

export interface CitedStatementRow extends SourceColumns {
  entity_id: string;
  prop: string;
  value: string;
  quote: string | null;
  reliability: string;
}

export const cited = (r: CitedStatementRow): CitedValue => ({ value: r.value, quote: r.quote, reliability: r.reliability, source: sourceRef(r) });

/** Accepted statements of some properties of some entities, each with its source. */
export async function statementsFor(q: Queryable, ids: readonly string[], props: readonly string[]): Promise<CitedStatementRow[]> {
  if (ids.length === 0) return [];
  return q.query<CitedStatementRow>(
    `SELECT st.entity_id, st.prop, st.value, st.quote, st.reliability, st.source_id, s.title, s.published, s.url
       FROM statements st JOIN sources s ON s.id = st.source_id
      WHERE st.entity_id = ANY($1::text[]) AND st.prop = ANY($2::text[]) AND st.review_status = 'accepted'
      ORDER BY st.reliability, st.value`,
    [ids, props],
  );
}

/** Captions of entities by id (ids without an entity are left out). */
export async function captions(q: Queryable, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (wanted.length === 0) return new Map();
  const rows = await q.query<{ id: string; caption: string }>('SELECT id, caption FROM entities WHERE id = ANY($1::text[])', [wanted]);
  return new Map(rows.map((r) => [r.id, r.caption]));
}

/** The years a period covers: '2017', '2016-07'..'2018-01' → [2017], [2016, 2017, 2018]; null for an undated period. */
export function yearsOf(start: string | null, end: string | null): [number, number] | null {
  const a = start ? Number(start.slice(0, 4)) : null;
  const b = end ? Number(end.slice(0, 4)) : null;
  const lo = a ?? b;
  const hi = b ?? a;
  if (lo == null || hi == null || !Number.isFinite(lo) || !Number.isFinite(hi)) return null;
  return [Math.min(lo, hi), Math.max(lo, hi)];
}

/** Designations on the timeline and in the headline: those of the DPRK programmes and of the curated seeds. */
export const TIMELINE_DATASETS = ['dprk', 'room39_seeds'];
