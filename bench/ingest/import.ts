/**
 * Import time and peak memory for each bundled list file: parsing alone
 * (streamed, no store) and the full import into a fresh PGlite store.
 * Run: npx tsx bench/ingest/import.ts [parse|import]   (results in bench/ingest/README.md)
 *      npx tsx bench/ingest/import.ts parse-file BIG.csv  (parse one OFAC CSV, e.g. a 100 MB one)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb } from '../../src/store/db.ts';
import { bundledListFiles } from '../../src/ingest/lists/bundled.ts';
import { importListFile } from '../../src/ingest/lists/import.ts';
import { parseOfacCsv } from '../../src/ingest/lists/ofac-csv.ts';
import { parseUnXml } from '../../src/ingest/lists/un-xml.ts';
import { REPO_ROOT } from '../../src/config/settings.ts';

const mode = process.argv[2] ?? 'parse';
let peak = 0;
const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;

const files = mode === 'parse-file' ? [{ file: path.resolve(process.argv[3] ?? ''), format: 'ofac-csv' as const }] : bundledListFiles(REPO_ROOT);
for (const { file, format } of files) {
  global.gc?.();
  peak = process.memoryUsage().rss;
  const start = process.memoryUsage().rss;
  const t0 = performance.now();
  let entries = 0;
  if (mode === 'parse' || mode === 'parse-file') {
    const input = fs.createReadStream(file);
    const gen = format === 'un-xml' ? parseUnXml(input, { file }) : parseOfacCsv(input, { file });
    for await (const _ of gen) entries++;
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-bench-'));
    const db = await openDb({ dataDir: dir });
    const r = await importListFile(db, { file, format });
    entries = r.entries;
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const ms = performance.now() - t0;
  console.log(`${mode}\t${file.startsWith(REPO_ROOT) ? path.relative(REPO_ROOT, file) : file}\t${(fs.statSync(file).size / 1e6).toFixed(1)} MB\t${entries} entries\t${(ms / 1000).toFixed(1)} s\tpeak RSS ${mb(peak)} (start ${mb(start)})`);
}
clearInterval(timer);
