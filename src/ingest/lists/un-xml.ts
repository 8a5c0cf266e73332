/**
 * UN Security Council Consolidated List (XML, no namespace,
 * https://www.un.org/sc/resources/sc-sanctions.xsd), streamed record by
 * record. The list's date is the root attribute `dateGenerated`.
 */
import type { ListEntry, ListIdentifier, ListName } from '../../model/index.ts';
import { countryCode, countryOfPlace } from './countries.ts';
import { parseListDate } from './dates.ts';
import { listParseError, type ListInput, type ParseOptions } from './input.ts';
import { childText, childrenNamed, valuesOf, xmlRecords, type XNode } from './xml-records.ts';

import { UN_DATASET } from './datasets.ts';

export interface UnListMeta { dateGenerated: string | null }

const joinParts = (parts: (string | null)[]) => parts.filter((p): p is string => !!p).join(', ');

function aliasNames(node: XNode, tag: string, birthDates: string[]): ListName[] {
  const out: ListName[] = [];
  for (const a of childrenNamed(node, tag)) {
    const value = childText(a, 'ALIAS_NAME');
    if (!value) continue;
    const q = (childText(a, 'QUALITY') ?? '').toLowerCase();
    const dob = childText(a, 'DATE_OF_BIRTH');
    if (dob) birthDates.push(...parseListDate(dob));
    if (q === 'low') out.push({ value, strength: 'weak', kind: 'aka' });
    else out.push({ value, strength: 'strong', kind: q === 'f.k.a.' ? 'fka' : 'aka' });
  }
  return out;
}

function addressesOf(node: XNode, tag: string, countries: string[]): string[] {
  const out: string[] = [];
  for (const a of childrenNamed(node, tag)) {
    const country = childText(a, 'COUNTRY');
    const full = joinParts([childText(a, 'STREET'), childText(a, 'CITY'), childText(a, 'STATE_PROVINCE'), childText(a, 'ZIP_CODE'), country]);
    const note = childText(a, 'NOTE');
    if (full) out.push(note ? `${full} (${note})` : full);
    const cc = countryCode(country);
    if (cc && !countries.includes(cc)) countries.push(cc);
  }
  return out;
}

function birthDatesOf(node: XNode): string[] {
  const out: string[] = [];
  for (const d of childrenNamed(node, 'INDIVIDUAL_DATE_OF_BIRTH')) {
    const type = (childText(d, 'TYPE_OF_DATE') ?? '').toUpperCase();
    if (type === 'BETWEEN') {
      const from = childText(d, 'FROM_YEAR');
      const to = childText(d, 'TO_YEAR');
      if (from) out.push(...parseListDate(from));
      if (to) out.push(...parseListDate(to));
    } else {
      const v = childText(d, 'DATE') ?? childText(d, 'YEAR');
      if (v) out.push(...parseListDate(v));
    }
  }
  return out;
}

function documentsOf(node: XNode): ListIdentifier[] {
  const out: ListIdentifier[] = [];
  for (const d of childrenNamed(node, 'INDIVIDUAL_DOCUMENT')) {
    const value = childText(d, 'NUMBER');
    if (!value) continue;
    const label = childText(d, 'TYPE_OF_DOCUMENT') ?? '';
    const type = /pass|pasaporte|passeport/i.test(label) ? 'passport' : /national identification/i.test(label) ? 'national_id' : 'other';
    const country = countryCode(childText(d, 'ISSUING_COUNTRY') ?? childText(d, 'COUNTRY_OF_ISSUE'));
    const note = joinParts([label || null, childText(d, 'TYPE_OF_DOCUMENT2'), childText(d, 'DATE_OF_ISSUE') ? `issued ${childText(d, 'DATE_OF_ISSUE')}` : null, childText(d, 'CITY_OF_ISSUE'), childText(d, 'NOTE')]);
    out.push({ type, value, country, note: note || null });
  }
  return out;
}

