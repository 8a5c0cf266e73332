/**
 * Hangul → McCune–Reischauer romanisation (the system the DPRK's own spellings
 * and the UN and OFAC lists derive from). `es-hangul` splits syllables into
 * jamo; the MR tables are written here because no installed library has them
 * (es-hangul's `romanize` is Revised Romanization, and applies sound changes
 * across syllables that names do not follow).
 */
import { disassembleCompleteCharacter } from 'es-hangul';

export const HANGUL_SYLLABLE = /[\uac00-\ud7a3]/;
const HANGUL_WORD = /[\uac00-\ud7a3]+/g;

/** Initial consonants: [word-initial or after a voiceless sound, voiced (between voiced sounds)]. */
const INITIAL: Record<string, [string, string]> = {
  ㄱ: ['k', 'g'], ㄲ: ['kk', 'kk'], ㄴ: ['n', 'n'], ㄷ: ['t', 'd'], ㄸ: ['tt', 'tt'],
  ㄹ: ['r', 'r'], ㅁ: ['m', 'm'], ㅂ: ['p', 'b'], ㅃ: ['pp', 'pp'], ㅅ: ['s', 's'],
  ㅆ: ['ss', 'ss'], ㅇ: ['', ''], ㅈ: ['ch', 'j'], ㅉ: ['tch', 'tch'], ㅊ: ["ch'", "ch'"],
  ㅋ: ["k'", "k'"], ㅌ: ["t'", "t'"], ㅍ: ["p'", "p'"], ㅎ: ['h', 'h'],
};

/** Vowels, keyed both by the compatibility jamo and by es-hangul's decomposed form (ㅘ = ㅗㅏ). */
const VOWEL: Record<string, string> = {
  ㅏ: 'a', ㅐ: 'ae', ㅑ: 'ya', ㅒ: 'yae', ㅓ: 'ŏ', ㅔ: 'e', ㅕ: 'yŏ', ㅖ: 'ye', ㅗ: 'o',
  ㅘ: 'wa', ㅗㅏ: 'wa', ㅙ: 'wae', ㅗㅐ: 'wae', ㅚ: 'oe', ㅗㅣ: 'oe', ㅛ: 'yo', ㅜ: 'u',
  ㅝ: 'wŏ', ㅜㅓ: 'wŏ', ㅞ: 'we', ㅜㅔ: 'we', ㅟ: 'wi', ㅜㅣ: 'wi', ㅠ: 'yu', ㅡ: 'ŭ',
  ㅢ: 'ŭi', ㅡㅣ: 'ŭi', ㅣ: 'i',
};

/** Final consonants (batchim), as MR writes them at the end of a syllable. */
const FINAL: Record<string, string> = {
  '': '', ㄱ: 'k', ㄲ: 'k', ㄱㅅ: 'k', ㄴ: 'n', ㄴㅈ: 'n', ㄴㅎ: 'n', ㄷ: 't', ㄹ: 'l',
  ㄹㄱ: 'k', ㄹㅁ: 'm', ㄹㅂ: 'l', ㄹㅅ: 'l', ㄹㅌ: 'l', ㄹㅍ: 'p', ㄹㅎ: 'l', ㅁ: 'm',
  ㅂ: 'p', ㅂㅅ: 'p', ㅅ: 't', ㅆ: 't', ㅇ: 'ng', ㅈ: 't', ㅊ: 't', ㅋ: 'k', ㅌ: 't',
  ㅍ: 'p', ㅎ: 'h',
};

/**
 * Organisation words, which Korean writes joined to the name (조선광업개발무역회사, 단천상업은행): each becomes a
 * word of its own, romanised as the lists write it (Choson Kwangop Kaebal Muyok Hoesa), so the lexicon of
 * src/names/org.ts reads it (muyok = trading, hoesa = company). Vocabulary only, never proper names.
 */
const ORG_WORDS = new Set([
  '조선', '총회사', '회사', '공사', '상사', '무역', '은행', '련합', '연합', '해운', '개발', '투자', '공업', '광업', '상업',
  '자원', '보험', '총국', '과학원', '과학', '기계', '합영', '합작', '위원회', '건설',
]);
/** The last word of an organisation's name: it ends in one of its forms. */
const ORG_FORM_ENDING = /(?:회사|공사|상사|은행|총국|위원회|과학원|무역|해운)$/;

/** A joined Hangul word of 3+ syllables split at the organisation words in it, or null when it holds none. */
function orgParts(syllables: readonly string[]): string[] | null {
  if (syllables.length < 3) return null;
  const parts: string[] = [];
  let pending = '';
  let found = false;
  for (let i = 0; i < syllables.length;) {
    const hit = [3, 2].map((n) => syllables.slice(i, i + n).join('')).find((w, k) => w.length === 3 - k && ORG_WORDS.has(w));
    if (hit) {
      if (pending) parts.push(pending);
      pending = '';
      parts.push(hit);
      i += hit.length;
      found = true;
    } else {
      pending += syllables[i];
      i++;
    }
  }
  if (pending) parts.push(pending);
  return found && parts.length > 1 ? parts : null;
}

