/**
 * Where tests and benches find the real official list files: the shared
 * folder next to the checkout (`../shared/data/official`, in a worktree
 * `/work/shared/data/official`), never the repository. ROOM39_OFFICIAL_DIR
 * (or the older ROOM39_OFFICIAL) names it; otherwise it is found by walking up
 * from the repository root. See its PROVENANCE.md for what each file is.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../src/config/settings.ts';
import type { ListFileRef } from '../../src/ingest/lists/matchable.ts';

/** The legacy OFAC CSV carries no date of its own; PROVENANCE.md dates the copy by its scrape time. */
export const OFAC_CSV_DATE = '2024-05-03';

let found: string | null = null;

/** The folder holding ofac/sdn.csv, un/consolidated.xml and uk/FCDO_SL_2025-08-11.ods. */
export function officialDir(repoRoot: string = REPO_ROOT): string {
  if (found && repoRoot === REPO_ROOT) return found;
  const tried: string[] = [];
  const fromEnv = process.env.ROOM39_OFFICIAL_DIR || process.env.ROOM39_OFFICIAL;
  const candidates: string[] = fromEnv ? [path.resolve(fromEnv)] : [];
  for (let dir = path.resolve(repoRoot); ; dir = path.dirname(dir)) {
    candidates.push(path.join(dir, 'shared/data/official'));
    if (path.dirname(dir) === dir) break;
  }
  for (const c of candidates) {
    tried.push(c);
    if (fs.existsSync(path.join(c, 'ofac/sdn.csv'))) {
      if (repoRoot === REPO_ROOT) found = c;
      return c;
    }
  }
  throw new Error(`the official list files were not found (looked in ${tried.join(', ')}); set ROOM39_OFFICIAL_DIR to the folder holding ofac/sdn.csv`);
}

/** One official file by its path inside the folder, e.g. `officialListPath('ofac/sdn.csv')`. */
export function officialListPath(rel: string): string {
  const file = path.join(officialDir(), rel);
  if (!fs.existsSync(file)) throw new Error(`no official list file ${rel} in ${officialDir()}`);
  return file;
}

export const OFFICIAL = {
  get ofacCsv() { return officialListPath('ofac/sdn.csv'); },
  get unXml() { return officialListPath('un/consolidated.xml'); },
  get ukOds() { return officialListPath('uk/FCDO_SL_2025-08-11.ods'); },
};

/** The OFAC and UN files as list-file references (oldest first), for readers that work without a store. */
export function officialListFiles(): ListFileRef[] {
  return [
    { file: OFFICIAL.ofacCsv, format: 'ofac-csv', date: OFAC_CSV_DATE },
    { file: OFFICIAL.unXml, format: 'un-xml', date: '2026-02-27' },
  ];
}

