/** Schema names and colours for lists, legends and the network. */
const NAMES: Record<string, string> = {
  LegalInstrument: 'Legal instrument',
  PublicBody: 'Public body',
  LegalEntity: 'Legal entity',
  UnknownLink: 'Link',
  Directorship: 'Directorship',
};

export function schemaName(schema: string): string {
  return NAMES[schema] ?? schema;
}

/** The schema filters of the search page: a schema and its descendants. */
export const SEARCH_SCHEMAS = ['Person', 'Organization', 'Company', 'PublicBody', 'LegalInstrument', 'Sanction', 'Event'] as const;

/** Colours (accessible on white) for the schema families. */
export const SCHEMA_COLOURS: Record<string, string> = {
  Person: '#1f6fb2',
  Organization: '#2e8540',
  Company: '#2e8540',
  PublicBody: '#8a5a00',
  LegalEntity: '#2e8540',
  Sanction: '#b3261e',
  LegalInstrument: '#6a3d9a',
  Event: '#00797a',
  Project: '#5c5c5c',
};

export function schemaColour(schema: string): string {
  return SCHEMA_COLOURS[schema] ?? '#5c5c5c';
}
