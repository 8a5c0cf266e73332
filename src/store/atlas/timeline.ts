/**
 * The timeline: dated items of the graph in one list, oldest first. Each kind
 * has its own step: designations and delistings (Sanction entities), host-
 * country actions (Event entities), TIP ratings, dated reports, and changes
 * between official list versions; then the window, the order and the limit.
 */
import type { Queryable } from '../db.ts';
import { canonicalId, clusterIds } from '../resolver.ts';
import { REFERENCE_VALUE_INDEXED } from '../entities.ts';
import { countryName } from '../../model/countries.ts';
import { TIMELINE_DATASETS, captions, sourceRef, statementsFor, type CitedStatementRow, type SourceColumns, type SourceRef } from './shared.ts';

export const TIMELINE_TYPES = ['designation', 'delisting', 'action', 'tip', 'report', 'list_change'] as const;
export type TimelineType = (typeof TIMELINE_TYPES)[number];

export interface TimelineItem {
  id: string;
  /** ISO 8601, possibly partial (YYYY, YYYY-MM). */
  date: string;
  type: TimelineType;
  title: string;
  /** The entity the item is about (the designated person, the event), for a link. */
  entity_id: string | null;
  country: string | null;
  detail: string | null;
  quote: string | null;
  reliability: string | null;
  source: SourceRef | null;
}

export interface TimelineOptions {
  types?: readonly TimelineType[] | null;
  /** Year or ISO date, inclusive. */
  from?: string | null;
  to?: string | null;
  /** Only items about this entity (for the entity page). */
  entityId?: string | null;
  limit?: number;
}

/** The types asked for, and the entity the timeline is about (null: the whole graph). */
interface Want {
  types: ReadonlySet<TimelineType>;
  /** The records of the entity the timeline is about (all records merged into it), or null for the whole graph. */
  focus: string[] | null;
}

/** Designations and delistings from the dated statements of DPRK-related Sanction entities (or those of one entity), in one pass. */
async function designations(q: Queryable, { types, focus }: Want): Promise<TimelineItem[]> {
  const dated = await q.query<CitedStatementRow>(
    `SELECT st.entity_id, st.prop, st.value, st.quote, st.reliability, st.source_id, s.title, s.published, s.url
       FROM statements st JOIN sources s ON s.id = st.source_id JOIN entities e ON e.id = st.entity_id
      WHERE st.schema = 'Sanction' AND st.review_status = 'accepted' AND st.prop = ANY($1::text[]) AND e.schema = 'Sanction'
        AND ($2::text[] IS NOT NULL OR e.datasets && $3::text[])
        AND ($2::text[] IS NULL OR st.entity_id IN (
              SELECT entity_id FROM statements WHERE schema = 'Sanction' AND prop = 'entity' AND value = ANY($2::text[]) AND review_status = 'accepted'))`,
    [['startDate', 'endDate', 'date', 'listingDate'], focus, TIMELINE_DATASETS],
  );
  const sanctionIds = [...new Set(dated.map((d) => d.entity_id))];
  const st = await statementsFor(q, sanctionIds, ['entity', 'program', 'authority']);
  const targets = await captions(q, st.filter((s) => s.prop === 'entity').map((s) => s.value));
  const items: TimelineItem[] = [];
  for (const s of dated) {
    const mine = st.filter((x) => x.entity_id === s.entity_id);
    const target = mine.find((x) => x.prop === 'entity')?.value ?? null;
    const who = target ? (targets.get(target) ?? target) : 'an entity';
    const program = mine.find((x) => x.prop === 'program')?.value ?? null;
    const authority = mine.find((x) => x.prop === 'authority')?.value ?? null;
    const detail = [program && `programme: ${program}`, authority && `authority: ${authority}`].filter(Boolean).join('; ') || null;
    const type: TimelineType = s.prop === 'endDate' ? 'delisting' : 'designation';
    if (!types.has(type)) continue;
    items.push({
      id: `${s.entity_id}:${s.prop}:${s.value}`, date: s.value, type,
      title: type === 'designation' ? `${who} designated${authority ? ` by ${authority}` : ''}` : `${who} delisted${authority ? ` by ${authority}` : ''}`,
      entity_id: target, country: null, detail, quote: s.quote, reliability: s.reliability,
      source: sourceRef(s),
    });
  }
  return items;
}

/** Host-country actions: dated Event entities (those naming the entity, with a focus), placed in a country other than the US where one is named. */
async function actions(q: Queryable, focus: string[] | null): Promise<TimelineItem[]> {
  const eventIds = (await q.query<{ id: string }>(
    focus
      ? `SELECT DISTINCT entity_id AS id FROM statements WHERE schema = 'Event' AND value = ANY($1::text[]) AND ${REFERENCE_VALUE_INDEXED} AND review_status = 'accepted' UNION SELECT unnest($1::text[]) AS id`
      : `SELECT id FROM entities WHERE schema = 'Event'`,
    focus ? [focus] : [],
  )).map((r) => r.id);
  const st = await statementsFor(q, eventIds, ['date', 'startDate', 'country', 'summary']);
  const names = await captions(q, eventIds);
  const items: TimelineItem[] = [];
  for (const id of eventIds) {
    const mine = st.filter((s) => s.entity_id === id);
    const dated = mine.find((s) => s.prop === 'date' || s.prop === 'startDate');
    if (!dated || !names.has(id)) continue;
    const countriesOf = mine.filter((s) => s.prop === 'country').map((s) => s.value.toUpperCase());
    items.push({
      id, date: dated.value, type: 'action', title: names.get(id) as string, entity_id: id,
      country: countriesOf.find((c) => c !== 'US') ?? countriesOf[0] ?? null,
      detail: mine.find((s) => s.prop === 'summary')?.value ?? null,
      quote: dated.quote, reliability: dated.reliability,
      source: sourceRef(dated),
    });
  }
  return items;
}

