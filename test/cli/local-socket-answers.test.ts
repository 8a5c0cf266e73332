/**
 * Issue 12, "same answers either way": with `room39 serve` holding the data
 * directory, every command works through its local socket; the read commands
 * print byte-identical JSON through the server and on an unheld directory,
 * and the writing commands leave the same state (run on two copies of one
 * store, one served and one not, then compared table by table).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { commands } from '../../src/cli/commands/index.ts';
import { loadedDataDir } from '../support/services.ts';
import { cli, serve, type CliRun, type Served } from './local-server.ts';
import { storeState, withoutActions } from './store-state.ts';
import { startPublisher } from '../ingest/publisher.ts';

/** The official UN list (never in the repository): ../shared/data/official from the repository root (one level higher from a worktree), or ROOM39_OFFICIAL. */
const UN_OFFICIAL = [process.env.ROOM39_OFFICIAL, path.join(REPO_ROOT, '../shared/data/official'), path.join(REPO_ROOT, '../../shared/data/official')]
  .filter((d): d is string => !!d).map((d) => path.join(d, 'un/consolidated.xml')).find((f) => fs.existsSync(f)) ?? path.join(REPO_ROOT, '../shared/data/official/un/consolidated.xml');
const SEED = 'data/sources/seeds/004_44246f2efce558ec.txt';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-socket-'));
const dirs: string[] = [];
let server: Served | null = null;

afterAll(async () => {
  await server?.stop();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  fs.rmSync(tmp, { recursive: true, force: true });
});

const ok = (r: CliRun, what: string) => expect(r.code, `${what}\n${r.stderr}`).toBe(0);

describe('read commands: byte-identical JSON through the server and on an unheld directory', () => {
  const READS: string[][] = [
    ['search', 'Mansudae', '--json'],
    ['search', 'Kim Won Hong', '--schema', 'Person', '--limit', '5', '--json'],
    ['entity', 'r39-kim-won-hong', '--json'],
    ['estimate', '--year', '2017', '--seed', '1', '--draws', '2000', '--json'],
    ['estimate', '--year', '2017', '--seed', '1', '--draws', '2000', '--exclude', 'RU,CN', '--json'],
    ['diff', '--initial', '--dataset', 'un_sc_sanctions', '--limit', '40', '--json'],
    ['extract', SEED, '--json'],
    ['screen', 'data/examples/suppliers.csv', '--json'],
    // Added by issue 13; the channel needs nothing of its own for it.
    ...(commands.some((c) => c.name === 'lists') ? [['lists', 'status', '--json']] : []),
  ];
  let dir = '';
  const served: CliRun[] = [];

  beforeAll(async () => {
    dir = await loadedDataDir();
    dirs.push(dir);
    server = await serve(dir);
    // All at once: the server takes several commands together.
    served.push(...(await Promise.all(READS.map((args) => cli(dir, args)))));
    await server.stop();
    server = null;
  }, 900_000);

  it('every read command ran through the server, recorded with the OS user', async () => {
    READS.forEach((args, i) => ok(served[i]!, args.join(' ')));
    const audit = await cli(dir, ['audit', 'list', '--action', 'cli.command', '--limit', '100', '--json']);
    ok(audit, 'audit list');
    const records = (JSON.parse(audit.stdout) as { records: { actor: string; meta: { argv: string[]; via: string } }[] }).records;
    expect(records.map((r) => r.meta.argv.slice(0, -2).join(' ')).sort()).toEqual(READS.map((a) => a.join(' ')).sort());
    for (const r of records) expect(r).toMatchObject({ actor: `cli:${os.userInfo().username}`, meta: { via: 'local socket' } });
  }, 300_000);

  it.each(READS.map((args, i) => [args.join(' '), i] as const))('%s', async (_name, i) => {
    const direct = await cli(dir, READS[i]!);
    ok(direct, READS[i]!.join(' '));
    expect(served[i]!.stdout.length).toBeGreaterThan(20);
    expect(served[i]!.stdout).toBe(direct.stdout);
  }, 300_000);
});

