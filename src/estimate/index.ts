export { estimate, DEFAULT_DRAWS, MAX_DRAWS, DEFAULT_SEED, type EstimateOptions, type EstimateResult } from './estimate.ts';
export { datasetFigureSource, loadEstimateData, readDatasetDir, figureFromRecord, type FigureSource, type EstimateData, type SourceRef } from './data.ts';
export { parseOverrides, type Override } from './overrides.ts';
