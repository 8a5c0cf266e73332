/**
 * A parsed list entry → the FtM entities it gives (the listed party, its
 * Sanction, its crypto wallets) as property values, and those values →
 * statements of one list version. Every value the list gives comes across;
 * a value whose FtM property the schema lacks stays in the remarks (`notes`).
 */
import { hash } from 'node:crypto';
import type { ListEntry, ListIdentifier, Reliability, Statement } from '../../model/index.ts';
import { hasProperty as ftmHasProperty } from '../../store/ftm.ts';
import { stableId } from '../../store/statements.ts';
import { DPRK_DATASET, isDprkRelated } from './dprk.ts';

export const LIST_RECORDER = 'room39-lists';

export interface ListInfo {
  dataset: string;
  /** Entity id prefix: `ofac`, `unsc`. */
  prefix: string;
  authority: string;
  title: string;
  publisher: string;
  url: string;
}

export const LISTS: Record<string, ListInfo> = {
  us_ofac_sdn: {
    dataset: 'us_ofac_sdn', prefix: 'ofac', authority: 'US Treasury, Office of Foreign Assets Control (OFAC)',
    title: 'OFAC Specially Designated Nationals (SDN) List', publisher: 'US Treasury, OFAC',
    url: 'https://sanctionslist.ofac.treas.gov/',
  },
  un_sc_sanctions: {
    dataset: 'un_sc_sanctions', prefix: 'unsc', authority: 'United Nations Security Council',
    title: 'UN Security Council Consolidated List', publisher: 'UN Security Council',
    url: 'https://main.un.org/securitycouncil/en/content/un-sc-consolidated-list',
  },
  gb_fcdo_sanctions: {
    dataset: 'gb_fcdo_sanctions', prefix: 'gb', authority: 'UK Foreign, Commonwealth & Development Office (FCDO)',
    title: 'UK Sanctions List', publisher: 'UK FCDO',
    url: 'https://www.gov.uk/government/publications/the-uk-sanctions-list',
  },
  eu_fsf: {
    dataset: 'eu_fsf', prefix: 'eu-fsf', authority: 'European Union (Council of the EU; list published by the European Commission)',
    title: 'EU Consolidated Financial Sanctions List', publisher: 'European Commission, Financial Sanctions Files',
    url: 'https://webgate.ec.europa.eu/fsd/fsf',
  },
};

export function listInfo(dataset: string): ListInfo {
  return LISTS[dataset] ?? { dataset, prefix: dataset.replace(/_/g, '-'), authority: dataset, title: dataset, publisher: dataset, url: '' };
}

