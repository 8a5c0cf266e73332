/**
 * Hand specs (source/dev.mjs, source/heldout.mjs, source/fresh.mjs, source/heldout3.mjs, source/heldout4.mjs, source/heldout5.mjs,
 * source/heldout6.mjs, source/heldout7.mjs, source/heldout8.mjs, source/heldout9.mjs, source/heldout10.mjs, source/heldout11.mjs, source/heldout12.mjs,
 * source/heldout13.mjs, source/heldout14.mjs, source/heldout15.mjs, source/heldout16.mjs,
 * source/heldout17.mjs, source/heldout18.mjs, source/heldout19.mjs, source/heldout20.mjs, source/heldout21.mjs) → one annotation file per text (dev/<id>.json, heldout/<id>.json, fresh/<id>.json, heldout3/, heldout4/, heldout5/, heldout6/,
 * heldout7/, heldout8/, heldout9/, heldout10/, heldout11/, heldout12/, heldout13/, heldout14/, heldout15/, heldout16/, heldout17/, heldout18/, heldout19/, heldout20/, heldout21/) with character offsets, the span text, the citation and the SHA-256 of the text. Only finds where the hand-
 * chosen strings are: `npx tsx bench/extract/out-of-sample/build.ts [--set NAME] [--show]`
 * (--set builds only that set, whose texts alone need be present; default: every set. --show prints each annotation with a
 * few words around it, to check it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { HERE, SETS, corpusDir, sha256, specAnnotations, type CorpusSet, type HandSpec, type TextAnnotations, type Citation } from './corpus.ts';
// @ts-expect-error plain JavaScript data files
import { DEV } from './source/dev.mjs';
// @ts-expect-error plain JavaScript data files
import { HELDOUT } from './source/heldout.mjs';
// @ts-expect-error plain JavaScript data files
import { FRESH } from './source/fresh.mjs';
// @ts-expect-error plain JavaScript data files
import { HELDOUT3 } from './source/heldout3.mjs';
// @ts-expect-error plain JavaScript data files
import { HELDOUT4 } from './source/heldout4.mjs';
// @ts-expect-error plain JavaScript data files
import { HELDOUT5 } from './source/heldout5.mjs';
// @ts-expect-error plain JavaScript data files
import { HELDOUT6 } from './source/heldout6.mjs';
// @ts-expect-error plain JavaScript data files
import { HELDOUT7 } from './source/heldout7.mjs';
// @ts-expect-error plain JavaScript data files
import { HELDOUT8 } from './source/heldout8.mjs';
// @ts-expect-error plain JavaScript data files
import { HELDOUT9 } from './source/heldout9.mjs';
// @ts-expect-error plain JavaScript data files
import { HELDOUT10 } from './source/heldout10.mjs';
// @ts-expect-error plain JavaScript data files
import { HELDOUT11 } from './source/heldout11.mjs';
// @ts-expect-error plain JavaScript data files
import { HELDOUT12 } from './source/heldout12.mjs';
// @ts-expect-error plain JavaScript data files
import { HELDOUT13 } from './source/heldout13.mjs';
// @ts-expect-error plain JavaScript data files
import { HELDOUT14 } from './source/heldout14.mjs';
// @ts-expect-error plain JavaScript data files
import { HELDOUT15 } from './source/heldout15.mjs';
// @ts-expect-error plain JavaScript data files
import { HELDOUT16 } from './source/heldout16.mjs';
// @ts-expect-error plain JavaScript data files
import { HELDOUT17 } from './source/heldout17.mjs';
// @ts-expect-error plain JavaScript data files
import { HELDOUT18 } from './source/heldout18.mjs';
// @ts-expect-error plain JavaScript data files
import { HELDOUT19 } from './source/heldout19.mjs';
// @ts-expect-error plain JavaScript data files
import { HELDOUT20 } from './source/heldout20.mjs';
// @ts-expect-error plain JavaScript data files
import { HELDOUT21 } from './source/heldout21.mjs';
import recorded from './split.json' with { type: 'json' };

interface Spec extends HandSpec {
  citation: Citation;
}

const show = process.argv.includes('--show');
const setArg = process.argv.indexOf('--set');
const only = setArg >= 0 ? process.argv[setArg + 1] : undefined;
if (setArg >= 0 && !(SETS as readonly string[]).includes(only ?? '')) throw new Error(`--set needs one of ${SETS.join(', ')}`);
const ALL = [['dev', DEV], ['heldout', HELDOUT], ['fresh', FRESH], ['heldout3', HELDOUT3], ['heldout4', HELDOUT4], ['heldout5', HELDOUT5], ['heldout6', HELDOUT6], ['heldout7', HELDOUT7], ['heldout8', HELDOUT8], ['heldout9', HELDOUT9], ['heldout10', HELDOUT10], ['heldout11', HELDOUT11], ['heldout12', HELDOUT12], ['heldout13', HELDOUT13], ['heldout14', HELDOUT14], ['heldout15', HELDOUT15], ['heldout16', HELDOUT16], ['heldout17', HELDOUT17], ['heldout18', HELDOUT18], ['heldout19', HELDOUT19], ['heldout20', HELDOUT20], ['heldout21', HELDOUT21]] as [CorpusSet, Record<string, Spec>][];
for (const [set, specs] of ALL.filter(([set]) => only === undefined || set === only)) {
  // dev and heldout were drawn by split.ts; the fresh, third to twenty-first held-out sets are all of their spec files.
  const expected = set !== 'dev' && set !== 'heldout' ? Object.keys(specs).sort() : [...(recorded as unknown as Record<string, string[]>)[set]!].sort();
  if (JSON.stringify(Object.keys(specs).sort()) !== JSON.stringify(expected)) throw new Error(`${set}: specs do not match split.json`);
  fs.mkdirSync(path.join(HERE, set), { recursive: true });
  for (const [id, s] of Object.entries(specs)) {
    const bytes = fs.readFileSync(path.join(corpusDir(set), `${id}.txt`));
    const text = bytes.toString('utf8');
    const anns = specAnnotations(text, s, id);
    const out: TextAnnotations = { id, set, citation: s.citation, text_sha256: sha256(bytes), text_chars: text.length, annotations: anns, notes: s.notes };
    fs.writeFileSync(path.join(HERE, set, `${id}.json`), JSON.stringify(out, null, 1) + '\n');
    const counts: Record<string, number> = {};
    for (const a of anns) counts[a.type] = (counts[a.type] ?? 0) + 1;
    console.log(set, id, JSON.stringify(counts));
    if (show) for (const a of anns) console.log(`   ${a.type.padEnd(16)} …${text.slice(Math.max(0, a.start - 30), a.start).replace(/\n/g, ' ')}[${a.text}]${text.slice(a.end, a.end + 30).replace(/\n/g, ' ')}…`);
  }
}
