/**
 * Two versions of the matcher side by side on the same machine, same minutes: yente `/match` batches (two varied
 * queries each, bench/load/match-queries.ts) answered by this checkout and by an earlier one, in alternating
 * rounds in one process, each version's answers checked to be the same text. Reports CPU time per batch (fastest
 * and median round) for both and their ratio: the shared 2-core machine moves absolute figures, the ratio holds.
 *
 *   npx tsx bench/match/compare.ts --before <checkout of an earlier commit> --data DIR [--rounds 8] [--batches 1000]
 *
 * DIR: a filled data directory not held by a running server. The earlier checkout needs its own node_modules.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readSettings } from '../../src/config/settings.ts';
import { openServices } from '../../src/services.ts';
import { entityDates, parseScreeningOptions, knownDatasets, screeningService, MATCH_MAX_LIMIT, NO_FILTERS } from '../../src/screen/index.ts';
import { yenteEntries, type YenteBatch } from '../../src/screen/yente-batch.ts';
import { matchExamples } from '../load/match-queries.ts';

const { values } = parseArgs({ options: { before: { type: 'string' }, data: { type: 'string' }, rounds: { type: 'string', default: '8' }, batches: { type: 'string', default: '1000' } } });
if (!values.before || !values.data) throw new Error('give --before <checkout> --data DIR');
const before = path.resolve(values.before);
interface Side { name: string; entries: (batch: YenteBatch) => string[] }

const services = await openServices(readSettings({ dataDir: path.resolve(values.data), databaseUrl: null }));
const service = await screeningService(services.db);
const known = await knownDatasets(services.db, service);
const dates = await entityDates(services.db, service);
await services.close();
const options = parseScreeningOptions({ dataset: 'default' }, { maxLimit: MATCH_MAX_LIMIT, knownDatasets: known });

// The earlier checkout's own modules, given the same entities: its index and matcher are built by its own code.
const old = await import(path.join(before, 'src/screen/service.ts')) as { ScreeningService: new (e: typeof service.matcher.index.entities) => typeof service };
const oldBatch = await import(path.join(before, 'src/screen/yente-batch.ts')) as { yenteEntries: typeof yenteEntries };
const oldService = new old.ScreeningService(service.matcher.index.entities);
const sides: Side[] = [
  { name: 'before', entries: (b) => oldBatch.yenteEntries(oldService, b, dates) },
  { name: 'after', entries: (b) => yenteEntries(service, b, dates) },
];
const examples = matchExamples();
const batches: YenteBatch[] = [];
for (let i = 0; i < Number(values.batches); i++) {
  batches.push({ queries: [['a', examples[(2 * i) % examples.length]!], ['b', examples[(2 * i + 1) % examples.length]!]], options, filters: NO_FILTERS });
}
// Same answers, and every name's words made, before anything is timed.
let differ = 0;
for (const b of batches) if (sides[0]!.entries(b).join('\n') !== sides[1]!.entries(b).join('\n')) differ++;
const times: Record<string, number[]> = { before: [], after: [] };
for (let r = 0; r < Number(values.rounds); r++) {
  for (const side of r % 2 ? [...sides].reverse() : sides) {
    const c0 = process.cpuUsage();
    for (const b of batches) side.entries(b);
    const c = process.cpuUsage(c0);
    times[side.name]!.push((c.user + c.system) / 1000 / batches.length);
  }
}
const stat = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return { fastest: +s[0]!.toFixed(3), median: +s[Math.floor(s.length / 2)]!.toFixed(3) }; };
const b = stat(times.before!), a = stat(times.after!);
console.log(JSON.stringify({ date: new Date().toISOString(), batches: batches.length, answers_that_differ: differ, cpu_ms_per_batch: { before: b, after: a }, after_over_before: { fastest: +(a.fastest / b.fastest).toFixed(3), median: +(a.median / b.median).toFixed(3) } }, null, 2));
