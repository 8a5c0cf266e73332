/** A loaded store for a test: a private copy of the suite's template data directory (see global-setup.ts), opened. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readSettings, type Settings } from '../../src/config/settings.ts';
import { openServices, type Services } from '../../src/services.ts';

export interface TestServices {
  services: Services;
  dataDir: string;
  dispose(): Promise<void>;
}

/** A data directory holding the whole bundle, private to the caller. */
export function loadedDataDir(): string {
  const template = process.env.ROOM39_TEST_TEMPLATE;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-store-'));
  if (template && fs.existsSync(path.join(template, '.complete'))) {
    fs.cpSync(template, dir, { recursive: true });
    fs.rmSync(path.join(dir, 'room39.lock'), { force: true });
    fs.rmSync(path.join(dir, 'serve.json'), { force: true });
  }
  return dir;
}

export async function openTestServices(overrides: Partial<Settings> = {}): Promise<TestServices> {
  const dataDir = loadedDataDir();
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
