/** The estimate as a person reads it in a terminal (the CLI without --json). */
import type { EstimateResult } from './estimate.ts';
import { usdShort } from './money.ts';

const usd = usdShort;
const n = (v: number) => Math.round(v).toLocaleString('en-US');

/** A figure's period as a reader writes it: "about 2017", "about 2015 – 2018", "undated". */
function periodText(p: { start: string | null; end: string | null }): string {
  if (!p.start && !p.end) return 'undated';
  if (!p.end || p.start === p.end) return `about ${p.start ?? ''}`;
  return p.start ? `about ${p.start} – ${p.end}` : `about the years until ${p.end}`;
}

export function estimateText(r: EstimateResult): string {
  const lines: string[] = [];
  lines.push(`Revenue to the North Korean state from labour abroad, ${r.year} (${n(r.draws)} draws, seed ${r.seed})`);
  lines.push(`  revenue  p5 ${usd(r.revenue_usd.p5)}  p50 ${usd(r.revenue_usd.p50)}  p95 ${usd(r.revenue_usd.p95)}  mean ${usd(r.revenue_usd.mean)}`);
  lines.push(`  workers  p5 ${n(r.workers.p5)}  p50 ${n(r.workers.p50)}  p95 ${n(r.workers.p95)}`);
  lines.push('', r.interval, '', 'By country (p50 revenue, p50 workers, share of mean revenue, where the workers come from):');
  for (const c of r.by_country) lines.push(`  ${(c.country ?? '--').padEnd(3)} ${c.name.padEnd(45)} ${usd(c.revenue_usd.p50).padStart(8)} ${n(c.workers.p50).padStart(8)} ${(100 * c.share_of_revenue).toFixed(1).padStart(5)}%  ${c.workers_status}${c.hosts ? ` (${c.hosts.length} host countries, equal parts)` : ''}`);
  const vague = r.gaps.filter((g) => g.rule === 'vague_share');
  if (vague.length) lines.push('', 'Shares stated in words (modelling rules; change with --override):', ...vague.map((g) => `  ${g.message}`));
  if (r.scenario) lines.push('', `Scenario: ${r.scenario.reading}`);
  lines.push('', 'Inputs that move the result most (p5 → p95 of one input, others at their medians):');
  for (const b of r.sensitivity.bars.slice(0, 8)) lines.push(`  ${b.input.padEnd(28)} ${usd(b.revenue_at_low).padStart(8)} → ${usd(b.revenue_at_high).padStart(8)}`);
  // Estimates about the year asked apart from those about other years, each with its own period: a 2012 figure is no reading of 2017.
  const line = (c: EstimateResult['comparison'][number]) => `  ${c.estimate.figure_id}, ${periodText(c.estimate.period)} (${c.estimate.source.title ?? c.estimate.source.id}): ${c.reading}`;
  const same = r.comparison.filter((c) => c.matches_year);
  const other = r.comparison.filter((c) => !c.matches_year);
  lines.push('', `Published estimates about ${r.year}:`, ...(same.length ? same.map(line) : ['  none']));
  if (other.length) lines.push('', `Published estimates about other years, against the model for ${r.year}:`, ...other.map(line));
  if (r.warnings.length) lines.push('', ...r.warnings.map((w) => `Note: ${w}`));
  lines.push('', 'Inputs and their sources (each figure, its grade, its source and how the model read it):', ...r.inputs.flatMap(inputLines));
  lines.push('', `${r.gaps.length} gap notes and the figures left unused: use --json.`);
  return lines.join('\n');
}

type Input = EstimateResult['inputs'][number];
type Source = Input['sources'][number];

/** An input's value in its unit: workers as a count, a wage in dollars, a share as a percentage. */
function valueText(v: number, unit: string): string {
  if (unit.startsWith('fraction')) return `${(100 * v).toFixed(v > 0 && v < 0.1 ? 1 : 0)}%`;
  if (unit.startsWith('USD')) return usd(v);
  if (unit.startsWith('months')) return `${n(v)} months`;
  return n(v);
}

/** A sourced figure as stated: its value or range, with the words that qualify it ("at least", "about"). */
function figureText(f: Source): string {
  const one = (v: number) => valueText(v, f.unit);
  const range = f.low != null && f.high != null ? (f.low === f.high ? one(f.low) : `${one(f.low)} – ${one(f.high)}`) : f.low != null ? `at least ${one(f.low)}` : f.high != null ? `at most ${one(f.high)}` : 'no number';
  return `${range}${f.per && !f.unit.startsWith('months') ? ` a ${f.per}` : f.per ? ` per ${f.per}` : ''}${f.qualifier && !['exact', 'range', 'at_least', 'at_most'].includes(f.qualifier) ? ` (${f.qualifier.replace(/_/g, ' ')})` : ''}`;
}

function inputLines(i: Input): string[] {
  const s = i.summary;
  const head = `  ${i.key}${i.sector ? ` (${i.sector})` : ''}: p50 ${valueText(s.p50, i.unit)} (p5 ${valueText(s.p5, i.unit)} – p95 ${valueText(s.p95, i.unit)}), ${i.status.replace(/_/g, ' ')}${i.carried_from != null ? ` from ${i.carried_from}` : ''}${i.excluded ? ', left out' : ''}${i.override ? `, override ${i.override}` : ''}`;
  const sources = i.sources.map((f) => {
    const said = f.quote ? `"${f.quote}"` : f.statement ? `in our words${f.locator ? ` (${f.locator})` : ''}: ${f.statement}` : '';
    const read = i.distribution.find((d) => d.figure_ids.includes(f.figure_id))?.reading;
    return `    - ${figureText(f)}, ${periodText(f.period)}, ${f.grade}: ${f.source.title ?? f.source.id}${f.source.url ? ` <${f.source.url}>` : ''}${said ? `\n      ${said}` : ''}${read ? `\n      read as: ${read}` : ''}`;
  });
  return [head, ...sources];
}
