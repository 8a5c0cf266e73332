/**
 * Organisation-name vocabulary: company-form words, the names of Korea
 * ("Korea", "Korean", "Chosun", "DPRK"), words that only join, and the
 * abbreviations lists use (SHPG, Corp., J/V). Each word gets a class that the
 * scorer weighs: a shared legal form or country word proves little; a shared
 * distinctive word (Ryonbong) proves much.
 */

export type WordClass = 'word' | 'generic' | 'legal' | 'country' | 'stop' | 'number';

/** Abbreviation → full word, applied to normalised words before classing. */
export const SYNONYMS: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, { // no prototype: a word such as "constructor" finds nothing
  corp: 'corporation', corpn: 'corporation', cooperation: 'corporation', co: 'company', cos: 'company',
  ltd: 'limited', ltda: 'limited', inc: 'incorporated', intl: 'international', int: 'international',
  shpg: 'shipping', shipg: 'shipping', dept: 'department', dep: 'department', defence: 'defense',
  centre: 'center', mfg: 'manufacturing', assn: 'association', assoc: 'associated', bros: 'brothers',
  tech: 'technology', grp: 'group', hldgs: 'holdings', natl: 'national', gen: 'general', genl: 'general',
  svcs: 'services', ind: 'industry', inds: 'industries', devt: 'development', dev: 'development',
  jt: 'joint', trdg: 'trading', chosun: 'choson', joson: 'choson', coree: 'korea', corea: 'korea',
  dprkn: 'dprk', nk: 'dprk', '1st': 'first', '2nd': 'second', '3rd': 'third', '4th': 'fourth', '5th': 'fifth',
  import: 'import', imports: 'import', exports: 'export', exp: 'export', imp: 'import',
  // The DPRK's two joint-venture forms: 합영 (hapyong, "joint venture") and 합작 (hapjak, "joint operation").
  hapyong: 'jv', hapyeong: 'jv', hapjak: 'jv', hapchak: 'jv',
});

/** SYNONYMS as a map: a look-up by a word made from a text does not intern it first, as an object's would. */
const SYNONYM_MAP = new Map(Object.entries(SYNONYMS));
/** What a plural's "s" does not follow in `expandWord` ("-ss", "-us", vowels). */
const NOT_BEFORE_PLURAL_S = 'aeious';

/**
 * A small bilingual lexicon of organisation words: romanised Korean (MR and
 * RR spellings) and English words that say the same thing, each mapped to one
 * English gloss. Two names whose words differ only in the language of such a
 * word (Chongsong Yonhap ~ Chongsong United, Taesong Unhaeng ~ Taesong Bank)
 * are one name; the matcher credits the pair as a "translation" and says so.
 * Only vocabulary (what a body is or does), never proper names.
 */
const GLOSS: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, { // no prototype: a word such as "constructor" finds nothing
  united: 'united', union: 'united', yonhap: 'united', yeonhap: 'united', ryonhap: 'united',
  trading: 'trading', trade: 'trading', muyok: 'trading', muyeok: 'trading', mooyok: 'trading', 'export-import': 'trading',
  bank: 'bank', unhaeng: 'bank', eunhaeng: 'bank', unhang: 'bank',
  company: 'company', hoesa: 'company', hoisa: 'company', corporation: 'corporation', kongsa: 'corporation', gongsa: 'corporation',
  chonghoesa: 'general corporation', chongsa: 'general corporation',
  academy: 'academy', kwahakwon: 'academy', kwahagwon: 'academy', gwahagwon: 'academy',
  science: 'science', sciences: 'science', kwahak: 'science', gwahak: 'science',
  machinery: 'machinery', machine: 'machinery', kigye: 'machinery', gigye: 'machinery',
  shipping: 'shipping', haeun: 'shipping',
  development: 'development', kaebal: 'development', gaebal: 'development',
  investment: 'investment', tuja: 'investment',
  industry: 'industry', industrial: 'industry', kongop: 'industry', gongeop: 'industry',
  resources: 'resources', resource: 'resources', chawon: 'resources', jawon: 'resources',
  insurance: 'insurance', pohom: 'insurance', boheom: 'insurance',
  bureau: 'bureau', chongguk: 'general bureau',
  chamber: 'chamber', sanghoeso: 'chamber',
  committee: 'committee', wiwonhoe: 'committee',
  mining: 'mining', kwangop: 'mining', gwangeop: 'mining',
  commercial: 'commercial', sangop: 'commercial', sangeop: 'commercial',
  construction: 'construction', konsol: 'construction', geonseol: 'construction',
});

const GLOSS_MAP = new Map(Object.entries(GLOSS));

/** The English gloss of an organisation word of the lexicon (`yonhap` → `united`), or null. */
export function glossOf(word: string): string | null {
  return GLOSS_MAP.get(word) ?? null;
}

/** Words that say what a body does, not which one it is (a shared "Trading" proves little). */
const GENERIC = new Set([
  'trading', 'trade', 'export', 'import', 'export-import', 'muyok', 'muyeok', 'mooyok', 'yonhap', 'yeonhap', 'kaebal', 'tuja', 'haeun', 'kigye', 'international', 'industrial', 'industry', 'development', 'technology', 'technical',
  'commercial', 'sangop', 'sangeop', 'konsol', 'geonseol', 'investment', 'economic', 'foreign', 'global', 'united', 'associated', 'overseas', 'services', 'service',
  'shipping', 'maritime', 'marine', 'logistics', 'construction', 'engineering', 'manufacturing', 'machinery', 'equipment',
]);

