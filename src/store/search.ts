/**
 * Search of the evidence graph by name and alias, ignoring case, accents,
 * hyphens and spacing, with every word of the query found in any order.
 */
import type { Queryable } from './db.ts';
import { ftmModel, ROOM39_SCHEMA_NAMES } from './ftm.ts';
import { searchKey, searchTokens } from './normalize.ts';

export interface SearchHit {
  id: string;
  schema: string;
  caption: string;
  score: number;
  datasets: string[];
  topics: string[];
  /** The name or alias that matched. */
  matched: string;
}

export interface SearchOptions {
  schema?: string | null;
  limit?: number;
  /** Only entities in this dataset or collection (e.g. `room39_seeds`, `dprk`). */
  dataset?: string | null;
}

/** Schemas that are the given one or descend from it. */
export function schemaFamily(schema: string): string[] {
  if (ROOM39_SCHEMA_NAMES.includes(schema)) return [schema];
  const base = ftmModel.schemata[schema];
  if (!base) return [schema];
  return ftmModel.getSchemata().filter((s) => s.isA(base)).map((s) => s.name);
}

function score(key: string, tokens: string[], norm: string): number {
  if (norm === key) return 1;
  const coverage = key.length / norm.length;
  if (norm.startsWith(key)) return 0.85 + 0.1 * coverage;
  if (norm.includes(key)) return 0.7 + 0.1 * coverage;
  // Every word of the query is in the name, in another order.
  const tokenChars = tokens.reduce((n, t) => n + t.length, 0);
  return 0.5 + 0.2 * Math.min(1, tokenChars / norm.length);
}

export async function searchEntities(q: Queryable, query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
  const limit = Math.max(1, Math.min(options.limit ?? 20, 500));
  const key = searchKey(query);
  const tokens = [...new Set(searchTokens(query))].filter((t) => t.length > 0);
  if (!key) return [];
  const patterns = tokens.map((t) => `%${t}%`);
  const schemas = options.schema ? schemaFamily(options.schema) : null;
  const rows = await q.query<{ entity_id: string; name: string; norm: string; canonical_id: string | null }>(
    `SELECT n.entity_id, n.name, n.norm, l.canonical_id
       FROM entity_names n
       JOIN entities e ON e.id = n.entity_id
       LEFT JOIN entity_links l ON l.member_id = n.entity_id AND l.judgement = 'positive' AND l.undone_at IS NULL
      WHERE (n.norm LIKE $1 OR n.norm LIKE ALL($2::text[]))
        AND ($3::text[] IS NULL OR e.schema = ANY($3::text[]))
        AND ($4::text IS NULL OR $4 = ANY(e.datasets))
      LIMIT 5000`,
    [`%${key}%`, patterns, schemas, options.dataset ?? null],
  );
  const best = new Map<string, { score: number; matched: string }>();
  for (const r of rows) {
    const id = r.canonical_id ?? r.entity_id;
    const s = score(key, tokens, r.norm);
    const prev = best.get(id);
    if (!prev || s > prev.score) best.set(id, { score: s, matched: r.name });
  }
  const ranked = [...best.entries()].sort((a, b) => b[1].score - a[1].score || a[0].localeCompare(b[0])).slice(0, limit);
  if (ranked.length === 0) return [];
  const entities = await q.query<{ id: string; schema: string; caption: string; datasets: string[]; topics: string[] }>(
    'SELECT id, schema, caption, datasets, topics FROM entities WHERE id = ANY($1::text[])',
    [ranked.map(([id]) => id)],
  );
  const byId = new Map(entities.map((e) => [e.id, e]));
  return ranked.flatMap(([id, { score: s, matched }]) => {
    const e = byId.get(id);
    return e ? [{ id, schema: e.schema, caption: e.caption, score: Math.round(s * 1000) / 1000, datasets: e.datasets, topics: e.topics, matched }] : [];
  });
}
