/**
 * Atlas queries for the web app's home page, map, timeline and network: the
 * countries that host North Korean workers (from labour deployments), the
 * sourced figures by country and year (accepted figures only), TIP ratings,
 * host-country actions (Event entities with a country), designations and
 * delistings (Sanction entities, and official list changes), and the graph
 * around one entity. Read-only; every row carries its source, quote and grade.
 */
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import type { Queryable } from './db.ts';
import { ftmSchema, schemaLabel } from './ftm.ts';
import { REFERENCE_PROPS, canonicalId } from './entities.ts';
import { Room39Error } from '../errors.ts';

countries.registerLocale(en);

/** The sending country: on the map it is drawn apart, never as a host. */
export const SENDING_COUNTRY = 'KP';

export interface SourceRef {
  id: string;
  title: string;
  published: string | null;
  url: string | null;
}

/** The fields of a figure every answer about it carries. */
interface FigureFields {
  id: string;
  metric: string;
  country: string | null;
  entity_id: string | null;
  sector: string | null;
  recipient: string | null;
  period_start: string | null;
  period_end: string | null;
  low: number | null;
  high: number | null;
  unit: string;
  per: string | null;
  qualifier: string;
  /** Exact words of a bundled source; null for a cited source (then `locator` and `statement`). */
  quote: string | null;
  locator: string | null;
  statement: string | null;
  reliability: string;
  note: string | null;
}

export interface CitedFigureRow extends FigureFields {
  of: number | null;
  source: SourceRef;
}

export interface CountrySummary {
  /** ISO 3166-1 alpha-2. */
  cc: string;
  /** ISO 3166-1 numeric, as world-atlas identifies countries. */
  numeric: string | null;
  name: string;
  role: 'host' | 'sending';
  deployments: number;
  sectors: string[];
  /** The best-graded worker figure whose period covers the year (else the best undated one, `dated` false), or null. */
  workers: { low: number | null; high: number | null; mid: number; qualifier: string; figure_id: string; dated: boolean; reliability: string; source: SourceRef; quote: string | null; locator: string | null; statement: string | null } | null;
  /** How many worker figures the graph holds for the country, in any year. */
  worker_figures: number;
  tip: { year: number; tier: string } | null;
}

export interface CountriesAnswer {
  year: number | null;
  /** The year with worker figures for the most host countries (the latest of equals): the map's default. */
  default_year: number | null;
  /** Years some country's worker figure covers, ascending. */
  years: number[];
  countries: CountrySummary[];
}

/** Short names where the library's alias is ambiguous or long. */
const SHORT_NAMES: Record<string, string> = { CD: 'DR Congo', CG: 'Republic of the Congo', KR: 'South Korea', LA: 'Laos', SY: 'Syria', GB: 'United Kingdom', IR: 'Iran', VN: 'Vietnam', TZ: 'Tanzania' };

export function countryName(cc: string): string {
  return SHORT_NAMES[cc.toUpperCase()] ?? countries.getName(cc.toUpperCase(), 'en', { select: 'alias' }) ?? cc.toUpperCase();
}

function countryNumeric(cc: string): string | null {
  return countries.alpha2ToNumeric(cc.toUpperCase()) ?? null;
}

export function isCountryCode(cc: string): boolean {
  return /^[A-Za-z]{2}$/.test(cc) && countries.isValid(cc.toUpperCase());
}

/** The years a period covers: '2017', '2016-07'..'2018-01' → [2017], [2016, 2017, 2018]; null for an undated period. */
export function yearsOf(start: string | null, end: string | null): [number, number] | null {
  const a = start ? Number(start.slice(0, 4)) : null;
  const b = end ? Number(end.slice(0, 4)) : null;
  const lo = a ?? b;
  const hi = b ?? a;
  if (lo == null || hi == null || !Number.isFinite(lo) || !Number.isFinite(hi)) return null;
  return [Math.min(lo, hi), Math.max(lo, hi)];
}

const GRADE_ORDER = (r: string) => (r.charCodeAt(0) - 65) * 10 + Number(r[1]);

