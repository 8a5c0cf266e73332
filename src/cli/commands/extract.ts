/**
 * `room39 extract FILE`: mentions and figures of a text, HTML or PDF file,
 * with offsets into the extracted text. `--save` also stores the document as
 * a source and queues its claims for review. Persons and organisations are
 * resolved against the store's graph.
 */
import { optString, UsageError, type CliCommand } from '../command.ts';
import { osUserActor } from '../../audit/doors.ts';
import { table } from '../table.ts';
import type { DocumentFormat } from '../../ingest/documents/read.ts';

/** The extraction rules and the resolver load only when this command runs, not with every other command. */
const documents = () => import('../../ingest/documents/service.ts');
import type { ExtractionResult } from '../../extract/types.ts';

function fmt(n: number | null): string {
  if (n === null) return '…';
  return Math.abs(n) < 1 && n !== 0 ? `${+(n * 100).toFixed(2)}%` : n.toLocaleString('en-US');
}

/** "971: 699 country (52 as a host), 136 organization, …": what the list below holds, most frequent type first. */
function mentionCounts(r: ExtractionResult): string {
  const byType = new Map<string, number>();
  for (const x of r.mentions) byType.set(x.type, (byType.get(x.type) ?? 0) + 1);
  const hosts = r.mentions.filter((x) => x.type === 'country' && x.role === 'host').length;
  const parts = [...byType].sort((a, b) => b[1] - a[1]).map(([type, n]) => `${n} ${type}${type === 'country' ? ` (${hosts} as a host)` : ''}`);
  return `${r.mentions.length}${parts.length ? `: ${parts.join(', ')}` : ''}`;
}

function render(r: ExtractionResult): string {
  const m = table(['type', 'text', 'start', 'end', 'entity / country'], r.mentions.map((x) => [
    x.type, x.text, String(x.start), String(x.end), x.entity_id ?? (x.country ? `${x.country}${x.role === 'host' ? ' (host)' : ''}` : null) ?? x.caption ?? '',
  ]));
  const f = table(['kind', 'value', 'unit', 'country', 'start', 'end', 'expression'], r.figures.map((x) => [
    x.kind, x.kind === 'date' ? x.date ?? '' : x.low === x.high ? fmt(x.low) : `${fmt(x.low)}–${fmt(x.high)}`, x.unit + (x.per ? `/${x.per}` : ''), x.country ?? '',
    String(x.start), String(x.end), x.quote.slice(x.start - x.quote_start, x.end - x.quote_start),
  ]));
  return `Mentions (${mentionCounts(r)}):\n${m}\n\nFigures (${r.figures.length}):\n${f}`;
}

export const extractCommand: CliCommand = {
  name: 'extract',
  summary: 'Find persons, organisations, countries, legal instruments and figures in a text, HTML or PDF file.',
  usage: 'extract FILE [--format text|html|pdf] [--max-mb N] [--save [--title T] [--submitted-by NAME]] [--json]',
  options: { format: { type: 'string' }, 'max-mb': { type: 'string' }, save: { type: 'boolean' }, title: { type: 'string' }, 'submitted-by': { type: 'string' } },
  async run(ctx) {
    const { DEFAULT_MAX_DOCUMENT_BYTES, DOCUMENT_FORMATS, readDocumentFile } = await import('../../ingest/documents/read.ts');
    const [file, ...rest] = ctx.args.positionals;
    if (!file || rest.length) throw new UsageError('give one file, e.g. room39 extract report.pdf');
    const format = optString(ctx.args, 'format');
    if (format !== null && !(DOCUMENT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${DOCUMENT_FORMATS.join(', ')} (got "${format}")`);
    const maxMbRaw = optString(ctx.args, 'max-mb');
    const maxMb = maxMbRaw === null ? DEFAULT_MAX_DOCUMENT_BYTES / 1024 / 1024 : Number(maxMbRaw);
    if (!Number.isFinite(maxMb) || maxMb <= 0 || maxMb > 1024) throw new UsageError(`--max-mb must be a number of megabytes from 0 to 1024 (got "${maxMbRaw}")`);
    const doc = await readDocumentFile(file, { maxBytes: Math.floor(maxMb * 1024 * 1024), ...(format ? { format: format as DocumentFormat } : {}) });

    if (ctx.args.values['save'] === true) {
      const services = await ctx.services();
      // By default the OS user, as the audit trail names the command's author (src/audit/doors.ts); $USER may be unset.
      const who = optString(ctx.args, 'submitted-by');
      const title = optString(ctx.args, 'title');
      // As the HTTP door takes it (POST /api/documents?title=): at most 500 characters, refused rather than cut.
      if (title !== null && (title.trim() === '' || title.length > 500)) throw new UsageError(`--title must be 1 to 500 characters (got ${title.length})`);
      const r = await (await documents()).submitDocument(services.db, doc, { submittedBy: who === null ? osUserActor() : `cli:${who}`, filename: file, title });
      const json = { mentions: r.extraction.mentions, figures: r.extraction.figures, source: { id: r.sourceId, title: r.title, format: doc.format, filename: r.filename }, status: r.status, review_items: r.reviewItems };
      return { json, text: `${render(r.extraction)}\n\nSaved as source ${r.sourceId} ("${r.title}"): ${r.reviewItems} claims ${r.status === 'existing' ? 'were already' : 'are now'} in the review queue (room39 review list --source ${r.sourceId}).` };
    }

    const result = await (await documents()).extractDocument((await ctx.services()).db, doc);
    return { json: { mentions: result.mentions, figures: result.figures }, text: render(result) };
  },
};
