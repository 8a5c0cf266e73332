/**
 * A Vite plugin giving the web app a Hangul-only web font: the @font-face
 * rules of the maintained package @fontsource/noto-sans-kr (weight 400),
 * renamed "room39 Hangul", each narrowed to the Hangul blocks of its
 * unicode-range (faces without Hangul dropped) and to its woff2 file. First in
 * the font stack, it draws Hangul only, and a browser fetches only the subsets
 * a page's Hangul needs; every other character keeps the system font.
 * `import 'virtual:hangul-font.css'`.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

const ID = 'virtual:hangul-font.css';
/** A CSS id Vite processes as CSS (url() files become assets). */
const RESOLVED = '\0hangul-font.css';
export const HANGUL_FAMILY = 'room39 Hangul';

/** Hangul Jamo, Compatibility Jamo, Jamo Extended-A, Syllables, Jamo Extended-B. */
const HANGUL_BLOCKS: [number, number][] = [[0x1100, 0x11ff], [0x3130, 0x318f], [0xa960, 0xa97f], [0xac00, 0xd7af], [0xd7b0, 0xd7ff]];

type Range = [number, number];

function parseRanges(value: string): Range[] {
  return value.split(',').map((r) => r.trim().replace(/^U\+/i, '')).filter(Boolean).map((r) => {
    const [a, b] = r.split('-');
    return [parseInt(a!, 16), parseInt(b ?? a!, 16)] as Range;
  });
}

function hangulPart(ranges: Range[]): Range[] {
  const out: Range[] = [];
  for (const [a, b] of ranges) {
    for (const [lo, hi] of HANGUL_BLOCKS) {
      const s = Math.max(a, lo);
      const e = Math.min(b, hi);
      if (s <= e) out.push([s, e]);
    }
  }
  return out;
}

const hex = (n: number) => n.toString(16);

export function hangulFontCss(packageCss: string, filesDir: string): string {
  const faces: string[] = [];
  for (const block of packageCss.matchAll(/@font-face\s*{([^}]*)}/g)) {
    const body = block[1]!;
    const range = body.match(/unicode-range:\s*([^;]+);/)?.[1];
    const woff2 = body.match(/url\(\.\/files\/([^)]+\.woff2)\)/)?.[1];
    if (!range || !woff2) continue;
    const hangul = hangulPart(parseRanges(range));
    if (!hangul.length) continue;
    const file = path.join(filesDir, woff2).split(path.sep).join('/');
    faces.push(`@font-face{font-family:'${HANGUL_FAMILY}';font-style:normal;font-weight:400;font-display:swap;`
      + `src:url('${file}') format('woff2');unicode-range:${hangul.map(([s, e]) => (s === e ? `U+${hex(s)}` : `U+${hex(s)}-${hex(e)}`)).join(',')};}`);
  }
  if (faces.length === 0) throw new Error('@fontsource/noto-sans-kr: no Hangul faces found in 400.css');
  return faces.join('\n');
}

export function hangulFont(): Plugin {
  const require = createRequire(import.meta.url);
  return {
    name: 'room39-hangul-font',
    resolveId: (id) => (id === ID ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      const cssFile = require.resolve('@fontsource/noto-sans-kr/400.css');
      return hangulFontCss(fs.readFileSync(cssFile, 'utf8'), path.join(path.dirname(cssFile), 'files'));
    },
  };
}
