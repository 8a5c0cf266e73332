/** Test data for the CLI tests: a second UN list version made by editing a copy of the real file, and a CSV reader. */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { OFFICIAL } from '../support/official.ts';

/** Cells of a CSV text (RFC 4180), read by csv-parse, not by the writer under test. */
export function parseCsvText(text: string): string[][] {
  return parse(text, { relax_column_count: true }) as string[][];
}

/** The real UN file of 2026-02-27 (../shared/data/official) made into a 2026-03-15 version: KPe.001 delisted, KPi.001 given an alias, KPi.999 added. */
export function unSecondVersion(dir: string): string {
  let xml = fs.readFileSync(OFFICIAL.unXml, 'utf8');
  xml = xml.replace('dateGenerated="2026-02-27T00:00:09.554Z"', 'dateGenerated="2026-03-15T00:00:00.000Z"');
  const ref = xml.indexOf('<REFERENCE_NUMBER>KPe.001</REFERENCE_NUMBER>');
  xml = xml.slice(0, xml.lastIndexOf('<ENTITY>', ref)) + xml.slice(xml.indexOf('</ENTITY>', ref) + '</ENTITY>'.length);
  xml = xml.replace('<ALIAS_NAME>Yun Ho-chin</ALIAS_NAME>', '<ALIAS_NAME>Yun Ho-chin</ALIAS_NAME>\n      </INDIVIDUAL_ALIAS>\n      <INDIVIDUAL_ALIAS>\n        <QUALITY>Good</QUALITY>\n        <ALIAS_NAME>Yun Ho Jin</ALIAS_NAME>');
  const r2 = xml.indexOf('<REFERENCE_NUMBER>KPi.002</REFERENCE_NUMBER>');
  const s2 = xml.lastIndexOf('<INDIVIDUAL>', r2);
  const e2 = xml.indexOf('</INDIVIDUAL>', r2) + '</INDIVIDUAL>'.length;
  const copy = xml.slice(s2, e2).replace('KPi.002', 'KPi.999').replace('<FIRST_NAME>RI</FIRST_NAME>', '<FIRST_NAME>PAK</FIRST_NAME>');
  xml = xml.slice(0, e2) + '\n    ' + copy + xml.slice(e2);
  const file = path.join(dir, 'consolidated-2026-03-15.xml');
  fs.writeFileSync(file, xml);
  return file;
}
