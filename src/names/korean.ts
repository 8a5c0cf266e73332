/**
 * Phonetic keys for romanised Korean names. One key for every spelling the
 * sources use for the same sound: McCune–Reischauer with or without breves and
 * apostrophes (Ch'ŏl, Cho'l, Chol), Revised Romanization (Cheol), the DPRK's
 * own habits (Ri, Ryong, Jong), South Korean conventions (Lee, Park, Chung,
 * Sung, Hyun, Young) and Russian-Korean ones (Tsoi). Written by hand: no
 * library knows these conventions.
 *
 * The key is built from context-free letter rewrites, so it is (nearly)
 * compatible with concatenation: key("wonhong") === key("won") + key("hong"),
 * which is how joined and hyphenated given names are compared.
 */

/**
 * Surname spellings that letter rules cannot reach (Park, Lee, Roh…), each
 * mapped to a canonical spelling. Apply only to whole words.
 */
const SURNAME_VARIANTS: Record<string, string[]> = {
  kim: ['gim', 'kym'],
  ri: ['rhee', 'lee', 'yi', 'i', 'li', 'rie', 'ree', 'rhie', 'leigh', 'rhi'],
  pak: ['park', 'bak', 'bark', 'pack', 'bahk', 'parck'],
  choe: ['choi', 'chwe', 'choy', 'tsoi', 'tsoy', 'choii', 'chey', 'chae-choe'],
  cho: ['jo', 'joh', 'tcho', 'zo', 'chough'],
  chong: ['jong', 'jeong', 'chung', 'cheong', 'jung', 'joung', 'chyung'],
  chon: ['jon', 'jeon', 'chun', 'cheon', 'jun'],
  o: ['oh'],
  ryu: ['yu', 'yoo', 'lyu', 'you', 'rew', 'ryoo', 'lew'],
  rim: ['im', 'lim', 'yim', 'leem'],
  ryang: ['yang', 'lyang'],
  ro: ['no', 'roh', 'noh', 'rho'],
  han: ['hahn'],
  kang: ['gang', 'kahng'],
  ko: ['go', 'koh'],
  ku: ['koo', 'gu', 'goo'],
  kwon: ['gwon', 'kwun', 'kweon'],
  sin: ['shin', 'shinn', 'sheen'],
  sim: ['shim'],
  so: ['seo', 'suh', 'soh', 'sur'],
  son: ['sohn'],
  hyon: ['hyun', 'hyeon', 'hyoun'],
  hwang: ['whang'],
  an: ['ahn'],
  yun: ['yoon', 'youn'],
  mun: ['moon', 'moun'],
  paek: ['baek', 'paik', 'baik', 'back'],
  pae: ['bae', 'bai'],
  pyon: ['byun', 'byeon', 'pyun', 'byon'],
  yom: ['yeom', 'yum'],
  yon: ['yeon'],
  u: ['woo', 'wu'],
  ham: ['hahm'],
  chu: ['ju', 'joo', 'choo'],
  chi: ['ji', 'jee'],
  chin: ['jin'],
  chang: ['jang'],
  chae: ['chai'],
  kye: ['gye', 'kay'],
  om: ['eom', 'um'],
  un: ['eun'],
  kong: ['gong'],
  kil: ['gil'],
  song: ['sung'],
  hong: ['houng'],
  nam: ['nahm'],
  pang: ['bang'],
  pong: ['bong'],
  to: ['do', 'doh'],
  tong: ['dong'],
  sok: ['seok', 'suk'],
  sol: ['seol', 'sul'],
};

const SURNAME_CANON = new Map<string, string>();
for (const [canon, variants] of Object.entries(SURNAME_VARIANTS)) {
  SURNAME_CANON.set(canon, canon);
  for (const v of variants) SURNAME_CANON.set(v, canon);
}

/** The canonical spelling of a known Korean surname (`lee` → `ri`, `park` → `pak`), or null. */
export function canonicalSurname(word: string): string | null {
  return SURNAME_CANON.get(word.toLowerCase()) ?? null;
}

