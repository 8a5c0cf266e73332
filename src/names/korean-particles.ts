/**
 * Korean particles (조사) and the plural 들, which Korean writes joined to the
 * word they follow: 러시아에 "in Russia", 러시아로 "to Russia", 김정은이 "Kim
 * Jong Un (subject)". A search for 러시아 must find them all. PostgreSQL's
 * text search (and every dictionary PGlite has) keeps such a word whole, so
 * room39 strips the particle itself: here for names (store/search.ts), and in
 * SQL for the document library (migration 054 holds the same list; a test
 * keeps the two equal).
 *
 * A particle is stripped only from a word written wholly in Hangul, only when
 * at least two syllables stay (국가 "state", 인도 "India", 회의 "meeting" keep
 * their last syllable), and at most three times (노동자들이 → 노동자들 →
 * 노동자). The longest particle that ends the word and leaves two syllables
 * goes first (러시아에서 → 러시아; particles are at most three syllables).
 */

/** Particles and the plural 들, as they follow a noun; the copula's common forms (이다, 이며…) too. */
export const KOREAN_PARTICLES: readonly string[] = [
  '이', '가', '을', '를', '은', '는', '의', '에', '에서', '에게', '에게서', '께', '께서', '한테', '한테서',
  '로', '으로', '로서', '으로서', '로써', '으로써', '와', '과', '하고', '이랑', '도', '만', '까지', '부터',
  '조차', '마저', '밖에', '처럼', '보다', '마다', '이나', '에도', '에는', '에서는', '에서도', '에게는', '으로는',
  '로는', '으로도', '로도', '과는', '와는', '까지는', '부터는', '만은', '이다', '이며', '이고', '이라는', '라는',
  '이라고', '라고', '이었다', '였다', '입니다', '이었던', '였던', '들',
];

const HANGUL_ONLY = /^[\uac00-\ud7a3]+$/;
const HANGUL_RUN = /[\uac00-\ud7a3]+/g;
const PARTICLES = new Set(KOREAN_PARTICLES);
/** Hangul that is only particles: what follows a Latin word (DPRK의, UN에서). */
const ONLY_PARTICLES = new RegExp(`^(?:${KOREAN_PARTICLES.join('|')})+$`);
/** Layers of particles stripped at most (plural, particle, one more). */
const MAX_LAYERS = 3;

/** The word less the longest particle that leaves two syllables, or the word itself (not all Hangul, or no such particle). */
export function stripParticle(word: string): string {
  if (!HANGUL_ONLY.test(word)) return word;
  for (const n of [3, 2, 1]) if (word.length >= n + 2 && PARTICLES.has(word.slice(-n))) return word.slice(0, -n);
  return word;
}

/** The word less every particle (up to three): what a search compares (러시아에서 → 러시아, 노동자들이 → 노동자). */
export function particleStem(word: string): string {
  let w = word;
  for (let i = 0; i < MAX_LAYERS; i++) {
    const next = stripParticle(w);
    if (next === w) break;
    w = next;
  }
  return w;
}

/** The text with one particle stripped from each Hangul word, and the particles after a Latin word dropped (the text itself when none is). */
export function stripParticlesOnce(text: string): string {
  return text.replace(HANGUL_RUN, (run: string, at: number) =>
    (at > 0 && /[A-Za-z0-9]/.test(text[at - 1]!) && ONLY_PARTICLES.test(run) ? '' : stripParticle(run)));
}
