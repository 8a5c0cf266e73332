/** Public API of src/names: see README.md. */
export { normalizeName, compactKey, cleanText, foldAscii, tokenize, hasHangul, splitNameVariants, MAX_NAME_CHARS } from './normalize.ts';
export { romanizeHangulName, romanizeHangulWord, type RomanizeOptions } from './hangul.ts';
export { koreanKey, strictKoreanKey, canonicalSurname, isKoreanLooking, nameKeys, assimilate } from './korean.ts';
export { orgWordClass, personWordClass, expandWord, acronymsOf, rewriteOrgPhrases, glossOf, type WordClass } from './org.ts';
export { prepareName, nameWordKeys, nameKindOf, sortedKey, koreanNameKeys, type PreparedName, type NameToken, type NameKind } from './tokens.ts';
export { NameIndex, type IndexedName, type NameOccurrence, type FindOptions } from './name-index.ts';
export { englishOrgName, englishOrgReadings } from './org-english.ts';
export { KOREAN_PARTICLES, stripParticle, particleStem, stripParticlesOnce } from './korean-particles.ts';
