import { optString, UsageError, type CliCommand } from '../command.ts';

function wholeNumber(raw: string | null, name: string): number | null {
  if (raw == null) return null;
  if (!/^-?\d+$/.test(raw.trim())) throw new UsageError(`--${name} must be a whole number (got "${raw}")`);
  return Number(raw);
}

export const estimateCommand: CliCommand = {
  name: 'estimate',
  summary: "Estimate the state's yearly revenue from labour sent abroad, with uncertainty, scenarios and sources.",
  usage: 'estimate [--year Y] [--draws N] [--seed S] [--exclude CC,CC] [--override [CC:]METRIC=LOW..HIGH]... [--json]',
  options: {
    year: { type: 'string' },
    draws: { type: 'string' },
    seed: { type: 'string' },
    exclude: { type: 'string' },
    override: { type: 'string', multiple: true },
  },
  async run(ctx) {
    const { estimate, loadEstimateData } = await import('../../estimate/index.ts');
    const { storeFigureSource } = await import('../../estimate/store-source.ts');
    const { estimateText } = await import('../../estimate/text.ts');
    const ov = ctx.args.values.override;
    const overrides = Array.isArray(ov) ? ov.filter((x): x is string => typeof x === 'string') : typeof ov === 'string' ? [ov] : [];
    const exclude = (optString(ctx.args, 'exclude') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const { db } = await ctx.services();
    const data = await loadEstimateData(storeFigureSource(db));
    const result = estimate(data, {
      year: wholeNumber(optString(ctx.args, 'year'), 'year'),
      draws: wholeNumber(optString(ctx.args, 'draws'), 'draws'),
      seed: optString(ctx.args, 'seed'),
      exclude,
      overrides,
    });
    return { json: result, text: estimateText(result) };
  },
};
