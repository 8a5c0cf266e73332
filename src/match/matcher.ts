/**
 * The matcher: candidates from the index, each scored by its best name
 * comparison (weighted by the strength of the name it matched), then moved by
 * the features beside the name (date of birth, country, identifiers). Every
 * result carries its explanation. Pure and in memory: build it once from an
 * array of `MatchableEntity`, query it from any number of requests.
 */
import { cleanText, englishOrgName, normalizeName, prepareName, nameKindOf, type PreparedName } from '../names/index.ts';
import { MatchIndex, blockingKeys, deletions, type Slices } from './candidate-index.ts';
import { compareWords, describeComparison, nameWords, wordsScore, type NameWords } from './score-name.ts';
import { BoundArena } from './score-bound.ts';
import { compareBirthDates, parseQueryDate } from './score-birth-date.ts';
import { COUNTRY_AGREES, COUNTRY_DISAGREES, countryCodeOf } from './score-country.ts';
import { IDENTIFIER_AGREES, normalizeIdentifier } from './score-identifier.ts';
import { featureItems, round, withFeatures, type FeatureEffects } from './score-beside-name.ts';
import { schemasCompatible } from './score-schema.ts';
import type { ExplanationItem, MatchableEntity, MatchOptions, MatchQuery, MatchResult, NameStrength } from './types.ts';
import { bestByWeight } from './best-by-weight.ts';

/**
 * Default match threshold. Chosen on the evaluation set (test/match/eval-set.json):
 * the lowest score at which false positives stay under 1% overall and on
 * unlisted Korean person names alike (at 0.78 the Korean rate is 1.4%) — see
 * src/match/README.md for the table.
 */
export const DEFAULT_THRESHOLD = 0.8;
export const DEFAULT_LIMIT = 5;
export const DEFAULT_CUTOFF = 0.5;

/** How much a match on each kind of name counts: a weak alias (OFAC "weak a.k.a.", UN "Low", an acronym) less. */
export const STRENGTH_FACTOR: Record<NameStrength, number> = { primary: 1, strong: 0.97, weak: 0.88 };

/** Posting lists longer than this (words in thousands of names) only add weight to candidates already found. */
const COMMON_KEY = 1500;

/** Keys whose one-edit neighbourhood is remembered (see `neighbours`); the memory is emptied past it. */
const NEIGHBOUR_CACHE = 50_000;

interface Neighbour { slots: readonly number[]; factor: number }

interface QueryName { name: PreparedName; weights: Float64Array; words: NameWords }

interface PreparedQuery {
  byKind: { person: QueryName[]; org: QueryName[] };
  /** Both readings, person's first: what an entity is compared with when the query has no reading of its kind. */
  allNames: QueryName[];
  keys: Map<string, number>;
  birthDates: string[];
  countries: string[];
  identifiers: string[];
  /** Entities with one of the query's identifiers (4+ letters and digits, as the index keeps them). */
  identifierEntities: Set<number>;
  /** The countries as numbers (`countryNumber`). */
  countryNumbers: number[];
  notes: ExplanationItem[];
}

export class Matcher {
  readonly index: MatchIndex;
  private readonly acc: Float64Array;
  private readonly seenKey: Int32Array;
  /** Name slots a query's keys reached (only those are compared); reset after each query. */
  private readonly slotHit: Uint8Array;
  private readonly hitSlots: number[] = [];
  private readonly allowedCache = new Map<string, Uint8Array>();
  private readonly neighbourCache = new Map<string, readonly Neighbour[]>();
  /** Each name's words for comparison, made on its first comparison and kept (names never change in an index). */
  private readonly slotWords: (NameWords | undefined)[];
  /** What the name bound reads of each name, laid out side by side. */
  private readonly bounds: BoundArena;
  /** 1 where the entity is a person (its names are compared with the query's person reading). */
  private readonly personEntity: Uint8Array;
  /** Each name slot's STRENGTH_FACTOR. */
  private readonly slotFactor: Float64Array;
  /** Each entity's countries as numbers (`countryNumbers`), entity `e`'s from `countryStart[e]` to `countryStart[e + 1]`. */
  private readonly countryStart: Int32Array;
  private readonly countryCodes: Int32Array;
  private readonly countryNumbers = new Map<string, number>();
  /** For each common key (see `commonKeyRun`): where each entity's run of names begins in the key's posting list, -1 for none. */
  private readonly commonKeyRuns = new Map<string, Int32Array>();

