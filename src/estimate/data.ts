/**
 * Where the model's figures come from. The model reads through FigureSource,
 * so the store (accepted statements in the database) and the bundled dataset
 * files (tests, a checkout with no data directory) are interchangeable.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Figure, LabourDeployment } from '../model/index.ts';
import { datasetRecord, type FigureRecord, type DeploymentRecord } from '../ingest/dataset/records.ts';
import { invalidData } from '../errors.ts';

export interface SourceRef {
  id: string;
  title: string;
  url: string | null;
  publisher: string | null;
  published: string | null;
}

export interface FigureSource {
  /** Accepted figures only. */
  listFigures(): Promise<Figure[]>;
  listSources(): Promise<SourceRef[]>;
  listDeployments(): Promise<LabourDeployment[]>;
}

export interface EstimateData {
  figures: Figure[];
  sources: SourceRef[];
  deployments: LabourDeployment[];
}

export async function loadEstimateData(src: FigureSource): Promise<EstimateData> {
  const [figures, sources, deployments] = await Promise.all([src.listFigures(), src.listSources(), src.listDeployments()]);
  return { figures: figures.filter((f) => f.reviewStatus === 'accepted'), sources, deployments };
}

export function figureFromRecord(r: FigureRecord): Figure {
  return {
    id: r.id,
    metric: r.metric,
    country: r.country ?? null,
    countries: r.countries ?? null,
    entityId: r.entity ?? null,
    sector: r.sector ?? null,
    recipient: r.recipient ?? null,
    periodStart: r.period_start ?? null,
    periodEnd: r.period_end ?? null,
    low: r.low ?? null,
    high: r.high ?? null,
    of: r.of ?? null,
    unit: r.unit,
    per: r.per ?? null,
    qualifier: r.qualifier,
    sourceId: r.source,
    quote: r.quote ?? null,
    quoteStart: null,
    quoteEnd: null,
    locator: r.locator ?? null,
    statement: r.statement ?? null,
    counts: r.counts ?? null,
    coverage: r.coverage ?? null,
    reliability: r.grade as Figure['reliability'],
    recordedBy: 'room39-dataset',
    reviewStatus: 'accepted',
    note: r.note ?? null,
  };
}

function deploymentFromRecord(r: DeploymentRecord): LabourDeployment {
  return {
    id: r.id,
    country: r.country,
    senderId: r.sender ?? null,
    employerId: r.employer ?? null,
    sector: r.sector ?? null,
    periodStart: r.period_start ?? null,
    periodEnd: r.period_end ?? null,
    sourceId: r.source,
    quote: r.quote ?? null,
    quoteStart: null,
    quoteEnd: null,
    locator: r.locator ?? null,
    reliability: r.grade as LabourDeployment['reliability'],
  };
}

/** Reads the bundled dataset files (`data/dataset/*.jsonl`) straight, validating each record. */
export function readDatasetDir(dir: string): EstimateData {
  const figures: Figure[] = [];
  const sources: SourceRef[] = [];
  const deployments: LabourDeployment[] = [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  for (const file of files) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      const where = `${join(dir, file)}:${i + 1}`;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (e) {
        throw invalidData(`not valid JSON (${(e as Error).message})`, where);
      }
      const type = (json as { type?: unknown }).type;
      if (type !== 'figure' && type !== 'source' && type !== 'deployment') return;
      const parsed = datasetRecord.safeParse(json);
      if (!parsed.success) throw invalidData(parsed.error.issues.map((x) => `${x.path.join('.') || 'record'}: ${x.message}`).join('; '), where);
      const r = parsed.data;
      if (r.type === 'figure') figures.push(figureFromRecord(r));
      else if (r.type === 'deployment') deployments.push(deploymentFromRecord(r));
      else if (r.type === 'source') sources.push({ id: r.id, title: r.title, url: r.url, publisher: r.publisher ?? null, published: r.published ?? null });
    });
  }
  return { figures, sources, deployments };
}

export function datasetFigureSource(dir: string): FigureSource {
  let cache: EstimateData | null = null;
  const get = () => (cache ??= readDatasetDir(dir));
  return {
    listFigures: async () => get().figures,
    listSources: async () => get().sources,
    listDeployments: async () => get().deployments,
  };
}
