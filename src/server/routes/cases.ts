/**
 * Cases over HTTP (analysts and up, see auth/policy.ts): list, preview a file
 * (how it reads and how its columns map, for the person to confirm), create
 * (multipart: name, file, mapping, threshold, dataset, webhook), a case with
 * its rows, results, decisions and supplier-risk indicators, decisions,
 * alerts, re-screening now, the audit report (HTML or PDF), delete.
 * A case is its maker's and the admins' (cases/access.ts): the list shows the
 * caller only theirs, and another analyst asking for one by name is answered
 * 404, as for a case that does not exist; the attempt goes to the audit trail.
 * Names are unique per owner: a name is looked up among the caller's cases.
 */
import { z } from 'zod';
import type { Context } from 'hono';
import type { AppEnv, RouteRegistrar } from '../context.ts';
import { actorOf, principalOf } from '../../auth/principal.ts';
import { securityState } from '../security-state.ts';
import { invalidInput, invalidOption } from '../../errors.ts';
import { parseScreeningOptions } from '../../screen/options.ts';
import { screeningService } from '../../screen/service.ts';
import { readScreenBytes } from '../../screen/file-input.ts';
import type { CsvRow, InputInfo } from '../../screen/csv-input.ts';
import {
  caseAlerts, caseReport, caseRuns, createCase, decide, deleteCase, casesNamed, listCaseRecords, runPendingRescreens, caseLists, listVersionDetails,
  accountAsker, mayAccessCase, noSuchCase, pickCase, type CaseRecord,
} from '../../cases/index.ts';
import { caseRowsPage } from '../../cases/rows-page.ts';

const decisionSchema = z.object({ row: z.number().int().min(1), entity_id: z.string().min(1).max(300), decision: z.string().max(40), reason: z.string().max(2000) });

async function upload(c: Context<AppEnv>, requireName = true) {
  const form = await c.req.parseBody();
  const file = form.file;
  if (!(file instanceof File)) throw invalidOption('file', 'send the spreadsheet as the multipart field "file" (CSV or .xlsx)');
  const text = (k: string) => (typeof form[k] === 'string' ? (form[k] as string) : null);
  let mapping: Record<string, string | null> | undefined;
  if (text('mapping')) {
    try { mapping = z.record(z.string(), z.string().nullable()).parse(JSON.parse(text('mapping')!)); } catch { throw invalidOption('mapping', 'must be a JSON object of header → field'); }
  }
  let info: InputInfo | null = null;
  const bytes = new Uint8Array(await file.arrayBuffer());
  const warnings: string[] = [];
  const rows = readScreenBytes(bytes, file.name || 'upload', (m) => warnings.push(m), {
    encoding: text('encoding'), delimiter: text('delimiter'), sheet: text('sheet'), mapping, requireName, onInfo: (i) => { info = i; },
  });
  return { form: text, fileName: file.name || 'upload', rows, info: () => info, warnings };
}

export const registerCaseRoutes: RouteRegistrar = (app, services) => {
  const { db, settings } = services;
  const service = () => screeningService(db);

  /**
   * The case the path names (id or name) among those the caller may see (cases/access.ts): their own of that name
   * first. Else 404, the same as for no such case, whether another account's case of that name exists or not; one
   * that does has the attempt recorded.
   */
  const ownCase = async (c: Context<AppEnv>): Promise<CaseRecord> => {
    const name = c.req.param('name') ?? '';
    const p = principalOf(c);
    const found = await casesNamed(db, name);
    const k = pickCase(found, name, accountAsker(p.account));
    if (k) return k;
    if (found.length) {
      // Recorded one by one up to the address's share of refusals, then counted (audit/refusals.ts); the answer stays 404 either way.
      await securityState(services).refusals.refused(p.address, {
        actor: actorOf(p), action: 'access.refused', target: c.req.path.slice(0, 256),
        meta: { method: c.req.method, role: p.account?.role ?? null, case_id: found[0]!.id, why: 'a case of another account' },
      });
    }
    throw noSuchCase(name);
  };

  app.get('/api/cases', async (c) => {
    const who = principalOf(c).account;
    return c.json({ cases: (await listCaseRecords(db)).filter((k) => who !== null && mayAccessCase(k, who)) });
  });

  app.post('/api/cases/preview', async (c) => {
    const u = await upload(c, false);
    const sample: CsvRow[] = [];
    let rows = 0;
    for await (const r of u.rows) { rows++; if (sample.length < 10) sample.push(r); }
    return c.json({ info: u.info(), rows, sample, warnings: u.warnings });
  });

  app.post('/api/cases', async (c) => {
    const u = await upload(c);
    const name = u.form('name');
    if (!name) throw invalidOption('name', 'give the case a name');
    const options = parseScreeningOptions({ threshold: u.form('threshold'), dataset: u.form('dataset'), limit: u.form('limit') });
    const created = await createCase(db, service, { name, rows: u.rows, fileName: u.fileName, info: u.info, options, actor: actorOf(principalOf(c)), webhookUrl: u.form('webhook') });
    return c.json({ case: created, warnings: u.warnings }, 201);
  });

  app.get('/api/cases/:name', async (c) => {
    const k = await ownCase(c);
    const lists = await listVersionDetails(db, (await caseLists(db, k.id)).map((l) => l.source_id));
    return c.json({ case: k, lists, runs: await caseRuns(db, k.id) });
  });

  app.get('/api/cases/:name/rows', async (c) => {
    const q = c.req.query();
    const limit = Math.min(Math.max(Number(q.limit ?? 50) || 50, 1), 500);
    const offset = Math.max(Number(q.offset ?? 0) || 0, 0);
    return c.json(await caseRowsPage(db, (await ownCase(c)).id, { limit, offset, matchesOnly: q.all !== '1' }));
  });

  app.post('/api/cases/:name/decisions', async (c) => {
    const body = decisionSchema.parse(await c.req.json());
    const d = await decide(db, (await ownCase(c)).id, { row: body.row, entityId: body.entity_id, decision: body.decision, reason: body.reason }, actorOf(principalOf(c)));
    return c.json({ decision: d }, 201);
  });

  app.get('/api/cases/:name/alerts', async (c) => {
    const out = await caseAlerts(db, (await ownCase(c)).id, c.req.query('since') ?? null);
    return c.json({ case: out.case, alerts: out.alerts.map(({ row, entity_id, caption, change, list, version, at, since_decision, details }) => ({ row, entity_id, caption, change, list, version, at, since_decision, details })) });
  });

  app.post('/api/cases/:name/rescreen', async (c) => {
    const k = await ownCase(c);
    const done = await runPendingRescreens(db, settings.bundleRoot, k.id, actorOf(principalOf(c)));
    return c.json({ rescreened: done.map((r) => ({ versions: r.versions, rows: r.rowsScreened, alerts: r.alerts.length, duration_ms: r.durationMs })) });
  });

  app.get('/api/cases/:name/report/:format', async (c) => {
    const format = c.req.param('format').replace(/^report\./, '');
    if (format !== 'pdf' && format !== 'html') throw invalidInput('the report is /report/pdf or /report/html');
    const r = await caseReport(db, (await ownCase(c)).id, format, actorOf(principalOf(c)));
    return c.body(new Uint8Array(r.body), 200, {
      'content-type': r.contentType, 'x-report-sha256': r.sha256,
      'content-disposition': `${format === 'pdf' ? 'attachment' : 'inline'}; filename="case-report.${format}"`,
    });
  });

  app.delete('/api/cases/:name', async (c) => {
    await deleteCase(db, (await ownCase(c)).id, actorOf(principalOf(c)));
    return c.json({ deleted: true });
  });
};