export function midpoint(low: number | null, high: number | null): number {
  if (low != null && high != null) return (low + high) / 2;
  return low ?? high ?? 0;
}

/** A figure as FIGURE_SELECT reads it: its fields, and its source joined in. */
interface FigureRow extends FigureFields {
  of_total: number | null;
  source_id: string;
  title: string;
  published: string | null;
  url: string | null;
}

const FIGURE_SELECT = `SELECT f.id, f.metric, f.country, f.entity_id, f.sector, f.recipient, f.period_start, f.period_end,
    f.low, f.high, f.of_total, f.unit, f.per, f.qualifier, f.quote, f.locator, f.statement, f.reliability, f.note,
    f.source_id, s.title, s.published, s.url
  FROM figures f JOIN sources s ON s.id = f.source_id`;

function citeFigure(r: FigureRow): CitedFigureRow {
  return {
    id: r.id, metric: r.metric, country: r.country, entity_id: r.entity_id, sector: r.sector, recipient: r.recipient,
    period_start: r.period_start, period_end: r.period_end, low: r.low, high: r.high, of: r.of_total, unit: r.unit, per: r.per,
    qualifier: r.qualifier, quote: r.quote, locator: r.locator, statement: r.statement, reliability: r.reliability, note: r.note,
    source: { id: r.source_id, title: r.title, published: r.published, url: r.url },
  };
}

/**
 * Countries that host North Korean workers (or send them), each with the
 * worker figure for the year; with no year, for the default year (the one
 * with figures for the most host countries).
 */
export async function hostCountries(q: Queryable, requestedYear: number | null): Promise<CountriesAnswer> {
  const deployments = await q.query<{ country: string; n: number; sectors: string[] }>(
    `SELECT upper(country) AS country, count(*)::int AS n, array_remove(array_agg(DISTINCT sector), NULL) AS sectors
       FROM deployments GROUP BY upper(country)`,
  );
  const workerRows = await q.query<FigureRow>(
    `${FIGURE_SELECT} WHERE f.review_status = 'accepted' AND f.metric = 'workers' AND f.unit = 'persons' AND f.country IS NOT NULL`,
  );
  const tips = await q.query<{ country: string; report_year: number; tier: string }>(
    'SELECT upper(country) AS country, report_year, tier FROM tip_ratings ORDER BY report_year',
  );
  const allWorkerYears = await q.query<{ period_start: string | null; period_end: string | null }>(
    `SELECT period_start, period_end FROM figures WHERE review_status = 'accepted' AND metric = 'workers'
     UNION ALL SELECT period_start, period_end FROM deployments`,
  );
  const years = new Set<number>();
  for (const f of allWorkerYears) {
    const ys = yearsOf(f.period_start, f.period_end);
    if (ys) for (let y = ys[0]; y <= ys[1]; y++) years.add(y);
  }
  const hostsByYear = new Map<number, Set<string>>();
  for (const f of workerRows) {
    if (f.country?.toUpperCase() === SENDING_COUNTRY) continue;
    const ys = yearsOf(f.period_start, f.period_end);
    if (!ys) continue;
    for (let y = ys[0]; y <= ys[1]; y++) {
      years.add(y);
      hostsByYear.set(y, (hostsByYear.get(y) ?? new Set()).add((f.country as string).toUpperCase()));
    }
  }
  let defaultYear: number | null = null;
  for (const y of [...years].sort((a, b) => a - b)) {
    const n = hostsByYear.get(y)?.size ?? 0;
    const best = defaultYear == null ? -1 : (hostsByYear.get(defaultYear)?.size ?? 0);
    if (n >= best) defaultYear = y;
  }
  const year = requestedYear ?? defaultYear;
  const codes = new Set<string>([...deployments.map((d) => d.country), ...workerRows.map((f) => (f.country as string).toUpperCase())]);
  const out: CountrySummary[] = [];
  for (const cc of [...codes].sort()) {
    if (!isCountryCode(cc)) continue;
    const dep = deployments.find((d) => d.country === cc);
    const figs = workerRows.filter((f) => f.country?.toUpperCase() === cc);
    const dated = year == null ? [] : figs.filter((f) => {
      const ys = yearsOf(f.period_start, f.period_end);
      return ys != null && ys[0] <= year && year <= ys[1];
    });
    // No figure dated for the year: an undated one stands in, marked as such.
    const covering = dated.length ? dated : figs.filter((f) => yearsOf(f.period_start, f.period_end) == null);
    covering.sort((a, b) => GRADE_ORDER(a.reliability) - GRADE_ORDER(b.reliability) || midpoint(b.low, b.high) - midpoint(a.low, a.high));
    const best = covering[0];
    const tipRows = tips.filter((t) => t.country === cc && (year == null || t.report_year <= year));
    const tip = tipRows.at(-1);
    out.push({
      cc,
      numeric: countryNumeric(cc),
      name: countryName(cc),
      role: cc === SENDING_COUNTRY ? 'sending' : 'host',
      deployments: dep?.n ?? 0,
      sectors: (dep?.sectors ?? []).sort(),
      workers: best
        ? {
            low: best.low, high: best.high, mid: midpoint(best.low, best.high), qualifier: best.qualifier, figure_id: best.id, dated: dated.length > 0,
            reliability: best.reliability, quote: best.quote, locator: best.locator, statement: best.statement,
            source: { id: best.source_id, title: best.title, published: best.published, url: best.url },
          }
        : null,
      worker_figures: figs.length,
      tip: tip ? { year: tip.report_year, tier: tip.tier } : null,
    });
  }
  return { year, default_year: defaultYear, years: [...years].sort((a, b) => a - b), countries: out };
}

