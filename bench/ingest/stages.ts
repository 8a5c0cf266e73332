/**
 * The JavaScript stages of a list's first import, without the store, each timed alone over the whole file (CPU,
 * best of RUNS): what the "records" phase of `PHASES=1 … import` spends besides the parse.
 * Run: node --expose-gc --import tsx bench/ingest/stages.ts [FILE] [RUNS]   (without --expose-gc: no collection between stages)
 */
import fs from 'node:fs';
import type { ListEntry, Statement } from '../../src/model/index.ts';
import { parseOfacCsv } from '../../src/ingest/lists/ofac-csv.ts';
import { entryHash, entryStatements, primaryName } from '../../src/ingest/lists/entry-statements.ts';
import { isDprkRelated } from '../../src/ingest/lists/dprk.ts';
import { HeldVersion } from '../../src/ingest/lists/store-write.ts';
import { summarise, type EntitySummary } from '../../src/store/entities.ts';
import { OFFICIAL } from '../../test/support/official.ts';

const file = process.argv[2] ?? OFFICIAL.ofacCsv;
const runs = Number(process.argv[3] ?? 3);
const best = new Map<string, number>();
async function stage<T>(name: string, fn: () => T | Promise<T>): Promise<T> {
  global.gc?.();
  const c0 = process.cpuUsage();
  const out = await fn();
  const c = process.cpuUsage(c0);
  const ms = (c.user + c.system) / 1000;
  best.set(name, Math.min(best.get(name) ?? Infinity, ms));
  return out;
}
for (let run = 0; run < runs; run++) {
  const entries = await stage('parse', async () => {
    const out: ListEntry[] = [];
    for await (const e of parseOfacCsv(fs.createReadStream(file), { file })) out.push(e);
    return out;
  });
  await stage('entry json, hash, caption, dprk', () => {
    for (const e of entries) { const json = JSON.stringify(e); entryHash(e, json); primaryName(e); isDprkRelated(e); }
  });
  const statements = await stage('entryStatements', () => entries.flatMap((e) => entryStatements(e, { sourceId: 'us_ofac_sdn-2024-05-03', seen: '2024-05-03' })));
  await stage('summarise', () => { const m = new Map<string, EntitySummary>(); for (const s of statements) summarise(m, s.entityId, s); });
  await stage('held statements (COPY text)', () => { const h = new HeldVersion(); for (const s of statements as Statement[]) h.addStatement(s); return h.statements.bytes().length; });
}
for (const [name, ms] of best) console.log(`${name.padEnd(34)} CPU ${ms.toFixed(0).padStart(5)} ms`);
