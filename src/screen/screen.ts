/**
 * Screening: each input row (name, schema, country, birth date, id number)
 * against the matcher, as a stream. Stateless over the index it is given, so
 * screening workers replicate. Bad rows give a row-level error, never an
 * exception.
 */
import { Matcher } from '../match/matcher.ts';
import type { ExplanationItem, MatchResult, RiskFlag } from '../match/types.ts';
import { cleanText, MAX_NAME_CHARS } from '../names/index.ts';
import { isKnownQuerySchema } from '../match/score-schema.ts';
import { datasetFilter, type ScreenDataset } from './datasets.ts';
import type { CsvRow, ScreenInput } from './csv-input.ts';

export interface ScreenOptions {
  threshold: number;
  dataset: ScreenDataset;
  /** Matches per row (default 5). */
  limit?: number;
}

export interface ScreenMatch {
  id: string;
  caption: string;
  schema: string;
  score: number;
  match: boolean;
  datasets: string[];
  explanation: ExplanationItem[];
  flags: RiskFlag[];
}

export interface ScreenRowResult {
  row: number;
  input: ScreenInput;
  matches: ScreenMatch[];
  /** Why the row could not be screened, or what was done to it (a cut name). */
  error?: string;
  notes?: string[];
}

const SCHEMA_ALIASES: Record<string, string> = {
  person: 'Person', individual: 'Person', company: 'Company', organization: 'Organization', organisation: 'Organization',
  entity: 'LegalEntity', legalentity: 'LegalEntity', vessel: 'Vessel', ship: 'Vessel', aircraft: 'Airplane', airplane: 'Airplane',
};

function toMatch(r: MatchResult): ScreenMatch {
  return {
    id: r.entity.id, caption: r.entity.caption, schema: r.entity.schema, score: r.score, match: r.match,
    datasets: r.entity.datasets, explanation: r.explanation, flags: r.entity.flags,
  };
}

/** Screen one row. */
export function screenRow(matcher: Matcher, { row, input }: CsvRow, options: ScreenOptions): ScreenRowResult {
  const notes: string[] = [];
  const rawName = input.name ?? '';
  const name = cleanText(rawName, MAX_NAME_CHARS);
  if (name === '') return { row, input, matches: [], error: `row ${row}: the name is empty` };
  if (cleanText(rawName, 100_000).length > MAX_NAME_CHARS) notes.push(`row ${row}: the name is ${rawName.length} characters long; only the first ${MAX_NAME_CHARS} were screened`);
  let schema: string | null = null;
  const rawSchema = cleanText(input.schema ?? '', 60);
  if (rawSchema) {
    schema = SCHEMA_ALIASES[rawSchema.toLowerCase().replace(/\s+/g, '')] ?? rawSchema;
    if (!isKnownQuerySchema(schema)) {
      return { row, input, matches: [], error: `row ${row}: schema "${rawSchema}" is not known; use Person, Company, Organization, LegalEntity, Vessel or Airplane` };
    }
  }
  const results = matcher.match(
    {
      names: [name], schema,
      birthDates: input.birth_date ? input.birth_date.split(/[;|]/) : [],
      countries: input.country ? input.country.split(/[;|]/) : [],
      identifiers: input.id_number ? input.id_number.split(/[;|]/) : [],
    },
    { threshold: options.threshold, limit: options.limit ?? 5, datasets: datasetFilter(options.dataset) },
  );
  const out: ScreenRowResult = { row, input, matches: results.map(toMatch) };
  if (notes.length) out.notes = notes;
  return out;
}

/** Screen a stream of rows; yields one result per row, in order. */
export async function* screenRows(matcher: Matcher, rows: AsyncIterable<CsvRow> | Iterable<CsvRow>, options: ScreenOptions): AsyncGenerator<ScreenRowResult> {
  for await (const r of rows) yield screenRow(matcher, r, options);
}
