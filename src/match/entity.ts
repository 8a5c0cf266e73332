/**
 * Building `MatchableEntity` records: from a parsed official-list entry
 * (`ListEntry`) or from an entity view of the store (FtM properties).
 * Bracketed acronyms in listed names (`DAEDONG CREDIT BANK (DCB)`) become
 * weak aliases; organisations also get the acronyms of their names as weak
 * aliases, so GENCO-style short names are found when a list gives them.
 */
import type { EntityView, ListEntry } from '../model/index.ts';
import { acronymsOf, normalizeName, prepareName, splitNameVariants, tokenize } from '../names/index.ts';
import type { MatchableEntity, MatchableIdentifier, MatchableName, NameStrength, RiskFlag } from './types.ts';

const STRENGTH_ORDER: Record<NameStrength, number> = { primary: 0, strong: 1, weak: 2 };

/** Adds a name unless one with the same normalised form is there; a stronger duplicate replaces a weaker one. */
function addName(names: MatchableName[], value: string, strength: NameStrength): void {
  const norm = normalizeName(value);
  if (norm === '') return;
  const i = names.findIndex((n) => normalizeName(n.value) === norm);
  if (i < 0) names.push({ value, strength });
  else if (STRENGTH_ORDER[strength] < STRENGTH_ORDER[names[i]!.strength]) names[i] = { value, strength };
}

function isAcronymLike(value: string): boolean {
  const words = tokenize(normalizeName(value));
  return words.length === 1 && /^[a-z]{2,8}$/.test(words[0] ?? '') && value === value.toUpperCase();
}

/**
 * Expand one listed name into the names to match: the name as listed, the
 * name without bracketed parts, bracketed acronyms (weak), and for
 * organisations the initials of the name (weak).
 */
export function expandNames(raw: MatchableName[], schema: string): MatchableName[] {
  const out: MatchableName[] = [];
  const isOrg = schema !== 'Person' && schema !== 'Vessel' && schema !== 'Airplane';
  for (const n of raw) {
    const { name, bracketed } = splitNameVariants(n.value);
    // A one-word acronym as a name (KOMID, NCG) is weak however the list grades it.
    addName(out, n.value, isAcronymLike(name) && n.strength !== 'primary' ? 'weak' : n.strength);
    if (name !== n.value) addName(out, name, n.strength);
    for (const b of bracketed) if (isAcronymLike(b)) addName(out, b, 'weak');
  }
  if (isOrg) {
    for (const n of [...out]) {
      if (n.strength === 'weak') continue;
      const words = prepareName(splitNameVariants(n.value).name, 'org').tokens.map((t) => t.text);
      for (const a of acronymsOf(words)) addName(out, a.toUpperCase(), 'weak');
    }
  }
  return out;
}

export interface ListEntryContext {
  /** Entity id to use (the store's id for this entry). */
  id: string;
  /** Datasets the entity belongs to (the list's, plus `dprk` when DPRK-related). */
  datasets: string[];
  /** The list version the entry was read from, cited by the `sanctioned` flag. */
  source: { id: string; title: string };
}

/** A matchable record from an official list entry. */
export function fromListEntry(entry: ListEntry, ctx: ListEntryContext): MatchableEntity {
  const primary = entry.names.find((n) => n.strength === 'primary') ?? entry.names[0];
  const names = expandNames(entry.names.map((n) => ({ value: n.value, strength: n.strength })), entry.schema);
  const identifiers: MatchableIdentifier[] = entry.identifiers.map((i) => ({ type: i.type, value: i.value }));
  if (entry.vessel?.imo) identifiers.push({ type: 'imo', value: entry.vessel.imo });
  const countries = [...new Set([...entry.nationalities, ...entry.countries, ...(entry.vessel?.flag ? [entry.vessel.flag] : [])].map((c) => c.toLowerCase()))];
  const programs = [...entry.programs];
  const flags: RiskFlag[] = [{
    kind: 'sanctioned',
    label: `Sanctioned: ${ctx.source.title}${programs.length ? `, programme ${programs.join(', ')}` : ''}`,
    program: programs.join(', ') || null,
    source: ctx.source,
  }];
  const properties: Record<string, string[]> = {
    name: primary ? [primary.value] : [],
    alias: entry.names.filter((n) => n !== primary && n.strength !== 'weak').map((n) => n.value),
    weakAlias: entry.names.filter((n) => n !== primary && n.strength === 'weak').map((n) => n.value),
    birthDate: [...entry.birthDates],
    nationality: entry.nationalities.map((c) => c.toLowerCase()),
    country: entry.countries.map((c) => c.toLowerCase()),
    program: programs,
    idNumber: entry.identifiers.map((i) => i.value),
    topics: ['sanction'],
  };
  if (entry.listedOn) properties['createdAt'] = [entry.listedOn];
  for (const k of Object.keys(properties)) if ((properties[k] ?? []).length === 0) delete properties[k];
  return {
    id: ctx.id,
    schema: entry.schema,
    caption: primary?.value ?? ctx.id,
    names,
    birthDates: [...entry.birthDates],
    countries,
    identifiers,
    datasets: [...ctx.datasets],
    topics: ['sanction'],
    programs,
    flags,
    properties,
  };
}

/** Properties of an FtM entity that hold identifiers. */
const ID_PROPS: Record<string, string> = {
  idNumber: 'national_id', passportNumber: 'passport', registrationNumber: 'registration', imoNumber: 'imo',
  taxNumber: 'tax', innCode: 'inn', ogrnCode: 'ogrn', swiftBic: 'swift', leiCode: 'lei', vatCode: 'vat',
  mmsi: 'mmsi', callSign: 'call_sign', serialNumber: 'serial', registrationNumberAircraft: 'registration',
};
const COUNTRY_PROPS = ['nationality', 'citizenship', 'country', 'jurisdiction', 'mainCountry', 'flag'];

/** A matchable record from a store entity view; `flags` are the risks the graph knows for it, each with its source. */
export function fromEntityView(view: EntityView, flags: RiskFlag[] = []): MatchableEntity {
  const p = view.properties;
  const raw: MatchableName[] = [];
  for (const v of p['name'] ?? []) raw.push({ value: v, strength: 'primary' });
  if (raw.length === 0 && view.caption) raw.push({ value: view.caption, strength: 'primary' });
  for (const v of p['alias'] ?? []) raw.push({ value: v, strength: 'strong' });
  for (const v of p['previousName'] ?? []) raw.push({ value: v, strength: 'strong' });
  for (const v of p['weakAlias'] ?? []) raw.push({ value: v, strength: 'weak' });
  const first = p['firstName'] ?? [];
  const last = p['lastName'] ?? [];
  for (const f of first) for (const l of last) raw.push({ value: `${f} ${l}`, strength: 'strong' });
  const identifiers: MatchableIdentifier[] = [];
  for (const [prop, type] of Object.entries(ID_PROPS)) for (const v of p[prop] ?? []) identifiers.push({ type, value: v });
  const countries = [...new Set(COUNTRY_PROPS.flatMap((k) => p[k] ?? []).map((c) => c.toLowerCase()))];
  return {
    id: view.id,
    schema: view.schema,
    caption: view.caption,
    names: expandNames(raw, view.schema),
    birthDates: [...(p['birthDate'] ?? [])],
    countries,
    identifiers,
    datasets: [...view.datasets],
    topics: [...view.topics],
    programs: [...(p['program'] ?? [])],
    flags,
    properties: p,
  };
}
