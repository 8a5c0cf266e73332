/**
 * yente's `/catalog`: the datasets room39 screens against, each with its
 * version and dates (an official list: its current version as
 * `room39 lists status` gives it — published, fetched, stale or not — and
 * every earlier version imported), and the collections
 * (`default`, `dprk`) with the datasets they hold. room39 matches over the
 * store itself, so every dataset's index is current.
 */
import type { Queryable } from '../store/db.ts';
import { storedDatasets, storedListVersions, type StoredListVersion } from '../store/catalog.ts';
import { countEntities } from '../store/entities.ts';
import { listStatus, type ListStatus } from '../ingest/lists/status.ts';
import { COLLECTION_NAMES, DPRK_COLLECTION } from './datasets.ts';

export interface CatalogVersion {
  version: string;
  published: string | null;
  fetched_at: string;
  entries: number;
  dprk_entries: number;
}

export interface CatalogDataset {
  name: string;
  title: string;
  summary: string | null;
  url: string | null;
  load: boolean;
  entities_url: string | null;
  version: string;
  index_version: string;
  index_current: boolean;
  children: string[];
  updated_at: string | null;
  /** room39's additions: who publishes it, when the current version was published and fetched, whether it is stale, how many entities it has, and every version imported. */
  publisher: string | null;
  published: string | null;
  fetched_at: string | null;
  stale: boolean | null;
  entity_count: number;
  versions: CatalogVersion[];
}

export interface Catalog {
  datasets: CatalogDataset[];
  current: string[];
  outdated: string[];
  index_stale: boolean;
}

const CURATED: Record<string, { title: string; summary: string }> = {
  room39_seeds: {
    title: 'room39 curated graph',
    summary: 'Organs, companies, officials, host countries and figures of North Korea\u2019s overseas labour system, each fact with its source, quote and grade',
  },
  room39_legal: { title: 'room39 legal instruments', summary: 'Laws, resolutions and their sections that the curated graph cites' },
};

const COLLECTIONS: Record<string, { title: string; summary: string }> = {
  default: { title: 'Everything room39 holds', summary: 'All datasets: the official lists and the curated graph' },
  dprk: { title: 'DPRK programmes and the curated graph', summary: 'Every list entry under a DPRK programme, and the curated graph' },
};

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : null);

function listDataset(name: string, status: ListStatus | undefined, versions: StoredListVersion[], entities: number, updatedAt: string | null): CatalogDataset {
  const latest = versions[0]!;
  const version = status?.version ?? latest.version;
  return {
    name, title: status?.title ?? latest.title.replace(/, \d{4}-\d{2}-\d{2}$/, ''), summary: null, url: status?.source_url ?? latest.url, load: true,
    entities_url: null, version, index_version: version, index_current: true, children: [], updated_at: status?.fetched_at ?? latest.importedAt ?? updatedAt,
    publisher: latest.publisher, published: status?.published ?? latest.published, fetched_at: status?.fetched_at ?? latest.importedAt,
    stale: status?.stale ?? null, entity_count: entities,
    versions: versions.map((v) => ({ version: v.version, published: v.published, fetched_at: v.importedAt, entries: v.entries, dprk_entries: v.dprkEntries })),
  };
}

function plainDataset(name: string, entities: number, updatedAt: string | null): CatalogDataset {
  const known = CURATED[name] ?? COLLECTIONS[name];
  const version = day(updatedAt) ?? 'unknown';
  return {
    name, title: known?.title ?? name, summary: known?.summary ?? null, url: null, load: true, entities_url: null,
    version, index_version: version, index_current: true, children: [], updated_at: updatedAt,
    publisher: CURATED[name] ? 'room39' : null, published: null, fetched_at: null, stale: null, entity_count: entities, versions: [],
  };
}

/** The catalogue of a store; `indexed` adds datasets the index holds from bundled files not imported yet. */
export async function yenteCatalog(q: Queryable, indexed: ReadonlySet<string> = new Set()): Promise<Catalog> {
  const versions = await storedListVersions(q);
  const statuses = (await listStatus(q)).lists;
  const stored = await storedDatasets(q);
  const counts = new Map(stored.map((d) => [d.name, d]));
  const names = new Set([...stored.map((d) => d.name), ...versions.map((v) => v.dataset), ...indexed]);
  for (const c of COLLECTION_NAMES) names.delete(c);
  const datasets: CatalogDataset[] = [];
  for (const name of [...names].sort()) {
    const own = versions.filter((v) => v.dataset === name);
    const count = counts.get(name);
    const status = statuses.find((st) => st.list === name);
    datasets.push(own.length ? listDataset(name, status, own, count?.entities ?? 0, count?.updatedAt ?? null) : plainDataset(name, count?.entities ?? 0, count?.updatedAt ?? null));
  }
  const children = datasets.map((d) => d.name);
  const latest = datasets.map((d) => d.updated_at).filter((x): x is string => !!x).sort().at(-1) ?? null;
  const dprk = plainDataset('dprk', counts.get('dprk')?.entities ?? 0, latest);
  dprk.children = children.filter((n) => DPRK_COLLECTION.includes(n) || versions.some((v) => v.dataset === n && v.dprkEntries > 0));
  const all = plainDataset('default', await countEntities(q), latest);
  all.children = children;
  const out = [all, dprk, ...datasets];
  return { datasets: out, current: out.map((d) => d.name), outdated: [], index_stale: false };
}

