/**
 * Measures entity resolution (issue 14) on the bundled lists and seed graph:
 * canonical entities, records merged, open cross-reference candidates; the
 * share of the 100 DPRK names (dprk-names-100.json) whose screening answer
 * has exactly one matching result per real entity; and the precision of the
 * merges and of the cross-reference job's proposals on pairs-labelled.json.
 * Scoring is score.ts's. Screening is `room39 screen`'s (CSV row → query →
 * matcher over the store's canonical entities, default options).
 *
 *   npx tsx bench/resolve/run.ts [--data DIR] [--xref] [--review] [--json]
 *
 * Without --data a fresh data directory is filled from the bundle and the
 * official list files in ../shared/data/official (OFAC SDN CSV 2024-05-03,
 * UN 2026-02-27, UK summary 2025-08-11; a few minutes); a data directory
 * lacking a list gets it imported. --xref runs the cross-reference job first (its proposals are
 * scored; without it, the candidates already stored are). --review then
 * applies one reviewer's decisions on its candidates (reviewed.json) as
 * judgements, and the names are scored again after them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, readSettings } from '../../src/config/settings.ts';
import { openServices } from '../../src/services.ts';
import { ScreeningService } from '../../src/screen/service.ts';
import { parseScreeningOptions } from '../../src/screen/options.ts';
import { screenRow } from '../../src/screen/screen.ts';
import { decide, runXref, resolutionStats } from '../../src/resolve/index.ts';
import { importListFile } from '../../src/ingest/lists/import.ts';
import { OFFICIAL, officialListFiles } from '../../test/support/official.ts';
import { scoreItem, scoreProposals, type LabelledPair, type NameItem } from './score.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const value = (name: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] ?? null : null; };

const here = path.join(REPO_ROOT, 'bench/resolve');
const names = JSON.parse(fs.readFileSync(path.join(here, 'dprk-names-100.json'), 'utf8')) as { items: (NameItem & { variant: string })[] };
const reviewed = JSON.parse(fs.readFileSync(path.join(here, 'reviewed.json'), 'utf8')) as { reviewer: string; decisions: { a: string; b: string; judgement: 'same' | 'different' | 'unsure' }[] };
const JUDGEMENT = { same: 'positive', different: 'negative', unsure: 'unsure' } as const;
const pairs = (JSON.parse(fs.readFileSync(path.join(here, 'pairs-labelled.json'), 'utf8')) as { pairs: LabelledPair[] }).pairs;

const dataDir = value('data') ?? fs.mkdtempSync(path.join(os.tmpdir(), 'room39-resolve-bench-'));
const started = Date.now();
const services = await openServices(readSettings({ dataDir, databaseUrl: null }));
const db = services.db;
try {
  const imported = new Set((await db.query<{ dataset: string }>('SELECT DISTINCT dataset FROM list_versions')).map((r) => r.dataset));
  const lists = [...officialListFiles(), { file: OFFICIAL.ukOds, format: 'uk' as const, date: '2025-08-11' }];
  const datasetOf = { 'ofac-csv': 'us_ofac_sdn', 'un-xml': 'un_sc_sanctions', uk: 'gb_fcdo_sanctions' } as Record<string, string>;
  for (const list of lists) if (!imported.has(datasetOf[list.format] ?? '')) await importListFile(db, list);
  const xref = flag('xref') ? await db.transaction((tx) => runXref(tx)) : null;
  const stats = await resolutionStats(db);
  const loadedIds = new Set((await db.query<{ id: string }>(
    `SELECT id FROM entities UNION SELECT record_id FROM canonical_ids UNION SELECT entity_id FROM list_entries`)).map((r) => r.id));
  const loaded = (id: string) => loadedIds.has(id);

  const names100 = await scoreNames(loaded);
  const mergedByRules = await mergedPairs();
  let review: { applied: number; same: number; different: number; unsure: number; refused: string[]; names100_after: Awaited<ReturnType<typeof scoreNames>> } | null = null;
  if (flag('review')) {
    const counts = { same: 0, different: 0, unsure: 0 };
    const refused: string[] = [];
    for (const d of reviewed.decisions) {
      try {
        await db.transaction((tx) => decide(tx, { a: d.a, b: d.b, judgement: JUDGEMENT[d.judgement], by: `reviewer:${reviewed.reviewer}`, note: 'bench/resolve/reviewed.json', force: true })); // reviewed decisions stand as made, even two records of one list
        counts[d.judgement]++;
      } catch (e) {
        refused.push(`${d.a} ${d.b}: ${(e as Error).message}`);
      }
    }
    review = { applied: reviewed.decisions.length - refused.length, ...counts, refused, names100_after: await scoreNames(loaded) };
  }

  // pairs-labelled: the merges made (two records in one canonical entity) and the xref job's proposals.
  const merged = mergedByRules;
  const candidates = await db.query<{ left_id: string; right_id: string; proposed: boolean }>('SELECT left_id, right_id, proposed FROM xref_candidates');
  const proposed = candidates.filter((r) => r.proposed).map((r): [string, string] => [r.left_id, r.right_id]);
  const drawn = new Set(pairs.map((p) => p.pool).filter((p) => p !== 'hard-case'));
  const falseMerges = merged.filter(([a, b]) => pairs.find((p) => p.a === a && p.b === b)?.label === 'different');
  const result = {
    data: dataDir, seconds: Math.round((Date.now() - started) / 1000),
    lists_loaded: [...new Set([...loadedIds].map((id) => id.split('-')[0]))].sort(),
    ...stats,
    xref_run: xref,
    names100: { pass: names100.pass, complete: names100.complete, pass_counting_results_below_threshold: names100.passAll, of: names.items.length },
    review: review && { ...review, names100_after: { pass: review.names100_after.pass, complete: review.names100_after.complete } },
    merges: { all: scoreProposals(pairs, merged), drawn_pools: scoreProposals(pairs, merged, drawn), false_merges: falseMerges },
    merges_after_review: review ? scoreProposals(pairs, await mergedPairs()) : null,
    xref_proposals: { all: scoreProposals(pairs, proposed), drawn_pools: scoreProposals(pairs, proposed, drawn), proposed: proposed.length },
    // Every candidate (proposed or left to the reviewer), read as if each were a merge: how often the queue's pairs are the same entity.
    xref_candidates_as_merges: scoreProposals(pairs, candidates.map((r): [string, string] => [r.left_id, r.right_id])),
    failures: (review?.names100_after ?? names100).failures,
  };
  if (flag('json')) console.log(JSON.stringify(result, null, 1));
  else {
    const { failures: f, ...rest } = result;
    console.log(JSON.stringify(rest, null, 1));
    console.log(`\nnames not passing (${f.length}):\n${f.join('\n')}`);
  }
} finally {
  await services.close();
}

/** The labelled pairs whose two records stand in one canonical entity now. */
async function mergedPairs(): Promise<Array<[string, string]>> {
  const canonical = new Map((await db.query<{ record_id: string; canonical_id: string }>('SELECT record_id, canonical_id FROM canonical_ids')).map((r) => [r.record_id, r.canonical_id]));
  return pairs.filter((p) => canonical.has(p.a) && canonical.get(p.a) === canonical.get(p.b)).map((p): [string, string] => [p.a, p.b]);
}

/** Screens each of the 100 names as `room39 screen` does and scores the matching results. */
async function scoreNames(loaded: (id: string) => boolean) {
  const service = await ScreeningService.fromStore(db);
  const options = parseScreeningOptions({});
  let pass = 0, complete = 0, passAll = 0;
  const failures: string[] = [];
  for (const item of names.items) {
    const input = { name: item.input.name, schema: item.input.schema, birth_date: item.input.birth_date, country: item.input.country };
    const r = screenRow(service.matcher, { row: item.n, input }, options);
    const s = scoreItem(item, r.matches.filter((m) => m.match).map((m) => m.referents ?? [m.id]), loaded);
    if (s.pass) pass++; else failures.push(`${item.n} ${item.input.name}: ${s.problems.join('; ')}`);
    if (s.complete) complete++;
    if (scoreItem(item, r.matches.map((m) => m.referents ?? [m.id]), loaded).pass) passAll++;
  }
  return { pass, complete, passAll, failures };
}
