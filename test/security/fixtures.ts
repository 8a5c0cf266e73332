/** Synthetic list versions for the security tests, written through the real list-import core (importVersion). */
import { createHash } from 'node:crypto';
import type { Statement } from '../../src/model/index.ts';
import { importVersion, sourceIdOf, type ImportRecord, type VersionInfo } from '../../src/ingest/lists/versioned-import.ts';
import { statementId } from '../../src/store/statements.ts';
import { LIST_RECORDER } from '../../src/ingest/lists/entry-statements.ts';
import type { Db } from '../../src/store/db.ts';

export const TEST_DATASET = 'test_security_list';

export function versionInfo(version: string, dataset = TEST_DATASET): VersionInfo {
  return {
    dataset, format: 'synthetic', version, sha256: createHash('sha256').update(`${dataset}${version}`).digest('hex'), file: null,
    title: 'Security test list', publisher: 'room39 tests', url: null, kind: 'sanctions_list',
  };
}

export function entryRecord(entryId: string, name: string, version: string, dataset = TEST_DATASET): ImportRecord {
  const entityId = `${dataset}-${entryId}`;
  const sourceId = sourceIdOf(dataset, version);
  const st = (prop: string, value: string): Statement => {
    const base = { entityId, prop, value, sourceId, quoteStart: null };
    return {
      id: statementId(base), entityId, schema: 'Person', prop, value, originalValue: null, dataset, sourceId, quote: null,
      quoteStart: null, quoteEnd: null, page: null, reliability: 'A1', firstSeen: version, lastSeen: version,
      recordedBy: LIST_RECORDER, reviewStatus: 'accepted',
    };
  };
  return {
    entryId, entityId, schema: 'Person', caption: name, dprk: true, hash: createHash('sha1').update(name).digest('hex'),
    snapshot: { name }, statements: [st('name', name), st('nationality', 'kp'), st('notes', `entry ${entryId}`)],
  };
}

export async function* records(count: number, version: string, opts: { nameOf?: (i: number) => string; onYield?: (i: number) => Promise<void> | void } = {}): AsyncGenerator<ImportRecord> {
  for (let i = 0; i < count; i++) {
    await opts.onYield?.(i);
    yield entryRecord(`e${i}`, opts.nameOf?.(i) ?? `Synthetic Person ${i}`, version);
  }
}

export async function importSynthetic(db: Db, version: string, count: number, nameOf?: (i: number) => string) {
  return importVersion(db, () => versionInfo(version), records(count, version, { nameOf }));
}