// Vowel clusters, longest first; one pass, left to right.
const VOWEL_CLUSTER = /yeo|weo|wae|eo|eu|oo|ee|ou|oi|oe|we|ai|ae|ui|u/g;
const VOWEL_MAP: Record<string, string> = {
  yeo: 'yo', // RR 여 = MR yŏ
  weo: 'wo', // RR 워 = MR wŏ
  wae: 'we', // ㅙ ~ ㅚ ~ ㅞ are written interchangeably (Choe, Choi, Chwe)
  eo: 'o', // RR ㅓ = MR ŏ = DPRK o
  eu: 'o', // RR ㅡ = MR ŭ; u and o are merged below
  oo: 'o', // Moon, Yoo, Koo
  ee: 'i', // Lee, Rhee, Jee
  ou: 'o', // Young, Youn
  oi: 'we',
  oe: 'we',
  we: 'we',
  ai: 'e', // Paik
  ae: 'e', // ㅐ ~ ㅔ
  ui: 'oi', // ㅢ (MR ŭi, RR eui/ui)
  u: 'o', // ㅓ is written u in South Korean habit (Sung, Hyun, Chung); ㅜ/ㅡ/ㅓ/ㅗ share one class
};

function keyOf(word: string, mergeUO: boolean): string {
  if (word === '') return '';
  if (/^\d+$/.test(word)) return word;
  let s = SURNAME_CANON.get(word) ?? word;
  s = s.replace(/ck/g, 'k').replace(/ph/g, 'p').replace(/rh/g, 'r').replace(/wh/g, 'h');
  // The DPRK writes aspirates th, kh (Thae = T'ae = Tae); tense consonants are doubled letters (RR kk, tt, pp, ss, jj).
  s = s.replace(/th/g, 't').replace(/kh/g, 'k');
  s = s.replace(/tch|ch|jj|j|ts|zh|z/g, 'c').replace(/sh/g, 's').replace(/kk/g, 'k').replace(/tt/g, 't').replace(/pp/g, 'p').replace(/ss/g, 's');
  s = s.replace(VOWEL_CLUSTER, (m) => (mergeUO ? VOWEL_MAP[m] : STRICT_VOWEL_MAP[m] ?? VOWEL_MAP[m]) ?? m);
  s = s.replace(/g/g, 'k').replace(/d/g, 't').replace(/b/g, 'p').replace(/r/g, 'l').replace(/f/g, 'p').replace(/v/g, 'p');
  s = s.replace(/([aeiouwy])h(?![aeiouwy])/g, '$1');
  s = s.replace(/^yi/, 'i');
  s = assimilate(s);
  // The 두음법칙: the initial ㄹ the DPRK writes r and the South drops before i/y (Ryonbong = Yonbong,
  // Ryu = Yu) or writes n before other vowels (Rodong = Nodong, Rungrado = Nungnado): loose key only.
  if (mergeUO) s = s.replace(/^l(?=[iy])/, '').replace(/^l(?=[aeouw])/, 'n');
  return s === '' ? word : s;
}

/**
 * Consonant assimilation across syllable boundaries, on a key (r already l, voicing merged):
 * spellings that write the sound (Chollima, Tongnip, Amnok, Sollal, Hangnyon) and spellings
 * that write the letters (Chonrima, Tokrip, Aprok, Solnal, Haknyon) meet on the sound.
 * n+l, l+n → ll; ng+l → ngn; k+l, k+n → ngn; p+l, p+n, m+l → mn; t+n, s+n → nn.
 * Only inside a word (and on joined keys, see score-name.ts): the rewrite looks at two letters.
 */
export function assimilate(key: string): string {
  // Every rewrite needs one of these pairs of letters: without any (most keys), none applies.
  return key.length < 4 || !ASSIMILABLE.test(key) ? key : everyAssimilation(key);
}

