/**
 * What the official lists say of an entity now: its active designations
 * (list and entry), programmes and listed names, over every record of the
 * entity (the records linked into one canonical entity, see
 * ingest/lists/link.ts). A case keeps this state with each match and each
 * decision, so a later list version can be told apart: delisted (no active
 * designation left on any list), changed (a designation, programme or name
 * gained or lost), or the same.
 */
import type { Queryable } from '../store/db.ts';

export interface ListState {
  /** `dataset:entry` of each active entry, sorted. */
  designations: string[];
  /** `dataset:programme`, sorted. */
  programmes: string[];
  /** Listed names and aliases, sorted. */
  names: string[];
}

export interface StateChange {
  gained: ListState;
  lost: ListState;
}

const EMPTY: ListState = { designations: [], programmes: [], names: [] };

/** Every record id of each entity's group: itself, its canonical entity and the canonical's members. */
export async function groupsOf(q: Queryable, ids: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < ids.length; i += 2000) {
    const part = [...new Set(ids.slice(i, i + 2000))];
    const rows = await q.query<{ id: string; member: string }>(
      `WITH c AS (
         SELECT x.id, coalesce((SELECT l.canonical_id FROM entity_links l WHERE l.member_id = x.id AND l.judgement = 'positive' AND l.undone_at IS NULL ORDER BY l.created_at LIMIT 1), x.id) AS canonical
           FROM unnest($1::text[]) AS x(id))
       SELECT c.id, c.canonical AS member FROM c
       UNION SELECT c.id, l.member_id FROM c JOIN entity_links l ON l.canonical_id = c.canonical AND l.judgement = 'positive' AND l.undone_at IS NULL`,
      [part],
    );
    for (const id of part) out.set(id, [id]);
    for (const r of rows) {
      const g = out.get(r.id)!;
      if (!g.includes(r.member)) g.push(r.member);
    }
  }
  return out;
}

interface EntryRow { entity_id: string; dataset: string; entry_id: string; programs: unknown; names: unknown }

const parse = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

/** The list state of each entity (by its group's active list entries). */
export async function listStates(q: Queryable, ids: readonly string[]): Promise<Map<string, ListState>> {
  const groups = await groupsOf(q, ids);
  const allRecords = [...new Set([...groups.values()].flat())];
  const byRecord = new Map<string, EntryRow[]>();
  for (let i = 0; i < allRecords.length; i += 5000) {
    const rows = await q.query<EntryRow>(
      `SELECT entity_id, dataset, entry_id, snapshot->'programs' AS programs, snapshot->'names' AS names
         FROM list_entries WHERE entity_id = ANY($1::text[]) AND removed_on IS NULL`,
      [allRecords.slice(i, i + 5000)],
    );
    for (const r of rows) byRecord.set(r.entity_id, [...(byRecord.get(r.entity_id) ?? []), r]);
  }
  const out = new Map<string, ListState>();
  for (const [id, group] of groups) {
    const d = new Set<string>();
    const p = new Set<string>();
    const n = new Set<string>();
    for (const rec of group) {
      for (const e of byRecord.get(rec) ?? []) {
        d.add(`${e.dataset}:${e.entry_id}`);
        for (const prog of (parse(e.programs) as string[] | null) ?? []) p.add(`${e.dataset}:${prog}`);
        for (const nm of (parse(e.names) as { value: string }[] | null) ?? []) if (nm?.value) n.add(nm.value.trim());
      }
    }
    out.set(id, { designations: [...d].sort(), programmes: [...p].sort(), names: [...n].sort() });
  }
  return out;
}

const minus = (a: readonly string[], b: readonly string[]) => { const s = new Set(b); return a.filter((x) => !s.has(x)); };

export function diffStates(before: ListState | null, after: ListState | null): StateChange {
  const b = before ?? EMPTY;
  const a = after ?? EMPTY;
  return {
    gained: { designations: minus(a.designations, b.designations), programmes: minus(a.programmes, b.programmes), names: minus(a.names, b.names) },
    lost: { designations: minus(b.designations, a.designations), programmes: minus(b.programmes, a.programmes), names: minus(b.names, a.names) },
  };
}

export const hasGain = (c: StateChange) => c.gained.designations.length + c.gained.programmes.length + c.gained.names.length > 0;
export const hasLoss = (c: StateChange) => c.lost.designations.length + c.lost.programmes.length + c.lost.names.length > 0;

/** A change in words: "gained alias X; lost designation un_sc_sanctions:KPe.001". */
export function describeChange(c: StateChange): string {
  const parts: string[] = [];
  const say = (verb: string, what: string, list: string[]) => { if (list.length) parts.push(`${verb} ${what}${list.length > 1 ? 's' : ''} ${list.slice(0, 5).join(', ')}${list.length > 5 ? ` and ${list.length - 5} more` : ''}`); };
  say('gained', 'designation', c.gained.designations);
  say('lost', 'designation', c.lost.designations);
  say('gained', 'programme', c.gained.programmes);
  say('lost', 'programme', c.lost.programmes);
  say('gained', 'name', c.gained.names);
  say('lost', 'name', c.lost.names);
  return parts.join('; ') || 'no change in designations, programmes or names';
}
