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
import { blockingKeys, deletions, type MatchIndex } from '../match/candidate-index.ts';
import { expandWord, koreanKey, nameWordKeys, normalizeName, orgWordClass, personWordClass, rewriteOrgPhrases } from '../names/index.ts';
import { compactKey } from '../names/normalize.ts';
import { COUNTRY_KEY } from '../names/tokens.ts';

/** Remembered word answers; cleared past this many so a long-running server's memory stays bounded. */
const MEMO_LIMIT = 100_000;
/** Words of this many graph names or more ("Korea", "Company") do not narrow anything: skipped in the intersection. */
const COMMON = 400;
/** ASCII letters and digits in words one space apart: normalising only lower-cases them, one word each. */
const PLAIN_WORDS = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;
const ALNUM = /^[A-Za-z0-9]+$/;
const CONNECTOR = /^(?:of|for|the|and|de|on|in|du|van|von|al|bin|&)$/i;

/** White space other than a space or a no-break space (a candidate from a text has none). */
const OTHER_SPACE = /[\t-\r\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/** The words of a name other than connectors (split at white space). */
function wordsOf(name: string): string[] {
  if (OTHER_SPACE.test(name)) return name.split(/[\s\u00a0]+/).filter((w) => w && !CONNECTOR.test(w));
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i <= name.length; i++) {
    const c = i < name.length ? name.charCodeAt(i) : 32;
    if (c !== 32 && c !== 0xa0) continue;
    // A connector has at most three characters ("of", "and", "&").
    if (i > from && (i - from > 3 || !CONNECTOR.test(name.slice(from, i)))) out.push(name.slice(from, i));
    from = i + 1;
  }
  return out;
}

/**
 * The words of one run of capitalised words of a text (entities.ts), for `NameFilter.rejectsRun`: each word as it
 * stands inside a candidate (`inner`: with its possessive, "Korea’s"; none for the run's last word) and at a
 * candidate's end (`last`: without it), and whether each is a connector that `mayMatch` leaves out.
 */
export class RunWords {
  readonly innerConnector: boolean[];
  readonly lastConnector: boolean[];
  constructor(readonly inner: readonly string[], readonly last: readonly string[]) {
    this.innerConnector = inner.map(isConnector);
    this.lastConnector = last.map(isConnector);
  }
}

/** A connector `wordsOf` leaves out (one has at most three characters). */
const isConnector = (w: string): boolean => w.length <= 3 && CONNECTOR.test(w);

/** A set of name slots, one bit each, with its size: unions and intersections cost the graph's size over 32, not a hash set's. */
interface Slots { readonly bits: Uint32Array; readonly size: number }

export class NameFilter {
  private readonly keySlots = new Map<string, Slots | null>();
  private readonly wordSlots = new Map<string, Slots | null>();
  private readonly exact = new Set<string>();
  /** Words of a bit set. */
  private readonly width: number;
  /** Scratch for intersections. */
  private readonly common: Uint32Array;
  /** Stands for "any name": a word that does not narrow the search (compared by identity). */
  private readonly all: Slots;

  /** Hashes of every key the index files a name under (word keys, joins, one-letter deletions): most keys of a report's words are none of them. */
  private readonly filed: FiledHashes;
  /** What `rejectsRun` and `rejectsWord` said of each name (emptied by `forget`, with the words). */
  private readonly rejections = new Map<string, boolean>();
  /** Names `rejectsRun` or `rejectsWord` found `mayMatch` true for (its word-by-word step passed): not asked again. */
  private readonly passes = new Set<string>();
  /** Scratch: the units of `rejectsRun`. */
  private readonly units: Slots[] = [];
  /** Scratch: suffix hashes of a key. */
  private suffix = new Int32Array(64);
  /** Where new bit sets are cut from (see `bitSet`). */
  private slab = new Uint32Array(0);
  private slabUsed = 0;

  constructor(private readonly index: MatchIndex) {
    const filed: number[] = [];
    for (const n of index.names) {
      this.exact.add(compactKey(n.prepared.original));
      for (const k of blockingKeys(n.prepared)) filed.push(hashOf(k));
      for (const t of n.prepared.tokens) if (t.cls !== 'stop') for (const d of deletions(t.key)) filed.push(hashOf(d));
    }
    this.filed = new FiledHashes(filed);
    this.width = (index.names.length + 31) >>> 5;
    this.common = new Uint32Array(this.width);
    this.all = { bits: new Uint32Array(this.width), size: 0 };
  }

