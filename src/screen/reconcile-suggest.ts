/**
 * The suggest services of the Reconciliation API (0.2), as OpenRefine's
 * "search for match" box and its column dialogs call them with `prefix=`:
 * entities (the graph's name search, within the service's dataset), types
 * (the FtM schemata room39 matches) and properties (room39's extension
 * columns and FtM properties), and the entity flyout (a short HTML card).
 */
import { countryName } from '../model/countries.ts';
import type { Queryable } from '../store/db.ts';
import { ftmModel, schemaLabel } from '../store/ftm.ts';
import { searchEntities } from '../store/search.ts';
import { isMatchableSchema } from '../match/score-schema.ts';
import type { MatchableEntity } from '../match/types.ts';
import type { DatasetScope } from './datasets.ts';
import { escapeHtml } from './report.ts';
import { ROOM39_COLUMNS, proposeProperties } from './reconcile-extend.ts';
import { querySchemaOf } from './query.ts';

export interface SuggestItem { id: string; name: string; description?: string; notable?: { id: string; name: string }[] }

/** Most suggestions in one answer. */
const MAX_SUGGEST = 50;

const norm = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');

function page<T>(items: T[], cursor: number, limit: number): T[] {
  return items.slice(cursor, cursor + Math.min(Math.max(limit, 1), MAX_SUGGEST));
}

/** Entities whose name or alias starts with, or contains, the prefix. */
export async function suggestEntities(q: Queryable, prefix: string, scope: DatasetScope, type: string | null, cursor: number, limit: number): Promise<SuggestItem[]> {
  if (prefix.trim() === '') return [];
  // A type room39 does not know (another service's, kept in an OpenRefine column) narrows nothing.
  const schema = type ? querySchemaOf(type) ?? null : null;
  const hits = await searchEntities(q, prefix.slice(0, 200), { schema, limit: 200 });
  const inScope = scope.filter ? hits.filter((h) => h.datasets.some((d) => scope.filter!.includes(d))) : hits;
  return page(inScope, cursor, limit).map((h) => ({
    id: h.id,
    name: h.caption,
    description: [schemaLabel(h.schema), h.datasets.join(', '), h.matched !== h.caption ? `also known as ${h.matched}` : ''].filter(Boolean).join(' · '),
    notable: [{ id: h.schema, name: schemaLabel(h.schema) }],
  }));
}

/** The FtM schemata room39 matches whose name or label the prefix starts (or is in). */
export function suggestTypes(prefix: string, cursor: number, limit: number): SuggestItem[] {
  const p = norm(prefix.trim());
  const all = ftmModel.getSchemata().filter((s) => !s.abstract && isMatchableSchema(s.name) && (s.matchable || s.name === 'LegalEntity'));
  const scored = all
    .map((s) => ({ s, rank: norm(s.name).startsWith(p) || norm(s.label).startsWith(p) ? 0 : norm(s.label).includes(p) ? 1 : 2 }))
    .filter((x) => x.rank < 2)
    .sort((a, b) => a.rank - b.rank || a.s.label.localeCompare(b.s.label));
  return page(scored.map(({ s }) => ({ id: s.name, name: s.label, ...(s.description ? { description: s.description } : {}) })), cursor, limit);
}

/** room39's extension columns and FtM properties whose id or name holds the prefix. */
export function suggestProperties(prefix: string, type: string | null, cursor: number, limit: number): SuggestItem[] {
  const p = norm(prefix.trim());
  const pool = [...ROOM39_COLUMNS, ...proposeProperties(type, 500)];
  const seen = new Set<string>();
  const found = pool.filter((x) => {
    if (seen.has(x.id)) return false;
    seen.add(x.id);
    return norm(x.id).includes(p) || norm(x.name).includes(p);
  });
  return page(found.map((x) => ({ id: x.id, name: x.name, description: x.description })), cursor, limit);
}

/** The flyout of an entity in OpenRefine's suggest box: escaped HTML, no script. */
export function flyoutHtml(e: MatchableEntity): string {
  const countries = [...new Set(e.countries.map(countryName))].join(', ');
  const flags = e.flags.map((f) => escapeHtml(f.label)).join('<br>');
  return `<p><strong>${escapeHtml(e.caption)}</strong> (${escapeHtml(schemaLabel(e.schema))})</p>`
    + `<p>${escapeHtml(e.datasets.join(', '))}${countries ? ` · ${escapeHtml(countries)}` : ''}</p>${flags ? `<p>${flags}</p>` : ''}`;
}
