/**
 * Linking after a list import: the resolver's rule run (src/resolve/link.ts)
 * over every stored list and seed record. The rules, their evidence and the
 * judgements they record are the resolver's; this is where imports call it.
 */
export { linkRecords as linkEntities, RULE_RECORDER, type LinkReport } from '../../resolve/link.ts';
export { nameKey } from '../../resolve/records.ts';
