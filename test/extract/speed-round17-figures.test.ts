/**
 * Round 17 of issue 17's speed work, the figure finders: what changed is how
 * they hold what they read, not what they find. Checked against the forms they
 * replaced:
 * - `Occupancy` keeps up to eight spans as a list before it makes its map of
 *   taken characters: every answer equals that of a map made at the first span
 *   (random takes, claims and questions, spans outside the range, negative ends);
 * - `numberStarts` looks the three letters of a word's head up as one number,
 *   not as a string made per letter: equal to the string look-up;
 * - `boundedNumberStarts` sorts its few starts by insertion: equal to the
 *   comparator sort it replaced.
 * On every sentence of the seeds and the corpus texts present, and generated strings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sentences } from '../../src/extract/extract.ts';
import { boundedNumberStarts, numberStarts } from '../../src/extract/figure-patterns.ts';
import { Occupancy } from '../../src/extract/occupancy.ts';
import { corpusDir, seedDir, texts } from './texts.ts';

/** Occupancy as it was: the map made at the first span taken. */
class MapOccupancy {
  private taken: Uint8Array | null = null;
  constructor(private readonly length: number, private readonly base = 0) {}
  isFree(start: number, end: number): boolean {
    const taken = this.taken;
    if (!taken) return true;
    for (let i = Math.max(start - this.base, 0), e = Math.min(end - this.base, taken.length); i < e; i++) if (taken[i]) return false;
    return true;
  }
  take(start: number, end: number): void {
    const n = Math.max(0, this.length);
    const from = Math.max(start - this.base, 0);
    const e = Math.min(end - this.base, n);
    const to = e < 0 ? Math.max(n + e, 0) : e;
    if (from >= to) return;
    (this.taken ??= new Uint8Array(n)).fill(1, from, to);
  }
  claim(start: number, end: number): boolean {
    if (!this.isFree(start, end)) return false;
    this.take(start, end);
    return true;
  }
}

const HEADS = new Set(['zer', 'one', 'two', 'thr', 'fou', 'fiv', 'six', 'sev', 'eig', 'nin', 'ten', 'ele', 'twe', 'thi', 'fif', 'for', 'hun']);
const folded = (c: number) => (c >= 97 && c <= 122 ? c : c >= 65 && c <= 90 ? c + 32 : c === 0x17f ? 115 : -1);
const alnum = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);

/** numberStarts as it was: the head looked up as a string. */
function numberStartsPlain(s: string): number[] {
  const out: number[] = [];
  let prevAlnum = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!prevAlnum) {
      if (c >= 48 && c <= 57) out.push(i);
      else {
        const a = folded(c);
        if (a === 97 && s.charCodeAt(i + 1) === 32 && (s.charCodeAt(i + 2) | 32) === 104) out.push(i);
        else if (a > 0 && i + 2 < s.length) {
          const b = folded(s.charCodeAt(i + 1));
          const d = folded(s.charCodeAt(i + 2));
          if (b > 0 && d > 0 && HEADS.has(String.fromCharCode(a, b, d))) out.push(i);
        }
      }
    }
    prevAlnum = c < 128 && alnum(c);
  }
  return out;
}

const isSpace = (c: number) => c === 32 || c === 0xa0;
const boundLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 0x17f || c === 0x212a;

/** boundedNumberStarts as it was: collected, then sorted by a comparator and made unique. */
function boundedPlain(s: string, words: number): number[] {
  const out: number[] = [];
  for (const q of numberStartsPlain(s)) {
    out.push(q);
    let j = q;
    for (let w = 0; w < words; w++) {
      let k = j - 1;
      if (k < 0 || !isSpace(s.charCodeAt(k))) break;
      while (k >= 0 && isSpace(s.charCodeAt(k))) k--;
      const end = k;
      while (k >= 0 && boundLetter(s.charCodeAt(k))) k--;
      if (k === end) break;
      out.push(k + 1);
      j = k + 1;
    }
  }
  return [...new Set(out)].sort((a, b) => a - b);
}

function sentencesOfTexts(): string[] {
  return [...texts(seedDir), ...texts(corpusDir)].flatMap(([, t]) => sentences(t).map((s) => t.slice(s.start, s.end)));
}

describe('the figure finders hold what they read as before', () => {
  it('number starts, bounded or not, on every sentence of the seeds and the corpus texts present', () => {
    const all = sentencesOfTexts();
    expect(all.length).toBeGreaterThan(1500);
    let starts = 0;
    const found: string[] = [];
    for (const s of all) {
      const want = numberStartsPlain(s);
      starts += want.length;
      if (JSON.stringify(numberStarts(s)) !== JSON.stringify(want)) found.push(`numberStarts ${s}`);
      for (const w of [3, 5]) if (JSON.stringify(boundedNumberStarts(s, w)) !== JSON.stringify(boundedPlain(s, w))) found.push(`bounded ${w} ${s}`);
    }
    expect(found).toEqual([]);
    expect(starts).toBeGreaterThan(1000);
  });

  it('number starts on generated strings', () => {
    const piece = fc.constantFrom('one', 'One', 'ONE', 'twenty', 'thr', 'thirty', 'Hundred', 'a hundred', 'A H', 'fiſ', 'ſix', 'ſeven', '\u212aey', 'for', 'fourteen', 'x', 'é', '1', '2,000',
      'more than', 'between', 'up to', ' ', '  ', '\u00a0', '-', ',', 'zer', 'ze', 'el', 'eleven');
    fc.assert(fc.property(fc.array(piece, { maxLength: 20 }).map((p) => p.join('')), (s) =>
      JSON.stringify(numberStarts(s)) === JSON.stringify(numberStartsPlain(s)) && JSON.stringify(boundedNumberStarts(s, 5)) === JSON.stringify(boundedPlain(s, 5))), { numRuns: 3000 });
  });

  it('taken spans, as a map made at the first span answers', () => {
    // Spans mostly forward and short (more than eight taken makes the map), some backward or past either end.
    const op = fc.tuple(fc.constantFrom('take', 'take', 'claim', 'isFree'), fc.integer({ min: -30, max: 130 }), fc.integer({ min: -40, max: 25 })).map(([k, start, len]) => [k, start, len < -30 ? len : start + len] as const);
    const setup = fc.tuple(fc.integer({ min: -5, max: 120 }), fc.integer({ min: 0, max: 60 }), fc.array(op, { maxLength: 60 }));
    fc.assert(fc.property(setup, ([length, base, ops]) => {
      const a = new Occupancy(length, base);
      const b = new MapOccupancy(length, base);
      for (const [kind, start, end] of ops) {
        const got = kind === 'take' ? (a.take(start + base, end + base), null) : a[kind](start + base, end + base);
        const want = kind === 'take' ? (b.take(start + base, end + base), null) : b[kind](start + base, end + base);
        if (got !== want) return false;
        // Every character asked alone too: the two agree on each.
        for (let i = base - 2; i < base + Math.max(length, 0) + 2; i += 7) if (a.isFree(i, i + 1) !== b.isFree(i, i + 1)) return false;
      }
      return true;
    }), { numRuns: 3000 });
    // Many spans, the list made into the map on the ninth: each character as the map says.
    const a = new Occupancy(200, 50);
    const b = new MapOccupancy(200, 50);
    for (let i = 0; i < 12; i++) {
      a.take(50 + i * 15, 50 + i * 15 + 6);
      b.take(50 + i * 15, 50 + i * 15 + 6);
    }
    for (let i = 40; i < 260; i++) expect([i, a.isFree(i, i + 1)]).toEqual([i, b.isFree(i, i + 1)]);
  });
});
