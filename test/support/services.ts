/**
 * A loaded store for a test. The first test that needs one builds a data
 * directory holding the curated dataset (first start) and the real official
 * lists (OFAC CSV, UN XML; the UK summary ODS is imported by the tests that need it), imported from ../shared/data/official (test/support/official.ts;
 * the repository ships no list file) as a template; every test then works on a private copy of it instead of
 * importing the lists again, with the screening and search indexes built from them kept beside it. The template is kept (in the temporary directory; scripts/test.sh gives each run its own) while the
 * bundle, the official files and the code that loads them are unchanged; concurrent test processes
 * wait for the one that builds it.
 */
import fs from 'node:fs';
import { readSettings, type Settings } from '../../src/config/settings.ts';
import { openServices, type Services } from '../../src/services.ts';
import { importListFile } from '../../src/ingest/lists/import.ts';
import { screeningService } from '../../src/screen/service.ts';
import { searchEntities } from '../../src/store/search.ts';
import { officialListFiles } from './official.ts';
import { copyTemplate, ensureTemplateDir, templateDir } from './template.ts';

function loadedTemplateDir(): string {
  const lists = officialListFiles().map((l) => l.file);
  // All of src/: the snapshots of the indexes it carries are of the code that wrote them (src/store/snapshot-file.ts).
  return templateDir('room39-test-template', ['data', 'src', ...lists]);
}

/** Builds the loaded store template now if it is not built yet (scripts/test.sh starts it while the types are checked), and returns its directory. */
export function ensureTemplate(): Promise<string> {
  return ensureTemplateDir(loadedTemplateDir(), async (dir) => {
    const services = await openServices(readSettings({ dataDir: dir, databaseUrl: null }));
    try {
      for (const list of officialListFiles()) await importListFile(services.db, list);
      // The screening and search indexes, kept in the template as snapshots (src/store/snapshot-file.ts; written before the
      // store closes): every copy reads it back instead of building it, until a test changes what it is built from.
      await screeningService(services.db);
      await searchEntities(services.db, 'Mansudae');
    } finally {
      await services.close();
    }
  });
}

/** A data directory holding the curated dataset and the official lists, private to the caller. */
export async function loadedDataDir(): Promise<string> {
  return copyTemplate(await ensureTemplate(), 'room39-store-');
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
