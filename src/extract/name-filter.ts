/**
 * A first pass before the matcher scores a candidate name (issue 17: speed
 * with entity resolution). A mention needs a close match: a one-word name
 * must be, letter for letter, one of an entity's names; a longer name must
 * share every word with one name in the graph (the same word keys the
 * matcher looks up: exact, one letter off, or two neighbouring words joined,
 * "Won Hong" → wonhong). Candidates that cannot pass — most runs of
 * capitalised words in a report ("Black Hills", "Continue Reading", "The
 * Outlaw Ocean Project") — are dropped without being scored. Word answers are
 * remembered across documents.
 */
import { deletions, type MatchIndex } from '../match/candidate-index.ts';
import { nameWordKeys, normalizeName, rewriteOrgPhrases } from '../names/index.ts';
import { compactKey } from '../names/normalize.ts';

/** Remembered word answers; cleared past this many so a long-running server's memory stays bounded. */
const MEMO_LIMIT = 100_000;
/** Words of this many graph names or more ("Korea", "Company") do not narrow anything: skipped in the intersection. */
const COMMON = 400;
/** ASCII letters and digits in words one space apart: normalising only lower-cases them, one word each. */
const PLAIN_WORDS = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;
const CONNECTOR = /^(?:of|for|the|and|de|on|in|du|van|von|al|bin|&)$/i;


export class NameFilter {
  private readonly keySlots = new Map<string, readonly number[] | null>();
  private readonly wordSlots = new Map<string, readonly number[] | null>();
  private readonly exact = new Set<string>();

  constructor(private readonly index: MatchIndex) {
    for (const n of index.names) this.exact.add(compactKey(n.prepared.original));
  }

  /** Could the matcher resolve this name closely enough to make a mention? */
  mayMatch(name: string): boolean {
    const words = name.split(/[\s\u00a0]+/).filter((w) => w && !CONNECTOR.test(w));
    if (words.length === 0) return false;
    if (words.length === 1) return this.exact.has(compactKey(words[0]!));
    // Word by word first (each word prepared once and remembered): most names stop here.
    const units: (readonly number[])[] = [];
    for (let i = 0; i < words.length; i++) {
      const own = this.slotsOfWord(words[i]!);
      if (own) {
        units.push(own);
        continue;
      }
      const joined = i + 1 < words.length ? this.slotsOfWord(words[i]! + words[i + 1]!) : null;
      if (!joined) return false;
      units.push(joined);
      i++;
    }
    if (intersects(units)) return true;
    // Then as the matcher prepares the whole name ("North Korea" in an organisation's name is one country word).
    const normalized = normalizeName(name);
    // Plain words that no phrase of an organisation's name joins give the whole name the words seen above, each with
    // at most the slots found above: what failed word by word fails again.
    if (PLAIN_WORDS.test(name) && rewriteOrgPhrases(normalized) === normalized) return false;
    return (['org', 'person'] as const).some((kind) => {
      const keys = nameWordKeys(name, kind, normalized).filter((k) => k !== '');
      const slots = keys.map((k) => this.slotsOfKey(k));
      return keys.length > 0 && slots.every((u): u is readonly number[] => u !== null) && intersects(slots);
    });
  }

  /** Empties the remembered answers (the benchmark measures a first reading). */
  forget(): void {
    this.keySlots.clear();
    this.wordSlots.clear();
  }

  /** Name slots holding one word of a name, as a person's or an organisation's word; null when none. */
  private slotsOfWord(word: string): readonly number[] | null {
    const hit = this.wordSlots.get(word);
    if (hit !== undefined) return hit;
    const found = new Set<number>();
    let keys = 0;
    const normalized = normalizeName(word);
    for (const kind of ['person', 'org'] as const) {
      for (const key of nameWordKeys(word, kind, normalized)) {
        if (!key) continue;
        keys++;
        for (const slot of this.slotsOfKey(key) ?? []) found.add(slot);
      }
    }
    // A word that is no word of a name at all (a stop word) narrows nothing: every slot.
    const out = keys === 0 ? ALL : found.size ? [...found] : null;
    remember(this.wordSlots, word, out);
    return out;
  }

  /** Name slots holding this word key, exactly or one letter off; null when none does. */
  private slotsOfKey(key: string): readonly number[] | null {
    const hit = this.keySlots.get(key);
    if (hit !== undefined) return hit;
    const found = new Set<number>(this.index.lookup(key));
    if (key.length >= 5) {
      for (const s of this.index.lookupDeletion(key)) found.add(s);
      for (const d of deletions(key)) {
        for (const s of this.index.lookup(d)) found.add(s);
        for (const s of this.index.lookupDeletion(d)) found.add(s);
      }
    }
    const out = found.size ? [...found] : null;
    remember(this.keySlots, key, out);
    return out;
  }
}

/** Stands for "any name": a word that does not narrow the search. */
const ALL: readonly number[] = [];

function remember<V>(memo: Map<string, V>, key: string, value: V): void {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
}

/** One name slot common to every unit (words found in thousands of names, and stop words, are left out: they narrow nothing). */
function intersects(units: readonly (readonly number[])[]): boolean {
  const narrow = units.filter((u) => u !== ALL && u.length < COMMON).sort((a, b) => a.length - b.length);
  if (narrow.length === 0) return true;
  let common = new Set(narrow[0]);
  for (const u of narrow.slice(1)) {
    const next = new Set<number>();
    for (const slot of u) if (common.has(slot)) next.add(slot);
    common = next;
    if (common.size === 0) return false;
  }
  return true;
}
