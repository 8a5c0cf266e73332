/**
 * The candidate index (blocking): every name of every entity, prepared once,
 * and inverted lists from word keys to names. A query looks up its word keys,
 * the joins of neighbouring words (Won Hong → wonhong) and one-edit variants
 * of long words, and only the entities found that way are scored. Word
 * weights (inverse document frequency over entities) live here too.
 */
import { prepareName, nameKindOf, type NameToken, type PreparedName } from '../names/index.ts';
import { isMatchableSchema } from './score-schema.ts';
import { normalizeIdentifier } from './score-identifier.ts';
import type { MatchableEntity, NameStrength } from './types.ts';

export interface IndexedEntityName {
  entity: number;
  prepared: PreparedName;
  strength: NameStrength;
  /** Word weights (see `weight`), computed once the whole index is built. */
  weights: Float64Array;
}

/** Keys a name is found under: word keys, joins of 2–3 neighbouring words. */
export function blockingKeys(name: PreparedName): string[] {
  const words = name.tokens.filter((t) => t.cls !== 'stop');
  const keys = new Set<string>();
  for (const w of words) if (w.key.length > 0) keys.add(w.key);
  for (let i = 0; i + 1 < words.length; i++) {
    const two = words[i]!.key + words[i + 1]!.key;
    keys.add(two);
    if (i + 2 < words.length) keys.add(two + words[i + 2]!.key);
  }
  return [...keys];
}

/** One-letter deletions of a key (for keys of 5+ letters): the symmetric-delete way of finding one-edit neighbours. */
export function deletions(key: string): string[] {
  if (key.length < 5) return [];
  const out = new Set<string>();
  for (let i = 0; i < key.length; i++) out.add(key.slice(0, i) + key.slice(i + 1));
  return [...out];
}

/**
 * The names and inverted lists of an index, gathered one entity at a time (`add`): the bulk of building an index,
 * which `MatchIndex.build` does in slices so a server keeps answering meanwhile.
 */
export class IndexNames {
  readonly entities: MatchableEntity[];
  readonly names: IndexedEntityName[] = [];
  readonly namesOf: number[][];
  readonly postings = new Map<string, number[]>();
  readonly deletionPostings = new Map<string, number[]>();
  readonly byIdentifier = new Map<string, number[]>();
  readonly df = new Map<string, number>();
  /** Entities added so far (they are added in order). */
  added = 0;

  constructor(entities: MatchableEntity[]) {
    this.entities = entities.filter((e) => isMatchableSchema(e.schema) && e.names.length > 0);
    this.namesOf = this.entities.map(() => []);
  }

  get complete(): boolean {
    return this.added === this.entities.length;
  }

  /** Names gathered before, as `MatchIndex.gathered` gave them (screen/index-snapshot.ts): complete, nothing left to add. */
  static restore(data: GatheredNames): IndexNames {
    const restored = Object.create(IndexNames.prototype) as IndexNames;
    return Object.assign(restored, data, { added: data.entities.length });
  }

  /** Adds the next entity's names, keys and identifiers. */
  add(): void {
    const ei = this.added++;
    const e = this.entities[ei]!;
    const kind = nameKindOf(e.schema);
    const entityKeys = new Set<string>();
    for (const n of e.names) {
      const prepared = prepareName(n.value, kind);
      if (prepared.tokens.length === 0) continue;
      const idx = this.names.length;
      this.names.push({ entity: ei, prepared, strength: n.strength, weights: new Float64Array(prepared.tokens.length) });
      this.namesOf[ei]!.push(idx);
      for (const k of blockingKeys(prepared)) push(this.postings, k, idx);
      for (const t of prepared.tokens) {
        if (t.cls === 'stop') continue;
        entityKeys.add(t.key);
        for (const d of deletions(t.key)) push(this.deletionPostings, d, idx);
      }
    }
    for (const k of entityKeys) this.df.set(k, (this.df.get(k) ?? 0) + 1);
    for (const id of e.identifiers) {
      const norm = normalizeIdentifier(id.value);
      if (norm.length >= 4) push(this.byIdentifier, norm, ei);
    }
  }
}

/** What `IndexNames` gathers: the plain data a snapshot of an index keeps. */
export type GatheredNames = Pick<IndexNames, 'entities' | 'names' | 'namesOf' | 'postings' | 'deletionPostings' | 'byIdentifier' | 'df'>;

/** Long work done in slices: `due()` once a slice has run its time, then `pause()` lets the event loop answer what waits. */
export interface Slices {
  due(): boolean;
  pause(): Promise<void>;
}

/** Slices of `ms` milliseconds, each followed by a turn of the event loop (setImmediate: waiting I/O is answered). */
export function slicesOf(ms: number): Slices {
  let start = performance.now();
  return {
    due: () => performance.now() - start >= ms,
    pause: () => new Promise<void>((resolve) => setImmediate(() => { start = performance.now(); resolve(); })),
  };
}