export interface DeploymentRow {
  id: string;
  sector: string | null;
  period_start: string | null;
  period_end: string | null;
  sender: { id: string; caption: string } | null;
  employer: { id: string; caption: string } | null;
  quote: string;
  reliability: string;
  source: SourceRef;
}

export interface CitedValue {
  value: string;
  quote: string | null;
  reliability: string;
  source: SourceRef;
}

export interface ActionRow {
  id: string;
  caption: string;
  date: string | null;
  summary: CitedValue[];
  /** The statement that places the event in the country. */
  where: CitedValue;
}

export interface TipRow {
  year: number;
  tier: string;
  quote: string;
  reliability: string;
  source: SourceRef;
}

export interface CountryDetail {
  cc: string;
  numeric: string | null;
  name: string;
  role: 'host' | 'sending';
  figures: CitedFigureRow[];
  deployments: DeploymentRow[];
  tip: TipRow[];
  actions: ActionRow[];
}

interface CitedStatementRow {
  entity_id: string;
  prop: string;
  value: string;
  quote: string | null;
  reliability: string;
  source_id: string;
  title: string;
  published: string | null;
  url: string | null;
}

const cited = (r: CitedStatementRow): CitedValue => ({
  value: r.value, quote: r.quote, reliability: r.reliability,
  source: { id: r.source_id, title: r.title, published: r.published, url: r.url },
});

async function statementsFor(q: Queryable, ids: readonly string[], props: readonly string[]): Promise<CitedStatementRow[]> {
  if (ids.length === 0) return [];
  return q.query<CitedStatementRow>(
    `SELECT st.entity_id, st.prop, st.value, st.quote, st.reliability, st.source_id, s.title, s.published, s.url
       FROM statements st JOIN sources s ON s.id = st.source_id
      WHERE st.entity_id = ANY($1::text[]) AND st.prop = ANY($2::text[]) AND st.review_status = 'accepted'
      ORDER BY st.reliability, st.value`,
    [ids, props],
  );
}

async function captions(q: Queryable, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (wanted.length === 0) return new Map();
  const rows = await q.query<{ id: string; caption: string }>('SELECT id, caption FROM entities WHERE id = ANY($1::text[])', [wanted]);
  return new Map(rows.map((r) => [r.id, r.caption]));
}

