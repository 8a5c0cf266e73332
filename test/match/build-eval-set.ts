/**
 * Builds the labelled evaluation set test/match/eval-set.json from the
 * bundled official lists. Run: `npx tsx test/match/build-eval-set.ts`.
 *
 * Positives: every alias the lists give for a DPRK-related entry (OFAC
 * DPRK-related, UN 1718), used as a query for its entity with that alias held
 * out of the entity's names. Each is labelled by surface rules on the list
 * text that do not use the matcher's phonetic keys (test/match/README.md
 * gives them in full):
 *   script    not written in Latin letters
 *   initials  one upper-case word of 2–8 letters that is the initials of a kept name
 *   acronym   any other such word
 *   variant   word by word the same name as a kept one: every distinctive word pairs both
 *             ways (same label key, a near spelling, a joined run, or a glossed generic word)
 *   partial   a kept name with words left out or added
 *   distinct  anything else (another identity, a former name, a translation, a cover name)
 * Negatives (must not match):
 *   korean_person    generated DPRK-style names (surname + two syllables) that
 *                    no listed person has, even up to MR/RR voicing and vowel spellings
 *   similar_company  listed DPRK company names with their distinctive word
 *                    swapped for a Korean place name that no list uses
 *   real_company     real, unlisted companies with the same generic words
 *   other_programme  names of non-DPRK entries, screened against `dprk`
 */
import fs from 'node:fs';
import path from 'node:path';
import { readListFiles } from '../../src/ingest/lists/matchable.ts';
import { normalizeName, orgWordClass, personWordClass, tokenize, expandWord, splitNameVariants } from '../../src/names/index.ts';
import { editDistance } from '../../src/match/score-name.ts';
import type { EvalCase } from '../../src/match/evaluation.ts';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { officialListFiles } from '../support/official.ts';

const OUT = path.join(REPO_ROOT, 'test/match/eval-set.json');

/** Deterministic pseudo-random numbers (LCG), so the set is the same on every build. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Label-side spelling key: only the MR ↔ RR ↔ DPRK voicing and vowel-letter equivalences, not the matcher's key. */
function labelKey(word: string): string {
  return word.toLowerCase().replace(/[^a-z]/g, '').replace(/eo/g, 'o').replace(/eu/g, 'u').replace(/j/g, 'ch').replace(/g(?!$)/g, 'k')
    .replace(/b/g, 'p').replace(/d/g, 't').replace(/r/g, 'l').replace(/(.)\1/g, '$1');
}

/**
 * Words that say what kind of body, not which one (a shared "Trading" proves nothing), with the
 * romanised Korean words of the same meaning (muyok = trading, yonhap = united, unhaeng = bank).
 */
const GENERIC = new Set(('trading shipping bank banking credit development industry industrial international technology machinery machine chemical ' +
  'academy natural science research institute ministry department bureau committee office national defense force ' +
  'strategic resource investment global trust united associated export import center commission army central military marine service ' +
  'energy atomic space aerospace administration economic economics second first third unit plant tool general ' +
  'muyok muyeok yonhap yeonhap unhaeng eunhaeng kwahakwon kigye kaebal tuja haeun').split(' '));

/** Label-side glossary: generic words that are one word in two languages or two forms. */
const GLOSS: Record<string, string> = {
  trade: 'trading', muyok: 'trading', muyeok: 'trading', yonhap: 'united', yeonhap: 'united', unhaeng: 'bank', eunhaeng: 'bank',
  kwahakwon: 'academy', kigye: 'machinery', machine: 'machinery', kaebal: 'development', tuja: 'investment', haeun: 'shipping',
};

/** "Korea", "Chosun", "DPRK" and their one-letter misspellings (Kore): the country, not the name. */
function isCountryWord(w: string): boolean {
  if (orgWordClass(w) === 'country') return true;
  return w.length >= 4 && ['korea', 'choson', 'chosun'].some((c) => w[0] === c[0] && editDistance(w, c, 1) <= 1);
}

/** Label key of a word; numbers as they are. */
const keyOf = (w: string): string => (/^\d+$/.test(w) ? w : labelKey(w));

interface LabelWord { raw: string; key: string; gloss: string | null; generic: boolean }

