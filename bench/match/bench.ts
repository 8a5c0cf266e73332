/**
 * Side-by-side benchmark over the same lists (the bundled OFAC SDN and UN
 * consolidated list): room39's matcher, the `ofac` npm package, fuse.js.
 * Measures single-name query throughput on one core and accuracy on the
 * labelled evaluation set (test/match/eval-set.json).
 *
 *   npx tsx bench/match/bench.ts [--quick]
 *
 * `ofac` reads OFAC's sdn.xml and re-reads the whole file for every search, so
 * it is given an sdn.xml written from the same parsed entries (its format:
 * sdnEntry with lastName, firstName, sdnType, akaList, idList) and run on a
 * sample of the queries.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import Fuse from 'fuse.js';
import { readListFiles, type ListRecord } from '../../src/ingest/lists/matchable.ts';
import { Matcher, DEFAULT_THRESHOLD } from '../../src/match/matcher.ts';
import { heldOutNames, scoreCases, summarize, type EvalCase } from '../../src/match/evaluation.ts';
import { normalizeName } from '../../src/names/index.ts';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { officialListFiles } from '../../test/support/official.ts';

interface OfacModule {
  search(cust: { firstName?: string; lastName?: string; search_type?: string; id?: string }, fn?: string): Promise<Array<{ uid: string }>>;
}
const ofac = createRequire(import.meta.url)('ofac') as OfacModule;

const quick = process.argv.includes('--quick');
const { cases } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'test/match/eval-set.json'), 'utf8')) as { cases: EvalCase[] };
const t0 = performance.now();
const records = await readListFiles(officialListFiles());
const entities = records.map((r) => r.entity);
const tLoad = performance.now();
const matcher = new Matcher(entities);
const tIndex = performance.now();
const byId = new Map(entities.map((e) => [e.id, e]));
const queries = cases.map((c) => c.query);

function rate(n: number, ms: number): number {
  const r = (n / ms) * 1000;
  return r >= 10 ? Math.round(r) : Math.round(r * 100) / 100;
}

// ---- room39 --------------------------------------------------------------
/** Queries per second of wall time, and per second of this process's CPU time (the machine may be shared). */
function room39Throughput(rounds: number): { wall: number; cpu: number } {
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  let n = 0;
  for (let r = 0; r < rounds; r++) {
    for (const name of queries) {
      matcher.match({ names: [name], schema: null, birthDates: [], countries: [], identifiers: [] });
      n++;
    }
  }
  const cpu = process.cpuUsage(cpu0);
  return { wall: rate(n, performance.now() - start), cpu: rate(n, (cpu.user + cpu.system) / 1000) };
}
room39Throughput(1); // warm-up
const room39Run = room39Throughput(quick ? 1 : 3);
const room39Qps = room39Run.wall;
const room39Summary = summarize(scoreCases(matcher, cases, byId), DEFAULT_THRESHOLD);

// ---- fuse.js -------------------------------------------------------------
interface FuseDoc { id: string; name: string; datasets: string[] }
const docs: FuseDoc[] = entities.flatMap((e) => e.names.map((n) => ({ id: e.id, name: n.value, datasets: e.datasets })));
const fuse = new Fuse(docs, { keys: ['name'], includeScore: true, threshold: 0.3, ignoreLocation: true });
const FUSE_MATCH = 0.3;
const fuseSample = cases.filter((_, i) => i % (quick ? 40 : 8) === 0);
const fuseStart = performance.now();
let fuseTP = 0, fusePos = 0, fuseFP = 0, fuseNeg = 0;
for (const c of fuseSample) {
  // Hold-out: drop the held-out alias from the expected entity's names.
  const held = c.expect && c.holdOut ? heldOutNames(byId.get(c.expect)!, c.holdOut) : null;
  const hits = fuse.search(c.query, { limit: 20 }).filter((h) => (h.score ?? 1) <= FUSE_MATCH)
    .filter((h) => !(c.dataset && !h.item.datasets.includes(c.dataset)))
    .filter((h) => !(held && h.item.id === c.expect && held.has(normalizeName(h.item.name))));
  if (c.expect) { fusePos++; if (hits.some((h) => h.item.id === c.expect)) fuseTP++; } else { fuseNeg++; if (hits.length > 0) fuseFP++; }
}
const fuseQps = rate(fuseSample.length, performance.now() - fuseStart);