/** Korean surnames written in two syllables. */
const TWO_SYLLABLE_SURNAMES = new Set(['남궁', '황보', '제갈', '선우', '독고', '사공', '서문', '동방']);

/** One-syllable surnames common enough to split a joined Hangul name on (김원홍 → 김 + 원홍). */
const SURNAMES = new Set([...'김이리박최정강조윤장임림한오서신권황안송류유전홍고문양량손배백허남심노로하곽성차주우구민진지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부']);

/** Surnames whose conventional spelling is not the plain MR of the syllable. */
const SURNAME_SPELLING: Record<string, string> = { 이: 'Ri', 리: 'Ri', 림: 'Rim', 류: 'Ryu', 량: 'Ryang', 로: 'Ro', 최: "Ch'oe" };

interface Jamo { initial: string; vowel: string; final: string }

function jamoOf(syllable: string): Jamo | null {
  const d = disassembleCompleteCharacter(syllable);
  if (!d) return null;
  return { initial: d.choseong, vowel: d.jungseong, final: d.jongseong };
}

export interface RomanizeOptions {
  /** Keep MR's breves and aspiration apostrophes (Chŏng, Ch'oe). Without: DPRK-style plain letters (Chong, Choe). */
  breves: boolean;
}

function plain(s: string, opts: RomanizeOptions): string {
  return opts.breves ? s : s.replace(/ŏ/g, 'o').replace(/ŭ/g, 'u').replace(/'/g, '');
}

/**
 * Romanise one Hangul word syllable by syllable (MR, with initial voicing
 * between voiced sounds: 원홍 → wŏnhong, 명국 → myŏngguk). No cross-syllable
 * assimilation: names are romanised as written, not as pronounced.
 */
export function romanizeHangulWord(word: string, opts: RomanizeOptions = { breves: true }): string[] {
  const out: string[] = [];
  let prevVoiced = false;
  for (const ch of word) {
    const j = jamoOf(ch);
    if (!j) { out.push(ch); prevVoiced = false; continue; }
    const init = INITIAL[j.initial];
    const initial = init ? (prevVoiced ? init[1] : init[0]) : '';
    const vowel = VOWEL[j.vowel] ?? '';
    const fin = FINAL[j.final] ?? '';
    out.push(plain(initial + vowel + fin, opts));
    prevVoiced = fin === '' || fin === 'n' || fin === 'm' || fin === 'ng' || fin === 'l';
  }
  return out;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Romanise a Korean personal name written in Hangul: surname first, then the
 * given name hyphenated, as MR writes names (김원홍 → "Kim Wŏn-hong"; with
 * `breves: false`, "Kim Won-hong"). Text around Hangul is kept. A Hangul word
 * that does not start with a known surname (a company, a place) is romanised
 * as one word.
 */
export function romanizeHangulName(text: string, opts: RomanizeOptions = { breves: true }): string {
  let first = true;
  // An organisation's name (its last word ends in 회사, 은행, 총국 …) is not read as a person's (조선 is Korea, not Cho Son).
  const words = text.match(HANGUL_WORD) ?? [];
  const organisation = words.length > 0 && ORG_FORM_ENDING.test(words[words.length - 1]!);
  return text.replace(HANGUL_WORD, (word) => {
    const isFirst = first && !organisation;
    first = false;
    const syllables = [...word];
    const parts = orgParts(syllables);
    if (parts) return parts.map((p) => capitalise(romanizeHangulWord(p, opts).join(''))).join(' ');
    const surnameLen = TWO_SYLLABLE_SURNAMES.has(syllables.slice(0, 2).join('')) ? 2 : SURNAMES.has(syllables[0] ?? '') ? 1 : 0;
    if (isFirst && surnameLen > 0 && syllables.length >= surnameLen + 1 && syllables.length <= surnameLen + 3) {
      const surnameHangul = syllables.slice(0, surnameLen).join('');
      const surname = SURNAME_SPELLING[surnameHangul] ?? romanizeHangulWord(surnameHangul, opts).join('');
      const given = romanizeHangulWord(syllables.slice(surnameLen).join(''), opts);
      // MR writes the given name's syllables joined by a hyphen, the second lower-case; voicing is kept.
      return `${capitalise(plain(surname, opts))} ${capitalise(given.join('-'))}`;
    }
    if (isFirst && surnameLen > 0 && syllables.length === surnameLen) {
      return capitalise(plain(SURNAME_SPELLING[word] ?? romanizeHangulWord(word, opts).join(''), opts));
    }
    return capitalise(romanizeHangulWord(word, opts).join(''));
  });
}