  /** Could the matcher resolve this name closely enough to make a mention? */
  mayMatch(name: string): boolean {
    if (this.passes.has(name)) return true;
    const words = wordsOf(name);
    if (words.length === 0) return false;
    if (words.length === 1) return this.exactWord(words[0]!);
    // Word by word first (each word prepared once and remembered): most names stop here.
    const units: Slots[] = [];
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
    if (this.intersects(units)) return true;
    // Then as the matcher prepares the whole name ("North Korea" in an organisation's name is one country word).
    const normalized = normalizeName(name);
    // Plain words that no phrase of an organisation's name joins give the whole name the words seen above, each with
    // at most the slots found above: what failed word by word fails again.
    if (PLAIN_WORDS.test(name) && rewriteOrgPhrases(normalized) === normalized) return false;
    return (['org', 'person'] as const).some((kind) => {
      const keys = nameWordKeys(name, kind, normalized).filter((k) => k !== '');
      const slots = keys.map((k) => this.slotsOfKey(k));
      return keys.length > 0 && slots.every((u): u is Slots => u !== null) && this.intersects(slots);
    });
  }

  /**
   * True when `mayMatch(name)` is false for sure, `name` being the candidate made of the words `from`..`to` of a run
   * (`run.inner` up to `to` - 1, then `run.last[to]`, one space or no-break space apart: what splitting the name gives),
   * told from the run's words without splitting the name: `mayMatch`'s steps in its order (no word left after
   * connectors; one word that is no exact name; a word with no slots that no join with the next word rescues; no slot
   * common to the words, and plain words that no phrase of an organisation's name joins). False: ask `mayMatch`.
   */
  rejectsRun(run: RunWords, from: number, to: number, name: string): boolean {
    // What it said of this name before (a pure function of the name: the run's words are the name's words).
    const known = this.rejections.get(name);
    if (known !== undefined) return known;
    const out = this.rejectsWords(run, from, to, name);
    remember(this.rejections, name, out);
    return out;
  }

  private rejectsWords(run: RunWords, from: number, to: number, name: string): boolean {
    let count = 0;
    let only = '';
    for (let k = from; k <= to; k++) {
      if (k === to ? run.lastConnector[k] : run.innerConnector[k]) continue;
      if (count++ === 0) only = k === to ? run.last[k]! : run.inner[k]!;
    }
    if (count === 0) return true;
    if (count === 1) return !this.passWhen(this.exactWord(only), name);
    // Word by word as `mayMatch` goes: a word without slots of its own is joined with the next word (both consumed).
    const units = this.units;
    units.length = 0;
    let pending: string | null = null;
    for (let k = from; k <= to; k++) {
      if (k === to ? run.lastConnector[k] : run.innerConnector[k]) continue;
      const word = k === to ? run.last[k]! : run.inner[k]!;
      let slots: Slots | null;
      if (pending !== null) {
        if (!(slots = this.slotsOfWord(pending + word))) return true;
        pending = null;
      } else if (!(slots = this.slotsOfWord(word))) {
        pending = word;
        continue;
      }
      units.push(slots);
    }
    if (pending !== null) return true;
    if (this.passWhen(this.intersects(units), name)) return false;
    if (!PLAIN_WORDS.test(name)) return false;
    const normalized = normalizeName(name);
    return rewriteOrgPhrases(normalized) === normalized;
  }

  /** `rejectsRun` of a candidate of one word, `word` (its name). */
  rejectsWord(word: string): boolean {
    let out = this.rejections.get(word);
    if (out === undefined) remember(this.rejections, word, (out = isConnector(word) || !this.passWhen(this.exactWord(word), word)));
    return out;
  }

  /** Notes that `mayMatch(name)` is true when `passed` is (for `mayMatch` to answer at once); returns `passed`. */
  private passWhen(passed: boolean, name: string): boolean {
    if (passed) {
      if (this.passes.size >= MEMO_LIMIT) this.passes.clear();
      this.passes.add(name);
    }
    return passed;
  }

