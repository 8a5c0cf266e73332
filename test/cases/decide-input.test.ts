/**
 * Deciding on a match that is not there, as an analyst mistypes it: a row past the case's last row is
 * told the case's rows (it was "row 999 … has no result for entity …", as if the entity were wrong), a row
 * that is not a number is quoted back (the command line said `got "NaN"`), and nothing is recorded.
 * The case is data/examples/suppliers.csv (17 rows) screened against the loaded store.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices, type TestServices } from '../support/services.ts';
import { REPO_ROOT } from '../../src/config/settings.ts';
import type { CliContext } from '../../src/cli/command.ts';
import { runCase } from '../../src/cli/commands/case-run.ts';
import { caseResults, createCase, decide, decisionTrail } from '../../src/cases/index.ts';
import { readScreenFile } from '../../src/screen/file-input.ts';
import { parseScreeningOptions } from '../../src/screen/options.ts';
import { screeningService } from '../../src/screen/service.ts';

let t: TestServices;
beforeAll(async () => { t = await openTestServices(); }, 600_000);
afterAll(async () => { await t?.dispose(); });

describe('case decide on a match that does not exist', () => {
  it('names the rows the case has, quotes a row that is not a number, and records nothing', async () => {
    const c = await createCase(t.services.db, () => screeningService(t.services.db), {
      name: 'Suppliers Q1', rows: readScreenFile(path.join(REPO_ROOT, 'data/examples/suppliers.csv')), fileName: 'suppliers.csv', info: () => null,
      options: parseScreeningOptions({}), actor: 'test',
    });
    const hit = (await caseResults(t.services.db, c.id, { matchesOnly: true }))[0]!;
    const attempt = (row: number) => decide(t.services.db, 'Suppliers Q1', { row, entityId: hit.id, decision: 'confirmed', reason: 'same' }, 'test');
    await expect(attempt(999)).rejects.toThrow('case "Suppliers Q1" has rows 1 to 17 (got "999")');
    await expect(attempt(0)).rejects.toThrow(/has rows 1 to 17/);
    await expect(decide(t.services.db, 'Suppliers Q1', { row: hit.row_no, entityId: 'no-such-entity', decision: 'confirmed', reason: 'same' }, 'test'))
      .rejects.toThrow(`row ${hit.row_no} of case "Suppliers Q1" has no result for entity "no-such-entity"`);

    const ctx = {
      args: { positionals: ['decide', 'Suppliers Q1', 'abc', hit.id, 'confirmed'], values: { reason: 'same' } },
      json: true, settings: t.services.settings, log: () => undefined, services: async () => t.services,
    } as unknown as CliContext;
    await expect(runCase(ctx)).rejects.toThrow('give the row number as the case shows it, such as 3 (got "abc")');
    expect(await decisionTrail(t.services.db, c.id)).toEqual([]);
  });
});