/** Everything the graph holds about one country: its figures, deployments, TIP ratings and the actions it took. */
export async function countryDetail(q: Queryable, code: string): Promise<CountryDetail> {
  if (!isCountryCode(code)) throw new Room39Error('invalid_input', `"${code}" is not an ISO 3166-1 alpha-2 country code (such as RU, CN, MT)`);
  const cc = code.toUpperCase();
  const figures = (await q.query<FigureRow>(
    `${FIGURE_SELECT} WHERE f.review_status = 'accepted' AND upper(f.country) = $1 ORDER BY f.metric, f.period_start NULLS LAST, f.reliability`,
    [cc],
  )).map(citeFigure);
  const deps = await q.query<{ id: string; sector: string | null; period_start: string | null; period_end: string | null; sender_id: string | null; employer_id: string | null; quote: string; reliability: string; source_id: string; title: string; published: string | null; url: string | null }>(
    `SELECT d.id, d.sector, d.period_start, d.period_end, d.sender_id, d.employer_id, d.quote, d.reliability, d.source_id, s.title, s.published, s.url
       FROM deployments d JOIN sources s ON s.id = d.source_id WHERE upper(d.country) = $1 ORDER BY d.sector NULLS LAST, d.id`,
    [cc],
  );
  const names = await captions(q, deps.flatMap((d) => [d.sender_id, d.employer_id]));
  const ref = (id: string | null) => (id ? { id, caption: names.get(id) ?? id } : null);
  const tip = await q.query<{ report_year: number; tier: string; quote: string; reliability: string; source_id: string; title: string; published: string | null; url: string | null }>(
    `SELECT t.report_year, t.tier, t.quote, t.reliability, t.source_id, s.title, s.published, s.url
       FROM tip_ratings t JOIN sources s ON s.id = t.source_id WHERE upper(t.country) = $1 ORDER BY t.report_year`,
    [cc],
  );
  const eventRows = await q.query<CitedStatementRow>(
    `SELECT st.entity_id, st.prop, st.value, st.quote, st.reliability, st.source_id, s.title, s.published, s.url
       FROM statements st JOIN sources s ON s.id = st.source_id
      WHERE st.schema = 'Event' AND st.prop = 'country' AND upper(st.value) = $1 AND st.review_status = 'accepted'
      ORDER BY st.reliability`,
    [cc],
  );
  const eventIds = [...new Set(eventRows.map((r) => r.entity_id))];
  const details = await statementsFor(q, eventIds, ['date', 'startDate', 'summary', 'description']);
  const eventNames = await captions(q, eventIds);
  const actions: ActionRow[] = eventIds.map((id) => {
    const mine = details.filter((d) => d.entity_id === id);
    const date = mine.filter((d) => d.prop === 'date' || d.prop === 'startDate').map((d) => d.value).sort()[0] ?? null;
    return {
      id,
      caption: eventNames.get(id) ?? id,
      date,
      summary: mine.filter((d) => d.prop === 'summary' || d.prop === 'description').map(cited),
      where: cited(eventRows.find((r) => r.entity_id === id) as CitedStatementRow),
    };
  });
  actions.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.caption.localeCompare(b.caption));
  return {
    cc,
    numeric: countryNumeric(cc),
    name: countryName(cc),
    role: cc === SENDING_COUNTRY ? 'sending' : 'host',
    figures,
    deployments: deps.map((d) => ({
      id: d.id, sector: d.sector, period_start: d.period_start, period_end: d.period_end,
      sender: ref(d.sender_id), employer: ref(d.employer_id), quote: d.quote, reliability: d.reliability,
      source: { id: d.source_id, title: d.title, published: d.published, url: d.url },
    })),
    tip: tip.map((t) => ({ year: t.report_year, tier: t.tier, quote: t.quote, reliability: t.reliability, source: { id: t.source_id, title: t.title, published: t.published, url: t.url } })),
    actions,
  };
}

/** Accepted figures about one entity (a company's workers, a worksite's wages), each with its source. */
export async function entityFigures(q: Queryable, entityId: string): Promise<CitedFigureRow[]> {
  return (await q.query<FigureRow>(
    `${FIGURE_SELECT} WHERE f.review_status = 'accepted' AND f.entity_id = $1 ORDER BY f.metric, f.period_start NULLS LAST, f.reliability`,
    [entityId],
  )).map(citeFigure);
}

