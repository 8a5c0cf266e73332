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
import { copyNewEntities } from '../../store/entities-copy.ts';
import { DPRK_DATASET } from './dprk.ts';
import { LIST_RECORDER } from './entry-statements.ts';
import {
  deleteDigests, HeldVersion, insertChanges, upsertDigests, upsertEntryRows, upsertListStatements, writeFirstVersion, type ChangeRow, type DigestRow, type EntryRow,
} from './store-write.ts';
import { assignLabel, fieldDiff, ownedIds, type StoredVersion } from './version-checks.ts';
import { keepRun, linkScope, markDigests, markSeen, nameEntry, StaleDigest, storedDigests, storedLinks, type PrevEntry } from './version-links.ts';

export { StaleDigest };

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
  /** Hash of the entry's raw record in the file, when the format is split (raw-records.ts). */
  raw?: string | null;
  /** Lookup keys of the entry's "Linked To:" names (lower case, no final dot). */
  linkKeys?: readonly string[];
}

/**
 * Entries in a row whose raw records are the stored ones (same raw hash): not parsed, nothing of them changes. Given
 * as a run rather than one at a time: an update keeps ~99 % of a list's entries.
 */
export interface KeptRecords {
  kept: true;
  entries: { entryId: string; raw: string }[];
}

/** The stored raw hash of an entry still listed (null when not known, undefined when not stored), for a caller that splits the file before parsing it. */
export type StoredRawHashes = (entryId: string) => string | null | undefined;

const isKept = (r: ImportRecord | KeptRecords): r is KeptRecords => (r as KeptRecords).kept === true;

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
  /** True when `published` is the file's modification date, the file and the user giving none. */
  publishedAssumed?: boolean;
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

export { alreadyImported, assignLabel } from './version-checks.ts';

export interface VersionedImportHooks {
  /** Called once the version is known and checked, before any write. */
  onVersion?: (v: VersionInfo) => void;
  /** Runs inside the transaction before its first write (e.g. to see whether the rule run's stamp still holds). */
  beforeWrites?: (tx: Queryable) => Promise<void>;
  /**
   * Extra statements computed after all records are seen (e.g. links between entries), replacing the previous ones. When
   * records were kept unparsed, `only` names the entries whose links are recomputed (the others' stay as stored) and
   * `kept` gives the link keys of those among them that were not parsed; otherwise `only` is null (every entry's).
   */
  afterRecords?: (ctx: {
    sourceId: string; version: string; entityIdsByName: Map<string, string>;
    only: ReadonlySet<string> | null; kept: { from: string; names: readonly string[] }[];
  }) => { statements: Statement[]; recordedBy: string } | null;
  /** Do records own derived entities (`<id>-sanction`, `<id>-wallet-…`)? Lists yes; FtM files no. Default true. */
  derivedIds?: boolean;
  /** Runs inside the transaction after the import (checks, linking); throwing rolls the version back. */
  finish?: (tx: Queryable, entries: number, changes: VersionChanges) => Promise<void>;
  /** Told when each phase of the import ends (records read, written, links, entities, rule run, commit): benches time them. */
  onPhase?: (phase: string) => void;
  /** Told what went wrong in a listener run after the commit; the import stands. */
  onWarning?: (message: string) => void;
}

