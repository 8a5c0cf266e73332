/**
 * A name made ready for comparison: normalised text, and its words each with
 * a phonetic key and a class. The matcher, the search index and document
 * extraction all start from this.
 */
import { normalizeName, tokenize } from './normalize.ts';
import { koreanKey, strictKoreanKey, isKoreanLooking } from './korean.ts';
import { expandWord, glossOf, orgWordClass, personWordClass, rewriteOrgPhrases, type WordClass } from './org.ts';

export type NameKind = 'person' | 'org' | 'any';

/** The key every word naming Korea or the DPRK shares. */
export const COUNTRY_KEY = '#kp';

export interface NameToken {
  /** The normalised word (after abbreviation expansion for organisations). */
  text: string;
  /** Phonetic key (see `koreanKey`). */
  key: string;
  /** Stricter phonetic key (see `strictKoreanKey`). */
  strict: string;
  cls: WordClass;
  /** Reads as romanised Korean syllables. */
  korean: boolean;
  /** Organisations: the English gloss of a lexicon word (`yonhap` → `united`, `unhaeng` → `bank`), else null. */
  gloss: string | null;
}

export interface PreparedName {
  /** The name as given. */
  original: string;
  /** `normalizeName` of it. */
  normalized: string;
  kind: NameKind;
  tokens: NameToken[];
}

/** Which kind of name an FtM-ish schema carries. */
export function nameKindOf(schema: string | null | undefined): NameKind {
  if (!schema) return 'any';
  if (schema === 'Person') return 'person';
  if (schema === 'LegalEntity' || schema === 'Thing') return 'any';
  return 'org';
}

/**
 * Prepare a name: normalise, split, expand abbreviations and class words
 * (organisations), key every word. `any` (schema unknown) classes words as an
 * organisation would, which only lowers the weight of words like "Corporation".
 * Pass `normalizedValue` (= `normalizeName(value)`) when you already have it.
 */
export function prepareName(value: string, kind: NameKind = 'any', normalizedValue?: string): PreparedName {
  let normalized = normalizedValue ?? normalizeName(value);
  if (kind !== 'person') normalized = rewriteOrgPhrases(normalized);
  const words = tokenize(normalized);
  const tokens: NameToken[] = words.map((w) => {
    const text = kind === 'person' ? w : expandWord(w);
    const cls = kind === 'person' ? personWordClass(text) : orgWordClass(text);
    // Korea, Korean, Chosun, DPRK name one country: one key.
    if (cls === 'country') return { text, key: COUNTRY_KEY, strict: COUNTRY_KEY, cls, korean: false, gloss: null };
    return { text, key: koreanKey(text), strict: strictKoreanKey(text), cls, korean: isKoreanLooking(text), gloss: kind === 'person' ? null : glossOf(text) };
  });
  return { original: value, normalized: tokens.map((t) => t.text).join(' '), kind, tokens };
}

/**
 * The phonetic keys of a name's words that are not stop words, as `prepareName`
 * gives them (`prepareName(...).tokens.filter(t => t.cls !== 'stop').map(t => t.key)`),
 * without the stricter keys, glosses and token records: the name filter of
 * document extraction asks this of every capitalised word of a report.
 */
export function nameWordKeys(value: string, kind: NameKind, normalizedValue?: string): string[] {
  let normalized = normalizedValue ?? normalizeName(value);
  if (kind !== 'person') normalized = rewriteOrgPhrases(normalized);
  const keys: string[] = [];
  for (const w of tokenize(normalized)) {
    const text = kind === 'person' ? w : expandWord(w);
    const cls = kind === 'person' ? personWordClass(text) : orgWordClass(text);
    if (cls === 'stop') continue;
    keys.push(cls === 'country' ? COUNTRY_KEY : koreanKey(text));
  }
  return keys;
}

/** Comparable key of a whole name with word order ignored: its word keys, sorted. (Joined given names differ from split ones here; `koreanNameKeys` joins them.) */
export function sortedKey(name: PreparedName): string {
  return name.tokens.filter((t) => t.cls !== 'stop').map((t) => t.key).sort().join(' ');
}

/**
 * Whole-name keys of a Korean person name, for exact lookups: `surname|given`
 * with the given names joined, once reading the first word as the surname and
 * once the last. Every spelling of one name (Kim Won-hong, KIM Won Hong,
 * Wonhong KIM, Gim Weonhong, 김원홍) shares at least one key.
 */
export function koreanNameKeys(value: string): string[] {
  const name = prepareName(value, 'person');
  const keys = name.tokens.filter((t) => t.cls !== 'stop').map((t) => t.key);
  if (keys.length === 0) return [];
  if (keys.length === 1) return [keys[0] ?? ''];
  const first = keys[0] ?? '';
  const last = keys[keys.length - 1] ?? '';
  const surnameFirst = `${first}|${keys.slice(1).join('')}`;
  const surnameLast = `${last}|${keys.slice(0, -1).join('')}`;
  return surnameFirst === surnameLast ? [surnameFirst] : [surnameFirst, surnameLast];
}
