/**
 * `room39 lists update [--list ofac|un|uk|eu|all]`: fetch the current
 * official lists from their publishers and import what changed;
 * `room39 lists status`: each list's version, publication date, last check
 * and age. Thin over src/ingest/lists/update.ts and status.ts.
 */
import { LIST_KEYS, type ListKey } from '../../config/settings.ts';
import { optString, UsageError, type CliCommand } from '../command.ts';
import { runIngest } from '../../ingest/jobs.ts';
import { LIST_DATASET } from '../../ingest/lists/datasets.ts';

function chosenLists(raw: string | null): ListKey[] {
  if (raw === null || raw === 'all') return [...LIST_KEYS];
  const out: ListKey[] = [];
  for (const part of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
    const key = (LIST_KEYS as readonly string[]).includes(part) ? part as ListKey : LIST_KEYS.find((k) => LIST_DATASET[k] === part);
    if (!key) throw new UsageError(`--list is one of ${LIST_KEYS.join(', ')} or all (or a dataset name: ${LIST_KEYS.map((k) => LIST_DATASET[k]).join(', ')}); got "${part}"`);
    if (!out.includes(key)) out.push(key);
  }
  return out;
}

export const listsCommand: CliCommand = {
  name: 'lists',
  summary: 'Official lists: fetch the current OFAC, UN, UK and EU lists from their publishers (update), or show how fresh each is (status).',
  usage: 'lists update [--list ofac|un|uk|eu|all] [--json] | lists status [--json]',
  options: { list: { type: 'string' } },
  async run(ctx) {
    const { listStatus } = await import('../../ingest/lists/status.ts');
    const [sub, ...extra] = ctx.args.positionals;
    if (extra.length) throw new UsageError(`unexpected ${extra.join(' ')}`);
    if (sub === 'update') {
      const lists = chosenLists(optString(ctx.args, 'list'));
      const result = await runIngest(await ctx.services(), { kind: 'update-lists', lists, settings: ctx.settings.lists }, (event) => {
        if (event.kind === 'log') ctx.log(`room39: ${event.message}`);
      });
      const failed = result.lists.filter((l) => l.status === 'failed');
      return {
        json: result,
        text: result.lists.map((l) => `${l.list}: ${l.status === 'failed' ? `failed: ${l.message}` : l.message}`).join('\n'),
        exitCode: failed.length ? 1 : 0,
      };
    }
    if (sub === 'status') {
      if (optString(ctx.args, 'list') !== null) throw new UsageError('--list goes with lists update');
      const { db } = await ctx.services();
      const status = await listStatus(db, ctx.settings.lists);
      const { statusText } = await import('../lists-status-text.ts');
      return { json: status, text: statusText(status.lists) };
    }
    throw new UsageError(sub ? `unknown subcommand "${sub}": use update or status` : 'give a subcommand: update or status');
  },
};

