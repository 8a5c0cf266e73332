/**
 * Countries in search: a query that names a country (its English name or
 * another of its names, its ISO 3166-1 alpha-2 or alpha-3 code, a common short
 * form such as DPRK or UAE) leads to the country's own page; so, after the
 * names that answer it, does a longer query some of whose words name one
 * ("Chinese seafood", "Russia construction"). Countries are
 * room39's own kind of result (schema `Country`, id `country-<cc>`), not FtM
 * entities: they never enter `/match`, `/reconcile` or the FtM export.
 */
import countries from 'i18n-iso-countries';
import { countryName, isCountryCode } from '../model/countries.ts';
import { searchKey } from './normalize.ts';
import type { Queryable } from './db.ts';
import { invalidOption } from '../errors.ts';
import { ftmModel, ROOM39_SCHEMA_NAMES } from './ftm.ts';
import { searchEntities, type SearchHit, type SearchOptions } from './search.ts';
import { searchClosest } from './search-closest.ts';

export interface CountryHit {
  id: string;
  schema: 'Country';
  caption: string;
  score: number;
  /** The name, alias or code the query matched. */
  matched: string;
  cc: string;
}

/** Short forms people type that the ISO tables do not hold. */
const EXTRA_NAMES: Readonly<Record<string, readonly string[]>> = {
  KP: ['DPRK', 'D.P.R.K.', 'North Korea', "Democratic People's Republic of Korea", 'Korea, North', 'Korea North'],
  KR: ['ROK', 'Korea, South'],
  US: ['USA', 'United States', 'America'],
  RU: ['Russian Federation'],
  CZ: ['Czech Republic'],
  LA: ['Lao PDR', 'Laos'],
  CD: ['DRC'],
};

let table: Map<string, { cc: string; name: string }> | null = null;

/** Every country's names and codes by their search key. */
function countryTable(): Map<string, { cc: string; name: string }> {
  if (table) return table;
  const t = new Map<string, { cc: string; name: string }>();
  const add = (cc: string, name: string) => { const k = searchKey(name); if (k && !t.has(k)) t.set(k, { cc, name }); };
  for (const [cc, names] of Object.entries(countries.getNames('en', { select: 'all' }))) {
    add(cc, countryName(cc));
    for (const n of names) add(cc, n);
    const alpha3 = countries.alpha2ToAlpha3(cc);
    if (alpha3) add(cc, alpha3);
  }
  for (const [cc, names] of Object.entries(EXTRA_NAMES)) for (const n of names) add(cc, n);
  table = t;
  return t;
}

/** The country a query names, whole: "Poland", "poland", "PL", "POL", "DPRK". Null when it names none. */
export function searchCountry(query: string): CountryHit | null {
  const q = query.trim();
  if (q.length < 2 || q.length > 80) return null;
  const hit = (cc: string, matched: string): CountryHit => ({ id: `country-${cc.toLowerCase()}`, schema: 'Country', caption: countryName(cc), score: 1, matched, cc });
  if (isCountryCode(q)) return hit(q.toUpperCase(), q.toUpperCase());
  const found = countryTable().get(searchKey(q));
  return found ? hit(found.cc, found.name) : null;
}

/**
 * What people call a country's people and things ("Chinese seafood", "Russian
 * logging", "North Korean workers"), for the countries the graph documents
 * workers in; by search key.
 */
const DEMONYMS: Readonly<Record<string, string>> = {
  chinese: 'CN', russian: 'RU', polish: 'PL', maltese: 'MT', malaysian: 'MY', qatari: 'QA', kuwaiti: 'KW', northkorean: 'KP',
  senegalese: 'SN', mongolian: 'MN', angolan: 'AO', libyan: 'LY', nigerian: 'NG', laotian: 'LA', omani: 'OM', namibian: 'NA',
  ethiopian: 'ET', cambodian: 'KH', thai: 'TH', burmese: 'MM', nepalese: 'NP', nepali: 'NP', vietnamese: 'VN', peruvian: 'PE',
  swiss: 'CH', emirati: 'AE', algerian: 'DZ', equatorialguinean: 'GQ', zambian: 'ZM', czech: 'CZ', ugandan: 'UG', beninese: 'BJ',
  chadian: 'TD', egyptian: 'EG', mozambican: 'MZ', malagasy: 'MG', syrian: 'SY', togolese: 'TG', zimbabwean: 'ZW', southkorean: 'KR',
};

