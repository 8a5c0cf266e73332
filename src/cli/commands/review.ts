/**
 * `room39 review`: the review queue from the command line.
 *   review [list] [--status pending|accepted|rejected] [--source ID] [--kind mention|figure] [--limit N]
 *   review show ID
 *   review accept ID --reviewer NAME [--reliability B2] [--note TEXT]
 *   review correct ID --set field=value [--set …] --reviewer NAME [--reliability B2] [--note TEXT]
 *   review reject ID --reviewer NAME [--note TEXT]
 */
import type { ZodType } from 'zod';
import { optInt, optString, UsageError, type CliCommand, type CliContext } from '../command.ts';
import { table } from '../table.ts';
import type { Correction, ReviewItem } from '../../review/queue.ts';

const NUMERIC = new Set(['low', 'high', 'of']);

function parseSet(values: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const v of values) {
    const i = v.indexOf('=');
    if (i <= 0) throw new UsageError(`--set takes field=value (got "${v}")`);
    const key = v.slice(0, i).trim();
    const raw = v.slice(i + 1).trim();
    if (raw === '' || raw === 'null') out[key] = null;
    else if (NUMERIC.has(key)) {
      const n = Number(raw.replace(/,/g, ''));
      if (!Number.isFinite(n)) throw new UsageError(`--set ${key} needs a number (got "${raw}")`);
      out[key] = n;
    } else out[key] = raw;
  }
  return out;
}

/** The claim in its sentence, the words found in [brackets]; a long sentence cut to the 90 characters either side. */
export function claimInSentence(i: Pick<ReviewItem, 'text' | 'start' | 'end' | 'quote' | 'quote_start'>): string {
  const at = i.start - i.quote_start;
  if (at < 0 || at + i.text.length > i.quote.length) return i.text;
  const before = i.quote.slice(0, at);
  const after = i.quote.slice(at + i.text.length);
  return `${before.length > 90 ? `…${before.slice(-90).trimStart()}` : before}[${i.text}]${after.length > 90 ? `${after.slice(0, 90).trimEnd()}…` : after}`;
}

/** A row of the list: the claim in its sentence (never a bare name), what is proposed, and what the graph already holds. */
export function reviewLine(i: ReviewItem): string[] {
  const c = i.current as { figure?: { low: number | null; high: number | null; unit: string; country: string | null; metric: string } };
  const value = c.figure ? `${c.figure.metric} ${c.figure.low ?? '…'}–${c.figure.high ?? '…'} ${c.figure.unit}${c.figure.country ? ` ${c.figure.country}` : ''}` : String((i.proposed['entity_id'] ?? i.proposed['country'] ?? i.proposed['caption'] ?? '') as string);
  const duplicate = i.duplicate ? ` (already in the graph: ${i.duplicate.source.id})` : '';
  return [i.id, i.status, i.type, claimInSentence(i), value + duplicate, i.source.id];
}

/**
 * Options parsed by the service's schema; what does not pass is a usage error naming the option a person typed
 * (`--status`, `--set period_start`), not zod's list of issues.
 */
function fromOptions<T>(schema: ZodType<T>, value: unknown, option: (field: string) => string, fields: readonly string[] = []): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    throw new UsageError(`--set: no field ${issue.keys.map((k) => `"${k}"`).join(', ')} to correct; the fields are ${fields.join(', ')}`);
  }
  throw new UsageError(`${option(issue.path.map(String).join('.'))}: ${issue.message}`);
}

function reviewer(ctx: CliContext): string {
  const r = optString(ctx.args, 'reviewer') ?? process.env.ROOM39_REVIEWER ?? null;
  if (!r) throw new UsageError('say who reviews: --reviewer NAME (or set ROOM39_REVIEWER)');
  return `cli:${r}`;
}

export const reviewCommand: CliCommand = {
  name: 'review',
  summary: 'List the claims extracted from documents, and accept, correct or reject them.',
  usage: 'review [list|show ID|accept ID|correct ID --set f=v [--version N]|reject ID] [--reviewer NAME] [--reliability B2] [--note T] [--status S] [--source ID] [--kind K] [--limit N] [--json]',
  options: {
    status: { type: 'string' }, source: { type: 'string' }, kind: { type: 'string' }, limit: { type: 'string' }, offset: { type: 'string' },
    reviewer: { type: 'string' }, reliability: { type: 'string' }, note: { type: 'string' }, set: { type: 'string', multiple: true },
    version: { type: 'string' },
  },
  async run(ctx) {
    const { acceptReviewItem, correctReviewItem, correctionSchema, decisionSchema, getReviewItem, listQuery, listReviewItems, rejectReviewItem } = await import('../../review/queue.ts');
    const [action = 'list', id, ...rest] = ctx.args.positionals;
    if (rest.length) throw new UsageError(`unexpected arguments: ${rest.join(' ')}`);
    const option = (field: string) => `--${field}`;
    // The options are checked before the store is opened: a typo is said at once, in the option's name.
    if (action === 'list') {
      const q = fromOptions(listQuery, {
        status: optString(ctx.args, 'status') ?? undefined, source: optString(ctx.args, 'source') ?? undefined,
        kind: optString(ctx.args, 'kind') ?? undefined, limit: optInt(ctx.args, 'limit', 50, 1, 500), offset: optInt(ctx.args, 'offset', 0, 0),
      }, option);
      const r = await listReviewItems((await ctx.services()).db, q);
      return {
        json: r,
        text: r.items.length
          ? `${table(['id', 'status', 'type', 'claim in its sentence', 'proposed', 'source'], r.items.map(reviewLine))}\n${r.items.length} of ${r.total} ${q.status}.`
          : `No ${q.status} review items.`,
      };
    }
    if (!id) throw new UsageError(`give the review item's id: room39 review ${action} ID`);
    if (action === 'show') {
      const item = await getReviewItem((await ctx.services()).db, id);
      return { json: { item }, text: `${table(['id', 'status', 'type', 'claim in its sentence', 'proposed', 'source'], [reviewLine(item)])}\n\nQuote: “${item.quote}”\n\n${JSON.stringify(item.current, null, 2)}` };
    }
    if (action !== 'accept' && action !== 'reject' && action !== 'correct') throw new UsageError(`unknown review action "${action}": use list, show, accept, correct or reject`);
    const version = optString(ctx.args, 'version');
    const decision = fromOptions(decisionSchema, {
      reliability: optString(ctx.args, 'reliability') ?? undefined, note: optString(ctx.args, 'note') ?? undefined,
      ...(version !== null ? { version: optInt(ctx.args, 'version', 0, 0) } : {}),
    }, option);
    let correction: Correction | null = null;
    if (action === 'correct') {
      const sets = ctx.args.values['set'];
      const list = Array.isArray(sets) ? sets.filter((s): s is string => typeof s === 'string') : [];
      if (!list.length) throw new UsageError('say what to correct: --set field=value (low, high, unit, metric, country, entity_id, per, qualifier, value …)');
      correction = fromOptions(correctionSchema, parseSet(list), (field) => `--set ${field}`, Object.keys(correctionSchema.shape));
    }
    const who = reviewer(ctx);
    const db = (await ctx.services()).db;
    const item: ReviewItem = correction
      ? await correctReviewItem(db, id, who, correction, decision)
      : action === 'accept' ? await acceptReviewItem(db, id, who, decision) : await rejectReviewItem(db, id, who, decision);
    return { json: { item }, text: `${item.id}: ${item.status} by ${item.reviewer}.` };
  },
};
