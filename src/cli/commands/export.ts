import path from 'node:path';
import { optString, UsageError, type CliCommand } from '../command.ts';

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Export the graph as FollowTheMoney JSON lines (and optionally nomenklatura statements CSV); --public leaves out protected material.',
  usage: 'export ftm --out FILE [--public] [--statements FILE.csv] [--json]',
  options: { out: { type: 'string' }, public: { type: 'boolean', default: false }, statements: { type: 'string' } },
  async run(ctx) {
    const { exportFtm } = await import('../../export/ftm.ts');
    const [format, ...extra] = ctx.args.positionals;
    if (format !== 'ftm') throw new UsageError('the export format is ftm: room39 export ftm --out FILE');
    if (extra.length) throw new UsageError(`unexpected ${extra.join(' ')}`);
    const out = optString(ctx.args, 'out');
    if (!out) throw new UsageError('give --out FILE');
    const statements = optString(ctx.args, 'statements');
    const { db } = await ctx.services();
    const report = await exportFtm(db, { out: path.resolve(out), public: ctx.args.values.public === true, statementsOut: statements ? path.resolve(statements) : null });
    return {
      json: { ...report, public: ctx.args.values.public === true },
      text: `Wrote ${report.entities} entities (${report.statements} statements) to ${out}` + (ctx.args.values.public === true ? `; ${report.protected_left_out} protected statement(s) left out.` : '.'),
    };
  },
};
