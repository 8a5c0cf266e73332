/**
 * `room39 import ofac-csv|ofac-xml|un-xml|uk|eu-xml FILE`: one list file → one
 * version of its dataset in the store (statements, history, links), in one
 * transaction. See versioned-import.ts for the version logic, formats.ts for
 * the formats, update.ts for files fetched from the publishers.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ListEntry, Statement } from '../../model/index.ts';
import { Room39Error } from '../../errors.ts';
import { REPO_ROOT } from '../../config/settings.ts';
import type { Db, Queryable } from '../../store/db.ts';
import { ruledStampHolds } from '../../store/resolver-buckets.ts';
import { stableId } from '../../store/statements.ts';
import { dateInFileName } from './dates.ts';
import { isDprkRelated } from './dprk.ts';
import { entityIdOf, entryHash, entryStatements, LIST_RECORDER, listInfo, primaryName } from './entry-statements.ts';
import { FORMAT_DATASET, LIST_FORMATS, normalisePublished, openListEntries, type ListFormat, type OpenedList } from './formats.ts';
import { checkListFile, openListFile } from './input.ts';
import { linkEntities, type LinkReport } from './link.ts';
import { splitOfacCsv, type SplitFile } from './raw-records.ts';
import {
  alreadyImported, importVersion, StaleDigest, type ImportCounts, type ImportRecord, type KeptRecords, type StoredRawHashes, type VersionInfo,
} from './versioned-import.ts';

export { LIST_FORMATS, type ListFormat };

/** Progress of a long import, in bytes of the main file. */
export interface ImportProgress {
  start(totalBytes: number, label: string): void;
  update(bytes: number): void;
  stop(): void;
}

export interface ListImportOptions {
  format: ListFormat;
  file: string;
  /** Version date (ISO) when the file carries none (OFAC CSV); overrides the file's own date. */
  date?: string;
  /** The publisher's date-time when the file carries none (a fetched file's Last-Modified); the file's own date wins. */
  published?: string | null;
  /** Where the file was fetched from, and when (update.ts). */
  sourceUrl?: string | null;
  fetchedAt?: string | null;
  /** A known sha256 of the file (computed while downloading). */
  sha256?: string;
  /** OFAC CSV companions. */
  alt?: string;
  add?: string;
  progress?: ImportProgress;
  /** Link the list's entities with other lists and the seed dataset after import (default true). */
  link?: boolean;
  /** Refuse (and roll back) a version with fewer entries than this: a fetched list that shrank by half is likely cut short. */
  minEntries?: number;
  /**
   * Parse only the records whose raw bytes changed since the stored version (default true; formats split by
   * raw-records.ts). False parses every record, as a first import does: the same result, slower.
   */
  skipUnchanged?: boolean;
  /** Told when each phase of the import ends (versioned-import.ts `onPhase`). */
  onPhase?: (phase: string) => void;
}

export interface ListImportResult extends ImportCounts {
  /** Set when `--date` dated a version imported before with its file's modification date. */
  redated?: { from: string; to: string };
  file: string;
  format: ListFormat;
  links: LinkReport | null;
  warnings: string[];
  /** How many entries of the file were parsed: all of them, or on an update of a split file only those whose raw record changed. */
  parsed: number;
}

export const LINK_RECORDER = 'room39-lists-links';

export async function sha256File(...files: string[]): Promise<string> {
  const h = createHash('sha256');
  for (const f of files) {
    const part = createHash('sha256');
    for await (const chunk of openListFile(f)) part.update(chunk as Buffer);
    h.update(files.length === 1 ? '' : part.copy().digest('hex'));
    if (files.length === 1) return part.digest('hex');
  }
  return h.digest('hex');
}

/** A local file as versions and messages name it: relative to the checkout when inside it, else absolute. */
export function displayPath(file: string): string {
  const abs = path.resolve(file);
  return abs.startsWith(REPO_ROOT + path.sep) ? path.relative(REPO_ROOT, abs) : abs;
}

/**
 * What the version stated was first and last seen on its guessed date: those dates become the real one, so an entry is not
 * "in the list from 2026-12-07 to 2024-05-03". Only when no other version of the list bears the guessed date (a second
 * file the same day), whose dates these could be as well.
 */
