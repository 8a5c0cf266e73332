/**
 * Where the workers of the year come from: the world total, each country's
 * own count (or else its own share of the total), and the shares of groups
 * of countries ("Russia or China"), with the gap notes and unused figures
 * each choice leaves. Counts follow time: the year's figures, else the
 * nearest year's within MAX_GAP_YEARS, else undated ones.
 */
import type { Figure } from '../model/index.ts';
import { CARRY_ANY_DISTANCE, covers, MAX_GAP_YEARS, SHARE_RULES, yearsOf, type Gap, type InputStatus, type ModelGroup, type ModelInput, type UnusedFigure } from './model.ts';
import { componentsFrom, fmt } from './readings.ts';

/** What the steps of building a model for one year write to: the gap notes and the figures left unused. */
export interface Notes {
  year: number;
  gaps: Gap[];
  unused: UnusedFigure[];
}

export const groupKey = (countries: readonly string[]) => [...new Set(countries)].sort().join('+');

/** The countries a worker_share figure is about (one, or a group). */
export function shareCountries(f: Figure): string[] {
  if (f.countries && f.countries.length) return [...new Set(f.countries)].sort();
  return f.country ? [f.country] : [];
}

/**
 * Counts follow time: the year's figures; else the nearest year's within
 * MAX_GAP_YEARS, earlier preferred on a tie (flagged with the year they come
 * from); else undated ones. The world total (anyDistance) is carried from the
 * nearest year however far, flagged as such, so every year in the span of the
 * data has an answer; a country's count is not (a host may have sent its
 * workers home): beyond MAX_GAP_YEARS its workers fall to the remainder.
 */
function selectCounts(cands: readonly Figure[], year: number, anyDistance = false): { figures: Figure[]; status: InputStatus; flag: string | null; from: number | null } {
  const covering = cands.filter((f) => covers(f, year));
  if (covering.length) return { figures: covering, status: 'observed', flag: null, from: null };
  let best: { dist: number; forward: boolean; figs: Figure[] } | null = null;
  for (const f of cands) {
    const y = yearsOf(f);
    if (!y) continue;
    const forward = y[1] < year;
    const dist = forward ? year - y[1] : y[0] - year;
    if (dist > MAX_GAP_YEARS && !(anyDistance && CARRY_ANY_DISTANCE)) continue;
    const better = !best || dist < best.dist || (dist === best.dist && forward && !best.forward);
    if (better) best = { dist, forward, figs: [f] };
    else if (best && dist === best.dist && forward === best.forward) best.figs.push(f);
  }
  const undated = cands.filter((f) => yearsOf(f) == null);
  if (best && (best.dist <= MAX_GAP_YEARS || !undated.length)) {
    const from = best.forward ? year - best.dist : year + best.dist;
    const far = best.dist > MAX_GAP_YEARS ? `, more than ${MAX_GAP_YEARS} years: read with care` : '';
    return {
      figures: best.figs,
      status: best.forward ? 'carried_forward' : 'carried_back',
      flag: `no figure for ${year}: ${best.forward ? 'carried forward' : 'carried back'} from ${from} (${best.dist} year${best.dist > 1 ? 's' : ''} away${far})`,
      from,
    };
  }
  if (undated.length) return { figures: undated, status: 'undated', flag: `no dated figure within ${MAX_GAP_YEARS} years of ${year}: undated figures used`, from: null };
  return { figures: [], status: 'observed', flag: null, from: null };
}

function oneSector(used: readonly Figure[]): string | null {
  const sectors = [...new Set(used.map((f) => f.sector))];
  return sectors.length === 1 ? (sectors[0] ?? null) : null;
}

