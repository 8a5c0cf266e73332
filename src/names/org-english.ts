/**
 * An organisation's Korean name read in the words the lists write it in:
 * 조선광업개발무역회사 is Choson Kwangop Kaebal Muyok Hoesa (hangul.ts), whose
 * organisation words the lexicon of org.ts glosses (Korea Mining Development
 * Trading); the company form (회사, 공사: company or corporation, as the list
 * chooses) is left out, proper names stay romanised (단천상업은행: Tanchon
 * Commercial Bank). For search, which finds names by their words.
 */
import { romanizeHangulName } from './hangul.ts';
import { hasHangul, normalizeName, tokenize } from './normalize.ts';
import { expandWord, glossOf, orgWordClass } from './org.ts';

/** The English reading of a Hangul organisation name, or null when the text holds no Hangul or no organisation word. */
export function englishOrgName(text: string): string | null {
  if (!hasHangul(text)) return null;
  const english: string[] = [];
  let glossed = false;
  for (const word of tokenize(normalizeName(romanizeHangulName(text, { breves: false })))) {
    const full = expandWord(word);
    const cls = orgWordClass(full);
    const gloss = glossOf(full);
    if (cls === 'legal' || cls === 'country' || gloss) glossed = true;
    if (cls === 'legal' || cls === 'stop') continue;
    if (cls === 'country') english.push('korea');
    else if (gloss) english.push(...gloss.split(' ').filter((g) => orgWordClass(g) !== 'legal'));
    else english.push(word);
  }
  return glossed && english.length > 0 ? english.join(' ') : null;
}