  /** A one-word name's test: one of the graph's names letter for letter (ASCII letters and digits: its compact key is the word lower-cased). */
  private exactWord(word: string): boolean {
    return this.exact.has(ALNUM.test(word) ? word.toLowerCase() : compactKey(word));
  }

  /** Empties the remembered answers (the benchmark measures a first reading). */
  forget(): void {
    this.keySlots.clear();
    this.wordSlots.clear();
    this.rejections.clear();
    this.passes.clear();
  }

  /** Name slots holding one word of a name, as a person's or an organisation's word; null when none. */
  private slotsOfWord(word: string): Slots | null {
    const hit = this.wordSlots.get(word);
    if (hit !== undefined) return hit;
    let keys: string[];
    const normalized = normalizeName(word);
    if (normalized.includes(' ')) keys = [...nameWordKeys(word, 'person', normalized), ...nameWordKeys(word, 'org', normalized)];
    else if (normalized === '') keys = [];
    else {
      // One normalised word: the keys `nameWordKeys` gives it, without its phrase rewrites (each needs two words).
      keys = [];
      const own = personWordClass(normalized) !== 'stop' ? koreanKey(normalized) : null;
      if (own !== null) keys.push(own);
      const text = expandWord(normalized);
      const cls = orgWordClass(text);
      if (cls !== 'stop') keys.push(cls === 'country' ? COUNTRY_KEY : text === normalized && own !== null ? own : koreanKey(text));
    }
    let count = 0;
    let bits: Uint32Array | null = null;
    let only: Slots | null = null;
    for (const key of keys) {
      if (!key) continue;
      count++;
      const slots = this.slotsOfKey(key);
      if (!slots || slots === only) continue;
      if (!only && !bits) {
        only = slots;
        continue;
      }
      if (!bits) {
        bits = this.bitSet();
        bits.set(only!.bits);
      }
      for (let w = 0; w < bits.length; w++) bits[w] = bits[w]! | slots.bits[w]!;
    }
    // A word that is no word of a name at all (a stop word) narrows nothing: every slot.
    const out = count === 0 ? this.all : bits ? { bits, size: popcount(bits) } : only;
    remember(this.wordSlots, word, out);
    return out;
  }

  /** Name slots holding this word key, exactly or one letter off; null when none does. */
  private slotsOfKey(key: string): Slots | null {
    const hit = this.keySlots.get(key);
    if (hit !== undefined) return hit;
    if (!this.mayBeFiled(key)) {
      remember(this.keySlots, key, null);
      return null;
    }
    let bits: Uint32Array | null = null;
    bits = this.mark(bits, this.index.lookup(key));
    if (key.length >= 5) {
      bits = this.mark(bits, this.index.lookupDeletion(key));
      // Each one-letter deletion (a repeated one only sets the same bits again), looked up only when its hash is
      // filed (the index files names only under keys whose hashes `filed` holds: the others find nothing).
      const n = key.length;
      const suffix = this.suffixHashes(key);
      let prefix = 0;
      for (let i = 0; i < n; i++) {
        const filed = this.filed.has(small((Math.imul(prefix, power(n - 1 - i)) + suffix[i + 1]!) | 0));
        prefix = (Math.imul(prefix, 31) + key.charCodeAt(i)) | 0;
        if (!filed) continue;
        const d = key.slice(0, i) + key.slice(i + 1);
        bits = this.mark(bits, this.index.lookup(d));
        bits = this.mark(bits, this.index.lookupDeletion(d));
      }
    }
    const out = bits ? { bits, size: popcount(bits) } : null;
    remember(this.keySlots, key, out);
    return out;
  }

  /**
   * False when neither the key nor (for keys of 5 letters or more) any of its one-letter deletions is a key the index
   * files names under: then every look-up of `slotsOfKey` finds nothing. Hashes only (no strings made); a hash that
   * is filed sends the key to the look-ups.
   */
  private mayBeFiled(key: string): boolean {
    const n = key.length;
    if (this.filed.has(hashOf(key))) return true;
    if (n < 5) return false;
    // Hash of the key without its i-th character: hash(prefix) × 31^(length of suffix) + hash(suffix).
    const suffix = this.suffixHashes(key);
    let prefix = 0;
    for (let i = 0; i < n; i++) {
      if (this.filed.has(small((Math.imul(prefix, power(n - 1 - i)) + suffix[i + 1]!) | 0))) return true;
      prefix = (Math.imul(prefix, 31) + key.charCodeAt(i)) | 0;
    }
    return false;
  }

