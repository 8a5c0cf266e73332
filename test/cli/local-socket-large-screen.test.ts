/**
 * Issue 12, point 4: a screening through the server's local socket is not
 * capped at the HTTP API's 10,000 rows. A file of 12,500 rows (the bundled
 * suppliers again and again, with distinct names between them) is screened
 * through a running `room39 serve`: every row comes out once, in order, in
 * the JSON and in the CSV; a supplier that comes back gets the answer it got
 * the first time; and the same file screened on the unheld directory prints
 * byte-identical JSON; so does the server screening the rows itself once it
 * holds its own index. (Memory is measured in bench/cli/screen-million.ts.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { API_MAX_ROWS } from '../../src/server/routes/screen.ts';
import { loadedDataDir } from '../support/services.ts';
import { cli, serve, type CliRun, type Served } from './local-server.ts';

const ROWS = 12_500;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-large-screen-'));
let dir = '';
let server: Served | null = null;
let served: CliRun;
let byServer: CliRun;
let serverLog = '';
const file = path.join(tmp, 'suppliers-large.csv');
const outCsv = path.join(tmp, 'out.csv');

interface Row { row: number; input: { name?: string }; matches: { id: string; score: number; match: boolean }[] }

beforeAll(async () => {
  const [header, ...suppliers] = fs.readFileSync(path.join(REPO_ROOT, 'data/examples/suppliers.csv'), 'utf8').trim().split('\n');
  const lines = [header!];
  // The bundled suppliers every third row; between them, names nobody lists (each once).
  for (let i = 0; i < ROWS; i++) lines.push(i % 3 === 0 ? suppliers[(i / 3) % suppliers.length]! : `Harbour ${i} Packaging Co Ltd,Company,CN,,`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  dir = await loadedDataDir();
  server = await serve(dir);
  served = await cli(dir, ['screen', file, '--json', '--out-csv', outCsv]);
  // Once the server holds its own screening index (the web app or /match built it), it screens a command's rows.
  const url = /serving (http:\/\/\S+)/.exec(server.output())![1]!;
  const api = await fetch(`${url}/api/screen`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rows: [{ name: 'Kim Won Hong' }] }) });
  expect(api.status).toBe(200);
  byServer = await cli(dir, ['screen', file, '--json']);
  serverLog = server.output();
  await server.stop();
  server = null;
}, 900_000);

afterAll(async () => {
  await server?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('screening a file larger than the HTTP cap through room39 serve', () => {
  it('ran through the server and wrote one JSON row per input row, in order', () => {
    expect(ROWS).toBeGreaterThan(API_MAX_ROWS);
    expect(served.code, served.stderr).toBe(0);
    expect(serverLog).toMatch(/local command from cli:\S+ \(pid \d+\): screen/);
    const doc = JSON.parse(served.stdout) as { rows: Row[]; summary: { rows: number; rowsWithMatch: number } };
    expect(doc.rows).toHaveLength(ROWS);
    expect(doc.rows.map((r) => r.row)).toEqual(Array.from({ length: ROWS }, (_, i) => i + 1));
    expect(doc.summary.rows).toBe(ROWS);
    // Kim Won Hong (row 1) and KOMID are on the bundled lists: found each time they come back.
    expect(doc.summary.rowsWithMatch).toBeGreaterThan(ROWS / 3 / 18);
    const first = new Map<string, Row['matches']>();
    let repeats = 0;
    for (const r of doc.rows) {
      const key = JSON.stringify(r.input);
      const seen = first.get(key);
      if (seen) { expect(r.matches).toEqual(seen); repeats++; } else first.set(key, r.matches);
    }
    expect(repeats).toBeGreaterThan(4000);
    expect(doc.rows[0]!.matches[0]).toMatchObject({ match: true });
  });

  it('wrote every row to the CSV report too', () => {
    const records = parse(fs.readFileSync(outCsv, 'utf8'), { columns: true, comment: '#' }) as { row: string }[];
    expect(new Set(records.map((r) => Number(r.row))).size).toBe(ROWS);
    expect(Number(records.at(-1)!.row)).toBe(ROWS);
  });

  it('is screened by the server once it holds its index, with byte-identical JSON', () => {
    expect(served.stderr).not.toMatch(/the running room39 serve screens the rows/);
    expect(byServer.code, byServer.stderr).toBe(0);
    expect(byServer.stderr).toMatch(/the running room39 serve screens the rows, against the index it holds \(\d+ entities\)/);
    expect(byServer.stdout).toBe(served.stdout);
  });

  it('prints byte-identical JSON on the unheld directory', async () => {
    const direct = await cli(dir, ['screen', file, '--json']);
    expect(direct.code, direct.stderr).toBe(0);
    expect(direct.stdout).toBe(served.stdout);
  }, 600_000);
});