async function redateSeen(tx: Queryable, done: ImportCounts, date: string): Promise<void> {
  const guessed = done.published.slice(0, 10);
  const [shared] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM list_versions WHERE dataset = $1 AND source_id <> $2 AND left(coalesce(published, version), 10) = $3`,
    [done.dataset, done.source_id, guessed]);
  if (shared?.n) return;
  const swap = (col: string) => `${col} = CASE WHEN ${col} = $2 THEN $3 ELSE ${col} END`;
  await tx.query(`UPDATE list_entries SET ${swap('first_seen')}, ${swap('last_seen')}, ${swap('removed_on')}
                   WHERE dataset = $1 AND (first_seen = $2 OR last_seen = $2 OR removed_on = $2)`, [done.dataset, guessed, date]);
  await tx.query(`UPDATE statements SET ${swap('first_seen')}, ${swap('last_seen')} WHERE source_id = $1 AND (first_seen = $2 OR last_seen = $2)`,
    [done.source_id, guessed, date]);
  await tx.query(`UPDATE entities SET ${swap('first_seen')}, ${swap('last_seen')}
                   WHERE (first_seen = $2 OR last_seen = $2) AND $1 = ANY(datasets)`, [done.dataset, guessed, date]);
}

/**
 * `--date` given for a file already imported: a version dated by its file's modification time takes the date (its
 * label stays, being its id); a version whose date was known keeps it, and the user hears that nothing changed.
 */
async function redate(db: Db, done: ImportCounts, date: string, warnings: string[]): Promise<ImportCounts & Pick<ListImportResult, 'redated'>> {
  if (done.published.slice(0, 10) === date) return done;
  const redated = await db.transaction(async (tx) => {
    const [row] = await tx.query<{ source_id: string }>(
      'UPDATE list_versions SET published = $2, published_assumed = false WHERE source_id = $1 AND published_assumed RETURNING source_id', [done.source_id, date]);
    // The source's title carried the label (the modification date): it now names the real date, which every flag and report quotes.
    if (row) {
      await tx.query('UPDATE sources SET published = $2, title = $3 WHERE id = $1', [done.source_id, date, `${listInfo(done.dataset).title}, ${date}`]);
      await redateSeen(tx, done, date);
    }
    return row ? { ...done, published: date, redated: { from: done.published, to: date } } : null;
  });
  if (redated) {
    warnings.push(`version ${done.version} of ${done.dataset} was dated by its file's modification time (${done.published}); it is now dated ${date}`);
    return redated;
  }
  warnings.push(`this file is version ${done.version} of ${done.dataset}, published ${done.published}; --date ${date} changes nothing`);
  return done;
}

function checkDate(date: string, where: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) {
    throw new Room39Error('invalid_input', `"${date}" is not a date (YYYY-MM-DD)`, where);
  }
  return date;
}

/** The key a "Linked To:" name is looked up by among the entries' captions. */
export const linkKey = (name: string) => name.toLowerCase().replace(/\.$/, '');

function toRecord(entry: ListEntry, sourceId: string, seen: string, raw: string | null): ImportRecord {
  // Statements are made when asked for: an update asks only for the entries whose hash changed.
  let statements: Statement[] | null = null;
  const json = JSON.stringify(entry);
  const dprk = isDprkRelated(entry);
  return {
    entryId: entry.entryId,
    entityId: entityIdOf(entry.listId, entry.entryId),
    schema: entry.schema,
    caption: primaryName(entry),
    dprk,
    hash: entryHash(entry, json),
    snapshot: entry,
    snapshotJson: json,
    raw,
    linkKeys: entry.linkedTo.map(linkKey),
    get statements() { return (statements ??= entryStatements(entry, { sourceId, seen }, dprk)); },
  };
}

