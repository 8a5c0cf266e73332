/**
 * `room39 resolve`: the resolver from the command line.
 *   resolve [status]                      canonical entities, records merged, open candidates, judgements
 *   resolve xref                          run the cross-reference job (candidate pairs with score and explanation)
 *   resolve candidates [--proposed] [--limit N] [--offset N]
 *   resolve same|different|unsure A B --reviewer NAME [--note T] [--force]   a judgement on two records (--force: merge even two records of one list)
 *   resolve undo JUDGEMENT --reviewer NAME [--note T]
 *   resolve show ID                       the records behind an entity and the judgements on them
 *   resolve link                          run the merge rules again (after a change to them)
 */
import { optInt, optString, UsageError, type CliCommand, type CliContext } from '../command.ts';
import { table } from '../table.ts';
import type { CandidateView } from '../../resolve/index.ts';
import type { Judgement, JudgementKind } from '../../store/resolver.ts';

const RUN_XREF = 'run room39 resolve xref (a few seconds per 10,000 records), then room39 resolve candidates';
const DECISIONS: Record<string, JudgementKind> = { same: 'positive', different: 'negative', unsure: 'unsure', positive: 'positive', negative: 'negative' };

function reviewer(ctx: CliContext): string {
  const r = optString(ctx.args, 'reviewer') ?? process.env.ROOM39_REVIEWER ?? null;
  if (!r) throw new UsageError('say who judges: --reviewer NAME (or set ROOM39_REVIEWER)');
  return `cli:${r}`;
}

const brief = (props: Record<string, string[]>) =>
  ['birthDate', 'nationality', 'country', 'position', 'passportNumber', 'idNumber', 'imoNumber', 'program', 'address'].flatMap((p) => (props[p] ?? []).slice(0, 2).map((v) => `${p}=${v.slice(0, 40)}`)).join('; ');

/** Each pair: both records, then what the score rests on and what speaks against it (the cross-reference job's explanation, the name's and the schema's lines left out). */
function candidateRows(list: CandidateView[]): string[][] {
  return list.flatMap((c) => [
    [c.score.toFixed(2), c.proposed ? 'proposed' : '', c.left.id, c.left.caption, brief(c.left.properties)],
    ['', '', c.right.id, c.right.caption, brief(c.right.properties)],
    ...c.explanation.filter((x) => x.feature !== 'name' && x.feature !== 'schema').map((x) => ['', '', '', `  ${x.feature}`, x.detail]),
  ]);
}

const judgementRow = (j: Judgement) => [j.id, j.judgement, `${j.left_id} ${j.right_id}`, j.rule ?? j.made_by, j.created_at.slice(0, 19), j.undone_at ? `undone ${j.undone_at.slice(0, 10)}` : 'standing'];

const valueText = (v: unknown): string => (Array.isArray(v) ? v.map(valueText).join(', ') : v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v));

/** What a judgement rests on, a line each: the rule's evidence, or the person's note and the candidate's score and explanation; and its undo. */
function evidenceLines(j: Judgement): string[] {
  const ev = j.evidence ?? {};
  const lines = [`${j.id}: ${j.left_id} ${j.judgement === 'positive' ? '=' : j.judgement === 'negative' ? '≠' : '?'} ${j.right_id}, ${j.rule ? `rule ${j.rule}` : `judged by ${j.made_by}`}`];
  if (typeof ev['note'] === 'string') lines.push(`  note: ${ev['note']}`);
  for (const [k, v] of Object.entries(ev)) {
    if (['rule', 'records', 'note', 'explanation', 'xref_proposed'].includes(k)) continue;
    lines.push(`  ${k.replace(/_/g, ' ')}: ${k === 'xref_score' && typeof v === 'number' ? `${v.toFixed(2)}${ev['xref_proposed'] ? ' (proposed)' : ''}` : valueText(v)}`);
  }
  const explanation = Array.isArray(ev['explanation']) ? (ev['explanation'] as { feature?: string; detail?: string }[]) : [];
  for (const x of explanation) if (x.feature !== 'schema') lines.push(`  ${x.feature ?? ''}: ${x.detail ?? ''}`);
  if (j.undone_at) lines.push(`  undone ${j.undone_at.slice(0, 19)} by ${j.undone_by ?? 'someone'}: ${j.undo_reason ?? ''}`);
  return lines;
}

