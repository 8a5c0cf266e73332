/**
 * Running the labelled evaluation set (test/match/eval-set.json, built by
 * test/match/build-eval-set.ts from the official lists): recall on held-out
 * aliases, false-positive rate on names that must not match, overall and per
 * group, at one or many thresholds.
 */
import { normalizeName, prepareName, nameKindOf } from '../names/index.ts';
import { expandNames } from './entity.ts';
import type { Matcher } from './matcher.ts';
import type { MatchableEntity } from './types.ts';

export type EvalCategory =
  | 'variant' // the alias is a spelling, romanisation or form variant of a name the entity keeps (the goal: recall ≥ 0.98)
  | 'partial' // the alias is a kept name with words left out or added (Young-Chul ~ Kim Young-Chol; Unsan ~ Unsan Solid Tools)
  | 'initials' // a one-word acronym that is the initials of a kept name (RGB ~ Reconnaissance General Bureau)
  | 'acronym' // a one-word acronym that is not (KOMID, GENCO)
  | 'distinct' // a different name altogether (another identity, a former name, a translation, a cover name)
  | 'script' // written in another script (Chinese)
  | 'korean_person' // negative: an unlisted person with a common Korean name
  | 'similar_company' // negative: a company name with a listed company's generic words
  | 'real_company' // negative: a real company that is not listed
  | 'other_programme'; // negative: an entry of a non-DPRK programme, screened against the DPRK set

export interface EvalCase {
  query: string;
  /** Schema given with the query, or null (unknown, as in most spreadsheets). */
  schema: string | null;
  /** Expected entity id, or null for a name that must not match. */
  expect: string | null;
  /** For positives: the alias held out of the expected entity's names. */
  holdOut: string | null;
  category: EvalCategory;
  /** `korean` when the query is a Korean person's name. */
  korean: boolean;
  /** Dataset screened against: `dprk` or null (everything). */
  dataset: string | null;
}

export interface EvalOutcome {
  c: EvalCase;
  /** Best score of the expected entity (positives) or of any entity (negatives). */
  score: number;
  /** For negatives: the entity that scored best. */
  top: string | null;
}

/** Names of the entity (normalised as the index holds them) that come only from the held-out alias. */
export function heldOutNames(entity: MatchableEntity, alias: string): Set<string> {
  const kind = nameKindOf(entity.schema);
  const norm = (v: string) => prepareName(v, kind).normalized;
  const aliasNorm = norm(alias);
  const plain = normalizeName(alias);
  const kept = entity.names.filter((n) => n.value !== alias && normalizeName(n.value) !== plain);
  if (entity.names.some((n) => n.value !== alias && normalizeName(n.value) === plain)) return new Set();
  // Another listed name that reads the same once normalised (SHPG = Shipping): nothing to hold out.
  if (kept.some((n) => norm(n.value) === aliasNorm)) return new Set();
  // Rebuild the names without the alias: whatever disappears came from it (its bracket parts, its acronyms).
  const rebuilt = new Set(expandNames(kept, entity.schema).map((n) => norm(n.value)));
  // An acronym that is the initials of another listed name stays findable under the initials the
  // index derives from that name (RGB from Reconnaissance General Bureau): only what the alias alone gives goes.
  const out = new Set<string>(rebuilt.has(aliasNorm) ? [] : [aliasNorm]);
  for (const n of expandNames([{ value: alias, strength: 'strong' }], entity.schema)) {
    const v = norm(n.value);
    if (!rebuilt.has(v)) out.add(v);
  }
  return out;
}

/** Score every case once (threshold-free): the evaluation at any threshold is then a count. */
export function scoreCases(matcher: Matcher, cases: EvalCase[], entitiesById: Map<string, MatchableEntity>): EvalOutcome[] {
  const out: EvalOutcome[] = [];
  for (const c of cases) {
    const datasets = c.dataset ? [c.dataset] : undefined;
    const query = { names: [c.query], schema: c.schema, birthDates: [], countries: [], identifiers: [] };
    if (c.expect) {
      const entity = entitiesById.get(c.expect);
      const excludeNames = new Map<string, Set<string>>();
      if (entity && c.holdOut) excludeNames.set(entity.id, heldOutNames(entity, c.holdOut));
      const results = matcher.match(query, { datasets, excludeNames, limit: 50, cutoff: 0.3 });
      const hit = results.find((r) => r.entity.id === c.expect);
      out.push({ c, score: hit?.score ?? 0, top: results[0]?.entity.id ?? null });
    } else {
      const results = matcher.match(query, { datasets, limit: 1, cutoff: 0.3 });
      out.push({ c, score: results[0]?.score ?? 0, top: results[0]?.entity.id ?? null });
    }
  }
  return out;
}

export interface EvalSummary {
  threshold: number;
  positives: number;
  recall: number;
  negatives: number;
  falsePositiveRate: number;
  byCategory: Record<string, { n: number; rate: number; kind: 'recall' | 'false_positive_rate' }>;
  korean: { positives: number; recall: number; negatives: number; falsePositiveRate: number };
  /** Recall on the `variant` category alone (the goal's measure). */
  variantRecall: number;
  /** Recall on variants of Korean persons' names. */
  koreanVariant: { n: number; recall: number };
}

/** Metrics at one threshold. */
export function summarize(outcomes: EvalOutcome[], threshold: number): EvalSummary {
  const pos = outcomes.filter((o) => o.c.expect);
  const neg = outcomes.filter((o) => !o.c.expect);
  const rate = (xs: EvalOutcome[], f: (o: EvalOutcome) => boolean) => (xs.length ? xs.filter(f).length / xs.length : 0);
  const hit = (o: EvalOutcome) => o.score >= threshold;
  const byCategory: EvalSummary['byCategory'] = {};
  for (const cat of [...new Set(outcomes.map((o) => o.c.category))]) {
    const xs = outcomes.filter((o) => o.c.category === cat);
    const positive = xs[0]?.c.expect !== null;
    byCategory[cat] = { n: xs.length, rate: round(rate(xs, hit)), kind: positive ? 'recall' : 'false_positive_rate' };
  }
  const kpos = pos.filter((o) => o.c.korean);
  const kneg = neg.filter((o) => o.c.korean);
  return {
    threshold,
    positives: pos.length,
    recall: round(rate(pos, hit)),
    negatives: neg.length,
    falsePositiveRate: round(rate(neg, hit)),
    byCategory,
    korean: { positives: kpos.length, recall: round(rate(kpos, hit)), negatives: kneg.length, falsePositiveRate: round(rate(kneg, hit)) },
    variantRecall: round(rate(pos.filter((o) => o.c.category === 'variant'), hit)),
    koreanVariant: { n: kpos.filter((o) => o.c.category === 'variant').length, recall: round(rate(kpos.filter((o) => o.c.category === 'variant'), hit)) },
  };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
