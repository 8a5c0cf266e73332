/**
 * Directories built once per test run and copied by every test that needs one
 * (the loaded store in services.ts, the empty migrated PGlite store in db.ts).
 * Each lives under the run's temporary directory, named by a hash of what it
 * is built from; concurrent test processes wait for the one that builds it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { REPO_ROOT } from '../../src/config/settings.ts';

function hashTree(hash: ReturnType<typeof createHash>, full: string): void {
  if (!fs.existsSync(full)) return;
  if (fs.statSync(full).isFile()) {
    hash.update(full).update(fs.readFileSync(full));
    return;
  }
  for (const name of fs.readdirSync(full).sort()) hashTree(hash, path.join(full, name));
}

/** The template's directory: `name` and a hash of the files and folders it is built from (repository paths or absolute). */
export function templateDir(name: string, builtFrom: string[]): string {
  const hash = createHash('sha256');
  for (const part of builtFrom) hashTree(hash, path.isAbsolute(part) ? part : path.join(REPO_ROOT, part));
  return path.join(os.tmpdir(), `${name}-${hash.digest('hex').slice(0, 16)}`);
}

/** The template at `dir`, built by `build(dir)` if it is not there yet (one process builds, the others wait for it). */
export async function ensureTemplateDir(dir: string, build: (dir: string) => Promise<void>): Promise<string> {
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
      await build(dir);
      fs.writeFileSync(complete, new Date().toISOString());
      return dir;
    } finally {
      fs.closeSync(fd);
      fs.rmSync(lock, { force: true });
    }
  }
}

/** A private copy of a template, without the files a store writes while it is open (its lock, a server's address). */
export function copyTemplate(template: string, prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.cpSync(template, dir, { recursive: true });
  for (const f of ['room39.lock', 'serve.json', '.complete']) fs.rmSync(path.join(dir, f), { force: true });
  return dir;
}