export const resolveCommand: CliCommand = {
  name: 'resolve',
  summary: 'Entity resolution: cross-reference candidates, judgements that merge or keep records apart, and undo.',
  usage: 'resolve [status|xref|candidates|same A B|different A B|unsure A B|undo ID|show ID|link] [--reviewer NAME] [--note T] [--force] [--proposed] [--limit N] [--offset N] [--json]',
  options: { reviewer: { type: 'string' }, note: { type: 'string' }, force: { type: 'boolean' }, proposed: { type: 'boolean' }, limit: { type: 'string' }, offset: { type: 'string' } },
  async run(ctx) {
    const { decide, linkRecords, openCandidates, resolutionOf, resolutionStats, runXref, xrefAdvice } = await import('../../resolve/index.ts');
    const { getJudgement, undoJudgement } = await import('../../store/resolver.ts');
    const [action = 'status', ...ids] = ctx.args.positionals;
    const db = (await ctx.services()).db;
    const needIds = (n: number) => {
      if (ids.length !== n) throw new UsageError(`room39 resolve ${action} takes ${n === 1 ? 'one id' : 'two record ids'} (got ${ids.length})`);
    };
    if (action === 'status') {
      needIds(0);
      const s = await resolutionStats(db);
      const advice = xrefAdvice(s.xref, RUN_XREF);
      return { json: s, text: `${s.canonical_entities} entities from ${s.records} records; ${s.records_merged} records merged into ${s.merged_entities} entities; ${s.open_candidates} open candidates (${s.open_proposed} proposed).\nJudgements by rule: ${JSON.stringify(s.judgements.by_rule)}; by people: ${JSON.stringify(s.judgements.by_people)}; undone: ${s.judgements.undone}${advice ? `\n${advice}` : ''}` };
    }
    if (action === 'xref') {
      needIds(0);
      const r = await db.transaction((tx) => runXref(tx));
      return { json: r, text: `Screened ${r.screened} records: ${r.candidates} open candidate pairs (${r.proposed} proposed for merging); ${r.settled} pairs already settled by judgements.\nReview them: room39 resolve candidates` };
    }
    if (action === 'link') {
      needIds(0);
      const r = await db.transaction((tx) => linkRecords(tx));
      return { json: r, text: `Rules joined ${r.candidates} pairs: ${r.created} new judgements, ${r.kept} already one entity, ${r.skipped} left apart.` };
    }
    if (action === 'candidates') {
      needIds(0);
      const r = await openCandidates(db, { proposedOnly: ctx.args.values['proposed'] === true, limit: optInt(ctx.args, 'limit', 20, 1, 500), offset: optInt(ctx.args, 'offset', 0, 0) });
      const advice = xrefAdvice(r.xref, RUN_XREF);
      const ran = `the cross-reference job (run ${r.xref.ran_at?.slice(0, 16).replace('T', ' ')} UTC)`;
      const none = `No open candidates: ${r.xref.candidates ? `every pair ${ran} found is judged` : `${ran} found no pair to review`}.`;
      const text = r.candidates.length
        ? `${table(['score', '', 'id', 'caption', 'details'], candidateRows(r.candidates))}\n${r.candidates.length} of ${r.total} open (${r.proposed} proposed). Decide with: room39 resolve same|different|unsure A B --reviewer NAME${advice ? `\n${advice}` : ''}`
        : advice ? `No open candidates. ${advice}` : none;
      return { json: r, text };
    }
    if (action in DECISIONS) {
      needIds(2);
      const r = await db.transaction((tx) => decide(tx, { a: ids[0]!, b: ids[1]!, judgement: DECISIONS[action]!, by: reviewer(ctx), note: optString(ctx.args, 'note'), force: ctx.args.values['force'] === true }));
      const j = r.judgement!;
      // Whose judgements this one replaced or split, so that overruling a colleague is never silent.
      const undone = await Promise.all(r.undone.map(async (id) => { const u = await getJudgement(db, id); return `${id} (${u.judgement} on ${u.left_id} and ${u.right_id}, by ${u.rule ? `rule ${u.rule}` : u.made_by})`; }));
      const already = j.made_by !== reviewer(ctx) ? ` (already judged so by ${j.made_by} on ${j.created_at.slice(0, 10)}; kept)` : '';
      return { json: r, text: `${j.id}: ${j.left_id} and ${j.right_id} judged ${j.judgement} by ${j.made_by}${already}${undone.length ? `; undone: ${undone.join('; ')}` : ''}.` };
    }
    if (action === 'undo') {
      needIds(1);
      const j = await db.transaction((tx) => undoJudgement(tx, ids[0]!, reviewer(ctx), optString(ctx.args, 'note') ?? 'undone'));
      return { json: { judgement: j }, text: `${j.id} undone by ${j.undone_by}.` };
    }
    if (action === 'show') {
      needIds(1);
      const r = await resolutionOf(db, ids[0]!);
      const evidence = r.judgements.map((j) => evidenceLines(j).join('\n')).join('\n');
      return {
        json: r,
        text: `${r.id}: ${r.referents.join(', ')}\n${r.judgements.length ? `${table(['judgement', 'kind', 'records', 'by', 'when', 'status'], r.judgements.map(judgementRow))}\n\nEvidence:\n${evidence}` : 'No judgements.'}`,
      };
    }
    throw new UsageError(`unknown resolve action "${action}": use status, xref, candidates, same, different, unsure, undo, show or link`);
  },
};
