/**
 * Country mentions: country names (i18n-iso-countries, English, every form it
 * knows, plus the forms texts use that it lacks), demonyms ("Maltese firms",
 * "Qatari construction sites") and named places ("Sarawak", "Siberian logging
 * camps") → ISO 3166-1 alpha-2. A country word that is part of the proper
 * name of something else ("Korean Workers’ Party", "Washington Post",
 * "Committee for Human Rights in North Korea") is not a country mention.
 */
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import type { Mention } from './types.ts';
import { DEMONYMS, EXTRA_COUNTRY_NAMES, NAME_CONTINUATIONS, NAME_HEADS, NAME_PREFIX_PATTERN, PLACES } from './places.ts';

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/en.json') as countries.LocaleData);

export type CountrySurfaceKind = 'name' | 'demonym' | 'place';

export interface CountryMention extends Mention {
  type: 'country';
  country: string;
  /** How the text names the country: by name, by demonym or by a place in it. */
  via: CountrySurfaceKind;
}

interface Surface {
  code: string;
  via: CountrySurfaceKind;
}

/** Forms too ambiguous in English prose to read as a country. */
const SKIP_NAMES = new Set(['Korea', 'Congo', 'Georgia', 'Jordan', 'Chad', 'Niger', 'Guinea', 'Turkey', 'Dominica', 'Jersey', 'Man']);

