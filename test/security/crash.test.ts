/**
 * Killed with SIGKILL in the middle of a list import and of a review batch,
 * the store comes back consistent on restart, holding all or none of each
 * transaction: no half-imported list version, no review decision without
 * its statements, no statements changed without their decision.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db.ts';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { loadedDataDir } from '../support/services.ts';
import { emptyPgliteDir } from '../support/db.ts';
import { readDocumentFile } from '../../src/ingest/documents/read.ts';
import { submitDocument } from '../../src/ingest/documents/service.ts';
import { verifyAudit } from '../../src/audit/log.ts';
import { importSynthetic, TEST_DATASET } from './fixtures.ts';

const CHILD = path.join(path.dirname(new URL(import.meta.url).pathname), 'crash-child.ts');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** Runs the child until it prints `waitFor`, then SIGKILLs it. Resolves with what it printed and how it ended. */
function killWhen(mode: string, dataDir: string, waitFor: RegExp): Promise<{ out: string; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, mode, dataDir], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`child never printed ${waitFor}:\n${out}`)); }, 150_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (waitFor.test(out) && child.exitCode === null) child.kill('SIGKILL');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (_code, signal) => { clearTimeout(timer); resolve({ out, signal }); });
  });
}

function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-crash-'));
  dirs.push(d);
  return d;
}

describe('SIGKILL mid-transaction', () => {
  it('a killed list import leaves nothing of its version; the next import is whole', async () => {
    const dir = tmp();
    await emptyPgliteDir(dir); // migrated before the child starts
    const { out, signal } = await killWhen('import', dir, /MIDWAY/);
    expect(signal).toBe('SIGKILL');
    expect(out).not.toContain('DONE');
    const db = await openDb({ dataDir: dir });
    const [r] = await db.query<{ v: number; e: number; s: number; c: number; src: number }>(
      `SELECT (SELECT count(*)::int FROM list_versions WHERE dataset = $1) AS v, (SELECT count(*)::int FROM list_entries WHERE dataset = $1) AS e,
              (SELECT count(*)::int FROM statements WHERE dataset = $1) AS s, (SELECT count(*)::int FROM list_changes WHERE dataset = $1) AS c,
              (SELECT count(*)::int FROM sources WHERE dataset = $1) AS src`, [TEST_DATASET]);
    expect(r).toEqual({ v: 0, e: 0, s: 0, c: 0, src: 0 });
    const counts = await importSynthetic(db, '2025-01-01', 300);
    expect(counts).toMatchObject({ status: 'imported', entries: 300, added: 300 });
    const [after] = await db.query<{ e: number; s: number }>(
      'SELECT (SELECT count(*)::int FROM list_entries WHERE dataset = $1) AS e, (SELECT count(*)::int FROM statements WHERE dataset = $1) AS s', [TEST_DATASET]);
    expect(after).toEqual({ e: 300, s: 900 });
    await db.close();
  });

  it('a killed review batch leaves every decision whole or absent', async () => {
    const dir = await loadedDataDir();
    dirs.push(dir);
    const setup = await openDb({ dataDir: dir });
    const doc = await readDocumentFile(path.join(REPO_ROOT, 'data/sources/seeds/003_013e44e156a0b3b0.txt'));
    await submitDocument(setup, doc, { submittedBy: 'test' });
    const [{ pending }] = (await setup.query<{ pending: number }>(`SELECT count(*)::int AS pending FROM review_items WHERE status = 'pending'`)) as [{ pending: number }];
    expect(pending).toBeGreaterThan(10);
    await setup.close();

    const { out, signal } = await killWhen('review', dir, /DECIDED 5\b/);
    expect(signal).toBe('SIGKILL');
    const db = await openDb({ dataDir: dir });
    const items = await db.query<{ id: string; status: string; statement_ids: string[]; figure_id: string | null; decisions: number }>(
      `SELECT i.id, i.status, i.statement_ids, i.figure_id, (SELECT count(*)::int FROM review_decisions d WHERE d.item_id = i.id) AS decisions FROM review_items i`);
    const decided = items.filter((i) => i.status !== 'pending');
    expect(decided.length).toBeGreaterThanOrEqual(5);
    expect(decided.length).toBeLessThan(items.length);
    expect(Number(/DECIDED (\d+)(?![\s\S]*DECIDED)/.exec(out)?.[1])).toBeLessThanOrEqual(decided.length);
    for (const item of items) {
      const wanted = item.status === 'pending' ? 'draft' : item.status;
      expect(item.decisions, item.id).toBe(item.status === 'pending' ? 0 : 1);
      if (item.statement_ids.length) {
        const sts = await db.query<{ review_status: string }>('SELECT review_status FROM statements WHERE id = ANY($1::text[])', [item.statement_ids]);
        expect(new Set(sts.map((s) => s.review_status)), item.id).toEqual(new Set([wanted]));
      }
      if (item.figure_id) {
        const [f] = await db.query<{ review_status: string }>('SELECT review_status FROM figures WHERE id = $1', [item.figure_id]);
        expect(f?.review_status, item.id).toBe(wanted);
      }
    }
    expect((await verifyAudit(db)).ok).toBe(true);
    await db.close();
  });
});
