/** What `room39 case …` does (case.ts has its name and options): loaded only when the command runs, so other commands do not load the cases module (PDF reports, job queue). */
import path from 'node:path';
import { invalidOption } from '../../errors.ts';
import { optString, UsageError, type CliContext, type CommandResult } from '../command.ts';
import { cliActor } from './user.ts';
import { openReportFile } from '../report-file.ts';
import { parseScreeningOptions } from '../../screen/options.ts';
import { screeningService } from '../../screen/service.ts';
import { readScreenFile, type FileReadOptions } from '../../screen/file-input.ts';
import { inputReadOptions, mappingText, readHow } from '../input-options.ts';
import type { CsvRow, InputInfo } from '../../screen/csv-input.ts';
import {
  caseAlerts, caseReport, caseResults, createCase, decide, deleteCase, getCase, listCaseRecords, runPendingRescreens, caseLists, operatorAsker, unscreenedRows, latestDecisions, decisionKey, rowsOf,
  type CaseRecord,
} from '../../cases/index.ts';
import type { Queryable } from '../../store/db.ts';

/**
 * The case NAME (or id) names for the operator: the command line sees every case, its operator's own first; a name
 * several others share is an error listing their ids (cases/access.ts). The capabilities are then given its id.
 */
const theCase = (db: Queryable, name: string): Promise<CaseRecord> => getCase(db, name, operatorAsker(cliActor()));

const readOptions = (ctx: CliContext, onInfo: (i: InputInfo) => void): FileReadOptions => inputReadOptions(ctx.args, onInfo);

async function create(ctx: CliContext, [name, file]: string[]): Promise<CommandResult> {
  if (!name || !file) throw new UsageError('give the case name and the file: room39 case create NAME FILE.csv');
  let info: InputInfo | null = null;
  const rows = readScreenFile(file, ctx.log, readOptions(ctx, (i) => { info = i; }));
  const options = parseScreeningOptions({ threshold: optString(ctx.args, 'threshold'), dataset: optString(ctx.args, 'dataset'), limit: optString(ctx.args, 'limit') });
  const { db } = await ctx.services();
  const c = await createCase(db, () => screeningService(db), {
    name, rows, fileName: file, info: () => info, options, actor: cliActor(), webhookUrl: optString(ctx.args, 'webhook'),
  });
  const matches = await caseResults(db, c.id, { matchesOnly: true });
  const rowsWithMatch = new Set(matches.map((m) => m.row_no)).size;
  const notScreened = await unscreenedRows(db, c.id);
  return {
    json: { case: c, rows_with_match: rowsWithMatch, rows_not_screened: notScreened, matches: matches.length, lists: await caseLists(db, c.id) },
    text: `case "${c.name}": ${c.row_count} rows (${readHow(info)}), ${rowsWithMatch} with a match at threshold ${c.threshold}`
      + `${notScreened ? `, ${notScreened} not screened (listed with why in room39 case report)` : ''}.\ncolumns: ${mappingText(info)}\n`
      + 'If a column was read wrong, delete the case and create it again with --map "Header=field,…".',
  };
}

async function preview(ctx: CliContext, [file]: string[]): Promise<CommandResult> {
  if (!file) throw new UsageError('give the file: room39 case preview FILE.csv');
  let info: InputInfo | null = null;
  const sample: CsvRow[] = [];
  let count = 0;
  for await (const r of readScreenFile(file, ctx.log, { ...readOptions(ctx, (i) => { info = i; }), requireName: false })) {
    count++;
    if (sample.length < 5) sample.push(r);
  }
  return {
    json: { info, rows: count, sample },
    text: `${file}: ${count} rows (${readHow(info)})\ncolumns: ${mappingText(info)}\n${sample.map((s) => `  row ${s.row}: ${JSON.stringify(s.input)}`).join('\n')}`,
  };
}

async function alerts(ctx: CliContext, [name]: string[]): Promise<CommandResult> {
  if (!name) throw new UsageError('give the case name: room39 case alerts NAME');
  const { db } = await ctx.services();
  const c = await theCase(db, name);
  // Without a server working the queue, pending list versions are re-screened here first.
  const done = await runPendingRescreens(db, ctx.settings.bundleRoot, c.id, cliActor());
  for (const r of done) ctx.log(`re-screened against ${r.versions.map((v) => `${v.dataset} ${v.version}`).join(', ')}: ${r.rowsScreened} rows, ${r.alerts.length} new alert(s)`);
  const out = await caseAlerts(db, c.id, optString(ctx.args, 'since'));
  const alertsJson = out.alerts.map(({ row, entity_id, caption, change, list, version, at, since_decision, details }) => ({ row, entity_id, caption, change, list, version, at, since_decision, details }));
  return {
    json: { case: out.case, alerts: alertsJson },
    text: out.alerts.length
      ? out.alerts.map((a) => `${a.at}  row ${a.row}  ${a.change}${a.since_decision ? ' (changed since your decision)' : ''}  ${a.caption} [${a.entity_id}]  ${a.list} ${a.version}: ${String(a.details.what ?? '')}`).join('\n')
      : `case "${out.case}": no alerts`,
  };
}