/** The rewrites of `assimilate`, each tried (exported for the test of its shortcut). */
export function everyAssimilation(key: string): string {
  return key
    .replace(/([aeiouwy])(?:nl|ln)(?=[aeiouwy])/g, '$1ll')
    .replace(/nkl(?=[aeiouwy])/g, 'nkn')
    .replace(/([aeiouwy])k(?:l|n)(?=[aeiouwy])/g, '$1nkn')
    .replace(/([aeiouwy])(?:pl|pn|ml)(?=[aeiouwy])/g, '$1mn')
    .replace(/([aeiouwy])(?:tn|sn)(?=[aeiouwy])/g, '$1nn');
}

/** A pair of letters one of `assimilate`'s rewrites needs. */
const ASSIMILABLE = /nl|ln|kl|kn|pl|pn|ml|tn|sn/;

/** Vowel spellings kept apart by the strict key: ㅜ/ㅡ (u) stays apart from ㅗ/ㅓ (o). */
const STRICT_VOWEL_MAP: Record<string, string> = { eu: 'u', oo: 'u', u: 'u', ui: 'ui' };

/**
 * Phonetic key of one romanised word (already normalised: lower-case ASCII,
 * no apostrophes), used for blocking and for "phonetic" agreement. Voicing
 * pairs merge (k/g, t/d, p/b, ch/j), r/l merge, ŏ/ŭ/eo/eu/u/o share one class
 * (South Korean spellings write ㅓ as u: Sung, Hyun, Chul), ae/e and oe/we/oi
 * merge, a silent h after a vowel goes (Roh, Ahn, Oh), and the initial r/l the South drops
 * before i/y goes (Ryonbong = Yonbong). Known surname spellings map first (Park → pak, Lee → ri). Only letter rewrites, so keys of joined
 * words are the joins of the keys (key("wonhong") = key("won") + key("hong")).
 */
export function koreanKey(word: string): string {
  return memo(LOOSE, word, true);
}

// Keys are pure functions of short words drawn from a small vocabulary: memoise (bounded).
const LOOSE = new Map<string, string>();
const STRICT = new Map<string, string>();
function memo(cache: Map<string, string>, word: string, loose: boolean): string {
  let k = cache.get(word);
  if (k === undefined) {
    k = keyOf(word, loose);
    if (cache.size > 200_000) cache.clear();
    cache.set(word, k);
  }
  return k;
}

/**
 * The stricter key: as `koreanKey`, but u (ㅜ, ㅡ) is kept apart from o
 * (ㅗ, ㅓ) and an initial r/l is kept (Ryong ≠ Yong). Words equal under this key are very probably one spelling of the
 * same syllables (Chol ~ Cheol ~ Ch'ŏl); equal only under `koreanKey` they may
 * be (Chul ~ Chol) or may not (Unchon ~ Onchon).
 */
export function strictKoreanKey(word: string): string {
  return memo(STRICT, word, false);
}

/** Romanised Korean syllable: optional initial, a vowel cluster, optional final. Used to tell Korean-looking words. */
const KOREAN_SYLLABLE_SEQ = /^(?:(?:kk|k|g|n|tt|t|d|r|l|m|pp|p|b|ss|sh|s|tch|ch|j|h|ts)?(?:yeo|yae|wae|ya|yo|yu|ye|wa|wo|we|wi|ae|eo|eu|oe|ui|oi|oo|ee|ou|a|e|i|o|u)(?:ng|k|n|t|l|r|m|p)?)+$/;

/** Can the word be read as romanised Korean syllables (Wonhong, Ryonbong, Pyongyang)? */
export function isKoreanLooking(word: string): boolean {
  return word.length > 0 && word.length <= 24 && KOREAN_SYLLABLE_SEQ.test(word);
}

/** Keys of each word of a normalised name. */
export function nameKeys(normalized: string): string[] {
  return normalized === '' ? [] : normalized.split(' ').map(koreanKey);
}
