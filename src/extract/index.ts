export * from './types.ts';
export { extract, sentences, type ExtractOptions } from './extract.ts';
export { findCountryMentions, countryCode } from './countries.ts';
export { findLegalMentions } from './legal.ts';
export { nameCandidates, findEntityMentions } from './entities.ts';
