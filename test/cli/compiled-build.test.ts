/**
 * The compiled build (scripts/build-cli.js → dist/): `room39` runs it only while it was made from the src/ that is
 * there now, file by file, and it answers exactly as the TypeScript sources do, worker threads and processes included.
 * The whole suite runs its commands and servers compiled (scripts/test.sh builds dist/ first); this file checks the
 * switch itself and compares the two ways on the real seed document and the bundled graph.
 */
import { execFileSync, fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { loadedDataDir } from '../support/services.ts';
import { extract } from '../../src/extract/extract.ts';
import { cli } from './local-server.ts';
import { compiledEntry, sourceListing, STAMP } from '../../bin/compiled-build.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-compiled-'));
const SEED = 'data/sources/seeds/004_44246f2efce558ec.txt';
const FROM_SOURCE = { ROOM39_FROM_SOURCE: '1' };
const isCurrent = () => compiledEntry(REPO_ROOT, {}) !== null;

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('which code a command runs', () => {
  /** A checkout of two source files with a "compiled" main stamped from them. */
  function fakeCheckout(): string {
    const root = fs.mkdtempSync(path.join(tmp, 'checkout-'));
    fs.mkdirSync(path.join(root, 'src/cli'), { recursive: true });
    fs.writeFileSync(path.join(root, 'src/cli/main.ts'), 'export {};\n');
    fs.writeFileSync(path.join(root, 'src/errors.ts'), 'export const e = 1;\n');
    fs.mkdirSync(path.join(root, 'dist/src/cli'), { recursive: true });
    fs.writeFileSync(path.join(root, 'dist/src/cli/main.js'), 'export {};\n');
    fs.writeFileSync(path.join(root, 'dist', STAMP), sourceListing(root));
    return root;
  }
  const entry = (root: string, env: NodeJS.ProcessEnv = {}) => compiledEntry(root, env);

  it('the compiled main while the sources are as they were built from', () => {
    expect(entry(fakeCheckout())).toMatch(/^file:\/\/.*\/dist\/src\/cli\/main\.js$/);
  });

  it('the sources as soon as a file is edited, touched, added or removed, or when asked to', () => {
    const edited = fakeCheckout();
    fs.writeFileSync(path.join(edited, 'src/errors.ts'), 'export const e = 2;\n');
    const touched = fakeCheckout();
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(path.join(touched, 'src/errors.ts'), later, later);
    const added = fakeCheckout();
    fs.writeFileSync(path.join(added, 'src/cli/new.ts'), 'export {};\n');
    const removed = fakeCheckout();
    fs.rmSync(path.join(removed, 'src/errors.ts'));
    const unstamped = fakeCheckout();
    fs.rmSync(path.join(unstamped, 'dist', STAMP));
    const noMain = fakeCheckout();
    fs.rmSync(path.join(noMain, 'dist/src/cli/main.js'));
    for (const root of [edited, touched, added, removed, unstamped, noMain]) expect(entry(root), root).toBeNull();
    expect(entry(fakeCheckout(), FROM_SOURCE)).toBeNull();
  });
});

describe('compiled and from the sources, the same answers', () => {
  let dir = '';

  beforeAll(async () => {
    // scripts/test.sh builds dist/ before the suite; a run of this file alone builds it here.
    if (!isCurrent()) execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts/build-cli.js')], { cwd: REPO_ROOT, stdio: 'inherit' });
    dir = await loadedDataDir();
  }, 600_000);
  afterAll(() => { if (dir) fs.rmSync(dir, { recursive: true, force: true }); });

  it('the build is current, so bin/room39.js runs it', () => {
    expect(isCurrent()).toBe(true);
    for (const f of ['src/cli/main.js', 'src/store/migrations/001_core.sql', 'src/screen/match-worker-bootstrap.mjs', 'src/ingest/documents/pool-bootstrap.mjs']) {
      expect(fs.existsSync(path.join(REPO_ROOT, 'dist', f)), f).toBe(true);
    }
  });

  it.each([
    ['search', ['search', 'Mansudae', '--json']],
    ['extract (the bundled graph read from the checkout, not from dist/)', ['extract', SEED, '--json']],
    ['estimate', ['estimate', '--year', '2017', '--seed', '1', '--draws', '500', '--json']],
  ])('%s', async (_name, args) => {
    const [compiled, source] = await Promise.all([cli(dir, args), cli(dir, args, { env: FROM_SOURCE })]);
    expect(compiled.code, compiled.stderr).toBe(0);
    expect(source.code, source.stderr).toBe(0);
    expect(compiled.stdout.length).toBeGreaterThan(100);
    expect(compiled.stdout).toBe(source.stdout);
  }, 300_000);

  it('the compiled workers load without tsx: a matching thread, and an extraction process that reads as the sources do', async () => {
    const dist = path.join(REPO_ROOT, 'dist/src');
    const thread = new Worker(path.join(dist, 'screen/match-worker-bootstrap.mjs'), { workerData: { entry: pathToFileURL(path.join(dist, 'screen/match-worker.js')).href } });
    try {
      const ready = new Promise<unknown>((resolve, reject) => { thread.once('message', resolve); thread.once('error', reject); });
      thread.postMessage({ type: 'init', entities: [], dates: new Map() });
      expect(await ready).toEqual({ type: 'ready' });
    } finally {
      await thread.terminate();
    }

    const text = fs.readFileSync(path.join(REPO_ROOT, SEED), 'utf8');
    const child = fork(path.join(dist, 'ingest/documents/pool-bootstrap.mjs'), [pathToFileURL(path.join(dist, 'ingest/documents/pool-worker.js')).href], {
      serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    try {
      const replies: { type: string; result?: { extraction: unknown } }[] = [];
      const done = new Promise<void>((resolve, reject) => {
        child.on('message', (m: { type: string }) => {
          replies.push(m);
          if (m.type === 'ready') child.send({ type: 'job', id: 1, job: { kind: 'extract', text, withResolver: false } });
          else resolve();
        });
        child.once('exit', (code) => reject(new Error(`worker exited ${code}: ${stderr}`)));
      });
      await done;
      expect(replies.map((r) => r.type), stderr).toEqual(['ready', 'done']);
      expect(replies[1]!.result!.extraction).toEqual(JSON.parse(JSON.stringify(await extract(text))));
    } finally {
      child.kill();
    }
  }, 300_000);
});
