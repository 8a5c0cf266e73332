import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hangulFontCss } from '../../web/build/hangul-font.ts';

const require = createRequire(import.meta.url);
const cssFile = require.resolve('@fontsource/noto-sans-kr/400.css');

describe('the bundled Hangul font', () => {
  const css = hangulFontCss(fs.readFileSync(cssFile, 'utf8'), path.join(path.dirname(cssFile), 'files'));
  const ranges = [...css.matchAll(/unicode-range:([^;]+);/g)].flatMap((m) => m[1]!.split(','));

  it('covers every Hangul syllable, and nothing outside the Hangul blocks', () => {
    const covered = (cp: number) => ranges.some((r) => {
      const [a, b] = r.replace('U+', '').split('-').map((x) => parseInt(x, 16));
      return cp >= a! && cp <= (b ?? a!);
    });
    for (const ch of '김원홍 조선 만수대 릉라도') if (ch !== ' ') expect(covered(ch.codePointAt(0)!), ch).toBe(true);
    for (const ch of 'Aa1’—金') expect(covered(ch.codePointAt(0)!), ch).toBe(false);
  });

  it('points at woff2 files that exist', () => {
    const files = [...css.matchAll(/url\('([^']+)'\)/g)].map((m) => m[1]!);
    expect(files.length).toBeGreaterThan(50);
    for (const f of files) expect(fs.existsSync(f), f).toBe(true);
  });
});