  constructor(entities: MatchableEntity[] | MatchIndex) {
    this.index = entities instanceof MatchIndex ? entities : new MatchIndex(entities);
    this.acc = new Float64Array(this.index.size);
    this.seenKey = new Int32Array(this.index.size).fill(-1);
    this.slotHit = new Uint8Array(this.index.names.length);
    this.slotWords = new Array<NameWords | undefined>(this.index.names.length);
    this.bounds = new BoundArena(this.index.names.length, (slot) => this.wordsOfSlot(slot));
    this.personEntity = Uint8Array.from(this.index.entities, (e) => (nameKindOf(e.schema) === 'person' ? 1 : 0));
    this.slotFactor = Float64Array.from(this.index.names, (n) => STRENGTH_FACTOR[n.strength]);
    this.countryStart = new Int32Array(this.index.size + 1);
    const codes: number[] = [];
    this.index.entities.forEach((e, i) => {
      for (const c of e.countries) codes.push(this.countryNumber(c.toLowerCase(), true));
      this.countryStart[i + 1] = codes.length;
    });
    this.countryCodes = Int32Array.from(codes);
  }

  /** The same matcher as `new Matcher(entities)`, its index built in slices (`MatchIndex.build`): a server keeps answering meanwhile. */
  static async build(entities: MatchableEntity[], slices: Slices): Promise<Matcher> {
    return new Matcher(await MatchIndex.build(entities, slices));
  }

  /** A country code's number (codes are compared as numbers in the inner loop); -1 for a code no entity has. */
  private countryNumber(code: string, add = false): number {
    let n = this.countryNumbers.get(code);
    if (n === undefined) {
      if (!add) return -1;
      n = this.countryNumbers.size;
      this.countryNumbers.set(code, n);
    }
    return n;
  }

  /** The effect of the countries, as `compareCountries` gives it; null when either side has none. */
  private countryEffect(q: PreparedQuery, e: number): number | null {
    const start = this.countryStart[e]!, end = this.countryStart[e + 1]!;
    if (q.countryNumbers.length === 0 || start === end) return null;
    for (let i = start; i < end; i++) if (q.countryNumbers.includes(this.countryCodes[i]!)) return COUNTRY_AGREES;
    return COUNTRY_DISAGREES;
  }

  private wordsOfSlot(slot: number): NameWords {
    let words = this.slotWords[slot];
    if (!words) {
      const n = this.index.names[slot]!;
      words = nameWords(n.prepared, n.weights);
      this.slotWords[slot] = words;
    }
    return words;
  }

  get size(): number {
    return this.index.size;
  }

  /** Entities a query may return, by query schema and dataset filter (cached). */
  private allowed(schema: string | null, datasets: string[] | undefined): Uint8Array {
    const key = `${schema ?? ''}|${(datasets ?? []).join(',')}`;
    let mask = this.allowedCache.get(key);
    if (!mask) {
      mask = new Uint8Array(this.index.size);
      const ds = datasets && datasets.length ? new Set(datasets) : null;
      this.index.entities.forEach((e, i) => {
        mask![i] = schemasCompatible(schema, e.schema) && (!ds || e.datasets.some((d) => ds.has(d))) ? 1 : 0;
      });
      if (this.allowedCache.size > 64) this.allowedCache.clear();
      this.allowedCache.set(key, mask);
    }
    return mask;
  }

  /**
   * The query's names read as one kind. (Here and in `candidates`, methods rather than closures made per query: tsx
   * names each closure at its making, which costs more than the call.)
   */
  private queryNames(names: readonly { n: string; norm: string }[], k: 'person' | 'org'): QueryName[] {
    return names.map(({ n, norm }) => {
      const name = prepareName(n, k, norm);
      const weights = this.index.weightsOf(name);
      return { name, weights, words: nameWords(name, weights) };
    });
  }

