/**
 * The wire: every shape the HTTP API sends that the web app reads, in one
 * place. The web app imports server code from this module only (a test in
 * test/architecture holds it to that). Types are re-exported from the layer
 * that makes them, so an answer and its reader cannot drift apart; the few
 * values here are pure helpers the web app shares with the server (the
 * reliability grades' meaning, country names).
 */

// Values: pure, no store, no Node.
export { describeReliability, isReliability, type Reliability } from '../model/reliability.ts';
export { countryName } from '../model/countries.ts';
export { csvCell, toCsv } from '../screen/csv-output.ts';
export { isRole, roleAtLeast, type Role } from '../auth/roles.ts';

// GET /api/search, GET /api/entities/{id}
export type { SearchHit } from '../store/search.ts';
export type { EntityDetail, EntityDocument, StatementView, RelationView } from '../store/entities.ts';
export type { DesignationView } from '../store/designations.ts';

// The resolver: GET /api/resolve, /api/resolve/candidates, POST /api/resolve/judgements
export type { Judgement, JudgementKind, JudgeResult } from '../store/resolver.ts';
export type { CandidateView, RecordSummary, ResolutionStats, XrefState } from '../resolve/index.ts';

// GET /api/headline, /api/countries, /api/countries/{cc}, /api/figures, /api/timeline, /api/network/{id}
export type {
  CitedFigureRow, CountrySummary, CountriesAnswer, CountryDetail, Headline,
  TimelineItem, TimelineType, Network, NetworkNode, NetworkEdge,
} from '../store/atlas/index.ts';

// GET /api/estimate
export type { EstimateResult } from '../estimate/index.ts';
export type { CitedFigure, WageFlow } from '../estimate/analysis.ts';

// POST /api/documents, the document library, suggestions, the review queue
export type { ExtractionResult } from '../extract/types.ts';
export type { ReviewItem } from '../review/queue.ts';
export type { Duplicate } from '../review/duplicates.ts';
export type { DocumentSummary, DocumentClaim, StoredDocument, ClaimCounts } from '../ingest/documents/library.ts';
export type { Suggestion } from '../ingest/documents/suggestions.ts';
export { FIGURE_METRICS } from '../model/figure.ts';

// POST /api/screen
import type { ScreenRowResult, ScreenSummary } from '../screen/index.ts';
export type { ScreenMatch, ScreenRowResult, ScreenSummary } from '../screen/index.ts';
export type { ExplanationItem, RiskFlag, RiskFlagKind } from '../match/types.ts';

/** The answer of POST /api/screen (and of `room39 screen --json`): the list versions screened against, one entry per row, then the summary. */
export interface ScreenAnswer {
  lists?: ScreenedList[];
  rows: ScreenRowResult[];
  summary: ScreenSummary;
}
import type { ScreenedList } from '../screen/index.ts';
export type { ScreenedList } from '../screen/index.ts';

// POST /api/screen/read: an uploaded file read by the server's reader (the CLI's and the cases'), for the web page to screen in batches
import type { CsvRow, InputInfo } from '../screen/csv-input.ts';
export interface ScreenFileRead {
  /** How the file was read: format, encoding, separator, sheet, the field each column is read as. */
  info: InputInfo | null;
  /** Each data row, numbered as in the file (1 = the first row after the header). */
  rows: CsvRow[];
  /** What the reader warns about (an encoding it had to guess), each naming the file. */
  warnings: string[];
}

// GET /api/lists: each official list's version, publication and freshness (the banner)
export type { ListStatus } from '../ingest/lists/status.ts';
import type { ListStatus } from '../ingest/lists/status.ts';
export interface ListsAnswer {
  lists: ListStatus[];
}

// /api/cases: saved screenings, their rows, decisions, alerts and supplier-risk indicators
export type { CaseRecord, CaseAlert, DecisionRecord, DecisionKind, ListVersionDetail, SupplierRisk } from '../cases/index.ts';
export type { RunRecord } from '../cases/store.ts';
export type { CaseRowsPage, CaseRowView } from '../cases/rows-page.ts';
export type { InputInfo, CsvRow } from '../screen/csv-input.ts';
export type { ColumnMapping, InputField } from '../screen/input-detect.ts';
export { INPUT_FIELDS } from '../screen/input-detect.ts';
