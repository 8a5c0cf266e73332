import { optInt, optString, UsageError, type CliCommand } from '../command.ts';
import { table } from '../table.ts';

export const diffCommand: CliCommand = {
  name: 'diff',
  summary: 'What changed between imported list versions: designations added, changed and removed (delisted), with dates.',
  usage: 'diff [--since YYYY-MM-DD] [--dataset us_ofac_sdn|un_sc_sanctions|dprk|…] [--change added|changed|removed] [--initial] [--limit N] [--json]',
  options: { since: { type: 'string' }, dataset: { type: 'string' }, change: { type: 'string' }, initial: { type: 'boolean', default: false }, limit: { type: 'string' } },
  async run(ctx) {
    const { listChanges } = await import('../../ingest/lists/changes.ts');
    const since = optString(ctx.args, 'since');
    if (since !== null && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(since)) throw new UsageError(`--since takes a date, YYYY-MM-DD (got "${since}")`);
    const change = optString(ctx.args, 'change');
    if (change !== null && !['added', 'changed', 'removed'].includes(change)) throw new UsageError('--change is added, changed or removed');
    const { db } = await ctx.services();
    const listing = await listChanges(db, {
      since, dataset: optString(ctx.args, 'dataset'), change: change as 'added' | 'changed' | 'removed' | null,
      includeInitial: ctx.args.values.initial === true, limit: optInt(ctx.args, 'limit', 1000, 1, 100_000),
    });
    return {
      json: listing,
      text: listing.changes.length
        ? `${listing.counts.added} added, ${listing.counts.changed} changed, ${listing.counts.removed} removed\n` +
          table(['version', 'list', 'change', 'entry', 'name', 'id'], listing.changes.map((c) => [c.version, c.dataset, c.change, c.entry_id, c.caption, c.entity_id]))
        : 'No changes between imported list versions' + (since ? ` since ${since}` : '') + '.',
    };
  },
};
