/**
 * The one builder of a match query from FtM properties, for every door: a
 * yente `/match` example, an OpenRefine `/reconcile` query (its `properties`
 * keyed by FtM property name) and a screened CSV row (its columns mapped to
 * FtM properties) all become a `MatchQuery` the same way.
 */
import type { MatchQuery } from '../match/types.ts';
import { isKnownQuerySchema } from '../match/score-schema.ts';
import type { ScreenInput } from './csv-input.ts';

export type QueryProperties = Readonly<Record<string, readonly string[]>>;

/** FtM properties that feed each feature of the matcher. */
export const QUERY_PROPERTIES = {
  names: ['name', 'alias', 'previousName', 'weakAlias'],
  nameParts: ['firstName', 'middleName', 'lastName'],
  birthDates: ['birthDate'],
  countries: ['nationality', 'citizenship', 'country', 'jurisdiction', 'mainCountry', 'flag'],
  identifiers: ['idNumber', 'passportNumber', 'registrationNumber', 'taxNumber', 'imoNumber', 'innCode', 'ogrnCode', 'leiCode', 'swiftBic', 'vatCode'],
} as const;

const SCHEMA_ALIASES: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, { // no prototype: a word such as "constructor" finds nothing
  person: 'Person', individual: 'Person', company: 'Company', organization: 'Organization', organisation: 'Organization',
  entity: 'LegalEntity', legalentity: 'LegalEntity', vessel: 'Vessel', ship: 'Vessel', aircraft: 'Airplane', airplane: 'Airplane',
});

/**
 * The schema a query is about: FtM names and everyday words ("individual",
 * "ship"); `Thing` means any. Undefined when the name is not a schema.
 */
export function querySchemaOf(raw: string): string | null | undefined {
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  const schema = SCHEMA_ALIASES[trimmed.toLowerCase().replace(/\s+/g, '')] ?? trimmed;
  if (!isKnownQuerySchema(schema)) return undefined;
  return schema === 'Thing' ? null : schema;
}

/** A match query from FtM properties; `extraNames` (a reconciliation's free-text query) come first. */
export function queryFromProperties(schema: string | null, props: QueryProperties, extraNames: readonly string[] = []): MatchQuery {
  const pick = (keys: readonly string[]) => keys.flatMap((k) => props[k] ?? []);
  const parts = pick(QUERY_PROPERTIES.nameParts);
  const composed = parts.length ? QUERY_PROPERTIES.nameParts.flatMap((k) => props[k] ?? []).join(' ').replace(/\s+/g, ' ').trim() : '';
  return {
    names: [...extraNames, ...pick(QUERY_PROPERTIES.names), composed].filter((n) => n.trim() !== ''),
    schema,
    birthDates: pick(QUERY_PROPERTIES.birthDates),
    countries: pick(QUERY_PROPERTIES.countries),
    identifiers: pick(QUERY_PROPERTIES.identifiers),
  };
}

/** A screened row's columns as FtM properties: several values in a cell are separated by `;` or `|`. */
export function rowProperties(input: ScreenInput, name: string): Record<string, string[]> {
  const many = (v: string | undefined) => (v ? v.split(/[;|]/) : []);
  return { name: [name], birthDate: many(input.birth_date), country: many(input.country), idNumber: many(input.id_number) };
}
