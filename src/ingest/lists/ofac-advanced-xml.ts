/**
 * OFAC's advanced XML (`SDN_ADVANCED.XML`), the UN-sponsored Sanctions Data
 * Model that OFAC describes in its "Advanced Sanctions Data Model XML
 * Explanatory Notes" and XSD: `DateOfIssue`, then `ReferenceValueSets`
 * (the lookup values every other part points at by ID), `Locations`,
 * `IDRegDocuments`, `DistinctParties` (one per listed party: a Profile with
 * its Identity, Aliases made of DocumentedNameParts, and Features such as
 * birth date, nationality, gender, title, vessel details), then
 * `ProfileRelationships` and `SanctionsEntries` (programmes and listing
 * dates). Parties are read as they stream and finished once the entries that
 * follow them are read, so memory holds one compact record per party.
 * Entry ids are the parties' FixedRef (the CSV's ent_num): `ofac-<uid>`.
 */
import type { ListEntry, ListEntrySchema, ListIdentifier, ListName } from '../../model/index.ts';
import { listParseError, type ListInput, type ParseOptions } from './input.ts';
import { OFAC_DATASET } from './datasets.ts';
import { childText, childrenNamed, descendants, xmlRecords, type XNode } from './xml-records.ts';

export interface OfacAdvancedMeta { dateOfIssue: string | null }

const PARTY_TYPES: Record<string, ListEntrySchema> = { individual: 'Person', entity: 'Organization', vessel: 'Vessel', aircraft: 'Airplane' };

/** The lookup tables of ReferenceValueSets: `values.get('NamePartType')?.get('1520')` is "Last Name". */
type RefValues = Map<string, Map<string, { text: string; attrs: Record<string, string> }>>;

interface Location { text: string; country: string | null }

const pad = (n: string | null) => (n ?? '').padStart(2, '0');

function ymd(node: XNode | undefined): { y: string; m: string | null; d: string | null } | null {
  if (!node) return null;
  const y = childText(node, 'Year');
  return y ? { y, m: childText(node, 'Month'), d: childText(node, 'Day') } : null;
}

/** A DatePeriod → ISO dates: one date, a whole year, or the two ends of a range of years. */
function periodDates(period: XNode): string[] {
  const start = childrenNamed(period, 'Start')[0];
  const from = ymd(start ? childrenNamed(start, 'From')[0] : undefined);
  const to = ymd(start ? childrenNamed(start, 'To')[0] : undefined) ?? from;
  if (!from || !to) return [];
  const iso = (x: { y: string; m: string | null; d: string | null }) => (x.m && x.d ? `${x.y}-${pad(x.m)}-${pad(x.d)}` : x.y);
  if (iso(from) === iso(to)) return [iso(from)];
  if (from.y === to.y) return [from.y];
  return [from.y, to.y];
}

class AdvancedReader {
  ref: RefValues = new Map();
  readonly locations = new Map<string, Location>();
  readonly documents = new Map<string, ListIdentifier[]>();
  readonly parties = new Map<string, ListEntry>();
  readonly profileToParty = new Map<string, string>();
  readonly links = new Map<string, string[]>();

  constructor(private readonly file: string) {}

  value(set: string, id: string | undefined): string | null {
    return id ? (this.ref.get(set)?.get(id)?.text ?? null) : null;
  }

  readReference(node: XNode): void {
    for (const set of node.children) {
      const table = new Map<string, { text: string; attrs: Record<string, string> }>();
      for (const v of set.children) if (v.attrs.ID) table.set(v.attrs.ID, { text: v.text.trim(), attrs: v.attrs });
      this.ref.set(set.name.replace(/Values$/, ''), table);
    }
  }

  readLocation(node: XNode): void {
    const country = childrenNamed(node, 'LocationCountry')[0]?.attrs.CountryID;
    const iso = country ? (this.ref.get('Country')?.get(country)?.attrs.ISO2 ?? null) : null;
    const parts = descendants(node, 'Value').map((v) => v.text.trim()).filter(Boolean);
    const countryName = this.value('Country', country);
    if (countryName) parts.push(countryName);
    if (node.attrs.ID) this.locations.set(node.attrs.ID, { text: parts.join(', '), country: iso && /^[A-Z]{2}$/.test(iso) ? iso : null });
  }

  readDocument(node: XNode): void {
    const value = childText(node, 'IDRegistrationNo');
    const identity = node.attrs.IdentityID;
    if (!value || !identity) return;
    const label = this.value('IDRegDocType', node.attrs.IDRegDocTypeID) ?? '';
    const type = /passport/i.test(label) ? 'passport' : /national id|cedula|identification number/i.test(label) ? 'national_id'
      : /registration/i.test(label) && /vessel/i.test(label) ? 'imo' : /registration|company number/i.test(label) ? 'registration'
        : /swift|bic/i.test(label) ? 'swift' : /tax|ruc|rfc|nit/i.test(label) ? 'tax' : 'other';
    const countryId = node.attrs['IssuedBy-CountryID'];
    const iso = countryId ? (this.ref.get('Country')?.get(countryId)?.attrs.ISO2 ?? null) : null;
    const list = this.documents.get(identity) ?? [];
    list.push({ type, value, country: iso, note: label || null });
    this.documents.set(identity, list);
  }

