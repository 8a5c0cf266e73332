/**
 * The answer to one yente `/match` batch, as the JSON text the route sends: each query's entry (results, total,
 * the query echoed) written where it is matched, in the route's thread or a matching worker (match-pool.ts), and
 * the entries joined into `{"responses": …, "matcher": …, "limit": …}` byte for byte as `JSON.stringify` of the
 * whole object writes it.
 */
import type { WeightedFeature } from '../match/types.ts';
import type { EntityDates } from './index-facts.ts';
import type { ScreeningOptions } from './options.ts';
import { queryFromProperties, querySchemaOf } from './query.ts';
import type { ScreeningService } from './service.ts';
import { yenteMatcherDocs, yenteResultJson } from './yente.ts';
import { yenteMatch, type YenteFilters } from './yente-match.ts';

/** One query of a batch as the client sent it (after the route's checks). */
export interface YenteExample { id?: string | null; schema: string; properties: Record<string, string[]> }

/** Everything one batch needs besides the index and the dates: plain data, so it can go to a worker. */
export interface YenteBatch {
  /** The queries to answer, keyed as the client keyed them, in the order of the response. */
  queries: [string, YenteExample][];
  options: ScreeningOptions;
  filters: YenteFilters;
  weights?: Partial<Record<WeightedFeature, number>>;
}

/** Each query's response entry as JSON text, in the batch's order. Schemas are checked by the route first. */
export function yenteEntries(service: ScreeningService, batch: YenteBatch, dates: ReadonlyMap<string, EntityDates>): string[] {
  return batch.queries.map(([, ex]) => {
    const { total, results } = yenteMatch(service, queryFromProperties(querySchemaOf(ex.schema) ?? null, ex.properties), batch.options, batch.filters, dates, batch.weights);
    // As JSON.stringify({ status, results, total, query }) writes it; each result's entity parts are written once per entity.
    const resultsJson = results.map((r) => yenteResultJson(r, dates.get(r.entity.id))).join(',');
    const query = JSON.stringify({ id: ex.id ?? null, schema: ex.schema, properties: ex.properties });
    return `{"status":200,"results":[${resultsJson}],"total":{"value":${JSON.stringify(total)},"relation":"eq"},"query":${query}}`;
  });
}

let matcherJson: string | null = null;

/**
 * The whole answer. `keys` must be in the order `JSON.stringify` writes an object's keys (integer-like keys first,
 * ascending, then the rest as inserted): `Object.keys` of an object built from them gives it.
 */
export function yenteAnswer(keys: readonly string[], entries: readonly string[], limit: number): string {
  matcherJson ??= JSON.stringify(yenteMatcherDocs());
  const parts = keys.map((k, i) => `${JSON.stringify(k)}:${entries[i]}`);
  return `{"responses":{${parts.join(',')}},"matcher":${matcherJson},"limit":${JSON.stringify(limit)}}`;
}

let matcherTail: Buffer | null = null;

/** The same answer as `yenteAnswer`, as UTF-8 bytes, from entries already in bytes (a matching worker's). */
export function yenteAnswerBytes(keys: readonly string[], entries: readonly Uint8Array[], limit: number): Uint8Array<ArrayBuffer> {
  matcherJson ??= JSON.stringify(yenteMatcherDocs());
  matcherTail ??= Buffer.from(`},"matcher":${matcherJson},"limit":`);
  const parts: Uint8Array[] = [Buffer.from('{"responses":{')];
  keys.forEach((k, i) => parts.push(Buffer.from(`${i === 0 ? '' : ','}${JSON.stringify(k)}:`), entries[i]!));
  parts.push(matcherTail, Buffer.from(`${JSON.stringify(limit)}}`));
  const whole = Buffer.concat(parts);
  return new Uint8Array(whole.buffer as ArrayBuffer, whole.byteOffset, whole.byteLength);
}