function toEntry(node: XNode, file: string): ListEntry {
  const pos = { line: node.line, column: node.column };
  const ref = childText(node, 'REFERENCE_NUMBER');
  if (!ref) throw listParseError(file, pos, `<${node.name}> without REFERENCE_NUMBER`);
  const isPerson = node.name === 'INDIVIDUAL';
  const primary = isPerson
    ? ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'].map((t) => childText(node, t)).filter(Boolean).join(' ')
    : childText(node, 'FIRST_NAME');
  if (!primary) throw listParseError(file, pos, `entry ${ref} has no name`);
  const birthDates = isPerson ? birthDatesOf(node) : [];
  const names: ListName[] = [{ value: primary, strength: 'primary' }];
  const original = childText(node, 'NAME_ORIGINAL_SCRIPT');
  if (original) names.push({ value: original, strength: 'strong', kind: 'aka' });
  for (const n of aliasNames(node, isPerson ? 'INDIVIDUAL_ALIAS' : 'ENTITY_ALIAS', birthDates)) {
    if (!names.some((x) => x.value === n.value)) names.push(n);
  }
  const countries: string[] = [];
  const addresses = addressesOf(node, isPerson ? 'INDIVIDUAL_ADDRESS' : 'ENTITY_ADDRESS', countries);
  const birthPlaces = childrenNamed(node, 'INDIVIDUAL_PLACE_OF_BIRTH')
    .map((p) => joinParts([childText(p, 'CITY'), childText(p, 'STATE_PROVINCE'), childText(p, 'COUNTRY')]))
    .filter(Boolean);
  const nationalities = [...new Set(valuesOf(node, 'NATIONALITY').map((n) => countryCode(n) ?? countryOfPlace(n)).filter((c): c is string => !!c))];
  const listedOnRaw = childText(node, 'LISTED_ON');
  const listedOn = listedOnRaw ? (parseListDate(listedOnRaw)[0] ?? null) : null;
  const gender = (childText(node, 'GENDER') ?? '').toLowerCase();
  const listType = childText(node, 'UN_LIST_TYPE');
  return {
    listId: UN_DATASET,
    entryId: ref,
    schema: isPerson ? 'Person' : 'Organization',
    names,
    birthDates: [...new Set(birthDates)],
    birthPlaces,
    nationalities,
    countries,
    identifiers: isPerson ? documentsOf(node) : [],
    addresses,
    programs: listType ? [listType] : [],
    listedOn,
    remarks: childText(node, 'COMMENTS1'),
    positions: valuesOf(node, 'DESIGNATION'),
    gender: gender === 'male' ? 'male' : gender === 'female' ? 'female' : null,
    linkedTo: [],
  };
}

/** Streams the entries; `meta` receives the list's generation date once the root element is read. */
export async function* parseUnXml(input: ListInput, opts: ParseOptions & { meta?: (m: UnListMeta) => void }): AsyncGenerator<ListEntry> {
  let count = 0;
  let metaSent = false;
  const seen = new Set<string>();
  for await (const { node, rootAttrs } of xmlRecords(input, {
    ...opts,
    root: 'CONSOLIDATED_LIST',
    isRecord: (p) => p.length === 3 && ((p[1] === 'INDIVIDUALS' && p[2] === 'INDIVIDUAL') || (p[1] === 'ENTITIES' && p[2] === 'ENTITY')),
  })) {
    if (!metaSent) { opts.meta?.({ dateGenerated: rootAttrs.dateGenerated ?? null }); metaSent = true; }
    const entry = toEntry(node, opts.file);
    if (seen.has(entry.entryId)) throw listParseError(opts.file, { line: node.line, column: node.column }, `REFERENCE_NUMBER ${entry.entryId} appears twice`);
    seen.add(entry.entryId);
    count++;
    yield entry;
  }
  if (count === 0) throw listParseError(opts.file, {}, 'no INDIVIDUAL or ENTITY records found');
}