  /** The hashes (`hashOf` before its cut) of each suffix of the key, from each position (scratch, overwritten by the next call). */
  private suffixHashes(key: string): Int32Array {
    const n = key.length;
    if (this.suffix.length <= n) this.suffix = new Int32Array(2 * n + 2);
    const { suffix } = this;
    suffix[n] = 0;
    let pow = 1;
    for (let i = n - 1; i >= 0; i--) {
      suffix[i] = (Math.imul(key.charCodeAt(i), pow) + suffix[i + 1]!) | 0;
      pow = Math.imul(pow, 31);
    }
    return suffix;
  }

  /** Sets the bits of these slots (making the set on the first one). */
  private mark(bits: Uint32Array | null, slots: readonly number[]): Uint32Array | null {
    if (slots.length === 0) return bits;
    const out = bits ?? this.bitSet();
    for (const s of slots) out[s >>> 5] = out[s >>> 5]! | (1 << (s & 31));
    return out;
  }

  /**
   * A new empty bit set: a view into a slab of many (a set of a few hundred bytes allocated on its own gets a backing
   * store of its own, which costs more than filling it). Views are never reused: a slab goes with the last set in it.
   */
  private bitSet(): Uint32Array {
    if (this.slabUsed + this.width > this.slab.length) {
      this.slab = new Uint32Array(Math.max(this.width * 256, 1024));
      this.slabUsed = 0;
    }
    const out = this.slab.subarray(this.slabUsed, this.slabUsed + this.width);
    this.slabUsed += this.width;
    return out;
  }

  /** One name slot common to every unit (words found in thousands of names, and stop words, are left out: they narrow nothing). */
  private intersects(units: readonly Slots[]): boolean {
    const { common } = this;
    let first = true;
    for (const u of units) {
      if (u === this.all || u.size >= COMMON) continue;
      if (first) common.set(u.bits);
      else {
        let any = 0;
        for (let w = 0; w < common.length; w++) {
          const v = common[w]! & u.bits[w]!;
          common[w] = v;
          any |= v;
        }
        if (any === 0) return false;
      }
      first = false;
    }
    return true;
  }
}

/**
 * The hashes of the keys the index files names under, as one bit each in a table of at least 32 bits per hash (a
 * bit array's test is an index, a set's a probe): `has` is true for every hash added, and for about one other hash
 * in 32 (it shares the bits it reads with one of them), which only costs a look-up that finds nothing.
 */
class FiledHashes {
  private readonly bits: Int32Array;
  private readonly mask: number;
  constructor(hashes: readonly number[]) {
    let size = 1024;
    while (size < hashes.length * 32 && size < 1 << 30) size *= 2;
    this.bits = new Int32Array(size >>> 5);
    this.mask = size - 1;
    for (const h of hashes) {
      const b = h & this.mask;
      this.bits[b >>> 5] = this.bits[b >>> 5]! | (1 << (b & 31));
    }
  }

  has(hash: number): boolean {
    const b = hash & this.mask;
    return (this.bits[b >>> 5]! & (1 << (b & 31))) !== 0;
  }
}

/** A polynomial hash of a string (base 31, mod 2^32), cut to 30 bits (a small integer: cheap in a set). */
function hashOf(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return small(h);
}

const small = (h: number): number => h & 0x3fffffff;

/** 31^k mod 2^32 (remembered: keys are short). */
const POWERS: number[] = [1];
function power(k: number): number {
  while (POWERS.length <= k) POWERS.push(Math.imul(POWERS[POWERS.length - 1]!, 31));
  return POWERS[k]!;
}

function popcount(bits: Uint32Array): number {
  let n = 0;
  for (let w = 0; w < bits.length; w++) {
    let v = bits[w]!;
    v -= (v >>> 1) & 0x55555555;
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    n += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return n;
}

function remember<V>(memo: Map<string, V>, key: string, value: V): void {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
}
