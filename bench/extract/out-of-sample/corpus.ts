/**
 * The out-of-sample extraction corpus: its annotation format, where the texts
 * are (outside the repository: ROOM39_CORPUS_DIR, default /work/corpus/texts,
 * one `<id>.txt` each) and how a text is checked against the SHA-256 its
 * annotation records. Shared by build.ts (hand specs → annotation files) and
 * ../score-out-of-sample.ts.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
/**
 * dev and heldout: round 1 (split.json); fresh: the second held-out set of round 2, gathered after the first was scored;
 * heldout3: the third held-out set (round 3), gathered and annotated before round 3's rules, its texts in their own folder;
 * heldout4: the fourth (round 4), likewise, in a folder of its own; heldout5: the fifth (round 5), gathered and annotated
 * by someone other than the rule writer before round 5's rules, in a folder of its own; heldout6: the sixth (round 6),
 * likewise by someone other than the rule writer, before round 6's rules were landed, in a folder of its own; heldout7: the
 * seventh (round 7), likewise by someone other than the rule writer, before any round-7 rule, in a folder of its own; heldout8:
 * the eighth (round 8), likewise by someone other than the rule writer, before any round-8 rule, in a folder of its own;
 * heldout9: the ninth (round 9), likewise by someone other than the rule writer, before any round-9 rule, in a folder of its own;
 * heldout10: the tenth (round 10), likewise by someone other than the rule writer, before any round-10 rule, in a folder of its own;
 * heldout11: the eleventh (round 11), likewise by someone other than the rule writer, before any round-11 rule, in a folder of its own;
 * heldout12: the twelfth (round 12), likewise by someone other than the rule writer, before any round-12 rule, in a folder of its own;
 * heldout13: the thirteenth (round 13), likewise by someone other than the developer, before the round's model and rules, in a folder of its own;
 * heldout14: the fourteenth (round 14), likewise by someone other than the rule writer, before the round's rules, in a folder of its own;
 * heldout15: the fifteenth, likewise by someone other than the rule writer, blind, before anything was scored on it, in a folder of its own;
 * heldout16: the sixteenth, likewise by someone other than the rule writer, blind, before anything was scored on it, in a folder of its own;
 * heldout17: the seventeenth, likewise by someone other than the rule writer, blind, before anything was scored on it, in a folder of its own;
 * heldout18: the eighteenth, likewise by someone other than the rule writer, blind, before anything was scored on it, in a folder of its own;
 * heldout19: the nineteenth, likewise by someone other than the rule writer, blind, before anything was scored on it, in a folder of its own;
 * heldout20: the twentieth, likewise by someone other than the rule writer, blind, before anything was scored on it, in a folder of its own;
 * heldout21: the twenty-first, likewise by someone other than the rule writer, blind, before anything was scored on it, in a folder of its own.
 */
export const SETS = ['dev', 'heldout', 'fresh', 'heldout3', 'heldout4', 'heldout5', 'heldout6', 'heldout7', 'heldout8', 'heldout9', 'heldout10', 'heldout11', 'heldout12', 'heldout13', 'heldout14', 'heldout15', 'heldout16', 'heldout17', 'heldout18', 'heldout19', 'heldout20', 'heldout21'] as const;
export type CorpusSet = (typeof SETS)[number];

/** The environment variable naming the folder of a set's texts. */
export function corpusDirVariable(set?: CorpusSet): string {
  return set === 'heldout3' ? 'ROOM39_CORPUS_DIR3' : set === 'heldout4' ? 'ROOM39_CORPUS_DIR4' : set === 'heldout5' ? 'ROOM39_CORPUS_DIR5' : set === 'heldout6' ? 'ROOM39_CORPUS_DIR6' : set === 'heldout7' ? 'ROOM39_CORPUS_DIR7' : set === 'heldout8' ? 'ROOM39_CORPUS_DIR8' : set === 'heldout9' ? 'ROOM39_CORPUS_DIR9' : set === 'heldout10' ? 'ROOM39_CORPUS_DIR10' : set === 'heldout11' ? 'ROOM39_CORPUS_DIR11' : set === 'heldout12' ? 'ROOM39_CORPUS_DIR12' : set === 'heldout13' ? 'ROOM39_CORPUS_DIR13' : set === 'heldout14' ? 'ROOM39_CORPUS_DIR14' : set === 'heldout15' ? 'ROOM39_CORPUS_DIR15' : set === 'heldout16' ? 'ROOM39_CORPUS_DIR16' : set === 'heldout17' ? 'ROOM39_CORPUS_DIR17' : set === 'heldout18' ? 'ROOM39_CORPUS_DIR18' : set === 'heldout19' ? 'ROOM39_CORPUS_DIR19' : set === 'heldout20' ? 'ROOM39_CORPUS_DIR20' : set === 'heldout21' ? 'ROOM39_CORPUS_DIR21' : 'ROOM39_CORPUS_DIR';
}