/** UnknownLink entities for OFAC "Linked To:" names that resolve to another entry of the same version. */
function linkedToStatements(links: { from: string; names: readonly string[] }[], byName: Map<string, string>, dataset: string, sourceId: string, seen: string): Statement[] {
  const out: Statement[] = [];
  for (const { from, names } of links) {
    for (const name of names) {
      const target = byName.get(name);
      if (!target || target === from) continue;
      const id = `${from}-linked-${stableId('', target).slice(0, 12)}`;
      const base = { schema: 'UnknownLink', originalValue: null, dataset, sourceId, quote: null, quoteStart: null, quoteEnd: null, page: null,
        reliability: 'A2' as const, firstSeen: seen, lastSeen: seen, recordedBy: LINK_RECORDER, reviewStatus: 'accepted' as const };
      for (const [prop, value] of [['subject', from], ['object', target], ['role', 'Linked To']] as const) {
        out.push({ ...base, id: stableId('stl-', id, prop, value, dataset), entityId: id, prop, value });
      }
    }
  }
  return out;
}

export async function importListFile(db: Db, opts: ListImportOptions): Promise<ListImportResult> {
  if (!(LIST_FORMATS as readonly string[]).includes(opts.format)) {
    throw new Room39Error('invalid_input', `unknown list format "${opts.format}"; use one of ${LIST_FORMATS.join(', ')}`);
  }
  const file = opts.file;
  const files = [file, ...(opts.alt ? [opts.alt] : []), ...(opts.add ? [opts.add] : [])];
  for (const f of files) checkListFile(f);
  const dataset = FORMAT_DATASET[opts.format];
  const sha256 = opts.sha256 && files.length === 1 ? opts.sha256 : await sha256File(...files);
  const warnings: string[] = [];
  // A fetched file is named by its URL (in messages and in the version's record), a local one by its path.
  const shown = opts.sourceUrl ?? displayPath(file);
  const base = { file: shown, format: opts.format, warnings };
  const done = await alreadyImported(db, dataset, sha256);
  if (done) return { ...(opts.date ? await redate(db, done, checkDate(opts.date, '--date'), warnings) : done), ...base, links: null, parsed: 0 };

  opts.progress?.start(fs.statSync(file).size, path.basename(file));
  // The file split into its entries' raw records (formats raw-records.ts knows): an update parses only those that changed.
  const split = opts.format === 'ofac-csv' ? splitOfacCsv(file, shown, opts.alt, opts.add) : null;
  const attempt = async (skipUnchanged: boolean): Promise<ListImportResult> => {
    warnings.length = 0;
    let opened: OpenedList | null = null;
    const resolveVersion = (): VersionInfo => {
      const stated = opened?.published() ?? null;
      const published = opts.date ? checkDate(opts.date, '--date') : stated ?? normalisePublished(opts.published) ?? dateInFileName(path.basename(file)) ?? normalisePublished(opts.fetchedAt);
      let version = published?.slice(0, 10) ?? null;
      if (!version) {
        version = fs.statSync(file).mtime.toISOString().slice(0, 10);
        warnings.push(`${path.basename(file)} carries no date; using its modification date ${version}, so the list counts as stale until its date is known (import the same file again with --date YYYY-MM-DD to set it)`);
      }
      const info = listInfo(dataset);
      return {
        dataset, format: opts.format, version, published: published ?? version, publishedAssumed: !published, sha256, file: shown, title: info.title,
        publisher: info.publisher, url: info.url || null, kind: 'sanctions_list', sourceUrl: opts.sourceUrl ?? null, fetchedAt: opts.fetchedAt ?? null,
      };
    };
    const links: Link[] = [];
    // Every record's place in the file (its entity id → position); `links` gets the parsed ones' links.
    const order = new Map<string, number>();
    let parsed = 0;
    const onParsed = () => { parsed++; };
    let source: Parameters<typeof importVersion>[2];
    if (split && skipUnchanged) {
      source = (stored) => changedRecords(split, stored, { links, order, onParsed }, dataset);
    } else {
      opened = openListEntries(opts.format, file, {
        name: shown, alt: opts.alt, add: opts.add,
        onBytes: (n) => opts.progress?.update(n), warn: (m) => warnings.push(m),
      });
      const rawOf = new Map(split?.records.map((r) => [r.entryId, r.hash]));
      source = allRecords(opened, rawOf, { links, order, onParsed });
    }
    let linkReport: LinkReport | null = null;
    let rulesCurrent = false;
    const counts = await importVersion(db, resolveVersion, source, {
      // Only an update that can keep records unparsed asks (and, on PostgreSQL, takes the lock that keeps the answer true).
      beforeWrites: async (tx) => { rulesCurrent = opts.link !== false && split !== null && skipUnchanged && await ruledStampHolds(tx); },
      afterRecords: ({ sourceId: sid, version, entityIdsByName, only, kept }) => {
        const wanted = [...(only ? links.filter((l) => only.has(l.from)) : links), ...kept]
          .sort((a, b) => (order.get(a.from) ?? 0) - (order.get(b.from) ?? 0));
        return { statements: linkedToStatements(wanted, entityIdsByName, dataset, sid, version), recordedBy: LINK_RECORDER };
      },
      finish: async (tx, entries, changes) => {
        if (opts.minEntries && entries < opts.minEntries) {
          throw new Room39Error('invalid_data', `the file holds ${entries} entries, fewer than half of the ${Math.round(opts.minEntries * 2)} of the version before; it looks cut short, so nothing was imported (import it with room39 import if the list really shrank)`, shown);
        }
        if (opts.link !== false) linkReport = await linkEntities(tx, changes.partial ? { changed: changes.entities, dataset: changes.dataset, rulesCurrent } : {});
      },
      onWarning: (m) => warnings.push(m),
      onPhase: opts.onPhase,
    });
    return { ...counts, ...base, links: linkReport, parsed };
  };
  try {
    try {
      return await attempt(split !== null && opts.skipUnchanged !== false);
    } catch (e) {
      // The changed records did not parse on their own (the whole file says where and why), or the store moved meanwhile.
      if (e instanceof SplitParseFailed || e instanceof StaleDigest) return await attempt(false);
      throw e;
    }
  } finally {
    opts.progress?.stop();
  }
}