async function show(ctx: CliContext, [name]: string[]): Promise<CommandResult> {
  if (!name) throw new UsageError('give the case name: room39 case show NAME');
  const { db } = await ctx.services();
  const c = await theCase(db, name);
  const matches = await caseResults(db, c.id, { matchesOnly: true });
  // A person works through the matches: each with the row's own name and where its decision stands.
  const rowNumbers = [...new Set(matches.map((m) => m.row_no))];
  const names = new Map((await rowsOf(db, c.id, rowNumbers)).map((r) => [r.row_no, r.input.name ?? '']));
  const decided = await latestDecisions(db, c.id, rowNumbers);
  return {
    json: { case: c, lists: await caseLists(db, c.id), matches },
    text: [`case "${c.name}": ${c.row_count} rows, threshold ${c.threshold}, dataset ${c.dataset}, created ${c.created_at} by ${c.created_by}`,
      ...matches.map((m) => `  row ${m.row_no} (${names.get(m.row_no) ?? ''}): ${m.caption} [${m.id}] ${m.score}  ${decided.get(decisionKey(m.row_no, m.id))?.decision ?? 'not decided'}`)].join('\n'),
  };
}

/**
 * The report's format, from --format or the --out file's extension: a PDF or an HTML report, never
 * one written under another format's extension (an HTML report saved as case.csv or case.pdf).
 */
export function reportFormat(out: string, given: string | null): 'pdf' | 'html' {
  const ext = /\.([^./\\]+)$/.exec(out)?.[1]?.toLowerCase() ?? '';
  const byExt = ext === 'pdf' ? 'pdf' : ext === 'html' || ext === 'htm' ? 'html' : null;
  if (given !== null) {
    const f = given.toLowerCase();
    if (f !== 'pdf' && f !== 'html') throw invalidOption('format', `a case report is pdf or html (got "${given.slice(0, 30)}")`);
    if (byExt !== null && byExt !== f) throw invalidOption('out', `"${path.basename(out).slice(0, 80)}" is named as ${byExt.toUpperCase()} but --format is ${f}; make them agree`);
    return f;
  }
  if (byExt === null) {
    throw invalidOption('out', `a case report is PDF or HTML: name the file .pdf or .html (got "${path.basename(out).slice(0, 80)}"${ext ? '' : ', no extension'}), or give --format pdf|html`);
  }
  return byExt;
}

async function report(ctx: CliContext, [name]: string[]): Promise<CommandResult> {
  const out = optString(ctx.args, 'out');
  if (!name || !out) throw new UsageError('give the case name and --out FILE.pdf (or .html)');
  const format = reportFormat(out, optString(ctx.args, 'format'));
  // Opened before the report is made (and recorded in the audit trail): a path that cannot be written fails first.
  const target = openReportFile(out, 'out');
  let r;
  try {
    const { db } = await ctx.services();
    r = await caseReport(db, (await theCase(db, name)).id, format, cliActor());
    target.write(r.body);
    await target.commit();
  } catch (e) {
    target.discard();
    throw e;
  }
  return { json: { file: out, format: r.format, sha256: r.sha256, report_id: r.reportId, bytes: r.body.length }, text: `${out}: ${r.format.toUpperCase()} report, SHA-256 ${r.sha256} (recorded in the audit trail)` };
}

export async function runCase(ctx: CliContext): Promise<CommandResult> {
  const [sub, ...rest] = ctx.args.positionals;
  switch (sub) {
    case 'create': return create(ctx, rest);
    case 'preview': return preview(ctx, rest);
    case 'alerts': return alerts(ctx, rest);
    case 'show': return show(ctx, rest);
    case 'report': return report(ctx, rest);
    case 'list': {
      const cases = await listCaseRecords((await ctx.services()).db);
      // Two owners may each have a case of one name: those lines carry the id, which every case command takes instead of the name.
      const repeated = new Set(cases.filter((c, i) => cases.findIndex((o) => o.name === c.name) !== i).map((c) => c.name));
      const label = (c: (typeof cases)[number]) => (repeated.has(c.name) ? `${c.name} (id ${c.id})` : c.name);
      return { json: { cases }, text: cases.length ? cases.map((c) => `${label(c)}: ${c.row_count} rows, ${c.status}, created ${c.created_at} by ${c.created_by}`).join('\n') : 'no cases yet: room39 case create NAME FILE.csv' };
    }
    case 'decide': {
      const [name, row, entity, decision] = rest;
      if (!name || !row || !entity || !decision) throw new UsageError('room39 case decide NAME ROW ENTITY_ID confirmed|false_positive|needs_review --reason TEXT');
      if (!/^\s*\d+\s*$/.test(row)) throw invalidOption('row', `give the row number as the case shows it, such as 3 (got "${row.slice(0, 20)}")`);
      const { db } = await ctx.services();
      const d = await decide(db, (await theCase(db, name)).id, { row: Number(row), entityId: entity, decision, reason: optString(ctx.args, 'reason') ?? '' }, cliActor());
      return { json: { decision: d }, text: `row ${d.row}, ${d.entity_id}: ${d.decision} (${d.reason})` };
    }
    case 'rescreen': {
      if (!rest[0]) throw new UsageError('give the case name');
      const { db } = await ctx.services();
      const c = await theCase(db, rest[0]);
      const done = await runPendingRescreens(db, ctx.settings.bundleRoot, c.id, cliActor());
      return { json: { rescreened: done }, text: done.length ? done.map((r) => `re-screened ${r.rowsScreened} rows against ${r.changes} list changes: ${r.alerts.length} alert(s)`).join('\n') : `case "${c.name}" is current with every imported list version` };
    }
    case 'delete': {
      if (!rest[0]) throw new UsageError('give the case name');
      const { db } = await ctx.services();
      await deleteCase(db, (await theCase(db, rest[0])).id, cliActor());
      return { json: { deleted: rest[0] }, text: `case "${rest[0]}" deleted` };
    }
    default: throw new UsageError(`unknown case command "${sub ?? ''}"; use create, preview, list, show, decide, alerts, rescreen, report or delete`);
  }
}
