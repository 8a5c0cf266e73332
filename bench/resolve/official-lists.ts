/**
 * Minimal reader of the official list files and the curated dataset for the measurement sets
 * (bench/resolve, bench/search): record ids, names, kind, birth dates and the DPRK flag, nothing
 * else. It does not use room39's parsers or matcher on purpose: the sets are checked against
 * the files themselves, independently of the code they measure.
 *
 * Record ids: `ofac-<ent_num>`, `unsc-<reference, lowercased, non-alphanumerics to dashes>`
 * (as src/ingest/lists/entry-statements.ts `entityIdOf`), `gb-<UK Unique ID lowercased>`
 * (e.g. `gb-dpr0043`; the id a UK importer must give), and the dataset's own `r39-…` ids.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { unzipSync, strFromU8 } from 'fflate';

export type Kind = 'person' | 'organisation' | 'vessel' | 'aircraft';
export type ListName = 'ofac' | 'unsc' | 'gb' | 'r39';

export interface SetRecord {
  id: string;
  list: ListName;
  kind: Kind;
  /** Primary name first, then the aliases the file gives. */
  names: string[];
  dprk: boolean;
  /** Whatever birth dates the file states, as written there. */
  birth: string[];
  /** FtM schema, for dataset records only. */
  schema?: string;
}

/** The folder holding ofac/sdn.csv, un/consolidated.xml and uk/FCDO_SL_2025-08-11.ods (one helper for tests and benches). */
import { officialDir } from '../../test/support/official.ts';
export { officialDir };

/** PROVENANCE.md's rule for a DPRK-related OFAC entry that carries no DPRK programme tag. */
const DPRK_TEXT = /Korea, North|North Korea|Democratic People's Republic of Korea|\bDPRK\b|P'?yongyang|Korea, Democratic/i;

export function readOfac(file: string): SetRecord[] {
  const text = fs.readFileSync(file, 'latin1').replace(/\x1a\s*$/, '');
  const rows = parseCsv(text, { relax_column_count: true }) as string[][];
  const out: SetRecord[] = [];
  for (const row of rows) {
    if (row.length < 12) continue;
    const cell = (i: number) => (row[i] ?? '').trim() === '-0-' ? '' : (row[i] ?? '').trim();
    const type = cell(2);
    const remarks = cell(11);
    const kind: Kind = type === 'individual' ? 'person' : type === 'vessel' ? 'vessel' : type === 'aircraft' ? 'aircraft' : 'organisation';
    const aliases = [...remarks.matchAll(/[af]\.k\.a\. '([^']+)'/g)].map((m) => m[1] as string);
    const birth = [...remarks.matchAll(/DOB ([^;]+)/g)].map((m) => (m[1] as string).trim());
    out.push({
      id: `ofac-${cell(0)}`, list: 'ofac', kind, names: [cell(1), ...aliases], birth,
      dprk: cell(3).includes('DPRK') || row.some((c) => DPRK_TEXT.test(c)),
    });
  }
  return out;
}

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
type XmlNode = Record<string, unknown>;
const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v).trim());

export function readUn(file: string): SetRecord[] {
  const xml = new XMLParser({ ignoreAttributes: true, parseTagValue: false }).parse(fs.readFileSync(file, 'utf8')) as XmlNode;
  const list = xml.CONSOLIDATED_LIST as XmlNode;
  const out: SetRecord[] = [];
  for (const [group, tag, kind] of [['INDIVIDUALS', 'INDIVIDUAL', 'person'], ['ENTITIES', 'ENTITY', 'organisation']] as const) {
    for (const e of asArray((list[group] as XmlNode | undefined)?.[tag] as XmlNode | XmlNode[] | undefined)) {
      const ref = str(e.REFERENCE_NUMBER);
      const primary = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'].map((k) => str(e[k])).filter(Boolean).join(' ');
      const aliases = asArray(e[`${tag}_ALIAS`] as XmlNode | XmlNode[] | undefined).map((a) => str(a.ALIAS_NAME)).filter(Boolean);
      const birth = asArray(e.INDIVIDUAL_DATE_OF_BIRTH as XmlNode | XmlNode[] | undefined).map((d) => str(d.DATE) || str(d.YEAR) || str(d.FROM_YEAR)).filter(Boolean);
      out.push({
        id: `unsc-${ref.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`, list: 'unsc', kind,
        names: [primary, ...aliases], birth, dprk: ref.startsWith('KP'),
      });
    }
  }
  return out;
}

