/**
 * How well one name answers a search query, in tiers a person expects: the
 * whole name, then every word of the query as a whole word of the name, then
 * words the name starts with (typing), then an organisation's acronym, then
 * the same words by sound (Korean romanisations), and last a long word found
 * inside a longer one. Short words never match inside other words ("RU" is not
 * in "Garcia Corrales"), and how a name sounds counts only word by word.
 * Hand-written: the tiers are room39's ranking policy, a handful of lines.
 */
import { acronymsOf } from '../names/index.ts';

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

/** Does the word list hold `token` as one word, or as two or three neighbouring words joined (Wonhong = Won Hong)? */
function holds(words: readonly string[], token: string, prefix = false): boolean {
  for (let i = 0; i < words.length; i++) {
    let joined = '';
    for (let j = i; j < Math.min(words.length, i + 3); j++) {
      joined += words[j];
      if (joined === token || (prefix && j === i && joined.startsWith(token))) return true;
      if (joined.length >= token.length) break;
    }
  }
  return false;
}

/** The query's share of the name: a closer fit ranks first within a tier. */
const coverage = (q: RankQuery, n: RankName) => Math.min(1, q.key.length / Math.max(1, n.norm.length));

/** Score of a name for a query, or -1 when it does not answer it. */
export function rankName(q: RankQuery, n: RankName): number {
  if (q.key === '' || q.tokens.length === 0) return -1;
  const cov = coverage(q, n);
  if (n.norm === q.key) return TIER.exact;
  if (q.sounds.length && n.sounds.join('') === q.sounds.join('')) return TIER.exactSound;
  if (q.tokens.every((t) => holds(n.words, t))) return TIER.words + 0.08 * cov;
  // Typing: every word but the last whole, the last one the start of a word.
  const last = q.tokens.length - 1;
  if (q.tokens.every((t, i) => holds(n.words, t, i === last && t.length >= 2))) return TIER.prefix + 0.08 * cov;
  if (q.tokens.length === 1 && q.key.length >= 2 && n.acronyms.includes(q.key)) return TIER.acronym + 0.05 * cov;
  if (q.sounds.length && q.sounds.every((s) => holds(n.sounds, s))) return TIER.sound + 0.08 * cov;
  if (q.key.length >= 5 && n.norm.includes(q.key)) return TIER.inside + 0.1 * cov;
  return -1;
}

/** An organisation name's acronyms (people have none). */
export function nameAcronyms(words: string[], person: boolean): string[] {
  return person ? [] : acronymsOf(words);
}
