/**
 * The case report as a PDF, made with pdfkit (no browser needed): the same
 * content as the HTML report in the same order, summary first. Text is set
 * in DejaVu Sans when the system has it (accents, Cyrillic), else Helvetica;
 * Hangul in the bundled Korean font, embedded only when the report holds
 * some (report-hangul.ts).
 */
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { CHANGE_WORDS, DECISION_WORDS, type CaseReportData } from './report-data.ts';
import { correctedNote } from './supplier-risk.ts';
import { fontRuns, hangulFontsFor } from './report-hangul.ts';

const FONTS = [
  ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'],
  ['/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf'],
] as const;

function fonts(): { regular: string; bold: string } {
  for (const [r, b] of FONTS) if (fs.existsSync(r) && fs.existsSync(b)) return { regular: r, bold: b };
  return { regular: 'Helvetica', bold: 'Helvetica-Bold' };
}

export async function renderReportPdf(d: CaseReportData): Promise<Buffer> {
  const f = fonts();
  const doc = new PDFDocument({
    size: 'A4', margin: 48, bufferPages: false,
    info: { Title: `room39 case report: ${d.case.name}`, Author: d.generatedBy, Subject: d.reportId, Creator: 'room39', CreationDate: new Date(d.generatedAt) },
  });
  const hangul = hangulFontsFor(JSON.stringify(d));
  for (const h of hangul?.fonts ?? []) doc.registerFont(h.name, h.file);
  /** Text in the current font, Hangul runs in the font that has their glyphs. */
  type TextOptions = PDFKit.Mixins.TextOptions;
  let current = f.regular;
  const write = (t: string, opts: TextOptions = {}) => {
    const runs = fontRuns(t, hangul);
    runs.forEach((r, i) => {
      doc.font(r.font ?? current).text(r.text, i < runs.length - 1 ? { ...opts, continued: true } : opts);
    });
    doc.font(current);
    return doc;
  };
  const font = (name: string) => { current = name; doc.font(name); };
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => { doc.on('end', () => resolve(Buffer.concat(chunks))); doc.on('error', reject); });
  const heading = (t: string, size = 13) => { doc.moveDown(0.6).fontSize(size); font(f.bold); write(t).moveDown(0.2).fontSize(9.5); font(f.regular); };
  const line = (t: string) => write(t, { paragraphGap: 1.5 });
  const bold = (t: string, opts: TextOptions = {}) => { font(f.bold); write(t, opts); font(f.regular); };
  const pair = (k: string, v: string | number | null) => { bold(`${k}: `, { continued: true }); write(String(v ?? '—')); };
  const c = d.case;
  const s = d.summary;

  doc.fontSize(17);
  bold(`Screening case report: ${c.name}`);
  doc.fontSize(8.5).fillColor('#444');
  write(`Report ${d.reportId}, generated ${d.generatedAt} by ${d.generatedBy}. Its SHA-256 is recorded in room39's audit trail (action case.report), so a later copy can be checked.`)
    .fillColor('black').fontSize(9.5);
  heading('Summary');
  pair('Rows screened', s.rows);
  pair('Rows not screened (listed below)', s.notScreened);
  pair('Rows with a match', s.rowsWithMatch);
  pair('Matches', `${s.matches} (${s.undecided} not yet decided)`);
  pair('Decisions', `${s.decisions.confirmed} confirmed, ${s.decisions.false_positive} false positive, ${s.decisions.needs_review} needing review`);
  pair('Alerts from list changes', `${s.alerts.new_match} new match, ${s.alerts.delisted} delisted, ${s.alerts.changed} changed`);
  pair('Rows where North Korean labour is documented (country / country and sector)', `${s.riskRows.country} / ${s.riskRows.sector}`);

  heading('How it was screened');
  pair('Case created', `${c.created_at} by ${c.created_by}`);
  pair('Input file', `${c.file_name} (rows SHA-256 ${c.file_sha256})`);
  pair('Threshold', `${c.threshold} (cutoff ${c.cutoff}, ${c.result_limit} results per row, dataset ${c.dataset})`);
  pair('Algorithm', d.algorithm.name);
  for (const feat of d.algorithm.features) line(`  • ${feat.feature} (weight ${feat.coefficient}): ${feat.description}`);

  heading('List versions screened against');
  for (const l of d.lists) {
    bold(`${l.dataset} ${l.version}`, { continued: true });
    write(`: published ${l.published ?? '—'}; ${l.title}${l.publisher ? `, ${l.publisher}` : ''}; ${l.entries} entries; imported ${l.imported_at}`);
    doc.fontSize(8).text(`SHA-256 ${l.sha256}`).fontSize(9.5);
  }

  if (d.unscreened.length) {
    heading('Rows not screened');
    line(`These rows were not screened, so they are not cleared${s.notScreened > d.unscreened.length ? ` (the first ${d.unscreened.length} of ${s.notScreened})` : ''}:`);
    for (const u of d.unscreened) line(`  • Row ${u.row}${u.name.trim() ? ` (${u.name.slice(0, 200)})` : ''}: ${u.error}`);
  }

  heading('Matches and decisions');
  if (!d.matches.length) line('No row matched at the threshold.');
  for (const m of d.matches) {
    const r = m.result;
    const last = m.trail.at(-1);
    doc.moveDown(0.4);
    bold(`Row ${m.row}: ${m.input.name ?? ''} → ${r.caption} (${r.id})`);
    const standing = r.schema === '' ? 'no longer a result of this row (see its alerts)' : `score ${r.score}${r.match ? ' (match)' : ' (below threshold)'}; lists ${r.datasets.join(', ')}`;
    line(`${standing}; decision: ${last ? DECISION_WORDS[last.decision] : 'not decided'}`);
    for (const e of r.explanation) line(`  • ${e.detail}`);
    for (const fl of r.flags) line(`  • ${fl.label} (source: ${fl.source.title})`);
    for (const t of m.trail) line(`  Decision ${t.at} by ${t.actor}: ${DECISION_WORDS[t.decision]}: ${t.reason}`);
    for (const a of m.alerts) line(`  Alert ${a.at}: ${CHANGE_WORDS[a.change]} (${a.list} ${a.version})${a.since_decision ? ', changed since your decision' : ''}: ${String(a.details.what ?? '')}`);
  }

  heading('Alerts from list changes');
  if (!d.alerts.length) line('None.');
  for (const a of d.alerts) line(`${a.at}  row ${a.row}  ${a.caption} (${a.entity_id}): ${CHANGE_WORDS[a.change]}${a.since_decision ? ' (changed since your decision)' : ''}, ${a.list} ${a.version}: ${String(a.details.what ?? '')}`);

  heading('Supplier risk beyond names (CAATSA §321(b))');
  line('Where the graph documents North Korean labour in a country the rows name: an indicator of where such labour is known, and from whom; never a finding about a supplier.');
  for (const r of d.risks) {
    doc.moveDown(0.3);
    bold(`${r.country_name}: ${r.rows} row(s)${r.sectorRows ? `, ${r.sectorRows} in a sector the sources name` : ''}`);
    line(`Rows ${r.sampleRows.join(', ')}${r.rows > r.sampleRows.length ? ' …' : ''}`);
    for (const e of r.indicator.evidence) {
      line(`  • ${e.kind === 'deployment' ? 'Deployment' : `Workers: ${e.figure ?? '?'}`}${e.sector ? `, ${e.sector}` : ''}${e.period ? `, ${e.period}` : ''}${e.sender ? `, sender ${e.sender}` : ''}${e.employer ? `, employer ${e.employer}` : ''}: ${e.correction ? `${correctedNote(e.correction)} ` : ''}${e.quote ? `“${e.quote}”` : '(no quote)'} (${e.source.title ?? e.source.id}, ${e.reliability ?? '?'})`);
    }
  }

  heading('Runs');
  for (const r of d.runs) {
    const versions = ((r.list_versions as { dataset: string; version: string }[]) ?? []).map((v) => `${v.dataset} ${v.version}`).join(', ');
    line(`${r.started_at} ${r.kind} by ${r.actor}: ${r.rows_screened} rows screened, ${r.rows_with_match} with a match, ${r.alerts} alert(s), ${(r.duration_ms / 1000).toFixed(1)} s; versions ${versions}`);
  }
  doc.end();
  return done;
}
