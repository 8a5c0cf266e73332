/**
 * From sourced figures to the model for one year: which figures each input
 * uses, how a missing figure is filled (the gap rules) and the flags that say
 * so. Nothing here draws random numbers. The steps, in order (the order of
 * the gap notes follows them): the figures that cannot enter, the world
 * total, each country's own workers, the groups' shares, the rows with their
 * rates, the unattributed remainder.
 */
import type { Figure, LabourDeployment } from '../model/index.ts';
import { HOME_COUNTRY, MAX_GAP_YEARS, type Model, type ModelInput, type ModelRow, type UnusedFigure } from './model.ts';
import { rateInput } from './rates.ts';
import { scaleFor } from './readings.ts';
import { groupKey, groupShares, ownWorkers, shareCountries, worldTotal, type Notes, type OwnWorkers } from './workers.ts';

/** The accepted figures, sorted by id so the mixtures (and so the draws) do not depend on the order the store returns rows in. */
function acceptedById(figures: readonly Figure[]): Figure[] {
  return figures.filter((f) => f.reviewStatus === 'accepted').sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Notes the figures about North Korea itself and the worker figures that cannot enter; returns the test for a figure about labour abroad. */
function screenFigures(accepted: readonly Figure[], workerFigs: readonly Figure[], shareFigs: readonly Figure[], unused: UnusedFigure[]): (f: Figure) => boolean {
  const bad = (f: Figure) => {
    const s = scaleFor(f);
    return 'error' in s ? s.error : null;
  };
  for (const f of accepted) {
    if (f.country === HOME_COUNTRY || (f.countries ?? []).includes(HOME_COUNTRY)) unused.push({ figureId: f.id, reason: 'about labour inside North Korea (KP), not labour sent abroad' });
  }
  for (const f of [...workerFigs, ...shareFigs]) {
    const e = bad(f);
    if (e) unused.push({ figureId: f.id, reason: e });
  }
  return (f: Figure) => f.country !== HOME_COUNTRY && !(f.countries ?? []).includes(HOME_COUNTRY) && bad(f) == null;
}

/** One row per country with its own workers or a group's part, each with its rates; the others are noted as in the remainder. */
function countryRows(countries: readonly string[], own: ReadonlyMap<string, OwnWorkers>, inGroup: ReadonlyMap<string, string>, accepted: readonly Figure[], n: Notes): ModelRow[] {
  const rows: ModelRow[] = [];
  for (const c of countries) {
    const o = own.get(c);
    const grp = inGroup.get(c) ?? null;
    if (!o && !grp) {
      n.gaps.push({ country: c, metric: 'workers', rule: 'excluded', message: `${c}: no worker figure (count or share) usable for ${n.year}; its workers, if any, are in the unattributed remainder` });
      continue;
    }
    const sector = o?.sector ?? null;
    rows.push({
      country: c,
      sector,
      basis: o ? o.basis : 'group',
      workers: o ? o.input : null,
      group: o ? null : grp,
      wage: rateInput('monthly_wage', c, 'country', sector, accepted, n.year, n.unused, n.gaps),
      share: rateInput('state_share', c, 'country', sector, accepted, n.year, n.unused, n.gaps),
      months: rateInput('months_worked', c, 'country', sector, accepted, n.year, n.unused, n.gaps),
    });
  }
  return rows;
}

/** The world total less the named countries, in equal parts among the documented hosts without a figure; null without a world total. */
function remainderRow(rows: readonly ModelRow[], deployments: readonly LabourDeployment[], total: ModelInput | null, accepted: readonly Figure[], n: Notes): ModelRow | null {
  const named = new Set(rows.map((r) => r.country));
  const hosts = [...new Set(deployments.map((d) => d.country))].filter((c) => !named.has(c) && c !== HOME_COUNTRY).sort();
  if (!total) {
    n.gaps.push({ country: null, metric: 'workers', rule: 'excluded', message: `no world total of workers within ${MAX_GAP_YEARS} years of ${n.year}: only countries with their own count are counted${hosts.length ? `; left out: ${hosts.join(', ')}` : ''}` });
    return null;
  }
  const remainder: ModelRow = {
    country: null,
    sector: null,
    basis: 'remainder',
    workers: null,
    group: null,
    hosts,
    wage: rateInput('monthly_wage', null, 'remainder', null, accepted, n.year, n.unused, n.gaps),
    share: rateInput('state_share', null, 'remainder', null, accepted, n.year, n.unused, n.gaps),
    months: rateInput('months_worked', null, 'remainder', null, accepted, n.year, n.unused, n.gaps),
  };
  n.gaps.push({ country: null, metric: 'workers', rule: 'remainder', message: 'workers in host countries without a figure of their own: the world total less the named countries (never below zero)' });
  if (hosts.length) {
    n.gaps.push({
      country: null,
      metric: 'workers',
      rule: 'remainder_split',
      message: `host countries with documented deployments but no usable worker figure for ${n.year}, each given an equal 1/${hosts.length} of the remainder (no figure says how it divides; --exclude of one of them removes its part): ${hosts.join(', ')}`,
    });
  }
  return remainder;
}

/** Builds the model for a year from the accepted figures (and deployments, for the remainder's host countries). */
export function buildModel(figures: readonly Figure[], deployments: readonly LabourDeployment[], year: number): Model {
  const accepted = acceptedById(figures);
  const n: Notes = { year, gaps: [], unused: [] };
  const workerFigs = accepted.filter((f) => f.metric === 'workers');
  const shareFigs = accepted.filter((f) => f.metric === 'worker_share');
  const abroad = screenFigures(accepted, workerFigs, shareFigs, n.unused);

  const total = worldTotal(workerFigs.filter((f) => f.country == null && abroad(f)), n);

  // Countries' own counts and shares; groups' shares, fewest countries first.
  const countFigs = workerFigs.filter((f) => f.country != null && abroad(f));
  const singleShares = shareFigs.filter((f) => abroad(f) && shareCountries(f).length === 1);
  const groupFigs = shareFigs.filter((f) => abroad(f) && shareCountries(f).length > 1);
  const groupKeys = [...new Set(groupFigs.map((f) => groupKey(shareCountries(f))))]
    .sort((a, b) => a.split('+').length - b.split('+').length || (a < b ? -1 : a > b ? 1 : 0));
  const countries = [...new Set([
    ...countFigs.map((f) => f.country as string),
    ...singleShares.map((f) => shareCountries(f)[0] as string),
    ...groupKeys.flatMap((k) => k.split('+')),
  ])].sort();
  const own = ownWorkers(countries, countFigs, singleShares, total, n);
  const { groups, inGroup } = groupShares(groupKeys, groupFigs, own, total, n);

  const rows = countryRows(countries, own, inGroup, accepted, n);
  const remainder = remainderRow(rows, deployments, total, accepted, n);

  const seen = new Set<string>();
  const unique = n.unused.filter((u) => (seen.has(u.figureId) ? false : (seen.add(u.figureId), true)));
  return { year, rows, groups, total, remainder, gaps: n.gaps, unused: unique };
}
