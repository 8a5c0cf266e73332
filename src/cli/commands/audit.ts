/** The audit trail from the command line: verify its hash chain (and outside anchors), anchor its head, or list records. */
import { optInt, optString, UsageError, type CliCommand } from '../command.ts';
import { table } from '../table.ts';

export const auditCommand: CliCommand = {
  name: 'audit',
  summary: 'Verify the audit trail (edited, deleted, reordered or cut-off records; against outside anchors), anchor its head outside, or list its records.',
  usage: 'audit verify [--anchors FILE] | audit anchor [--out FILE] [--webhook URL] | audit list [--limit N] [--target ID] [--actor A] [--action A]',
  options: {
    limit: { type: 'string' }, target: { type: 'string' }, actor: { type: 'string' }, action: { type: 'string' },
    anchors: { type: 'string' }, out: { type: 'string' }, webhook: { type: 'string' },
  },
  async run(ctx) {
    const { listAudit, verifyAudit } = await import('../../audit/log.ts');
    const { checkAnchors, makeAnchor, readAnchors, writeAnchor } = await import('../../audit/anchor.ts');
    const [action] = ctx.args.positionals;
    const { db } = await ctx.services();
    if (action === 'verify') {
      const v = await verifyAudit(db);
      const anchorFile = optString(ctx.args, 'anchors');
      const anchors = anchorFile ? readAnchors(anchorFile) : [];
      const problems = [...v.problems, ...(await checkAnchors(db, anchors))];
      const ok = problems.length === 0;
      return {
        json: { ...v, ok, problems, anchors_checked: anchors.length },
        text: ok
          ? `Audit trail intact: ${v.records} records, head ${v.head.hash.slice(0, 16)}…${anchors.length ? `; matches ${anchors.length} outside anchor(s)` : ' (room39 audit anchor --out FILE keeps the head outside, to detect a rewritten log)'}`
          : `AUDIT TRAIL TAMPERED WITH: ${problems.length} problem(s)\n${problems.map((p) => `  record ${p.n}: ${p.problem}`).join('\n')}`,
        exitCode: ok ? 0 : 1,
      };
    }
    if (action === 'anchor') {
      const anchor = await makeAnchor(db);
      const file = optString(ctx.args, 'out');
      const webhook = optString(ctx.args, 'webhook');
      await writeAnchor(anchor, { file, webhook });
      const where = [file, webhook].filter(Boolean).join(' and ');
      return { json: { anchor, written_to: { file, webhook } }, text: where ? `Anchored record ${anchor.n} (${anchor.hash}) at ${anchor.at} to ${where}.` : JSON.stringify(anchor) };
    }
    if (action === 'list') {
      const records = await listAudit(db, {
        limit: optInt(ctx.args, 'limit', 50, 1, 1000), target: optString(ctx.args, 'target'), actor: optString(ctx.args, 'actor'), action: optString(ctx.args, 'action'),
      });
      return { json: { records }, text: records.length ? table(['n', 'at', 'actor', 'action', 'target'], records.map((r) => [String(r.n), r.at.slice(0, 19), r.actor, r.action, r.target ?? ''])) : 'The audit trail is empty.' };
    }
    throw new UsageError(action ? `unknown action "${action}"` : 'give an action: verify, anchor or list');
  },
};
