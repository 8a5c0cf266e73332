/**
 * Re-screening a saved case against a list change, against a full screening
 * of the same case. Imports the real OFAC SDN CSV and UN XML (../shared) into
 * a fresh embedded store, creates a case of N rows (default 100,000: names
 * from the matcher's evaluation set, so about one row in ten hits), then
 * imports a newer OFAC version with 1% of its entries changed (a third
 * removed, a third renamed, a third added) and re-screens the case against
 * that change only. Prints the bare screening time of the rows (as `room39
 * screen` does it), the case creation (screening and storing), the index
 * rebuild after the import, and the re-screening.
 *
 *   npx tsx bench/cases/rescreen.ts [ROWS] [--each-row]
 *
 * The re-screening screens rows of the same input once (the case repeats each
 * evaluation name about 32 times at 100,000 rows); `--each-row` screens each
 * row, as the bare screening does, to show what that shortcut saves.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { openDb } from '../../src/store/db.ts';
import { importListFile } from '../../src/ingest/lists/import.ts';
import { ScreeningService, parseScreeningOptions, runScreen } from '../../src/screen/index.ts';
import type { CsvRow } from '../../src/screen/csv-input.ts';
import type { EvalCase } from '../../src/match/evaluation.ts';
import { createCase } from '../../src/cases/create.ts';
import { rescreenCase } from '../../src/cases/rescreen.ts';

const n = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 100_000);
const eachRow = process.argv.includes('--each-row');
function shared(): string {
  for (let d = path.resolve(REPO_ROOT, '..'); ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, 'shared/data/official'))) return path.join(d, 'shared/data/official');
    if (path.dirname(d) === d) throw new Error('../shared/data/official not found');
  }
}
const official = shared();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-bench-cases-'));
const db = await openDb({ dataDir: path.join(dir, 'db') });
/** Wall seconds and CPU seconds of this process (the machine may be shared: CPU time is the steadier measure). */
const cpu: Record<string, number> = {};
let phase = 0;
const time = async <T>(f: () => Promise<T>, name = `phase${phase++}`): Promise<[T, number]> => {
  const t = performance.now();
  const c = process.cpuUsage();
  const v = await f();
  const u = process.cpuUsage(c);
  cpu[name] = +((u.user + u.system) / 1e6).toFixed(2);
  return [v, (performance.now() - t) / 1000];
};

await importListFile(db, { format: 'ofac-csv', file: path.join(official, 'ofac/sdn.csv'), date: '2024-05-03' });
await importListFile(db, { format: 'un-xml', file: path.join(official, 'un/consolidated.xml') });

const { cases } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'test/match/eval-set.json'), 'utf8')) as { cases: EvalCase[] };
const rows: CsvRow[] = Array.from({ length: n }, (_, i) => {
  const c = cases[i % cases.length]!;
  return { row: i + 1, input: { name: c.query, ...(c.schema ? { schema: c.schema } : {}), ...(i % 3 === 0 ? { country: 'KP' } : {}) } };
});
const options = parseScreeningOptions({});
const [service, indexBuild] = await time(() => ScreeningService.fromStore(db), 'indexBuild');
const [, bare] = await time(() => runScreen(service, rows, options, []), 'bareScreening');
const [c, create] = await time(() => createCase(db, async () => service, { name: 'bench', rows: (async function* () { yield* rows; })(), fileName: 'bench', info: () => null, options, actor: 'bench' }), 'caseCreation');

// A newer OFAC file with 1% of its entries changed.
const lines = fs.readFileSync(path.join(official, 'ofac/sdn.csv'), 'latin1').split(/\r?\n/).filter((l) => l.trim() !== '' && l !== '\x1a');
const k = Math.round(lines.length * 0.01);
const third = Math.ceil(k / 3);
const step = Math.floor(lines.length / k);
const picked = Array.from({ length: k }, (_, i) => i * step);
const removed = new Set(picked.slice(0, third));
const renamed = new Set(picked.slice(third, 2 * third));
const out: string[] = [];
lines.forEach((l, i) => {
  if (removed.has(i)) return;
  out.push(renamed.has(i) ? l.replace(/^(\d+),"([^"]*)"/, (_, id: string, name: string) => `${id},"${name} HOLDINGS"`) : l);
});
for (const i of picked.slice(2 * third)) out.push(lines[i]!.replace(/^(\d+),"([^"]*)"/, (_, id: string, name: string) => `${Number(id) + 900_000},"${name.split(/[ ,]/)[0]} NEW ENTRY ${id}"`));
const newer = path.join(dir, 'sdn-newer.csv');
fs.writeFileSync(newer, `${out.join('\r\n')}\r\n`, 'latin1');
const [imported, importTime] = await time(() => importListFile(db, { format: 'ofac-csv', file: newer, date: '2024-06-01' }), 'listImport');
const [fresh, rebuild] = await time(() => ScreeningService.fromStore(db), 'indexRebuild');
const [outcome, rescreen] = await time(() => rescreenCase(db, fresh, c.name, 'bench', { sameInputOnce: !eachRow }), 'rescreen');
console.log(JSON.stringify({
  rows: n, eachRow, listEntries: lines.length, changed: { added: imported.added, changed: imported.changed, removed: imported.removed },
  seconds: {
    indexBuild: +indexBuild.toFixed(2), bareScreening: +bare.toFixed(2), caseCreation: +create.toFixed(2), listImport: +importTime.toFixed(2),
    indexRebuild: +rebuild.toFixed(2), rescreen: +rescreen.toFixed(2),
  },
  cpuSeconds: cpu,
  rescreenRows: outcome?.rowsScreened, rowsRewritten: outcome?.rowsRewritten, selection: outcome?.selection, phasesMs: outcome?.phasesMs, alerts: outcome?.alerts.length,
  ratio: { rescreenToBareScreening: +(rescreen / bare).toFixed(3), rescreenToCaseCreation: +(rescreen / create).toFixed(3) },
  ratioCpu: { rescreenToBareScreening: +((cpu.rescreen ?? 0) / (cpu.bareScreening ?? 1)).toFixed(3), rescreenToCaseCreation: +((cpu.rescreen ?? 0) / (cpu.caseCreation ?? 1)).toFixed(3) },
}, null, 2));
await db.close();
fs.rmSync(dir, { recursive: true, force: true });
