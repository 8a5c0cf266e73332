import { openDb } from './src/store/db.ts';
const db = await openDb({ dataDir: '/tmp/r39/d2' });
console.log(await db.query("select canonical_id, member_id, evidence from entity_links"));
await db.close();
