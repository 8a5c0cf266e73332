/**
 * Measures the public record (issue 18) and writes the table into data/dataset/README.md, between the
 * record-report markers: per host country, the years 2010–2025 with a worker figure of its own and the
 * number of its figures, sources and publishers; per year, the model's p5/p50/p95 beside the published
 * estimates about that year. Usage: npx tsx scripts/record-report.ts [--check] (--check: fail if the
 * README is out of date instead of writing it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../src/config/settings.ts';
import { estimate, readDatasetDir, type EstimateData } from '../src/estimate/index.ts';
import type { Figure } from '../src/model/index.ts';

const FIRST = 2010;
const LAST = 2025;
const DRAWS = 5000;
const SEED = 'record-report';
const README = path.join(REPO_ROOT, 'data/dataset/README.md');
const START = '<!-- record-report:start -->';
const END = '<!-- record-report:end -->';

const yearsOf = (f: Figure): [number, number] | null => {
  if (!f.periodStart) return null;
  return [Number(f.periodStart.slice(0, 4)), Number((f.periodEnd ?? f.periodStart).slice(0, 4))];
};
const covers = (f: Figure, y: number) => {
  const ys = yearsOf(f);
  return ys != null && ys[0] <= y && y <= ys[1];
};
const usd = (v: number) => (v >= 1e9 ? `$${(v / 1e9).toFixed(2)}bn` : `$${Math.round(v / 1e6)}m`);
/** A publisher without the "(copy on …)" or "(citing …)" note: who published, not where it was read. */
const publisherOf = (p: string | null) => (p ?? 'unknown').replace(/\s*\(.*\)\s*$/, '').trim();

function hostTable(d: EstimateData): string[] {
  const pub = new Map(d.sources.map((s) => [s.id, publisherOf(s.publisher)]));
  const countries = new Set(d.figures.filter((f) => f.country && f.country !== 'KP').map((f) => f.country as string));
  const rows = [...countries].map((cc) => {
    const figs = d.figures.filter((f) => f.country === cc);
    const counts = figs.filter((f) => f.metric === 'workers' && f.coverage !== 'part');
    const years: number[] = [];
    for (let y = FIRST; y <= LAST; y++) if (counts.some((f) => covers(f, y))) years.push(y);
    const sources = new Set(figs.map((f) => f.sourceId));
    const publishers = new Set([...sources].map((s) => pub.get(s) ?? s));
    return { cc, years, figures: figs.length, sources: sources.size, publishers: publishers.size };
  });
  rows.sort((a, b) => b.years.length - a.years.length || b.figures - a.figures || a.cc.localeCompare(b.cc));
  const out = ['| host | years 2010–2025 with a worker count of its own | figures (all metrics) | sources | publishers |', '|---|---|---|---|---|'];
  for (const r of rows) out.push(`| ${r.cc} | ${r.years.length ? `${r.years.length}: ${r.years.join(', ')}` : '–'} | ${r.figures} | ${r.sources} | ${r.publishers} |`);
  return out;
}

function yearTable(d: EstimateData): string[] {
  const pub = new Map(d.sources.map((s) => [s.id, publisherOf(s.publisher)]));
  const published = d.figures.filter((f) => f.metric === 'annual_revenue' && f.unit === 'USD' && f.coverage !== 'part' && f.country == null && !f.countries?.length);
  const out = ['| year | model p5 | p50 | p95 | carried inputs | published estimates about the year (total) |', '|---|---|---|---|---|---|'];
  for (let y = FIRST; y <= LAST; y++) {
    const r = estimate(d, { year: y, seed: SEED, draws: DRAWS });
    const carried = r.inputs.filter((i) => i.carried_from != null).map((i) => `${i.key} ← ${i.carried_from}`);
    const pubs = published.filter((f) => covers(f, y)).map((f) => {
      const v = f.low != null && f.high != null && f.low !== f.high ? `${usd(f.low)}–${usd(f.high)}` : usd((f.low ?? f.high) as number);
      return `${v} (${pub.get(f.sourceId)}, ${f.reliability})`;
    });
    out.push(`| ${y} | ${usd(r.revenue_usd.p5)} | ${usd(r.revenue_usd.p50)} | ${usd(r.revenue_usd.p95)} | ${carried.join('; ') || '–'} | ${pubs.join('; ') || '–'} |`);
  }
  return out;
}

export function recordReport(d: EstimateData): string {
  const cited = d.sources.filter((s) => !s.id.startsWith('seed-'));
  const lines = [
    START,
    `Measured by \`npx tsx scripts/record-report.ts\` (model: ${DRAWS.toLocaleString('en-US')} draws, seed "${SEED}"). ${d.figures.length} figures, ${d.sources.length} sources (${cited.length} cited publications and legal texts, 5 seeds), ${new Set(d.sources.map((s) => publisherOf(s.publisher))).size} publishers.`,
    '',
    '**Per host country.** A "worker count of its own" is a `workers` figure about the whole country whose period covers the year (flows and partial counts included in the figures column, not in the years).',
    '',
    ...hostTable(d),
    '',
    '**Per year.** The model\'s revenue to the state (USD a year) beside the published estimates about that year for all hosts together; "carried inputs" are counts taken from the nearest year with data.',
    '',
    ...yearTable(d),
    END,
  ];
  return lines.join('\n');
}

function main(): void {
  const d = readDatasetDir(path.join(REPO_ROOT, 'data/dataset'));
  const report = recordReport(d);
  const readme = fs.readFileSync(README, 'utf8');
  const i = readme.indexOf(START);
  const j = readme.indexOf(END);
  const next = i >= 0 && j > i ? readme.slice(0, i) + report + readme.slice(j + END.length) : `${readme.trimEnd()}\n\n## The public record, measured\n\n${report}\n`;
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error('data/dataset/README.md is out of date: run npx tsx scripts/record-report.ts');
      process.exitCode = 1;
    }
    return;
  }
  fs.writeFileSync(README, next);
  console.log(report);
}

main();
