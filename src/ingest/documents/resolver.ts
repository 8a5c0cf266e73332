/**
 * EntityResolver implementations over the screening matcher (src/match):
 * the same matcher that screens suppliers decides which graph entity a name
 * in a document is, so romanisation variants and aliases ("Kim Won Hong",
 * "Kim Won-hong", "Bureau 39", "Room 39") resolve alike. The graph it matches
 * against is the curated entities plus the DPRK-related entries of the
 * official lists; the rest of the world's sanctions lists (terrorists,
 * narcotics traffickers) is not what documents about North Korean labour are
 * read for, and matching against it would mostly add false mentions. The
 * answers for the graph's own names (the names its sources give, and those
 * names written in other cases or spacings) are computed when a resolver is
 * built and kept while it lives (about 900 matcher calls, ~0.4 s on the bundled
 * graph; the server's extraction workers build one per graph version), so a
 * document's first reading scores only the names the graph does not give.
 */
import path from 'node:path';
import type { Queryable } from '../../store/db.ts';
import { Matcher } from '../../match/matcher.ts';
import { cleanText, compactKey, normalizeName } from '../../names/normalize.ts';
import { fromEntityView } from '../../match/entity.ts';
import { readListFiles, type ListFileRef } from '../lists/matchable.ts';
import type { MatchableEntity, MatchResult } from '../../match/types.ts';
import { DPRK_DATASET } from '../lists/dprk.ts';
import { readDataset, toGraphRecords } from '../dataset/read.ts';
import type { EntityProperties, EntityView } from '../../model/entity.ts';
import type { EntityResolver, ResolveWanted, ResolvedEntity } from '../../extract/types.ts';
import { NameFilter } from '../../extract/name-filter.ts';

/** Schemas a person or organisation mention can resolve to. */
export const MENTION_SCHEMAS = ['Person', 'Organization', 'Company', 'PublicBody', 'LegalEntity'] as const;
const LIST_DATASETS = ['us_ofac_sdn', 'un_sc_sanctions', 'gb_fcdo_sanctions'];
/** Properties the matcher reads. */
const MATCH_PROPS = ['name', 'alias', 'weakAlias', 'previousName', 'firstName', 'lastName', 'birthDate', 'nationality', 'citizenship', 'country', 'jurisdiction'];

/** Answers remembered per resolver (one graph version); emptied past this many so a long-running server's memory stays bounded. */
const ANSWER_LIMIT = 50_000;

export interface ResolverOptions {
  /**
   * Every candidate the name filter lets through scored in full, against every pair of names (no cutoff from the
   * threshold, no bound in the matcher): slower, for checking that those shortcuts change no answer
   * (test/extract/resolver-shortcuts.test.ts). The name filter stays: it decides which names are candidates at all.
   */
  exhaustive?: boolean;
  /** The table of the graph's own names made at build (`precomputeGivenNames`); default: unless exhaustive. */
  precompute?: boolean;
}

export class MatcherResolver implements EntityResolver {
  private readonly filter: NameFilter;
  /**
   * Each name's answer, kept while this resolver lives: the graph behind it does not change (a new graph gets a new
   * resolver). One memory per threshold asked with (`ResolveWanted`; none: the full answer), as answers under a
   * threshold may differ below it.
   */
  private readonly answers = new Map<number, Map<string, ResolvedEntity | null>>();
  /** Compact keys of each entity's given names: a property of the graph, computed once per entity (kept by `forget`). */
  private readonly givenKeys = new WeakMap<MatchableEntity, ReadonlySet<string>>();
  /** Compact keys of every given name of the graph: a name outside it is exact for no entity. */
  private readonly anyGivenKey = new Set<string>();
  /** The answer for each given name of the graph, as written there (`precomputeGivenNames`). */
  private readonly givenAnswers = new Map<string, ResolvedEntity | null>();
  /** The same answers by how the matcher reads the name (`readingOf`), for a given name written otherwise. */
  private readonly givenReadings = new Map<string, ResolvedEntity>();
  /** Readings two given names share with different answers (none on the bundled graph): always scored. */
  private readonly mixedReadings = new Set<string>();

