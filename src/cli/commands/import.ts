import { optString, UsageError, type CliCommand } from '../command.ts';
import { importListFile, LIST_FORMATS, type ListFormat } from '../../ingest/lists/import.ts';
import { importFtmFile } from '../../ingest/ftm/import.ts';
import { terminalProgress } from '../../ingest/lists/progress.ts';
import { auditWrites, osUserActor } from '../../audit/doors.ts';
import type { ImportCounts } from '../../ingest/lists/versioned-import.ts';

const FORMATS = [...LIST_FORMATS, 'ftm'] as const;

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import an official list file (OFAC SDN XML, advanced XML or CSV; UN consolidated XML; UK Sanctions List XML or summary ODS; EU consolidated XML) or an FtM JSON-lines file as a new version.',
  usage: 'import ofac-xml|ofac-csv|un-xml|uk|eu-xml|ftm FILE [--date YYYY-MM-DD] [--alt alt.csv] [--add add.csv] [--dataset NAME] [--no-link] [--json]',
  options: {
    date: { type: 'string' }, alt: { type: 'string' }, add: { type: 'string' }, dataset: { type: 'string' }, 'no-link': { type: 'boolean', default: false },
  },
  async run(ctx) {
    const [format, file, ...extra] = ctx.args.positionals;
    if (!format || !(FORMATS as readonly string[]).includes(format)) throw new UsageError(`give the format first: one of ${FORMATS.join(', ')}`);
    if (!file) throw new UsageError('give the file to import');
    if (extra.length) throw new UsageError(`one file at a time (also got ${extra.join(' ')})`);
    if (format !== 'ofac-csv' && (optString(ctx.args, 'alt') || optString(ctx.args, 'add'))) throw new UsageError('--alt and --add go with ofac-csv only');
    // The import's transaction carries its audit record: who (the OS user), which version, what changed.
    const actor = osUserActor();
    const db = auditWrites((await ctx.services()).db, (r) => {
      const c = r as Partial<ImportCounts> | null;
      return c && typeof c.source_id === 'string' && c.status === 'imported'
        ? { actor, action: 'list.import', target: c.source_id, after: { dataset: c.dataset!, version: c.version!, entries: c.entries!, added: c.added!, changed: c.changed!, removed: c.removed! }, meta: { door: 'cli', format, file } }
        : null;
    });
    const common = { date: optString(ctx.args, 'date') ?? undefined, progress: terminalProgress(), link: ctx.args.values['no-link'] !== true };
    const result = format === 'ftm'
      ? await importFtmFile(db, { file, dataset: optString(ctx.args, 'dataset') ?? undefined, ...common })
      : await importListFile(db, { format: format as ListFormat, file, alt: optString(ctx.args, 'alt') ?? undefined, add: optString(ctx.args, 'add') ?? undefined, ...common });
    for (const w of result.warnings) ctx.log(`note: ${w}`);
    const links = result.links ? `; ${result.links.created} new cross-list link(s)` : '';
    return {
      json: result,
      text: result.status === 'already_imported'
        ? `${file}: this version (${result.version}) of ${result.dataset} is already imported; nothing changed.`
        : `${result.dataset} ${result.version}: ${result.entries} entries (${result.dprk_entries} DPRK-related); added ${result.added}, changed ${result.changed}, removed ${result.removed}${links}.`,
    };
  },
};
