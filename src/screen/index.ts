/** Public API of src/screen: see README.md. */
export { readScreenCsv, SCREEN_COLUMNS, MAX_CELL, type CsvRow, type ScreenInput, type ScreenColumn } from './csv-input.ts';
export { screenRow, screenRows, type ScreenOptions, type ScreenMatch, type ScreenRowResult } from './screen.ts';
export { jsonWriter, csvWriter, htmlWriter, escapeHtml, type ReportWriter, type ScreenSummary } from './report.ts';
export { ScreeningService, screeningService, runScreen } from './service.ts';
export { parseScreenDataset, datasetFilter, SCREEN_DATASETS, type ScreenDataset } from './datasets.ts';
export { loadMatchableFromStore } from './store-index.ts';
