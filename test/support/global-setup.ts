/**
 * Builds, once per suite run, a data directory filled from the whole bundle
 * (curated dataset and official lists), so tests that need a loaded store copy
 * it instead of importing the lists again. Kept between runs while the bundle
 * and the code that loads it are unchanged.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { REPO_ROOT, readSettings } from '../../src/config/settings.ts';
import { openServices } from '../../src/services.ts';

function hashTree(hash: ReturnType<typeof createHash>, dir: string): void {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) hashTree(hash, full);
    else hash.update(entry.name).update(fs.readFileSync(full));
  }
}

export function templateKey(): string {
  const hash = createHash('sha256');
  for (const dir of ['data', 'src/store', 'src/ingest', 'src/model', 'src/testimony', 'src/services.ts']) {
    const full = path.join(REPO_ROOT, dir);
    if (fs.existsSync(full) && fs.statSync(full).isFile()) hash.update(fs.readFileSync(full));
    else hashTree(hash, full);
  }
  return hash.digest('hex').slice(0, 16);
}

export default async function setup(): Promise<void> {
  const dir = path.join(os.tmpdir(), `room39-test-template-${templateKey()}`);
  const done = path.join(dir, '.complete');
  if (!fs.existsSync(done)) {
    fs.rmSync(dir, { recursive: true, force: true });
    const building = `${dir}.building-${process.pid}`;
    fs.rmSync(building, { recursive: true, force: true });
    const services = await openServices(readSettings({ dataDir: building, databaseUrl: null }));
    await services.close();
    fs.writeFileSync(path.join(building, '.complete'), new Date().toISOString());
    fs.rmSync(path.join(building, 'room39.lock'), { force: true });
    fs.renameSync(building, dir);
  }
  process.env.ROOM39_TEST_TEMPLATE = dir;
}
