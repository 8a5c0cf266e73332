/**
 * How well one name answers a search query, in tiers a person expects: the
 * whole name, then every word of the query as a whole word of the name, then
 * words the name starts with (typing), then an organisation's acronym, then
 * the same words by sound (Korean romanisations), and last a long word found
 * inside a longer one. Short words never match inside other words ("RU" is not
 * in "Garcia Corrales"), and how a name sounds counts only word by word.
 * Hand-written: the tiers are room39's ranking policy, a handful of lines.
 */
import { acronymsOf, expandWord } from '../names/index.ts';

export interface RankQuery {
  /** The query without spaces or punctuation, lower case. */
  key: string;
  tokens: string[];
  /** Phonetic keys of the query's words (src/names koreanKey). */
  sounds: string[];
}

export interface RankName {
  norm: string;
  words: string[];
  sounds: string[];
  /** Acronyms of an organisation's name; empty for people. */
  acronyms: string[];
}

export const TIER = { exact: 1, exactSound: 0.97, words: 0.9, prefix: 0.8, acronym: 0.78, sound: 0.76, inside: 0.5 } as const;
/** What a word found only by joining neighbours (Rungrado = RUNG RA DO) or by its English plural (Projects = Project) costs. */
const LOOSE = 0.04;

/** An English plural and its singular are one word for search ("Projects", "Project"); short words are left alone. */
const singular = (w: string) => (w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);

/** A word as names write it in full: an organisation word's abbreviation expanded (Corp = Corporation, Cos = Companies) and an English plural made singular. */
export const fullWord = (w: string): string => singular(expandWord(w));

/** Is the word written as names write it in full (neither an abbreviation nor a plural)? Only such a word's letters are sure to stand in a name that holds it. */
export const isFullWord = (w: string): boolean => fullWord(w) === w;

/**
 * How the word list holds `token`: 2 as one word, 1 as two or three neighbouring words joined
 * (Wonhong = Won Hong), as the plural of one of its words, or as the abbreviation of one or written
 * out in full (Corp = Corporation), 0 not at all.
 */
function holds(words: readonly string[], token: string, prefix = false): 0 | 1 | 2 {
  let loose: 0 | 1 = 0;
  for (let i = 0; i < words.length; i++) {
    let joined = '';
    for (let j = i; j < Math.min(words.length, i + 3); j++) {
      joined += words[j];
      if (joined === token || (prefix && j === i && joined.startsWith(token))) {
        if (j === i) return 2;
        loose = 1;
      }
      if (joined.length >= token.length) break;
    }
    if (!loose && (singular(words[i]!) === singular(token) || fullWord(words[i]!) === fullWord(token))) loose = 1;
  }
  return loose;
}

/** Every token held; the score lost for those held only loosely. */
function holdsAll(words: readonly string[], tokens: readonly string[], prefixLast = false): number | null {
  let lost = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const h = holds(words, t, prefixLast && i === tokens.length - 1 && t.length >= 2);
    if (h === 0) return null;
    if (h === 1) lost = LOOSE;
  }
  return lost;
}

/** The query's share of the name: a closer fit ranks first within a tier. */
const coverage = (q: RankQuery, n: RankName) => Math.min(1, q.key.length / Math.max(1, n.norm.length));

/** Score of a name for a query, or -1 when it does not answer it. */
export function rankName(q: RankQuery, n: RankName): number {
  if (q.key === '' || q.tokens.length === 0) return -1;
  const cov = coverage(q, n);
  // The whole name, in the same words; the same letters split otherwise are a loose fit of the words tier.
  if (n.norm === q.key && n.words.join(' ') === q.tokens.join(' ')) return TIER.exact;
  if (q.sounds.length && n.sounds.join('') === q.sounds.join('')) return n.sounds.length === q.sounds.length ? TIER.exactSound : TIER.exactSound - LOOSE;
  const words = holdsAll(n.words, q.tokens);
  if (words !== null) return TIER.words - words + 0.08 * cov;
  // Typing: every word but the last whole, the last one the start of a word.
  const typed = holdsAll(n.words, q.tokens, true);
  if (typed !== null) return TIER.prefix - typed + 0.08 * cov;
  if (q.tokens.length === 1 && q.key.length >= 2 && n.acronyms.includes(q.key)) return TIER.acronym + 0.05 * cov;
  if (q.sounds.length && q.sounds.every((s) => holds(n.sounds, s) > 0)) return TIER.sound + 0.08 * cov;
  if (q.key.length >= 5 && n.norm.includes(q.key)) return TIER.inside + 0.1 * cov;
  return -1;
}

/** An organisation name's acronyms (people have none). */
export function nameAcronyms(words: string[], person: boolean): string[] {
  return person ? [] : acronymsOf(words);
}
