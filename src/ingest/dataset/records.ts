/**
 * The record types of the curated dataset files, validated with zod at the edge.
 * A record cites a source: a bundled one (a seed document, its text in `file`)
 * is quoted word for word; any other is cited, not copied: the record says the
 * fact in room39's words (`statement`, or the entity's properties) and where it
 * stands in the source (`locator`), and has no quote.
 */
import { z } from 'zod';
import { FIGURE_COUNTS, FIGURE_METRICS, SOURCE_GRADES, isReliability } from '../../model/index.ts';
import { SOURCE_CLASSES } from './grading.ts';

const grade = z.string().refine(isReliability, { message: 'grade must be an Admiralty code such as B2 (source A–F, information 1–6)' });
const iso2 = z.string().regex(/^[A-Z]{2}$/, 'country must be an upper-case ISO 3166-1 alpha-2 code such as RU');
const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'dates are ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD');
const id = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'ids are lower-case letters, digits, dots, hyphens and underscores');

const cited = {
  source: z.string().min(1),
  /** Exact words of a bundled source; absent for a cited source. */
  quote: z.string().min(3, 'a quote must hold the words it rests on').nullish(),
  quote_occurrence: z.number().int().positive().optional(),
  /** Where in a cited source the fact stands: page, paragraph, table. Required when there is no quote. */
  locator: z.string().min(3, 'a locator says where in the source: page, paragraph, table').nullish(),
  grade,
  note: z.string().nullish(),
};

/** The fact in room39's own words; required for a figure, deployment or rating from a cited source. */
const statement = z.string().min(10, 'a statement says the fact in a sentence of room39’s own').nullish();

export const sourceRecord = z.object({
  type: z.literal('source'),
  id,
  /** The bundled text (seed documents only); absent for a cited publication. */
  file: z.string().min(1).nullish(),
  title: z.string().min(1),
  publisher: z.string().nullish(),
  author: z.string().nullish(),
  published: isoDate.nullish(),
  /** Where the source can be read: the publisher's page, or the copy that was read (see `note`). */
  url: z.string().url('every source has the URL where it can be read'),
  dataset: z.string().min(1),
  /** The class of source in the rubric of docs/grading.md. */
  source_class: z.enum(SOURCE_CLASSES),
  /** Source reliability by the rubric: A–F. Every record citing the source carries this letter. */
  grade: z.enum(SOURCE_GRADES),
  /** Why the rubric gives that letter. */
  grade_reason: z.string().min(20, 'grade_reason says which rule of docs/grading.md gives the letter'),
  /** True when what was read is a third-party copy of the publisher's text (the rubric lowers such a source one letter). */
  copy: z.boolean().optional(),
  note: z.string().nullish(),
});

const propValue = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

export const entityRecord = z.object({
  type: z.literal('entity'),
  id,
  schema: z.string().min(1),
  props: z.record(z.string(), propValue),
  ...cited,
});

export const figureRecord = z.object({
  type: z.literal('figure'),
  id,
  metric: z.enum(FIGURE_METRICS),
  country: iso2.nullish(),
  /** A group of countries taken together (e.g. a `worker_share` of RU and CN); `country` stays for single-country figures. */
  countries: z.array(iso2).min(2, 'countries names a group of two or more; use country for one').nullish(),
  entity: id.nullish(),
  sector: z.string().nullish(),
  recipient: z.string().nullish(),
  period_start: isoDate.nullish(),
  period_end: isoDate.nullish(),
  low: z.number().nullish(),
  high: z.number().nullish(),
  of: z.number().nullish(),
  unit: z.enum(['persons', 'fraction', 'USD', 'EUR', 'KPW', 'KRW', 'CNY', 'RUB', 'months']),
  per: z.enum(['year', 'month', 'day']).nullish(),
  qualifier: z.enum(['exact', 'range', 'at_least', 'at_most', 'approximate', 'order_of_magnitude', 'part_of']),
  /** What a count counts (workers present, permits, entries, repatriated, an estimate). */
  counts: z.enum(FIGURE_COUNTS).nullish(),
  /** `part`: the figure covers one region, city, sector or site only (a floor for the country, not its count). */
  coverage: z.enum(['whole', 'part']).nullish(),
  statement,
  ...cited,
}).superRefine((f, ctx) => {
  if (f.low == null && f.high == null) ctx.addIssue({ code: 'custom', message: 'a figure needs low or high' });
  if (f.low != null && f.high != null && f.low > f.high) ctx.addIssue({ code: 'custom', message: `low (${f.low}) is above high (${f.high})` });
  if (f.unit === 'fraction' && [f.low, f.high].some((v) => v != null && (v < 0 || v > 1))) {
    ctx.addIssue({ code: 'custom', message: 'a fraction lies between 0 and 1 (95 percent is 0.95)' });
  }
  if (f.countries != null && f.country != null) ctx.addIssue({ code: 'custom', message: 'give country (one country) or countries (a group), not both' });
  if (f.countries != null && new Set(f.countries).size !== f.countries.length) ctx.addIssue({ code: 'custom', message: 'countries lists a country twice' });
  if (f.metric === 'worker_share' && f.unit !== 'fraction') ctx.addIssue({ code: 'custom', message: 'a worker_share is a fraction of all overseas workers (unit fraction)' });
  if (['entries', 'repatriated'].includes(f.metric) && f.unit !== 'persons') ctx.addIssue({ code: 'custom', message: `${f.metric} counts persons (unit persons)` });
  if (f.counts != null && f.unit !== 'persons') ctx.addIssue({ code: 'custom', message: 'counts says what a count of persons counts (unit persons)' });
});

export const tipRecord = z.object({
  type: z.literal('tip_rating'),
  id,
  country: iso2,
  report_year: z.number().int().min(2001).max(2100),
  tier: z.enum(['1', '2', '2WL', '3']),
  statement,
  ...cited,
});

export const deploymentRecord = z.object({
  type: z.literal('deployment'),
  id,
  country: iso2,
  sender: id.nullish(),
  employer: id.nullish(),
  sector: z.string().nullish(),
  period_start: isoDate.nullish(),
  period_end: isoDate.nullish(),
  statement,
  ...cited,
});

export const testimonyRecord = z.object({
  type: z.literal('testimony'),
  id,
  pseudonym: z.string().min(1),
  interview_date: isoDate.nullish(),
  interview_place: z.string().nullish(),
  narrative: z.string().min(1),
  linked_entities: z.array(id).default([]),
  source: z.string().min(1),
  quote_occurrence: z.number().int().positive().optional(),
  grade,
  note: z.string().nullish(),
});

export const datasetRecord = z.discriminatedUnion('type', [sourceRecord, entityRecord, figureRecord, tipRecord, deploymentRecord, testimonyRecord]);

export type SourceRecord = z.infer<typeof sourceRecord>;
export type EntityRecord = z.infer<typeof entityRecord>;
export type FigureRecord = z.infer<typeof figureRecord>;
export type TipRecord = z.infer<typeof tipRecord>;
export type DeploymentRecord = z.infer<typeof deploymentRecord>;
export type TestimonyRecord = z.infer<typeof testimonyRecord>;
export type DatasetRecord = z.infer<typeof datasetRecord>;
