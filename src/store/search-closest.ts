/**
 * The closest names, when no name holds every word of a query ("Korea Namgang
 * Construction": OFAC lists NAMGANG CONSTRUCTION and KOREA NAMGANG TRADING
 * CORPORATION, neither with all three words): the names that hold all words
 * but one, each with the word it lacks. Leaving out a word many names hold
 * (Korea, Trading) costs little, a rare one (Namgang) much: a hit's rank and
 * score are those for the other words times the share of the query's weight
 * they carry, a word's weight being how rare it is among the names (log of
 * names over names holding it; a word no name holds weighs as one held by a
 * single name). Hand-written: room39's ranking policy over its own name index.
 */
import type { Queryable } from './db.ts';
import { namesHolding, searchRanked, type SearchHit, type SearchOptions } from './search.ts';
import { searchTokens } from './normalize.ts';

/** The most words a query may have for its closest names to be looked for (one search per word left out). */
const MOST_WORDS = 8;

export async function searchClosest(q: Queryable, query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
  const tokens = [...new Set(searchTokens(query))].filter((t) => t.length > 0);
  if (tokens.length < 2 || tokens.length > MOST_WORDS) return [];
  const limit = Math.max(1, Math.min(options.limit ?? 20, 500));
  const { names, holding } = await namesHolding(q, tokens);
  const weights = holding.map((n) => Math.log(Math.max(2, names) / Math.max(1, n)));
  const total = weights.reduce((a, b) => a + b, 0);
  const best = new Map<string, { hit: SearchHit; rank: number }>();
  for (let i = 0; i < tokens.length; i++) {
    const share = total > 0 ? 1 - weights[i]! / total : 1 / tokens.length;
    const rest = tokens.filter((_, j) => j !== i).join(' ');
    for (const { hit, rank } of await searchRanked(q, rest, { ...options, limit })) {
      const prev = best.get(hit.id);
      if (prev && prev.rank >= rank * share) continue;
      best.set(hit.id, { rank: rank * share, hit: { ...hit, score: Math.round(hit.score * share * 1000) / 1000, unmatched: [tokens[i]!] } });
    }
  }
  return [...best.values()].sort((a, b) => b.rank - a.rank || a.hit.id.localeCompare(b.hit.id)).slice(0, limit).map((r) => r.hit);
}