/** A gap note for every share stated in words rather than as a number, with the reading used and how to change it. */
function vagueGaps(used: readonly Figure[], target: string, country: string | null, gaps: Gap[]): void {
  for (const f of used) {
    if (f.qualifier === 'exact' || f.qualifier === 'range') continue;
    const reading = f.qualifier === 'at_least' && f.high == null
      ? `at least ${fmt(f.low ?? 0)}, capped at ${SHARE_RULES.atLeastCap} (rule share_at_least_cap)`
      : `${fmt(f.low ?? 0)}–${fmt(f.high ?? f.low ?? 0)} (${f.qualifier}; the reading is stated in the figure's note)`;
    gaps.push({
      country,
      metric: 'worker_share',
      rule: 'vague_share',
      message: `${target}: "${f.quote}" (${f.id}, ${f.reliability}) gives no number; read as a share of ${reading}. Change it with --override ${target}:worker_share=LOW..HIGH`,
    });
  }
}

const notNearest = (year: number) => `dated outside ${year} (or undated) while nearer figures exist`;
const noTotal = (what: string, year: number) => `${what}, but there is no world total of workers within ${MAX_GAP_YEARS} years of ${year} to take it of`;

/** The world total of workers abroad for the year, from the figures with no country; null when none is near. */
export function worldTotal(globalFigs: readonly Figure[], n: Notes): ModelInput | null {
  const g = selectCounts(globalFigs, n.year, true);
  if (!g.figures.length) return null;
  for (const f of globalFigs) if (!g.figures.includes(f)) n.unused.push({ figureId: f.id, reason: `world total dated outside ${n.year} (or undated) while nearer figures exist` });
  const { components, used } = componentsFrom(g.figures, n.unused);
  const flags = g.flag ? [g.flag] : [];
  if (g.flag) n.gaps.push({ country: null, metric: 'workers', rule: g.status as Gap['rule'], message: `world total: ${g.flag}` });
  if (!components.length) return null;
  return { key: 'workers:total', metric: 'workers', country: null, scope: 'total', sector: null, status: g.status, flags, components, figures: used, override: null, fromYear: g.from };
}

/** A country's own workers: a count or a share of the world total. */
export interface OwnWorkers {
  basis: 'count' | 'share';
  input: ModelInput;
  sector: string | null;
}

/** A country's own count of workers for the year (its shares then go unused); null when it has none. */
function ownCount(c: string, cands: readonly Figure[], shares: readonly Figure[], n: Notes): OwnWorkers | 'none' | 'unusable' {
  const cnt = selectCounts(cands, n.year);
  if (!cnt.figures.length) return 'none';
  for (const f of cands) if (!cnt.figures.includes(f)) n.unused.push({ figureId: f.id, reason: `dated outside ${n.year} while nearer figures exist` });
  for (const f of shares) n.unused.push({ figureId: f.id, reason: `${c} has its own count of workers for ${n.year}; the count is used, not the share` });
  const { components, used } = componentsFrom(cnt.figures, n.unused);
  if (!components.length) return 'unusable';
  const flags = cnt.flag ? [cnt.flag] : [];
  if (cnt.flag) n.gaps.push({ country: c, metric: 'workers', rule: cnt.status as Gap['rule'], message: `${c}: ${cnt.flag}` });
  const sector = oneSector(used);
  return { basis: 'count', sector, input: { key: `workers:${c}`, metric: 'workers', country: c, scope: 'country', sector, status: cnt.status, flags, components, figures: used, override: null, fromYear: cnt.from } };
}

/** A country's own share of the world total for the year; null without one (or without a world total to take it of). */
function ownShare(c: string, shares: readonly Figure[], total: ModelInput | null, n: Notes): OwnWorkers | null {
  const sh = selectCounts(shares, n.year);
  if (!sh.figures.length) return null;
  if (!total) {
    for (const f of shares) n.unused.push({ figureId: f.id, reason: noTotal(`a share of the workers abroad for ${c}`, n.year) });
    return null;
  }
  for (const f of shares) if (!sh.figures.includes(f)) n.unused.push({ figureId: f.id, reason: notNearest(n.year) });
  const { components, used } = componentsFrom(sh.figures, n.unused);
  if (!components.length) return null;
  const flags = [...(sh.flag ? [sh.flag] : []), `no count of workers for ${c}: its workers are this share × the world total`];
  if (sh.flag) n.gaps.push({ country: c, metric: 'worker_share', rule: sh.status as Gap['rule'], message: `${c}: ${sh.flag}` });
  n.gaps.push({ country: c, metric: 'workers', rule: 'share_of_total', message: `${c}: no count of workers near ${n.year}; its workers are its sourced share of the world total (${used.map((f) => f.id).join(', ')})` });
  vagueGaps(used, c, c, n.gaps);
  const sector = oneSector(used);
  return { basis: 'share', sector, input: { key: `worker_share:${c}`, metric: 'worker_share', country: c, scope: 'country', sector, status: sh.status, flags, components, figures: used, override: null, fromYear: sh.from } };
}