/**
 * Where a set's texts are: ROOM39_CORPUS_DIR (default /work/corpus/texts); the third held-out set's in
 * ROOM39_CORPUS_DIR3 (default /work/corpus/texts2), the fourth's in ROOM39_CORPUS_DIR4 (default /work/corpus/texts3),
 * the fifth's in ROOM39_CORPUS_DIR5 (default /work/corpus/texts4), the sixth's in ROOM39_CORPUS_DIR6 (default /work/corpus/texts5),
 * the seventh's in ROOM39_CORPUS_DIR7 (default /work/corpus/texts6), the eighth's in ROOM39_CORPUS_DIR8 (default /work/corpus/texts7),
 * the ninth's in ROOM39_CORPUS_DIR9 (default /work/corpus/texts8), the tenth's in ROOM39_CORPUS_DIR10 (default /work/corpus/texts9),
 * the eleventh's in ROOM39_CORPUS_DIR11 (default /work/corpus/texts10), the twelfth's in ROOM39_CORPUS_DIR12 (default /work/corpus/texts11),
 * the thirteenth's in ROOM39_CORPUS_DIR13 (default /work/corpus/texts12), the fourteenth's in ROOM39_CORPUS_DIR14 (default /work/corpus/texts13),
 * the fifteenth's in ROOM39_CORPUS_DIR15 (default /work/corpus/texts14), the sixteenth's in ROOM39_CORPUS_DIR16 (default /work/corpus/texts15),
 * the seventeenth's in ROOM39_CORPUS_DIR17 (default /work/corpus/texts16), the eighteenth's in ROOM39_CORPUS_DIR18 (default /work/corpus/texts17),
 * the nineteenth's in ROOM39_CORPUS_DIR19 (default /work/corpus/texts18), the twentieth's in ROOM39_CORPUS_DIR20 (default /work/corpus/texts19),
 * the twenty-first's in ROOM39_CORPUS_DIR21 (default /work/corpus/texts20).
 */
export function corpusDir(set?: CorpusSet): string {
  if (set === 'heldout3') return process.env.ROOM39_CORPUS_DIR3 || '/work/corpus/texts2';
  if (set === 'heldout4') return process.env.ROOM39_CORPUS_DIR4 || '/work/corpus/texts3';
  if (set === 'heldout5') return process.env.ROOM39_CORPUS_DIR5 || '/work/corpus/texts4';
  if (set === 'heldout6') return process.env.ROOM39_CORPUS_DIR6 || '/work/corpus/texts5';
  if (set === 'heldout7') return process.env.ROOM39_CORPUS_DIR7 || '/work/corpus/texts6';
  if (set === 'heldout8') return process.env.ROOM39_CORPUS_DIR8 || '/work/corpus/texts7';
  if (set === 'heldout9') return process.env.ROOM39_CORPUS_DIR9 || '/work/corpus/texts8';
  if (set === 'heldout10') return process.env.ROOM39_CORPUS_DIR10 || '/work/corpus/texts9';
  if (set === 'heldout11') return process.env.ROOM39_CORPUS_DIR11 || '/work/corpus/texts10';
  if (set === 'heldout12') return process.env.ROOM39_CORPUS_DIR12 || '/work/corpus/texts11';
  if (set === 'heldout13') return process.env.ROOM39_CORPUS_DIR13 || '/work/corpus/texts12';
  if (set === 'heldout14') return process.env.ROOM39_CORPUS_DIR14 || '/work/corpus/texts13';
  if (set === 'heldout15') return process.env.ROOM39_CORPUS_DIR15 || '/work/corpus/texts14';
  if (set === 'heldout16') return process.env.ROOM39_CORPUS_DIR16 || '/work/corpus/texts15';
  if (set === 'heldout17') return process.env.ROOM39_CORPUS_DIR17 || '/work/corpus/texts16';
  if (set === 'heldout18') return process.env.ROOM39_CORPUS_DIR18 || '/work/corpus/texts17';
  if (set === 'heldout19') return process.env.ROOM39_CORPUS_DIR19 || '/work/corpus/texts18';
  if (set === 'heldout20') return process.env.ROOM39_CORPUS_DIR20 || '/work/corpus/texts19';
  if (set === 'heldout21') return process.env.ROOM39_CORPUS_DIR21 || '/work/corpus/texts20';
  return process.env.ROOM39_CORPUS_DIR || '/work/corpus/texts';
}