type Link = { from: string; names: readonly string[] };
/** What the record streams report back: the parsed entries' links, every record's place, each entry parsed. */
interface Seen { links: Link[]; order: Map<string, number>; onParsed: () => void }

/** Every entry of the file, parsed (with its raw record's hash when the file was split). */
async function* allRecords(opened: OpenedList, rawOf: ReadonlyMap<string, string>, { links, order, onParsed }: Seen): AsyncGenerator<ImportRecord> {
  for await (const entry of opened.entries) {
    onParsed();
    // Source and dates are stamped on each statement by importVersion once the version is settled.
    const r = toRecord(entry, '', '', rawOf.get(entry.entryId) ?? null);
    order.set(r.entityId, order.size);
    if (r.linkKeys!.length) links.push({ from: r.entityId, names: r.linkKeys! });
    yield r;
  }
}

/** The changed records of a split file parse on their own, or the whole file is parsed instead. */
class SplitParseFailed extends Error {}

/** The records of a split file in file order: runs of those whose raw hash is the stored one kept unparsed, the others parsed. */
async function* changedRecords(split: SplitFile, stored: StoredRawHashes, { links, order, onParsed }: Seen, dataset: string): AsyncGenerator<ImportRecord | KeptRecords> {
  const ids = new Set(split.records.filter((r) => stored(r.entryId) !== r.hash).map((r) => r.entryId));
  const parsed = ids.size ? split.parse(ids)[Symbol.asyncIterator]() : null;
  const next = async () => {
    try { return await parsed!.next(); } catch (e) { throw new SplitParseFailed(e instanceof Error ? e.message : String(e)); }
  };
  let run: KeptRecords['entries'] = [];
  for (const raw of split.records) {
    order.set(entityIdOf(dataset, raw.entryId), order.size);
    if (!ids.has(raw.entryId)) { run.push({ entryId: raw.entryId, raw: raw.hash }); continue; }
    if (run.length) { yield { kept: true, entries: run }; run = []; }
    const got = await next();
    if (got.done || got.value.entryId !== raw.entryId) throw new SplitParseFailed(`entry ${raw.entryId} did not parse on its own`);
    onParsed();
    const r = toRecord(got.value, '', '', raw.hash);
    if (r.linkKeys!.length) links.push({ from: r.entityId, names: r.linkKeys! });
    yield r;
  }
  if (run.length) yield { kept: true, entries: run };
  if (parsed && !(await next()).done) throw new SplitParseFailed('the changed records gave more entries than expected');
}

export { LIST_RECORDER };
