/**
 * The designations of an entity's records, current and ended: each list
 * entry (from the list history: first and last version it stood in, the
 * date it was removed) and each designation the seed graph records (a
 * Sanction entity with its authority, programme and date, cited to its
 * seed). An entity page shows which designation ended and when.
 */
import type { Queryable } from './db.ts';

export interface DesignationView {
  /** The record the designation is on. */
  record: string;
  dataset: string;
  /** The list's own reference (`KPi.001`, `12218`); null for a designation the seed graph records. */
  entry_id: string | null;
  authority: string | null;
  programs: string[];
  listed_on: string | null;
  /** First and last list version the entry stood in. */
  first_seen: string | null;
  last_seen: string | null;
  status: 'current' | 'ended';
  /** The date of the first list version without the entry. */
  ended_on: string | null;
  source: { id: string; title: string };
}

interface EntryRow { entity_id: string; dataset: string; entry_id: string; first_seen: string; last_seen: string; removed_on: string | null; source_id: string; title: string; publisher: string | null; programs: unknown; listed_on: string | null }
interface SeedRow { target: string; sanction_id: string; dataset: string; source_id: string; title: string }

const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? (JSON.parse(v) as unknown[]).map(String) : []);

export async function designationsOf(q: Queryable, ids: readonly string[]): Promise<DesignationView[]> {
  if (!ids.length) return [];
  const entries = await q.query<EntryRow>(
    // An entry still listed is on its list's newest version (list_latest, migration 047): seen then, cited to it; a delisted one
    // keeps its own last_seen (the last version it was in) and source (the version that delisted it).
    `SELECT e.entity_id, e.dataset, e.entry_id, e.first_seen, coalesce(l.seen, e.last_seen) AS last_seen, e.removed_on,
            coalesce(l.source_id, e.source_id) AS source_id, s.title, s.publisher,
            e.snapshot->'programs' AS programs, e.snapshot->>'listedOn' AS listed_on
       FROM list_entries e LEFT JOIN list_latest l ON l.dataset = e.dataset AND e.removed_on IS NULL
       JOIN sources s ON s.id = coalesce(l.source_id, e.source_id)
      WHERE e.entity_id = ANY($1::text[]) ORDER BY e.first_seen, e.dataset, e.entry_id`, [[...ids]]);
  const out: DesignationView[] = entries.map((e) => ({
    record: e.entity_id, dataset: e.dataset, entry_id: e.entry_id, authority: e.publisher, programs: asList(e.programs), listed_on: e.listed_on,
    first_seen: e.first_seen, last_seen: e.last_seen, status: e.removed_on ? 'ended' : 'current', ended_on: e.removed_on,
    source: { id: e.source_id, title: e.title },
  }));
  const listed = new Set(entries.map((e) => e.entity_id));
  const seeds = await q.query<SeedRow>(
    `SELECT DISTINCT s.value AS target, s.entity_id AS sanction_id, s.dataset, s.source_id, src.title
       FROM statements s JOIN sources src ON src.id = s.source_id
      WHERE s.schema = 'Sanction' AND s.prop = 'entity' AND s.review_status = 'accepted' AND s.value = ANY($1::text[]) AND s.dataset <> 'dprk'
      ORDER BY s.entity_id`, [[...ids].filter((id) => !listed.has(id))]);
  if (!seeds.length) return out;
  const props = await q.query<{ entity_id: string; prop: string; value: string }>(
    `SELECT entity_id, prop, value FROM statements WHERE entity_id = ANY($1::text[]) AND review_status = 'accepted'
        AND prop IN ('authority', 'program', 'startDate', 'endDate', 'date', 'listingDate')`, [seeds.map((s) => s.sanction_id)]);
  for (const s of seeds) {
    const mine = props.filter((p) => p.entity_id === s.sanction_id);
    const first = (...names: string[]) => names.map((n) => mine.find((p) => p.prop === n)?.value).find((v) => !!v) ?? null;
    const ended = first('endDate');
    out.push({
      record: s.target, dataset: s.dataset, entry_id: null, authority: first('authority'), programs: mine.filter((p) => p.prop === 'program').map((p) => p.value),
      listed_on: first('startDate', 'listingDate', 'date'), first_seen: null, last_seen: null, status: ended ? 'ended' : 'current', ended_on: ended,
      source: { id: s.source_id, title: s.title },
    });
  }
  return out;
}
