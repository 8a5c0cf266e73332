/**
 * What a list version compares with the store before writing: the stored
 * digest of each entry still listed (table list_entry_digests, migration
 * 048) and the stored links between entries (OFAC "Linked To:"). When an
 * update keeps records unparsed, only the links of entries that can have
 * changed are recomputed: entries parsed or delisted, and entries naming a
 * caption some changed entry had or has (or a caption two entries share,
 * since which one a name means follows the order of the file). Also the
 * entries an update keeps unparsed, taken as they come (keepRun).
 */
import { randomUUID } from 'node:crypto';
import { Room39Error } from '../../errors.ts';
import type { Queryable } from '../../store/db.ts';

/** An entry still listed, as the store holds it. */
export interface PrevEntry {
  hash: string;
  entity_id: string;
  schema: string;
  caption: string;
  dprk: boolean;
  /** Hash of its raw record (null when not known: a format not split, or stored before migration 048). */
  raw: string | null;
  /** Lookup keys of its "Linked To:" names. */
  linked_to: readonly string[];
}

const FIELD = '\u001f', ROW = '\u001e', ITEM = '\u001d';

/** Each list's digests as this process last wrote them, under the token written with them (list_digest_tokens). */
const remembered = new Map<string, { token: string; digests: ReadonlyMap<string, PrevEntry> }>();

/**
 * The digests of a list's entries still listed: those this process wrote while the store still shows their token (a
 * server's scheduled update), or read as one text value (PGlite's per-row result handling costs more than the query,
 * and JSON built in SQL several times the text): fields and rows apart by control characters, read back through JSON
 * when some value holds one of them.
 */
export async function storedDigests(q: Queryable, dataset: string): Promise<ReadonlyMap<string, PrevEntry>> {
  const [current] = await q.query<{ token: string }>('SELECT token FROM list_digest_tokens WHERE dataset = $1', [dataset]);
  const known = remembered.get(dataset);
  if (current && known?.token === current.token) return known.digests;
  const [packed] = await q.query<{ rows: string | null; n: number; odd: boolean | null }>(
    `SELECT string_agg(concat_ws(E'\\x1f', entry_id, content_hash, entity_id, schema, caption, dprk::text, coalesce(raw_hash, ''),
              array_to_string(linked_to, E'\\x1d')), E'\\x1e') AS rows, count(*)::int AS n,
            bool_or(entry_id || entity_id || schema || caption || array_to_string(linked_to, '') ~ E'[\\x1d-\\x1f]') AS odd
       FROM list_entry_digests WHERE dataset = $1`, [dataset]);
  const out = new Map<string, PrevEntry>();
  if (!packed?.n) return out;
  if (packed.odd) return storedDigestsAsJson(q, dataset);
  const rows = packed.rows!.split(ROW);
  for (const row of rows) {
    const f = row.split(FIELD);
    if (f.length !== 8 || rows.length !== packed.n) return storedDigestsAsJson(q, dataset);
    out.set(f[0]!, { hash: f[1]!, entity_id: f[2]!, schema: f[3]!, caption: f[4]!, dprk: f[5] === 'true', raw: f[6] || null, linked_to: f[7] ? f[7].split(ITEM) : [] });
  }
  return out;
}

/** After a version's digests are written: a new token for them, and the digests remembered under it (never written to). */
export async function markDigests(q: Queryable, dataset: string, digests: ReadonlyMap<string, PrevEntry>): Promise<void> {
  const token = randomUUID();
  await q.query('INSERT INTO list_digest_tokens (dataset, token) VALUES ($1, $2) ON CONFLICT (dataset) DO UPDATE SET token = EXCLUDED.token', [dataset, token]);
  remembered.set(dataset, { token, digests });
}

async function storedDigestsAsJson(q: Queryable, dataset: string): Promise<Map<string, PrevEntry>> {
  const [listed] = await q.query<{ rows: string }>(
    `SELECT coalesce(json_agg(json_build_array(entry_id, content_hash, entity_id, schema, caption, dprk, raw_hash, linked_to)), '[]')::text AS rows
       FROM list_entry_digests WHERE dataset = $1`, [dataset]);
  const rows = JSON.parse(listed?.rows ?? '[]') as [string, string, string, string, string, boolean, string | null, string[]][];
  return new Map(rows.map(([entry, hash, entity, schema, caption, dprk, raw, linked]) =>
    [entry, { hash, entity_id: entity, schema, caption, dprk, raw, linked_to: linked }]));
}

