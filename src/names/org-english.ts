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

/**
 * Hangul words read in English before the rest is romanised: words of the bodies of the labour system that the
 * romaniser does not part from the words around them (39호실 "Room 39", 조선로동당 "Workers' Party of Korea",
 * 만수대해외개발회사 "Mansudae Overseas Development Company", 만수대창작사 "Mansudae Art Studio"). Search and the matcher read
 * a Hangul organisation name in these English words too (as one more name of the query); the matcher's lexicon of
 * organisation words (org.ts), which compares names word by word, is not changed by them.
 */
const HANGUL_WORDS: readonly [string, string][] = [['로동당', 'workers party'], ['노동당', 'workers party'], ['호실', 'room'], ['해외', 'overseas'], ['중앙', 'central'], ['창작사', 'art studio']];

/** The English reading of a Hangul organisation name, or null when the text holds no Hangul or no organisation word. */
export function englishOrgName(text: string): string | null {
  if (!hasHangul(text)) return null;
  const english: string[] = [];
  let glossed = false;
  // 조선 opening a name is Korea (조선광업개발무역회사); inside a word it may be another (조선소, a shipyard).
  let read = text.replace(/(^|\s)조선(?=[가-힣])/gu, '$1korea ');
  for (const [hangul, word] of HANGUL_WORDS) {
    if (!read.includes(hangul)) continue;
    read = read.split(hangul).join(` ${word} `);
    glossed = true;
  }
  for (const word of tokenize(normalizeName(romanizeHangulName(read, { breves: false })))) {
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

/**
 * The English readings of a Hangul organisation name to search for, in turn: all its words, then (when that finds
 * nothing) its distinctive words alone, the generic ones left out (만수대해외개발회사: "mansudae overseas development",
 * then "mansudae", for the lists write it Mansudae Overseas Project Group).
 */
export function englishOrgReadings(text: string): string[] {
  const all = englishOrgName(text);
  if (!all) return [];
  const distinctive = all.split(' ').filter((w) => orgWordClass(w) !== 'generic' && orgWordClass(w) !== 'country').join(' ');
  return distinctive && distinctive !== all ? [all, distinctive] : [all];
}