/** A third version: the second with one more entity delisted, dated 2026-04-01. */
function unThirdVersion(second: string): string {
  let xml = fs.readFileSync(second, 'utf8').replace(/dateGenerated="[^"]+"/, 'dateGenerated="2026-04-01T00:00:00.000Z"');
  const ref = xml.indexOf('<REFERENCE_NUMBER>KPe.002</REFERENCE_NUMBER>');
  xml = xml.slice(0, xml.lastIndexOf('<ENTITY>', ref)) + xml.slice(xml.indexOf('</ENTITY>', ref) + '</ENTITY>'.length);
  const file = path.join(tmp, 'un-consolidated-v3.xml');
  fs.writeFileSync(file, xml);
  return file;
}

/** A second version of the official UN list: one entity delisted, one alias added, one individual listed. */
function unSecondVersion(): string {
  let xml = fs.readFileSync(UN_OFFICIAL, 'utf8').replace(/dateGenerated="[^"]+"/, 'dateGenerated="2026-03-15T00:00:00.000Z"');
  const ref = xml.indexOf('<REFERENCE_NUMBER>KPe.001</REFERENCE_NUMBER>');
  xml = xml.slice(0, xml.lastIndexOf('<ENTITY>', ref)) + xml.slice(xml.indexOf('</ENTITY>', ref) + '</ENTITY>'.length);
  const r2 = xml.indexOf('<REFERENCE_NUMBER>KPi.002</REFERENCE_NUMBER>');
  const s2 = xml.lastIndexOf('<INDIVIDUAL>', r2);
  const e2 = xml.indexOf('</INDIVIDUAL>', r2) + '</INDIVIDUAL>'.length;
  const copy = xml.slice(s2, e2).replace('KPi.002', 'KPi.999').replace(/<FIRST_NAME>[^<]*<\/FIRST_NAME>/, '<FIRST_NAME>PAK</FIRST_NAME>');
  xml = xml.slice(0, e2) + '\n    ' + copy + xml.slice(e2);
  const file = path.join(tmp, 'un-consolidated-v2.xml');
  fs.writeFileSync(file, xml);
  return file;
}