/** Each country's own workers: its count if it has one for the year, else its own share of the world total. */
export function ownWorkers(countries: readonly string[], countFigs: readonly Figure[], singleShares: readonly Figure[], total: ModelInput | null, n: Notes): Map<string, OwnWorkers> {
  const own = new Map<string, OwnWorkers>();
  for (const c of countries) {
    const shares = singleShares.filter((f) => shareCountries(f)[0] === c);
    const count = ownCount(c, countFigs.filter((f) => f.country === c), shares, n);
    if (count === 'unusable') continue;
    const o = count === 'none' ? ownShare(c, shares, total, n) : count;
    if (o) own.set(c, o);
  }
  return own;
}

/**
 * Groups' shares, fewest countries first: a country without its own count or
 * share takes part of the first group that holds it (the group's workers less
 * the members with their own, split evenly among the rest).
 */
export function groupShares(
  groupKeys: readonly string[], shareFigs: readonly Figure[], own: ReadonlyMap<string, OwnWorkers>, total: ModelInput | null, n: Notes,
): { groups: ModelGroup[]; inGroup: Map<string, string> } {
  const groups: ModelGroup[] = [];
  const inGroup = new Map<string, string>();
  for (const key of groupKeys) {
    const members = key.split('+');
    const figs = shareFigs.filter((f) => groupKey(shareCountries(f)) === key);
    const free = members.filter((m) => !own.has(m) && !inGroup.has(m));
    if (!total) {
      for (const f of figs) n.unused.push({ figureId: f.id, reason: noTotal(`a share of the workers abroad for ${members.join(' and ')} together`, n.year) });
      continue;
    }
    if (!free.length) {
      for (const f of figs) n.unused.push({ figureId: f.id, reason: `every country of ${key} has its own count or share (or an earlier group's), so the group's share adds no workers` });
      continue;
    }
    const sel = selectCounts(figs, n.year);
    if (!sel.figures.length) continue;
    for (const f of figs) if (!sel.figures.includes(f)) n.unused.push({ figureId: f.id, reason: notNearest(n.year) });
    const { components, used } = componentsFrom(sel.figures, n.unused);
    if (!components.length) continue;
    const fixed = members.filter((m) => !free.includes(m));
    const flags = [...(sel.flag ? [sel.flag] : []), `share of ${members.join(' and ')} together; ${free.join(', ')} ${free.length > 1 ? 'split evenly' : 'takes'} what ${fixed.length ? `${fixed.join(', ')} ${fixed.length > 1 ? 'do' : 'does'} not` : 'the group holds'}`];
    if (sel.flag) n.gaps.push({ country: null, metric: 'worker_share', rule: sel.status as Gap['rule'], message: `${key}: ${sel.flag}` });
    vagueGaps(used, key, null, n.gaps);
    for (const m of free) {
      inGroup.set(m, key);
      const rest = fixed.length ? ` less ${fixed.join(' and ')}'s own workers` : '';
      n.gaps.push({
        country: m,
        metric: 'workers',
        rule: 'group_split',
        message: `${m}: no count or share of its own near ${n.year}; its workers are the ${key} share of the world total (${used.map((f) => f.id).join(', ')})${rest}${free.length > 1 ? `, split evenly among ${free.join(', ')} (no figure says how they divide)` : ''}`,
      });
    }
    groups.push({ key, countries: members, input: { key: `worker_share:${key}`, metric: 'worker_share', country: null, countries: members, scope: 'group', sector: null, status: sel.status, flags, components, figures: used, override: null, fromYear: sel.from } });
  }
  return { groups, inGroup };
}
