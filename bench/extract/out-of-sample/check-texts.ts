/**
 * Which of the annotated texts are on this machine, set by set: present, and
 * the same bytes as annotated (SHA-256). The texts live outside the
 * repository (corpus.ts corpusDir); on a new machine they are restored from
 * their citations (README.md, "Restoring the texts"), and this says how far
 * that got.
 *
 *   npx tsx bench/extract/out-of-sample/check-texts.ts [--missing]
 */
import fs from 'node:fs';
import path from 'node:path';
import { SETS, corpusDir, corpusDirVariable, loadSet, sha256 } from './corpus.ts';

const listMissing = process.argv.includes('--missing');
let present = 0, same = 0, total = 0;
for (const set of SETS) {
  const annotated = loadSet(set);
  const dir = corpusDir(set);
  const missing: string[] = [];
  const differ: string[] = [];
  for (const a of annotated) {
    const file = path.join(dir, `${a.id}.txt`);
    if (!fs.existsSync(file)) { missing.push(a.id); continue; }
    if (sha256(fs.readFileSync(file)) !== a.text_sha256) differ.push(a.id);
  }
  const here = annotated.length - missing.length;
  present += here; same += here - differ.length; total += annotated.length;
  console.log(`${set.padEnd(10)} ${corpusDirVariable(set).padEnd(19)} ${dir.padEnd(22)} present ${here}/${annotated.length}, same bytes ${here - differ.length}`);
  for (const id of differ) console.log(`  differs from its annotation: ${id}`);
  if (listMissing) for (const id of missing) console.log(`  missing: ${id} (${annotated.find((a) => a.id === id)!.citation.url})`);
}
console.log(`all sets: present ${present}/${total}, same bytes ${same}`);