/** Both apostrophes: texts write Côte d’Ivoire and Côte d'Ivoire. */
function apostropheVariants(s: string): string[] {
  const out = new Set([s, s.replace(/'/g, '’'), s.replace(/’/g, "'")]);
  return [...out];
}

function buildSurfaces(): Map<string, Surface> {
  const map = new Map<string, Surface>();
  const add = (form: string, code: string, via: CountrySurfaceKind) => {
    for (const v of apostropheVariants(form)) if (!map.has(v)) map.set(v, { code, via });
  };
  for (const [form, code] of Object.entries(EXTRA_COUNTRY_NAMES)) add(form, code, 'name');
  const names = countries.getNames('en', { select: 'all' });
  for (const [code, forms] of Object.entries(names)) {
    for (const form of forms) {
      if (form.includes(',') || SKIP_NAMES.has(form)) continue;
      add(form, code, 'name');
    }
  }
  // Congo, Georgia, Chad, Niger, Guinea are countries too, but only in lists of countries; see LIST_ONLY.
  for (const [form, code] of Object.entries(DEMONYMS)) {
    add(form, code, 'demonym');
    if (!/(?:ese|ish|ch|ss|Thai|Saudi|Malagasy|Swiss|Afghan|Kazakh|Uzbek)$/.test(form)) add(`${form}s`, code, 'demonym');
  }
  for (const [form, code] of Object.entries(PLACES)) add(form, code, 'place');
  return map;
}

/** Names that are countries only when they stand in a list of countries (next to another country name). */
const LIST_ONLY: Readonly<Record<string, string>> = { Congo: 'CG', Georgia: 'GE', Chad: 'TD', Niger: 'NE', Guinea: 'GN', Jordan: 'JO', Turkey: 'TR' };

/**
 * The country forms by their first two characters (one-character forms by their first), longest first: the scan
 * below finds at each word start the longest form that ends at a word boundary, as one alternation of every form
 * (longest first, between `(?<![\p{L}\p{N}])` and `(?![\p{L}\p{N}])`) would, without trying a thousand forms at
 * every character of the text.
 */
interface FormIndex {
  /** Forms of three characters or more by their first two, then by their third (longest first); forms of two characters by both. */
  byPair: Map<number, { byThird: Map<number, string[]>; two: string[] }>;
  bySingle: Map<number, string[]>;
  /** 1 at each UTF-16 code unit that starts a form: most positions of a text start none. */
  first: Uint8Array;
  /** For forms opening with a-z: 1 at (first - 97) × 128 + second, for an ASCII second character. */
  lowerPairs: Uint8Array;
}

let cached: { forms: FormIndex; surfaces: Map<string, Surface> } | null = null;

function matcher() {
  if (cached) return cached;
  const surfaces = buildSurfaces();
  for (const [form, code] of Object.entries(LIST_ONLY)) surfaces.set(form, { code, via: 'name' });
  const forms: FormIndex = { byPair: new Map(), bySingle: new Map(), first: new Uint8Array(65536), lowerPairs: new Uint8Array(26 * 128) };
  for (const form of [...surfaces.keys()].sort((a, b) => b.length - a.length)) {
    if (form === '') continue;
    forms.first[form.charCodeAt(0)] = 1;
    const c = form.charCodeAt(0);
    if (c >= 97 && c <= 122) {
      // (A form of one character, or with a second outside ASCII, lets every pair through.)
      const second = form.length > 1 ? form.charCodeAt(1) : -1;
      for (let n = 0; n < 128; n++) if (second < 0 || second >= 128 || second === n) forms.lowerPairs[(c - 97) * 128 + n] = 1;
    }
    if (form.length === 1) {
      const list = forms.bySingle.get(form.charCodeAt(0));
      if (list) list.push(form);
      else forms.bySingle.set(form.charCodeAt(0), [form]);
      continue;
    }
    let pair = forms.byPair.get(pairKey(form, 0));
    if (!pair) forms.byPair.set(pairKey(form, 0), (pair = { byThird: new Map(), two: [] }));
    if (form.length === 2) pair.two.push(form);
    else {
      const list = pair.byThird.get(form.charCodeAt(2));
      if (list) list.push(form);
      else pair.byThird.set(form.charCodeAt(2), [form]);
    }
  }
  cached = { forms, surfaces };
  return cached;
}

const pairKey = (s: string, i: number): number => s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1);
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;

/** Whether a code point is a letter or a number (ASCII by code). */
function letterOrNumber(cp: number): boolean {
  if (cp < 128) return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  return LETTER_OR_NUMBER.test(String.fromCodePoint(cp));
}

/** The code point ending just before `i` (a surrogate pair read whole), or -1 at the start. */
function codePointBefore(text: string, i: number): number {
  if (i === 0) return -1;
  const c = text.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const h = text.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return (h - 0xd800) * 0x400 + (c - 0xdc00) + 0x10000;
  }
  return c;
}

/** The longest form at `i` that ends at a word boundary (the caller has checked the boundary before `i`), or null. */
function formAt(text: string, i: number, forms: FormIndex): string | null {
  // (Forms are tried longest first: those of three characters or more, then two, then one.)
  const pair = i + 1 < text.length ? forms.byPair.get(pairKey(text, i)) : undefined;
  const longer = pair && i + 2 < text.length ? longestAt(text, i, pair.byThird.get(text.charCodeAt(i + 2))) : null;
  return longer ?? (pair ? longestAt(text, i, pair.two) : null) ?? longestAt(text, i, forms.bySingle.get(text.charCodeAt(i)));
}

/** The first of these forms (longest first) that stands at `i` and ends at a word boundary, or null. */
function longestAt(text: string, i: number, list: readonly string[] | undefined): string | null {
  if (!list) return null;
  for (const form of list) {
    if (!text.startsWith(form, i)) continue;
    const j = i + form.length;
    if (j < text.length && letterOrNumber(text.codePointAt(j)!)) continue;
    return form;
  }
  return null;
}

function followedByNameContinuation(text: string, end: number): boolean {
  // Both patterns below need a space first (tested by code: most mentions are followed by punctuation or a small word).
  const next = text.charCodeAt(end);
  if (next !== 32 && next !== 0xa0) return false;
  const after = text.slice(end, end + 40);
  const m = /^[ \u00a0]+([\p{Lu}][\p{L}’']*)/u.exec(after);
  if (!m || !m[1]) return false;
  if (NAME_CONTINUATIONS.includes(m[1]) || NAME_CONTINUATIONS.includes(m[1].replace(/[’']s$/, ''))) return true;
  // A head noun two or three capitalised words on: "Pusan National University".
  const run = /^(?:[ \u00a0]+[\p{Lu}][\p{L}’'\-]*){1,3}/u.exec(after)?.[0] ?? '';
  return run.split(/[ \u00a0]+/).some((w) => NAME_HEADS.includes(w));
}

/** The first country form at or after `from` that stands as a word (the longest at its start), or null. */
export function nextCountryForm(text: string, from: number): { start: number; surface: string } | null {
  const { forms } = matcher();
  const { first, lowerPairs } = forms;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (first[c] === 0) continue;
    // A lower-case letter ("s", "t", "n": "south Korea", "the Netherlands") opens a form only before some letters: most do not.
    if (c >= 97 && c <= 122) {
      const next = text.charCodeAt(i + 1);
      if (next < 128 && lowerPairs[(c - 97) * 128 + next] === 0) continue;
    }
    if (letterOrNumber(codePointBefore(text, i))) continue;
    const surface = formAt(text, i, forms);
    if (surface !== null) return { start: i, surface };
  }
  return null;
}

/** Every country form the scan knows (names, demonyms, places), for tests. */
export function countryForms(): string[] {
  return [...matcher().surfaces.keys()];
}

/** Finds every country mention in the text, in order, without overlaps. */
export function findCountryMentions(text: string): CountryMention[] {
  const { surfaces } = matcher();
  const out: CountryMention[] = [];
  // The scan goes on after each form, whether or not it makes a mention.
  for (let f = nextCountryForm(text, 0); f; f = nextCountryForm(text, f.start + f.surface.length)) {
    const { start, surface } = f;
    const end = start + surface.length;
    const info = surfaces.get(surface)!;
    // "US$9 million", "US $300": a currency, not a mention.
    if (/^U\.?S\.?$/.test(surface) && /^[ \u00a0]?\$/.test(text.slice(end, end + 2))) continue;
    if (followedByNameContinuation(text, end)) continue;
    // "Committee for Human Rights in North Korea" is a name; "… Human Rights in Seoul" says where it is.
    // (The pattern ends on a space: tested only after one.)
    if (info.via === 'name' && text.charCodeAt(start - 1) === 32 && NAME_PREFIX_PATTERN.test(text.slice(Math.max(0, start - 60), start))) continue;
    if (surface in LIST_ONLY && !inCountryList(text, start, end)) continue;
    out.push({ type: 'country', text: surface, start, end, entity_id: null, country: info.code, via: info.via });
  }
  return out;
}

/** True when the word stands in a comma list that holds another country name ("Chad, the Democratic Republic of the Congo, Egypt"). */
function inCountryList(text: string, start: number, end: number): boolean {
  const { surfaces } = matcher();
  const windowText = text.slice(Math.max(0, start - 60), Math.min(text.length, end + 60));
  // ("Guinea and Sierra Leone": a list joined by "and" alone counts too.)
  if (!/,|\band\b/.test(windowText)) return false;
  let count = 0;
  for (const part of windowText.split(/,|\band\b/)) {
    const t = part.trim().replace(/^the /, '').replace(/[.;:)]+$/, '');
    const s = surfaces.get(t);
    if (s && s.via === 'name' && !(t in LIST_ONLY)) count += 1;
  }
  return count >= 1;
}

/** Whether the name is, letter for letter, one of the country forms this module knows (a map look-up; `countryCode` also asks the package). */
export function isCountrySurface(name: string): boolean {
  return matcher().surfaces.has(name.trim());
}

/** ISO alpha-2 for a country name, demonym or place, or null. */
export function countryCode(name: string): string | null {
  const key = name.trim();
  const known = codeCache.get(key);
  if (known !== undefined) return known;
  const { surfaces } = matcher();
  const code = surfaces.get(key)?.code ?? countries.getAlpha2Code(key, 'en') ?? null;
  // The package's look-up normalises and walks every name: remembered (bounded), since extraction asks for the same names again and again.
  if (codeCache.size > 50_000) codeCache.clear();
  codeCache.set(key, code);
  return code;
}

const codeCache = new Map<string, string | null>();