// ---- ofac ----------------------------------------------------------------
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
function splitName(r: ListRecord, value: string): { first: string; last: string } {
  if (r.entity.schema === 'Person' && value.includes(',')) {
    const [last, ...rest] = value.split(',');
    return { last: (last ?? '').trim(), first: rest.join(',').trim() };
  }
  return { last: value, first: '' };
}
const xmlPath = path.join(os.tmpdir(), 'room39-bench-sdn.xml');
const lines = ['<?xml version="1.0" standalone="yes"?>', '<sdnList>'];
for (const r of records) {
  const [primary, ...akas] = r.entry.names;
  if (!primary) continue;
  const p = splitName(r, primary.value);
  const type = r.entity.schema === 'Person' ? 'Individual' : r.entity.schema === 'Vessel' ? 'Vessel' : 'Entity';
  lines.push('<sdnEntry>');
  lines.push(`<uid>${esc(r.entity.id)}</uid>${p.first ? `<firstName>${esc(p.first)}</firstName>` : ''}<lastName>${esc(p.last)}</lastName><sdnType>${type}</sdnType>`);
  lines.push(`<akaList>${akas.map((a, i) => { const s = splitName(r, a.value); return `<aka><uid>${i}</uid>${s.first ? `<firstName>${esc(s.first)}</firstName>` : ''}<lastName>${esc(s.last)}</lastName></aka>`; }).join('')}</akaList>`);
  lines.push('</sdnEntry>');
}
lines.push('</sdnList>');
fs.writeFileSync(xmlPath, lines.join('\n'));
const ofacSample = cases.filter((c) => c.expect !== null || c.category === 'korean_person').filter((_, i) => i % (quick ? 100 : 25) === 0);
const ofacStart = performance.now();
let ofacTP = 0, ofacPos = 0, ofacFP = 0, ofacNeg = 0;
for (const c of ofacSample) {
  // ofac compares lower-cased first and last names for equality; give it "Surname, Given" split as a screener would.
  const parts = c.query.includes(',') ? c.query.split(',') : [c.query.split(' ')[0] ?? '', c.query.split(' ').slice(1).join(' ')];
  const cust = { lastName: (parts[0] ?? '').trim(), firstName: (parts[1] ?? '').trim(), search_type: 'individual' };
  const hits = [...await ofac.search({ ...cust }, xmlPath), ...await ofac.search({ lastName: c.query, search_type: 'entity' }, xmlPath)];
  if (c.expect) { ofacPos++; if (hits.some((h) => h.uid === c.expect)) ofacTP++; } else { ofacNeg++; if (hits.length > 0) ofacFP++; }
}
const ofacQps = Math.round((ofacSample.length * 2 / (performance.now() - ofacStart)) * 1000 * 100) / 100;

const fasterPeer = Math.max(fuseQps, ofacQps);
const report = {
  machine: `${os.cpus()[0]?.model ?? 'cpu'} (${os.cpus().length} cores; single-threaded run), node ${process.version}`,
  lists: { entities: entities.length, names: matcher.index.names.length, loadMs: Math.round(tLoad - t0), indexMs: Math.round(tIndex - tLoad) },
  room39: { queriesPerSecond: room39Qps, queriesPerCpuSecond: room39Run.cpu, threshold: DEFAULT_THRESHOLD, recall: room39Summary.recall, variantRecall: room39Summary.variantRecall, falsePositiveRate: room39Summary.falsePositiveRate, cases: cases.length },
  fuse: { queriesPerSecond: fuseQps, threshold: FUSE_MATCH, recall: round(fuseTP / Math.max(1, fusePos)), falsePositiveRate: round(fuseFP / Math.max(1, fuseNeg)), cases: fuseSample.length },
  ofac: { queriesPerSecond: ofacQps, recall: round(ofacTP / Math.max(1, ofacPos)), falsePositiveRate: round(ofacFP / Math.max(1, ofacNeg)), cases: ofacSample.length },
  ratioToFasterPeer: Math.round((room39Qps / fasterPeer) * 10) / 10,
  loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10),
};
console.log(JSON.stringify(report, null, 2));
fs.rmSync(xmlPath, { force: true });

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
