/**
 * The scoring rules of bench/resolve/dprk-names-100.json and pairs-labelled.json as pure
 * functions, so every door (CLI, API, web) is scored the same way. They know nothing of room39's
 * code: an answer is a list of results, each the record ids (referents) behind one result.
 */

export interface ExpectedEntity {
  role: 'target' | 'namesake';
  records: string[];
  may_include?: string[];
  basis: string;
}

export interface NameItem {
  n: number;
  input: { name: string; schema: string; birth_date?: string; country?: string };
  expected: ExpectedEntity[];
}

export interface ItemScore {
  /** Exactly one result per expected entity that appears, no result mixing two of them, and the target found. */
  pass: boolean;
  /** `pass`, and the target's result carries every one of the target's records. */
  complete: boolean;
  problems: string[];
}

/**
 * `loaded` limits the expected records to the lists the system has imported (e.g. no `gb-` ids
 * before a UK importer exists); an entity left with no record is not scored.
 */
export function scoreItem(item: NameItem, answer: string[][], loaded: (id: string) => boolean = () => true): ItemScore {
  const problems: string[] = [];
  const entities = item.expected
    .map((e) => ({ ...e, records: e.records.filter(loaded), allowed: new Set([...e.records, ...(e.may_include ?? [])]) }))
    .filter((e) => e.records.length > 0);
  const holders = entities.map(() => [] as string[][]);
  for (const result of answer) {
    const hit = entities.map((e, i) => (result.some((id) => e.records.includes(id)) ? i : -1)).filter((i) => i >= 0);
    if (hit.length === 0) continue;
    if (hit.length > 1) {
      problems.push(`one result merges ${hit.map((i) => entities[i]?.records[0]).join(' and ')}`);
      continue;
    }
    const i = hit[0] as number;
    const own = entities[i] as (typeof entities)[number];
    const stray = result.filter((id) => !own.allowed.has(id) && entities.some((e) => e.allowed.has(id)));
    if (stray.length) problems.push(`the result for ${own.records[0]} also holds ${stray.join(', ')}`);
    holders[i]?.push(result);
  }
  entities.forEach((e, i) => {
    const n = holders[i]?.length ?? 0;
    if (n > 1) problems.push(`${e.records[0]} answered by ${n} results`);
    if (n === 0 && e.role === 'target') problems.push(`target ${e.records[0]} not found`);
  });
  const pass = problems.length === 0;
  const targetIndex = entities.findIndex((e) => e.role === 'target');
  const targetResult = holders[targetIndex]?.[0] ?? [];
  const missing = (entities[targetIndex]?.records ?? []).filter((id) => !targetResult.includes(id));
  return { pass, complete: pass && missing.length === 0, problems: missing.length && pass ? [`target result lacks ${missing.join(', ')}`] : problems };
}

export interface LabelledPair {
  a: string;
  b: string;
  pool: string;
  label: 'same' | 'different' | 'unsure';
}

/**
 * Precision of proposed merges on the labelled pairs: proposals whose pair is labelled `same`
 * over proposals whose pair is labelled `same` or `different` (unsure and unlabelled pairs are
 * left out). Recall: labelled `same` pairs proposed, over all labelled `same` pairs.
 */
export function scoreProposals(pairs: LabelledPair[], proposed: Array<[string, string]>, pools?: Set<string>) {
  const key = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);
  const label = new Map(pairs.filter((p) => !pools || pools.has(p.pool)).map((p) => [key(p.a, p.b), p.label]));
  const seen = new Set(proposed.map(([a, b]) => key(a, b)));
  let tp = 0, fp = 0;
  for (const k of seen) {
    const l = label.get(k);
    if (l === 'same') tp++;
    else if (l === 'different') fp++;
  }
  const same = [...label.values()].filter((l) => l === 'same').length;
  return { judged: tp + fp, precision: tp + fp ? tp / (tp + fp) : null, recall: same ? tp / same : null, falseMerges: fp };
}
