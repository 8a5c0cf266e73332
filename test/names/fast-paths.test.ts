/**
 * The ASCII fast paths of name normalisation (issue 17, speed with entity
 * resolution) give what the general steps give: each function here is
 * compared with the general steps written out as they were before the fast
 * paths, on every word and two- and three-word phrase of the seed documents
 * and on random strings mixing ASCII with quotes, accents, no-break spaces,
 * controls and Hangul.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanText, compactKey, foldAscii, hasHangul, normalizeName, romanizeHangulName, MAX_NAME_CHARS } from '../../src/names/index.ts';
import { assimilate, everyAssimilation } from '../../src/names/korean.ts';
import { SYNONYMS, everyOrgPhraseRewrite, expandWord, orgWordClass, personWordClass, rewriteOrgPhrases } from '../../src/names/org.ts';
import { REPO_ROOT } from '../../src/config/settings.ts';

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;
const FOLD: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h' };

function refClean(value: string, maxChars = MAX_NAME_CHARS): string {
  let s = value.normalize('NFC').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  if (s.length > maxChars) s = s.slice(0, maxChars).trim();
  return s;
}
function refFold(value: string): string {
  const lower = value.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  let out = '';
  for (const ch of lower) out += FOLD[ch] ?? ch;
  return out;
}
function refNormalize(value: string): string {
  let s = refClean(value);
  if (s === '') return '';
  if (hasHangul(s)) s = romanizeHangulName(s, { breves: false });
  s = refFold(s).replace(/['’‘ʼʻ`´′]/g, '').replace(/&/g, ' and ');
  return s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
const refCompact = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
/** `expandWord` as it was: its table an object, its plural test a pattern. */
function refExpand(word: string): string {
  const syn = SYNONYMS[word];
  if (syn) return syn;
  if (word.length >= 5 && /[^aeious]s$/.test(word)) return SYNONYMS[word.slice(0, -1)] ?? word.slice(0, -1);
  if (word.length >= 6 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  return word;
}

function seedPhrases(): string[] {
  const dir = path.join(REPO_ROOT, 'data/sources/seeds');
  const out = new Set<string>();
  for (const f of fs.readdirSync(dir)) {
    const words = fs.readFileSync(path.join(dir, f), 'utf8').split(/\s+/).filter(Boolean);
    for (let i = 0; i < words.length; i++) for (let n = 1; n <= 3 && i + n <= words.length; n++) out.add(words.slice(i, i + n).join(n === 2 && i % 5 === 0 ? '\u00a0' : ' '));
  }
  return [...out];
}

const CHARS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -.,&\'’‘`()/#', '\u00a0', '\t', '\n', 'é', 'ŏ', 'ß', 'Ł', '김', '\u200b', '\u0301', 'İ', 'ﬁ'];
const mixed = fc.array(fc.constantFrom(...CHARS), { maxLength: 30 }).map((cs) => cs.join(''));
const asciiWords = fc.array(fc.constantFrom('korea', 'north', 'joint', 'venture', 'j', 'v', 'd', 'p', 'r', 'k', 'limited', 'liability', 'company', 'export', 'import', 'and', 'democratic', 'people', 'peoples', 's', 'republic', 'of', 'dprk', 'bank'), { maxLength: 8 }).map((ws) => ws.join(' '));

describe('name normalisation fast paths', () => {
  const phrases = seedPhrases();
  it('cleanText, foldAscii, normalizeName and compactKey agree with the general steps on the seeds’ words and phrases', () => {
    const differ = phrases.filter((p) => cleanText(p) !== refClean(p) || foldAscii(p) !== refFold(p) || normalizeName(p) !== refNormalize(p) || compactKey(p) !== refCompact(p));
    expect(differ).toEqual([]);
    expect(phrases.length).toBeGreaterThan(10_000);
  });
  it('agree on random strings of ASCII, quotes, accents, spaces, controls and Hangul', () => {
    fc.assert(fc.property(mixed, (s) => {
      expect(cleanText(s)).toBe(refClean(s));
      expect(cleanText(s, 5)).toBe(refClean(s, 5));
      expect(foldAscii(s)).toBe(refFold(s));
      expect(normalizeName(s)).toBe(refNormalize(s));
      expect(compactKey(s)).toBe(refCompact(s));
    }), { numRuns: 5000 });
  });
  it('rewriteOrgPhrases agrees with every rewrite tried in turn', () => {
    fc.assert(fc.property(asciiWords, (s) => { expect(rewriteOrgPhrases(s)).toBe(everyOrgPhraseRewrite(s)); }), { numRuns: 5000 });
    expect(phrases.map((p) => normalizeName(p)).filter((n) => rewriteOrgPhrases(n) !== everyOrgPhraseRewrite(n))).toEqual([]);
  });
  it('assimilate rewrites only keys holding a pair of letters one of its rewrites needs, as before', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...'aeiouwynlkpmtsgc'), { maxLength: 12 }).map((cs) => cs.join('')), (k) => { expect(assimilate(k)).toBe((k.length < 4 ? k : everyAssimilation(k))); }), { numRuns: 20000 });
  });
  it('expandWord, orgWordClass and personWordClass read digits and plurals as the patterns did', () => {
    for (const w of [...phrases.map((p) => normalizeName(p)).filter((p) => !p.includes(' ')), 'projects', 'class', 'bonus', 'exports', 'industries', 'ss', '123', '', '1st', '12a', 'constructor', 'corps', 'trdgs', 'depts', 'hapyongs', 'ideas', 'constructors']) {
      expect(expandWord(w)).toBe(refExpand(w));
      expect(orgWordClass(w) === 'number').toBe(/^\d+$/.test(w));
      expect(personWordClass(w) === 'number').toBe(/^\d+$/.test(w));
    }
  });
});