  /** An Alias's name: "LAST, First Middle" for a person's primary name (as OFAC's CSV writes it), parts in order otherwise. */
  aliasName(alias: XNode, identity: XNode, person: boolean, primary: boolean): string | null {
    const groupType = new Map(descendants(identity, 'NamePartGroup').map((g) => [g.attrs.ID ?? '', this.value('NamePartType', g.attrs.NamePartTypeID) ?? '']));
    const name = descendants(alias, 'DocumentedName')[0];
    if (!name) return null;
    const parts = descendants(name, 'NamePartValue').map((p) => ({ text: p.text.trim(), type: groupType.get(p.attrs.NamePartGroupID ?? '') ?? '' })).filter((p) => p.text);
    if (!parts.length) return null;
    const last = parts.filter((p) => /last name/i.test(p.type)).map((p) => p.text).join(' ');
    const rest = parts.filter((p) => !/last name/i.test(p.type)).map((p) => p.text).join(' ');
    if (person && primary && last && rest) return `${last}, ${rest}`;
    return [rest, last].filter(Boolean).join(' ') || parts.map((p) => p.text).join(' ');
  }

  readParty(node: XNode): void {
    const uid = node.attrs.FixedRef;
    const profile = childrenNamed(node, 'Profile')[0];
    const where = { line: node.line, column: node.column };
    if (!uid || !profile) throw listParseError(this.file, where, '<DistinctParty> without FixedRef or Profile');
    const subType = this.ref.get('PartySubType')?.get(profile.attrs.PartySubTypeID ?? '');
    const partyType = (this.value('PartyType', subType?.attrs.PartyTypeID) ?? subType?.text ?? '').toLowerCase();
    const schema = PARTY_TYPES[partyType] ?? (subType?.text && PARTY_TYPES[subType.text.toLowerCase()]);
    if (!schema) throw listParseError(this.file, where, `party ${uid}: unknown party type "${partyType}"`);
    const person = schema === 'Person';
    const names: ListName[] = [];
    const identifiers: ListIdentifier[] = [];
    for (const identity of childrenNamed(profile, 'Identity')) {
      for (const alias of childrenNamed(identity, 'Alias')) {
        const primary = alias.attrs.Primary === 'true' && identity.attrs.Primary !== 'false';
        const value = this.aliasName(alias, identity, person, primary);
        if (!value || names.some((n) => n.value === value)) continue;
        const type = (this.value('AliasType', alias.attrs.AliasTypeID) ?? '').toLowerCase();
        if (primary && !names.some((n) => n.strength === 'primary')) names.unshift({ value, strength: 'primary' });
        else names.push({ value, strength: alias.attrs.LowQuality === 'true' ? 'weak' : 'strong', kind: type.startsWith('f.k.a') ? 'fka' : type.startsWith('n.k.a') ? 'nka' : 'aka' });
      }
      if (identity.attrs.ID) identifiers.push(...(this.documents.get(identity.attrs.ID) ?? []));
    }
    if (!names.length) throw listParseError(this.file, where, `party ${uid} has no name`);
    if (names[0]!.strength !== 'primary') names[0] = { value: names[0]!.value, strength: 'primary' };
    const entry: ListEntry = {
      listId: OFAC_DATASET, entryId: uid, schema, names, birthDates: [], birthPlaces: [], nationalities: [], countries: [],
      identifiers, addresses: [], programs: [], listedOn: null, remarks: childText(node, 'Comment'), positions: [], gender: null, linkedTo: [],
    };
    for (const feature of childrenNamed(profile, 'Feature')) this.readFeature(entry, feature);
    this.parties.set(uid, entry);
    if (profile.attrs.ID) this.profileToParty.set(profile.attrs.ID, uid);
  }

