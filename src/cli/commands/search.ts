import { optInt, optString, UsageError, type CliCommand } from '../command.ts';
import { table } from '../table.ts';

export const searchCommand: CliCommand = {
  name: 'search',
  summary: 'Find entities by name or alias (case, accents, hyphens and spacing ignored).',
  usage: 'search QUERY [--schema S] [--limit N] [--dataset D] [--json]',
  options: { schema: { type: 'string' }, limit: { type: 'string' }, dataset: { type: 'string' } },
  async run(ctx) {
    const query = ctx.args.positionals.join(' ').trim();
    if (!query) throw new UsageError('give a name to search for, e.g. room39 search "Mansudae"');
    if (query.length > 1000) throw new UsageError(`the query is ${query.length} characters long; 1000 is the most a name search takes`);
    const options = { schema: optString(ctx.args, 'schema'), limit: optInt(ctx.args, 'limit', 20, 1, 500), dataset: optString(ctx.args, 'dataset') };
    // Through a running server, its kept name index answers (src/server/local-jobs.ts).
    const services = await ctx.services();
    const results = services.runJob
      ? await services.runJob({ kind: 'search', query, options }, () => undefined)
      : await (await import('../../store/country-search.ts')).searchWithCountries(services.db, query, options);
    return {
      json: { query, results },
      text: results.length === 0
        ? `No entity matches "${query}".`
        : results.some((r) => r.unmatched)
          ? `No name holds every word of "${query}"; the closest names, each without one word:\n${table(['score', 'schema', 'caption', 'id', 'without', 'datasets'], results.map((r) => [r.score.toFixed(2), r.schema, r.caption, r.id, (r.unmatched ?? []).join(' '), r.datasets.join(',')]))}`
          : table(['score', 'schema', 'caption', 'id', 'datasets', 'records'], results.map((r) => [r.score.toFixed(2), r.schema, r.caption, r.id, r.datasets.join(','), String(r.referents.length)])),
    };
  },
};
