/**
 * How long `room39 serve` keeps other requests waiting while it builds its search index: the first search after start,
 * a second one, and the first after a 1 % OFAC update imported through it (`room39 import`). Polls /healthz every 50 ms
 * throughout and reports, per search, its own time and the longest /healthz answer meanwhile.
 * Also searches every 100 ms while the update runs (the longest wait: an import's transaction, then the index rebuilt).
 * Run: npx tsx bench/server/search-stall.ts [CHECKOUT]   (CHECKOUT: another checkout to compare, e.g. a worktree of an earlier commit)
 *      TRACE=1: each search during the update and when the command printed; SERVER_LOG=FILE: the server's log.
 * Starts serve on a copy of the test store template (loadedDataDir: the curated dataset, the OFAC and UN lists).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { OFFICIAL } from '../../test/support/official.ts';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadedDataDir } from '../../test/support/services.ts';
import { onePercent } from '../ingest/one-percent.ts';
const root = path.resolve(process.argv[2] ?? REPO_ROOT);
const dir = await loadedDataDir();
const upd = path.join(dir, 'sdn-1pct.csv');
fs.writeFileSync(upd, onePercent(fs.readFileSync(OFFICIAL.ofacCsv, 'latin1'), 3).text, 'latin1');
const env = { ...process.env, ROOM39_DATA: dir, DATABASE_URL: '', ROOM39_LIST_URL_OFAC: '', ROOM39_LIST_URL_UN: '', ROOM39_LIST_URL_UK: '', ROOM39_LIST_URL_EU: '' };
const srv = spawn(process.execPath, ['bin/room39.js', 'serve', '--port', '3997', '--update-every', '0'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
const serverLog = process.env.SERVER_LOG ? fs.createWriteStream(process.env.SERVER_LOG) : null; srv.stderr.on('data', (d) => serverLog?.write(d)); srv.stdout.on('data', (d) => serverLog?.write(d));
for (let i = 0; i < 200; i++) { try { const r = await fetch('http://127.0.0.1:3997/readyz'); if (r.status === 200) break; } catch {} await sleep(500); }
let stop = false; let worst = 0; let n = 0;
const poll = (async () => { while (!stop) { const t = performance.now(); await (await fetch('http://127.0.0.1:3997/healthz')).text(); worst = Math.max(worst, performance.now() - t); n++; await sleep(50); } })();
const search = async (label: string) => {
  worst = 0; n = 0;
  const t = performance.now(); await (await fetch('http://127.0.0.1:3997/api/search?q=korea%20general%20corporation')).text();
  const ms = performance.now() - t; await sleep(300);
  console.log(`${label}: search ${ms.toFixed(0)} ms; /healthz meanwhile: ${n} answers, longest ${worst.toFixed(0)} ms`);
};
await sleep(500);
await search('first search');
await search('second search');
worst = 0; n = 0;
const t0 = performance.now();
// A search every 100 ms while the update runs: how long does one wait for the import's transaction?
let importing = true; let searchWorst = 0; let searches = 0;
const searching = (async () => { while (importing) { const t = performance.now(); await (await fetch('http://127.0.0.1:3997/api/search?q=mansudae')).text(); searchWorst = Math.max(searchWorst, performance.now() - t); searches++; if (process.env.TRACE) console.log(`  search at ${(t - t0).toFixed(0)} took ${(performance.now() - t).toFixed(0)} ms`); await sleep(100); } })();
await new Promise<void>((resolve, reject) => {
  const cmd = spawn(process.execPath, ['bin/room39.js', 'import', 'ofac-csv', upd, '--date', '2024-06-01'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  cmd.stdout.on('data', (d) => { if (process.env.TRACE) console.log(`  command output at ${(performance.now() - t0).toFixed(0)}: ${String(d).trim().slice(0, 60)}`); });
  cmd.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`room39 import exited ${code}`))));
});
const commandMs = performance.now() - t0;
importing = false; await searching;
console.log(`the 1 % update (room39 import through serve): ${commandMs.toFixed(0)} ms; /healthz meanwhile: ${n} answers, longest ${worst.toFixed(0)} ms; /api/search meanwhile: ${searches} answers, longest ${searchWorst.toFixed(0)} ms`);
await sleep(2000);
await search('search after a 1 % update');
stop = true; await poll;
srv.kill('SIGTERM'); await sleep(2000);
fs.rmSync(dir, { recursive: true, force: true });