  private prepare(query: MatchQuery): PreparedQuery {
    const kind = nameKindOf(query.schema);
    const notes: ExplanationItem[] = [];
    const names = query.names.map((n) => cleanText(n)).filter((n) => n !== '').map((n) => ({ n, norm: normalizeName(n) }));
    // An organisation's Korean name is also read in the English words the lists write it in (조선광업개발무역회사: Korea Mining
    // Development Trading; names/org-english.ts), as one more name of the query: the lists give these bodies in English only.
    const english = kind === 'person' ? [] : names.flatMap(({ n }) => {
      const reading = englishOrgName(n);
      return reading ? [{ n: `${n} (read as "${reading}")`, norm: normalizeName(reading) }] : [];
    });
    const byKind = { person: kind === 'org' ? [] : this.queryNames(names, 'person'), org: kind === 'person' ? [] : this.queryNames([...names, ...english], 'org') };
    const keys = new Map<string, number>();
    for (const { name, weights } of [...byKind.person, ...byKind.org]) {
      name.tokens.forEach((t, i) => { if (t.cls !== 'stop') keys.set(t.key, Math.max(keys.get(t.key) ?? 0, weights[i] ?? 0)); });
      for (const k of blockingKeys(name)) if (!keys.has(k)) keys.set(k, 1);
    }
    const birthDates: string[] = [];
    for (const d of query.birthDates) {
      if (cleanText(d) === '') continue;
      const iso = parseQueryDate(d);
      if (iso) birthDates.push(iso);
      else notes.push({ feature: 'birth_date', score: 0, detail: `date of birth "${cleanText(d, 40)}" not understood (write YYYY-MM-DD); ignored`, query: d, candidate: null });
    }
    const countries: string[] = [];
    for (const c of query.countries) {
      if (cleanText(c) === '') continue;
      const code = countryCodeOf(cleanText(c, 80));
      if (code) countries.push(code);
      else notes.push({ feature: 'country', score: 0, detail: `country "${cleanText(c, 40)}" not recognised; ignored`, query: c, candidate: null });
    }
    const identifiers = query.identifiers.map((i) => cleanText(i, 100)).filter((i) => i !== '');
    const identifierEntities = new Set<number>();
    for (const id of identifiers) if (normalizeIdentifier(id).length >= 4) for (const e of this.index.lookupIdentifier(id)) identifierEntities.add(e);
    return { byKind, allNames: [...byKind.person, ...byKind.org], keys, birthDates, countries, identifiers, identifierEntities, countryNumbers: countries.map((c) => this.countryNumber(c)), notes };
  }

  /** The caller's exclusions and filter as one test of entity `e`, or null when they let everything through. */
  private admission(options: MatchOptions): ((e: number) => boolean) | null {
    const { excludeIds, accept } = options;
    if ((!excludeIds || excludeIds.size === 0) && !accept) return null;
    const entities = this.index.entities;
    return (e) => {
      const entity = entities[e]!;
      if (excludeIds?.has(entity.id)) return false;
      return accept ? accept(entity) : true;
    };
  }

  /** Candidate entities for a prepared query, best first by summed key weight. */
  private candidates(q: PreparedQuery, mask: Uint8Array, max: number, options: MatchOptions): number[] {
    const touched: number[] = [];
    const { acc, seenKey } = this;
    const slotEntity = this.index.slotEntity;
    const admits = this.admission(options);
    const keys = [...q.keys.entries()].map(([k, w]) => ({ k, w, n: this.index.lookup(k).length })).sort((a, b) => a.n - b.n);
    let keyId = 0;
    for (const { k, w, n } of keys) {
      keyId++;
      if (n > COMMON_KEY && touched.length > 0) {
        // Only strengthen what rarer words found: through the entities found when they are fewer than the word's names.
        if (touched.length < n) {
          const postings = this.index.lookup(k);
          const runs = this.commonKeyRuns.get(k) ?? this.commonKeyRun(k);
          for (let i = 0, end = touched.length; i < end; i++) {
            const e = touched[i]!;
            const first = (acc[e] ?? 0) > 0 ? runs[e]! : -1;
            if (first < 0) continue;
            for (let p = first; p < postings.length && slotEntity[postings[p]!] === e; p++) this.hit(postings[p]!);
            if (seenKey[e] !== keyId) { seenKey[e] = keyId; acc[e] = (acc[e] ?? 0) + w; }
          }
          continue;
        }
        for (const slot of this.index.lookup(k)) {
          const e = slotEntity[slot]!;
          if ((acc[e] ?? 0) > 0) { this.hit(slot); if (seenKey[e] !== keyId) { seenKey[e] = keyId; acc[e] = (acc[e] ?? 0) + w; } }
        }
        continue;
      }
      this.visit(this.index.lookup(k), keyId, w, mask, admits, touched);
      // One-edit neighbours, for words the index (almost) does not have: misspellings.
      if (k.length >= 5 && n < 5) {
        for (const { slots, factor } of this.neighbours(k)) {
          keyId++;
          this.visit(slots, keyId, w * factor, mask, admits, touched);
        }
      }
    }
    // The same identifier finds an entity whatever its names: compare all of them.
    for (const id of q.identifiers) {
      for (const e of this.index.lookupIdentifier(id)) {
        if (mask[e] === 0 || (admits && !admits(e))) continue;
        for (let slot = this.index.firstName[e]!, end = this.index.firstName[e + 1]!; slot < end; slot++) this.hit(slot);
        if (acc[e] === 0) touched.push(e);
        acc[e] = (acc[e] ?? 0) + 100;
      }
    }
    const out = bestByWeight(touched, acc, max);
    for (const e of touched) { acc[e] = 0; seenKey[e] = -1; }
    return out;
  }

