/**
 * `room39 import ftm FILE`: FollowTheMoney JSON lines → one version of a
 * dataset (default `ftm_<file name>`), each property value a statement of
 * that version, with the same versions, diffs and linking as the official
 * lists. Entities marked with the `dprk` dataset keep that collection.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Statement } from '../../model/index.ts';
import { Room39Error } from '../../errors.ts';
import type { Db } from '../../store/db.ts';
import { dateInFileName } from '../lists/dates.ts';
import { DPRK_DATASET } from '../lists/dprk.ts';
import { LIST_RECORDER, listStatementId } from '../lists/entry-statements.ts';
import { checkListFile, openListFile } from '../lists/input.ts';
import { displayPath, sha256File, type ImportProgress } from '../lists/import.ts';
import { linkEntities, type LinkReport } from '../lists/link.ts';
import { alreadyImported, importVersion, type ImportCounts, type ImportRecord, type VersionInfo } from '../lists/versioned-import.ts';
import { parseFtmLines, type FtmEntity } from './read.ts';

export interface FtmImportOptions {
  file: string;
  dataset?: string;
  date?: string;
  progress?: ImportProgress;
  link?: boolean;
}

export interface FtmImportResult extends ImportCounts { file: string; format: 'ftm'; links: LinkReport | null; warnings: string[] }

export function defaultFtmDataset(file: string): string {
  const base = path.basename(file).replace(/\.(ftm\.)?(json|jsonl|ndjson)$/i, '').replace(/\.ftm$/i, '');
  return `ftm_${base.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '') || 'import'}`;
}

function toRecord(e: FtmEntity, dataset: string, sourceId: string, seen: string): ImportRecord {
  const out = new Map<string, Statement>();
  const push = (prop: string, value: string, ds: string) => {
    const id = listStatementId(e.id, prop, value, ds);
    out.set(id, {
      id, entityId: e.id, schema: e.schema, prop, value, originalValue: null, dataset: ds, sourceId, quote: null, quoteStart: null,
      quoteEnd: null, page: null, reliability: 'B2', firstSeen: e.first_seen?.slice(0, 10) && e.first_seen.slice(0, 10) < seen ? e.first_seen.slice(0, 10) : seen,
      lastSeen: seen, recordedBy: LIST_RECORDER, reviewStatus: 'accepted',
    });
  };
  for (const [prop, values] of Object.entries(e.properties)) for (const v of values) push(prop, v, dataset);
  const dprk = e.datasets.includes(DPRK_DATASET);
  if (dprk) {
    const first = Object.entries(e.properties)[0];
    if (first) push(first[0], first[1][0]!, DPRK_DATASET);
  }
  const snapshot = { schema: e.schema, properties: e.properties };
  return {
    entryId: e.id, entityId: e.id, schema: e.schema,
    caption: e.properties.name?.[0] ?? e.properties.title?.[0] ?? e.id, dprk,
    hash: createHash('sha256').update(JSON.stringify(snapshot)).digest('hex').slice(0, 32),
    snapshot, statements: [...out.values()],
  };
}

export async function importFtmFile(db: Db, opts: FtmImportOptions): Promise<FtmImportResult> {
  checkListFile(opts.file);
  const dataset = opts.dataset ?? defaultFtmDataset(opts.file);
  if (!/^[a-z0-9_]{2,64}$/.test(dataset)) throw new Room39Error('invalid_input', `dataset names are 2–64 lower-case letters, digits and _ (got "${dataset}")`);
  if (opts.date && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) throw new Room39Error('invalid_input', `"${opts.date}" is not a date (YYYY-MM-DD)`, '--date');
  const sha256 = await sha256File(opts.file);
  const warnings: string[] = [];
  const base = { file: displayPath(opts.file), format: 'ftm' as const, warnings };
  const done = await alreadyImported(db, dataset, sha256);
  if (done) return { ...done, ...base, links: null };
  let version = opts.date ?? dateInFileName(path.basename(opts.file));
  if (!version) {
    version = fs.statSync(opts.file).mtime.toISOString().slice(0, 10);
    warnings.push(`${path.basename(opts.file)} carries no date; using its modification date ${version} (give --date to set it)`);
  }
  const v: VersionInfo = {
    dataset, format: 'ftm', version, sha256, file: base.file, title: `FtM import ${path.basename(opts.file)}`,
    publisher: 'FollowTheMoney file', url: null, kind: 'ftm_dataset',
  };
  const sourceId = `${dataset}-${version}`;
  opts.progress?.start(fs.statSync(opts.file).size, path.basename(opts.file));
  async function* records(): AsyncGenerator<ImportRecord> {
    for await (const e of parseFtmLines(openListFile(opts.file), { file: opts.file, onBytes: (n) => opts.progress?.update(n) })) {
      yield toRecord(e, dataset, sourceId, v.version);
    }
  }
  let links: LinkReport | null = null;
  try {
    const counts = await importVersion(db, () => v, records(), {
      derivedIds: false,
      finish: async (tx) => { if (opts.link !== false) links = await linkEntities(tx); },
    });
    return { ...counts, ...base, links };
  } finally {
    opts.progress?.stop();
  }
}
