/** Checks the curated dataset and lists every problem with file and line. Usage: npx tsx scripts/check-dataset.ts */
import path from 'node:path';
import { REPO_ROOT } from '../src/config/settings.ts';
import { parseDataset } from '../src/ingest/dataset/read.ts';

const { dataset, problems } = parseDataset(path.join(REPO_ROOT, 'data/dataset'), REPO_ROOT);
for (const p of problems) console.log(`${p.file}:${p.line}: ${p.message}`);
const entityIds = new Set(dataset.entities.map((e) => e.record.id));
console.log(
  `${problems.length} problem(s). ${dataset.sources.length} sources, ${entityIds.size} entities from ${dataset.entities.length} entity records, ` +
    `${dataset.figures.length} figures, ${dataset.tipRatings.length} TIP ratings, ${dataset.deployments.length} deployments, ${dataset.testimonies.length} testimonies.`,
);
process.exitCode = problems.length ? 1 : 0;
