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
import { lowerCaseLookup, type LowerCaseLookup } from './lower-case.ts';
import { CONNECTORS, tokenize, type Token } from './name-tokens.ts';
import { NameFilter, RunWords } from './name-filter.ts';
import { NO_ENTITIES, type EntityResolver, type Mention, type ResolvedEntity } from './types.ts';

export interface Candidate {
  start: number;
  end: number;
  text: string;
  tokens: number;
  /** A single word whose run holds nothing else but titles and sentence openers ("General Kim", "Thae"). */
  alone: boolean;
}

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

/** Runs of capitalised words (with inner connectors and a trailing number: "Room 39"), and every shorter run inside each. */
export function nameCandidates(text: string): Candidate[] {
  return spansOf(text).spans.map(({ start, end, text: t, tokens, alone }) => ({ start, end, text: t, tokens, alone }));
}

/** A candidate with the number of its text among the document's distinct candidate texts. */
interface Span extends Candidate {
  id: number;
  /** The words of its run of two words or more, with a name filter (`NameFilter.rejectsRun`), and its first and last token in that run. */
  run: RunWords | null;
  from: number;
  to: number;
}

/**
 * The candidates of a text, in text order, and their distinct texts (a span's `id` indexes `names`); with a name
 * filter, each run's words as the filter reads them.
 */
function spansOf(text: string, filter: NameFilter | null = null): { spans: Span[]; names: string[] } {
  const runs = capitalRuns(text);
  const spans: Span[] = [];
  const names: string[] = [];
  const ids = new Map<string, number>();
  for (const r of runs) {
    // (A run of one word is alone in it: no parts to count.)
    const parts = r.length > 1 ? segments(r) : null;
    // (A one-word candidate is asked of the filter by its text alone: `rejectsWord`.)
    const words = filter && r.length > 1 ? runWords(text, r) : null;
    for (let i = 0; i < r.length; i++) {
      const first = r[i]!;
      if (!first.cap) continue;
      // "The Korean Workers Party": a name does not start with an article or a sentence opener.
      if (STOP.has(first.text) && i + 1 < r.length) continue;
      // Alone within its part of the run: "Treasury" in "Treasury and State" is a name by itself.
      const alone = parts === null || parts.others[parts.segment[i]!]! - (significant(first) ? 1 : 0) === 0;
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
        spans.push({ start, end, text: surface, tokens: j - i + 1, alone: j === i && alone, id, run: words, from: i, to: j });
      }
    }
  }
  return { spans, names };
}

/**
 * The runs of capitalised words of a text (with inner connectors and a trailing number), each as its tokens, in text
 * order (exported for tests).
 */
export function capitalRuns(text: string): Token[][] {
  const tokens = tokenize(text);
  const runs: Token[][] = [];
  // The run being read: tokens[from] to tokens[from + length - 1] (a run is always consecutive tokens: a token left out
  // ends it), copied out when it ends (one array of its own size, where an array grown token by token took 17 places).
  let from = 0;
  let length = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (length && !joins(text, tokens[from + length - 1]!, t)) length = flush(tokens, from, length, runs);
    if (t.cap || (t.num && length && tokens[from + length - 1]!.cap) || (length && t.text !== '' && CONNECTORS.has(t.text) && tokens[i + 1] && tokens[i + 1]!.cap)) {
      if (length === 0) from = i;
      length++;
    } else if (length) length = flush(tokens, from, length, runs);
  }
  flush(tokens, from, length, runs);
  return runs;
}

/**
 * A run's words as splitting its candidates' names at spaces gives them: a word followed by another of the candidate
 * runs up to the space before it (a possessive kept: `joins`), a candidate's last word is its token.
 */
function runWords(text: string, run: readonly Token[]): RunWords {
  // (Arrays made at their size: grown word by word, each took 17 places.)
  const inner = new Array<string>(run.length - 1);
  const last = new Array<string>(run.length);
  for (let k = 0; k < run.length; k++) {
    const t = run[k]!;
    last[k] = t.text;
    const next = run[k + 1];
    if (next) inner[k] = next.start - 1 === t.end ? t.text : text.slice(t.start, next.start - 1);
  }
  return new RunWords(inner, last);
}