export interface Citation {
  publisher: string;
  title: string;
  /** ISO date, possibly partial (YYYY, YYYY-MM). */
  date: string;
  url: string;
  /** Which part of the publication the stored text is. */
  where: string;
}

/** What a share is a share of. */
export const SHARE_WHOLES = ['wages', 'workforce', 'revenue', 'other'] as const;
export type ShareWhole = (typeof SHARE_WHOLES)[number];

export type Qualifier = 'exact' | 'range' | 'at_least' | 'at_most' | 'approximate' | 'order_of_magnitude' | 'part_of';

interface Span {
  start: number;
  end: number;
  /** Exactly text.slice(start, end): a few words, never a sentence. */
  text: string;
}
export type Annotation =
  | (Span & { type: 'host_country'; country: string })
  | (Span & { type: 'legal_instrument' })
  | (Span & { type: 'worker_count'; low: number | null; high: number | null; qualifier: Qualifier; country: string | null })
  | (Span & { type: 'share'; low: number | null; high: number | null; qualifier: Qualifier; of: ShareWhole });
export type AnnotationType = Annotation['type'];

export interface TextAnnotations {
  id: string;
  set: CorpusSet;
  citation: Citation;
  /** SHA-256 (hex) of the text file's bytes. */
  text_sha256: string;
  text_chars: number;
  annotations: Annotation[];
  notes: string;
}

export function sha256(bytes: Buffer): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** Reads a corpus text and checks it is the one annotated; throws, saying which file and what differs. */
export function readText(a: Pick<TextAnnotations, 'id' | 'text_sha256'> & { set?: CorpusSet }): string {
  const file = path.join(corpusDir(a.set), `${a.id}.txt`);
  if (!fs.existsSync(file)) throw new Error(`${file}: missing (set ${corpusDirVariable(a.set)} to the folder of the corpus texts)`);
  const bytes = fs.readFileSync(file);
  const got = sha256(bytes);
  if (got !== a.text_sha256) throw new Error(`${file}: SHA-256 ${got} is not the annotated text's ${a.text_sha256}`);
  return bytes.toString('utf8');
}

export function loadSet(set: CorpusSet): TextAnnotations[] {
  const dir = path.join(HERE, set);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as TextAnnotations);
}

/** One text's hand annotations as written in source/*.mjs: each mark a surface and its occurrence (1-based, whole-word, case-sensitive), with its values. */
export interface HandSpec {
  host: [string, number, string][];
  legal: [string, number][];
  workers: [string, number, number | null, number | null, Qualifier, string | null][];
  shares: [string, number, number | null, number | null, Qualifier, ShareWhole][];
  notes: string;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function spanAt(text: string, surface: string, n: number, id: string): Span {
  const hits = [...text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(surface)}(?![\\p{L}\\p{N}])`, 'gu'))].map((m) => m.index!);
  const i = hits[n - 1];
  if (i === undefined) throw new Error(`${id}: occurrence ${n} of ${JSON.stringify(surface)} not found (${hits.length} found)`);
  return { start: i, end: i + surface.length, text: text.slice(i, i + surface.length) };
}

/** A hand spec's marks as annotations of the text, in order; throws on a surface not found or two marks of a type that overlap. */
export function specAnnotations(text: string, spec: HandSpec, id: string): Annotation[] {
  const anns: Annotation[] = [
    ...spec.host.map(([t, n, country]) => ({ type: 'host_country' as const, ...spanAt(text, t, n, id), country })),
    ...spec.legal.map(([t, n]) => ({ type: 'legal_instrument' as const, ...spanAt(text, t, n, id) })),
    ...spec.workers.map(([t, n, low, high, qualifier, country]) => ({ type: 'worker_count' as const, ...spanAt(text, t, n, id), low, high, qualifier, country })),
    ...spec.shares.map(([t, n, low, high, qualifier, of]) => ({ type: 'share' as const, ...spanAt(text, t, n, id), low, high, qualifier, of })),
  ].sort((a, b) => a.start - b.start || a.type.localeCompare(b.type));
  for (let i = 1; i < anns.length; i++) {
    const a = anns[i - 1]!, b = anns[i]!;
    if (a.type === b.type && b.start < a.end) throw new Error(`${id}: overlapping ${a.type} ${JSON.stringify(a.text)} / ${JSON.stringify(b.text)}`);
  }
  return anns;
}