export class MatchIndex {
  readonly entities: MatchableEntity[];
  readonly names: IndexedEntityName[];
  /** Names of each entity (indexes into `names`). */
  readonly namesOf: number[][];
  /**
   * The entity of each name slot, and each entity's slots as the range `firstName[e]` … `firstName[e + 1]` (an
   * entity's names take consecutive slots): the matcher's inner loops read these flat arrays rather than one object
   * per name, whose scattered loads were most of the time of finding candidates.
   */
  readonly slotEntity: Int32Array;
  readonly firstName: Int32Array;
  private readonly postings: Map<string, number[]>;
  private readonly deletionPostings: Map<string, number[]>;
  /** Normalised identifier → entities. */
  private readonly byIdentifier: Map<string, number[]>;
  /** Number of entities having a word key. */
  private readonly df: Map<string, number>;
  private readonly logN: number;
  /** The index whose word frequencies give the weights (this one unless told otherwise). */
  private readonly reference: MatchIndex | null;

  /**
   * `weightsFrom`: weigh words by another index's frequencies, so a small index
   * over a few of its entities (a list change, see cases/rescreen.ts) scores
   * exactly as the big one does. Given the gathered names (`IndexNames`), only finishes; `weighLater`: the caller sets the names' word weights (`build`, in slices).
   */
  constructor(entities: MatchableEntity[] | IndexNames, options: { weightsFrom?: MatchIndex; weighLater?: boolean } = {}) {
    this.reference = options.weightsFrom ?? null;
    const gathered = entities instanceof IndexNames ? entities : new IndexNames(entities);
    while (!gathered.complete) gathered.add();
    this.entities = gathered.entities;
    this.names = gathered.names;
    this.namesOf = gathered.namesOf;
    this.postings = gathered.postings;
    this.deletionPostings = gathered.deletionPostings;
    this.byIdentifier = gathered.byIdentifier;
    this.df = gathered.df;
    this.slotEntity = Int32Array.from(this.names, (n) => n.entity);
    this.firstName = new Int32Array(this.entities.length + 1);
    for (let e = 0; e < this.entities.length; e++) this.firstName[e + 1] = this.firstName[e]! + this.namesOf[e]!.length;
    this.logN = Math.log(Math.max(2, this.entities.length));
    if (!options.weighLater) for (const n of this.names) n.weights = this.weightsOf(n.prepared);
  }

  /** The same index as the constructor builds, built in slices (`Slices`): the event loop turns between them. */
  static async build(entities: MatchableEntity[], slices: Slices, options: { weightsFrom?: MatchIndex } = {}): Promise<MatchIndex> {
    const gathered = new IndexNames(entities);
    while (!gathered.complete) {
      gathered.add();
      if (slices.due()) await slices.pause();
    }
    const index = new MatchIndex(gathered, { ...options, weighLater: true });
    for (const n of index.names) {
      n.weights = index.weightsOf(n.prepared);
      if (slices.due()) await slices.pause();
    }
    return index;
  }

  /** The gathered names this index was made from (screen/index-snapshot.ts keeps them). */
  gathered(): GatheredNames {
    return { entities: this.entities, names: this.names, namesOf: this.namesOf, postings: this.postings, deletionPostings: this.deletionPostings, byIdentifier: this.byIdentifier, df: this.df };
  }

  /** Weights of the words of a name. */
  weightsOf(name: PreparedName): Float64Array {
    const person = name.kind === 'person';
    const out = new Float64Array(name.tokens.length);
    name.tokens.forEach((t, i) => { out[i] = this.weight(t, person); });
    return out;
  }

  get size(): number {
    return this.entities.length;
  }

  /** Entities having this word key (in the reference index, when weights come from one). */
  documentFrequency(key: string): number {
    return (this.reference ?? this).df.get(key) ?? 0;
  }

  /**
   * Weight of a word in name comparison: company-form words 0.1, country
   * words 0.2, generic words (Trading, Export) 0.35, numbers 0.8, other words by rarity, from 1 (in one entity, or
   * unknown) down to 0.25 (in most); 0.5 at least in a person's name.
   */
  readonly weight = (t: NameToken, person = false): number => {
    switch (t.cls) {
      case 'stop': return 0;
      case 'legal': return 0.1;
      case 'country': return 0.2;
      case 'generic': return 0.35;
      case 'number': return 0.8;
      default: {
        const ref = this.reference ?? this;
        const df = ref.df.get(t.key) ?? 0;
        if (df <= 1) return 1;
        // A person's words never weigh under 0.5: a different surname is a different person, however common.
        return Math.max(person ? 0.5 : 0.25, 1 - Math.log(df) / ref.logN);
      }
    }
  };

  /** Entities having this identifier (any form: letters and digits compared). */
  lookupIdentifier(value: string): readonly number[] {
    return this.byIdentifier.get(normalizeIdentifier(value)) ?? EMPTY;
  }

  /** Name slots under an exact blocking key. */
  lookup(key: string): readonly number[] {
    return this.postings.get(key) ?? EMPTY;
  }

  /** Name slots whose word, with one letter deleted, is this key. */
  lookupDeletion(key: string): readonly number[] {
    return this.deletionPostings.get(key) ?? EMPTY;
  }
}

const EMPTY: readonly number[] = [];

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}
