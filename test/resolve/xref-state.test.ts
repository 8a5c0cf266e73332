/**
 * The review queue after a fresh import of the real OFAC and UN lists (the
 * bundle first, as a first start loads it). Imports do not run the
 * cross-reference job, so the queue is empty until someone runs it; it used
 * to say only "No open candidates", as if nothing needed a look. Now it says
 * the job has not run and what to run; once it has run, that the queue is
 * current; after a new list version (the UK list, imported through `room39
 * import`, which names the job too), which version the job has not seen.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices, type TestServices } from '../support/services.ts';
import { importCommand } from '../../src/cli/commands/import.ts';
import { resolveCommand } from '../../src/cli/commands/resolve.ts';
import type { CliCommand, CliContext, CommandResult } from '../../src/cli/command.ts';
import { openCandidates, resolutionStats, xrefState } from '../../src/resolve/index.ts';
import { OFAC_DATASET, UK_DATASET, UN_DATASET } from '../../src/ingest/lists/datasets.ts';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { OFFICIAL } from '../support/official.ts';

let t: TestServices;
beforeAll(async () => {
  t = await openTestServices();
}, 900_000);
afterAll(async () => t?.dispose());

/** A command run in this process on the test's store; its text. */
async function run(command: CliCommand, positionals: string[], values: Record<string, string | boolean> = {}): Promise<string> {
  const ctx = { args: { positionals, values }, json: false, settings: t.services.settings, services: async () => t.services, log: () => {} } as unknown as CliContext;
  return ((await command.run(ctx)) as CommandResult & { text: string }).text;
}

describe('the review queue says whether the cross-reference job has run', { timeout: 600_000 }, () => {
  it('after the lists are imported, the empty queue says the job has not run and what to run', async () => {
    const state = await xrefState(t.services.db);
    expect(state).toMatchObject({ state: 'never_run', ran_at: null });
    expect(state.lists_since.map((v) => v.list)).toEqual(expect.arrayContaining([OFAC_DATASET, UN_DATASET]));
    const queue = await openCandidates(t.services.db);
    expect(queue.total).toBe(0);
    expect(queue.xref.state).toBe('never_run');
    expect(await run(resolveCommand, ['candidates'])).toMatch(/^No open candidates\. The cross-reference job has not run on this store, so nothing has looked for records to review yet \(lists imported: .*us_ofac_sdn .*\): run room39 resolve xref/);
    expect(await run(resolveCommand, ['status'])).toMatch(/0 open candidates \(0 proposed\)\.\n.*\nThe cross-reference job has not run on this store/);
  });

  it('once run, the queue holds its candidates and is current', async () => {
    expect(await run(resolveCommand, ['xref'])).toMatch(/^Screened \d+ records: \d+ open candidate pairs/);
    const queue = await openCandidates(t.services.db, { limit: 500 });
    expect(queue.total).toBeGreaterThan(0);
    expect(queue.xref).toMatchObject({ state: 'current', candidates: queue.total, lists_since: [] });
    expect(Date.now() - Date.parse(queue.xref.ran_at!)).toBeLessThan(600_000);
    expect((await resolutionStats(t.services.db)).xref.state).toBe('current');
    const listed = await run(resolveCommand, ['candidates']);
    expect(listed).toMatch(/open \(\d+ proposed\)\. Decide with: room39 resolve same\|different\|unsure A B --reviewer NAME$/);
  });

  it('a list version imported since makes it out of date, naming the version, until the job runs again', async () => {
    const imported = await run(importCommand, ['uk', OFFICIAL.ukOds], { date: '2025-08-11' });
    expect(imported).toMatch(/\nPairs for a person to review \(records the rules could not join\): run room39 resolve xref, then room39 resolve candidates\.$/);
    const state = await xrefState(t.services.db);
    expect(state).toMatchObject({ state: 'out_of_date', lists_since: [{ list: UK_DATASET, version: '2025-08-11' }] });
    const listed = await run(resolveCommand, ['candidates']);
    expect(listed).toMatch(/\nThe cross-reference job last ran \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC; imported since: gb_fcdo_sanctions 2025-08-11, whose records are not looked at yet: run room39 resolve xref/);
    // The same file again is no new version: nothing more to look at.
    expect(await run(importCommand, ['uk', OFFICIAL.ukOds])).toMatch(/already imported; nothing changed\.$/);
    await run(resolveCommand, ['xref']);
    const after = await xrefState(t.services.db);
    expect(after.state).toBe('current');
    expect(after.screened).toBeGreaterThan(state.screened!);
  });

  it('a store whose job ran before migration 055 is told of that run, from its stored candidates', async () => {
    const { candidates, ran_at } = await xrefState(t.services.db);
    await t.services.db.query('DELETE FROM xref_runs');
    expect((await xrefState(t.services.db)).state).toBe('never_run');
    const sql = fs.readFileSync(path.join(REPO_ROOT, 'src/store/migrations/055_xref_runs.sql'), 'utf8');
    await t.services.db.query(sql.slice(sql.indexOf('INSERT INTO xref_runs')).replace(/;\s*$/, ''));
    expect(await xrefState(t.services.db)).toMatchObject({ state: 'current', ran_at, candidates, screened: null });
  });
});
