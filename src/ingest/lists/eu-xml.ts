/**
 * The EU consolidated list of persons, groups and entities subject to EU
 * financial sanctions, as the Financial Sanctions Files (FSF) publish it in
 * XML (namespace http://eu.europa.ec/fpi/fsd/export): a root `<export>`
 * whose `generationDate` is the list's date-time, and one `<sanctionEntity>`
 * per listed party with its `logicalId`, EU reference number and UN id as
 * attributes, and children `subjectType` (person / enterprise),
 * `regulation` (programme code, e.g. PRK), `nameAlias` (wholeName, strong),
 * `citizenship`, `birthdate`, `identification`, `address` and `remark`.
 * Entry ids are the logical ids, so entity ids are `eu-fsf-<logicalId>`.
 */
import type { ListEntry, ListIdentifier, ListName } from '../../model/index.ts';
import { countryCode } from './countries.ts';
import { parseListDate } from './dates.ts';
import { listParseError, type ListInput, type ParseOptions } from './input.ts';
import { childrenNamed, xmlRecords, type XNode } from './xml-records.ts';

import { EU_DATASET } from './datasets.ts';

export interface EuListMeta { generationDate: string | null }

const attr = (n: XNode, name: string): string | null => {
  const v = n.attrs[name]?.trim();
  return v ? v : null;
};

const isoCountry = (n: XNode): string | null => {
  const code = attr(n, 'countryIso2Code');
  if (code && /^[A-Z]{2}$/.test(code) && code !== '00') return code;
  return countryCode(attr(n, 'countryDescription'));
};

function namesOf(node: XNode): { names: ListName[]; positions: string[]; gender: 'male' | 'female' | null } {
  const names: ListName[] = [];
  const positions: string[] = [];
  let gender: 'male' | 'female' | null = null;
  for (const a of childrenNamed(node, 'nameAlias')) {
    const value = attr(a, 'wholeName') ?? [attr(a, 'firstName'), attr(a, 'middleName'), attr(a, 'lastName')].filter(Boolean).join(' ');
    const fn = attr(a, 'function');
    if (fn && !positions.includes(fn)) positions.push(fn);
    const g = attr(a, 'gender');
    if (g === 'M') gender = 'male';
    else if (g === 'F') gender = 'female';
    if (!value || names.some((n) => n.value === value)) continue;
    if (!names.length) names.push({ value, strength: 'primary' });
    else names.push({ value, strength: attr(a, 'strong') === 'false' ? 'weak' : 'strong', kind: 'aka' });
  }
  return { names, positions, gender };
}

function identifiersOf(node: XNode): ListIdentifier[] {
  const out: ListIdentifier[] = [];
  for (const i of childrenNamed(node, 'identification')) {
    const value = attr(i, 'number') ?? attr(i, 'latinNumber');
    if (!value) continue;
    const code = (attr(i, 'identificationTypeCode') ?? '').toLowerCase();
    const type = code === 'passport' ? 'passport' : code === 'id' ? 'national_id' : code === 'regnumber' ? 'registration' : code === 'swiftbic' ? 'swift' : code === 'imo' ? 'imo' : 'other';
    const note = [attr(i, 'identificationTypeDescription'), attr(i, 'issuedBy'), attr(i, 'remark')].filter(Boolean).join(', ');
    out.push({ type, value, country: isoCountry(i), note: note || null });
  }
  return out;
}

function toEntry(node: XNode, file: string): ListEntry {
  const where = { line: node.line, column: node.column };
  const id = attr(node, 'logicalId');
  if (!id) throw listParseError(file, where, '<sanctionEntity> without logicalId');
  const subject = (attr(childrenNamed(node, 'subjectType')[0] ?? node, 'code') ?? '').toLowerCase();
  const { names, positions, gender } = namesOf(node);
  if (!names.length) throw listParseError(file, where, `entity ${id} has no name`);
  const countries: string[] = [];
  const addresses: string[] = [];
  for (const a of childrenNamed(node, 'address')) {
    const text = [attr(a, 'street'), attr(a, 'poBox'), attr(a, 'zipCode'), attr(a, 'city'), attr(a, 'region'), attr(a, 'place'), attr(a, 'countryDescription')].filter(Boolean).join(', ');
    if (text) addresses.push(text);
    const cc = isoCountry(a);
    if (cc && !countries.includes(cc)) countries.push(cc);
  }
  const birthDates: string[] = [];
  const birthPlaces: string[] = [];
  for (const b of childrenNamed(node, 'birthdate')) {
    const d = attr(b, 'birthdate') ?? attr(b, 'year');
    if (d) birthDates.push(...parseListDate(d));
    const place = [attr(b, 'city'), attr(b, 'place'), attr(b, 'region'), attr(b, 'countryDescription')].filter((p) => p && p !== 'UNKNOWN').join(', ');
    if (place && !birthPlaces.includes(place)) birthPlaces.push(place);
  }
  const nationalities = [...new Set(childrenNamed(node, 'citizenship').map(isoCountry).filter((c): c is string => !!c))];
  const programs = [...new Set(childrenNamed(node, 'regulation').map((r) => attr(r, 'programme')).filter((p): p is string => !!p))];
  const listed = attr(node, 'designationDate') ?? attr(childrenNamed(node, 'regulation')[0] ?? node, 'entryIntoForceDate');
  const remarks = [
    attr(node, 'euReferenceNumber') ? `EU reference: ${attr(node, 'euReferenceNumber')}` : null,
    attr(node, 'unitedNationId') ? `UN reference: ${attr(node, 'unitedNationId')}` : null,
    attr(node, 'designationDetails'),
    ...childrenNamed(node, 'remark').map((r) => r.text.trim()).filter(Boolean),
  ].filter(Boolean).join('; ');
  return {
    listId: EU_DATASET, entryId: id,
    schema: subject === 'person' ? 'Person' : 'Organization',
    names, birthDates: [...new Set(birthDates)], birthPlaces, nationalities, countries,
    identifiers: identifiersOf(node), addresses, programs,
    listedOn: listed ? (parseListDate(listed)[0] ?? null) : null,
    remarks: remarks || null, positions, gender, linkedTo: [],
  };
}

/** Streams the entities; `meta` receives the export's generation date-time when the root element is read. */
export async function* parseEuXml(input: ListInput, opts: ParseOptions & { meta?: (m: EuListMeta) => void }): AsyncGenerator<ListEntry> {
  const seen = new Set<string>();
  let metaSent = false;
  for await (const { node, rootAttrs } of xmlRecords(input, { ...opts, root: 'export', isRecord: (p) => p.length === 2 && p[1] === 'sanctionEntity' })) {
    if (!metaSent) { opts.meta?.({ generationDate: rootAttrs.generationDate ?? null }); metaSent = true; }
    const entry = toEntry(node, opts.file);
    if (seen.has(entry.entryId)) throw listParseError(opts.file, { line: node.line, column: node.column }, `logicalId ${entry.entryId} appears twice`);
    seen.add(entry.entryId);
    yield entry;
  }
  if (!seen.size) throw listParseError(opts.file, {}, 'no <sanctionEntity> records found');
}
