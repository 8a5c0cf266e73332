/**
 * yente's `GET /search/{dataset}`: the graph's name search (src/store/search.ts:
 * case, accents, word order and Korean spellings ignored), filtered as
 * yente's clients ask (datasets, schema, countries, topics, target,
 * changed_since, exclude_*), paged (limit, offset) and with facet counts of
 * countries, topics, datasets and schemata over everything that matched.
 * An empty query lists the index's entities under the same filters.
 */
import { countryName } from '../model/countries.ts';
import type { Queryable } from '../store/db.ts';
import { ftmModel, ftmSchema } from '../store/ftm.ts';
import { searchEntities } from '../store/search.ts';
import type { DatasetScope } from './datasets.ts';
import { isoTimestamp, type EntityDates } from './index-facts.ts';
import type { ScreeningService } from './service.ts';
import type { YenteEntity } from './yente-entity.ts';
import { filterOf, type YenteFilters } from './yente-match.ts';

export const SEARCH_FACETS = ['countries', 'topics', 'datasets', 'schema'] as const;
export type SearchFacetName = (typeof SEARCH_FACETS)[number];

export interface YenteSearchParams {
  q: string;
  /** null: any schema (yente's `Thing`). */
  schema: string | null;
  scope: DatasetScope;
  filters: YenteFilters;
  /** yente's `datasets`: only entities of one of these. */
  datasets: string[];
  countries: string[];
  target: boolean | null;
  limit: number;
  offset: number;
  facets: SearchFacetName[];
}

interface Candidate { id: string; caption: string; schema: string; datasets: string[]; topics: string[]; countries: string[]; properties: Record<string, string[]> }

export interface YenteSearchResponse {
  results: YenteEntity[];
  facets: Record<string, { label: string; values: { name: string; label: string; count: number }[] }>;
  total: { value: number; relation: string };
  limit: number;
  offset: number;
}

/** How many hits are looked at, at most (the store's search stops there too). */
const WINDOW = 500;

async function candidates(q: Queryable, service: ScreeningService, p: YenteSearchParams): Promise<Candidate[]> {
  if (p.q.trim() === '') {
    return service.matcher.index.entities.slice().sort((a, b) => a.caption.localeCompare(b.caption)).map((e) => ({ ...e }));
  }
  const hits = await searchEntities(q, p.q, { schema: p.schema, limit: WINDOW });
  return hits.map((h) => {
    const record = service.byId.get(h.id);
    return { id: h.id, caption: h.caption, schema: h.schema, datasets: h.datasets, topics: h.topics, countries: record?.countries ?? [], properties: record?.properties ?? {} };
  });
}

function facetCounts(found: Candidate[], names: SearchFacetName[]): YenteSearchResponse['facets'] {
  const topicLabels = ftmModel.getType('topic').values;
  const label: Record<SearchFacetName, { title: string; of: (c: Candidate) => string[]; name: (v: string) => string }> = {
    countries: { title: 'Countries', of: (c) => c.countries.map((x) => x.toLowerCase()), name: (v) => countryName(v) },
    topics: { title: 'Topics', of: (c) => c.topics, name: (v) => topicLabels.get(v) ?? v },
    datasets: { title: 'Data sources', of: (c) => c.datasets, name: (v) => v },
    schema: { title: 'Entity types', of: (c) => [c.schema], name: (v) => ftmSchema(v)?.label ?? v },
  };
  const out: YenteSearchResponse['facets'] = {};
  for (const f of names) {
    const counts = new Map<string, number>();
    for (const c of found) for (const v of new Set(label[f].of(c))) counts.set(v, (counts.get(v) ?? 0) + 1);
    out[f] = {
      label: label[f].title,
      values: [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 50).map(([name, count]) => ({ name, label: label[f].name(name), count })),
    };
  }
  return out;
}

export async function yenteSearch(q: Queryable, service: ScreeningService, dates: ReadonlyMap<string, EntityDates>, p: YenteSearchParams): Promise<YenteSearchResponse> {
  const accept = filterOf(p.filters, dates);
  const scope = p.scope.filter ? new Set(p.scope.filter) : null;
  const datasets = p.datasets.length ? new Set(p.datasets) : null;
  const countries = p.countries.length ? new Set(p.countries.map((c) => c.toLowerCase())) : null;
  const schemas = p.schema && p.q.trim() === '' ? new Set(ftmModel.getSchemata().filter((s) => s.isA(p.schema!)).map((s) => s.name)) : null;
  const found = (await candidates(q, service, p)).filter((c) => {
    if (scope && !c.datasets.some((d) => scope.has(d))) return false;
    if (datasets && !c.datasets.some((d) => datasets.has(d))) return false;
    if (countries && !c.countries.some((x) => countries.has(x.toLowerCase()))) return false;
    if (schemas && !schemas.has(c.schema)) return false;
    if (p.target !== null && c.topics.includes('sanction') !== p.target) return false;
    if (p.filters.excludeIds.has(c.id)) return false;
    return accept ? accept({ ...c, names: [], birthDates: [], identifiers: [], programs: [], flags: [] }) : true;
  }).slice(0, WINDOW);
  const page = found.slice(p.offset, p.offset + p.limit);
  return {
    results: page.map((c) => {
      const d = dates.get(c.id);
      return {
        id: c.id, caption: c.caption, schema: c.schema, properties: c.properties, datasets: c.datasets, referents: [], target: c.topics.includes('sanction'),
        first_seen: isoTimestamp(d?.firstSeen), last_seen: isoTimestamp(d?.lastSeen), last_change: isoTimestamp(d?.lastChange),
      };
    }),
    facets: facetCounts(found, p.facets),
    total: { value: found.length, relation: found.length >= WINDOW ? 'gte' : 'eq' },
    limit: p.limit,
    offset: p.offset,
  };
}
