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
  lines.push('', `${r.inputs.length} inputs, each with its sources, and ${r.gaps.length} gap notes: use --json.`);
  return lines.join('\n');
}
