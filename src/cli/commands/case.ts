/**
 * room39 case …: saved screenings. `create NAME FILE` (CSV in any common
 * encoding and separator, or .xlsx; header words mapped, `--map` to confirm
 * or correct), `preview FILE` (how the file reads, before creating), `list`,
 * `show NAME`, `decide NAME ROW ENTITY DECISION --reason …`, `alerts NAME`
 * (re-screens first against any list version imported since), `rescreen
 * NAME`, `report NAME --out FILE.pdf|.html`, `delete NAME`.
 */
import type { CliCommand } from '../command.ts';

export const caseCommand: CliCommand = {
  name: 'case',
  summary: 'Saved screenings: create a case from a CSV or .xlsx, decide on its matches, see the alerts list changes raise, write its audit report.',
  usage: 'case create NAME FILE [--map "Header=field,…"] [--encoding E] [--delimiter D] [--sheet S] [--threshold T] [--dataset D] [--webhook URL] | '
    + 'case preview FILE | case list | case show NAME | case decide NAME ROW ENTITY_ID confirmed|false_positive|needs_review --reason TEXT | '
    + 'case alerts NAME [--since DATE] | case rescreen NAME | case report NAME --out FILE.pdf|.html | case delete NAME',
  options: {
    map: { type: 'string' }, encoding: { type: 'string' }, delimiter: { type: 'string' }, sheet: { type: 'string' }, threshold: { type: 'string' },
    dataset: { type: 'string' }, limit: { type: 'string' }, webhook: { type: 'string' }, reason: { type: 'string' }, since: { type: 'string' },
    out: { type: 'string' }, format: { type: 'string' },
  },
  async run(ctx) {
    const { runCase } = await import('./case-run.ts');
    return runCase(ctx);
  },
};
