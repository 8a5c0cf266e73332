/**
 * Times the estimate over the bundled dataset files: `npx tsx bench/estimate/run.ts [draws] [repeats]`.
 * Reads the files once, then runs the whole estimate (model, Monte Carlo,
 * summaries, tornado, comparison, histogram) `repeats` times and prints each time.
 */
import { performance } from 'node:perf_hooks';
import { estimate, readDatasetDir } from '../../src/estimate/index.ts';

const draws = Number(process.argv[2] ?? 1_000_000);
const repeats = Number(process.argv[3] ?? 3);
const data = readDatasetDir('data/dataset');
const times: number[] = [];
const cpu: number[] = [];
let p50 = 0;
for (let i = 0; i < repeats; i++) {
  const t = performance.now();
  const c = process.cpuUsage();
  const r = estimate(data, { year: 2017, draws, seed: '1' });
  const used = process.cpuUsage(c);
  times.push(performance.now() - t);
  cpu.push((used.user + used.system) / 1000);
  p50 = r.revenue_usd.p50;
}
const t2 = performance.now();
estimate(data, { year: 2017, draws, seed: '1', exclude: ['RU', 'CN'] });
const scenario = performance.now() - t2;
console.log(JSON.stringify({ draws, runs_ms: times.map((x) => Math.round(x)), best_ms: Math.round(Math.min(...times)), cpu_ms: cpu.map((x) => Math.round(x)), load_average_1m: (await import('node:os')).loadavg()[0], scenario_exclude_ru_cn_ms: Math.round(scenario), revenue_p50_usd: Math.round(p50), node: process.version }));
