/**
 * Hangul in the PDF report: the fonts pdfkit finds on the system have no
 * Hangul glyphs (they print as boxes), so a report holding Hangul embeds the
 * Korean font the web app already bundles (the maintained package
 * @fontsource/noto-sans-kr, weight 400; see web/build/hangul-font.ts). The
 * package splits the font by unicode-range into subsets: only the subsets
 * holding the report's Hangul are read (their WOFF files), and text is set in
 * runs, each Hangul run in the subset that has its glyphs.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Hangul Jamo, Compatibility Jamo, Jamo Extended-A, Syllables, Jamo Extended-B. */
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff]/u;

interface Subset { name: string; file: string; ranges: [number, number][] }

let subsets: Subset[] | null = null;

/** The package's subsets with their unicode ranges (from its 400.css). */
function packageSubsets(): Subset[] {
  if (subsets) return subsets;
  const css = createRequire(import.meta.url).resolve('@fontsource/noto-sans-kr/400.css');
  const dir = path.dirname(css);
  subsets = [];
  for (const m of fs.readFileSync(css, 'utf8').matchAll(/@font-face\s*{([^}]*)}/g)) {
    const body = m[1]!;
    const file = body.match(/url\(\.\/(files\/[^)]+\.woff)\)/)?.[1];
    const range = body.match(/unicode-range:\s*([^;]+);/)?.[1];
    if (!file || !range) continue;
    const ranges = range.split(',').map((r) => r.trim().replace(/^U\+/i, '')).filter(Boolean)
      .map((r) => { const [a, b] = r.split('-'); return [parseInt(a!, 16), parseInt(b ?? a!, 16)] as [number, number]; });
    subsets.push({ name: `NotoSansKR-${path.basename(file, '.woff')}`, file: path.join(dir, file), ranges });
  }
  return subsets;
}

export interface HangulFonts {
  /** Font names to register with pdfkit (`doc.registerFont(name, file)`). */
  fonts: { name: string; file: string }[];
  /** The registered font holding a character's glyph, or null for a character that is not Hangul. */
  fontOf(ch: string): string | null;
}

/** The subsets a text's Hangul needs, or null when it holds none. */
export function hangulFontsFor(text: string): HangulFonts | null {
  if (!HANGUL.test(text)) return null;
  const chars = new Set([...text].filter((ch) => HANGUL.test(ch)));
  const byChar = new Map<string, Subset>();
  for (const ch of chars) {
    const cp = ch.codePointAt(0)!;
    const s = packageSubsets().find((x) => x.ranges.some(([a, b]) => cp >= a && cp <= b));
    if (s) byChar.set(ch, s);
  }
  const used = [...new Set(byChar.values())];
  return { fonts: used.map((s) => ({ name: s.name, file: s.file })), fontOf: (ch) => byChar.get(ch)?.name ?? null };
}

/** A text cut into runs of one font each (`null`: the report's own font). */
export function fontRuns(text: string, fonts: HangulFonts | null): { text: string; font: string | null }[] {
  if (!fonts || !HANGUL.test(text)) return [{ text, font: null }];
  const out: { text: string; font: string | null }[] = [];
  for (const ch of text) {
    const font = HANGUL.test(ch) ? fonts.fontOf(ch) : null;
    const last = out.at(-1);
    if (last && last.font === font) last.text += ch;
    else out.push({ text: ch, font });
  }
  return out;
}
