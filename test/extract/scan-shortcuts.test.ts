/**
 * The scans that replaced patterns tried at every character (issue 17, speed)
 * find what those patterns find: country forms through an index of their
 * first two characters against one alternation of every form (longest first,
 * between word boundaries that know letters beyond ASCII), and the test of a
 * window's last word (src/extract/role-cues.ts `mayEndWith`) never rules out a
 * window that a pattern ending on those words, spaces and an optional "the"
 * matches. On the seeds, the labels' sentences and generated strings mixing
 * country forms with case variants, "ſ", the Kelvin sign, no-break spaces and
 * lone surrogates.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { countryForms, nextCountryForm } from '../../src/extract/countries.ts';
import { mayEndWith } from '../../src/extract/role-cues.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The country forms as one alternation, as extraction found them before the scan. */
const alternation = new RegExp(`(?<![\\p{L}\\p{N}])(?:${countryForms().sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');

function byPattern(text: string): [number, string][] {
  alternation.lastIndex = 0;
  return [...text.matchAll(alternation)].map((m) => [m.index, m[0]]);
}

function byScan(text: string): [number, string][] {
  const out: [number, string][] = [];
  for (let f = nextCountryForm(text, 0); f; f = nextCountryForm(text, f.start + f.surface.length)) out.push([f.start, f.surface]);
  return out;
}

const seeds = fs.readdirSync(path.join(REPO_ROOT, 'data/sources/seeds')).map((f) => fs.readFileSync(path.join(REPO_ROOT, 'data/sources/seeds', f), 'utf8'));
const piece = fc.constantFrom('China', 'Chinas', 'Chinese', 'Russia', 'U.S.', 'US', 'US$', 'UK', 'U.K.', 'Côte d’Ivoire', "Côte d'Ivoire", 'Åland Islands', 'North Korea', 'South Korean',
  'Papua New Guinea', 'Guinea', 'Congo', 'Qatari', 'Siberia', 'Dubai', 'é', 'É', '𝐀', '\ud83d', '\ude00', 'ſ', '\u212a', ' ', ' ', '\u00a0', ', ', '-', '’s', 'x', '1', '\n', 'and ');

describe('country forms found by the scan', () => {
  it('are those one alternation of every form finds, on the seeds', () => {
    for (const text of seeds) expect(byScan(text)).toEqual(byPattern(text));
    expect(seeds.map(byScan).flat().length).toBeGreaterThan(1000);
  });

  it('are those one alternation of every form finds, on generated strings', () => {
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }).map((p) => p.join('')), (text) => {
      expect(byScan(text)).toEqual(byPattern(text));
    }), { numRuns: 3000 });
  });
});

describe('the last-word test before a pattern anchored at the end of a window', () => {
  const words = ['from', 'to', 'with', 'in', 'between', 'bordering', 'leaving', 'of'];
  const endings = words.map((w) => new RegExp(`\\b(?:pressure|ties|linked|wedged|areas|workers)[ \\u00a0]+(?:[\\p{L}\\-]+[ \\u00a0]+){0,2}?${w}[ \\u00a0]+(?:the[ \\u00a0]+)?$`, 'iu'));
  const word = fc.constantFrom('pressure', 'Pressure', 'ties', 'TIES', 'linked', 'wedged', 'areas', 'workers', 'from', 'FROM', 'From', 'to', 'To', 'with', 'in', 'IN', 'between', 'bordering',
    'cross-bordering', 'leaving', 'of', 'Of', 'the', 'The', 'THE', 'ſ', 'froſ', '\u212a', 'é', 'x', 'thé');
  const gap = fc.constantFrom(' ', ' ', '  ', '\u00a0', '', ',');

  it('never rules out a window the pattern matches', () => {
    let matched = 0;
    fc.assert(fc.property(fc.array(fc.tuple(word, gap), { maxLength: 8 }).map((p) => p.map(([w, g]) => w + g).join('')), (window) => {
      endings.forEach((re, k) => {
        if (re.test(window)) {
          matched++;
          expect({ window, word: words[k], may: mayEndWith(window, [words[k]!]) }).toEqual({ window, word: words[k], may: true });
        }
      });
    }), { numRuns: 5000 });
    expect(matched).toBeGreaterThan(50);
  });

  it('rules out windows that end on another word, or on no space', () => {
    expect(mayEndWith('pressure from the ', ['from'])).toBe(true);
    expect(mayEndWith('Pressure FROM ', ['from'])).toBe(true);
    expect(mayEndWith('pressure from the', ['from'])).toBe(false);
    expect(mayEndWith('pressure over the ', ['from'])).toBe(false);
    expect(mayEndWith('pressure froſ ', ['from'])).toBe(true);
  });
});
