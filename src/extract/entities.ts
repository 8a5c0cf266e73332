/**
 * Person and organisation mentions. Candidate names are the runs of
 * capitalised words in the text ("Kim Won-hong", "Bureau 39", "Korea General
 * Corporation for External Construction") and every shorter run inside them;
 * each distinct candidate goes once to the EntityResolver (the screening
 * matcher over the graph's names and aliases), and the longest resolved,
 * non-overlapping candidates become mentions. A family name standing alone
 * ("Thae", "Jo") is a mention when exactly one person of the document
 * resolved so far bears it.
 */
import { countryCode, isCountrySurface } from './countries.ts';
import { compactKey } from '../names/normalize.ts';
import { Occupancy } from './occupancy.ts';
import { isAsciiAlnum, lowerCaseLookup, type LowerCaseLookup } from './lower-case.ts';
import { NO_ENTITIES, type EntityResolver, type Mention, type ResolvedEntity } from './types.ts';

export interface Candidate {
  start: number;
  end: number;
  text: string;
  tokens: number;
  /** A single word whose run holds nothing else but titles and sentence openers ("General Kim", "Thae"). */
  alone: boolean;
}

const CAP_TOKEN = /^[\p{Lu}\p{Lo}]/u;
const CONNECTORS = new Set(['of', 'for', 'the', 'and', 'de', 'on', 'in', 'du', 'van', 'von', 'al', 'bin']);
/** Capitalised words that are never a name on their own. */
const STOP = new Set([
  'The', 'A', 'An', 'In', 'On', 'At', 'Of', 'For', 'And', 'But', 'Or', 'If', 'As', 'By', 'To', 'It', 'Its', 'He', 'She', 'They', 'We', 'I',
  'His', 'Her', 'Their', 'Our', 'This', 'That', 'These', 'Those', 'When', 'While', 'After', 'Before', 'Since', 'Yet', 'So', 'Now', 'Then',
  'Mr', 'Mrs', 'Ms', 'Miss', 'Dr', 'General', 'President', 'Minister', 'Director', 'Chairman', 'Vice', 'Update', 'Continue', 'Reading',
]);
const MAX_TOKENS = 9;
/** Three ASCII letters or digits: a compact key of at least three characters, without computing it. */
const THREE_ALNUM = /[A-Za-z0-9][^]*[A-Za-z0-9][^]*[A-Za-z0-9]/;
/** Regions and their adjectives: never an organisation, whatever list entry bears the word. */
const REGIONS = new Set(['Asia', 'Asian', 'Europe', 'European', 'Africa', 'African', 'America', 'Americas', 'Middle East', 'Middle Eastern',
  'Eastern European', 'Southeast Asian', 'East Asia', 'Latin America', 'Oceania', 'Eurasia', 'Arab', 'Arabic', 'Western', 'Eastern', 'Northern', 'Southern']);

interface Token {
  start: number;
  end: number;
  text: string;
  cap: boolean;
  num: boolean;
}

/** Where a word may start after a non-ASCII character: a letter or digit of any script (tested on that character only). */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** The two word forms, anchored at a position: initials ("U.S.", "D.P.R.K.") and words. */
const INITIALS_AT = /(?:\p{Lu}\.){2,}/uy;
const WORD_AT = /#?[\p{L}\p{N}][\p{L}\p{N}\p{M}’'\-]*/uy;

/**
 * The words of a text, as the two patterns above (initials, else a word) find them from left to right, but
 * scanning ASCII by character code: the regular expression runs only where a word may hold initials or a character
 * outside ASCII (tokenizing is a good part of reading names, and most of a report is ASCII).
 */
function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let startsWord: boolean;
    if (c < 128) startsWord = isAsciiAlnum(c) || (c === 35 /* # */ && i + 1 < n && startsLetterOrDigit(text, i + 1));
    else startsWord = startsLetterOrDigit(text, i);
    if (!startsWord) {
      i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
      continue;
    }
    let end = -1;
    if (text.charCodeAt(i + 1) === 46 /* . */ || text.charCodeAt(i + 2) === 46) {
      INITIALS_AT.lastIndex = i;
      if (INITIALS_AT.test(text)) end = INITIALS_AT.lastIndex;
    }
    if (end < 0) end = wordEnd(text, i);
    push(out, text, i, end);
    i = end;
    if (out[out.length - 1] === PLAIN_WORD) {
      // After a word that ends a run, only a capitalised word opens the next: the words before it (lower case, digits)
      // change nothing in `spansOf`. Skipped up to the last white space before the next capital, "#" or character
      // outside ASCII (the word holding it is read whole, from its start); nothing after: the text's runs are done.
      NEXT_CAPITAL.lastIndex = i;
      const m = NEXT_CAPITAL.exec(text);
      if (!m) break;
      let r = m.index;
      while (r > i && !isWhite(text.charCodeAt(r - 1))) r--;
      i = r;
    }
  }
  return out;
}

