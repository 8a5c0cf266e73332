/**
 * What the resolver compares: one record per listed party or seed-graph
 * entity (persons, organisations, vessels, aircraft), read from the store's
 * accepted statements: names (as written and as word-order-free keys),
 * birth dates, countries, identifiers, posts, programmes, whether the record
 * is DPRK-related, and which lists the seed graph says designated it.
 */
import type { Queryable } from '../store/db.ts';
import { expandWord, normalizeName, orgWordClass, splitNameVariants } from '../names/index.ts';

export type RecordKind = 'person' | 'org' | 'vessel' | 'airplane';

export interface ResolveRecord {
  id: string;
  schema: string;
  kind: RecordKind;
  /** The list's dataset (`us_ofac_sdn`, `un_sc_sanctions`, …), or `room39` for the curated graph's own `r39-` entities (seed documents and the public record). */
  dataset: string;
  /** Names as written: the first is the record's caption. */
  names: string[];
  /** Word-order-free keys of the names (`hong kim won`). */
  nameKeys: Set<string>;
  /** ISO dates, possibly partial. */
  birthDates: string[];
  countries: Set<string>;
  /** Normalised identifier → `prop value` as written. */
  identifiers: Map<string, string>;
  positions: Set<string>;
  /** Posts as written. */
  positionText: string[];
  programs: Set<string>;
  dprk: boolean;
  /** Lists that designated this record according to the seed graph's Sanction entities (seed records only). */
  designatedBy: Set<string>;
  /** Where a list says the designation comes from (the UK list: `UN` for its implementation of a UN entry, `UK` for its own). */
  designationSource?: string | null;
}

export const MATCHABLE_SCHEMAS: Record<string, RecordKind> = {
  Person: 'person', Organization: 'org', Company: 'org', LegalEntity: 'org', PublicBody: 'org', Vessel: 'vessel', Airplane: 'airplane',
};
const ID_PROPS = ['passportNumber', 'idNumber', 'imoNumber', 'registrationNumber', 'swiftBic', 'taxNumber'];
const NAME_PROPS = ['name', 'alias', 'previousName'];
const COUNTRY_PROPS = ['nationality', 'country', 'citizenship', 'jurisdiction', 'flag', 'mainCountry'];
/** The curated graph (its `r39-` entities, from the seed documents and the public record), compared as one source. */
export const SEED_DATASET = 'room39';

/** Name key: normalised, words sorted ("YUN, Ho-Jin" = "YUN HO-JIN" = "Ho Jin Yun"). */
export function nameKey(name: string): string {
  return normalizeName(name).split(' ').filter(Boolean).sort().join(' ');
}

/**
 * The keys a name is compared by: as written (any word order), without its
 * bracketed parts (`… DEPARTMENT (OGD)`), and for organisations without
 * legal forms and little words (`KOREA SAMJONG SHIPPING CO` = `KOREA
 * SAMJONG SHIPPING`) when a distinctive word remains.
 */
export function nameKeysOf(value: string, kind: RecordKind): string[] {
  const bare = splitNameVariants(value).name;
  const keys = new Set([nameKey(value), nameKey(bare)]);
  // Hyphens and spaces inside a name vary between lists (CHONG-CHONGANG / CHONGCHONGANG, Yong-chol / Yong Chol): the letters in order, as written.
  const words = normalizeName(bare).split(' ').filter(Boolean);
  if (words.length >= 2) keys.add(`=${words.join('')}`);
  if (kind === 'org') {
    const core = words.map(expandWord).filter((w) => !['stop', 'legal'].includes(orgWordClass(w)));
    if (core.some((w) => orgWordClass(w) === 'word')) keys.add(core.sort().join(' '));
  }
  return [...keys].filter((k) => k.length >= 3);
}

