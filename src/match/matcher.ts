/**
 * The matcher: candidates from the index, each scored by its best name
 * comparison (weighted by the strength of the name it matched), then moved by
 * the features beside the name (date of birth, country, identifiers). Every
 * result carries its explanation. Pure and in memory: build it once from an
 * array of `MatchableEntity`, query it from any number of requests.
 */
import { cleanText, normalizeName, prepareName, nameKindOf, type PreparedName } from '../names/index.ts';
import { MatchIndex, blockingKeys, deletions } from './candidate-index.ts';
import { compareWords, describeComparison, nameWords, wordsScore, type NameWords } from './score-name.ts';
import { wordsScoreBound } from './score-bound.ts';
import { compareBirthDates, parseQueryDate } from './score-birth-date.ts';
import { compareCountries, countryCodeOf } from './score-country.ts';
import { compareIdentifiers } from './score-identifier.ts';
import { schemasCompatible } from './score-schema.ts';
import { MATCH_FEATURES } from './features.ts';
import type { ExplanationItem, MatchableEntity, MatchOptions, MatchQuery, MatchResult, NameStrength, WeightedFeature } from './types.ts';

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
  keys: Map<string, number>;
  birthDates: string[];
  countries: string[];
  identifiers: string[];
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
  private readonly commonKeySlots = new Map<string, Map<number, number[]>>();
  /** Each name's words for comparison, made on its first comparison and kept (names never change in an index). */
  private readonly slotWords: (NameWords | undefined)[];

  constructor(entities: MatchableEntity[] | MatchIndex) {
    this.index = entities instanceof MatchIndex ? entities : new MatchIndex(entities);
    this.acc = new Float64Array(this.index.size);
    this.seenKey = new Int32Array(this.index.size).fill(-1);
    this.slotHit = new Uint8Array(this.index.names.length);
    this.slotWords = new Array<NameWords | undefined>(this.index.names.length);
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

  private prepare(query: MatchQuery): PreparedQuery {
    const kind = nameKindOf(query.schema);
    const notes: ExplanationItem[] = [];
    const names = query.names.map((n) => cleanText(n)).filter((n) => n !== '').map((n) => ({ n, norm: normalizeName(n) }));
    const make = (k: 'person' | 'org') => names.map(({ n, norm }) => {
      const name = prepareName(n, k, norm);
      const weights = this.index.weightsOf(name);
      return { name, weights, words: nameWords(name, weights) };
    });
    const byKind = { person: kind === 'org' ? [] : make('person'), org: kind === 'person' ? [] : make('org') };
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
    return { byKind, keys, birthDates, countries, identifiers, notes };
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
    const names = this.index.names;
    const { slotHit, hitSlots } = this;
    const admits = this.admission(options);
    const hit = (slot: number) => { if (slotHit[slot] === 0) { slotHit[slot] = 1; hitSlots.push(slot); } };
    const visit = (slots: readonly number[], keyId: number, w: number) => {
      for (const slot of slots) {
        const e = names[slot]!.entity;
        if (mask[e] === 0) continue;
        hit(slot);
        if (seenKey[e] === keyId) continue;
        if (admits && !admits(e)) continue;
        seenKey[e] = keyId;
        if (acc[e] === 0) touched.push(e);
        acc[e] = (acc[e] ?? 0) + w;
      }
    };
    const keys = [...q.keys.entries()].map(([k, w]) => ({ k, w, n: this.index.lookup(k).length })).sort((a, b) => a.n - b.n);
    let keyId = 0;
    for (const { k, w, n } of keys) {
      keyId++;
      if (n > COMMON_KEY && touched.length > 0) {
        // Only strengthen what rarer words found: through the entities found when they are fewer than the word's names.
        if (touched.length < n) {
          const slotsOf = this.slotsByEntity(k);
          for (let i = 0, end = touched.length; i < end; i++) {
            const e = touched[i]!;
            const slots = (acc[e] ?? 0) > 0 ? slotsOf.get(e) : undefined;
            if (!slots) continue;
            for (const slot of slots) hit(slot);
            if (seenKey[e] !== keyId) { seenKey[e] = keyId; acc[e] = (acc[e] ?? 0) + w; }
          }
          continue;
        }
        for (const slot of this.index.lookup(k)) {
          const e = names[slot]!.entity;
          if ((acc[e] ?? 0) > 0) { hit(slot); if (seenKey[e] !== keyId) { seenKey[e] = keyId; acc[e] = (acc[e] ?? 0) + w; } }
        }
        continue;
      }
      visit(this.index.lookup(k), keyId, w);
      // One-edit neighbours, for words the index (almost) does not have: misspellings.
      if (k.length >= 5 && n < 5) {
        for (const { slots, factor } of this.neighbours(k)) {
          keyId++;
          visit(slots, keyId, w * factor);
        }
      }
    }
    // The same identifier finds an entity whatever its names: compare all of them.
    for (const id of q.identifiers) {
      for (const e of this.index.lookupIdentifier(id)) {
        if (mask[e] === 0 || (admits && !admits(e))) continue;
        for (const slot of this.index.namesOf[e]!) hit(slot);
        if (acc[e] === 0) touched.push(e);
        acc[e] = (acc[e] ?? 0) + 100;
      }
    }
    const out = bestByWeight(touched, acc, max);
    for (const e of touched) { acc[e] = 0; seenKey[e] = -1; }
    return out;
  }

  /** A common key's names by entity (built on first use; only keys in more than COMMON_KEY names come here, a few dozen). */
  private slotsByEntity(k: string): Map<number, number[]> {
    let byEntity = this.commonKeySlots.get(k);
    if (!byEntity) {
      byEntity = new Map();
      for (const slot of this.index.lookup(k)) {
        const e = this.index.names[slot]!.entity;
        const list = byEntity.get(e);
        if (list) list.push(slot);
        else byEntity.set(e, [slot]);
      }
      this.commonKeySlots.set(k, byEntity);
    }
    return byEntity;
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
  private scoreNames(q: PreparedQuery, e: number, options: MatchOptions, f: Features, cutoff: number): BestName | null {
    const entity = this.index.entities[e]!;
    const qnames = nameKindOf(entity.schema) === 'person' ? q.byKind.person : q.byKind.org;
    const pool = qnames.length ? qnames : [...q.byKind.person, ...q.byKind.org];
    const excluded = options.excludeNames?.get(entity.id);
    let best: BestName | null = null;
    for (const slot of this.index.namesOf[e]!) {
      // Only names the query's keys reached: the others share no word, join or near word with it.
      if (this.slotHit[slot] === 0) continue;
      const n = this.index.names[slot]!;
      if (excluded?.has(n.prepared.normalized)) continue;
      const words = this.wordsOfSlot(slot);
      for (const qp of pool) {
        if (!options.exhaustive) {
          const bound = wordsScoreBound(qp.words, words) * STRENGTH_FACTOR[n.strength] + BOUND_MARGIN;
          if ((best && bound < best.score) || withFeatures(bound, f, null) < cutoff) continue;
        }
        const score = wordsScore(qp.words, words) * STRENGTH_FACTOR[n.strength];
        if (!best || score > best.score) best = { score, query: qp, slot, name: n.prepared.original, strength: n.strength };
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
      const entity = this.index.entities[e]!;
      const f: Features = {
        birth: compareBirthDates(q.birthDates, entity.birthDates), country: compareCountries(q.countries, entity.countries),
        identifier: compareIdentifiers(q.identifiers, entity.identifiers), weights: options.weights,
      };
      const best = this.scoreNames(q, e, options, f, cutoff);
      if (!best || best.score <= 0) continue;
      const features: ExplanationItem[] = [];
      const s = withFeatures(best.score, f, features);
      if (s < cutoff) continue;
      scored.push({ entity, score: round(s), best, features });
    }
    } finally {
      for (const slot of this.hitSlots) this.slotHit[slot] = 0;
      this.hitSlots.length = 0;
    }
    const order: Record<NameStrength, number> = { primary: 0, strong: 1, weak: 2 };
    scored.sort((a, b) => b.score - a.score || order[a.best.strength] - order[b.best.strength] || a.entity.id.localeCompare(b.entity.id));
    let total = 0;
    for (let i = 0; i < scored.length && i < window; i++) if (scored[i]!.score >= threshold) total++;
    // Explanations only for what is returned, and only when asked for.
    if (options.explain === false) return { total, results: scored.slice(0, limit).map(({ entity, score }) => ({ entity, score, match: score >= threshold, explanation: [] })) };
    return { total, results: scored.slice(0, limit).map(({ entity, score, best, features }) => {
      const cmp = compareWords(best.query.words, this.wordsOfSlot(best.slot));
      const explanation: ExplanationItem[] = [{
        feature: 'name',
        score: round(best.score),
        detail: `"${best.query.name.original}" ~ "${best.name}" (${best.strength === 'primary' ? 'listed name' : `${best.strength} alias`}): ${describeComparison(cmp)}`,
        query: best.query.name.original,
        candidate: best.name,
      }, ...features];
      if (query.schema) {
        explanation.push({ feature: 'schema', score: 0, detail: `${query.schema} query, ${entity.schema} candidate: compatible`, query: query.schema, candidate: entity.schema });
      }
      explanation.push(...q.notes);
      return { entity, score, match: score >= threshold, explanation };
    }) };
  }
}

/**
 * The `max` entities of `touched` with the most key weight, ties in the order
 * they were found (as a stable sort by weight would keep them), in any order:
 * the matcher ranks what it scores by score, strength and id.
 */
function bestByWeight(touched: number[], acc: Float64Array, max: number): number[] {
  if (touched.length <= max) return touched.slice();
  const weights = new Float64Array(touched.length);
  for (let i = 0; i < touched.length; i++) weights[i] = acc[touched[i]!]!;
  weights.sort();
  const least = weights[touched.length - max]!;
  const out: number[] = [];
  for (const e of touched) if (acc[e]! > least) out.push(e);
  for (let i = 0; i < touched.length && out.length < max; i++) if (acc[touched[i]!] === least) out.push(touched[i]!);
  return out;
}

/** The best name comparison of a candidate: its account is written only if the candidate is returned. */
interface BestName { score: number; query: QueryName; slot: number; name: string; strength: NameStrength }
interface Scored { entity: MatchableEntity; score: number; best: BestName; features: ExplanationItem[] }

/** Added to a name score's upper bound before it is compared: the bound sums the same weights in another order. */
const BOUND_MARGIN = 1e-9;

type FeatureComparison = { effect: number; item: ExplanationItem } | null;

/** What the features beside the name say of one candidate, and the caller's weights of them. */
interface Features { birth: FeatureComparison; country: FeatureComparison; identifier: FeatureComparison; weights: MatchOptions['weights'] }

/**
 * A name score moved by the features beside the name: date of birth, country,
 * identifier (which lifts a score to at least 0.85). Never lower for a higher
 * name score. Each feature's explanation goes into `items` when given.
 */
function withFeatures(name: number, f: Features, items: ExplanationItem[] | null): number {
  let s = applyFeature(name, items, 'birth_date', f.birth, f.weights);
  s = applyFeature(s, items, 'country', f.country, f.weights);
  s = applyFeature(s, items, 'identifier', f.identifier, f.weights);
  if (f.identifier && weightFactor('identifier', f.weights) !== 0) s = Math.max(s, 0.85);
  return s;
}

/**
 * A feature beside the name applied to score `s`: agreement pulls it toward 1
 * (`s + (1 − s)·e`), disagreement scales it down (`s·(1 + e)`); the item goes
 * into `features`. `s` unchanged when the feature has nothing to say or weight 0.
 */
function applyFeature(s: number, features: ExplanationItem[] | null, feature: WeightedFeature, r: FeatureComparison, weights: MatchOptions['weights']): number {
  const factor = weightFactor(feature, weights);
  if (!r || factor === 0) return s;
  const effect = Math.max(-1, Math.min(1, r.effect * factor));
  features?.push({ ...r.item, score: round(r.item.score * factor) });
  return effect >= 0 ? s + (1 - s) * effect : s * (1 + effect);
}

/** A feature's weight as a multiple of its coefficient (1 when the caller gave none). */
function weightFactor(feature: WeightedFeature, weights: MatchOptions['weights']): number {
  const w = weights?.[feature];
  if (w === undefined) return 1;
  const coefficient = MATCH_FEATURES.find((f) => f.feature === feature)?.coefficient ?? 1;
  return w / coefficient;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