/** What may open a capitalised token (with "#", which opens none, to stay on the safe side). */
const NEXT_CAPITAL = /[A-Z#\u0080-\uffff]/g;
/** ASCII white space: no word goes on past it. */
const isWhite = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

function startsLetterOrDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiAlnum(c);
  const cp = text.codePointAt(i)!;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
}

/** End of the word starting at `i`: ASCII letters, digits, apostrophes and hyphens by code; anything else by the pattern. */
function wordEnd(text: string, i: number): number {
  let j = text.charCodeAt(i) === 35 ? i + 2 : i + 1;
  for (; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (isAsciiAlnum(c) || c === 39 || c === 45 || c === 0x2019) continue;
    if (c < 128) return j;
    break;
  }
  if (j >= text.length) return j;
  WORD_AT.lastIndex = i;
  WORD_AT.test(text);
  return WORD_AT.lastIndex;
}

/** The characters of a short word as one number (-1 when one is not ASCII: no connector is then). */
function codeKey(text: string, start: number, end: number): number {
  let k = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c > 127) return -1;
    k = k * 128 + c;
  }
  return k * 4 + (end - start);
}
const CONNECTOR_CODES = new Set([...CONNECTORS].map((w) => codeKey(w, 0, w.length)));

/** Whether `push` would strip something from the word's end (a possessive, trailing apostrophes or hyphens). */
function strippable(text: string, start: number, end: number): boolean {
  const last = text.charCodeAt(end - 1);
  if (last === 0x2019 || last === 39 || last === 45) return true;
  if (last !== 115 || end - start < 2) return false;
  const prev = text.charCodeAt(end - 2);
  return prev === 0x2019 || prev === 39;
}

/** Stands for every lower-case word longer than any connector: such a word only ends a run, wherever it stands. */
const PLAIN_WORD: Token = { start: 0, end: 0, text: '', cap: false, num: false };
/** One stands for several in a row: a second one in a row changes nothing in `spansOf` (the run is already ended). */
function pushPlain(out: Token[]): void {
  if (out[out.length - 1] !== PLAIN_WORD) out.push(PLAIN_WORD);
}

