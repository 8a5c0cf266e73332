/**
 * The list formats room39 reads, which dataset each feeds, and how a file's
 * first bytes tell them apart: `room39 import FORMAT FILE` names the format,
 * a fetched file is recognised by its content (a publisher may move from CSV
 * to XML, an operator's mirror may serve either). One entry point,
 * `openListEntries`, streams any of them as `ListEntry` records and reports
 * the publisher's date-time once the parser has read it.
 */
import path from 'node:path';
import type { ListEntry } from '../../model/index.ts';
import { Room39Error } from '../../errors.ts';
import type { ListKey } from '../../config/settings.ts';
import { openListFile } from './input.ts';
import { parseOfacCsv } from './ofac-csv.ts';
import { parseOfacXml } from './ofac-xml.ts';
import { parseOfacAdvancedXml } from './ofac-advanced-xml.ts';
import { parseUnXml } from './un-xml.ts';
import { isZip, parseUkOds, parseUkXml, readHeadSync } from './uk.ts';
import { parseEuXml } from './eu-xml.ts';
import type { ListFormat } from './datasets.ts';

export { FORMAT_DATASET, LIST_DATASET, LIST_FORMATS, type ListFormat } from './datasets.ts';

/** Document elements each XML format may have. */
const ROOTS: Partial<Record<ListFormat, readonly string[]>> = {
  'ofac-xml': ['sdnList', 'Sanctions'], 'un-xml': ['CONSOLIDATED_LIST'], 'eu-xml': ['export'],
};

/** The head of a file as text, without a byte-order mark or leading blanks. */
function headText(head: Buffer): string {
  return head.toString('utf8').replace(/^\uFEFF/, '').trimStart();
}

/** The local name of the XML document element, or null when the head shows none. */
export function rootElement(head: Buffer): string | null {
  const text = headText(head).replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, '').replace(/<!DOCTYPE[^>]*>/i, '').trimStart();
  const m = /^<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(text);
  return m ? m[2]! : null;
}

function describeHead(head: Buffer): string {
  const t = headText(head).slice(0, 40).replace(/\s+/g, ' ');
  return t ? `it starts with "${t}"` : 'it is empty';
}

/** Which format a file of this list is, by its first bytes; a clear error when it is none of them. */
export function detectFormat(list: ListKey, head: Buffer, where: string): ListFormat {
  const text = headText(head);
  const xml = text.startsWith('<');
  const wrong = (what: string) => new Room39Error('invalid_data', `not ${what}: ${describeHead(head)}`, where);
  let format: ListFormat;
  if (list === 'ofac') {
    if (xml) format = 'ofac-xml';
    else if (/^"?\d+"?,/.test(text)) format = 'ofac-csv';
    else throw wrong(isZip(head) ? "the SDN list itself (a zip archive; point the URL at the unpacked XML or CSV)" : "OFAC's SDN XML or CSV");
  } else if (list === 'uk') {
    if (!xml && !isZip(head)) throw wrong('the UK Sanctions List XML or ODS');
    format = 'uk';
  } else {
    if (!xml) throw wrong(`an XML file (the ${list === 'un' ? 'UN' : 'EU'} list is XML)`);
    format = list === 'un' ? 'un-xml' : 'eu-xml';
  }
  checkRoot(format, head, where);
  return format;
}

/** An XML file whose document element belongs to another list is refused before any work. */
function checkRoot(format: ListFormat, head: Buffer, where: string): void {
  if (format === 'ofac-csv' || isZip(head)) return;
  const root = rootElement(head);
  const expected = ROOTS[format];
  const others = Object.values(ROOTS).flat();
  if (!root) return;
  if (expected ? !expected.includes(root) : others.includes(root)) {
    throw new Room39Error('invalid_data', `the document element is <${root}>${expected ? `, expected <${expected.join('> or <')}>` : ''}: not the list this format reads (wrong file or wrong URL?)`, where);
  }
}

export interface OpenOptions {
  /** Name of the file in messages. */
  name?: string;
  onBytes?: (bytes: number) => void;
  warn?: (message: string) => void;
  /** OFAC CSV companions. */
  alt?: string;
  add?: string;
}

export interface OpenedList {
  entries: AsyncIterable<ListEntry>;
  /** The publisher's date-time (ISO, UTC) or date the file states, once the parser has read it; null when it states none. */
  published(): string | null;
}

/** An ISO date-time in UTC (second precision kept as written), or a bare date. */
export function normalisePublished(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  const t = Date.parse(/T/.test(v) && !/(Z|[+-]\d{2}:?\d{2})$/.test(v) ? `${v}Z` : v);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

export function openListEntries(format: ListFormat, file: string, opts: OpenOptions = {}): OpenedList {
  const name = opts.name ?? path.basename(file);
  let published: string | null = null;
  const parse = { file: name, onBytes: opts.onBytes, warn: opts.warn };
  const head = readHeadSync(file);
  checkRoot(format, head, name);
  let entries: AsyncIterable<ListEntry>;
  switch (format) {
    case 'un-xml':
      entries = parseUnXml(openListFile(file), { ...parse, meta: (m) => { published = normalisePublished(m.dateGenerated); } });
      break;
    case 'eu-xml':
      entries = parseEuXml(openListFile(file), { ...parse, meta: (m) => { published = normalisePublished(m.generationDate); } });
      break;
    case 'uk':
      entries = isZip(head) ? parseUkOds(openListFile(file), parse) : parseUkXml(openListFile(file), { ...parse, meta: (m) => { published = normalisePublished(m.dateGenerated); } });
      break;
    case 'ofac-xml':
      entries = rootElement(head) === 'Sanctions'
        ? parseOfacAdvancedXml(openListFile(file), { ...parse, meta: (m) => { published = normalisePublished(m.dateOfIssue); } })
        : parseOfacXml(openListFile(file), { ...parse, meta: (m) => { published = normalisePublished(m.publishDate); } });
      break;
    case 'ofac-csv':
      entries = parseOfacCsv(openListFile(file), {
        ...parse,
        alt: opts.alt ? { input: openListFile(opts.alt), file: opts.alt } : undefined,
        add: opts.add ? { input: openListFile(opts.add), file: opts.add } : undefined,
      });
      break;
  }
  return { entries, published: () => published };
}
