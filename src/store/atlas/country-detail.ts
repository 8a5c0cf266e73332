/**
 * One country's page: its accepted figures, the labour deployments it hosts
 * (with sender and employer), its TIP ratings, and the actions it took
 * (Event entities placed in the country), each with its source.
 */
import type { Queryable } from '../db.ts';
import { Room39Error } from '../../errors.ts';
import { countryName, countryNumeric, isCountryCode } from '../../model/countries.ts';
import { FIGURE_SELECT, citeFigures, type CitedFigureRow, type FigureRow } from './figures.ts';
import { SENDING_COUNTRY, captions, cited, sourceRef, statementsFor, type CitedStatementRow, type CitedValue, type SourceColumns, type SourceRef } from './shared.ts';

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

async function countryFigures(q: Queryable, cc: string): Promise<CitedFigureRow[]> {
  return citeFigures(q, await q.query<FigureRow>(
    `${FIGURE_SELECT} WHERE f.review_status = 'accepted' AND upper(f.country) = $1 ORDER BY f.metric, f.period_start NULLS LAST, f.reliability`,
    [cc],
  ));
}

interface DeploymentSelect extends SourceColumns {
  id: string;
  sector: string | null;
  period_start: string | null;
  period_end: string | null;
  sender_id: string | null;
  employer_id: string | null;
  quote: string;
  reliability: string;
}

async function countryDeployments(q: Queryable, cc: string): Promise<DeploymentRow[]> {
  const deps = await q.query<DeploymentSelect>(
    `SELECT d.id, d.sector, d.period_start, d.period_end, d.sender_id, d.employer_id, d.quote, d.reliability, d.source_id, s.title, s.published, s.url
       FROM deployments d JOIN sources s ON s.id = d.source_id WHERE upper(d.country) = $1 ORDER BY d.sector NULLS LAST, d.id`,
    [cc],
  );
  const names = await captions(q, deps.flatMap((d) => [d.sender_id, d.employer_id]));
  const ref = (id: string | null) => (id ? { id, caption: names.get(id) ?? id } : null);
  return deps.map((d) => ({
    id: d.id, sector: d.sector, period_start: d.period_start, period_end: d.period_end,
    sender: ref(d.sender_id), employer: ref(d.employer_id), quote: d.quote, reliability: d.reliability,
    source: sourceRef(d),
  }));
}

async function countryTip(q: Queryable, cc: string): Promise<TipRow[]> {
  const tip = await q.query<{ report_year: number; tier: string; quote: string; reliability: string } & SourceColumns>(
    `SELECT t.report_year, t.tier, t.quote, t.reliability, t.source_id, s.title, s.published, s.url
       FROM tip_ratings t JOIN sources s ON s.id = t.source_id WHERE upper(t.country) = $1 ORDER BY t.report_year`,
    [cc],
  );
  return tip.map((t) => ({ year: t.report_year, tier: t.tier, quote: t.quote, reliability: t.reliability, source: sourceRef(t) }));
}

/** Events placed in the country (the host-country actions), earliest first, each with its date and summary. */
async function countryActions(q: Queryable, cc: string): Promise<ActionRow[]> {
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
  return actions;
}

/** Everything the graph holds about one country: its figures, deployments, TIP ratings and the actions it took. */
export async function countryDetail(q: Queryable, code: string): Promise<CountryDetail> {
  if (!isCountryCode(code)) throw new Room39Error('invalid_input', `"${code}" is not an ISO 3166-1 alpha-2 country code (such as RU, CN, MT)`);
  const cc = code.toUpperCase();
  const figures = await countryFigures(q, cc);
  const deployments = await countryDeployments(q, cc);
  const tip = await countryTip(q, cc);
  const actions = await countryActions(q, cc);
  return {
    cc,
    numeric: countryNumeric(cc),
    name: countryName(cc),
    role: cc === SENDING_COUNTRY ? 'sending' : 'host',
    figures,
    deployments,
    tip,
    actions,
  };
}