  /** Marks a name slot as reached by the query's keys. */
  private hit(slot: number): void {
    if (this.slotHit[slot] === 0) {
      this.slotHit[slot] = 1;
      this.hitSlots.push(slot);
    }
  }

  /** Adds a key's weight `w` to the admitted entities of its posting list `slots` (once per key: `keyId`), and marks its slots. */
  private visit(slots: readonly number[], keyId: number, w: number, mask: Uint8Array, admits: ((e: number) => boolean) | null, touched: number[]): void {
    const { acc, seenKey } = this;
    const slotEntity = this.index.slotEntity;
    for (const slot of slots) {
      const e = slotEntity[slot]!;
      if (mask[e] === 0) continue;
      this.hit(slot);
      if (seenKey[e] === keyId) continue;
      if (admits && !admits(e)) continue;
      seenKey[e] = keyId;
      if (acc[e] === 0) touched.push(e);
      acc[e] = (acc[e] ?? 0) + w;
    }
  }

  /**
   * Where each entity's names begin in a common key's posting list (-1: none). The list is in slot order and an
   * entity's names take consecutive slots, so its names under the key are the run from there while the slot's
   * entity stays the same. Built on first use; only keys in more than COMMON_KEY names come here, a few dozen.
   */
  private commonKeyRun(k: string): Int32Array {
    const runs = new Int32Array(this.index.size).fill(-1);
    const postings = this.index.lookup(k);
    for (let p = postings.length - 1; p >= 0; p--) runs[this.index.slotEntity[postings[p]!]!] = p;
    this.commonKeyRuns.set(k, runs);
    return runs;
  }

  /**
   * The one-edit neighbourhood of a key, in the order it is visited: names
   * whose word loses a letter to become the key (× 0.5), the key less one
   * letter (× 0.5), and both less one letter (× 0.4). Only the non-empty
   * lists are kept; remembered per key, as the same rare words come back
   * row after row in a file.
   */
  private neighbours(k: string): readonly Neighbour[] {
    const known = this.neighbourCache.get(k);
    if (known) return known;
    const out: Neighbour[] = [];
    const add = (slots: readonly number[], factor: number) => { if (slots.length) out.push({ slots, factor }); };
    add(this.index.lookupDeletion(k), 0.5);
    for (const d of deletions(k)) {
      add(this.index.lookup(d), 0.5);
      add(this.index.lookupDeletion(d), 0.4);
    }
    if (this.neighbourCache.size >= NEIGHBOUR_CACHE) this.neighbourCache.clear();
    this.neighbourCache.set(k, out);
    return out;
  }

  /**
   * Best name comparison of the query against one entity. A pair of names
   * whose upper bound (score-bound.ts) cannot reach the cutoff once the
   * features beside the name are applied, or cannot beat the best pair
   * already found, is not aligned: the best pair and its score are the same.
   */
  private scoreNames(q: PreparedQuery, e: number, options: MatchOptions, f: FeatureEffects, cutoff: number): BestName | null {
    const qnames = this.personEntity[e] === 1 ? q.byKind.person : q.byKind.org;
    const pool = qnames.length ? qnames : q.allNames;
    const excluded = options.excludeNames?.get(this.index.entities[e]!.id);
    let best: BestName | null = null;
    for (let slot = this.index.firstName[e]!, end = this.index.firstName[e + 1]!; slot < end; slot++) {
      // Only names the query's keys reached: the others share no word, join or near word with it.
      if (this.slotHit[slot] === 0) continue;
      if (excluded?.has(this.index.names[slot]!.prepared.normalized)) continue;
      const factor = this.slotFactor[slot]!;
      for (const qp of pool) {
        if (!options.exhaustive) {
          const bound = this.bounds.bound(qp.words, slot) * factor + BOUND_MARGIN;
          if ((best && bound < best.score) || withFeatures(bound, f) < cutoff) continue;
        }
        const score = wordsScore(qp.words, this.wordsOfSlot(slot)) * factor;
        if (!best || score > best.score) {
          const n = this.index.names[slot]!;
          best = { score, query: qp, slot, name: n.prepared.original, strength: n.strength };
        }
      }
    }
    return best;
  }