function push(out: Token[], text: string, start: number, end: number): void {
  const first = text.charCodeAt(start);
  const lower = first >= 97 && first <= 122;
  if (lower && end - start > 3) {
    pushPlain(out);
    return;
  }
  // A short lower-case word that is no connector and has nothing to strip (most of them: "is", "a", "was") ends a run
  // whatever it is: told by character code, without making its string.
  if (lower && !strippable(text, start, end) && !CONNECTOR_CODES.has(codeKey(text, start, end))) {
    pushPlain(out);
    return;
  }
  let t = text.slice(start, end);
  // Strip a possessive and dangling apostrophes or hyphens: "Kim Won-hong’s" → "Kim Won-hong" (most words have neither: no pattern run).
  const last = t.charCodeAt(t.length - 1);
  if (last === 115 /* s */ || last === 0x2019 || last === 39 || last === 45) t = t.replace(/[’']s$/u, '').replace(/[’'\-]+$/u, '');
  if (!t) return;
  // A short lower-case word other than a connector ends a run as a long one does.
  if (lower && !CONNECTORS.has(t)) {
    pushPlain(out);
    return;
  }
  const c = t.charCodeAt(0);
  out.push({ start, end: start + t.length, text: t, cap: c >= 65 && c <= 90 ? true : c < 128 ? false : CAP_TOKEN.test(t), num: c <= 57 && /^#?\d+$/.test(t) });
}

/** Runs of capitalised words (with inner connectors and a trailing number: "Room 39"), and every shorter run inside each. */
export function nameCandidates(text: string): Candidate[] {
  return spansOf(text).spans.map(({ start, end, text: t, tokens, alone }) => ({ start, end, text: t, tokens, alone }));
}

/** A candidate with the number of its text among the document's distinct candidate texts. */
interface Span extends Candidate {
  id: number;
}

/** The candidates of a text, in text order, and their distinct texts (a span's `id` indexes `names`). */
function spansOf(text: string): { spans: Span[]; names: string[] } {
  const tokens = tokenize(text);
  const runs: Token[][] = [];
  let run: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = run[run.length - 1];
    if (prev && !joins(text, prev, t)) run = flush(run, runs);
    if (t.cap) run.push(t);
    else if (t.num && run.length && run[run.length - 1]!.cap) run.push(t);
    else if (run.length && t.text !== '' && CONNECTORS.has(t.text) && tokens[i + 1] && tokens[i + 1]!.cap) run.push(t);
    else if (run.length) run = flush(run, runs);
  }
  flush(run, runs);

  const spans: Span[] = [];
  const names: string[] = [];
  const ids = new Map<string, number>();
  for (const r of runs) {
    const { segment, others } = segments(r);
    for (let i = 0; i < r.length; i++) {
      const first = r[i]!;
      if (!first.cap) continue;
      // "The Korean Workers Party": a name does not start with an article or a sentence opener.
      if (STOP.has(first.text) && i + 1 < r.length) continue;
      // Alone within its part of the run: "Treasury" in "Treasury and State" is a name by itself.
      const alone = others[segment[i]!]! - (significant(first) ? 1 : 0) === 0;
      for (let j = i; j < r.length && j - i < MAX_TOKENS; j++) {
        const last = r[j]!;
        if (!last.cap && !last.num) continue;
        const start = first.start;
        const end = last.end;
        // One token: its text is the surface (a token ends where its text does).
        const surface = j === i ? first.text : text.slice(start, end);
        if (j === i && (STOP.has(surface) || surface.length < 2)) continue;
        let id = ids.get(surface);
        if (id === undefined) {
          id = names.length;
          names.push(surface);
          ids.set(surface, id);
        }
        spans.push({ start, end, text: surface, tokens: j - i + 1, alone: j === i && alone, id });
      }
    }
  }
  return { spans, names };
}

/** Ends a run: its trailing connectors dropped, kept when anything is left; returns a new empty run. */
function flush(run: Token[], runs: Token[][]): Token[] {
  while (run.length && !run[run.length - 1]!.cap && !run[run.length - 1]!.num) run.pop();
  if (run.length) runs.push(run);
  return [];
}

/** One space between two words of a run, or a possessive and a space after a capitalised word ("Korea’s Ministry"). */
function joins(text: string, prev: Token, t: Token): boolean {
  const gap = t.start - prev.end;
  const c = text.charCodeAt(prev.end);
  if (gap === 1) return c === 32 || c === 0xa0;
  if (!prev.cap || (c !== 0x2019 && c !== 39)) return false;
  if (gap === 2) return text.charCodeAt(prev.end + 1) === 32;
  return gap === 3 && text.charCodeAt(prev.end + 1) === 115 && text.charCodeAt(prev.end + 2) === 32;
}

const significant = (t: Token) => !STOP.has(t.text) && !CONNECTORS.has(t.text);

/**
 * The parts of a run between its "and"/"or" (each token's part), and how many
 * tokens of each part are neither sentence openers nor connectors: computed
 * once per run, so a long run of capitals costs its length, not its square.
 */
function segments(run: readonly Token[]): { segment: number[]; others: number[] } {
  const segment: number[] = [];
  const others: number[] = [0];
  for (const t of run) {
    if (t.text === 'and' || t.text === 'or') {
      segment.push(others.length - 1);
      others.push(0);
      continue;
    }
    segment.push(others.length - 1);
    if (significant(t)) others[others.length - 1]! += 1;
  }
  return { segment, others };
}

const SCHEMA_TYPE: Readonly<Record<string, 'person' | 'organization'>> = {
  Person: 'person', Organization: 'organization', Company: 'organization', PublicBody: 'organization', LegalEntity: 'organization',
};

export interface EntityMentionOptions {
  /** Lowest resolver score that makes a mention (default 0.9). */
  threshold?: number;
}

/** Finds person and organisation mentions that the resolver ties to graph entities. */
export async function findEntityMentions(text: string, resolver: EntityResolver, options: EntityMentionOptions = {}): Promise<Mention[]> {
  const threshold = options.threshold ?? 0.9;
  // Without a graph to resolve against there is nothing to find: no candidates built.
  if (resolver === NO_ENTITIES) return [];
  const { spans: candidates, names } = spansOf(text);
  /** What each distinct candidate text resolved to, when it makes a mention (by the text's id). */
  const byId: (ResolvedEntity | undefined)[] = new Array(names.length);
  const lowered = lowerCaseLookup(text);
  /** Whether lower-casing changes the text (asked only of names that resolved: lower-casing a whole text costs). */
  let changesCase: boolean | undefined;
  const accepts = (name: string, r: ResolvedEntity | null): r is ResolvedEntity => {
    if (!r || !SCHEMA_TYPE[r.schema]) return false;
    // One word ("MSS", "Mansudae") must be one of the entity's names exactly; a longer name may be a variant.
    const oneWord = !/[\s\u00a0]/.test(name);
    if (!(oneWord ? r.exact === true : r.score >= threshold || r.exact === true)) return false;
    // "Labor training camps", "Human Rights": a capitalised common phrase that the same text also writes in lower case.
    if (!/^[\p{Lu}\p{N}.&\- ]+$/u.test(name) && (changesCase ??= /[A-Z]/.test(text) || text.toLowerCase() !== text) && lowered.has(name.toLowerCase())) return false;
    return countryCode(name) === null;
  };

  // Longest candidates first, one length at a time: a candidate inside a longer one that already made a mention
  // ("Human Rights" inside "European Alliance for Human Rights in North Korea") is not sent to the matcher.
  // (Bucketed by length, each bucket in text order: what a stable sort by length gives, without sorting.)
  const byLength: Span[][] = [];
  for (const c of candidates) (byLength[c.tokens] ??= []).push(c);
  const reach = new Int32Array(text.length + 1);
  const asked = new Uint8Array(names.length);
  for (let len = byLength.length - 1; len > 0; len--) {
    const level = byLength[len];
    if (!level) continue;
    const ask: string[] = [];
    const askIds: number[] = [];
    for (const c of level) {
      if (asked[c.id] || reach[c.start]! >= c.end) continue;
      asked[c.id] = 1;
      if (!never(c.text)) {
        ask.push(c.text);
        askIds.push(c.id);
      }
    }
    if (ask.length) {
      const answers = await resolver.resolveMany(ask, { threshold });
      for (let k = 0; k < ask.length; k++) {
        const r = answers[k] ?? null;
        if (accepts(ask[k]!, r)) byId[askIds[k]!] = r;
      }
    }
    for (const c of level) {
      if (!byId[c.id]) continue;
      for (let p = c.start; p < c.end; p++) if (reach[p]! < c.end) reach[p] = c.end;
    }
  }

  // Best score first (a name ahead of "Korea’s Ministry of State Security"), then the longest.
  const rank = (c: Span) => Math.round(byId[c.id]!.score * 50);
  const resolved = candidates
    .filter((c) => byId[c.id] !== undefined)
    .sort((a, b) => rank(b) - rank(a) || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Mention[] = [];
  const taken = new Occupancy(text.length);
  const resolvedStarts = new Set(resolved.map((o) => o.start));
  for (const c of resolved) {
    if (!taken.isFree(c.start, c.end)) continue;
    // "Ministry of Labor" in "Qatari Ministry of Labor and Social Affairs": the start of another body's longer name
    // (but not "State Planning Commission and Ministry of Labor", two names side by side).
    const cont = /^[ \u00a0]+(?:and|of|for)[ \u00a0]+(?=\p{Lu})/u.exec(text.slice(c.end, c.end + 12));
    if (c.tokens >= 2 && cont && !resolvedStarts.has(c.end + cont[0].length)) continue;
    taken.take(c.start, c.end);
    const r = byId[c.id]!;
    kept.push({ type: SCHEMA_TYPE[r.schema]!, text: c.text, start: c.start, end: c.end, entity_id: r.entityId, country: null, caption: r.caption, score: r.score });
  }
  kept.sort((a, b) => a.start - b.start);
  return [...kept, ...familyNameMentions(text, candidates, names.length, kept, lowered)].sort((a, b) => a.start - b.start);
}

/** Names that make no mention whatever the graph says: not sent to the matcher. */
function never(name: string): boolean {
  return REGIONS.has(name) || (!THREE_ALNUM.test(name) && compactKey(name).length <= 2) ||
    // A country's name is a country mention, whatever list entry carries it as an alias (the full look-up follows resolution).
    isCountrySurface(name);
}

/** Words that do not tell one organisation from another. */
const GENERIC = new Set(['department', 'ministry', 'office', 'bureau', 'commission', 'council', 'committee', 'group', 'company', 'companies',
  'corporation', 'security', 'state', 'party', 'general', 'national', 'international', 'central', 'government', 'of', 'the', 'and', 'for',
  'korea', 'korean', 'north', 'south', 'people', 'peoples', 'people’s', 'united', 'states', 'us', 'u', 's', 'u.s.', 'u.n.', 'u.k.', 'un',
  'trading', 'construction', 'foreign', 'human', 'rights', 'workers', 'workers’', 'worker’s', 'european', 'asia', 'asian', 'international']);

const words = (s: string) => s.toLowerCase().split(/[\s\u00a0]+/).map((w) => w.replace(/[’']s$/u, '')).filter(Boolean);

/**
 * Short references to an entity the document names in full elsewhere:
 * a person's family name alone ("Thae" for Thae Yong-ho, "Tillerson" for Rex
 * Tillerson, "Jo" for Jo Yong-won) and part of an organisation's name
 * ("Treasury" for the U.S. Treasury Department), when exactly one entity of
 * the document fits and the words are not generic ones.
 */
function familyNameMentions(text: string, candidates: readonly Span[], distinct: number, kept: readonly Mention[], lowered: LowerCaseLookup): Mention[] {
  const full = kept.filter((m) => /[\s\u00a0]/.test(m.text));
  if (!full.length) return [];
  const forms = new Map<string, Mention[]>();
  const addForm = (form: string, m: Mention) => {
    const ws = form.split(' ');
    if (CONNECTORS.has(ws[0]!) || CONNECTORS.has(ws[ws.length - 1]!)) return;
    const list = forms.get(form) ?? [];
    if (!list.some((x) => x.entity_id === m.entity_id)) list.push(m);
    forms.set(form, list);
  };
  // A name the document repeats gives the same forms each time: each mention's fields once (the first keeps its place).
  const seen = new Set<string>();
  for (const m of full) {
    const key = `${m.type}\u0000${m.entity_id}\u0000${m.text}\u0000${m.caption}\u0000${m.score}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const name of [m.text, m.caption ?? '']) {
      const w = words(name);
      if (w.length < 2) continue;
      if (m.type === 'person') {
        addForm(w[0]!, m);
        for (let i = 1; i < w.length; i++) addForm(w.slice(i).join(' '), m);
      } else {
        for (let i = 0; i < w.length; i++) for (let j = i + 1; j <= w.length; j++) if (j - i < w.length) addForm(w.slice(i, j).join(' '), m);
      }
    }
  }
  const out: Mention[] = [];
  const taken = new Occupancy(text.length);
  for (const k of kept) taken.take(k.start, k.end);
  /** Each distinct candidate's one owner, or null (the tests that do not depend on where it stands, made once per text). */
  const ownerOf: (Mention | null | undefined)[] = new Array(distinct);
  const soleOwner = (id: number, name: string): Mention | null => {
    let owner = ownerOf[id];
    if (owner === undefined) {
      const w = words(name);
      const owners = forms.get(w.join(' '));
      owner = owners?.length === 1 && !REGIONS.has(name) && !w.every((x) => GENERIC.has(x)) && countryCode(name.replace(/[’']s$/u, '')) === null &&
        !lowered.has(name.toLowerCase()) ? owners[0]! : null;
      ownerOf[id] = owner;
    }
    return owner;
  };
  for (const c of candidates) {
    if (c.tokens > 3 || STOP.has(c.text)) continue;
    if (c.tokens === 1 && !c.alone) continue;
    if (!taken.isFree(c.start, c.end)) continue;
    const owner = soleOwner(c.id, c.text);
    if (!owner) continue;
    taken.take(c.start, c.end);
    out.push({ type: owner.type, text: c.text, start: c.start, end: c.end, entity_id: owner.entity_id, country: null, caption: owner.caption ?? null, score: owner.score ?? null });
  }
  return out;
}
