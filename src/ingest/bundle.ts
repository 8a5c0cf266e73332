/**
 * First start: fills an empty store from the bundled dataset (curated facts
 * from the seed documents). A later start reloads the curated part only when
 * its files changed. Each part is written in one transaction: all of it, or
 * nothing. No official list ships with room39: `room39 lists update` (and the
 * schedule in `room39 serve`) fetch them from their publishers.
 */
import path from 'node:path';
import type { Db, Queryable } from '../store/db.ts';
import { quickFingerprint, readDataset, toGraphRecords, type GraphRecords } from './dataset/read.ts';
import { upsertSource, writeDeployments, writeFigures, writeStatements, writeTipRatings } from '../store/statements.ts';
import { refreshEntities } from '../store/entities.ts';
import type { Keyring } from '../testimony/keyring.ts';
import { storeCuratedTestimonies } from '../testimony/store.ts';

export interface BundleReport {
  curated: 'loaded' | 'current';
  entities: number;
  statements: number;
  figures: number;
  lists: { name: string; status: string }[];
  /**
   * The curated testimonies: stored encrypted when a testimony key is
   * configured; skipped (never stored in plain text) when none is.
   */
  testimonies: { status: 'loaded' | 'current' | 'skipped_no_key'; count: number };
}

export interface LoadBundleOptions {
  /** The testimony keyring; without one, the curated testimonies are skipped. */
  keyring?: Keyring | null;
}

export type ProgressReporter = (message: string) => void;

async function storedFingerprint(q: Queryable, name: string): Promise<string | null> {
  const rows = await q.query<{ fingerprint: string }>('SELECT fingerprint FROM bundle_state WHERE name = $1', [name]);
  return rows[0]?.fingerprint ?? null;
}

async function recordFingerprint(q: Queryable, name: string, fingerprint: string): Promise<void> {
  await q.query(
    `INSERT INTO bundle_state (name, fingerprint, loaded_at) VALUES ($1, $2, now())
     ON CONFLICT (name) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, loaded_at = now()`,
    [name, fingerprint],
  );
}

/** Writes the curated records, replacing what earlier versions of the same sources said. */
export async function writeCuratedRecords(q: Queryable, records: GraphRecords): Promise<string[]> {
  const sourceIds = records.sources.map((s) => s.source.id);
  const previous = await q.query<{ entity_id: string }>('SELECT DISTINCT entity_id FROM statements WHERE source_id = ANY($1::text[])', [sourceIds]);
  await q.query(`DELETE FROM statements WHERE source_id = ANY($1::text[]) AND recorded_by = 'room39-curation'`, [sourceIds]);
  await q.query(`DELETE FROM figures WHERE source_id = ANY($1::text[]) AND recorded_by = 'room39-curation'`, [sourceIds]);
  await q.query('DELETE FROM tip_ratings WHERE source_id = ANY($1::text[])', [sourceIds]);
  await q.query('DELETE FROM deployments WHERE source_id = ANY($1::text[])', [sourceIds]);
  for (const s of records.sources) await upsertSource(q, s.source, s.body, s.note);
  await writeStatements(q, records.statements);
  await writeFigures(q, records.figures);
  await writeTipRatings(q, records.tipRatings);
  await writeDeployments(q, records.deployments);
  const touched = [...previous.map((r) => r.entity_id), ...records.statements.map((s) => s.entityId),
    ...records.deployments.flatMap((d) => [d.senderId, d.employerId].filter((x): x is string => !!x))];
  await refreshEntities(q, touched);
  return [...new Set(touched)];
}

const skippedTestimonies = (count: number): BundleReport['lists'] => count
  ? [{ name: 'testimonies', status: `skipped ${count}: no testimony key configured (set ROOM39_KEY_FILE; see docs/security.md); never stored in plain text` }]
  : [];

export async function loadBundle(db: Db, bundleRoot: string, progress: ProgressReporter = () => undefined, options: LoadBundleOptions = {}): Promise<BundleReport> {
  const dir = path.join(bundleRoot, 'data/dataset');
  // A store whose curated part (and testimonies, with a key) is current: nothing to parse.
  const quick = quickFingerprint(dir, bundleRoot);
  if (quick && (await storedFingerprint(db, 'curated')) === quick.fingerprint && (!options.keyring || (await storedFingerprint(db, 'testimonies')) === quick.fingerprint)) {
    return {
      curated: 'current', entities: 0, statements: 0, figures: 0,
      lists: options.keyring ? [] : skippedTestimonies(quick.testimonies),
      testimonies: { status: options.keyring ? 'current' : 'skipped_no_key', count: quick.testimonies },
    };
  }
  const dataset = readDataset(dir, bundleRoot);
  const report: BundleReport = { curated: 'current', entities: 0, statements: 0, figures: 0, lists: [], testimonies: { status: 'current', count: dataset.testimonies.length } };
  if ((await storedFingerprint(db, 'curated')) !== dataset.fingerprint) {
    progress('Loading the curated dataset from the seed documents…');
    const records = toGraphRecords(dataset, new Date().toISOString().slice(0, 10));
    await db.transaction(async (tx) => {
      const touched = await writeCuratedRecords(tx, records);
      report.entities = touched.length;
      await recordFingerprint(tx, 'curated', dataset.fingerprint);
    });
    report.curated = 'loaded';
    report.statements = records.statements.length;
    report.figures = records.figures.length;
  }
  // Testimonies are protected: encrypted with the configured key, or not stored at all.
  if (!options.keyring) {
    report.testimonies = { status: 'skipped_no_key', count: dataset.testimonies.length };
    report.lists.push(...skippedTestimonies(dataset.testimonies.length));
  } else if ((await storedFingerprint(db, 'testimonies')) !== dataset.fingerprint) {
    const keyring = options.keyring;
    progress('Storing the curated testimonies, encrypted…');
    const count = await db.transaction(async (tx) => {
      const n = await storeCuratedTestimonies(tx, keyring, dataset.testimonies.map((t) => ({ ...t.record })));
      await recordFingerprint(tx, 'testimonies', dataset.fingerprint);
      return n;
    });
    report.testimonies = { status: 'loaded', count };
    report.lists.push({ name: 'testimonies', status: `stored ${count}, encrypted with key ${keyring.current.id}` });
  }
  return report;
}
