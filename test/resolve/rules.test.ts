/**
 * The merge rules as pure functions: what joins two records, and what never
 * does (a name alone; contradicting birth dates or countries; two records of
 * one list). The records are written the way the lists give them.
 */
import { describe, expect, it } from 'vitest';
import { judgePair, nameCounts } from '../../src/resolve/rules.ts';
import { nameKeysOf, SEED_DATASET, type RecordKind, type ResolveRecord } from '../../src/resolve/records.ts';
import { proposeByRules } from '../../src/resolve/link.ts';

function rec(id: string, kind: RecordKind, names: string[], more: Partial<Omit<ResolveRecord, 'id' | 'kind' | 'names'>> = {}): ResolveRecord {
  const dataset = id.startsWith('ofac-') ? 'us_ofac_sdn' : id.startsWith('unsc-') ? 'un_sc_sanctions' : id.startsWith('gb-') ? 'gb_fcdo_sanctions' : SEED_DATASET;
  return {
    id, schema: kind === 'person' ? 'Person' : 'Organization', kind, dataset, names, nameKeys: new Set(names.flatMap((n) => nameKeysOf(n, kind))),
    birthDates: [], countries: new Set(), identifiers: new Map(), positions: new Set(), positionText: [], programs: new Set(), dprk: true, designatedBy: new Set(),
    ...more,
  };
}

const judge = (a: ResolveRecord, b: ResolveRecord, all: ResolveRecord[] = [a, b]) => judgePair(a, b, nameCounts(all));

describe('merge rules', () => {
  it('a name alone never joins two persons (the UK summary gives nothing else)', () => {
    expect(judge(rec('gb-dpr0043', 'person', ['KIM WON-HONG']), rec('ofac-21443', 'person', ['KIM, Won Hong'], { birthDates: ['1945-07-17'] }))).toBeNull();
    expect(judge(rec('gb-dpr0044', 'person', ['KIM YONG CHOL']), rec('unsc-kpi-024', 'person', ['KIM YONG CHOL']))).toBeNull();
  });

  it('two Kim Yong Chols with birth dates years apart stay apart even with a post in common', () => {
    const a = rec('ofac-12211', 'person', ['KIM, Yong Chol'], { birthDates: ['1947'], positions: new Set(['komid representative']) });
    const b = rec('unsc-kpi-024', 'person', ['KIM YONG CHOL'], { birthDates: ['1962-02-18'], positions: new Set(['komid representative']) });
    expect(judge(a, b)).toBeNull();
  });

  it('a name and a full birth date join, with the evidence', () => {
    const m = judge(rec('ofac-12218', 'person', ['YUN, Ho-Jin'], { birthDates: ['1944-10-13'] }), rec('unsc-kpi-001', 'person', ['YUN HO-JIN'], { birthDates: ['1944-10-13'] }));
    expect(m).toEqual({ rule: 'name_and_birth_date', evidence: { name: 'ho jin yun', birth_dates: ['1944-10-13'] } });
  });

  it('1 January and 31 December stand for a year, not a birth date (OFAC\'s "circa" ranges)', () => {
    const a = rec('ofac-1', 'person', ['KIM, Jong Sik'], { birthDates: ['1967-01-01', '1969-12-31'] });
    const b = rec('unsc-kpi-1', 'person', ['KIM JONG SIK'], { birthDates: ['1967-01-01'] });
    const other = rec('ofac-2', 'person', ['KIM, Jong Sik'], { birthDates: ['1980-05-05'] });
    expect(judge(a, b, [a, b, other])).toBeNull();
  });

  it('never joins two records of one list', () => {
    expect(judge(rec('ofac-1', 'person', ['RI, Chol'], { birthDates: ['1950-03-04'] }), rec('ofac-2', 'person', ['RI, Chol'], { birthDates: ['1950-03-04'] }))).toBeNull();
  });

  it('organisations: the same name without legal forms or a bracketed acronym, both DPRK-related and the only one of each list', () => {
    const a = rec('ofac-23712', 'org', ['KOREA SAMJONG SHIPPING CO']);
    const b = rec('unsc-kpe-064', 'org', ['KOREA SAMJONG SHIPPING'], { countries: new Set(['kp']) });
    expect(judge(a, b)?.rule).toBe('name_and_country');
    const c = rec('ofac-20123', 'org', ['ORGANIZATION AND GUIDANCE DEPARTMENT']);
    const d = rec('unsc-kpe-052', 'org', ['ORGANIZATION AND GUIDANCE DEPARTMENT (OGD)']);
    expect(judge(c, d)?.rule).toBe('name_and_country');
    // A second OFAC record of that name makes the name ambiguous: a person decides.
    expect(judge(a, b, [a, b, rec('ofac-9', 'org', ['KOREA SAMJONG SHIPPING COMPANY'])])).toBeNull();
    // Not DPRK-related on one side (OFAC's MGB, a Russia programme): no merge by name.
    expect(judge(rec('ofac-25437', 'org', ['MINISTRY OF STATE SECURITY'], { dprk: false }), rec('r39-ministry-of-state-security', 'org', ['Ministry of State Security']))).toBeNull();
  });

  it('a shared identifier joins organisations only with a distinctive name word in common', () => {
    const ids = new Map([['IMO5963351', 'registrationNumber IMO 5963351']]);
    expect(judge(rec('ofac-23725', 'org', ['FIRST OIL JV CO LTD'], { identifiers: ids }), rec('unsc-kpe-069', 'org', ['PAEKMA SHIPPING CO'], { identifiers: ids }))).toBeNull();
    const m = judge(rec('ofac-1', 'org', ['OCEAN MARITIME MANAGEMENT COMPANY LIMITED'], { identifiers: ids }), rec('unsc-kpe-020', 'org', ['OCEAN MARITIME MANAGEMENT COMPANY, LIMITED (OMM)'], { identifiers: ids }));
    expect(m?.rule).toBe('shared_identifier');
  });

  it('a seed entity the seed says OFAC designated joins the one DPRK OFAC record of its name', () => {
    const seed = rec('r39-kim-jong-un', 'person', ['Kim Jong Un'], { designatedBy: new Set(['us_ofac_sdn']) });
    const ofac = rec('ofac-20157', 'person', ['KIM, Jong Un'], { birthDates: ['1984-01-08'] });
    expect(judge(seed, ofac)?.rule).toBe('name_and_designation');
    expect(judge(seed, ofac, [seed, ofac, rec('ofac-99', 'person', ['KIM, Jong Un'], { birthDates: ['1950-01-02'] })])).toBeNull();
  });

  it('the rule run proposes strongest evidence first and compares only records that share a key', () => {
    const recs = [
      rec('ofac-12218', 'person', ['YUN, Ho-Jin'], { birthDates: ['1944-10-13'] }),
      rec('unsc-kpi-001', 'person', ['YUN HO-JIN'], { birthDates: ['1944-10-13'], identifiers: new Map([['PD123456', 'passportNumber PD123456']]) }),
      rec('gb-dpr0001', 'person', ['YUN HO-JIN']),
    ];
    expect(proposeByRules(recs).map((p) => [p.a.id, p.b.id, p.match.rule])).toEqual([['ofac-12218', 'unsc-kpi-001', 'name_and_birth_date']]);
  });
});
