import { openDb } from './src/store/db.ts';
import { importListFile } from './src/ingest/lists/import.ts';
import { runXref } from './src/resolve/index.ts';
const dir = process.argv[2]!;
const db = await openDb({ dataDir: dir });
if (process.argv[3] === 'import') {
  const t0 = performance.now();
  const r = await importListFile(db, { file: '/work/shared/data/official/ofac/sdn.csv', format: 'ofac-csv' });
  console.log('import', ((performance.now() - t0) / 1000).toFixed(1), 's', r.added);
}
const c0 = process.cpuUsage(); const t0 = performance.now();
const rep = await db.transaction((tx) => runXref(tx));
const c = process.cpuUsage(c0);
console.log('xref', JSON.stringify(rep), 'wall', ((performance.now() - t0) / 1000).toFixed(1), 's CPU', ((c.user + c.system) / 1e6).toFixed(1), 's');
await db.close();
