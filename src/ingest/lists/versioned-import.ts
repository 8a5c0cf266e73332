/**
 * The core of every list import (OFAC, UN, FtM files): one version of one
 * dataset, written in one transaction, compared with the version before it.
 * Records are streamed in; statements are written in batches; what was
 * added, changed and removed is recorded with the version's date. The same
 * file imported twice changes nothing; any error leaves the store as it was.
 */
import type { Source, Statement } from '../../model/index.ts';
import { Room39Error } from '../../errors.ts';
import type { Db, Queryable } from '../../store/db.ts';
import { refreshEntities, summarise, writeEntitySummaries, type EntitySummary } from '../../store/entities.ts';
import { stableId, upsertSource } from '../../store/statements.ts';
import { canCopy } from '../../store/bulk.ts';
import { DPRK_DATASET } from './dprk.ts';
import { LIST_RECORDER } from './entry-statements.ts';
import { HeldVersion, insertChanges, upsertEntryRows, upsertListStatements, writeFirstVersion, type ChangeRow, type EntryRow } from './store-write.ts';

/** One entry of a list version, ready to store. */
export interface ImportRecord {
  entryId: string;
  entityId: string;
  schema: string;
  caption: string;
  dprk: boolean;
  hash: string;
  snapshot: unknown;
  /** The snapshot as JSON, when the caller has it already (the entry hash is made from it): not stringified again. */
  snapshotJson?: string;
  statements: Statement[];
}

export interface VersionInfo {
  dataset: string;
  format: string;
  /**
   * The version's label: the publication date (YYYY-MM-DD). When another file
   * of the same list already has that label (published later the same day),
   * the import labels this one `YYYY-MM-DD.2`, `.3`, … (`assignLabel`).
   */
  version: string;
  /** When the publisher issued the file: an ISO date-time when known, else the date. Versions are ordered by it. */
  published?: string;
  /** Where the file was fetched from (null for a file given on the command line). */
  sourceUrl?: string | null;
  /** When it was downloaded (ISO), for a fetched file. */
  fetchedAt?: string | null;
  sha256: string;
  file: string | null;
  title: string;
  publisher: string;
  url: string | null;
  kind: Source['kind'];
}

export interface ImportCounts {
  dataset: string;
  source_id: string;
  version: string;
  status: 'imported' | 'already_imported';
  /** When the publisher issued this version (ISO date-time, or the date). */
  published: string;
  entries: number;
  dprk_entries: number;
  added: number;
  changed: number;
  removed: number;
}

export const sourceIdOf = (dataset: string, version: string) => `${dataset}-${version}`;

interface StoredVersion { source_id: string; version: string; sha256: string; published: string }

/**
 * Checks a new version against the stored ones and gives its label. Refused:
 * a publication time before the newest stored version's (the date goes
 * backwards), or equal to a stored version's with different bytes (two
 * different files claim the same moment). A second file published later the
 * same day is a new version: `YYYY-MM-DD.2`.
 */
export function assignLabel(v: VersionInfo, stored: readonly StoredVersion[]): string {
  const published = v.published ?? v.version;
  const clash = stored.find((x) => x.published === published);
  if (clash) {
    throw new Room39Error('conflict', `this file of ${v.dataset} says it was published ${published}, like version ${clash.version} already imported, but its content differs (sha256 ${v.sha256.slice(0, 12)}… vs ${clash.sha256.slice(0, 12)}…); nothing was imported. If the publisher re-issued the list, give the new file its own date (--date YYYY-MM-DD)`, v.file);
  }
  const latest = stored.reduce<StoredVersion | null>((a, x) => (!a || x.published > a.published ? x : a), null);
  if (latest && latest.published > published) {
    throw new Room39Error('conflict', `this file is version ${published} of ${v.dataset}, older than the imported version ${latest.version} (published ${latest.published}); the date goes backwards, so nothing was imported (import versions oldest first)`, v.file);
  }
  const labels = new Set(stored.map((x) => x.version));
  if (!labels.has(v.version)) return v.version;
  let n = 2;
  while (labels.has(`${v.version}.${n}`)) n++;
  return `${v.version}.${n}`;
}

/**
 * Entity ids entries own: their own, and (for lists) their derived records `<id>-sanction` and `<id>-wallet-…`
 * (each wallet states its holder, so the wallets are found through the value index rather than a LIKE over every id).
 */
