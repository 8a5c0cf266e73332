/**
 * The hand-written sentence breaks (src/extract/sentence-breaks.ts) agree with
 * ICU's segmenter on every line of the seed documents, the hand-labelled
 * sources and tricky lines written here; a line with a character the rules do
 * not classify goes to ICU.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { lineSegments } from '../../src/extract/extract.ts';
import { sentenceBreaks } from '../../src/extract/sentence-breaks.ts';

const icu = new Intl.Segmenter('en', { granularity: 'sentence' });
const starts = (segs: Iterable<{ index: number }>) => [...segs].map((s) => s.index);

function textsUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return textsUnder(p);
    return /\.(txt|md|json)$/.test(e.name) ? [fs.readFileSync(p, 'utf8')] : [];
  });
}

describe('sentence breaks', () => {
  it('agree with ICU on every line of the seeds and the labelled sources', () => {
    const texts = [...textsUnder(path.join(REPO_ROOT, 'data/sources/seeds')), ...textsUnder(path.join(REPO_ROOT, 'test/extract/labels'))];
    let lines = 0;
    let fast = 0;
    for (const text of texts) {
      for (const line of text.split('\n')) {
        if (!line.trim()) continue;
        lines++;
        if (sentenceBreaks(line)) fast++;
        expect(starts(lineSegments(line)), line.slice(0, 120)).toEqual(starts(icu.segment(line)));
      }
    }
    expect(lines).toBeGreaterThan(500);
    // Nearly every line of these English texts takes the fast path.
    expect(fast / lines).toBeGreaterThan(0.9);
  });

  it('agree with ICU on abbreviations, numbers, quotes and brackets', () => {
    const lines = [
      'The U.S. Treasury said so. It acted on Jan. 5, e.g. against No. 5 and the U.N. Security Council.',
      'He said "Go home." Then he left!? Yes... maybe. 3.5 million workers. Mr. Kim met Dr. Ri.',
      'Sanctions (UNSCR 2397.) followed. “We know,” she said. ‘Fine.’ And then – nothing.',
      'Workers earn $1.5 a day.They sleep in shifts. a.m. and p.m. are times. (See p. 4.) Next.',
      'Ünal said ok. Émile agreed. Zürich? Yes. 北京 is a city. Москва. Конец.',
      'Line with tab\tand no-break\u00a0space. Another one!  Two spaces. END',
    ];
    for (const line of lines) expect(starts(lineSegments(line)), line).toEqual(starts(icu.segment(line)));
  });

  it('leave lines with unclassified characters to ICU', () => {
    expect(sentenceBreaks('A combining mark e\u0301 here. Next.')).toBeNull();
    expect(sentenceBreaks('An emoji 😀 here. Next.')).toBeNull();
    expect(sentenceBreaks('Plain line. Next one.')).toEqual([12]);
  });
});
