/**
 * Fixtures for the case tests: a 1,000-row supplier CSV (everyday company
 * names, with a few rows naming real UN-listed DPRK entities), and a newer
 * UN list written from the real file in ../shared with a later date, one
 * entry removed and one alias added; a newer UK summary (ODS) with entries removed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { REPO_ROOT } from '../../src/config/settings.ts';

/** `../shared` beside the repository (CI), or beside a parent folder (a worktree under /work/wt). */
function sharedDir(): string {
  for (let dir = path.resolve(REPO_ROOT, '..'); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'shared/data/official'))) return path.join(dir, 'shared');
    if (path.dirname(dir) === dir) return path.resolve(REPO_ROOT, '../shared');
  }
}
export const UN_FILE = path.join(sharedDir(), 'data/official/un/consolidated.xml');
export const UK_FILE = path.join(sharedDir(), 'data/official/uk/FCDO_SL_2025-08-11.ods');

const FIRST = ['Northwind', 'Bluewater', 'Silverline', 'Greenfield', 'Redstone', 'Lakeside', 'Highland', 'Eastgate', 'Westbrook', 'Sunrise', 'Harbor', 'Maple', 'Granite', 'Coastal', 'Summit', 'Pioneer', 'Falcon', 'Orchard', 'Riverside', 'Meadow'];
const TRADE = ['Textiles', 'Logistics', 'Foods', 'Seafood', 'Timber', 'Garments', 'Electronics', 'Plastics', 'Shipping', 'Construction', 'Mining', 'Packaging', 'Furniture', 'Trading', 'Metals'];
const FORM = ['Ltd', 'GmbH', 'S.A.', 'LLC', 'Co., Ltd.', 'Sp. z o.o.', 'Pty Ltd', 'Corporation', 'B.V.', 'Inc.'];
const COUNTRY = ['China', 'Russia', 'Poland', 'Malta', 'Germany', 'Vietnam', 'Qatar', 'Malaysia', 'Mongolia', 'Kuwait'];

/** Rows that name listed entities, by row number. */
export const NAMED: Record<number, { name: string; country: string }> = {
  101: { name: 'Korean Tangun Trading Corporation', country: 'KP' },
  202: { name: 'General Bureau of Atomic Energy', country: 'KP' },
  303: { name: 'Tosong Technology Trading Corp', country: 'CN' },
  404: { name: 'Korean Tangun Trading Corp.', country: 'RU' },
  505: { name: 'Korea Mining Development Trading Corporation', country: 'KP' },
};

