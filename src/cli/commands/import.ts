import { optString, UsageError, type CliCommand } from '../command.ts';
import path from 'node:path';
import { LIST_FORMATS, type ListFormat } from '../../ingest/lists/datasets.ts';
import { terminalProgress } from '../../ingest/lists/progress.ts';
import { progressEvents, runIngest } from '../../ingest/jobs.ts';

const FORMATS: readonly string[] = [...LIST_FORMATS, 'ftm'];
const absolute = (file: string | null) => (file === null ? undefined : path.resolve(file));

/** A file imported before: nothing changed, unless --date gave a version dated by its file's modification time its real date. */
export function alreadyImported(file: string, r: { version: string; dataset: string; redated?: { from: string; to: string } }): string {
  const head = `${file}: this version (${r.version}) of ${r.dataset} is already imported`;
  return r.redated ? `${head}; it is now dated ${r.redated.to} (before: ${r.redated.from}, its file's modification date).` : `${head}; nothing changed.`;
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import an official list file (OFAC SDN XML, advanced XML or CSV; UN consolidated XML; UK Sanctions List XML or summary ODS; EU consolidated XML) or an FtM JSON-lines file as a new version.',
  usage: 'import ofac-xml|ofac-csv|un-xml|uk|eu-xml|ftm FILE [--date YYYY-MM-DD] [--alt alt.csv] [--add add.csv] [--dataset NAME] [--no-link] [--json]',
  options: {
    date: { type: 'string' }, alt: { type: 'string' }, add: { type: 'string' }, dataset: { type: 'string' }, 'no-link': { type: 'boolean', default: false },
  },
  async run(ctx) {
    const [format, file, ...extra] = ctx.args.positionals;
    if (!format || !FORMATS.includes(format)) throw new UsageError(`give the format first: one of ${FORMATS.join(', ')}`);
    if (!file) throw new UsageError('give the file to import');
    if (extra.length) throw new UsageError(`one file at a time (also got ${extra.join(' ')})`);
    if (format !== 'ofac-csv' && (optString(ctx.args, 'alt') || optString(ctx.args, 'add'))) throw new UsageError('--alt and --add go with ofac-csv only');
    const bar = terminalProgress();
    const progress = progressEvents(bar);
    const result = await runIngest(await ctx.services(), {
      kind: 'import', format: format as ListFormat | 'ftm', file: path.resolve(file), named: file, alt: absolute(optString(ctx.args, 'alt')),
      add: absolute(optString(ctx.args, 'add')), date: optString(ctx.args, 'date') ?? undefined, dataset: optString(ctx.args, 'dataset') ?? undefined,
      link: ctx.args.values['no-link'] !== true, progress: bar !== undefined,
    }, (event) => { if (!progress(event) && event.kind === 'log') ctx.log(event.message); });
    for (const w of result.warnings) ctx.log(`note: ${w}`);
    const links = result.links ? `; ${result.links.created} new cross-list link(s)` : '';
    return {
      json: result,
      text: result.status === 'already_imported'
        ? alreadyImported(file, result)
        : `${result.dataset} ${result.version}: ${result.entries} entries (${result.dprk_entries} DPRK-related); added ${result.added}, changed ${result.changed}, removed ${result.removed}${links}.${
          result.added + result.changed + result.removed > 0 ? '\nPairs for a person to review (records the rules could not join): run room39 resolve xref, then room39 resolve candidates.' : ''}`,
    };
  },
};
