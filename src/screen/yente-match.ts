/**
 * yente's `/match` semantics over room39's matcher: the filters its clients
 * send (include/exclude dataset, exclude schema, topics, changed_since,
 * exclude_entity_ids), feature weights, and `total` counted as yente counts
 * it: the matches (score at or above the threshold) among the candidates
 * scored, not the results returned.
 */
import { invalidOption } from '../errors.ts';
import { MATCH_FEATURES } from '../match/features.ts';
import { isKnownQuerySchema } from '../match/score-schema.ts';
import type { MatchableEntity, MatchQuery, MatchResult, WeightedFeature } from '../match/types.ts';
import { isoTimestamp, type EntityDates } from './index-facts.ts';
import type { ScreeningOptions } from './options.ts';
import type { ScreeningService } from './service.ts';
import type { Queryable } from '../store/db.ts';
import { canonicalId, clusterIds } from '../store/entities.ts';
import { ftmModel } from '../store/ftm.ts';

export interface YenteFilters {
  /** Only entities in one of these datasets. */
  includeDatasets: readonly string[];
  /** No entity in any of these datasets. */
  excludeDatasets: readonly string[];
  /** No entity of these schemata. */
  excludeSchemas: readonly string[];
  /** Only entities with one of these topics. */
  topics: readonly string[];
  /** Only entities changed on or after this date (YYYY-MM-DD…). */
  changedSince: string | null;
  /** Record ids never returned (with every record merged with them). */
  excludeIds: ReadonlySet<string>;
}

export const NO_FILTERS: YenteFilters = {
  includeDatasets: [], excludeDatasets: [], excludeSchemas: [], topics: [], changedSince: null, excludeIds: new Set(),
};

export interface YenteOutcome {
  /** Matches among the candidates scored. */
  total: number;
  results: MatchResult[];
}

/** How many candidates are scored at least, whatever the limit (yente scores a window of candidates too). */
const MIN_WINDOW = 20;

/** The entity filter of a set of yente filters, or undefined when there is none. */
export function filterOf(f: YenteFilters, dates: ReadonlyMap<string, EntityDates>): ((e: MatchableEntity) => boolean) | undefined {
  const include = f.includeDatasets.length ? new Set(f.includeDatasets) : null;
  const exclude = new Set(f.excludeDatasets);
  const schemas = new Set(f.excludeSchemas);
  const topics = f.topics.length ? new Set(f.topics) : null;
  const since = isoTimestamp(f.changedSince);
  if (!include && !exclude.size && !schemas.size && !topics && !since) return undefined;
  return (e) => {
    if (include && !e.datasets.some((d) => include.has(d))) return false;
    if (e.datasets.some((d) => exclude.has(d))) return false;
    if (schemas.has(e.schema)) return false;
    if (topics && !e.topics.some((t) => topics.has(t))) return false;
    if (since) {
      const changed = isoTimestamp(dates.get(e.id)?.lastChange);
      if (!changed || changed < since) return false;
    }
    return true;
  };
}

/** One yente query against the index: results best first, at most `limit`, and the number of matches. */
export function yenteMatch(
  service: ScreeningService, query: MatchQuery, options: ScreeningOptions, filters: YenteFilters,
  dates: ReadonlyMap<string, EntityDates>, weights?: Partial<Record<WeightedFeature, number>>,
): YenteOutcome {
  if (query.names.length === 0 && query.identifiers.length === 0) return { total: 0, results: [] };
  // yente's window: at least MIN_WINDOW candidates ranked and counted, only `limit` returned (and explained).
  return service.matcher.matchCounted(query, {
    threshold: options.threshold, cutoff: options.cutoff, limit: options.limit, window: MIN_WINDOW,
    datasets: options.dataset.filter, excludeIds: filters.excludeIds, accept: filterOf(filters, dates), weights,
  });
}

/** Checks exclude_schema names (a misspelt schema would silently exclude nothing). */
export function checkSchemas(field: string, names: readonly string[]): string[] {
  for (const n of names) if (!isKnownQuerySchema(n)) throw invalidOption(field, `unknown schema "${n.slice(0, 40)}"`);
  return [...names];
}

/** yente's `weights`: keys are feature names of `/algorithms`; the name score is the base and cannot be weighted. */
export function parseWeights(raw: Readonly<Record<string, number>> | undefined): Partial<Record<WeightedFeature, number>> | undefined {
  if (!raw || Object.keys(raw).length === 0) return undefined;
  const out: Partial<Record<WeightedFeature, number>> = {};
  for (const [key, value] of Object.entries(raw)) {
    const feature = MATCH_FEATURES.find((f) => f.key === key);
    if (!feature) throw invalidOption('weights', `unknown feature "${key.slice(0, 40)}"; room39's features are ${MATCH_FEATURES.map((f) => f.key).join(', ')} (see /algorithms)`);
    if (feature.feature === 'name') throw invalidOption('weights', `${key} is the base score of room39's matcher and takes no weight; weight ${MATCH_FEATURES.filter((f) => f.feature !== 'name').map((f) => f.key).join(', ')}`);
    if (!Number.isFinite(value) || value < 0 || value > 1) throw invalidOption('weights', `${key} must be a number from 0 to 1 (got ${value})`);
    out[feature.feature] = value;
  }
  return out;
}

/** room39's own topics beside FollowTheMoney's (sanction, role.pep, …). */
const ROOM39_TOPICS = ['labour.export', 'labour.host'];

/** Checks topic names against FollowTheMoney's topic vocabulary and room39's own. */
export function checkTopics(field: string, names: readonly string[]): string[] {
  const known = ftmModel.getType('topic').values;
  for (const n of names) {
    if (!known.has(n) && !ROOM39_TOPICS.includes(n)) throw invalidOption(field, `unknown topic "${n.slice(0, 40)}"; topics are FollowTheMoney's (sanction, role.pep, crime, …) and ${ROOM39_TOPICS.join(', ')}`);
  }
  return [...names];
}

/**
 * Every record id of the entities the given ids name: an id may be a merged
 * record or the canonical entity, and excluding it excludes the whole entity
 * (yente: "supplying any of the referents of a merged entity will exclude
 * that entity").
 */
export async function expandEntityIds(q: Queryable, ids: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const id of ids) {
    out.add(id);
    for (const member of await clusterIds(q, await canonicalId(q, id))) out.add(member);
  }
  return out;
}
