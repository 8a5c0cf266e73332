export * from './reliability.ts';
export * from './source.ts';
export * from './statement.ts';
export * from './entity.ts';
export * from './figure.ts';
export * from './country-facts.ts';
export * from './testimony.ts';
export * from './list-entry.ts';
