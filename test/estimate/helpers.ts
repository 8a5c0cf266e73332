import { readDatasetDir, type EstimateData } from '../../src/estimate/index.ts';

/** The bundled dataset, parsed straight from data/dataset/*.jsonl (validated record by record). */
let cached: EstimateData | null = null;
export function dataset(): EstimateData {
  return (cached ??= readDatasetDir('data/dataset'));
}

/**
 * The figures of the five seed documents alone (and their sources and deployments):
 * a fixed graph on which the model's rules (a country's share, a group's share less its
 * counted members, the remainder) are all exercised for 2017. The public record
 * (pub-…, legal-…) gives Russia and China counts of their own, which the full
 * dataset's tests check.
 */
let seeds: EstimateData | null = null;
export function seedDataset(): EstimateData {
  if (seeds) return seeds;
  const d = dataset();
  const isSeed = (id: string) => id.startsWith('seed-');
  return (seeds = { figures: d.figures.filter((f) => isSeed(f.sourceId)), sources: d.sources.filter((s) => isSeed(s.id)), deployments: d.deployments.filter((x) => isSeed(x.sourceId)) });
}