/** Company-form and generic organisational words: they say what kind of body, not which. */
const LEGAL = new Set([
  'company', 'corporation', 'limited', 'incorporated', 'llc', 'plc', 'gmbh', 'ag', 'sa', 'sarl', 'srl', 'bv', 'nv',
  'pte', 'pty', 'jsc', 'ojsc', 'cjsc', 'ooo', 'zao', 'oao', 'jv', 'kk', 'ab', 'as', 'oy', 'spa', 'sas', 'lp', 'llp',
  'general', 'group', 'holding', 'holdings', 'enterprise', 'enterprises', 'firm', 'partnership', 'hoesa', 'sangsa',
  'kongsa', 'gongsa', 'chonghoesa', 'hoisa', 'youxian', 'gongsi', 'fze', 'fzc', 'fzco', 'est', 'establishment', 'sdn', 'bhd', 'tbk', 'pvt', 'liability',
]);

/** Words naming Korea or the DPRK (and "North", "Democratic People's Republic" once folded). */
const COUNTRY = new Set(['korea', 'korean', 'choson', 'dprk', 'koreas']);

/** Joining words that carry nothing. */
const STOP = new Set(['of', 'the', 'and', 'for', 'de', 'du', 'des', 'la', 'le', 'el', 'y', 'et', 'und', 'a', 'an', 'in', 'at', 'on', 'to', 'no', 'mr', 'mrs', 'ms', 'dr', 'care']);

/** The full word an abbreviation stands for (`corp` → `corporation`), or the word itself. */
export function expandWord(word: string): string {
  const syn = SYNONYM_MAP.get(word);
  if (syn) return syn;
  // English plurals (Projects, Companies, Industries); romanised Korean never ends in -s.
  const n = word.length;
  if (n >= 5 && word.charCodeAt(n - 1) === 115 /* s */ && !NOT_BEFORE_PLURAL_S.includes(word[n - 2]!)) return SYNONYM_MAP.get(word.slice(0, -1)) ?? word.slice(0, -1);
  if (word.length >= 6 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  return word;
}

/** One letter left out, added or changed in "korea" or "choson" (Kore, Koria, Chosn): still the country word. */
function isCountryMisspelling(word: string): boolean {
  if (word.length < 4 || word.length > 7) return false;
  const first = word.charCodeAt(0);
  return (first === 107 /* k */ && oneEdit(word, 'korea')) || (first === 99 /* c */ && oneEdit(word, 'choson'));
}

function oneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** `/^\d+$/.test(word)`, by character code. */
function isDigits(word: string): boolean {
  if (word.length === 0) return false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Class of a normalised word when it stands in an organisation's name. */
export function orgWordClass(word: string): WordClass {
  if (isDigits(word)) return 'number';
  if (LEGAL.has(word)) return 'legal';
  if (COUNTRY.has(word) || isCountryMisspelling(word)) return 'country';
  if (STOP.has(word)) return 'stop';
  if (GENERIC.has(word)) return 'generic';
  return 'word';
}

/** Class of a normalised word when it stands in a person's name (titles and particles are `stop`). */
export function personWordClass(word: string): WordClass {
  if (isDigits(word)) return 'number';
  if (word === 'mr' || word === 'mrs' || word === 'ms' || word === 'dr' || word === 'von' || word === 'van' || word === 'der' || word === 'bin' || word === 'al') {
    return 'stop';
  }
  return 'word';
}

/** A word each rewrite of `rewriteOrgPhrases` holds. */
const PHRASE_WORDS = /democratic|d p r k|korea|joint|export|import|limited|j v/;

/**
 * Rewrites applied to a normalised organisation name before it is split:
 * multi-word names of the DPRK become `dprk`, "joint venture" becomes `jv`,
 * "j v" (from J/V) becomes `jv`, "no 39" / "# 39" keep the number.
 */
export function rewriteOrgPhrases(normalized: string): string {
  // Every rewrite needs one of these: without any, none applies (most names).
  return PHRASE_WORDS.test(normalized) ? everyOrgPhraseRewrite(normalized) : normalized.trim();
}

/** The rewrites of `rewriteOrgPhrases`, each tried (exported for the test of its shortcut). */
export function everyOrgPhraseRewrite(normalized: string): string {
  return ` ${normalized} `
    .replace(/ democratic peoples?(?: s)? republic of korea /g, ' dprk ')
    .replace(/ d p r k /g, ' dprk ')
    .replace(/ korea dprk /g, ' dprk ')
    .replace(/ north korea(n)? /g, ' dprk ')
    .replace(/ korea north /g, ' dprk ')
    .replace(/ joint venture /g, ' jv ')
    .replace(/ joint operation /g, ' jv ')
    .replace(/ (?:export and import|import and export|export import|import export) /g, ' export-import ')
    .replace(/ limited liability (company|partnership) /g, ' llc ')
    .replace(/ j v /g, ' jv ')
    .trim();
}

/**
 * Acronyms an organisation may go by, from the initials of its words:
 * all non-stop words (`Korea Kwangson Banking Corporation` → `kkbc`), and
 * without trailing company-form words (`kkb`). Only for names of 2–8 words.
 */
export function acronymsOf(words: string[]): string[] {
  const content = words.filter((w) => orgWordClass(w) !== 'stop' && !/^\d+$/.test(w));
  if (content.length < 2 || content.length > 8) return [];
  const out = new Set<string>();
  out.add(content.map((w) => w[0]).join(''));
  // Without trailing company-form words: Korea Kwangson Banking Corporation → kkb.
  let end = content.length;
  while (end > 0 && orgWordClass(content[end - 1] ?? '') === 'legal') end--;
  if (end >= 2 && end < content.length) out.add(content.slice(0, end).map((w) => w[0]).join(''));
  return [...out].filter((a) => a.length >= 2);
}
