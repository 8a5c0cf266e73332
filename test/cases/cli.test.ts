/**
 * `room39 case …` from the command line, with the `case alerts --json` contract of DESIGN.md: each command a child
 * process, through the `room39 serve` that holds the store (test/cli/local-socket-answers.test.ts checks that the
 * commands leave the same state either way).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadedDataDir } from '../support/services.ts';
import { UN_FILE, newerUnList } from './fixtures.ts';
import { cli, serve, type Served } from '../cli/local-server.ts';

let dataDir = '';
let work = '';
let server: Served | null = null;

const room39 = (...args: string[]) => cli(dataDir, args);

beforeAll(async () => {
  dataDir = await loadedDataDir();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-case-cli-'));
  server = await serve(dataDir);
}, 600_000);
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(work, { recursive: true, force: true });
});

describe('room39 case', () => {
  it('creates a case from a Windows-1252 semicolon file, records a decision, and gives the alerts of a newer UN list as the contract says', async () => {
    const file = path.join(work, 'suppliers.csv');
    fs.writeFileSync(file, Buffer.from('Supplier Name;Country of origin\r\nKorean Tangun Trading Corporation;KP\r\nSociété Générale;France\r\n', 'latin1'));
    const preview = await room39('case', 'preview', file, '--json');
    expect(preview.code, preview.stderr).toBe(0);
    expect(JSON.parse(preview.stdout)).toMatchObject({ rows: 2, info: { encoding: 'windows-1252', delimiter: 'semicolon' }, sample: [{ row: 1 }, { row: 2, input: { name: 'Société Générale', country: 'France' } }] });
    expect((await room39('import', 'un-xml', UN_FILE)).code).toBe(0);
    const created = await room39('case', 'create', 'CLI case', file, '--json');
    expect(created.code, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ case: { name: 'CLI case', row_count: 2, status: 'ready' }, rows_with_match: 1 });
    expect((await room39('case', 'create', 'CLI case', file)).stderr).toMatch(/exists already/);
    const decided = await room39('case', 'decide', 'CLI case', '1', 'unsc-kpe-008', 'confirmed', '--reason', 'Same company', '--json');
    expect(decided.code, decided.stderr).toBe(0);
    expect((await room39('case', 'decide', 'CLI case', '1', 'unsc-kpe-008', 'maybe', '--reason', 'x')).stderr).toMatch(/--decision: must be one of/);

    const newer = newerUnList({ date: '2026-03-06', remove: 'KPe.008', aliasTo: 'KPe.007', alias: 'GBAE TEST ALIAS' });
    expect((await room39('import', 'un-xml', newer)).code).toBe(0);
    const alerts = await room39('case', 'alerts', 'CLI case', '--json');
    expect(alerts.code, alerts.stderr).toBe(0);
    const body = JSON.parse(alerts.stdout) as { alerts: Record<string, unknown>[] };
    expect(body.alerts).toHaveLength(1);
    // The loaded store holds OFAC and UN: KPe.008's UN entry was its last designation, so it is `delisted`
    // (test/cases/rescreen.test.ts covers `changed` when the UK list still names it).
    expect(body.alerts[0]).toMatchObject({ row: 1, entity_id: 'unsc-kpe-008', change: 'delisted', list: 'un_sc_sanctions', version: '2026-03-06' });
    for (const k of ['row', 'entity_id', 'caption', 'change', 'list', 'version', 'at']) expect(body.alerts[0]).toHaveProperty(k);

    const pdf = path.join(work, 'report.pdf');
    const report = await room39('case', 'report', 'CLI case', '--out', pdf, '--json');
    expect(report.code, report.stderr).toBe(0);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(JSON.parse(report.stdout).sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await room39('case', 'alerts', 'No such case')).code).toBe(3);
    fs.rmSync(path.dirname(newer), { recursive: true, force: true });
  }, 900_000);
});