  /** The lowest score a name's answer may have. */
  private readonly cutoff = 0.5;
  private readonly exhaustive: boolean;

  constructor(private readonly matcher: Matcher, options: ResolverOptions = {}) {
    this.exhaustive = options.exhaustive ?? false;
    this.filter = new NameFilter(matcher.index);
    for (const e of matcher.index.entities) for (const k of this.givenKeysOf(e)) this.anyGivenKey.add(k);
    if (options.precompute ?? !this.exhaustive) this.precomputeGivenNames();
  }

  /**
   * The answer for each name the graph gives an entity, written as the graph writes it, computed now (at graph-build
   * time) and kept for as long as this resolver lives (`forget` keeps it: it is a property of the graph, not of what
   * was read). A given name's answer does not depend on the threshold asked with (`cutoffFor`: exact names keep the
   * full cutoff), so one table serves every threshold. On the seeds about half the names the matcher scores are
   * one of these; test/extract/resolver-precomputed.test.ts checks the table against the matcher's own answers.
   */
  private precomputeGivenNames(): void {
    for (const e of this.matcher.index.entities) {
      for (const name of this.givenNamesOf(e)) {
        if (this.givenAnswers.has(name)) continue;
        const passes = this.filter.mayMatch(name);
        const key = compactKey(name);
        const answer = passes ? this.matchOne(name, key, -1) : null;
        this.givenAnswers.set(name, answer);
        if (answer) this.rememberReading(readingOf(name, key), answer);
      }
    }
    // What the filter remembered of these names' words is not kept: a first reading starts with none.
    this.filter.forget();
  }

  /**
   * A given name written otherwise ("UN Security Council" for "UN SECURITY COUNCIL") that the filter lets through
   * has the given name's answer when the matcher reads both alike: the matcher reads a query name only as
   * `normalizeName(cleanText(name))` (src/match/matcher.ts, `prepare`; explanations, which read it as written, are not
   * asked for), and the answer's exactness and cutoff depend only on the compact key. The test checks this on every
   * given name written in other cases and spacings, and on the candidates of the seeds and the corpus texts.
   */
  private rememberReading(reading: string, answer: ResolvedEntity): void {
    if (this.mixedReadings.has(reading)) return;
    const other = this.givenReadings.get(reading);
    if (!other) this.givenReadings.set(reading, answer);
    else if (!sameAnswer(other, answer)) {
      this.givenReadings.delete(reading);
      this.mixedReadings.add(reading);
    }
  }

  /**
   * The name filter every name goes through before scoring: this resolver answers null for every name it rejects (a
   * given name's answer is computed only when the filter lets it through), so extraction may leave those names out
   * (entities.ts asks the filter of each candidate's words, `NameFilter.rejectsRun`, without making the name).
   */
  get nameFilter(): NameFilter {
    return this.filter;
  }

  /** The names whose answers were computed with the graph (`precomputeGivenNames`), with them. */
  precomputedAnswers(): ReadonlyMap<string, ResolvedEntity | null> {
    return this.givenAnswers;
  }

  /** The answer computed with the graph for a name that is a given name written otherwise, if any (for tests). */
  precomputedReading(name: string): ResolvedEntity | undefined {
    return this.givenReadings.get(readingOf(name, compactKey(name)));
  }

  /** Forgets every remembered answer and word (for measuring a first reading); the answers computed with the graph stay. */
  forget(): void {
    this.filter.forget();
    this.answers.clear();
  }

  async resolveMany(names: readonly string[], wanted: ResolveWanted = {}): Promise<(ResolvedEntity | null)[]> {
    const threshold = wanted.threshold ?? -1;
    let answers = this.answers.get(threshold);
    if (!answers) this.answers.set(threshold, (answers = new Map()));
    return names.map((name) => {
      const known = answers.get(name);
      if (known !== undefined) return known;
      const answer = this.resolveOne(name, threshold);
      if (answers.size >= ANSWER_LIMIT) answers.clear();
      answers.set(name, answer);
      return answer;
    });
  }