export const entityIdOf = (dataset: string, entryId: string) =>
  `${listInfo(dataset).prefix}-${entryId.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;

/** The FtM model's answer, remembered by schema then property: it is asked for every value of every entry. */
const propertyCache = new Map<string, Map<string, boolean>>();
function hasProperty(schema: string, prop: string): boolean {
  let bySchema = propertyCache.get(schema);
  if (!bySchema) propertyCache.set(schema, (bySchema = new Map()));
  let has = bySchema.get(prop);
  if (has === undefined) bySchema.set(prop, (has = ftmHasProperty(schema, prop)));
  return has;
}

/** One FtM entity's values, as the entry gives them. */
export interface EntityValues {
  id: string;
  schema: string;
  props: Map<string, Set<string>>;
}

function add(e: EntityValues, prop: string, value: string | null | undefined): void {
  const v = value?.trim();
  if (!v || !hasProperty(e.schema, prop)) return;
  let set = e.props.get(prop);
  if (!set) e.props.set(prop, (set = new Set()));
  set.add(v);
}

const ID_PROP: Record<string, string> = {
  passport: 'passportNumber', tax: 'taxNumber', registration: 'registrationNumber', swift: 'swiftBic',
  imo: 'imoNumber', mmsi: 'mmsi', email: 'email', website: 'website', phone: 'phone', national_id: 'idNumber',
};

function identifierProp(schema: string, id: ListIdentifier): string {
  if (id.type === 'aircraft') return /serial|msn|construction/i.test(id.note ?? '') ? 'serialNumber' : 'registrationNumber';
  const prop = ID_PROP[id.type] ?? 'idNumber';
  if (hasProperty(schema, prop)) return prop;
  return hasProperty(schema, 'idNumber') ? 'idNumber' : 'registrationNumber';
}

/** Content hash of an entry: two versions of a list give the same hash when the entry did not change. */
export function entryHash(entry: ListEntry, json = JSON.stringify(entry)): string {
  // One call, no Hash object: ~15,000 entries a list (crypto.hash, as stableId).
  return hash('sha256', json, 'hex').slice(0, 32);
}

export function primaryName(entry: ListEntry): string {
  return entry.names.find((n) => n.strength === 'primary')?.value ?? entry.names[0]?.value ?? entry.entryId;
}

export function entryEntities(entry: ListEntry): EntityValues[] {
  const info = listInfo(entry.listId);
  const id = entityIdOf(entry.listId, entry.entryId);
  const main: EntityValues = { id, schema: entry.schema, props: new Map() };
  const s = entry.schema;
  for (const n of entry.names) {
    const prop = n.strength === 'primary' ? 'name' : n.kind === 'fka' ? 'previousName' : n.strength === 'weak' ? 'weakAlias' : 'alias';
    add(main, prop, n.value);
  }
  const primary = primaryName(entry);
  if (s === 'Person' && entry.listId === 'us_ofac_sdn' && primary.includes(',')) {
    const [last, ...rest] = primary.split(',');
    add(main, 'lastName', last);
    add(main, 'firstName', rest.join(',').trim());
  }
  const notes: string[] = [];
  const put = (prop: string, value: string | null | undefined, label: string) => {
    if (!value) return;
    if (hasProperty(s, prop)) add(main, prop, value);
    else notes.push(`${label}: ${value}`);
  };
  for (const d of entry.birthDates) put('birthDate', d, 'Date of birth');
  for (const p of entry.birthPlaces) put('birthPlace', p, 'Place of birth');
  for (const c of entry.nationalities) put(s === 'Person' ? 'nationality' : 'country', c.toLowerCase(), 'Nationality');
  for (const c of entry.countries) put('country', c.toLowerCase(), 'Country');
  for (const a of entry.addresses) put('address', a, 'Address');
  for (const p of entry.positions) put(s === 'Person' ? 'position' : 'notes', p, 'Title');
  if (entry.gender) put('gender', entry.gender, 'Gender');
  for (const p of entry.programs) add(main, 'program', p);
  if (entry.remarks) add(main, 'notes', entry.remarks);
  for (const n of notes) add(main, 'notes', n);
  // The `sanction` topic comes from the Sanction entity below (store/entities.ts derives it).
  const wallets: EntityValues[] = [];
  for (const ident of entry.identifiers) {
    if (ident.type === 'digital_currency') {
      const w: EntityValues = { id: `${id}-wallet-${stableId('', ident.value).slice(0, 12)}`, schema: 'CryptoWallet', props: new Map() };
      add(w, 'publicKey', ident.value);
      add(w, 'currencySymbol', ident.note);
      add(w, 'holder', id);
      wallets.push(w);
      continue;
    }
    add(main, identifierProp(s, ident), ident.value);
  }
  if (entry.vessel) {
    const v = entry.vessel;
    put('flag', v.flag?.toLowerCase(), 'Flag');
    put('imoNumber', v.imo, 'IMO');
    put('callSign', v.callSign, 'Call sign');
    put('type', v.type, 'Vessel type');
    put('tonnage', v.tonnage, 'Tonnage');
    put('grossRegisteredTonnage', v.grt, 'Gross registered tonnage');
    if (v.owner) add(main, 'notes', `Vessel owner: ${v.owner}`);
  }
  const sanction: EntityValues = { id: `${id}-sanction`, schema: 'Sanction', props: new Map() };
  add(sanction, 'entity', id);
  add(sanction, 'authority', info.authority);
  for (const p of entry.programs) add(sanction, 'program', p);
  add(sanction, 'listingDate', entry.listedOn);
  add(sanction, entry.listId === 'un_sc_sanctions' ? 'unscId' : 'authorityId', entry.entryId);
  add(sanction, 'sourceUrl', info.url || null);
  return [main, sanction, ...wallets];
}

export interface StatementContext {
  sourceId: string;
  /** Date of the list version (ISO). */
  seen: string;
}

/** Designation facts are graded A1 (the list is the authority on them); descriptive values A2. */
function gradeOf(schema: string, prop: string): Reliability {
  return schema === 'Sanction' || prop === 'program' || prop === 'topics' ? 'A1' : 'A2';
}

export function listStatementId(entityId: string, prop: string, value: string, dataset: string): string {
  return stableId('stl-', entityId, prop, value, dataset);
}

/**
 * The statements one entry gives: list dataset, plus the `dprk` collection marker for DPRK-related entries (`dprk`:
 * isDprkRelated(entry), when the caller has it already).
 */
export function entryStatements(entry: ListEntry, ctx: StatementContext, dprk = isDprkRelated(entry)): Statement[] {
  const out = new Map<string, Statement>();
  const make = (entityId: string, schema: string, prop: string, value: string, dataset: string): Statement => ({
    id: listStatementId(entityId, prop, value, dataset),
    entityId, schema, prop, value, originalValue: null, dataset, sourceId: ctx.sourceId,
    quote: null, quoteStart: null, quoteEnd: null, page: null, reliability: gradeOf(schema, prop),
    firstSeen: ctx.seen, lastSeen: ctx.seen, recordedBy: LIST_RECORDER, reviewStatus: 'accepted',
  });
  const push = (st: Statement) => { out.set(st.id, st); };
  const entities = entryEntities(entry);
  for (const e of entities) {
    for (const [prop, values] of e.props) for (const v of values) push(make(e.id, e.schema, prop, v, entry.listId));
  }
  if (dprk) {
    const main = entities[0]!;
    push(make(main.id, main.schema, 'topics', 'sanction', DPRK_DATASET));
    push(make(`${main.id}-sanction`, 'Sanction', 'entity', main.id, DPRK_DATASET));
  }
  return [...out.values()];
}