/** Score of a country named by only some words of the query: below every name that answers the whole query. */
const PART_SCORE = 0.5;

/**
 * The country some words of a longer query name ("Chinese seafood", "Russia
 * construction", "workers in Qatar"): the longest run of up to six words that
 * is a country's name or what its people are called. Codes are not looked for
 * inside a query (RU, PL are words of names too), nor runs under four letters.
 */
export function countryInQuery(query: string): CountryHit | null {
  const words = query.trim().split(/\s+/).map((raw) => ({ raw, key: searchKey(raw) })).filter((w) => w.key !== '');
  if (words.length === 0 || words.length > 12) return null;
  let found: CountryHit | null = null;
  // One word: a country's own name is the whole query's (searchCountry); what its people are called ("Qatari") is this one's.
  for (let n = Math.min(6, Math.max(1, words.length - 1)); n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const run = words.slice(i, i + n);
      const key = run.map((w) => w.key).join('');
      if (key.length < 4) continue;
      const cc = Object.hasOwn(DEMONYMS, key) ? DEMONYMS[key]! : words.length > 1 ? countryTable().get(key)?.cc : undefined;
      if (!cc) continue;
      const hit: CountryHit = { id: `country-${cc.toLowerCase()}`, schema: 'Country', caption: countryName(cc), score: PART_SCORE, matched: run.map((w) => w.raw).join(' '), cc };
      // North Korea is what every query here is about: a host country named beside it is the one meant ("North Korean workers in Russia").
      if (cc !== 'KP') return hit;
      found ??= hit;
    }
  }
  return found;
}

/** The schemas a search can filter by, for the message about an unknown one. */
const SEARCH_SCHEMAS = ['Person', 'Organization', 'Company', 'PublicBody', 'LegalInstrument', 'Sanction', 'Event', 'Country'];

/**
 * The schema a search filters by, by its name in any case (`person` is
 * Person); null for none. An unknown name is a bad option, never an empty
 * answer that reads as "nothing known".
 */
export function searchSchema(name: string | null | undefined): string | null {
  const asked = name?.trim() ?? '';
  if (asked === '') return null;
  const known = [...SEARCH_SCHEMAS, ...ROOM39_SCHEMA_NAMES, ...ftmModel.getSchemata().map((s) => s.name)];
  const found = known.find((k) => k === asked) ?? known.find((k) => k.toLowerCase() === asked.toLowerCase());
  if (!found) throw invalidOption('schema', `unknown schema "${asked}"; search by ${SEARCH_SCHEMAS.join(', ')} or another FollowTheMoney schema`);
  return found;
}

/**
 * Search as people use it (the CLI's `search`, `/api/search`, the web app):
 * the country a query names first, then the graph's entities, or the names
 * closest to the query when none holds all its words (store/search-closest.ts). The yente
 * `/search/{dataset}` door calls searchEntities alone: countries are not FtM
 * entities.
 */
export async function searchWithCountries(q: Queryable, query: string, given: SearchOptions = {}): Promise<SearchHit[]> {
  const options = { ...given, schema: searchSchema(given.schema) };
  const limit = Math.max(1, Math.min(options.limit ?? 20, 500));
  const whole = options.schema && options.schema !== 'Country' ? null : searchCountry(query);
  const part = whole || (options.schema && options.schema !== 'Country') ? null : countryInQuery(query);
  const entities = options.schema === 'Country' ? [] : await searchEntities(q, query, options);
  const hit = (c: CountryHit): SearchHit => ({ id: c.id, schema: 'Country', caption: c.caption, score: c.score, datasets: [], topics: [], matched: c.matched, countries: [c.cc], referents: [] });
  if (whole) return [hit(whole), ...entities].slice(0, limit);
  // No name holds every word: the names closest to it, after the country it names (which answers a part of it as well).
  if (entities.length === 0 && options.schema !== 'Country') {
    const closest = await searchClosest(q, query, options);
    return (part ? [hit(part), ...closest] : closest).slice(0, limit);
  }
  // A country named inside a longer query comes after the names that answer the whole of it (the top hit stays the name asked for).
  if (part) return [...entities, hit(part)].slice(0, limit);
  return entities;
}