/** The words a label compares: no stop words, company forms (joint venture, joint operation) or country words; letters and digits apart. */
function labelWords(name: string, person: boolean): LabelWord[] {
  let norm = ` ${normalizeName(splitNameVariants(name).name)} `;
  if (!person) {
    norm = norm.replace(/ joint (?:venture|operation) | j v /g, ' ').replace(/ (?:export and import|import and export) /g, ' trading ');
  }
  const out: LabelWord[] = [];
  for (const raw of tokenize(norm.trim().replace(/([a-z])(\d)/g, '$1 $2').replace(/(\d)([a-z])/g, '$1 $2'))) {
    const w = person ? raw : expandWord(raw);
    if (person) { if (personWordClass(w) !== 'stop') out.push({ raw: w, key: keyOf(w), gloss: null, generic: false }); continue; }
    const cls = orgWordClass(w);
    if (cls === 'stop' || cls === 'legal' || isCountryWord(w)) continue;
    out.push({ raw: w, key: keyOf(w), gloss: GLOSS[w] ?? (GENERIC.has(w) ? w : null), generic: GENERIC.has(w) || GENERIC.has(GLOSS[w] ?? '') || cls === 'generic' });
  }
  return out;
}

/**
 * Two label words are one word written two ways: equal label keys, or for words of 4+ letters a
 * small edit distance (a third of the length). A letter changed in a 2–3-letter syllable makes
 * another syllable (Pak/Paek, Ha/Hwa, Chun/Chol are different Korean syllables): not close.
 */
function close(a: string, b: string, joined = false): boolean {
  if (a === b) return true;
  // A joined run must spell the word to one letter.
  if (joined) return Math.min(a.length, b.length) >= 4 && editDistance(a, b, 1) <= 1;
  const len = Math.max(a.length, b.length);
  if (Math.min(a.length, b.length) < 4) return false;
  const allowed = Math.max(1, Math.floor(len / 3));
  return editDistance(a, b, allowed) <= allowed;
}

type Relation = 'variant' | 'partial' | 'none';

/**
 * How an alias stands to one kept name, word by word (each word of one side paired with a close
 * word, or a run of 2–3 words joined, of the other):
 *   variant  every distinctive word pairs on both sides, at least one distinctive word pairs, and
 *            no generic word is left unpaired on both sides at once (a dropped "Trading" is a
 *            form; "Foreign" against "National" is another name)
 *   partial  one side's words all pair, the other has distinctive words more (a shortened or lengthened name)
 *   none     otherwise (another name, or a translation sharing no distinctive word)
 */
function relation(alias: LabelWord[], kept: LabelWord[]): Relation {
  if (alias.length === 0 || kept.length === 0) return 'none';
  const aUsed = alias.map(() => false), kUsed = kept.map(() => false);
  let sharedDistinctive = false;
  // Same key or same gloss first, then joined runs, then near spellings.
  const pairs = (same: (a: LabelWord, k: LabelWord) => boolean) => {
    for (let i = 0; i < alias.length; i++) {
      if (aUsed[i]) continue;
      const j = kept.findIndex((k, jj) => !kUsed[jj] && same(alias[i]!, k));
      if (j >= 0) { aUsed[i] = true; kUsed[j] = true; if (!alias[i]!.generic && !kept[j]!.generic) sharedDistinctive = true; }
    }
  };
  pairs((a, k) => a.key === k.key || (k.gloss !== null && k.gloss === a.gloss));
  // Joined words: one word against a run of 2–3 neighbouring words of the other side.
  const joins = (xs: LabelWord[], xUsed: boolean[], ys: LabelWord[], yUsed: boolean[]) => {
    for (let i = 0; i < xs.length; i++) {
      if (xUsed[i]) continue;
      for (let s = 0; s < ys.length && !xUsed[i]; s++) {
        let run = '';
        for (let e = s; e < ys.length && e < s + 3; e++) {
          if (yUsed[e]) break;
          run += ys[e]!.raw;
          if (e > s && close(xs[i]!.key, keyOf(run), true)) {
            xUsed[i] = true;
            for (let k = s; k <= e; k++) yUsed[k] = true;
            if (!xs[i]!.generic) sharedDistinctive = true;
            break;
          }
        }
      }
    }
  };
  joins(alias, aUsed, kept, kUsed);
  joins(kept, kUsed, alias, aUsed);
  pairs((a, k) => close(a.key, k.key));
  // A name of generic words only (Natural Resources Development and Investment Corporation) must pair every word.
  const allGeneric = alias.every((w) => w.generic) && kept.every((w) => w.generic);
  if (allGeneric) return aUsed.every(Boolean) && kUsed.every(Boolean) ? 'variant' : 'none';
  if (!sharedDistinctive) return 'none';
  const left = (xs: LabelWord[], used: boolean[], generic: boolean) => xs.filter((x, i) => !used[i] && x.generic === generic).length;
  const aD = left(alias, aUsed, false), kD = left(kept, kUsed, false), aG = left(alias, aUsed, true), kG = left(kept, kUsed, true);
  if (aD === 0 && kD === 0 && !(aG > 0 && kG > 0)) return 'variant';
  if ((aD === 0 && aG === 0) || (kD === 0 && kG === 0)) return 'partial';
  return 'none';
}

