/**
 * OFAC SDN XML (`sdn.xml`, schema sdnList.xsd; either the legacy
 * `http://tempuri.org/sdnList.xsd` namespace or the Sanctions List Service's),
 * streamed entry by entry. The list's date is `publshInformation/Publish_Date`
 * (MM/DD/YYYY). Aliases carry OFAC's strong/weak category.
 */
import type { ListEntry, ListEntrySchema, ListIdentifier, ListName } from '../../model/index.ts';
import { countryCode } from './countries.ts';
import { parseListDate } from './dates.ts';
import { listParseError, type ListInput, type ParseOptions } from './input.ts';
import { OFAC_DATASET } from './datasets.ts';
import { ofacIdentifier } from './ofac-remarks.ts';
import { childText, childrenNamed, type XNode } from './xml-records.ts';
import { xmlRecords } from './xml-records.ts';

const TYPES: Record<string, ListEntrySchema> = { individual: 'Person', entity: 'Organization', vessel: 'Vessel', aircraft: 'Airplane' };

export interface OfacXmlMeta { publishDate: string | null; recordCount: number | null }

const items = (node: XNode, list: string, item: string): XNode[] => childrenNamed(node, list).flatMap((l) => childrenNamed(l, item));
const fullName = (n: XNode) => [childText(n, 'firstName'), childText(n, 'lastName')].filter(Boolean).join(' ');

function toEntry(node: XNode, file: string): ListEntry {
  const pos = { line: node.line, column: node.column };
  const uid = childText(node, 'uid');
  if (!uid || !/^\d+$/.test(uid)) throw listParseError(file, pos, `<sdnEntry> without a numeric <uid>`);
  const typeRaw = (childText(node, 'sdnType') ?? '').toLowerCase();
  const schema = TYPES[typeRaw];
  if (!schema) throw listParseError(file, pos, `entry ${uid} has unknown sdnType "${childText(node, 'sdnType') ?? ''}"`);
  // OFAC writes individuals as "LAST, First" in its CSV; the XML splits them. Keep the CSV form so both formats give the same names.
  const last = childText(node, 'lastName');
  const first = childText(node, 'firstName');
  if (!last && !first) throw listParseError(file, pos, `entry ${uid} has no name`);
  const primary = first && last ? `${last}, ${first}` : (last ?? first)!;
  const names: ListName[] = [{ value: primary, strength: 'primary' }];
  for (const a of items(node, 'akaList', 'aka')) {
    const l = childText(a, 'lastName');
    const f = childText(a, 'firstName');
    const value = f && l ? `${l}, ${f}` : (l ?? f);
    if (!value || names.some((n) => n.value === value)) continue;
    const t = (childText(a, 'type') ?? 'a.k.a.').toLowerCase();
    names.push({
      value,
      strength: (childText(a, 'category') ?? 'strong').toLowerCase() === 'weak' ? 'weak' : 'strong',
      kind: t.startsWith('f') ? 'fka' : t.startsWith('n') ? 'nka' : 'aka',
    });
  }
  const identifiers: ListIdentifier[] = [];
  const linkedTo: string[] = [];
  const extraRemarks: string[] = [];
  let gender: 'male' | 'female' | null = null;
  let imo: string | null = null;
  for (const id of items(node, 'idList', 'id')) {
    const label = childText(id, 'idType') ?? '';
    const value = childText(id, 'idNumber') ?? '';
    if (/^Gender/i.test(label)) { gender = /^f/i.test(value) ? 'female' : /^m/i.test(value) ? 'male' : null; continue; }
    if (/^Linked To/i.test(label)) { if (value) linkedTo.push(value); continue; }
    const ident = ofacIdentifier(label, value, childText(id, 'idCountry'));
    if (ident) {
      identifiers.push(ident);
      if (ident.type === 'imo') imo ??= ident.value;
    } else if (value) {
      extraRemarks.push(`${label.replace(/:$/, '')}: ${value}`);
    }
  }
  const countries: string[] = [];
  const addresses: string[] = [];
  for (const a of items(node, 'addressList', 'address')) {
    const country = childText(a, 'country');
    const full = ['address1', 'address2', 'address3', 'city', 'stateOrProvince', 'postalCode', 'country'].map((t) => childText(a, t)).filter(Boolean).join(', ');
    if (full) addresses.push(full);
    const cc = countryCode(country);
    if (cc && !countries.includes(cc)) countries.push(cc);
  }
  const nationalities = [...new Set(
    [...items(node, 'nationalityList', 'nationality'), ...items(node, 'citizenshipList', 'citizenship')]
      .map((n) => countryCode(childText(n, 'country'))).filter((c): c is string => !!c),
  )];
  const birthDates = [...new Set(items(node, 'dateOfBirthList', 'dateOfBirthItem').flatMap((d) => parseListDate(childText(d, 'dateOfBirth') ?? '')))];
  const birthPlaces = items(node, 'placeOfBirthList', 'placeOfBirthItem').map((p) => childText(p, 'placeOfBirth')).filter((p): p is string => !!p);
  const programs = items(node, 'programList', 'program').map((p) => p.text.trim()).filter(Boolean);
  const remarks = [childText(node, 'remarks'), ...extraRemarks].filter(Boolean).join('; ') || null;
  const title = childText(node, 'title');
  const entry: ListEntry = {
    listId: OFAC_DATASET, entryId: uid, schema, names, birthDates, birthPlaces, nationalities, countries,
    identifiers, addresses, programs, listedOn: null, remarks, positions: title ? [title] : [], gender, linkedTo,
  };
  const v = childrenNamed(node, 'vesselInfo')[0];
  if (schema === 'Vessel' || v) {
    entry.vessel = {
      flag: v ? countryCode(childText(v, 'vesselFlag')) : null,
      imo,
      callSign: v ? childText(v, 'callSign') : null,
      type: v ? childText(v, 'vesselType') : null,
      tonnage: v ? childText(v, 'tonnage') : null,
      owner: v ? childText(v, 'vesselOwner') : null,
      grt: v ? childText(v, 'grossRegisteredTonnage') : null,
    };
  }
  return entry;
}

/** Streams the entries; `meta` receives the publication date when `publshInformation` is read. */
export async function* parseOfacXml(input: ListInput, opts: ParseOptions & { meta?: (m: OfacXmlMeta) => void }): AsyncGenerator<ListEntry> {
  let count = 0;
  let expected: number | null = null;
  const seen = new Set<string>();
  for await (const { node } of xmlRecords(input, {
    ...opts,
    root: 'sdnList',
    isRecord: (p) => p.length === 2 && (p[1] === 'sdnEntry' || p[1] === 'publshInformation'),
  })) {
    if (node.name === 'publshInformation') {
      const raw = childText(node, 'Publish_Date');
      const rc = childText(node, 'Record_Count');
      expected = rc && /^\d+$/.test(rc) ? Number(rc) : null;
      opts.meta?.({ publishDate: raw ? (parseListDate(raw)[0] ?? null) : null, recordCount: expected });
      continue;
    }
    const entry = toEntry(node, opts.file);
    if (seen.has(entry.entryId)) throw listParseError(opts.file, { line: node.line, column: node.column }, `uid ${entry.entryId} appears twice`);
    seen.add(entry.entryId);
    count++;
    yield entry;
  }
  if (count === 0) throw listParseError(opts.file, {}, 'no <sdnEntry> records found');
  if (expected !== null && expected !== count) {
    throw listParseError(opts.file, {}, `Record_Count says ${expected} entries but the file holds ${count} (truncated or edited?)`);
  }
}