describe('writing commands leave the same state through the server and on an unheld directory', () => {
  let served = '';
  let direct = '';
  const env: Record<string, string> = {};
  /** Runs one command on both stores at once: through the server on one, opening the directory on the other. */
  const both = async (args: (dir: string) => string[], input?: string) => {
    const [a, b] = await Promise.all([cli(served, args(served), { env, input }), cli(direct, args(direct), { env, input })]);
    ok(a, `through the server: ${args(served).join(' ')}`);
    ok(b, `unheld: ${args(direct).join(' ')}`);
    return [a, b] as const;
  };

  beforeAll(async () => {
    served = await loadedDataDir();
    direct = await loadedDataDir();
    dirs.push(served, direct);
    const k1 = path.join(tmp, 'k1.key');
    ok(await cli(served, ['keys', 'generate', '--out', k1]), 'keys generate');
    env.ROOM39_KEY_FILE = k1;
    server = await serve(served, env);
  }, 900_000);

  it('import, user, review, testimony, keys and export', async () => {
    const v2 = unSecondVersion();
    const [imported] = await both(() => ['import', 'un-xml', v2, '--date', '2026-03-15', '--json']);
    expect(JSON.parse(imported.stdout)).toMatchObject({ dataset: 'un_sc_sanctions', version: '2026-03-15', added: 1, removed: 1 });
    await both(() => ['user', 'add', 'bob', '--role', 'editor', '--password-stdin'], 'a long enough password\n');
    await both(() => ['user', 'role', 'bob', 'analyst']);
    await both(() => ['user', 'token', 'bob', '--label', 'ci']);
    await both(() => ['extract', SEED, '--save', '--submitted-by', 'tester', '--json']);
    const [pending] = await both(() => ['review', 'list', '--kind', 'figure', '--limit', '1', '--json']);
    const item = (JSON.parse(pending.stdout) as { items: { id: string }[] }).items[0]!.id;
    await both(() => ['review', 'accept', item, '--reviewer', 'rita', '--reliability', 'B2', '--json']);
    const testimony = path.join(tmp, 'testimony.json');
    fs.writeFileSync(testimony, JSON.stringify({
      id: 'tm-socket-test', pseudonym: 'Witness S', narrative: 'A narrative for the socket test.', interview_date: '2019-05',
      linked_entities: ['r39-kim-won-hong'], consent: 'restricted',
    }));
    await both(() => ['testimony', 'add', '--file', testimony, '--json']);
    const [shown] = await both(() => ['testimony', 'show', 'tm-socket-test', '--json']);
    expect(shown.stdout).toContain('Witness S');
    const k2 = path.join(tmp, 'k2.key');
    ok(await cli(served, ['keys', 'generate', '--out', k2]), 'keys generate');
    await both(() => ['keys', 'rotate', '--new-key-file', k2, '--json']);
    // A list update runs in the server, with the command's own list settings (the server's point at the real publishers).
    const publisher = await startPublisher();
    try {
      publisher.serve('un.xml', unThirdVersion(v2), new Date('2026-04-01T08:00:00Z'));
      Object.assign(env, { ROOM39_LIST_URL_UN: publisher.url('ok', 'un.xml'), ROOM39_LIST_URL_OFAC: '', ROOM39_LIST_URL_UK: '', ROOM39_LIST_URL_EU: '' });
      const [updated, updatedDirect] = await both(() => ['lists', 'update', '--list', 'un', '--json']);
      const first = JSON.parse(updated.stdout) as { lists: { list: string; status: string; version: string; added: number }[] };
      expect(first.lists).toEqual([expect.objectContaining({ list: 'un_sc_sanctions', status: 'fetched', version: '2026-04-01', added: 0, removed: 1 })]);
      expect(updated.stdout).toBe(updatedDirect.stdout);
      expect(updated.stderr).toMatch(/un_sc_sanctions: checking http:\/\/127\.0\.0\.1/);
      const [again] = await both(() => ['lists', 'update', '--list', 'un', '--json']);
      expect(JSON.parse(again.stdout)).toMatchObject({ lists: [{ list: 'un_sc_sanctions', status: 'not_modified' }] });
      expect(publisher.requests.map((r) => r.status).sort()).toEqual([200, 200, 304, 304]);
    } finally {
      for (const k of ['ROOM39_LIST_URL_UN', 'ROOM39_LIST_URL_OFAC', 'ROOM39_LIST_URL_UK', 'ROOM39_LIST_URL_EU']) delete env[k];
      await publisher.close();
    }
    expect(server!.output()).toMatch(/running the update of un for cli:\S+/);
    expect(server!.output()).toMatch(/running the import of \S+un-consolidated-v2\.xml for cli:\S+/);

    const [exported, exportedDirect] = await both((dir) => ['export', 'ftm', '--out', path.join(dir, 'out.ftm.json'), '--json']);
    expect(JSON.parse(exported.stdout).entities).toBe(JSON.parse(exportedDirect.stdout).entities);
    const digest = (dir: string) => createHash('sha256').update(fs.readFileSync(path.join(dir, 'out.ftm.json'))).digest('hex');
    expect(digest(served)).toBe(digest(direct));

    await server!.stop();
    server = null;
    const whole = await storeState(served);
    const [a, b] = [withoutActions(whole, ['cli.command']), await storeState(direct)];
    expect(a.tables.list_versions!.rows).toBe(4);
    expect(a.tables.testimonies!.rows).toBeGreaterThan(0);
    expect(a.tables).toEqual(b.tables);
    expect(a.audit).toEqual(b.audit);
    // Every command that went through the socket is in the served store's audit trail (and none in the other's).
    const commandsRecorded = whole.audit.length - a.audit.length;
    expect(commandsRecorded).toBe(13);
  }, 1_800_000);
});
