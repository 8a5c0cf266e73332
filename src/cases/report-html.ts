/** The case report as one HTML page (every value escaped): summary first, then lists, matches with their decision trail, alerts, supplier risk, runs. */
import { escapeHtml } from '../screen/report.ts';
import { CHANGE_WORDS, DECISION_WORDS, type CaseReportData } from './report-data.ts';
import { correctedNote } from './supplier-risk.ts';

/** Escaped text; a missing value prints as a dash. */
const h = (v: string | number | null | undefined) => escapeHtml(v === null || v === undefined ? '—' : String(v));

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1b1b1b;max-width:1100px}h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.8rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;margin:.3rem 0 1rem}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f3f3f3}
.muted{color:#555}.fp{color:#555}.confirmed{color:#7a1010;font-weight:600}.alert{background:#fff4d6}.quote{font-style:italic}`;

const dl = (pairs: [string, string | number | null | undefined][]) =>
  `<table>${pairs.map(([k, v]) => `<tr><th style="width:14rem">${h(k)}</th><td>${h(String(v ?? '—'))}</td></tr>`).join('')}</table>`;

export function renderReportHtml(d: DataWithHash): string {
  const c = d.case;
  const s = d.summary;
  const out: string[] = [];
  out.push(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${h(`room39 case report: ${c.name}`)}</title><style>${STYLE}</style></head><body>`);
  out.push(`<h1>Screening case report: ${h(c.name)}</h1>`);
  out.push(`<p class="muted">Report ${h(d.reportId)}, generated ${h(d.generatedAt)} by ${h(d.generatedBy)}. Its SHA-256 is recorded in room39's audit trail (action case.report), so a later copy can be checked.</p>`);
  out.push('<h2>Summary</h2>');
  out.push(dl([
    ['rows screened', s.rows], ['rows not screened (listed below)', s.notScreened], ['rows with a match', s.rowsWithMatch], ['matches', s.matches], ['matches not yet decided', s.undecided],
    ['confirmed matches', s.decisions.confirmed], ['false positives', s.decisions.false_positive], ['needing review', s.decisions.needs_review],
    ['alerts from list changes', `${s.alerts.new_match} new match, ${s.alerts.delisted} delisted, ${s.alerts.changed} changed`],
    ['rows where North Korean labour is documented (country / country and sector)', `${s.riskRows.country} / ${s.riskRows.sector}`],
  ]));
  out.push('<h2>How it was screened</h2>');
  out.push(dl([
    ['case created', `${c.created_at} by ${c.created_by}`], ['input file', `${c.file_name} (rows SHA-256 ${c.file_sha256})`],
    ['threshold', c.threshold], ['cutoff', c.cutoff], ['results per row', c.result_limit], ['dataset', c.dataset], ['algorithm', d.algorithm.name],
  ]));
  out.push(`<table><tr><th>feature</th><th>weight</th><th>what it compares</th></tr>${d.algorithm.features.map((f) => `<tr><td>${h(f.feature)}</td><td>${f.coefficient}</td><td>${h(f.description)}</td></tr>`).join('')}</table>`);
  out.push('<h2>List versions screened against</h2>');
  out.push(`<table><tr><th>list</th><th>version</th><th>published</th><th>source</th><th>entries</th><th>imported</th><th>file SHA-256</th></tr>${d.lists.map((l) =>
    `<tr><td>${h(l.dataset)}</td><td>${h(l.version)}</td><td>${h(l.published ?? '—')}</td><td>${h(l.title)}${l.publisher ? `, ${h(l.publisher)}` : ''}</td><td>${l.entries}</td><td>${h(l.imported_at)}</td><td><code>${h(l.sha256)}</code></td></tr>`).join('')}</table>`);
  if (d.unscreened.length) {
    out.push(`<h2>Rows not screened</h2><p>These rows were not screened, so they are not cleared${s.notScreened > d.unscreened.length ? ` (the first ${d.unscreened.length} of ${s.notScreened})` : ''}:</p>`);
    out.push(`<table><tr><th>row</th><th>name</th><th>why</th></tr>${d.unscreened.map((u) => `<tr><td>${u.row}</td><td>${h(u.name.slice(0, 200))}</td><td>${h(u.error)}</td></tr>`).join('')}</table>`);
  }
  out.push('<h2>Matches and decisions</h2>');
  if (!d.matches.length) out.push('<p>No row matched at the threshold.</p>');
  for (const m of d.matches) {
    const r = m.result;
    const last = m.trail.at(-1);
    out.push(`<h3>Row ${m.row}: ${h(m.input.name ?? '')} → ${h(r.caption)} <span class="muted">(${h(r.id)}, ${h(r.schema)})</span></h3>`);
    const standing = r.schema === '' ? 'No longer a result of this row (see its alerts)' : `Score ${r.score}${r.match ? ' (match)' : ' (below threshold)'}; lists: ${h(r.datasets.join(', '))}`;
    out.push(`<p>${standing}. Decision: <span class="${last?.decision === 'confirmed' ? 'confirmed' : 'fp'}">${h(last ? DECISION_WORDS[last.decision]! : 'not decided')}</span></p>`);
    out.push(`<p class="muted">Row: ${Object.entries(m.input).filter(([, v]) => v).map(([k, v]) => `${h(k)}: ${h(String(v))}`).join(' · ')}</p>`);
    out.push(`<ul>${r.explanation.map((e) => `<li>${h(e.detail)}</li>`).join('')}${r.flags.map((f) => `<li>${h(f.label)} <span class="muted">(source: ${h(f.source.title)})</span></li>`).join('')}</ul>`);
    if (m.trail.length) out.push(`<table><tr><th>when</th><th>who</th><th>decision</th><th>reason</th></tr>${m.trail.map((t) => `<tr><td>${h(t.at)}</td><td>${h(t.actor)}</td><td>${h(DECISION_WORDS[t.decision]!)}</td><td>${h(t.reason)}</td></tr>`).join('')}</table>`);
    for (const a of m.alerts) out.push(`<p class="alert">Alert ${h(a.at)}: ${h(CHANGE_WORDS[a.change]!)} (${h(a.list)} ${h(a.version)})${a.since_decision ? ' — changed since your decision' : ''}: ${h(String(a.details.what ?? ''))}</p>`);
  }
  out.push('<h2>Alerts from list changes</h2>');
  out.push(d.alerts.length ? `<table><tr><th>when</th><th>row</th><th>entity</th><th>change</th><th>list and version</th><th>what</th></tr>${d.alerts.map((a) =>
    `<tr class="alert"><td>${h(a.at)}</td><td>${a.row}</td><td>${h(a.caption)} <span class="muted">${h(a.entity_id)}</span></td><td>${h(CHANGE_WORDS[a.change]!)}${a.since_decision ? ' (changed since your decision)' : ''}</td><td>${h(a.list)} ${h(a.version)}</td><td>${h(String(a.details.what ?? ''))}</td></tr>`).join('')}</table>` : '<p>None.</p>');
  out.push('<h2>Supplier risk beyond names (CAATSA §321(b))</h2><p class="muted">Where the graph documents North Korean labour in a country the rows name: an indicator of where such labour is known, from whom; never a finding about a supplier.</p>');
  if (!d.risks.length) out.push('<p>No row names a country where the graph documents North Korean labour.</p>');
  for (const r of d.risks) {
    out.push(`<h3>${h(r.country_name)}: ${r.rows} row(s)${r.sectorRows ? `, ${r.sectorRows} in a sector the sources name` : ''}</h3><p class="muted">Rows ${r.sampleRows.join(', ')}${r.rows > r.sampleRows.length ? ' …' : ''}</p>`);
    out.push(`<table><tr><th>what</th><th>sector</th><th>period</th><th>who</th><th>quote</th><th>source (grade)</th></tr>${r.indicator.evidence.map((e) =>
      `<tr><td>${e.kind === 'deployment' ? 'deployment' : h(`workers: ${e.figure ?? '?'}`)}</td><td>${h(e.sector ?? '—')}</td><td>${h(e.period ?? '—')}</td><td>${h([e.sender && `sender: ${e.sender}`, e.employer && `employer: ${e.employer}`].filter(Boolean).join('; ') || '—')}</td><td class="quote">${e.correction ? `${h(correctedNote(e.correction))} ` : ''}${e.quote ? `“${h(e.quote)}”` : '(no quote: see the source)'}</td><td>${h(e.source.title)} (${h(e.reliability)})</td></tr>`).join('')}</table>`);
  }
  out.push('<h2>Runs</h2>');
  out.push(`<table><tr><th>started</th><th>kind</th><th>by</th><th>rows screened</th><th>rows with a match</th><th>alerts</th><th>took</th><th>versions</th></tr>${d.runs.map((r) =>
    `<tr><td>${h(r.started_at)}</td><td>${h(r.kind)}</td><td>${h(r.actor)}</td><td>${r.rows_screened}</td><td>${r.rows_with_match}</td><td>${r.alerts}</td><td>${(r.duration_ms / 1000).toFixed(1)} s</td><td>${h(((r.list_versions as { dataset: string; version: string }[]) ?? []).map((v) => `${v.dataset} ${v.version}`).join(', '))}</td></tr>`).join('')}</table>`);
  out.push('</body></html>\n');
  return out.join('\n');
}

type DataWithHash = CaseReportData;