export interface Headline {
  /** Worker figures for all host countries together, newest first. */
  workers: CitedFigureRow[];
  /** Revenue estimates for the regime, newest first. */
  revenue: CitedFigureRow[];
  /** Shares of wages taken by the state. */
  state_share: CitedFigureRow[];
  counts: { entities: number; sanctions: number; host_countries: number; sources: number; figures: number };
}

const newestFirst = (a: CitedFigureRow, b: CitedFigureRow) =>
  (b.period_end ?? b.period_start ?? '').localeCompare(a.period_end ?? a.period_start ?? '') || GRADE_ORDER(a.reliability) - GRADE_ORDER(b.reliability);

/** The headline figures of the home page, each with its source. */
export async function headline(q: Queryable): Promise<Headline> {
  const rows = (await q.query<FigureRow>(
    `${FIGURE_SELECT} WHERE f.review_status = 'accepted' AND f.country IS NULL AND f.metric IN ('workers', 'annual_revenue', 'state_share')`,
  )).map(citeFigure);
  const [c] = await q.query<Headline['counts']>(
    `SELECT (SELECT count(*)::int FROM entities) AS entities,
            (SELECT count(*)::int FROM entities WHERE schema = 'Sanction' AND datasets && $2::text[]) AS sanctions,
            (SELECT count(DISTINCT upper(country))::int FROM deployments WHERE upper(country) <> $1) AS host_countries,
            (SELECT count(*)::int FROM sources) AS sources,
            (SELECT count(*)::int FROM figures WHERE review_status = 'accepted') AS figures`,
    [SENDING_COUNTRY, TIMELINE_DATASETS],
  );
  return {
    workers: rows.filter((r) => r.metric === 'workers').sort(newestFirst),
    revenue: rows.filter((r) => r.metric === 'annual_revenue' && r.unit === 'USD').sort(newestFirst),
    state_share: rows.filter((r) => r.metric === 'state_share').sort(newestFirst),
    counts: c ?? { entities: 0, sanctions: 0, host_countries: 0, sources: 0, figures: 0 },
  };
}

// ---------------------------------------------------------------------------
// Timeline

/** Designations on the timeline and in the headline: those of the DPRK programmes and of the curated seeds. */
export const TIMELINE_DATASETS = ['dprk', 'room39_seeds'];

export const TIMELINE_TYPES = ['designation', 'delisting', 'action', 'tip', 'report', 'list_change'] as const;
export type TimelineType = (typeof TIMELINE_TYPES)[number];

export interface TimelineItem {
  id: string;
  /** ISO 8601, possibly partial (YYYY, YYYY-MM). */
  date: string;
  type: TimelineType;
  title: string;
  /** The entity the item is about (the designated person, the event), for a link. */
  entity_id: string | null;
  country: string | null;
  detail: string | null;
  quote: string | null;
  reliability: string | null;
  source: SourceRef | null;
}

export interface TimelineOptions {
  types?: readonly TimelineType[] | null;
  /** Year or ISO date, inclusive. */
  from?: string | null;
  to?: string | null;
  /** Only items about this entity (for the entity page). */
  entityId?: string | null;
  limit?: number;
}

