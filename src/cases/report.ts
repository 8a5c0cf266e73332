/** A case report rendered (HTML or PDF), its SHA-256 recorded in the audit trail so a later copy can be checked. */
import { createHash } from 'node:crypto';
import type { Db } from '../store/db.ts';
import { invalidOption } from '../errors.ts';
import { appendAudit } from '../audit/log.ts';
import { gatherReport } from './report-data.ts';
import { renderReportHtml } from './report-html.ts';
import { renderReportPdf } from './report-pdf.ts';

export type ReportFormat = 'html' | 'pdf';

export interface RenderedReport {
  format: ReportFormat;
  body: Buffer;
  sha256: string;
  reportId: string;
  contentType: string;
}

export async function caseReport(db: Db, name: string, format: string, actor: string): Promise<RenderedReport> {
  if (format !== 'html' && format !== 'pdf') throw invalidOption('format', `a report is html or pdf (got "${format.slice(0, 20)}")`);
  const data = await gatherReport(db, name, actor);
  const body = format === 'pdf' ? await renderReportPdf(data) : Buffer.from(renderReportHtml(data), 'utf8');
  const sha256 = createHash('sha256').update(body).digest('hex');
  await appendAudit(db, {
    actor, action: 'case.report', target: data.case.id,
    meta: { report_id: data.reportId, format, sha256, bytes: body.length, lists: data.lists.map((l) => `${l.dataset} ${l.version}`) },
  });
  return { format, body, sha256, reportId: data.reportId, contentType: format === 'pdf' ? 'application/pdf' : 'text/html; charset=utf-8' };
}