/** What a version changed: the main entity ids of the entries it added, changed and delisted. */
export interface VersionChanges {
  dataset: string;
  entities: string[];
  /** True when records were kept unparsed (a split file): everything else of the list is as stored. */
  partial: boolean;
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
  records: AsyncIterable<ImportRecord> | ((stored: StoredRawHashes) => AsyncIterable<ImportRecord | KeptRecords>),
  hooks: VersionedImportHooks = {},
): Promise<ImportCounts> {
  const owned = (q: Queryable, ids: readonly string[]) => ownedIds(q, ids, hooks.derivedIds !== false);
  const mark = (phase: string) => hooks.onPhase?.(phase);
  const counts = await db.transaction(async (tx) => {
    let v: VersionInfo | null = null;
    let sourceId = '';
    /** The version's date: first and last seen of what it states. */
    let seenDate = '';
    /** The date of the newest version before this one: the last seen of what this one delists. */
    let prevSeen = '';
    let prev: ReadonlyMap<string, PrevEntry> = new Map();
    /** The digests this version writes (new or changed entries). */
    const written = new Map<string, PrevEntry>();
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
        'SELECT source_id, version, sha256, coalesce(published, version) AS published, published_assumed FROM list_versions WHERE dataset = $1 ORDER BY version', [proposed.dataset]);
      v = { ...proposed, published: proposed.published ?? proposed.version, version: assignLabel(proposed, versions) };
      sourceId = sourceIdOf(v.dataset, v.version);
      seenDate = v.published!.slice(0, 10);
      prevSources = versions.map((x) => x.source_id);
      prevSeen = versions.reduce((a, x) => (x.published > a ? x.published : a), '').slice(0, 10);
      hooks.onVersion?.(v);
      await hooks.beforeWrites?.(tx);
      await upsertSource(tx, {
        id: sourceId, kind: v.kind, title: `${v.title}, ${v.version}`, publisher: v.publisher, author: null, published: seenDate,
        url: v.sourceUrl ?? v.url, dataset: v.dataset, version: v.version, sha256: v.sha256, file: v.file,
      });
      prev = await storedDigests(tx, v.dataset);
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
        for (const r of digestRows) held.addDigest(r);
        batch = []; entryRows = []; changeRows = []; digestRows = [];
        return;
      }
      if (!force && batch.length < 10_000 && entryRows.length < 2_000 && digestRows.length < 5_000) return;
      await checkFresh();
      await flushChanged();
      await upsertListStatements(tx, batch, prevSources);
      await upsertEntryRows(tx, entryRows);
      await insertChanges(tx, changeRows);
      await upsertDigests(tx, digestRows);
      batch = []; entryRows = []; changeRows = []; digestRows = [];
    };

    // Entries whose links are recomputed when records are kept unparsed: those parsed, delisted, or naming an entry that
    // changed (its caption before or after), or a caption two entries bear (which of them a name means follows file order).
    let anyKept = false;
    const parsed = new Set<string>();
    const dirtyKeys = new Set<string>();
    /** Main entity ids of the entries added, changed or delisted (the rule run looks at these). */
    const changedEntities: string[] = [];
    let digestRows: DigestRow[] = [];
    let iterable: AsyncIterable<ImportRecord | KeptRecords>;
    if (typeof records === 'function') {
      await begin();
      iterable = records((entryId) => prev.get(entryId)?.raw);
    } else iterable = records;
    for await (const r of iterable) {
      if (!v) await begin();
      const info = v!;
      if (isKept(r)) {
        dprk += keepRun(r.entries, info.file, info.dataset, { prev, seen, entityIdsByName, dirtyKeys });
        anyKept = true;
        continue;
      }
      markSeen(seen, r.entryId, info.file);
      const old = prev.get(r.entryId);
      nameEntry({ entityIdsByName, dirtyKeys }, r.caption, r.entityId);
      parsed.add(r.entityId);
      if (r.dprk) dprk++;
      if (!old || old.hash !== r.hash || old.raw !== (r.raw ?? null)) {
        digestRows.push({
          dataset: info.dataset, entryId: r.entryId, entityId: r.entityId, schema: r.schema, caption: r.caption, dprk: r.dprk,
          contentHash: r.hash, rawHash: r.raw ?? null, linkedTo: r.linkKeys ?? [],
        });
        written.set(r.entryId, { hash: r.hash, entity_id: r.entityId, schema: r.schema, caption: r.caption, dprk: r.dprk, raw: r.raw ?? null, linked_to: r.linkKeys ?? [] });
      }
      if (!old || old.hash !== r.hash) {
        dirtyKeys.add(r.caption.toLowerCase());
        if (old) dirtyKeys.add(old.caption.toLowerCase());
        changedEntities.push(r.entityId);
      }
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
    mark('records');
    if (!v) throw new Room39Error('invalid_data', 'the file holds no entries');
    const info: VersionInfo = v;
    await flush(true);

    // Entries the new version no longer lists: delisted.
    const removedIds = [...prev.keys()].filter((k) => !seen.has(k));
    const removedEntities = removedIds.map((k) => prev.get(k)!.entity_id);
    changedEntities.push(...removedEntities);
    for (const k of removedIds) dirtyKeys.add(prev.get(k)!.caption.toLowerCase());
    await deleteDigests(tx, info.dataset, removedIds);
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
    mark('written and delisted');
    const scope = anyKept ? linkScope(prev, seen, parsed, removedEntities, dirtyKeys) : null;
    const extra = hooks.afterRecords?.({ sourceId, version: seenDate, entityIdsByName, only: scope?.only ?? null, kept: scope?.kept ?? [] });
    if (extra) {
      const stored = await storedLinks(tx, prevSources, extra.recordedBy, scope?.only ?? null);
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
    mark('links');
    if (firstVersion && canCopy(tx)) {
      await checkFresh();
      await writeFirstVersion(tx, held, storedBefore);
    }

    // What this version states as before is not rewritten: it keeps the version that first stated it, and is seen on this
    // version's date through list_latest (migration 047), with no row of statements, entities or list_entries touched.
    await tx.query(
      `INSERT INTO list_versions (source_id, dataset, version, format, sha256, file, entries, dprk_entries, added, changed, removed, published, source_url, fetched_at, published_assumed)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15)`,
      [sourceId, info.dataset, info.version, info.format, info.sha256, info.file, seen.size, dprk, added, changed, removedIds.length,
        info.published ?? info.version, info.sourceUrl ?? null, info.fetchedAt ?? null, info.publishedAssumed === true],
    );
    mark('first version written');
    // An entity something else in this version also wrote or moved is recomputed from the store.
    for (const id of touched) fresh.delete(id);
    await refreshEntities(tx, [...touched]);
    mark('entities refreshed');
    // A first version's new entities (PGlite) go in by COPY (store/entities-copy.ts): the same rows.
    await (firstVersion && canCopy(tx) ? copyNewEntities(tx, fresh) : writeEntitySummaries(tx, fresh));
    mark('new entities written');
    await hooks.finish?.(tx, seen.size, { dataset: info.dataset, entities: changedEntities, partial: anyKept });
    mark('finished (rule run)');
    const digests = new Map(prev);
    for (const [entry, d] of written) digests.set(entry, d);
    for (const entry of removedIds) digests.delete(entry);
    await markDigests(tx, info.dataset, digests);
    return {
      dataset: info.dataset, source_id: sourceId, version: info.version, published: info.published ?? info.version, status: 'imported' as const,
      entries: seen.size, dprk_entries: dprk, added, changed, removed: removedIds.length,
    };
  });
  mark('committed');
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
