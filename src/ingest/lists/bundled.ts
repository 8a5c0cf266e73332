/**
 * The official list snapshots bundled in data/lists, imported on first
 * start (oldest version of each list first), as a part of the first-start
 * loader (ingest/bundle.ts) that reloads only when their files change.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../store/db.ts';
import type { BundlePart, ProgressReporter } from '../bundle.ts';
import { dateInFileName } from './dates.ts';
import { importListFile, sha256File, type ImportProgress, type ListFormat, type ListImportResult } from './import.ts';

export interface BundledList { file: string; format: ListFormat }

/** The bundled list files under `<root>/data/lists`, in import order. */
export function bundledListFiles(root: string): BundledList[] {
  const dir = path.join(root, 'data/lists');
  const pick = (sub: string, ext: string, format: ListFormat): BundledList[] => {
    const d = path.join(dir, sub);
    if (!fs.existsSync(d)) return [];
    return fs.readdirSync(d).filter((f) => f.toLowerCase().endsWith(ext))
      .sort((a, b) => (dateInFileName(a) ?? a).localeCompare(dateInFileName(b) ?? b))
      .map((f) => ({ file: path.join(d, f), format }));
  };
  return [...pick('ofac', '.csv', 'ofac-csv'), ...pick('ofac', '.xml', 'ofac-xml'), ...pick('un', '.xml', 'un-xml')];
}

export async function importBundledLists(db: Db, opts: { root: string; progress?: ImportProgress; log?: ProgressReporter }): Promise<ListImportResult[]> {
  const out: ListImportResult[] = [];
  for (const l of bundledListFiles(opts.root)) {
    opts.log?.(`Importing ${path.relative(opts.root, l.file)}…`);
    out.push(await importListFile(db, { file: l.file, format: l.format, progress: opts.progress }));
  }
  return out;
}

/** For ingest/bundle.ts: reloads when a bundled list file changes. */
export const listsBundlePart: BundlePart = {
  name: 'official-lists',
  async fingerprint(root) {
    const files = bundledListFiles(root).map((l) => l.file);
    return files.length ? sha256File(...files) : 'none';
  },
  async load(db, root, progress) {
    const results = await importBundledLists(db, { root, log: progress });
    return results.map((r) => `${r.dataset} ${r.version}: ${r.status}, ${r.entries} entries (+${r.added} ~${r.changed} -${r.removed})`).join('; ');
  },
};
