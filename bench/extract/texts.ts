/**
 * The texts the extraction speed benches read: the five seed documents (in
 * the repository), and the out-of-sample corpus (88 public texts kept outside
 * it: ROOM39_CORPUS_DIR, ROOM39_CORPUS_DIR3, ROOM39_CORPUS_DIR4, defaults
 * /work/corpus/texts, texts2, texts3; the texts of the out-of-sample sets and
 * the uncited ones read by eye), which the curated graph was not written from.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { corpusDir, SETS } from './out-of-sample/corpus.ts';

export function seedTexts(): string[] {
  const dir = path.join(REPO_ROOT, 'data/sources/seeds');
  return fs.readdirSync(dir).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
}

/** Every .txt file of the sets' corpus folders present (none when they are all absent). */
export function corpusTexts(): string[] {
  const dirs = [...new Set(SETS.map((set) => corpusDir(set)))];
  return dirs.filter((d) => fs.existsSync(d)).flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(d, f), 'utf8')));
}