/** Post key: normalised, little words dropped ("Minister of State Security" = "MINISTER, STATE SECURITY"). */
export function positionKey(value: string): string {
  return normalizeName(value).replace(/\b(the|of|and|for|a|an)\b/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Identifier key: letters and digits, upper case. */
export const identifierKey = (v: string) => v.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** The list a seed Sanction's authority names. */
export function listOfAuthority(authority: string): string | null {
  if (/OFAC|Treasury|United States|U\.S\.|\bUS\b/i.test(authority)) return 'us_ofac_sdn';
  if (/United Nations|Security Council|\bUN\b/i.test(authority)) return 'un_sc_sanctions';
  if (/United Kingdom|\bUK\b|OFSI|FCDO|HM Treasury/i.test(authority)) return 'gb_fcdo_sanctions';
  if (/European|\bEU\b/i.test(authority)) return 'eu_fsf';
  return null;
}

interface StatementRow { entity_id: string; schema: string; prop: string; value: string; dataset: string }

function newRecord(r: StatementRow, kind: RecordKind, datasets: readonly string[]): ResolveRecord {
  return {
    id: r.entity_id, schema: r.schema, kind, dataset: r.entity_id.startsWith('r39-') ? SEED_DATASET : datasets.find((d) => d !== 'dprk') ?? r.dataset, names: [], nameKeys: new Set(),
    birthDates: [], countries: new Set(), identifiers: new Map(), positions: new Set(), positionText: [], programs: new Set(), dprk: datasets.includes('dprk'), designatedBy: new Set(),
  };
}

function addValue(rec: ResolveRecord, prop: string, value: string): void {
  if (NAME_PROPS.includes(prop)) {
    // "Care of X" / "c/o X" names another party, and "X (KPe.018)" another entry of the list (the UN gives such aliases): not this one.
    if (/^(care of|c\/o)\b/i.test(value.trim()) || /\((KP[ei]|[A-Z]{2}[ei])\.\d+\)/i.test(value)) return;
    const keys = nameKeysOf(value, rec.kind);
    if (!keys.length) return;
    if (prop === 'name') rec.names.unshift(value); else rec.names.push(value);
    for (const k of keys) rec.nameKeys.add(k);
  } else if (prop === 'birthDate') {
    if (!rec.birthDates.includes(value)) rec.birthDates.push(value);
  } else if (prop === 'position') {
    const k = positionKey(value);
    if (k.length >= 6) { rec.positions.add(k); rec.positionText.push(value); }
  } else if (prop === 'program') rec.programs.add(value);
  else if (prop === 'notes') {
    const source = /\bDesignation source: (\w+)/.exec(value);
    if (source) rec.designationSource = source[1]!.toUpperCase();
  }
  else if (COUNTRY_PROPS.includes(prop)) rec.countries.add(value.toLowerCase());
  else if (ID_PROPS.includes(prop)) {
    const k = identifierKey(value);
    if (k.length >= 5 && /\d/.test(k)) rec.identifiers.set(k, `${prop} ${value}`);
  }
}

/** Every record of the store the resolver can compare (optionally only some ids). */
export async function loadResolveRecords(q: Queryable, only?: readonly string[]): Promise<ResolveRecord[]> {
  // Each entity's datasets as one JSON value too (~50,000 rows of text arrays for OFAC: ~0.3 s of PGlite's row handling).
  const [ents] = await q.query<{ rows: string }>(
    `SELECT coalesce(json_agg(json_build_array(id, datasets)), '[]')::text AS rows FROM entities
      WHERE schema = ANY($1::text[]) AND ($2::text[] IS NULL OR id = ANY($2::text[]))`,
    [Object.keys(MATCHABLE_SCHEMAS), only ?? null]);
  const datasetsOf = new Map((JSON.parse(ents?.rows ?? '[]') as [string, string[] | null][]).map(([id, datasets]) => [id, datasets ?? []]));
  // One row of JSON rather than ~100,000 rows: PGlite's per-row result handling cost more than the query. The values come in
  // the order they are stored (ctid), whatever plan the join takes, so the names and identifiers a rule cites first do not
  // change with the planner's statistics.
  const [agg] = await q.query<{ rows: string }>(
    `SELECT coalesce(json_agg(json_build_array(s.entity_id, e.schema, s.prop, s.value, s.dataset) ORDER BY s.ctid), '[]')::text AS rows
       FROM statements s JOIN entities e ON e.id = s.entity_id
      WHERE s.review_status = 'accepted' AND s.dataset <> 'dprk' AND e.schema = ANY($1::text[])
        AND s.prop = ANY($2::text[]) AND ($3::text[] IS NULL OR s.entity_id = ANY($3::text[]))`,
    [Object.keys(MATCHABLE_SCHEMAS), [...ID_PROPS, ...NAME_PROPS, ...COUNTRY_PROPS, 'birthDate', 'position', 'program', 'notes'], only ?? null],
  );
  const rows = (JSON.parse(agg?.rows ?? '[]') as [string, string, string, string, string][])
    .map(([entity_id, schema, prop, value, dataset]): StatementRow => ({ entity_id, schema, prop, value, dataset }));
  const recs = new Map<string, ResolveRecord>();
  for (const r of rows) {
    let rec = recs.get(r.entity_id);
    if (!rec) recs.set(r.entity_id, (rec = newRecord(r, MATCHABLE_SCHEMAS[r.schema]!, datasetsOf.get(r.entity_id) ?? [])));
    addValue(rec, r.prop, r.value);
  }
  // The curated graph is the DPRK labour-export graph: its entities (North Korean bodies, and the firms that host workers) are in scope.
  for (const rec of recs.values()) if (rec.dataset === SEED_DATASET) rec.dprk = true;
  const designations = await q.query<{ target: string; authority: string }>(
    `SELECT e.value AS target, a.value AS authority FROM statements e JOIN statements a ON a.entity_id = e.entity_id AND a.prop = 'authority'
      WHERE e.schema = 'Sanction' AND e.prop = 'entity' AND e.review_status = 'accepted' AND a.review_status = 'accepted' AND e.value LIKE 'r39-%'`);
  for (const d of designations) {
    const list = listOfAuthority(d.authority);
    if (list) recs.get(d.target)?.designatedBy.add(list);
  }
  return [...recs.values()].filter((r) => r.names.length > 0);
}