  /**
   * The lowest score worth scoring a name for. A name that is none of the graph's given names (no exact answer) is
   * kept only when its answer scores at least `threshold`; the answer is the best-scored entity, ties of
   * `round(score × 50)` broken by curation, so every entity within 0.02 of the threshold is still scored (and 0.001
   * more for the rounding of scores): the same entity comes out whenever it reaches the threshold. Under that cutoff the matcher's bound on
   * each pair (src/match/score-bound.ts) skips most pairs without aligning them.
   */
  private cutoffFor(key: string, threshold: number): number {
    if (threshold < 0 || this.anyGivenKey.has(key)) return this.cutoff;
    return Math.max(this.cutoff, threshold - 0.021);
  }

  private resolveOne(name: string, threshold: number): ResolvedEntity | null {
    const given = this.givenAnswers.get(name);
    if (given !== undefined) return given;
    // Most candidates share no word with any graph name: dropped before scoring.
    if (!this.filter.mayMatch(name)) return null;
    const key = compactKey(name);
    if (this.givenReadings.size > 0 && this.anyGivenKey.has(key)) {
      const known = this.givenReadings.get(readingOf(name, key));
      if (known) return known;
    }
    return this.matchOne(name, key, threshold);
  }

  /** The matcher's answer for a name the filter let through (`key`: its compact key). */
  private matchOne(name: string, key: string, threshold: number): ResolvedEntity | null {
    const cutoff = this.exhaustive ? this.cutoff : this.cutoffFor(key, threshold);
    const results = this.matcher
      .match({ names: [name], schema: null, birthDates: [], countries: [], identifiers: [] }, { limit: 5, cutoff, threshold: cutoff, explain: false, exhaustive: this.exhaustive })
      .filter((r) => (MENTION_SCHEMAS as readonly string[]).includes(r.entity.schema));
    if (!results.length) return null;
    // An exact name first (exactly one of the names the sources give, not the initials the matcher derives from them:
    // "ID" for "Immigration Department"); among equals, the curated entity (it cites the documents it rests on) before a list entry.
    const top = Math.round(results[0]!.score * 50);
    const exactHit = results.filter((r) => this.givenKeysOf(r.entity).has(key)).sort(curatedFirst)[0];
    const best = exactHit ?? results.filter((r) => Math.round(r.score * 50) === top).sort(curatedFirst)[0]!;
    return { entityId: best.entity.id, caption: best.entity.caption, schema: best.entity.schema, score: best.score, exact: exactHit !== undefined };
  }

  private givenKeysOf(entity: MatchableEntity): ReadonlySet<string> {
    let keys = this.givenKeys.get(entity);
    if (!keys) {
      keys = new Set(this.givenNamesOf(entity).map(compactKey));
      this.givenKeys.set(entity, keys);
    }
    return keys;
  }

  /** The names the sources give an entity (its matcher names when it has none of these properties). */
  private givenNamesOf(entity: MatchableEntity): string[] {
    const given = ['name', 'alias', 'weakAlias', 'previousName'].flatMap((p) => entity.properties[p] ?? []);
    return given.length ? given : entity.names.map((n) => n.value);
  }
}

/** The curated entity before a list entry (a module-level function, not a closure made per name: tsx names each at its making). */
function curatedFirst(a: MatchResult, b: MatchResult): number {
  return Number(b.entity.id.startsWith('r39-')) - Number(a.entity.id.startsWith('r39-'));
}

/** How the matcher reads a query name (`normalizeName(cleanText(name))`), with the name's compact key. */
function readingOf(name: string, key: string): string {
  return `${normalizeName(cleanText(name))}\u0001${key}`;
}

function sameAnswer(a: ResolvedEntity, b: ResolvedEntity): boolean {
  return a.entityId === b.entityId && a.caption === b.caption && a.schema === b.schema && a.score === b.score && a.exact === b.exact;
}