/** The entries whose links are recomputed, and the link keys of those among them that were kept unparsed. */
export function linkScope(
  prev: ReadonlyMap<string, PrevEntry>, seen: ReadonlySet<string>, parsed: ReadonlySet<string>, removed: readonly string[], dirtyKeys: ReadonlySet<string>,
): { only: Set<string>; kept: { from: string; names: readonly string[] }[] } {
  const only = new Set([...parsed, ...removed]);
  const kept: { from: string; names: readonly string[] }[] = [];
  for (const [entry, p] of prev) {
    if (!seen.has(entry) || parsed.has(p.entity_id) || !p.linked_to.some((k) => dirtyKeys.has(k))) continue;
    only.add(p.entity_id);
    kept.push({ from: p.entity_id, names: p.linked_to });
  }
  return { only, kept };
}

/** The stored link statements of a list (of the entries `only` names, when given): id and link entity. */
export async function storedLinks(q: Queryable, sources: readonly string[], recordedBy: string, only: ReadonlySet<string> | null): Promise<{ id: string; entity_id: string }[]> {
  if (!sources.length || (only && !only.size)) return [];
  // One row of JSON (~17,000 link statements for OFAC) rather than a row each; a link's subject is the entry it is from.
  const [links] = only
    ? await q.query<{ rows: string }>(
      `SELECT coalesce(json_agg(json_build_array(id, entity_id)), '[]')::text AS rows FROM statements
        WHERE source_id = ANY($1::text[]) AND recorded_by = $2 AND entity_id IN (
          SELECT entity_id FROM statements WHERE prop = 'subject' AND value = ANY($3::text[]) AND recorded_by = $2)`,
      [sources, recordedBy, [...only]])
    : await q.query<{ rows: string }>(
      `SELECT coalesce(json_agg(json_build_array(id, entity_id)), '[]')::text AS rows FROM statements
        WHERE source_id = ANY($1::text[]) AND recorded_by = $2`, [sources, recordedBy]);
  return (JSON.parse(links?.rows ?? '[]') as [string, string][]).map(([id, entity]) => ({ id, entity_id: entity }));
}

/** A kept record no longer matches the store (written meanwhile): the caller parses the whole file instead. */
export class StaleDigest extends Error {}

/**
 * A run of kept entries (an update's ~99 %): each seen once, still stored as the file has it, and named (a caption
 * two entries bear is a dirty link key). Answers how many are DPRK-related. Apart from importVersion's closure (versioned-import.ts)
 * so that it stays small enough to be optimised on its own.
 */
export function keepRun(
  entries: readonly { entryId: string; raw: string }[], file: string | null, dataset: string,
  at: { prev: ReadonlyMap<string, PrevEntry>; seen: Set<string>; entityIdsByName: Map<string, string>; dirtyKeys: Set<string> },
): number {
  let dprk = 0;
  for (const { entryId, raw } of entries) {
    markSeen(at.seen, entryId, file);
    const old = at.prev.get(entryId);
    if (!old || old.raw !== raw) throw new StaleDigest(`entry ${entryId} of ${dataset} changed in the store meanwhile`);
    nameEntry(at, old.caption, old.entity_id);
    if (old.dprk) dprk++;
  }
  return dprk;
}

/** An entry met in the file: once only. */
export function markSeen(seen: Set<string>, entryId: string, file: string | null): void {
  if (seen.has(entryId)) throw new Room39Error('invalid_data', `entry ${entryId} appears twice in the file`, file);
  seen.add(entryId);
}

/** Which entity a caption names (the last entry bearing it, in file order); a caption met twice is a dirty link key. */
export function nameEntry(at: { entityIdsByName: Map<string, string>; dirtyKeys: Set<string> }, caption: string, entityId: string): void {
  const key = caption.toLowerCase();
  if (at.entityIdsByName.has(key)) at.dirtyKeys.add(key);
  at.entityIdsByName.set(key, entityId);
}
