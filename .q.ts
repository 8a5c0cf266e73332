import { openDb } from './src/store/db.ts';
import { importListFile } from './src/ingest/lists/import.ts';
const db = await openDb({ dataDir: '/tmp/r39/db1' });
for (const [format, file] of [['ofac-csv','data/lists/ofac/sdn-2024-05-03.csv'],['un-xml','data/lists/un/consolidated-2026-02-27.xml']] as const) {
  const t0 = Date.now();
  const r = await importListFile(db, { format, file });
  console.log(JSON.stringify(r), Date.now() - t0, 'ms', process.memoryUsage().rss/1e6);
}
console.log(await db.query("select count(*) from statements"), await db.query("select count(*) from entities"));
console.log(await db.query("select canonical_id, member_id, evidence from entity_links limit 5"));
console.log(await db.query("select evidence->>'rule' r, count(*) from entity_links group by 1"));
await db.close();