/** Ends the run of `length` tokens from `from`: its trailing connectors dropped, kept when anything is left; returns 0 (the new run's length). */
function flush(tokens: readonly Token[], from: number, length: number, runs: Token[][]): number {
  while (length && !tokens[from + length - 1]!.cap && !tokens[from + length - 1]!.num) length--;
  if (length) runs.push(tokens.slice(from, from + length));
  return 0;
}

/** One space between two words of a run, or a possessive and a space after a capitalised word ("Korea’s Ministry"). Exported for tests. */
export function joins(text: string, prev: Token, t: Token): boolean {
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
  const segment = new Array<number>(run.length);
  const others: number[] = [0];
  for (let k = 0; k < run.length; k++) {
    const t = run[k]!;
    segment[k] = others.length - 1;
    if (t.text === 'and' || t.text === 'or') others.push(0);
    else if (significant(t)) others[others.length - 1]! += 1;
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
  // The resolver's name filter, when it shows it, rejects most candidates from their run's words: those are not sent.
  const filter = resolver instanceof Object && 'nameFilter' in resolver && resolver.nameFilter instanceof NameFilter ? resolver.nameFilter : null;
  const { spans: candidates, names } = spansOf(text, filter);
  /** What each distinct candidate text resolved to, when it makes a mention (by the text's id). */
  const byId: (ResolvedEntity | undefined)[] = new Array(names.length);
  const lowered = lowerCaseLookup(text);
  const acceptance: Acceptance = { text, threshold, lowered, changesCase: undefined };

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
      if (filter && (c.tokens === 1 ? filter.rejectsWord(c.text) : filter.rejectsRun(c.run!, c.from, c.to, c.text))) continue;
      if (!never(c.text)) {
        ask.push(c.text);
        askIds.push(c.id);
      }
    }
    if (ask.length) {
      const answers = await resolver.resolveMany(ask, { threshold });
      for (let k = 0; k < ask.length; k++) {
        const r = answers[k] ?? null;
        if (accepts(acceptance, ask[k]!, r)) byId[askIds[k]!] = r;
      }
    }
    for (const c of level) {
      if (!byId[c.id]) continue;
      for (let p = c.start; p < c.end; p++) if (reach[p]! < c.end) reach[p] = c.end;
    }
  }

  // Best score first (a name ahead of "Korea’s Ministry of State Security"), then the longest.
  const resolved = candidates
    .filter((c) => byId[c.id] !== undefined)
    .sort((a, b) => rank(byId, b) - rank(byId, a) || b.end - b.start - (a.end - a.start) || a.start - b.start);
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

/** What `accepts` reads of the text being read (a record, not a closure made per text: tsx names each closure at its making). */
interface Acceptance {
  text: string;
  threshold: number;
  lowered: LowerCaseLookup;
  /** Whether lower-casing changes the text (asked only of names that resolved: lower-casing a whole text costs). */
  changesCase: boolean | undefined;
}

/** Whether a candidate's answer makes a mention. */
function accepts(a: Acceptance, name: string, r: ResolvedEntity | null): r is ResolvedEntity {
  if (!r || !SCHEMA_TYPE[r.schema]) return false;
  // One word ("MSS", "Mansudae") must be one of the entity's names exactly; a longer name may be a variant.
  const oneWord = !WHITE.test(name);
  if (!(oneWord ? r.exact === true : r.score >= a.threshold || r.exact === true)) return false;
  // "Labor training camps", "Human Rights": a capitalised common phrase that the same text also writes in lower case.
  if (!CAPITALS_ONLY.test(name) && (a.changesCase ??= /[A-Z]/.test(a.text) || a.text.toLowerCase() !== a.text) && a.lowered.has(name.toLowerCase())) return false;
  return countryCode(name) === null;
}
const CAPITALS_ONLY = /^[\p{Lu}\p{N}.&\- ]+$/u;