/** Every TIP rating, dated by its report's year. */
async function tipRatings(q: Queryable): Promise<TimelineItem[]> {
  const tips = await q.query<{ id: string; country: string; report_year: number; tier: string; quote: string; reliability: string } & SourceColumns>(
    `SELECT t.id, upper(t.country) AS country, t.report_year, t.tier, t.quote, t.reliability, t.source_id, s.title, s.published, s.url
       FROM tip_ratings t JOIN sources s ON s.id = t.source_id`,
  );
  return tips.map((t) => ({
    id: t.id, date: String(t.report_year), type: 'tip',
    title: `${countryName(t.country)}: Trafficking in Persons ${t.tier === '2WL' ? 'Tier 2 Watch List' : `Tier ${t.tier}`}`,
    entity_id: null, country: t.country, detail: null, quote: t.quote, reliability: t.reliability,
    source: sourceRef(t),
  }));
}

/** Documents with a publication date. */
async function reports(q: Queryable): Promise<TimelineItem[]> {
  const rows = await q.query<{ id: string; title: string; published: string; url: string | null; publisher: string | null }>(
    `SELECT id, title, published, url, publisher FROM sources WHERE kind = 'document' AND published IS NOT NULL`,
  );
  return rows.map((r) => ({
    id: r.id, date: r.published, type: 'report', title: r.title, entity_id: null, country: null,
    detail: r.publisher, quote: null, reliability: null, source: { id: r.id, title: r.title, published: r.published, url: r.url },
  }));
}

/** DPRK entries added to, removed from or changed on an official list between versions (not the first version's additions). */
async function listChanges(q: Queryable, { types, focus }: Want): Promise<TimelineItem[]> {
  const changes = await q.query<{ id: string; dataset: string; version: string; entity_id: string; caption: string; change: string } & SourceColumns>(
    `SELECT c.id, c.dataset, c.version, c.entity_id, c.caption, c.change, c.source_id, s.title, s.published, s.url
       FROM list_changes c JOIN sources s ON s.id = c.source_id
      WHERE c.dprk AND ($1::text[] IS NULL OR c.entity_id = ANY($1::text[]))
        AND NOT (c.change = 'added' AND (c.details->>'first_version') = 'true')
      ORDER BY c.version DESC LIMIT 5000`,
    [focus],
  );
  const items: TimelineItem[] = [];
  for (const c of changes) {
    const type: TimelineType = c.change === 'added' ? 'designation' : c.change === 'removed' ? 'delisting' : 'list_change';
    if (!types.has(type)) continue;
    items.push({
      id: c.id, date: c.version, type,
      title: `${c.caption} ${c.change === 'added' ? 'added to' : c.change === 'removed' ? 'removed from' : 'changed on'} ${c.title}`,
      entity_id: c.entity_id, country: null, detail: `list version ${c.version}`, quote: null, reliability: 'A1',
      source: sourceRef(c),
    });
  }
  return items;
}

/** Items within from..to (a year or date prefix, inclusive), oldest first; over the limit, the newest are kept. */
function dateWindow(items: readonly TimelineItem[], options: TimelineOptions): TimelineItem[] {
  const from = options.from ?? null;
  const to = options.to ?? null;
  const filtered = items.filter((i) => (from == null || i.date.slice(0, from.length) >= from) && (to == null || i.date.slice(0, to.length) <= to));
  filtered.sort((a, b) => a.date.localeCompare(b.date) || a.type.localeCompare(b.type) || a.title.localeCompare(b.title));
  const limit = options.limit ?? 2000;
  return filtered.length > limit ? filtered.slice(filtered.length - limit) : filtered;
}

/** Dated items of the graph: designations and delistings, host-country actions, TIP ratings, reports, list changes. */
export async function timeline(q: Queryable, options: TimelineOptions = {}): Promise<TimelineItem[]> {
  const focus = options.entityId ? await clusterIds(q, await canonicalId(q, options.entityId)) : null;
  const want: Want = { types: new Set(options.types?.length ? options.types : TIMELINE_TYPES), focus };
  const has = (t: TimelineType) => want.types.has(t);
  const parts: TimelineItem[][] = [];
  if (has('designation') || has('delisting')) parts.push(await designations(q, want));
  if (has('action')) parts.push(await actions(q, want.focus));
  // TIP ratings and reports are about countries and documents, never about one entity.
  if (has('tip') && !want.focus) parts.push(await tipRatings(q));
  if (has('report') && !want.focus) parts.push(await reports(q));
  if (has('list_change') || has('designation') || has('delisting')) parts.push(await listChanges(q, want));
  return dateWindow(parts.flat(), options);
}