/** Dated items of the graph: designations and delistings, host-country actions, TIP ratings, reports, list changes. */
export async function timeline(q: Queryable, options: TimelineOptions = {}): Promise<TimelineItem[]> {
  const want = new Set(options.types?.length ? options.types : TIMELINE_TYPES);
  const items: TimelineItem[] = [];
  const focus = options.entityId ?? null;

  if (want.has('designation') || want.has('delisting')) {
    // Dated statements of the DPRK-related designations (or those of one entity), in one pass.
    const dated = await q.query<CitedStatementRow>(
      `SELECT st.entity_id, st.prop, st.value, st.quote, st.reliability, st.source_id, s.title, s.published, s.url
         FROM statements st JOIN sources s ON s.id = st.source_id JOIN entities e ON e.id = st.entity_id
        WHERE st.schema = 'Sanction' AND st.review_status = 'accepted' AND st.prop = ANY($1::text[]) AND e.schema = 'Sanction'
          AND ($2::text IS NOT NULL OR e.datasets && $3::text[])
          AND ($2::text IS NULL OR st.entity_id IN (
                SELECT entity_id FROM statements WHERE schema = 'Sanction' AND prop = 'entity' AND value = $2 AND review_status = 'accepted'))`,
      [['startDate', 'endDate', 'date', 'listingDate'], focus, TIMELINE_DATASETS],
    );
    const sanctionIds = [...new Set(dated.map((d) => d.entity_id))];
    const st = await statementsFor(q, sanctionIds, ['entity', 'program', 'authority']);
    const targets = await captions(q, st.filter((s) => s.prop === 'entity').map((s) => s.value));
    for (const s of dated) {
      const mine = st.filter((x) => x.entity_id === s.entity_id);
      const target = mine.find((x) => x.prop === 'entity')?.value ?? null;
      const who = target ? (targets.get(target) ?? target) : 'an entity';
      const program = mine.find((x) => x.prop === 'program')?.value ?? null;
      const authority = mine.find((x) => x.prop === 'authority')?.value ?? null;
      const detail = [program && `programme: ${program}`, authority && `authority: ${authority}`].filter(Boolean).join('; ') || null;
      const type: TimelineType = s.prop === 'endDate' ? 'delisting' : 'designation';
      if (!want.has(type)) continue;
      items.push({
        id: `${s.entity_id}:${s.prop}:${s.value}`, date: s.value, type,
        title: type === 'designation' ? `${who} designated${authority ? ` by ${authority}` : ''}` : `${who} delisted${authority ? ` by ${authority}` : ''}`,
        entity_id: target, country: null, detail, quote: s.quote, reliability: s.reliability,
        source: { id: s.source_id, title: s.title, published: s.published, url: s.url },
      });
    }
  }

  if (want.has('action')) {
    const eventIds = (await q.query<{ id: string }>(
      focus
        ? `SELECT DISTINCT entity_id AS id FROM statements WHERE schema = 'Event' AND value = $1 AND review_status = 'accepted' UNION SELECT $1 AS id`
        : `SELECT id FROM entities WHERE schema = 'Event'`,
      focus ? [focus] : [],
    )).map((r) => r.id);
    const st = await statementsFor(q, eventIds, ['date', 'startDate', 'country', 'summary']);
    const names = await captions(q, eventIds);
    for (const id of eventIds) {
      const mine = st.filter((s) => s.entity_id === id);
      const dated = mine.find((s) => s.prop === 'date' || s.prop === 'startDate');
      if (!dated || !names.has(id)) continue;
      const countriesOf = mine.filter((s) => s.prop === 'country').map((s) => s.value.toUpperCase());
      items.push({
        id, date: dated.value, type: 'action', title: names.get(id) as string, entity_id: id,
        country: countriesOf.find((c) => c !== 'US') ?? countriesOf[0] ?? null,
        detail: mine.find((s) => s.prop === 'summary')?.value ?? null,
        quote: dated.quote, reliability: dated.reliability,
        source: { id: dated.source_id, title: dated.title, published: dated.published, url: dated.url },
      });
    }
  }

  if (want.has('tip') && !focus) {
    const tips = await q.query<{ id: string; country: string; report_year: number; tier: string; quote: string; reliability: string; source_id: string; title: string; published: string | null; url: string | null }>(
      `SELECT t.id, upper(t.country) AS country, t.report_year, t.tier, t.quote, t.reliability, t.source_id, s.title, s.published, s.url
         FROM tip_ratings t JOIN sources s ON s.id = t.source_id`,
    );
    for (const t of tips) {
      items.push({
        id: t.id, date: String(t.report_year), type: 'tip',
        title: `${countryName(t.country)}: Trafficking in Persons ${t.tier === '2WL' ? 'Tier 2 Watch List' : `Tier ${t.tier}`}`,
        entity_id: null, country: t.country, detail: null, quote: t.quote, reliability: t.reliability,
        source: { id: t.source_id, title: t.title, published: t.published, url: t.url },
      });
    }
  }

  if (want.has('report') && !focus) {
    const reports = await q.query<{ id: string; title: string; published: string; url: string | null; publisher: string | null }>(
      `SELECT id, title, published, url, publisher FROM sources WHERE kind = 'document' AND published IS NOT NULL`,
    );
    for (const r of reports) {
      items.push({
        id: r.id, date: r.published, type: 'report', title: r.title, entity_id: null, country: null,
        detail: r.publisher, quote: null, reliability: null, source: { id: r.id, title: r.title, published: r.published, url: r.url },
      });
    }
  }

  if (want.has('list_change') || want.has('designation') || want.has('delisting')) {
    const changes = await q.query<{ id: string; dataset: string; version: string; entity_id: string; caption: string; change: string; source_id: string; title: string; published: string | null; url: string | null }>(
      `SELECT c.id, c.dataset, c.version, c.entity_id, c.caption, c.change, c.source_id, s.title, s.published, s.url
         FROM list_changes c JOIN sources s ON s.id = c.source_id
        WHERE c.dprk AND ($1::text IS NULL OR c.entity_id = $1)
          AND NOT (c.change = 'added' AND (c.details->>'first_version') = 'true')
        ORDER BY c.version DESC LIMIT 5000`,
      [focus],
    );
    for (const c of changes) {
      const type: TimelineType = c.change === 'added' ? 'designation' : c.change === 'removed' ? 'delisting' : 'list_change';
      if (!want.has(type)) continue;
      items.push({
        id: c.id, date: c.version, type,
        title: `${c.caption} ${c.change === 'added' ? 'added to' : c.change === 'removed' ? 'removed from' : 'changed on'} ${c.title}`,
        entity_id: c.entity_id, country: null, detail: `list version ${c.version}`, quote: null, reliability: 'A1',
        source: { id: c.source_id, title: c.title, published: c.published, url: c.url },
      });
    }
  }

  const from = options.from ?? null;
  const to = options.to ?? null;
  const filtered = items.filter((i) => (from == null || i.date.slice(0, from.length) >= from) && (to == null || i.date.slice(0, to.length) <= to));
  filtered.sort((a, b) => a.date.localeCompare(b.date) || a.type.localeCompare(b.type) || a.title.localeCompare(b.title));
  // Over the limit, the newest items are kept (still oldest first).
  const limit = options.limit ?? 2000;
  return filtered.length > limit ? filtered.slice(filtered.length - limit) : filtered;
}

