/**
 * The one predicate that decides what a public export leaves out. Testimony
 * and anything identifying a witness is protected; whoever adds a protected
 * kind of record extends this function, and every export honours it.
 */
export interface StatementFacts {
  schema: string;
  prop: string;
  dataset: string;
  /** Kind of the statement's source (sources.kind). */
  sourceKind: string | null;
}

const PROTECTED_SCHEMAS = new Set(['Testimony']);
const PROTECTED_DATASETS = /^(room39_)?testimon/;

export function isProtected(s: StatementFacts): boolean {
  return (
    PROTECTED_SCHEMAS.has(s.schema) ||
    PROTECTED_DATASETS.test(s.dataset) ||
    s.sourceKind === 'testimony'
  );
}
