/**
 * The texts the resolver tests read: the five seed documents, and the out-of-sample corpus, which stays outside
 * the repository (its texts may not be redistributed: ROOM39_CORPUS_DIR, or /work/corpus/texts where it is kept
 * here); where it is absent, the corpus part of a test reads no text and the seeds part still runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../src/config/settings.ts';

export const seedDir = path.join(REPO_ROOT, 'data/sources/seeds');
export const corpusDir = process.env.ROOM39_CORPUS_DIR || '/work/corpus/texts';

/** Each text of a folder as [file name, text], in name order (the corpus's .txt files; every seed). */
export function texts(dir: string): [string, string][] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.txt') || dir === seedDir).sort().map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]);
}
