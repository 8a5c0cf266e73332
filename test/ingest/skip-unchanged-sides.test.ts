/**
 * The raw records of an OFAC CSV update include each entry's alt.csv and
 * add.csv rows (raw-records.ts): an entry whose only change is a new alias or
 * address is parsed again, one whose rows are all as before is not, and the
 * store ends as parsing the whole files would leave it. Real sdn.csv rows;
 * the alt/add rows are written here in the files' published layout.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db.ts';
import { importListFile } from '../../src/ingest/lists/import.ts';
import { OFFICIAL } from '../support/official.ts';
import { dumpTables } from '../support/store-dump.ts';
import { emptyPgliteDir } from '../support/db.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-sides-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const write = (name: string, text: string) => { const f = path.join(tmp, name); fs.writeFileSync(f, text, 'latin1'); return f; };

const rows = fs.readFileSync(OFFICIAL.ofacCsv, 'latin1').split('\r\n').filter((l) => /^\d+,/.test(l)).slice(0, 300);
const sdn = write('sdn.csv', rows.join('\r\n') + '\r\n');
const [a, b, c] = rows.map((r) => r.split(',')[0]!) as [string, string, string];
const alt1 = write('alt1.csv', `${a},9001,"aka","FIRST TEST ALIAS",-0- \r\n${b},9002,"fka","SECOND TEST ALIAS",-0- \r\n`);
const add1 = write('add1.csv', `${c},7001,"1 Test Street","Pyongyang","Korea, North",-0- \r\n`);
// The second version: b gets another alias, c another address; a's rows are as before.
const alt2 = write('alt2.csv', `${a},9001,"aka","FIRST TEST ALIAS",-0- \r\n${b},9002,"fka","SECOND TEST ALIAS",-0- \r\n${b},9003,"aka","THIRD TEST ALIAS",-0- \r\n`);
const add2 = write('add2.csv', `${c},7001,"1 Test Street","Pyongyang","Korea, North",-0- \r\n${c},7002,"2 Test Street","Beijing","China",-0- \r\n`);

describe('an OFAC CSV update with alt.csv and add.csv', () => {
  it('parses the entries whose alias or address rows changed, and ends as the whole-file path', async () => {
    const stores = await Promise.all(['fast', 'slow'].map(async (n) => openDb({ dataDir: await emptyPgliteDir(path.join(tmp, n)) })));
    try {
      const out = [];
      for (const [i, db] of stores.entries()) {
        const first = await importListFile(db, { format: 'ofac-csv', file: sdn, alt: alt1, add: add1, date: '2024-05-03', link: false });
        expect(first).toMatchObject({ entries: 300, added: 300 });
        out.push(await importListFile(db, { format: 'ofac-csv', file: sdn, alt: alt2, add: add2, date: '2024-05-10', link: false, skipUnchanged: i === 0 }));
      }
      expect(out[0]).toMatchObject({ status: 'imported', entries: 300, added: 0, changed: 2, removed: 0 });
      expect(out[1]).toMatchObject({ changed: 2, parsed: 300 });
      // Only the two entries whose alt/add rows changed were parsed.
      expect(out[0]!.parsed).toBe(2);
      const [names] = await stores[0]!.query<{ n: number }>(`SELECT count(*)::int AS n FROM statements WHERE value IN ('THIRD TEST ALIAS', '2 Test Street, Beijing, China')`);
      expect(names!.n).toBe(2);
      expect(await dumpTables(stores[0]!)).toEqual(await dumpTables(stores[1]!));
    } finally {
      for (const db of stores) await db.close();
    }
  }, 120_000);
});