// ---------------------------------------------------------------------------
// Network

export interface NetworkNode {
  id: string;
  schema: string;
  caption: string;
  topics: string[];
  /** Hops from the entity the network was asked for. */
  depth: number;
}

export interface NetworkEdge {
  id: string;
  source: string;
  target: string;
  /** The relation type: the edge entity's schema (Directorship, Sanction, UnknownLink, …). */
  type: string;
  /** What the edge says, in words ("directs", "linked to", "sanctions"). */
  label: string;
  directed: boolean;
}

export interface Network {
  root: string;
  depth: number;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** True when the network was cut at `maxNodes`. */
  truncated: boolean;
  types: string[];
}

const EDGE_REFS = REFERENCE_PROPS as readonly string[];
const ROLE_LABEL: Record<string, string> = { entity: 'sanctions', programId: 'under', involved: 'involved', organizer: 'organised by', holder: 'held by', post: 'post' };

/**
 * The graph around one entity, `depth` hops out. Relation entities with two
 * ends (Directorship, Membership, UnknownLink, …) become one edge; others
 * (a Sanction, an Event, a Project) become a node linked to each entity they name.
 */
export async function network(q: Queryable, requestedId: string, depth = 1, maxNodes = 250): Promise<Network> {
  const root = await canonicalId(q, requestedId);
  const rootRow = await q.query<{ id: string }>('SELECT id FROM entities WHERE id = $1', [root]);
  if (rootRow.length === 0) throw new Room39Error('not_found', `no entity with id "${requestedId}"`);
  const level = new Map<string, number>([[root, 0]]);
  const edges = new Map<string, NetworkEdge>();
  let frontier = [root];
  let truncated = false;
  const add = (id: string, d: number): boolean => {
    if (level.has(id)) return true;
    if (level.size >= maxNodes) {
      truncated = true;
      return false;
    }
    level.set(id, d);
    return true;
  };
  for (let d = 1; d <= depth && frontier.length; d++) {
    // Relation entities that name a frontier entity, and the frontier's own outgoing references.
    const incoming = await q.query<{ entity_id: string }>(
      `SELECT DISTINCT entity_id FROM statements WHERE value = ANY($1::text[]) AND prop = ANY($2::text[]) AND review_status = 'accepted'`,
      [frontier, EDGE_REFS],
    );
    const relIds = [...new Set([...incoming.map((r) => r.entity_id), ...frontier])];
    const refs = await q.query<{ entity_id: string; schema: string; prop: string; value: string }>(
      `SELECT DISTINCT entity_id, schema, prop, value FROM statements
        WHERE entity_id = ANY($1::text[]) AND prop = ANY($2::text[]) AND review_status = 'accepted'`,
      [relIds, EDGE_REFS],
    );
    const byRel = new Map<string, { schema: string; prop: string; value: string }[]>();
    for (const r of refs) byRel.set(r.entity_id, [...(byRel.get(r.entity_id) ?? []), r]);
    const next: string[] = [];
    const reach = (id: string) => {
      const known = level.has(id);
      if (add(id, d) && !known) next.push(id);
      return level.has(id);
    };
    for (const [relId, list] of byRel) {
      const schema = list[0]!.schema;
      const fs = ftmSchema(schema);
      const edge = fs?.edge;
      const sources = edge ? list.filter((r) => r.prop === edge.source).map((r) => r.value) : [];
      const targets = edge ? list.filter((r) => r.prop === edge.target).map((r) => r.value) : [];
      if (edge && sources.length && targets.length && !level.has(relId)) {
        // A two-ended relation: one edge per (source, target) pair touching the network.
        for (const s of sources) for (const t of targets) {
          if (!level.has(s) && !level.has(t)) continue;
          if (!reach(s) || !reach(t)) continue;
          edges.set(`${relId}:${s}:${t}`, { id: `${relId}:${s}:${t}`, source: s, target: t, type: schema, label: edge.label ?? schemaLabel(schema), directed: !!edge.directed });
        }
        continue;
      }
      // A relation entity as a node of its own, linked to each entity it names.
      const touches = list.some((r) => level.has(r.value)) || level.has(relId);
      if (!touches || !reach(relId)) continue;
      for (const r of list) {
        if (!reach(r.value)) continue;
        const id = `${relId}:${r.prop}:${r.value}`;
        edges.set(id, { id, source: relId, target: r.value, type: schema, label: ROLE_LABEL[r.prop] ?? r.prop, directed: true });
      }
    }
    frontier = next;
  }
  const ids = [...level.keys()];
  const rows = await q.query<{ id: string; schema: string; caption: string; topics: string[] }>(
    'SELECT id, schema, caption, topics FROM entities WHERE id = ANY($1::text[])',
    [ids],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  // References to ids with no entity row (dangling) are dropped with their edges.
  const nodes: NetworkNode[] = ids.filter((id) => byId.has(id)).map((id) => {
    const r = byId.get(id)!;
    return { id, schema: r.schema, caption: r.caption, topics: r.topics, depth: level.get(id) ?? 0 };
  });
  const present = new Set(nodes.map((n) => n.id));
  const edgeList = [...edges.values()].filter((e) => present.has(e.source) && present.has(e.target) && e.source !== e.target);
  return { root, depth, nodes, edges: edgeList, truncated, types: [...new Set(edgeList.map((e) => e.type))].sort() };
}

export { schemaLabel };
