/**
 * The rule run: after every list import (and on `room39 resolve link`), the
 * rules of rules.ts compare the records that share a name key or an
 * identifier, and each pair a rule joins becomes a positive judgement with
 * the rule's evidence (store/resolver.ts). A pair judged before (by a rule
 * or a person, standing or undone) is never judged again by a rule, nor a
 * pair across a negative judgement; and a rule never puts two records of the
 * same list into one entity (a list does not list one party twice).
 */
import type { Queryable } from '../store/db.ts';
import { loadClusterState, recordJudgements, type JudgementInput } from '../store/resolver.ts';
import { markRuled, type BucketWrite } from '../store/resolver-buckets.ts';
import { bucketKeysOf, bucketsByDataset, encodeBucketChange, encodeBuckets, MAX_BUCKET, noBuckets, type DatasetBuckets, type StoredShape } from './buckets.ts';
import { changedProposals, rememberBuckets, sortProposals, type IncrementalRun, type Proposal } from './incremental.ts';
import { loadResolveRecords, type ResolveRecord } from './records.ts';
import { judgePair, nameCounts } from './rules.ts';

export const RULE_RECORDER = 'room39-resolver';

export interface LinkReport {
  /** Pairs a rule joined. */
  candidates: number;
  /** New positive judgements recorded. */
  created: number;
  /** Pairs already in one entity. */
  kept: number;
  /** Pairs left apart: judged before, across a negative judgement, or two records of one list. */
  skipped: number;
  byRule: Record<string, number>;
}

/** Every pair of records some rule joins, strongest rule first. */
export function proposeByRules(recs: readonly ResolveRecord[]): Proposal[] {
  const counts = nameCounts(recs);
  const buckets = new Map<string, ResolveRecord[]>();
  for (const r of recs) {
    for (const key of bucketKeysOf(r)) {
      const list = buckets.get(key);
      if (list) list.push(r);
      else buckets.set(key, [r]);
    }
  }
  const out = new Map<string, Proposal>();
  for (const list of buckets.values()) {
    if (list.length < 2 || list.length > MAX_BUCKET) continue;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = list[i]!.id < list[j]!.id ? [list[i]!, list[j]!] : [list[j]!, list[i]!];
        const key = `${a.id}|${b.id}`;
        if (out.has(key)) continue;
        const match = judgePair(a, b, counts);
        if (match) out.set(key, { a, b, match });
      }
    }
  }
  return sortProposals(out.values());
}

export interface LinkOptions {
  madeBy?: string;
  /** The records a list version added, changed or delisted (main entity ids), and that list's dataset: the rules need only look again at them. */
  changed?: readonly string[];
  dataset?: string;
  /** The store showed what the last rule run saw when the version began (store/resolver-buckets.ts ruledStampHolds): only then can the run look at the changes alone. */
  rulesCurrent?: boolean;
}

const datasetByPrefix = (id: string) => id.split('-')[0] ?? id;

/** Changes stored after a full write of a list's buckets before they are folded into it: past this many, or past this share of its size. */
const FOLD_AFTER_CHANGES = 30, FOLD_AFTER_SHARE = 0.25;

/**
 * What a run writes of the buckets: a full run all of them; a list version's run only its change to that list's (a few
 * kB instead of a few MB), or the list's buckets in full when there is no full write to change or the changes pile up.
 */
export function bucketWrites(partial: IncrementalRun | null, buckets: ReadonlyMap<string, DatasetBuckets>, dataset: string | undefined): BucketWrite[] {
  const full = (ds: string): BucketWrite => ({ dataset: ds, kind: 'full', data: encodeBuckets(buckets.get(ds) ?? noBuckets()) });
  if (!partial || !dataset) return [...buckets.keys()].map(full);
  const change = encodeBucketChange(partial.change);
  const stored = partial.shapes.get(dataset);
  if (!stored || stored.changes + 1 > FOLD_AFTER_CHANGES || stored.changeChars + change.length > stored.fullChars * FOLD_AFTER_SHARE) return [full(dataset)];
  return [{ dataset, kind: 'change', data: change }];
}

