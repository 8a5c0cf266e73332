/**
 * What the store holds, dataset by dataset, for catalogues (yente's
 * `/catalog`): every imported version of each official list with its
 * publication and import dates, and how many entities each dataset has.
 * Read-only.
 */
import type { Queryable } from './db.ts';

export interface StoredListVersion {
  dataset: string;
  version: string;
  title: string;
  publisher: string | null;
  published: string | null;
  url: string | null;
  entries: number;
  dprkEntries: number;
  importedAt: string;
}

interface VersionRow {
  dataset: string; version: string; title: string; publisher: string | null; published: string | null; url: string | null;
  entries: number; dprk_entries: number; imported_at: string | Date;
}

/** Every imported list version, newest first within each dataset (by publication, then import). */

export async function storedListVersions(q: Queryable): Promise<StoredListVersion[]> {
  const rows = await q.query<VersionRow>(
    `SELECT v.dataset, v.version, s.title, s.publisher, coalesce(v.published, s.published) AS published, coalesce(v.source_url, s.url) AS url,
            v.entries, v.dprk_entries, coalesce(v.fetched_at, v.imported_at) AS imported_at
       FROM list_versions v JOIN sources s ON s.id = v.source_id
      ORDER BY v.dataset, coalesce(v.published, v.version) DESC, v.imported_at DESC`,
  );
  return rows.map((r) => ({
    dataset: r.dataset, version: r.version, title: r.title, publisher: r.publisher, published: r.published, url: r.url,
    entries: r.entries, dprkEntries: r.dprk_entries, importedAt: new Date(r.imported_at).toISOString(),
  }));
}

export interface StoredDataset {
  name: string;
  entities: number;
  /** The latest change of any of its entities' derived rows. */
  updatedAt: string | null;
}

/** Each dataset named on an entity, with its entity count. */
export async function storedDatasets(q: Queryable): Promise<StoredDataset[]> {
  const rows = await q.query<{ name: string; n: number; at: string | Date | null }>(
    `SELECT d AS name, count(*)::int AS n, max(updated_at) AS at FROM entities, unnest(datasets) AS d GROUP BY d ORDER BY d`,
  );
  return rows.map((r) => ({ name: r.name, entities: r.n, updatedAt: r.at ? new Date(r.at).toISOString() : null }));
}

