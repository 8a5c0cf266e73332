import { readDatasetDir, type EstimateData } from '../../src/estimate/index.ts';

/** The bundled dataset, parsed straight from data/dataset/*.jsonl (validated record by record). */
let cached: EstimateData | null = null;
export function dataset(): EstimateData {
  return (cached ??= readDatasetDir('data/dataset'));
}