/** What is stored of each dataset's buckets once the writes are made. */
function shapesAfter(before: ReadonlyMap<string, StoredShape>, writes: readonly BucketWrite[], replaceAll: boolean): Map<string, StoredShape> {
  const out = new Map(replaceAll ? [] : before);
  for (const w of writes) {
    const was = out.get(w.dataset);
    out.set(w.dataset, w.kind === 'full' || !was
      ? { changes: 0, fullChars: w.data.length, changeChars: 0 }
      : { ...was, changes: was.changes + 1, changeChars: was.changeChars + w.data.length });
  }
  return out;
}

/** Runs the rules over the store's records and records the pairs they join. */
export async function linkRecords(q: Queryable, opts: LinkOptions = {}): Promise<LinkReport> {
  // After a list version that says what it changed, only its changes are looked at (incremental.ts), when the store allows.
  const partial = opts.changed && opts.dataset && opts.rulesCurrent ? await changedProposals(q, opts.changed, opts.dataset) : null;
  let proposals: Proposal[];
  let buckets: Map<string, DatasetBuckets>;
  let known: (id: string) => string | undefined;
  if (partial) {
    ({ proposals, buckets, datasetOf: known } = partial);
  } else {
    const recs = await loadResolveRecords(q);
    const byId = new Map(recs.map((r) => [r.id, r.dataset]));
    known = (id) => byId.get(id);
    proposals = proposeByRules(recs);
    buckets = bucketsByDataset(recs);
  }
  const datasetOf = (id: string) => known(id) ?? datasetByPrefix(id);
  const state = await loadClusterState(q);
  // The clusters as this run joins them, with the lists each holds.
  const parent = new Map<string, string>();
  const lists = new Map<string, Set<string>>();
  const find = (id: string): string => { const p = parent.get(id); return p === undefined || p === id ? id : find(p); };
  const listsOf = (root: string) => lists.get(root) ?? new Set([datasetOf(root)]);
  for (const [rec, canonical] of state.canonicalMap()) {
    parent.set(rec, canonical);
    lists.set(canonical, listsOf(canonical).add(datasetOf(rec)));
  }
  const report: LinkReport = { candidates: proposals.length, created: 0, kept: 0, skipped: 0, byRule: {} };
  const inputs: JudgementInput[] = [];
  for (const p of proposals) {
    const ra = find(p.a.id), rb = find(p.b.id);
    if (ra === rb) { report.kept++; continue; }
    const la = listsOf(ra), lb = listsOf(rb);
    const acrossNegative = state.negatives.some((n) => { const l = find(n.left_id), r = find(n.right_id); return (l === ra && r === rb) || (l === rb && r === ra); });
    if (state.ever.has(`${p.a.id}|${p.b.id}`) || acrossNegative || [...la].some((d) => lb.has(d))) { report.skipped++; continue; }
    parent.set(rb, ra);
    lists.set(ra, new Set([...la, ...lb]));
    inputs.push({
      a: p.a.id, b: p.b.id, judgement: 'positive', rule: p.match.rule, madeBy: opts.madeBy ?? RULE_RECORDER,
      evidence: { rule: p.match.rule, ...p.match.evidence, records: [p.a.id, p.b.id], names: [p.a.names[0] ?? null, p.b.names[0] ?? null] },
    });
  }
  const results = await recordJudgements(q, inputs);
  const writes = bucketWrites(partial, buckets, opts.dataset);
  const token = await markRuled(q, writes, !partial);
  rememberBuckets({ token, buckets, shapes: shapesAfter(partial?.shapes ?? new Map(), writes, !partial) });
  results.forEach((r, i) => {
    if (r.judgement && !r.skipped) {
      report.created++;
      const rule = inputs[i]!.rule!;
      report.byRule[rule] = (report.byRule[rule] ?? 0) + 1;
    } else report.skipped++;
  });
  return report;
}
