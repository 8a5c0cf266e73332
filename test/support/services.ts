/**
 * A loaded store for a test. The first test that needs one builds a data
 * directory holding the curated dataset (first start) and the real official
 * lists (OFAC CSV, UN XML; the UK summary ODS is imported by the tests that need it), imported from ../shared/data/official (test/support/official.ts;
 * the repository ships no list file) as a template; every test then works on a private copy of it instead of
 * importing the lists again. The template is kept between runs while the
 * bundle, the official files and the code that loads them are unchanged; concurrent test processes
 * wait for the one that builds it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { REPO_ROOT, readSettings, type Settings } from '../../src/config/settings.ts';
import { openServices, type Services } from '../../src/services.ts';
import { importListFile } from '../../src/ingest/lists/import.ts';
import { officialListFiles } from './official.ts';

function hashTree(hash: ReturnType<typeof createHash>, full: string): void {
  if (!fs.existsSync(full)) return;
  if (fs.statSync(full).isFile()) {
    hash.update(full).update(fs.readFileSync(full));
    return;
  }
  for (const name of fs.readdirSync(full).sort()) hashTree(hash, path.join(full, name));
}

function templateDir(): string {
  const hash = createHash('sha256');
  for (const part of ['data', 'src/store', 'src/ingest', 'src/resolve', 'src/model', 'src/services.ts']) hashTree(hash, path.join(REPO_ROOT, part));
  for (const list of officialListFiles()) hashTree(hash, list.file);
  return path.join(os.tmpdir(), `room39-test-template-${hash.digest('hex').slice(0, 16)}`);
}

async function ensureTemplate(): Promise<string> {
  const dir = templateDir();
  const complete = path.join(dir, '.complete');
  const lock = `${dir}.lock`;
  for (;;) {
    if (fs.existsSync(complete)) return dir;
    let fd: number;
    try {
      fd = fs.openSync(lock, 'wx');
    } catch {
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 15 * 60_000) fs.rmSync(lock, { force: true });
      await sleep(1000);
      continue;
    }
    try {
      fs.rmSync(dir, { recursive: true, force: true });
      const services = await openServices(readSettings({ dataDir: dir, databaseUrl: null }));
      try {
        for (const list of officialListFiles()) await importListFile(services.db, list);
      } finally {
        await services.close();
      }
      fs.writeFileSync(complete, new Date().toISOString());
      return dir;
    } finally {
      fs.closeSync(fd);
      fs.rmSync(lock, { force: true });
    }
  }
}

/** A data directory holding the curated dataset and the official lists, private to the caller. */
export async function loadedDataDir(): Promise<string> {
  const template = await ensureTemplate();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-store-'));
  fs.cpSync(template, dir, { recursive: true });
  for (const f of ['room39.lock', 'serve.json', '.complete']) fs.rmSync(path.join(dir, f), { force: true });
  return dir;
}

export interface TestServices {
  services: Services;
  dataDir: string;
  dispose(): Promise<void>;
}

export async function openTestServices(overrides: Partial<Settings> = {}): Promise<TestServices> {
  const dataDir = await loadedDataDir();
  const services = await openServices(readSettings({ dataDir, databaseUrl: null, ...overrides }));
  return {
    services,
    dataDir,
    async dispose() {
      await services.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
