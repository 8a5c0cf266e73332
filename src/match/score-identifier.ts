/**
 * Identifiers: passport, national id, registration, IMO numbers. The same
 * number on both sides is strong evidence whatever the names say; a different
 * number proves little (documents are renewed), so it changes nothing.
 */
import type { ExplanationItem, MatchableIdentifier } from './types.ts';

/** Comparable form of an identifier: letters and digits only, upper case, `IMO` prefix dropped. */
export function normalizeIdentifier(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]/g, '').replace(/^IMO(?=\d{7}$)/, '');
}

/** The effect of the same number on both sides. */
export const IDENTIFIER_AGREES = 0.6;

/** Same number: the score is pulled 60% of the way to 1, and to at least 0.85. */
export function compareIdentifiers(query: string[], candidate: MatchableIdentifier[]): { effect: number; item: ExplanationItem } | null {
  if (query.length === 0 || candidate.length === 0) return null;
  for (const q of query) {
    const nq = normalizeIdentifier(q);
    if (nq.length < 4) continue;
    const hit = candidate.find((c) => normalizeIdentifier(c.value) === nq);
    if (hit) {
      return {
        effect: IDENTIFIER_AGREES,
        item: { feature: 'identifier', score: IDENTIFIER_AGREES, detail: `identifier agrees: ${hit.type ?? 'number'} ${hit.value}`, query: q, candidate: hit.value },
      };
    }
  }
  return null;
}
