/**
 * Supplier risk beyond names (CAATSA §321(b)): for a row with a country (and
 * optionally a sector or address), what the graph knows of North Korean
 * labour there — deployments by country, sector and period, the senders and
 * employers named, worker counts — each with its source, quote and grade. It
 * is an indicator of where labour is documented, never a finding about the
 * supplier: the wording says what is known where, and from whom.
 */
import type { Queryable } from '../store/db.ts';
import { countryName } from '../model/countries.ts';
import { countryCodeOf } from '../match/score-country.ts';
import type { ScreenInput } from '../screen/csv-input.ts';
import { figureCorrections, type Correction, type FigureValue } from '../store/corrections.ts';

export interface RiskEvidence {
  kind: 'deployment' | 'worker_count';
  sector: string | null;
  period: string | null;
  /** Who sent or employed the workers, when the source names them. */
  sender: string | null;
  employer: string | null;
  /** For a worker count: the figure as the source gives it. */
  figure: string | null;
  /** The source's words, where the source is bundled; null otherwise (then the citation says where). */
  quote: string | null;
  reliability: string;
  source: { id: string; title: string };
  /** A worker count a reviewer corrected: who, when, and what the source's text gave (its quote still says that). */
  correction?: Correction;
}

export interface SupplierRisk {
  country: string;
  country_name: string;
  /** `sector`: documented in this country and sector; `country`: in this country, not (known) in this sector; `none`: nothing known there. */
  level: 'sector' | 'country' | 'none';
  summary: string;
  evidence: RiskEvidence[];
}

interface DeploymentRow { sector: string | null; period_start: string | null; period_end: string | null; sender: string | null; employer: string | null; quote: string | null; reliability: string; source_id: string; title: string }
interface FigureRow extends FigureValue { quote: string | null; reliability: string; source_id: string; title: string }

/** What a report says before the quote of a corrected worker count: the quote gives the source's value, not the one shown. */
export function correctedNote(c: Correction): string {
  return `[corrected by ${c.by}: the source says ${c.from}]`;
}

const period = (a: string | null, b: string | null) => (a || b ? `${a ?? '…'}–${b ?? '…'}` : null);
const words = (s: string) => s.toLowerCase().split(/[^a-z]+/).filter((w) => w.length > 3).map((w) => w.replace(/(ing|s)$/, ''));
export const sectorMatches = (asked: string, known: string | null) => !!known && words(asked).some((w) => words(known).includes(w));

/** Country codes of a row's country cell (several may be separated by ; or |). */
export function rowCountries(input: ScreenInput): string[] {
  return [...new Set((input.country ?? '').split(/[;|]/).map((c) => countryCodeOf(c.trim())).filter((c): c is string => !!c).map((c) => c.toUpperCase()))];
}

export class SupplierRiskIndex {
  private readonly cache = new Map<string, { deployments: DeploymentRow[]; figures: FigureRow[]; corrections: Map<string, Correction> }>();
  constructor(private readonly q: Queryable) {}

  private async known(cc: string) {
    let k = this.cache.get(cc);
    if (!k) {
      const deployments = await this.q.query<DeploymentRow>(
        `SELECT d.sector, d.period_start, d.period_end, se.caption AS sender, em.caption AS employer, d.quote, d.reliability, d.source_id, s.title
           FROM deployments d JOIN sources s ON s.id = d.source_id
           LEFT JOIN entities se ON se.id = d.sender_id LEFT JOIN entities em ON em.id = d.employer_id
          WHERE d.country = $1 ORDER BY d.period_start NULLS LAST, d.id`, [cc]);
      const figures = await this.q.query<FigureRow>(
        `SELECT f.id, f.metric, f.country, f.entity_id, f.sector, f.recipient, f.period_start, f.period_end, f.low, f.high, f.of_total, f.unit, f.per,
                f.qualifier, f.quote, f.reliability, f.source_id, s.title
           FROM figures f JOIN sources s ON s.id = f.source_id
          WHERE f.country = $1 AND f.metric = 'workers' AND f.review_status = 'accepted' ORDER BY f.period_start NULLS LAST, f.id`, [cc]);
      k = { deployments, figures, corrections: await figureCorrections(this.q, figures) };
      this.cache.set(cc, k);
    }
    return k;
  }

  /** The indicator for one row, or null when the row names no country. */
  async forRow(input: ScreenInput): Promise<SupplierRisk[]> {
    const out: SupplierRisk[] = [];
    for (const cc of rowCountries(input)) {
      if (cc === 'KP') continue;
      const { deployments, figures, corrections } = await this.known(cc);
      const sector = (input.sector ?? '').trim();
      const evidence: RiskEvidence[] = [
        ...deployments.map((d) => ({ kind: 'deployment' as const, sector: d.sector, period: period(d.period_start, d.period_end), sender: d.sender, employer: d.employer, figure: null, quote: d.quote, reliability: d.reliability, source: { id: d.source_id, title: d.title } })),
        ...figures.map((f) => ({ kind: 'worker_count' as const, sector: f.sector, period: period(f.period_start, f.period_end), sender: null, employer: null,
          figure: f.low === null ? null : `${f.low.toLocaleString('en')}${f.high !== null && f.high !== f.low ? `–${f.high.toLocaleString('en')}` : ''} ${f.unit}`, quote: f.quote, reliability: f.reliability, source: { id: f.source_id, title: f.title },
          ...(corrections.has(f.id) ? { correction: corrections.get(f.id)! } : {}) })),
      ];
      const inSector = sector !== '' && evidence.some((e) => sectorMatches(sector, e.sector));
      const level = evidence.length === 0 ? 'none' : inSector ? 'sector' : 'country';
      const name = countryName(cc);
      const sources = [...new Set(evidence.map((e) => e.source.title))];
      const sectors = [...new Set(evidence.map((e) => e.sector).filter((s): s is string => !!s))];
      const summary = level === 'none'
        ? `The graph holds no source on North Korean workers in ${name}. This says nothing about the supplier itself.`
        : `${evidence.length} source statement${evidence.length > 1 ? 's' : ''} in the graph place North Korean workers in ${name}`
          + `${sectors.length ? ` (sectors named: ${sectors.join(', ')})` : ''}${level === 'sector' ? `, including the sector "${sector}"` : ''}; from ${sources.slice(0, 4).join('; ')}${sources.length > 4 ? ` and ${sources.length - 4} more` : ''}. `
          + 'This is where such labour is documented, not a finding about this supplier (CAATSA §321(b) presumes goods made with North Korean labour are forced-labour goods).';
      out.push({ country: cc, country_name: name, level, summary, evidence });
    }
    return out;
  }
}