function isAcronym(alias: string): boolean {
  const t = alias.replace(/["“”]/g, '').trim();
  return /^[A-Z]{2,8}$/.test(t);
}

/** Initials of a name: of all its words, of its words but stop words, and without trailing company forms. */
function initialsOf(name: string): string[] {
  const words = tokenize(normalizeName(splitNameVariants(name).name)).map(expandWord);
  const content = words.filter((w) => orgWordClass(w) !== 'stop');
  let end = content.length;
  while (end > 0 && orgWordClass(content[end - 1]!) === 'legal') end--;
  return [words, content, content.slice(0, end)].filter((ws) => ws.length >= 2).map((ws) => ws.map((w) => w[0]).join(''));
}

/** The category of a held-out alias, by the rules at the top of this file (no matcher keys). */
function categorize(alias: string, kept: string[], person: boolean): EvalCase['category'] {
  if (!/[a-z]/i.test(alias) || /[\u3400-\u9fff]/.test(alias)) return 'script';
  const proper = kept.filter((k) => !isAcronym(splitNameVariants(k).name));
  if (isAcronym(alias)) {
    const a = alias.replace(/["“”]/g, '').trim().toLowerCase();
    return proper.some((k) => initialsOf(k).includes(a)) ? 'initials' : 'acronym';
  }
  const aw = labelWords(alias, person);
  let best: Relation = 'none';
  for (const k of proper) {
    const r = relation(aw, labelWords(k, person));
    if (r === 'variant') return 'variant';
    if (r === 'partial') best = 'partial';
  }
  return best === 'partial' ? 'partial' : 'distinct';
}

const SURNAMES = ['Kim', 'Ri', 'Pak', 'Choe', 'Jong', 'Kang', 'Jo', 'Yun', 'Jang', 'Han', 'O', 'Hwang', 'So', 'Ryu', 'Hong', 'Jon', 'Mun', 'Son', 'Paek', 'Song', 'Sin', 'Ko', 'An', 'Ju', 'Hyon', 'Ro', 'Kwon', 'Pyon', 'Yu', 'Cha', 'Rim', 'Nam', 'Ryang', 'Kye', 'Jin'];
const SYLLABLES = ['Yong', 'Chol', 'Il', 'Song', 'Myong', 'Kwang', 'Hyok', 'Nam', 'Su', 'Ho', 'Jin', 'Chun', 'Sik', 'Ok', 'Hui', 'Sun', 'Min', 'Guk', 'Man', 'Hak', 'Un', 'Hun', 'Ryong', 'Jong', 'Sok', 'Thae', 'Bom', 'Hyon', 'Chan', 'Gil', 'Dok', 'Hwa', 'Sung', 'Gyong', 'Rim', 'Ae', 'Mi', 'Yon', 'Pil', 'Sam', 'Chang', 'Hyang', 'Dong', 'Kyu', 'Thaek', 'Won', 'Ung', 'Bong', 'Se', 'Gon'];
const PLACES = ['Chilbo', 'Paektu', 'Haeju', 'Wonsan', 'Kaesong', 'Hamhung', 'Sariwon', 'Kanggye', 'Hyesan', 'Chongjin', 'Rason', 'Sinpo', 'Tokchon', 'Anju', 'Kusong', 'Nampho', 'Onchon', 'Pyoksong', 'Songrim', 'Unryul', 'Kilju', 'Hoeryong', 'Manpo', 'Sunchon', 'Kumya', 'Riwon', 'Tanchon', 'Kimchaek', 'Huichang', 'Jangyon'];
const REAL_COMPANIES = [
  'Korea Electric Power Corporation', 'Korea Zinc Company Ltd', 'Korean Air Lines Co Ltd', 'Hyundai Heavy Industries Co Ltd', 'Samsung Heavy Industries',
  'Daewoo Shipbuilding and Marine Engineering', 'Korea Development Bank', 'Industrial Bank of Korea', 'Korea Trade Insurance Corporation',
  'Korea Shipbuilding and Offshore Engineering', 'Pan Ocean Co Ltd', 'Korea Line Corporation', 'Sinokor Merchant Marine Co Ltd', 'Korea Gas Corporation',
  'Korea National Oil Corporation', 'Korea Land and Housing Corporation', 'Korea Expressway Corporation', 'Korea Railroad Corporation',
  'Korea Aerospace Industries Ltd', 'Korea Hydro and Nuclear Power Co', 'Korea Investment Corporation', 'Korea Exchange', 'Korea Trade Investment Promotion Agency',
  'Samsung Electronics Co Ltd', 'LG Electronics Inc', 'SK Hynix Inc', 'Posco Holdings', 'Hanwha Ocean Co Ltd', 'Doosan Enerbility', 'Lotte Shopping Co Ltd',
  'Shinhan Bank', 'Woori Bank', 'Hana Bank', 'Kookmin Bank', 'Nonghyup Bank', 'Busan Bank', 'Daegu Bank', 'Korea Federation of Banks',
  'China Merchants Bank', 'Bank of China Limited', 'Industrial and Commercial Bank of China', 'China Construction Bank Corporation',
  'Dalian Port Company Limited', 'Dandong Port Group', 'Hong Kong Shipping Company', 'Pacific International Lines', 'Evergreen Marine Corporation',
  'Orient Overseas Container Line', 'Mongolian Mining Corporation', 'Erdenes Mongol', 'Qatar Building Company', 'Al Rayyan Construction',
  'Kuwait Construction Company', 'Polish Shipyard Company', 'Malta Freeport Corporation', 'Sarawak Energy Berhad', 'Gazprom Neft', 'Rosneft Oil Company',
  'Far Eastern Shipping Company', 'Amur Timber Company', 'Primorsky Shipyard', 'Vladivostok Sea Fishing Port', 'Nakhodka Trading Company',
  'Leisure Clothing Ltd', 'Rite Mix Ltd', 'Mansfield Overseas Projects Ltd', 'Daesung Industrial Gases', 'Korea Mining Corporation', 'Korea Resources Corporation',
];

async function main(): Promise<void> {
  const records = await readListFiles(officialListFiles());
  const dprk = records.filter((r) => r.entity.datasets.includes('dprk'));
  const cases: EvalCase[] = [];

  // Positives: held-out aliases of DPRK-related entries.
  for (const r of dprk) {
    const names = r.entry.names;
    if (names.length < 2) continue;
    for (const alias of names) {
      if (alias.strength === 'primary') continue;
      const kept = names.filter((n) => n !== alias && normalizeName(n.value) !== normalizeName(alias.value)).map((n) => n.value);
      if (kept.length === 0 || normalizeName(alias.value) === '') continue;
      const category = categorize(alias.value, kept, r.entity.schema === 'Person');
      cases.push({ query: alias.value, schema: null, expect: r.entity.id, holdOut: alias.value, category, korean: r.entity.schema === 'Person', dataset: null });
    }
  }

  // Negatives 1: unlisted Korean person names.
  const listedPersons = new Set<string>();
  for (const r of records) {
    if (r.entity.schema !== 'Person') continue;
    for (const n of r.entry.names) {
      const words = tokenize(normalizeName(n.value)).map(labelKey);
      if (words.length < 2) continue;
      // Either word order; given syllables as a set.
      listedPersons.add(`${words[0]}|${words.slice(1).sort().join(' ')}`);
      listedPersons.add(`${words[words.length - 1]}|${words.slice(0, -1).sort().join(' ')}`);
      // Joined given names (Wonhong) as well as split ones.
      listedPersons.add(`${words[0]}|${words.slice(1).join('')}`);
    }
  }
  const rand = rng(39);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const seen = new Set<string>();
  let tries = 0;
  while (cases.filter((c) => c.category === 'korean_person').length < 1000 && tries++ < 20000) {
    const s = pick(SURNAMES), g1 = pick(SYLLABLES), g2 = pick(SYLLABLES);
    if (g1 === g2) continue;
    const keyA = `${labelKey(s)}|${[labelKey(g1), labelKey(g2)].sort().join(' ')}`;
    const keyB = `${labelKey(s)}|${labelKey(g1)}${labelKey(g2).toLowerCase()}`;
    if (listedPersons.has(keyA) || listedPersons.has(keyB) || seen.has(keyA)) continue;
    seen.add(keyA);
    // Written the ways spreadsheets write them.
    const style = Math.floor(rand() * 4);
    const query = style === 0 ? `${s} ${g1} ${g2}` : style === 1 ? `${s.toUpperCase()}, ${g1}-${g2.toLowerCase()}` : style === 2 ? `${s} ${g1}${g2.toLowerCase()}` : `${g1} ${g2} ${s.toUpperCase()}`;
    cases.push({ query, schema: rand() < 0.5 ? 'Person' : null, expect: null, holdOut: null, category: 'korean_person', korean: true, dataset: null });
  }

  // Negatives 2: listed company names with their distinctive word swapped for an unused place name.
  const listedWords = new Set<string>();
  for (const r of records) for (const n of r.entry.names) for (const w of tokenize(normalizeName(n.value))) listedWords.add(labelKey(w));
  const places = PLACES.filter((p) => !listedWords.has(labelKey(p)));
  const orgs = dprk.filter((r) => r.entity.schema !== 'Person' && r.entity.schema !== 'Vessel' && r.entity.schema !== 'Airplane');
  let i = 0;
  for (const r of orgs) {
    const name = r.entry.names.find((n) => n.strength === 'primary')?.value ?? '';
    const words = name.replace(/\([^)]*\)/g, ' ').split(/\s+/).filter(Boolean);
    const idx = words.findIndex((w) => orgWordClass(expandWord(normalizeName(w))) === 'word');
    if (idx < 0 || words.length < 2) continue;
    const swapped = [...words];
    swapped[idx] = places[i++ % places.length]!.toUpperCase();
    // Swap every distinctive word, so nothing distinctive of the listed name remains.
    for (let k = idx + 1; k < swapped.length; k++) {
      if (orgWordClass(expandWord(normalizeName(swapped[k]!))) === 'word' && !/^(trading|shipping|bank|industry|industrial|development|international|technology|import|export|machinery|credit|mining)$/i.test(swapped[k]!)) {
        swapped[k] = places[i++ % places.length]!.toUpperCase();
      }
    }
    const query = swapped.join(' ');
    if (query === name) continue;
    cases.push({ query, schema: null, expect: null, holdOut: null, category: 'similar_company', korean: false, dataset: null });
  }

  // Negatives 3: real companies not on any list (dropped if a list has the same name).
  const listedNames = new Set(records.flatMap((r) => r.entry.names.map((n) => tokenize(normalizeName(n.value)).map(labelKey).join(' '))));
  for (const c of REAL_COMPANIES) {
    if (listedNames.has(tokenize(normalizeName(c)).map(labelKey).join(' '))) continue;
    cases.push({ query: c, schema: rand() < 0.5 ? 'Company' : null, expect: null, holdOut: null, category: 'real_company', korean: false, dataset: null });
  }

  // Negatives 4: entries of other programmes, screened against the DPRK set.
  const dprkNames = new Set(dprk.flatMap((r) => r.entry.names.map((n) => tokenize(normalizeName(n.value)).map(labelKey).sort().join(' '))));
  const others = records.filter((r) => !r.entity.datasets.includes('dprk'));
  const step = Math.max(1, Math.floor(others.length / 1500));
  for (let k = 0; k < others.length; k += step) {
    const r = others[k]!;
    const name = r.entry.names.find((n) => n.strength === 'primary')?.value;
    if (!name || dprkNames.has(tokenize(normalizeName(name)).map(labelKey).sort().join(' '))) continue;
    cases.push({ query: name, schema: r.entity.schema, expect: null, holdOut: null, category: 'other_programme', korean: false, dataset: 'dprk' });
  }

  fs.writeFileSync(OUT, `${JSON.stringify({ built: 'npx tsx test/match/build-eval-set.ts', lists: 'the official OFAC and UN files (../shared/data/official)', cases }, null, 0).replace(/\},\{/g, '},\n{')}\n`);
  const counts: Record<string, number> = {};
  for (const c of cases) counts[c.category] = (counts[c.category] ?? 0) + 1;
  console.log(`wrote ${path.relative(REPO_ROOT, OUT)}: ${cases.length} cases`, counts);
}

await main();