async function ownedIds(q: Queryable, ids: readonly string[], derived: boolean): Promise<string[]> {
  if (!derived || !ids.length) return [...ids];
  const wallets = await q.query<{ entity_id: string; value: string }>(
    `SELECT DISTINCT entity_id, value FROM statements WHERE prop = 'holder' AND value = ANY($1::text[])`, [ids]);
  return [...ids, ...ids.map((i) => `${i}-sanction`), ...wallets.filter((w) => w.entity_id.startsWith(`${w.value}-wallet-`)).map((w) => w.entity_id)];
}

export async function alreadyImported(q: Queryable, dataset: string, sha256: string): Promise<ImportCounts | null> {
  const rows = await q.query<{ source_id: string; version: string; published: string; entries: number; dprk_entries: number }>(
    'SELECT source_id, version, coalesce(published, version) AS published, entries, dprk_entries FROM list_versions WHERE dataset = $1 AND sha256 = $2', [dataset, sha256]);
  const r = rows[0];
  if (!r) return null;
  return { dataset, source_id: r.source_id, version: r.version, published: r.published, status: 'already_imported', entries: r.entries, dprk_entries: r.dprk_entries, added: 0, changed: 0, removed: 0 };
}

function fieldDiff(before: unknown, after: unknown): Record<string, { before: unknown; after: unknown }> {
  const out: Record<string, { before: unknown; after: unknown }> = {};
  if (typeof before !== 'object' || typeof after !== 'object' || !before || !after) return { value: { before, after } };
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  for (const k of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (JSON.stringify(b[k]) !== JSON.stringify(a[k])) out[k] = { before: b[k] ?? null, after: a[k] ?? null };
  }
  return out;
}

export interface VersionedImportHooks {
  /** Called once the version is known and checked, before any write. */
  onVersion?: (v: VersionInfo) => void;
  /** Extra statements computed after all records are seen (e.g. links between entries), replacing the previous ones. */
  afterRecords?: (ctx: { sourceId: string; version: string; entityIdsByName: Map<string, string> }) => { statements: Statement[]; recordedBy: string } | null;
  /** Do records own derived entities (`<id>-sanction`, `<id>-wallet-…`)? Lists yes; FtM files no. Default true. */
  derivedIds?: boolean;
  /** Runs inside the transaction after the import (checks, linking); throwing rolls the version back. */
  finish?: (tx: Queryable, entries: number) => Promise<void>;
  /** Told what went wrong in a listener run after the commit; the import stands. */
  onWarning?: (message: string) => void;
}

/** Called after a list version is committed (not for a file already imported): the cases' re-screening listens here. */
export type ListVersionListener = (db: Db, counts: ImportCounts) => void;
const versionListeners = new Set<ListVersionListener>();
export function onListVersionImported(listener: ListVersionListener): () => void {
  versionListeners.add(listener);
  return () => { versionListeners.delete(listener); };
}

/**
 * Imports a stream of records. `resolveVersion` is called when the first
 * record arrives (formats whose date is inside the file know it by then).
 */