  /** Match one query. Results best first, at most `limit`, none under `cutoff`. */
  match(query: MatchQuery, options: MatchOptions = {}): MatchResult[] {
    return this.matchCounted(query, options).results;
  }

  /**
   * Match one query, and count the matches (score at or above the threshold)
   * among the best `max(limit, window)` results, as if that many had been
   * asked for (the same candidates are scored); only the `limit` returned
   * are explained.
   */
  matchCounted(query: MatchQuery, options: MatchOptions & { window?: number } = {}): { results: MatchResult[]; total: number } {
    const threshold = options.threshold ?? DEFAULT_THRESHOLD;
    const limit = options.limit ?? DEFAULT_LIMIT;
    const window = Math.max(limit, options.window ?? 0);
    const cutoff = options.cutoff ?? DEFAULT_CUTOFF;
    const q = this.prepare(query);
    if (q.keys.size === 0 && q.identifiers.length === 0) return { results: [], total: 0 };
    const mask = this.allowed(query.schema, options.datasets);
    const cands = this.candidates(q, mask, Math.max(20, window * 4), options);
    const scored: Scored[] = [];
    try {
    for (const e of cands) {
      // A feature the query does not state says nothing: the entity's own values are not read for it.
      const f: FeatureEffects = {
        birth: q.birthDates.length ? compareBirthDates(q.birthDates, this.index.entities[e]!.birthDates)?.effect ?? null : null,
        country: q.countries.length ? this.countryEffect(q, e) : null,
        identifier: q.identifierEntities.has(e) ? IDENTIFIER_AGREES : null,
        weights: options.weights,
      };
      const best = this.scoreNames(q, e, options, f, cutoff);
      // A query without a name (an IMO or passport number alone) stands on its identifier.
      if (best ? best.score <= 0 : q.allNames.length > 0 || f.identifier === null) continue;
      const s = withFeatures(best?.score ?? 0, f);
      if (s < cutoff) continue;
      scored.push({ entity: this.index.entities[e]!, score: round(s), best });
    }
    } finally {
      for (const slot of this.hitSlots) this.slotHit[slot] = 0;
      this.hitSlots.length = 0;
    }
    const order: Record<NameStrength, number> = { primary: 0, strong: 1, weak: 2 };
    // On a tie, the entity more lists and sources name comes first (an entity joined across lists before a lone entry).
    scored.sort((a, b) => b.score - a.score || order[a.best?.strength ?? 'weak'] - order[b.best?.strength ?? 'weak'] || b.entity.datasets.length - a.entity.datasets.length || a.entity.id.localeCompare(b.entity.id));
    let total = 0;
    for (let i = 0; i < scored.length && i < window; i++) if (scored[i]!.score >= threshold) total++;
    // Explanations only for what is returned, and only when asked for.
    if (options.explain === false) return { total, results: scored.slice(0, limit).map(({ entity, score }) => ({ entity, score, match: score >= threshold, explanation: [] })) };
    return { total, results: scored.slice(0, limit).map(({ entity, score, best }) => {
      const explanation: ExplanationItem[] = [best ? {
        feature: 'name',
        score: round(best.score),
        detail: `"${best.query.name.original}" ~ "${best.name}" (${best.strength === 'primary' ? 'listed name' : `${best.strength} alias`}): ${describeComparison(compareWords(best.query.words, this.wordsOfSlot(best.slot)))}`,
        query: best.query.name.original,
        candidate: best.name,
      } : { feature: 'name', score: 0, detail: 'no name given: found by its identifier alone', query: '', candidate: entity.caption }, ...featureItems(q, entity, options.weights)];
      if (query.schema) {
        explanation.push({ feature: 'schema', score: 0, detail: `${query.schema} query, ${entity.schema} candidate: compatible`, query: query.schema, candidate: entity.schema });
      }
      explanation.push(...q.notes);
      return { entity, score, match: score >= threshold, explanation };
    }) };
  }
}

/** The best name comparison of a candidate: its account is written only if the candidate is returned. */
interface BestName { score: number; query: QueryName; slot: number; name: string; strength: NameStrength }
interface Scored { entity: MatchableEntity; score: number; best: BestName | null }

/** Added to a name score's upper bound before it is compared: the bound sums the same weights in another order. */
const BOUND_MARGIN = 1e-9;
