/** Public API of src/screen: see README.md. */
export { readScreenCsv, SCREEN_COLUMNS, MAX_CELL, type CsvRow, type ScreenInput, type ScreenColumn } from './csv-input.ts';
export { screenRow, screenRows, type ScreenOptions, type ScreenMatch, type ScreenRowResult } from './screen.ts';
export { jsonWriter, csvWriter, htmlWriter, escapeHtml, describeLists, type ReportWriter, type ScreenSummary, type ScreenedList } from './report.ts';
export { ScreeningService, screeningService, screeningReady, runScreen, localScreener, type RowScreener } from './service.ts';
export { yenteResult, yenteFeatures, yenteMatcherDocs, yenteAlgorithms, yenteDates, type YenteResult, type YenteExplanation, type YenteFeatureDoc } from './yente.ts';
export { yenteMatch, filterOf, checkSchemas, checkTopics, parseWeights, expandEntityIds, NO_FILTERS, type YenteFilters, type YenteOutcome } from './yente-match.ts';
export { knownDatasets, entityDates, isoTimestamp, type EntityDates } from './index-facts.ts';
export { yenteCatalog, type Catalog, type CatalogDataset } from './yente-catalog.ts';
export { resolveDataset, COLLECTION_NAMES, type DatasetScope } from './datasets.ts';
export { parseScreeningOptions, SCREENING_DEFAULTS, MAX_LIMIT, MATCH_MAX_LIMIT, type ScreeningOptions, type RawScreeningOptions } from './options.ts';
export { queryFromProperties, querySchemaOf, rowProperties, QUERY_PROPERTIES, type QueryProperties } from './query.ts';
export { loadMatchableFromStore } from './store-index.ts';