export async function importVersion(
  db: Db,
  resolveVersion: () => VersionInfo,
  records: AsyncIterable<ImportRecord>,
  hooks: VersionedImportHooks = {},
): Promise<ImportCounts> {
  const owned = (q: Queryable, ids: readonly string[]) => ownedIds(q, ids, hooks.derivedIds !== false);
  const counts = await db.transaction(async (tx) => {
    let v: VersionInfo | null = null;
    let sourceId = '';
    /** The version's date: first and last seen of what it states. */
    let seenDate = '';
    /** The date of the newest version before this one: the last seen of what this one delists. */
    let prevSeen = '';
    let prev = new Map<string, { hash: string; entity_id: string; schema: string; caption: string; dprk: boolean }>();
    let prevSources: string[] = [];
    const seen = new Set<string>();
    const entityIdsByName = new Map<string, string>();
    // Entities whose derived rows are recomputed from the stored statements at the end (refreshEntities)…
    const touched = new Set<string>();
    const touch = (ids: Iterable<string>) => { for (const id of ids) touched.add(id); };
    // …and entities new in this version, whose rows are derived from the records themselves (writeEntitySummaries):
    // those whose every statement this import writes. `owner` says which entry gave an entity its statements;
    // `unchecked` holds the ones not yet checked to have no statements stored before.
    const fresh = new Map<string, EntitySummary>();
    const owner = new Map<string, string>();
    let unchecked: string[] = [];
    let batch: Statement[] = [];
    let entryRows: EntryRow[] = [];
    let changeRows: ChangeRow[] = [];
    let pendingChanged: ImportRecord[] = [];
    let added = 0, changed = 0, dprk = 0;
    // On PGlite, the first version of a list (nothing of it stored) is held and written at once at the end (store-write.ts writeFirstVersion)…
    let firstVersion = false;
    // …through an upsert when some entity of it already has statements in the store.
    let storedBefore = false;
    const held = new HeldVersion();

    const begin = async () => {
      const proposed = resolveVersion();
      const versions = await tx.query<StoredVersion>(
        'SELECT source_id, version, sha256, coalesce(published, version) AS published FROM list_versions WHERE dataset = $1 ORDER BY version', [proposed.dataset]);
      v = { ...proposed, published: proposed.published ?? proposed.version, version: assignLabel(proposed, versions) };
      sourceId = sourceIdOf(v.dataset, v.version);
      seenDate = v.published!.slice(0, 10);
      prevSources = versions.map((x) => x.source_id);
      prevSeen = versions.reduce((a, x) => (x.published > a ? x.published : a), '').slice(0, 10);
      hooks.onVersion?.(v);
      await upsertSource(tx, {
        id: sourceId, kind: v.kind, title: `${v.title}, ${v.version}`, publisher: v.publisher, author: null, published: seenDate,
        url: v.sourceUrl ?? v.url, dataset: v.dataset, version: v.version, sha256: v.sha256, file: v.file,
      });
      // One row of JSON rather than one row per entry (PGlite's per-row result handling costs more than the query).
      const [listed] = await tx.query<{ rows: string }>(
        `SELECT coalesce(json_agg(json_build_array(entry_id, content_hash, entity_id, schema, caption, dprk)), '[]')::text AS rows
           FROM list_entries WHERE dataset = $1 AND removed_on IS NULL`, [v.dataset]);
      const rows = JSON.parse(listed?.rows ?? '[]') as [string, string, string, string, string, boolean][];
      prev = new Map(rows.map(([entry, hash, entity, schema, caption, isDprk]) => [entry, { hash, entity_id: entity, schema, caption, dprk: isDprk }]));
      firstVersion = prevSources.length === 0 && canCopy(tx) && !(await tx.query('SELECT 1 FROM list_entries WHERE dataset = $1 UNION ALL SELECT 1 FROM list_changes WHERE dataset = $1 LIMIT 1', [v.dataset])).length;
    };

    const flushChanged = async () => {
      if (!pendingChanged.length || !v) return;
      const ids = pendingChanged.map((r) => r.entityId);
      const keep = pendingChanged.flatMap((r) => r.statements.map((s) => s.id));
      // Values an entry no longer gives are dropped from the current statements; the change record keeps them.
      await tx.query(
        `DELETE FROM statements WHERE entity_id = ANY($1::text[]) AND source_id = ANY($2::text[]) AND recorded_by = $3 AND NOT (id = ANY($4::text[]))`,
        [await owned(tx, ids), prevSources, LIST_RECORDER, keep],
      );
      const snaps = await tx.query<{ entry_id: string; snapshot: unknown }>(
        'SELECT entry_id, snapshot FROM list_entries WHERE dataset = $1 AND entry_id = ANY($2::text[])', [v.dataset, pendingChanged.map((r) => r.entryId)]);
      const snapOf = new Map(snaps.map((s) => [s.entry_id, typeof s.snapshot === 'string' ? JSON.parse(s.snapshot) : s.snapshot]));
      for (const r of pendingChanged) {
        changeRows.push({
          id: stableId('chg-', v.dataset, v.version, r.entryId, 'changed'), dataset: v.dataset, sourceId, version: v.version,
          entryId: r.entryId, entityId: r.entityId, schema: r.schema, caption: r.caption, change: 'changed', dprk: r.dprk,
          details: { fields: fieldDiff(snapOf.get(r.entryId), r.snapshot) },
        });
      }
      pendingChanged = [];
    };

    /** An added entry's statements: its entities go the fast way when no other entry or stored statement speaks of them. */
    const addFresh = (key: string, statements: readonly Statement[], alsoTouched: readonly string[]) => {
      const ids = new Set(alsoTouched);
      const accepted = statements.every((st) => st.reviewStatus === 'accepted');
      for (const st of statements) {
        ids.add(st.entityId);
        if (!accepted) continue;
        const by = owner.get(st.entityId);
        if (by === undefined && !touched.has(st.entityId)) {
          owner.set(st.entityId, key);
          unchecked.push(st.entityId);
        } else if (by !== key) {
          fresh.delete(st.entityId);
          touched.add(st.entityId);
          continue;
        }
        summarise(fresh, st.entityId, st);
      }
      for (const id of ids) if (!fresh.has(id)) touched.add(id);
    };

    /** Entities that already have statements in the store are not new: they take the slow way. */
    const checkFresh = async () => {
      for (let i = 0; i < unchecked.length; i += 5000) {
        const stored = await tx.query<{ entity_id: string }>('SELECT DISTINCT entity_id FROM statements WHERE entity_id = ANY($1::text[])', [unchecked.slice(i, i + 5000)]);
        for (const { entity_id: id } of stored) { fresh.delete(id); touched.add(id); storedBefore = true; }
      }
      unchecked = [];
    };

    const flush = async (force: boolean) => {
      if (firstVersion) {
        for (const st of batch) held.addStatement(st);
        for (const r of entryRows) held.addEntry(r);
        for (const r of changeRows) held.addChange(r);
        batch = []; entryRows = []; changeRows = [];
        return;
      }
      if (!force && batch.length < 10_000 && entryRows.length < 2_000) return;
      await checkFresh();
      await flushChanged();
      await upsertListStatements(tx, batch, prevSources);
      await upsertEntryRows(tx, entryRows);
      await insertChanges(tx, changeRows);
      batch = []; entryRows = []; changeRows = [];
    };

    for await (const r of records) {
      if (!v) await begin();
      const info = v!;
      if (seen.has(r.entryId)) throw new Room39Error('invalid_data', `entry ${r.entryId} appears twice in the file`, info.file);
      seen.add(r.entryId);
      entityIdsByName.set(r.caption.toLowerCase(), r.entityId);
      if (r.dprk) dprk++;
      const old = prev.get(r.entryId);
      const row: EntryRow = {
        dataset: info.dataset, entryId: r.entryId, entityId: r.entityId, schema: r.schema, caption: r.caption, hash: r.hash,
        snapshot: r.snapshot, snapshotJson: r.snapshotJson, dprk: r.dprk, firstSeen: seenDate, lastSeen: seenDate, sourceId,
      };
      // An entry whose content hash is unchanged needs no statements (records may make them only when asked).
      if (!old || old.hash !== r.hash) {
        // Every statement cites this version and was seen on its date, whatever the caller stamped.
        for (const st of r.statements) { st.sourceId = sourceId; st.firstSeen = seenDate; st.lastSeen = seenDate; }
      }
      if (!old) {
        added++;
        batch.push(...r.statements);
        entryRows.push(row);
        addFresh(r.entryId, r.statements, [r.entityId, `${r.entityId}-sanction`]);
        changeRows.push({
          id: stableId('chg-', info.dataset, info.version, r.entryId, 'added'), dataset: info.dataset, sourceId, version: info.version,
          entryId: r.entryId, entityId: r.entityId, schema: r.schema, caption: r.caption, change: 'added', dprk: r.dprk,
          details: { first_version: prevSources.length === 0 },
        });
      } else if (old.hash !== r.hash) {
        changed++;
        batch.push(...r.statements);
        entryRows.push(row);
        pendingChanged.push(r);
        touch([r.entityId, ...r.statements.map((s) => s.entityId)]);
      }
      await flush(false);
    }
    if (!v) throw new Room39Error('invalid_data', 'the file holds no entries');
    const info: VersionInfo = v;
    await flush(true);

    // Entries the new version no longer lists: delisted.
    const removedIds = [...prev.keys()].filter((k) => !seen.has(k));
    const removedEntities = removedIds.map((k) => prev.get(k)!.entity_id);
    for (let i = 0; i < removedIds.length; i += 2000) {
      const ids = removedEntities.slice(i, i + 2000);
      const all = await owned(tx, ids);
      const stored = await tx.query<{ entity_id: string }>(`SELECT DISTINCT entity_id FROM statements WHERE entity_id = ANY($1::text[]) AND source_id = ANY($2::text[])`, [all, prevSources]);
      touch(stored.map((o) => o.entity_id));
      await tx.query(`DELETE FROM statements WHERE entity_id = ANY($1::text[]) AND source_id = ANY($2::text[]) AND recorded_by = $3`, [all, prevSources, LIST_RECORDER]);
    }
    if (removedIds.length) {
      // A delisted entry keeps the date of the last version it was in; an entry still listed is seen on the newest version's date (list_latest).
      await tx.query('UPDATE list_entries SET removed_on = $3, source_id = $4, last_seen = $5 WHERE dataset = $1 AND entry_id = ANY($2::text[])',
        [info.dataset, removedIds, seenDate, sourceId, prevSeen]);
      await insertChanges(tx, removedIds.map((k) => {
        const o = prev.get(k)!;
        return {
          id: stableId('chg-', info.dataset, info.version, k, 'removed'), dataset: info.dataset, sourceId, version: info.version,
          entryId: k, entityId: o.entity_id, schema: o.schema, caption: o.caption, change: 'removed' as const, dprk: o.dprk,
          details: { last_version: prevSources.at(-1) ?? null },
        };
      }));
    }

    // Links between entries of this list (OFAC "Linked To:"), recomputed for every version: links gone are deleted, new ones
    // written, and the links that stay keep their rows (and the version that first stated them).
    const extra = hooks.afterRecords?.({ sourceId, version: seenDate, entityIdsByName });
    if (extra) {
      // One row of JSON (~17,000 link statements for OFAC) rather than a row each.
      const [links] = prevSources.length ? await tx.query<{ rows: string }>(
        `SELECT coalesce(json_agg(json_build_array(id, entity_id)), '[]')::text AS rows FROM statements
          WHERE source_id = ANY($1::text[]) AND recorded_by = $2`, [prevSources, extra.recordedBy]) : [];
      const stored = (JSON.parse(links?.rows ?? '[]') as [string, string][]).map(([id, entity]) => ({ id, entity_id: entity }));
      const wanted = new Set(extra.statements.map((st) => st.id));
      const gone = stored.filter((r) => !wanted.has(r.id));
      const kept = new Set(stored.map((r) => r.id));
      const made = extra.statements.filter((st) => !kept.has(st.id));
      touch(gone.map((r) => r.entity_id));
      if (gone.length) await tx.query('DELETE FROM statements WHERE id = ANY($1::text[])', [gone.map((r) => r.id)]);
      // New link entities (the first version's, or links first made now) are derived like new entries.
      addFresh('\u0000links', made, []);
      await checkFresh();
      if (firstVersion) for (const st of made) held.addStatement(st);
      else await upsertListStatements(tx, made, prevSources);
    }
    if (firstVersion && canCopy(tx)) {
      await checkFresh();
      await writeFirstVersion(tx, held, storedBefore);
    }

    // What this version states as before is not rewritten: it keeps the version that first stated it, and is seen on this
    // version's date through list_latest (migration 047), with no row of statements, entities or list_entries touched.
    await tx.query(
      `INSERT INTO list_versions (source_id, dataset, version, format, sha256, file, entries, dprk_entries, added, changed, removed, published, source_url, fetched_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)`,
      [sourceId, info.dataset, info.version, info.format, info.sha256, info.file, seen.size, dprk, added, changed, removedIds.length,
        info.published ?? info.version, info.sourceUrl ?? null, info.fetchedAt ?? null],
    );
    // An entity something else in this version also wrote or moved is recomputed from the store.
    for (const id of touched) fresh.delete(id);
    await refreshEntities(tx, [...touched]);
    await writeEntitySummaries(tx, fresh);
    await hooks.finish?.(tx, seen.size);
    return {
      dataset: info.dataset, source_id: sourceId, version: info.version, published: info.published ?? info.version, status: 'imported' as const,
      entries: seen.size, dprk_entries: dprk, added, changed, removed: removedIds.length,
    };
  });
  for (const listener of versionListeners) {
    try {
      listener(db, counts);
    } catch (e) {
      // A listener's failure is not the import's: the version stands, and the caller hears of it.
      hooks.onWarning?.(`after importing ${counts.dataset} ${counts.version}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return counts;
}

export { DPRK_DATASET };
