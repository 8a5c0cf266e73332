/**
 * Screening: each input row (name, schema, country, birth date, id number)
 * against the matcher, as a stream. Stateless over the index it is given, so
 * screening workers replicate. Bad rows give a row-level error, never an
 * exception.
 */
import { Matcher } from '../match/matcher.ts';
import type { ExplanationItem, MatchQuery, MatchResult, RiskFlag } from '../match/types.ts';
import { cleanText, MAX_NAME_CHARS } from '../names/index.ts';
import type { CsvRow, ScreenInput } from './csv-input.ts';
import type { ScreeningOptions } from './options.ts';
import { queryFromProperties, querySchemaOf, rowProperties } from './query.ts';

export type ScreenOptions = ScreeningOptions;

export interface ScreenMatch {
  id: string;
  caption: string;
  schema: string;
  score: number;
  match: boolean;
  datasets: string[];
  /** Every record id behind the matched entity (the canonical one first); a stored result of an older screening may lack it. */
  referents?: string[];
  /** The birth dates its records give (two records may give two). */
  birth_dates?: string[];
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

function toMatch(r: MatchResult): ScreenMatch {
  return {
    id: r.entity.id, caption: r.entity.caption, schema: r.entity.schema, score: r.score, match: r.match,
    datasets: r.entity.datasets, referents: r.entity.referents ?? [r.entity.id], birth_dates: r.entity.birthDates, explanation: r.explanation, flags: r.entity.flags,
  };
}

/**
 * The answers of one screening run by query: a file names the same supplier
 * again and again, and the same query against the same matcher and options
 * gives the same matches, so each is computed once. Bounded: the oldest
 * query is forgotten past `max` (a file of a million distinct names keeps
 * flat memory). One per run: the matcher and the options must not change.
 */
export class MatchCache {
  private readonly answers = new Map<string, ScreenMatch[]>();
  hits = 0;

  constructor(private readonly max = 10_000) {}

  get(query: MatchQuery, compute: () => ScreenMatch[]): ScreenMatch[] {
    const key = `${query.schema ?? ''}\u0000${query.names.join('\u0001')}\u0000${query.birthDates.join('\u0001')}\u0000${query.countries.join('\u0001')}\u0000${query.identifiers.join('\u0001')}`;
    const known = this.answers.get(key);
    if (known) {
      this.hits++;
      return known;
    }
    const answer = compute();
    if (this.answers.size >= this.max) this.answers.delete(this.answers.keys().next().value!);
    this.answers.set(key, answer);
    return answer;
  }
}

/** Screen one row (its answer taken from `cache` when the same query came before in the run). */
export function screenRow(matcher: Matcher, { row, input }: CsvRow, options: ScreenOptions, cache: MatchCache | null = null): ScreenRowResult {
  const notes: string[] = [];
  const rawName = input.name ?? '';
  const name = cleanText(rawName, MAX_NAME_CHARS);
  if (name === '') return { row, input, matches: [], error: `row ${row}: the name is empty` };
  if (cleanText(rawName, 100_000).length > MAX_NAME_CHARS) notes.push(`row ${row}: the name is ${rawName.length} characters long; only the first ${MAX_NAME_CHARS} were screened`);
  const rawSchema = cleanText(input.schema ?? '', 60);
  const schema = querySchemaOf(rawSchema);
  if (schema === undefined) {
    return { row, input, matches: [], error: `row ${row}: schema "${rawSchema}" is not known; use Person, Company, Organization, LegalEntity, Vessel or Airplane` };
  }
  const query = queryFromProperties(schema, rowProperties(input, name));
  const run = () => matcher.match(query, { threshold: options.threshold, cutoff: options.cutoff, limit: options.limit, datasets: options.dataset.filter }).map(toMatch);
  const out: ScreenRowResult = { row, input, matches: cache ? cache.get(query, run) : run() };
  if (notes.length) out.notes = notes;
  return out;
}

/** Screen a stream of rows; yields one result per row, in order. */
export async function* screenRows(matcher: Matcher, rows: AsyncIterable<CsvRow> | Iterable<CsvRow>, options: ScreenOptions): AsyncGenerator<ScreenRowResult> {
  const cache = new MatchCache();
  for await (const r of rows) yield screenRow(matcher, r, options, cache);
}