/** A resolved candidate's score in fiftieths: the order of mentions. */
function rank(byId: readonly (ResolvedEntity | undefined)[], c: Span): number {
  return Math.round(byId[c.id]!.score * 50);
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

/** `words(name)[0]` when the name's first word is not empty ("’s" alone is); null for any other name. Exported for tests. */
export function firstWord(name: string): string | null {
  const space = name.search(WHITE);
  const w = (space < 0 ? name : name.slice(0, space)).toLowerCase();
  const n = w.length;
  const first = n >= 2 && w.charCodeAt(n - 1) === 115 && (w.charCodeAt(n - 2) === 0x2019 || w.charCodeAt(n - 2) === 39) ? w.slice(0, -2) : w;
  return first === '' ? null : first;
}
const WHITE = /[\s\u00a0]/;

/** The lower-case words of a name, possessives dropped: what short references compare (exported for tests). */
export const words = (s: string): string[] => s.toLowerCase().split(/[\s\u00a0]+/).map((w) => w.replace(/[’']s$/u, '')).filter(Boolean);

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
  const refs = new ShortForms(distinct, lowered);
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
        refs.addForm(w[0]!, m);
        for (let i = 1; i < w.length; i++) refs.addForm(w.slice(i).join(' '), m);
      } else {
        for (let i = 0; i < w.length; i++) for (let j = i + 1; j <= w.length; j++) if (j - i < w.length) refs.addForm(w.slice(i, j).join(' '), m);
      }
    }
  }
  const out: Mention[] = [];
  const taken = new Occupancy(text.length);
  for (const k of kept) taken.take(k.start, k.end);
  for (const c of candidates) {
    if (c.tokens > 3 || STOP.has(c.text)) continue;
    if (c.tokens === 1 && !c.alone) continue;
    if (!taken.isFree(c.start, c.end)) continue;
    const owner = refs.soleOwner(c.id, c.text);
    if (!owner) continue;
    taken.take(c.start, c.end);
    out.push({ type: owner.type, text: c.text, start: c.start, end: c.end, entity_id: owner.entity_id, country: null, caption: owner.caption ?? null, score: owner.score ?? null });
  }
  return out;
}

/**
 * The short forms of a text's full names and who owns each (a class rather than closures made per text: tsx names
 * each closure at its making, which costs more than the call).
 */
class ShortForms {
  private readonly forms = new Map<string, Mention[]>();
  /** The first word of every form: a name whose first word is none of them is no form (told without splitting it). */
  private readonly heads = new Set<string>();
  /** Each distinct candidate's one owner, or null (the tests that do not depend on where it stands, made once per text). */
  private readonly ownerOf: (Mention | null | undefined)[];

  constructor(distinct: number, private readonly lowered: LowerCaseLookup) {
    this.ownerOf = new Array(distinct);
  }

  addForm(form: string, m: Mention): void {
    const ws = form.split(' ');
    if (CONNECTORS.has(ws[0]!) || CONNECTORS.has(ws[ws.length - 1]!)) return;
    const list = this.forms.get(form) ?? [];
    if (!list.some((x) => x.entity_id === m.entity_id)) list.push(m);
    this.forms.set(form, list);
    this.heads.add(ws[0]!);
  }

  private mayOpenForm(name: string): boolean {
    const first = firstWord(name);
    return first === null || this.heads.has(first);
  }

  soleOwner(id: number, name: string): Mention | null {
    let owner = this.ownerOf[id];
    if (owner === undefined && !this.mayOpenForm(name)) owner = this.ownerOf[id] = null;
    if (owner === undefined) {
      const w = words(name);
      const owners = this.forms.get(w.join(' '));
      owner = owners?.length === 1 && !REGIONS.has(name) && !w.every((x) => GENERIC.has(x)) && countryCode(name.replace(/[’']s$/u, '')) === null &&
        !this.lowered.has(name.toLowerCase()) ? owners[0]! : null;
      this.ownerOf[id] = owner;
    }
    return owner;
  }
}