function view(id: string, schema: string, caption: string, datasets: string[], properties: EntityProperties): EntityView {
  return { id, schema, caption, properties, datasets, topics: [], firstSeen: null, lastSeen: null };
}

/** The curated entities of the bundled dataset, read from its files (no database). */
export function curatedMatchables(bundleRoot: string): MatchableEntity[] {
  const dataset = readDataset(path.join(bundleRoot, 'data/dataset'), bundleRoot);
  const records = toGraphRecords(dataset, new Date().toISOString().slice(0, 10));
  const byId = new Map<string, { schema: string; datasets: Set<string>; props: EntityProperties }>();
  for (const s of records.statements) {
    if (!(MENTION_SCHEMAS as readonly string[]).includes(s.schema) || !MATCH_PROPS.includes(s.prop)) continue;
    const e = byId.get(s.entityId) ?? { schema: s.schema, datasets: new Set<string>(), props: {} };
    e.datasets.add(s.dataset);
    (e.props[s.prop] ??= []).push(s.value);
    byId.set(s.entityId, e);
  }
  return [...byId.entries()].map(([id, e]) => fromEntityView(view(id, e.schema, e.props['name']?.[0] ?? id, [...e.datasets], e.props)));
}

/** The DPRK-related persons and organisations of official list files, read from the files. */
export async function dprkListMatchables(files: readonly ListFileRef[]): Promise<MatchableEntity[]> {
  const records = await readListFiles(files);
  return records.map((r) => r.entity).filter((e) => e.datasets.includes(DPRK_DATASET) && (MENTION_SCHEMAS as readonly string[]).includes(e.schema));
}

/**
 * The graph without a database: the curated entities, and the DPRK-related entries of the list files given (none ship
 * with room39). `precompute: false` leaves out the table of the graph's own names (tests compare with it).
 */
export async function bundledResolver(bundleRoot: string, listFiles: readonly ListFileRef[] = [], options: ResolverOptions = {}): Promise<MatcherResolver> {
  return new MatcherResolver(new Matcher([...curatedMatchables(bundleRoot), ...(await dprkListMatchables(listFiles))]), options);
}

/** The persons and organisations of the graph as the store holds it now (accepted names), leaving out list entries unrelated to North Korea. */
export async function storeEntityViews(q: Queryable): Promise<EntityView[]> {
  const rows = await q.query<{ id: string; schema: string; caption: string; datasets: string[]; prop: string; value: string }>(
    `SELECT e.id, e.schema, e.caption, e.datasets, s.prop, s.value
       FROM entities e JOIN statements s ON s.entity_id = e.id
      WHERE e.schema = ANY($1::text[]) AND s.review_status = 'accepted' AND s.prop = ANY($2::text[])
        AND ($3 = ANY(e.datasets) OR NOT (e.datasets <@ $4::text[]))`,
    [[...MENTION_SCHEMAS], MATCH_PROPS, DPRK_DATASET, LIST_DATASETS],
  );
  const byId = new Map<string, EntityView>();
  for (const r of rows) {
    const v = byId.get(r.id) ?? view(r.id, r.schema, r.caption, r.datasets, {});
    (v.properties[r.prop] ??= []).push(r.value);
    byId.set(r.id, v);
  }
  return [...byId.values()];
}

/**
 * A resolver over entity records (the server's extraction workers build theirs from what the pool sends, and keep it
 * until the graph changes: they answer the graph's own names from the table made at build, `precompute`).
 */
export function resolverFromViews(views: readonly EntityView[], options: ResolverOptions = {}): MatcherResolver {
  return new MatcherResolver(new Matcher(views.map((v) => fromEntityView(v))), options);
}

/**
 * The graph as the store holds it now: every accepted person or organisation, leaving out list entries unrelated to
 * North Korea. Without the table of the graph's own names: this is the CLI's resolver, which reads one document and
 * exits (the table costs about 900 matcher calls on the bundled graph, more than one document asks).
 */
export async function storeResolver(q: Queryable): Promise<MatcherResolver> {
  return resolverFromViews(await storeEntityViews(q), { precompute: false });
}