  readFeature(entry: ListEntry, feature: XNode): void {
    const type = (this.value('FeatureType', feature.attrs.FeatureTypeID) ?? '').toLowerCase();
    for (const version of childrenNamed(feature, 'FeatureVersion')) {
      const detail = childrenNamed(version, 'VersionDetail').map((d) => d.text.trim() || (this.value('DetailReference', d.attrs.DetailReferenceID) ?? '')).filter(Boolean);
      const locations = childrenNamed(version, 'VersionLocation').map((l) => this.locations.get(l.attrs.LocationID ?? '')).filter((l): l is Location => !!l);
      const dates = childrenNamed(version, 'DatePeriod').flatMap(periodDates);
      const put = (list: string[], values: string[]) => { for (const v of values) if (v && !list.includes(v)) list.push(v); };
      if (type === 'birthdate') put(entry.birthDates, dates);
      else if (type === 'place of birth') put(entry.birthPlaces, [...detail, ...locations.map((l) => l.text)]);
      else if (/^(nationality|citizenship) country$/.test(type)) put(entry.nationalities, locations.map((l) => l.country).filter((c): c is string => !!c));
      else if (type === 'location') {
        put(entry.addresses, locations.map((l) => l.text));
        put(entry.countries, locations.map((l) => l.country).filter((c): c is string => !!c));
      } else if (type === 'gender') entry.gender = /^female/i.test(detail[0] ?? '') ? 'female' : /^male/i.test(detail[0] ?? '') ? 'male' : entry.gender;
      else if (type === 'title') put(entry.positions, detail);
      else if (type.startsWith('digital currency address')) {
        for (const d of detail) entry.identifiers.push({ type: 'digital_currency', value: d, country: null, note: type.replace(/^digital currency address - /, '').toUpperCase() });
      } else if (type.startsWith('vessel') || type === 'other vessel flag') {
        entry.vessel ??= { flag: null, imo: null, callSign: null, type: null, tonnage: null, owner: null };
        const v = detail[0] ?? null;
        if (type === 'vessel call sign') entry.vessel.callSign = v;
        else if (type === 'vessel type') entry.vessel.type = v;
        else if (type === 'vessel tonnage') entry.vessel.tonnage = v;
        else if (type === 'vessel flag') entry.vessel.flag = locations[0]?.country ?? null;
        else if (type === 'vessel owner') entry.vessel.owner = v;
      } else if (detail.length) {
        entry.remarks = [entry.remarks, `${this.value('FeatureType', feature.attrs.FeatureTypeID)}: ${detail.join(', ')}`].filter(Boolean).join('; ');
      }
    }
  }

  readSanctionsEntry(node: XNode): void {
    const uid = this.profileToParty.get(node.attrs.ProfileID ?? '');
    const entry = uid ? this.parties.get(uid) : undefined;
    if (!entry) throw listParseError(this.file, { line: node.line, column: node.column }, `SanctionsEntry for unknown profile ${node.attrs.ProfileID ?? '?'}`);
    for (const m of childrenNamed(node, 'SanctionsMeasure')) {
      const type = (this.value('SanctionsType', m.attrs.SanctionsTypeID) ?? '').toLowerCase();
      const program = childText(m, 'Comment');
      if (type === 'program' && program && !entry.programs.includes(program)) entry.programs.push(program);
    }
    const dates = childrenNamed(node, 'EntryEvent').map((e) => ymd(childrenNamed(e, 'Date')[0])).filter((d) => d?.m && d.d);
    const first = dates.map((d) => `${d!.y}-${pad(d!.m)}-${pad(d!.d)}`).sort()[0];
    if (first && (!entry.listedOn || first < entry.listedOn)) entry.listedOn = first;
  }

  readRelationship(node: XNode): void {
    const from = this.profileToParty.get(node.attrs['From-ProfileID'] ?? '');
    const to = this.profileToParty.get(node.attrs['To-ProfileID'] ?? '');
    if (!from || !to) return;
    const list = this.links.get(from) ?? [];
    list.push(to);
    this.links.set(from, list);
  }
}

/** Streams the parties (after the whole file is read: programmes come last); `meta` receives the date of issue. */
export async function* parseOfacAdvancedXml(input: ListInput, opts: ParseOptions & { meta?: (m: OfacAdvancedMeta) => void }): AsyncGenerator<ListEntry> {
  const r = new AdvancedReader(opts.file);
  const RECORDS = new Set(['Location', 'IDRegDocument', 'DistinctParty', 'ProfileRelationship', 'SanctionsEntry']);
  for await (const { node } of xmlRecords(input, {
    ...opts, root: 'Sanctions',
    isRecord: (p) => (p.length === 2 && (p[1] === 'DateOfIssue' || p[1] === 'ReferenceValueSets')) || (p.length === 3 && RECORDS.has(p[2]!)),
  })) {
    switch (node.name) {
      case 'DateOfIssue': {
        const d = ymd(node);
        opts.meta?.({ dateOfIssue: d?.m && d.d ? `${d.y}-${pad(d.m)}-${pad(d.d)}` : null });
        break;
      }
      case 'ReferenceValueSets': r.readReference(node); break;
      case 'Location': r.readLocation(node); break;
      case 'IDRegDocument': r.readDocument(node); break;
      case 'DistinctParty': r.readParty(node); break;
      case 'ProfileRelationship': r.readRelationship(node); break;
      case 'SanctionsEntry': r.readSanctionsEntry(node); break;
    }
  }
  if (!r.parties.size) throw listParseError(opts.file, {}, 'no <DistinctParty> records found');
  for (const [uid, entry] of r.parties) {
    entry.linkedTo = (r.links.get(uid) ?? []).map((to) => r.parties.get(to)?.names[0]?.value).filter((n): n is string => !!n);
    yield entry;
  }
}