/** The UK summary ODS: one sheet, a header row, 8 columns (PROVENANCE.md §3). */
export function readUk(file: string): SetRecord[] {
  const content = strFromU8(unzipSync(fs.readFileSync(file), { filter: (f) => f.name === 'content.xml' })['content.xml'] as Uint8Array);
  const rows: string[][] = [];
  for (const rowXml of content.split(/<table:table-row[\s>]/).slice(1)) {
    const cells: string[] = [];
    for (const cell of rowXml.split(/<table:table-cell/).slice(1)) {
      const repeat = Number(/table:number-columns-repeated="(\d+)"/.exec(cell)?.[1] ?? '1');
      if (repeat > 50) break;
      const text = [...cell.matchAll(/<text:p[^>]*>([\s\S]*?)<\/text:p>/g)].map((m) => (m[1] as string).replace(/<[^>]+>/g, '').trim()).join(' ');
      for (let i = 0; i < repeat; i++) cells.push(decodeXml(text));
    }
    if (cells.some(Boolean)) rows.push(cells);
  }
  const header = rows[0] ?? [];
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${file}: no column "${name}" in the header row`);
    return i;
  };
  const [uid, name, regime, type] = [col('Unique ID'), col('Name'), col('Regime Name'), col('Type')];
  return rows.slice(1).map((r) => ({
    id: `gb-${(r[uid] ?? '').toLowerCase()}`, list: 'gb' as const,
    kind: (r[type] === 'Individual' ? 'person' : r[type] === 'Ship' ? 'vessel' : 'organisation') as Kind,
    names: [r[name] ?? ''], birth: [], dprk: r[regime] === "Democratic People's Republic of Korea",
  }));
}

function decodeXml(s: string): string {
  return s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The dataset's entities (`type: "entity"`), with their names merged over every record. */
export function readDataset(repoRoot: string): SetRecord[] {
  const dir = path.join(repoRoot, 'data/dataset');
  const byId = new Map<string, SetRecord>();
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.jsonl')).sort()) {
    for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as { type: string; id: string; schema?: string; props?: Record<string, string | string[]> };
      if (r.type !== 'entity') continue;
      const rec = byId.get(r.id) ?? {
        id: r.id, list: 'r39' as const, kind: (r.schema === 'Person' ? 'person' : 'organisation') as Kind, names: [], dprk: false, birth: [], schema: r.schema,
      };
      for (const prop of ['name', 'alias', 'weakAlias', 'previousName']) {
        for (const v of asArray(r.props?.[prop])) if (!rec.names.includes(v)) rec.names.push(v);
      }
      if (asArray(r.props?.country).includes('kp')) rec.dprk = true;
      byId.set(r.id, rec);
    }
  }
  return [...byId.values()];
}

/** Every record of the three lists and the dataset, by id. */
export function readAll(repoRoot: string): Map<string, SetRecord> {
  const dir = officialDir(repoRoot);
  const all = [
    ...readOfac(path.join(dir, 'ofac/sdn.csv')),
    ...readUn(path.join(dir, 'un/consolidated.xml')),
    ...readUk(path.join(dir, 'uk/FCDO_SL_2025-08-11.ods')),
    ...readDataset(repoRoot),
  ];
  const byId = new Map<string, SetRecord>();
  for (const r of all) {
    if (byId.has(r.id)) throw new Error(`record id ${r.id} appears twice`);
    byId.set(r.id, r);
  }
  return byId;
}
