import { openDb } from './src/store/db.ts';
import { exportFtm } from './src/export/ftm.ts';
const db = await openDb({ dataDir: '/tmp/r39/db1' });
try { console.log(await exportFtm(db, { out: '/tmp/r39/x.json', public: false, statementsOut: '/tmp/r39/x.csv' })); } catch (e) { console.log(String(e)); }
await db.close();
