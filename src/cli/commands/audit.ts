/** The audit trail from the command line: verify its hash chain, or list records. */
import { optInt, optString, UsageError, type CliCommand } from '../command.ts';
import { table } from '../table.ts';
import { listAudit, verifyAudit } from '../../audit/log.ts';

export const auditCommand: CliCommand = {
  name: 'audit',
  summary: 'Verify the audit trail (detects edited, deleted or reordered records) or list its records.',
  usage: 'audit verify | audit list [--limit N] [--target ID] [--actor A] [--action A]',
  options: { limit: { type: 'string' }, target: { type: 'string' }, actor: { type: 'string' }, action: { type: 'string' } },
  async run(ctx) {
    const [action] = ctx.args.positionals;
    const { db } = await ctx.services();
    if (action === 'verify') {
      const v = await verifyAudit(db);
      return {
        json: v,
        text: v.ok
          ? `Audit trail intact: ${v.records} records, head ${v.head.hash.slice(0, 16)}… (keep this hash elsewhere to detect a rewritten log)`
          : `AUDIT TRAIL TAMPERED WITH: ${v.problems.length} problem(s)\n${v.problems.map((p) => `  record ${p.n}: ${p.problem}`).join('\n')}`,
        exitCode: v.ok ? 0 : 1,
      };
    }
    if (action === 'list') {
      const records = await listAudit(db, {
        limit: optInt(ctx.args, 'limit', 50, 1, 1000), target: optString(ctx.args, 'target'), actor: optString(ctx.args, 'actor'), action: optString(ctx.args, 'action'),
      });
      return { json: { records }, text: records.length ? table(['n', 'at', 'actor', 'action', 'target'], records.map((r) => [String(r.n), r.at.slice(0, 19), r.actor, r.action, r.target ?? ''])) : 'The audit trail is empty.' };
    }
    throw new UsageError(action ? `unknown action "${action}"` : 'give an action: verify or list');
  },
};