export function supplierCsv(rows = 1000): string {
  const lines = ['Supplier Name;Country of origin;Sector'];
  for (let i = 1; i <= rows; i++) {
    const named = NAMED[i];
    if (named) { lines.push(`${named.name};${named.country};trading`); continue; }
    const name = `${FIRST[i % FIRST.length]} ${TRADE[(i * 7) % TRADE.length]} ${FORM[(i * 3) % FORM.length]} ${Math.floor(i / 7)}`;
    lines.push(`${name};${COUNTRY[(i * 11) % COUNTRY.length]};${TRADE[(i * 7) % TRADE.length]!.toLowerCase()}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Edits to the real UN file: entries removed, entities renamed, aliases added, entities added (a copy of another with a new reference and name). */
export interface UnEdits {
  date: string;
  remove?: string[];
  rename?: { ref: string; name: string }[];
  aliases?: { aliasTo: string; alias: string }[];
  add?: { ref: string; copyOf: string; name: string }[];
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The real UN file with a later `dateGenerated` and these edits; written to a temp dir. */
export function editedUnList(edits: UnEdits): string {
  let xml = fs.readFileSync(UN_FILE, 'utf8');
  xml = xml.replace(/dateGenerated="[^"]+"/, `dateGenerated="${edits.date}T00:00:00.000Z"`);
  const record = (ref: string) => {
    const at = xml.indexOf(`<REFERENCE_NUMBER>${ref}</REFERENCE_NUMBER>`);
    if (at < 0) throw new Error(`no entry ${ref} in the UN file`);
    const start = Math.max(xml.lastIndexOf('<ENTITY>', at), xml.lastIndexOf('<INDIVIDUAL>', at));
    const closing = xml.lastIndexOf('<ENTITY>', at) > xml.lastIndexOf('<INDIVIDUAL>', at) ? '</ENTITY>' : '</INDIVIDUAL>';
    const end = xml.indexOf(closing, at) + closing.length;
    return { start, end, closing };
  };
  for (const ref of edits.remove ?? []) {
    const r = record(ref);
    xml = xml.slice(0, r.start) + xml.slice(r.end);
  }
  for (const { ref, name } of edits.rename ?? []) {
    const r = record(ref);
    const block = xml.slice(r.start, r.end).replace(/<FIRST_NAME>[^<]*<\/FIRST_NAME>/, `<FIRST_NAME>${escapeXml(name)}</FIRST_NAME>`);
    xml = xml.slice(0, r.start) + block + xml.slice(r.end);
  }
  for (const { ref, copyOf, name } of edits.add ?? []) {
    const r = record(copyOf);
    const block = xml.slice(r.start, r.end)
      .replace(/<REFERENCE_NUMBER>[^<]*<\/REFERENCE_NUMBER>/, `<REFERENCE_NUMBER>${ref}</REFERENCE_NUMBER>`)
      .replace(/<FIRST_NAME>[^<]*<\/FIRST_NAME>/, `<FIRST_NAME>${escapeXml(name)}</FIRST_NAME>`)
      .replace(/<DATAID>[^<]*<\/DATAID>/, `<DATAID>9${ref.replace(/\D/g, '')}</DATAID>`)
      .replace(/<(ENTITY|INDIVIDUAL)_ALIAS>[\s\S]*?<\/\1_ALIAS>/g, '');
    xml = `${xml.slice(0, r.end)}\n    ${block}${xml.slice(r.end)}`;
  }
  for (const { aliasTo, alias } of edits.aliases ?? []) {
    const a = record(aliasTo);
    const tag = a.closing === '</ENTITY>' ? 'ENTITY_ALIAS' : 'INDIVIDUAL_ALIAS';
    const insertAt = xml.indexOf(`<REFERENCE_NUMBER>${aliasTo}</REFERENCE_NUMBER>`);
    const listType = xml.indexOf('</LIST_TYPE>', insertAt) + '</LIST_TYPE>'.length;
    xml = `${xml.slice(0, listType)}\n      <${tag}>\n        <QUALITY>a.k.a.</QUALITY>\n        <ALIAS_NAME>${escapeXml(alias)}</ALIAS_NAME>\n      </${tag}>${xml.slice(listType)}`;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-un-'));
  const file = path.join(dir, `consolidated-${edits.date}.xml`);
  fs.writeFileSync(file, xml);
  return file;
}

/** The real UN file with a later date, `remove` left out and `alias` added to `aliasTo` (and `more` aliases); written to a temp dir. */
export function newerUnList(opts: { date: string; remove: string; aliasTo: string; alias: string; more?: { aliasTo: string; alias: string }[] }): string {
  return editedUnList({ date: opts.date, remove: [opts.remove], aliases: [{ aliasTo: opts.aliasTo, alias: opts.alias }, ...(opts.more ?? [])] });
}

/** The real UK summary (ODS) with the rows of the `remove` unique ids left out, dated `date` by its file name; written to a temp dir. */
export function newerUkList(opts: { date: string; remove: string[] }): string {
  const files = unzipSync(fs.readFileSync(UK_FILE));
  let xml = strFromU8(files['content.xml']!);
  for (const id of opts.remove) {
    const at = xml.indexOf(`<text:p>${id}</text:p>`);
    if (at < 0) throw new Error(`no row ${id} in the UK file`);
    const start = xml.lastIndexOf('<table:table-row', at);
    const end = xml.indexOf('</table:table-row>', at) + '</table:table-row>'.length;
    xml = xml.slice(0, start) + xml.slice(end);
    if (xml.includes(`<text:p>${id}</text:p>`)) throw new Error(`${id} is on more than one row of the UK file`);
  }
  const out: Zippable = { mimetype: [files.mimetype!, { level: 0 }] };
  for (const [name, data] of Object.entries(files)) if (name !== 'mimetype') out[name] = name === 'content.xml' ? strToU8(xml) : data;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-uk-'));
  const file = path.join(dir, `FCDO_SL_${opts.date}.ods`);
  fs.writeFileSync(file, zipSync(out));
  return file;
}
