/**
 * What a reader takes away from a page, with its citations: an entity's
 * facts and an estimate (with its scenario, each input's sourced figures) as
 * CSV for a spreadsheet; the JSON downloads are the API's answers as they
 * are. Every cell goes through the one CSV writer (formula injection
 * defused). Pure, but for `download`.
 */
import { toCsv, type EstimateResult, type StatementView } from '../../src/server/wire.ts';

export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 5000);
}

/** A file name from an id or a caption: letters, digits, dots and hyphens only. */
export function fileSafe(text: string): string {
  return text.replace(/[^\p{L}\p{N}.-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'export';
}

const comment = (text: string) => `# ${text.replace(/[\r\n]+/g, ' ')}\r\n`;

/**
 * One row per fact of the entity: the value with its source, date, address, exact quote (or where it stands in a cited
 * source) and grade; for a value a reviewer corrected, who did and what the source says (the quote says that, not the value).
 */
export function entityCsv(entity: { id: string; caption: string }, statements: readonly StatementView[], page: string): string {
  const header = ['entity_id', 'entity', 'property', 'value', 'source_id', 'source', 'published', 'source_url', 'quote', 'locator', 'grade', 'statement_id', 'corrected_by', 'source_says'];
  const rows = statements.map((s) => [entity.id, entity.caption, s.prop, s.value, s.source.id, s.source.title ?? '', s.source.published ?? '', s.source.url ?? '', s.quote ?? '', s.locator ?? '', s.reliability, s.id,
    s.correction?.by ?? '', s.correction?.from ?? '']);
  return comment(`room39 entity ${entity.id}: ${page}`) + toCsv(header, rows);
}

/**
 * How the model read one figure of an input, in words: a worker's slice of the wage becomes the state's share, a bound a
 * range, a round number a spread around it. The figure alone ("0% – 15%" under "state share") would say the opposite.
 */
export function figureReading(input: Pick<EstimateResult['inputs'][number], 'distribution'>, figureId: string): string | null {
  return input.distribution.find((d) => d.figure_ids.includes(figureId))?.reading ?? null;
}

/**
 * The estimate as one table: the totals (and, in a scenario, the change against the
 * baseline), each host country, then each input once per sourced figure it rests on.
 */
export function estimateCsv(r: EstimateResult, page: string): string {
  const header = ['part', 'country', 'measure', 'p5', 'p50', 'p95', 'share_of_revenue', 'figure_id', 'figure_low', 'figure_high', 'figure_unit', 'period', 'source', 'source_url', 'quote', 'locator', 'statement', 'grade', 'read_as', 'note'];
  const rows: unknown[][] = [];
  const summary = (part: string, country: string, measure: string, s: { p5: number; p50: number; p95: number }, share: number | '' = '', note = '') =>
    rows.push([part, country, measure, s.p5, s.p50, s.p95, share, ...(note ? [...Array<string>(header.length - 8).fill(''), note] : [])]);
  summary('total', 'all hosts', 'revenue_usd', r.revenue_usd);
  summary('total', 'all hosts', 'workers', r.workers);
  if (r.scenario) {
    const changed = [...r.scenario.excluded, ...r.scenario.overrides].join(';');
    summary('scenario', changed, 'baseline_revenue_usd', r.scenario.baseline.revenue_usd);
    summary('scenario', changed, 'difference_usd', r.scenario.difference_usd);
    summary('scenario', changed, 'difference_workers', r.scenario.difference_workers);
  }
  for (const c of r.by_country) {
    summary('country', c.name, 'revenue_usd', c.revenue_usd, c.share_of_revenue);
    // Where the count comes from when the year has none of its own (carried from another year, undated, the remainder).
    summary('country', c.name, 'workers', c.workers, '', c.flags.join('; '));
  }
  for (const i of r.inputs) {
    const measure = `${i.metric} (${i.unit})${i.sector ? ` ${i.sector}` : ''}${i.excluded ? ' left out' : ''}`;
    const base = ['input', i.country_name, measure, i.summary.p5, i.summary.p50, i.summary.p95, ''];
    const note = i.flags.join('; ');
    if (i.sources.length === 0) rows.push([...base, ...Array<string>(header.length - 8).fill(''), note]);
    for (const f of i.sources) {
      const period = [f.period.start, f.period.end].filter(Boolean).join('/');
      rows.push([...base, f.figure_id, f.low, f.high, f.unit, period, f.source.title ?? f.source.id, f.source.url ?? '', f.quote ?? '', f.locator ?? '', f.statement ?? '', f.grade, figureReading(i, f.figure_id) ?? '', note]);
    }
  }
  // A what-if leaves countries out, overrides inputs, or both: the comment names what it did.
  const what = r.scenario ? [r.scenario.excluded.length ? `${r.scenario.excluded.join(', ')} left out` : '', ...r.scenario.overrides.map((o) => `override ${o}`)].filter(Boolean) : [];
  const scenario = what.length ? `; scenario: ${what.join(', ')}` : '';
  // Every record as wide as the header (RFC 4180), the cells a row has no value for empty.
  const full = rows.map((row) => [...row, ...Array<string>(Math.max(0, header.length - row.length)).fill('')]);
  return comment(`room39 revenue estimate ${r.year}, ${r.draws} draws, seed ${r.seed}${scenario}: ${page}`) + toCsv(header, full);
}
